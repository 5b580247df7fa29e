package dev.gilt.runtime.object.collections;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import java.util.function.Function;

/**
 * A read-only data attribute of a builtin container type ({@code slice.start}, {@code range.step}):
 * a data descriptor whose get calls a Java function and whose set raises AttributeError
 * "readonly attribute". Immortal (lives in an immortal type dict).
 */
public final class ReadOnlyAttr extends PyObject {
    public static final PyType TYPE = PyType.builtin("member_descriptor", ReadOnlyAttr.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.descrGet = (d, obj, type) -> {
            ReadOnlyAttr a = (ReadOnlyAttr) d;
            if (obj == null) return RefCount.newRef(d);
            if (!obj.type().isSubtypeOf(a.owner)) {
                throw Errors.typeError("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", a.name,
                        a.owner.name(), obj.type().name());
            }
            return a.getter.apply(obj);
        };
        TYPE.descrSet = (d, obj, value) -> {
            throw Errors.attributeError("readonly attribute");
        };
        TYPE.repr = d -> PyStr.of("<member '" + ((ReadOnlyAttr) d).name + "' of '" + ((ReadOnlyAttr) d).owner.name()
                + "' objects>");
    }

    public final PyType owner;
    public final String name;
    /** Returns a new reference. */
    private final Function<PyObject, PyObject> getter;

    private ReadOnlyAttr(PyType owner, String name, Function<PyObject, PyObject> getter) {
        this.owner = owner;
        this.name = name;
        this.getter = getter;
        RefCount.immortalize(this);
    }

    /** Defines attribute {@code name} of {@code owner}'s instances; getter returns a new reference. */
    public static void define(PyType owner, String name, Function<PyObject, PyObject> getter) {
        owner.define(name, new ReadOnlyAttr(owner, name, getter));
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
