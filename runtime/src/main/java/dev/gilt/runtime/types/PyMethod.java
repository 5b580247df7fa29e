package dev.gilt.runtime.types;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code method}: a callable bound to a receiver (CPython's PyMethod_Type). The interpreter binds
 * its Python functions into these when they are read through an instance ({@code a.f}), and
 * classmethod binds its callable to the class. Calling it calls {@link #func} with {@link #self}
 * prepended. Equality compares the receivers by identity and the functions by equality.
 *
 * <p>Refcounts: owns {@link #func} and {@link #self}.
 */
public final class PyMethod extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("method", PyMethod.class);

    private static final PyStr QUALNAME = PyStr.intern("__qualname__"), NAME = PyStr.intern("__name__");

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.flags |= PyType.WEAKREFABLE;
        TYPE.call = (m, args, kw) -> ((PyMethod) m).call(args, kw);
        TYPE.repr = m -> PyStr.of(((PyMethod) m).reprString());
        TYPE.richcompare = (a, b, op) -> {
            if ((op != Ops.EQ && op != Ops.NE) || !(b instanceof PyMethod mb)) return PyNotImplemented.NOT_IMPLEMENTED;
            PyMethod ma = (PyMethod) a;
            boolean eq = ma.self == mb.self && Ops.eqBool(ma.func, mb.func);
            return PyBool.of(op == Ops.EQ ? eq : !eq);
        };
        TYPE.hash = m -> {
            PyMethod pm = (PyMethod) m;
            long h = ObjectSlots.hash(pm.self) ^ Ops.hash(pm.func);
            return h == -1 ? -2 : h;
        };
        TYPE.getattr = (m, name) -> {
            // Attributes of the method type first (__func__, __self__...), then the function's.
            PyObject r = GenericAttr.getAttr(m, name);
            if (r != null) return r;
            return Ops.lookupAttr(((PyMethod) m).func, name);
        };
        TYPE.newInstance = (type, args, kw) -> {
            if (kw != null && kw.size() > 0) throw dev.gilt.runtime.error.Errors.typeError("method() takes no keyword arguments");
            if (args.length != 2) {
                throw dev.gilt.runtime.error.Errors.typeError("method expected 2 arguments, got %d", args.length);
            }
            if (args[0].type().call == null) throw dev.gilt.runtime.error.Errors.typeError("first argument must be callable");
            return new PyMethod(args[0], args[1]);
        };
        PyGetSetDescr.define(TYPE, "__func__", m -> RefCount.newRef(((PyMethod) m).func));
        PyGetSetDescr.define(TYPE, "__self__", m -> RefCount.newRef(((PyMethod) m).self));
        PyGetSetDescr.define(TYPE, "__doc__", m -> {
            PyObject d = Ops.lookupAttr(((PyMethod) m).func, PyStr.intern("__doc__"));
            return d == null ? dev.gilt.runtime.object.PyNone.NONE : d;
        });
    }

    /** The callable (owned). */
    public PyObject func;
    /** The receiver (owned). */
    public PyObject self;

    /** Binds {@code func} to {@code self} (both borrowed; the method takes its own references). */
    public PyMethod(PyObject func, PyObject self) {
        this.func = RefCount.newRef(func);
        this.self = RefCount.newRef(self);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Calls {@code func(self, *args)}. */
    public PyObject call(PyObject[] args, PyTuple kwnames) {
        PyObject[] a = new PyObject[args.length + 1];
        a[0] = self;
        System.arraycopy(args, 0, a, 1, args.length);
        return Ops.call(func, a, kwnames);
    }

    private String reprString() {
        String name = "?";
        PyObject n = null;
        try {
            n = Ops.lookupAttr(func, QUALNAME);
            if (!(n instanceof PyStr)) {
                RefCount.xdecref(n);
                n = Ops.lookupAttr(func, NAME);
            }
            if (n instanceof PyStr ns) name = ns.value;
        } catch (PyException e) {
            RefCount.decref(e.exc);
        } finally {
            RefCount.xdecref(n);
        }
        return "<bound method " + name + " of " + Ops.reprString(self) + ">";
    }

    @Override
    public void traverse(Visitor v) {
        if (func != null) v.visit(func);
        if (self != null) v.visit(self);
    }

    @Override
    public void releaseReferences() {
        PyObject f = func, s = self;
        func = null;
        self = null;
        RefCount.xdecref(f);
        RefCount.xdecref(s);
    }
}
