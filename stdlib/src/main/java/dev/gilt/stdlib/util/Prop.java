package dev.gilt.stdlib.util;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;

/**
 * A computed attribute of a Java-implemented type ({@code getset_descriptor} in CPython): a getter
 * and an optional setter written in Java, stored in the type's dict. It is a data descriptor (it
 * always has a set slot), so it wins over instance attributes, as in CPython.
 */
public final class Prop extends PyObject {
    public static final PyType TYPE = PyType.builtin("getset_descriptor", Prop.class);

    /** Returns a new reference. */
    @FunctionalInterface
    public interface Getter {
        PyObject get(PyObject self);
    }

    /** {@code value} is borrowed; null means {@code del}. */
    @FunctionalInterface
    public interface Setter {
        void set(PyObject self, PyObject value);
    }

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.descrGet = (d, obj, t) -> {
            Prop p = (Prop) d;
            if (obj == null) return RefCount.newRef(d);
            checkOwner(p, obj);
            return p.getter.get(obj);
        };
        TYPE.descrSet = (d, obj, v) -> {
            Prop p = (Prop) d;
            checkOwner(p, obj);
            if (p.setter == null) {
                if (v == null) {
                    throw Errors.attributeError("attribute '%s' of '%s' objects is not writable", p.name, p.owner.name());
                }
                throw Errors.attributeError("attribute '%s' of '%s' objects is not writable", p.name, p.owner.name());
            }
            p.setter.set(obj, v);
        };
        TYPE.repr = d -> {
            Prop p = (Prop) d;
            return PyStr.of("<attribute '" + p.name + "' of '" + p.owner.name() + "' objects>");
        };
    }

    public final String name;
    public final PyType owner;
    final Getter getter;
    final Setter setter;

    private Prop(PyType owner, String name, Getter getter, Setter setter) {
        this.owner = owner;
        this.name = name;
        this.getter = getter;
        this.setter = setter;
        RefCount.immortalize(this);
    }

    private static void checkOwner(Prop p, PyObject obj) {
        if (!obj.type().isSubtypeOf(p.owner)) {
            throw Errors.typeError("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", p.name,
                    p.owner.name(), obj.type().name());
        }
    }

    /** Defines a read-only attribute on {@code owner}. */
    public static void define(PyType owner, String name, Getter g) {
        owner.define(name, new Prop(owner, name, g, null));
    }

    /** Defines a read-write attribute on {@code owner}. */
    public static void define(PyType owner, String name, Getter g, Setter s) {
        owner.define(name, new Prop(owner, name, g, s));
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
