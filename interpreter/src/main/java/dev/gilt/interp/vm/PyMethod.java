package dev.gilt.interp.vm;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;

/**
 * {@code method}: a callable bound to an instance ({@code obj.f} where {@code f} is a function
 * in the class). Calling it calls {@link #func} with {@link #self} prepended. The eval loop avoids
 * creating these for {@code obj.f(...)} call sites (LOAD_ATTR method form) and unpacks them when
 * they are called (CALL), so they mostly exist when a bound method is stored.
 *
 * <p>Both fields are owned references.
 */
public final class PyMethod extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("method", PyMethod.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.call = (self, args, kw) -> ((PyMethod) self).call(args, kw);
        TYPE.descrGet = (self, obj, type) -> RefCount.newRef(self);
        TYPE.repr = self -> {
            PyMethod m = (PyMethod) self;
            PyObject qn = Ops.lookupAttr(m.func, PyFunction.S_QUALNAME);
            if (qn == null) qn = Ops.lookupAttr(m.func, PyFunction.S_NAME);
            String name = qn instanceof PyStr s ? s.value : "?";
            RefCount.xdecref(qn);
            return PyStr.of("<bound method " + name + " of " + Ops.reprString(m.self) + ">");
        };
        TYPE.getattr = (self, name) -> {
            PyMethod m = (PyMethod) self;
            switch (name.value) {
                case "__self__": return RefCount.newRef(m.self);
                case "__func__": return RefCount.newRef(m.func);
                default:
                    PyObject r = VmSupport.genericGetAttr(self, name, null);
                    if (r != null) return r;
                    // Everything else (__name__, __doc__, __qualname__, __module__...) comes from the function.
                    return Ops.lookupAttr(m.func, name);
            }
        };
        TYPE.setattr = (self, name, value) -> {
            throw Errors.attributeError("'method' object has no attribute '%s'", name.value);
        };
        TYPE.richcompare = (a, b, op) -> {
            if (!(b instanceof PyMethod mb) || (op != 2 && op != 3)) {
                return RefCount.newRef(PyNotImplemented.NOT_IMPLEMENTED);
            }
            PyMethod ma = (PyMethod) a;
            boolean eq = ma.self == mb.self && Ops.eqBool(ma.func, mb.func);
            return PyBool.of(op == 2 ? eq : !eq);
        };
        TYPE.hash = self -> {
            PyMethod m = (PyMethod) self;
            long h = (RefCount.id(m.self) >>> 4) ^ Ops.hash(m.func);
            return h == -1 ? -2 : h;
        };
    }

    public PyObject func;
    public PyObject self;

    /** Binds {@code func} to {@code self} (both borrowed; the method keeps references). */
    public PyMethod(PyObject func, PyObject self) {
        this.func = RefCount.newRef(func);
        this.self = RefCount.newRef(self);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    PyObject call(PyObject[] args, PyTuple kw) {
        PyObject[] a = new PyObject[args.length + 1];
        a[0] = self;
        System.arraycopy(args, 0, a, 1, args.length);
        if (func instanceof PyFunction f) {
            Frame fr = ArgBinder.frameFor(f, a, 0, a.length, kw, false);
            return Interpreter.runFunctionFrame(ThreadState.current(), fr);
        }
        return Ops.call(func, a, kw);
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
