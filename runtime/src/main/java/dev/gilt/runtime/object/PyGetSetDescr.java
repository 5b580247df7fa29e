package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;

/**
 * A computed attribute of a builtin type ({@code getset_descriptor}, e.g. {@code int.real},
 * {@code complex.imag}): a data descriptor whose getter (and optional setter) are Java lambdas.
 *
 * <pre>
 *   PyGetSetDescr.define(TYPE, "real", self -&gt; PyFloat.of(((PyComplex) self).real));
 * </pre>
 * The getter receives a borrowed instance and returns a new reference.
 */
public final class PyGetSetDescr extends PyObject {
    public static final PyType TYPE = PyType.builtin("getset_descriptor", PyGetSetDescr.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.descrGet = (d, obj, type) -> obj == null ? RefCount.newRef(d) : ((PyGetSetDescr) d).get(obj);
        TYPE.descrSet = (d, obj, value) -> ((PyGetSetDescr) d).set(obj, value);
        TYPE.repr = d -> {
            PyGetSetDescr g = (PyGetSetDescr) d;
            return PyStr.of("<attribute '" + g.name + "' of '" + g.owner.name() + "' objects>");
        };
    }

    /** Setter shape: value null means delete. */
    @FunctionalInterface
    public interface Setter {
        void set(PyObject self, PyObject value);
    }

    public final String name;
    public final PyType owner;
    private final Slots.Unary getter;
    private final Setter setter;

    private PyGetSetDescr(PyType owner, String name, Slots.Unary getter, Setter setter) {
        this.owner = owner;
        this.name = name;
        this.getter = getter;
        this.setter = setter;
        RefCount.immortalize(this);
    }

    /** A read-only attribute. */
    public static PyGetSetDescr define(PyType owner, String name, Slots.Unary getter) {
        return define(owner, name, getter, null);
    }

    public static PyGetSetDescr define(PyType owner, String name, Slots.Unary getter, Setter setter) {
        PyGetSetDescr d = new PyGetSetDescr(owner, name, getter, setter);
        owner.define(name, d);
        return d;
    }

    /** The attribute's value for {@code obj} (a new reference). */
    public PyObject get(PyObject obj) {
        check(obj);
        return getter.apply(obj);
    }

    public void set(PyObject obj, PyObject value) {
        check(obj);
        if (setter == null) {
            throw Errors.attributeError("attribute '%s' of '%s' objects is not writable", name, owner.name());
        }
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
