package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;

/**
 * {@code getset_descriptor}: an attribute of a builtin type computed by Java code, e.g.
 * {@code int.real}, {@code range.start}, {@code function.__name__}, {@code A.__dict__}. It is a data
 * descriptor (it always has a setter slot), so it wins over an instance {@code __dict__} entry of
 * the same name; without a Java setter, assignment raises CPython's "attribute 'x' of 'T' objects
 * is not writable".
 *
 * <p>Typical definition, in the owning type's static initialiser:
 * <pre>
 *   PyGetSetDescr.define(TYPE, "real", self -&gt; RefCount.newRef(self));
 *   PyGetSetDescr.define(TYPE, "x", self -&gt; ..., (self, v) -&gt; ...);   // v == null: delete
 * </pre>
 * Descriptors are immortal (they live in an immortal type dict for the whole run).
 */
public final class PyGetSetDescr extends PyObject {
    public static final PyType TYPE = PyType.builtin("getset_descriptor", PyGetSetDescr.class);

    /** Reads the attribute of {@code self} (already type-checked); returns a new reference. */
    @FunctionalInterface
    public interface Getter {
        PyObject get(PyObject self);
    }

    /** Writes the attribute of {@code self}; {@code value} borrowed, or null for {@code del}. */
    @FunctionalInterface
    public interface Setter {
        void set(PyObject self, PyObject value);
    }

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.descrGet = (d, obj, type) -> ((PyGetSetDescr) d).get(obj);
        TYPE.descrSet = (d, obj, value) -> ((PyGetSetDescr) d).set(obj, value);
        TYPE.repr = d -> PyStr.of("<attribute '" + ((PyGetSetDescr) d).name + "' of '"
                + ((PyGetSetDescr) d).owner.name() + "' objects>");
    }

    public final String name;
    public final PyType owner;
    public final Getter getter;
    public final Setter setter;
    public final String doc;

    private PyGetSetDescr(PyType owner, String name, Getter getter, Setter setter, String doc) {
        this.owner = owner;
        this.name = name;
        this.getter = getter;
        this.setter = setter;
        this.doc = doc;
        RefCount.immortalize(this);
    }

    /** A read-only attribute; stored in {@code owner}'s dict and returned. */
    public static PyGetSetDescr define(PyType owner, String name, Getter getter) {
        return define(owner, name, getter, null, null);
    }

    /** A read-write attribute (the setter also handles delete: value null). */
    public static PyGetSetDescr define(PyType owner, String name, Getter getter, Setter setter) {
        return define(owner, name, getter, setter, null);
    }

    public static PyGetSetDescr define(PyType owner, String name, Getter getter, Setter setter, String doc) {
        PyGetSetDescr d = new PyGetSetDescr(owner, name, getter, setter, doc);
        owner.define(name, d);
        return d;
    }

    /** A descriptor not stored anywhere yet (the caller puts it in a dict). */
    public static PyGetSetDescr create(PyType owner, String name, Getter getter, Setter setter) {
        return new PyGetSetDescr(owner, name, getter, setter, null);
    }

    PyObject get(PyObject obj) {
        if (obj == null) return this; // immortal: no incref needed
        check(obj);
        if (getter == null) {
            throw Errors.attributeError("attribute '%s' of '%s' objects is not readable", name, owner.name());
        }
        return getter.get(obj);
    }

    void set(PyObject obj, PyObject value) {
        if (setter == null) {
            throw Errors.attributeError("attribute '%s' of '%s' objects is not writable", name, owner.name());
        }
        check(obj);
        setter.set(obj, value);
    }

    private void check(PyObject obj) {
        if (!obj.type().isSubtypeOf(owner)) {
            throw Errors.typeError("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
                    owner.name(), obj.type().name());
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
