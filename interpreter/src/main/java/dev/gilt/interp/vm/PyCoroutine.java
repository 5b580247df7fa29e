package dev.gilt.interp.vm;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.thread.ThreadState;

/**
 * {@code coroutine}: what calling an {@code async def} function returns. Awaitable (its own
 * iterator for SEND; {@code __await__} returns a {@code coroutine_wrapper}), not iterable. A
 * coroutine that dies without ever being started prints CPython's "was never awaited"
 * RuntimeWarning.
 */
public final class PyCoroutine extends PyGenerator {
    public static final PyType TYPE = PyType.builtin("coroutine", PyCoroutine.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.repr = self -> ((PyCoroutine) self).repr();
        TYPE.getattr = (self, name) -> ((PyCoroutine) self).getAttr(name);
        TYPE.setattr = PyGenerator.TYPE.setattr;
        TYPE.await = self -> new Wrapper((PyCoroutine) self);
        PyGenerator.defineMethods(TYPE);
        PyMethodDescr.define(TYPE, "__await__", (Fn.F0) self -> new Wrapper((PyCoroutine) self));
    }

    /** True once the coroutine was started or closed (no "never awaited" warning then). */
    private boolean started;

    PyCoroutine(Frame f) {
        super(f);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    String kind() {
        return "coroutine";
    }

    @Override
    String prefix() {
        return "cr_";
    }

    @Override
    PyException exhausted() {
        return VmSupport.raise(dev.gilt.runtime.error.PyExc.RuntimeError, "cannot reuse already awaited coroutine");
    }

    @Override
    public PyObject resume(ThreadState ts, PyObject value, dev.gilt.runtime.object.PyBaseException exc) {
        started = true;
        return super.resume(ts, value, exc);
    }

    @Override
    public PyObject close() {
        started = true;
        return super.close();
    }

    @Override
    public void releaseReferences() {
        Frame f = frame;
        if (f != null && f.state == Frame.CREATED && !started) {
            started = true;
            Warnings.runtimeWarning("coroutine '" + qualname.value + "' was never awaited", true);
        }
        super.releaseReferences();
    }

    /**
     * {@code coroutine_wrapper}: the iterator {@code coro.__await__()} returns; next/send/throw/
     * close go to the coroutine.
     */
    public static final class Wrapper extends PyGcObject {
        public static final PyType TYPE = PyType.builtin("coroutine_wrapper", Wrapper.class);

        static {
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.iter = RefCount::newRef;
            TYPE.next = self -> ((Wrapper) self).coro.nextOrNull();
            PyMethodDescr.define(TYPE, "send", (Fn.F1) (self, v) -> ((Wrapper) self).coro.sendValue(v));
            PyMethodDescr.define(TYPE, "__next__",
                    (Fn.F0) self -> ((Wrapper) self).coro.sendValue(PyNone.NONE));
            PyMethodDescr.define(TYPE, "throw", (Fn.FV) (self, args, kw) -> {
                if (args.length < 1 || args.length > 3) {
                    throw Errors.typeError("throw expected at least 1 argument, got %d", args.length);
                }
                return ((Wrapper) self).coro.throwExc(PyGenerator.makeThrown(args[0],
                        args.length > 1 ? args[1] : null, args.length > 2 ? args[2] : null));
            });
            PyMethodDescr.define(TYPE, "close", (Fn.F0) self -> ((Wrapper) self).coro.close());
            TYPE.getattr = (self, name) -> VmSupport.genericGetAttr(self, name, null);
        }

        PyCoroutine coro;

        Wrapper(PyCoroutine c) {
            this.coro = RefCount.newRef(c);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public void traverse(Visitor v) {
            if (coro != null) v.visit(coro);
        }

        @Override
        public void releaseReferences() {
            PyObject c = coro;
            coro = null;
            RefCount.xdecref(c);
        }
    }
}
