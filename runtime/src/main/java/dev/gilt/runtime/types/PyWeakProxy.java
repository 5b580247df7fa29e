package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code weakref.proxy(obj[, callback])}: a weak reference that forwards operations to its
 * referent ({@code weakref.ProxyType}, or {@code weakref.CallableProxyType} for callable
 * referents), raising ReferenceError once the referent died. Proxies are unhashable.
 */
public final class PyWeakProxy extends PyWeakRef {
    public static final PyType PROXY = PyType.builtin("weakref.ProxyType", PyWeakProxy.class);
    public static final PyType CALLABLE = PyType.builtin("weakref.CallableProxyType", PyWeakProxy.class);

    static {
        for (PyType t : new PyType[] {PROXY, CALLABLE}) {
            t.flags &= ~PyType.BASETYPE;
            t.newInstance = null;
            t.init = null;
            t.hash = null;
            t.getattr = (self, name) -> Ops.getAttr(target(self), name);
            t.setattr = (self, name, value) -> {
                if (value == null) {
                    Ops.delAttr(target(self), name);
                } else {
                    Ops.setAttr(target(self), name, value);
                }
            };
            t.str = self -> Ops.str(target(self));
            t.repr = self -> {
                PyWeakRef w = (PyWeakRef) self;
                String head = "<weakproxy at 0x" + Long.toHexString(RefCount.id(w));
                PyObject r = w.referent;
                if (r == null) return PyStr.of(head + "; dead>");
                return PyStr.of(head + " to " + r.type().name() + " at 0x" + Long.toHexString(RefCount.id(r)) + ">");
            };
            t.bool = self -> Ops.isTrue(target(self));
            t.len = self -> Ops.len(target(self));
            t.iter = self -> Ops.iter(target(self));
            t.next = self -> Ops.next(target(self));
            t.getitem = (self, k) -> Ops.getItem(target(self), k);
            t.setitem = (self, k, v) -> {
                if (v == null) {
                    Ops.delItem(target(self), k);
                } else {
                    Ops.setItem(target(self), k, v);
                }
            };
            t.contains = (self, x) -> Ops.contains(target(self), x);
            t.richcompare = (a, b, op) -> Ops.richCompare(unwrap(a), unwrap(b), op);
            for (int i = 0; i < 13; i++) {
                final int op = i;
                t.nb[i] = (a, b) -> Ops.binaryOp(op, unwrap(a), unwrap(b));
                t.nbInplace[i] = (a, b) -> Ops.inplaceOp(op, unwrap(a), unwrap(b));
            }
            t.neg = self -> Ops.neg(target(self));
            t.pos = self -> Ops.pos(target(self));
            t.invert = self -> Ops.invert(target(self));
            t.index = self -> Ops.index(target(self));
        }
        CALLABLE.call = (self, args, kw) -> Ops.call(target(self), args, kw);
    }

    private PyWeakProxy(PyType type, PyObject referent, PyObject callback) {
        super(type, referent, callback);
    }

    /** {@code weakref.proxy(obj, callback)} (new reference; reused when there is no callback). */
    public static PyWeakRef proxy(PyObject obj, PyObject callback) {
        WeakRefs.checkReferenceable(obj);
        PyType t = obj.type().call != null ? CALLABLE : PROXY;
        if (callback == null || callback == PyNone.NONE) {
            PyWeakRef existing = WeakRefs.findBasic(obj, t);
            if (existing != null) return RefCount.newRef(existing);
        }
        PyWeakProxy p = new PyWeakProxy(t, obj, callback);
        WeakRefs.register(p);
        return p;
    }

    private static PyObject target(PyObject self) {
        PyObject r = ((PyWeakRef) self).referent;
        if (r == null) throw Errors.of(PyExc.ReferenceError, "weakly-referenced object no longer exists");
        return r;
    }

    private static PyObject unwrap(PyObject o) {
        return o instanceof PyWeakProxy ? target(o) : o;
    }
}
