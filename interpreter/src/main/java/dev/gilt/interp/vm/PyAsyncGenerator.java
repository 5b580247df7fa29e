package dev.gilt.interp.vm;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.thread.ThreadState;

/**
 * {@code async_generator}: an {@code async def} with {@code yield}. Its frame yields two kinds of
 * values: {@link Wrapped} ones (an {@code yield} in the body, wrapped by ASYNC_GEN_WRAP) go to
 * the {@code async for} as the result of the awaited {@code __anext__()} (by raising
 * StopIteration(value) out of the awaitable), and plain ones (an {@code await} inside the body)
 * pass through to the event loop. {@link ASend} and {@link AThrow} are the awaitables that
 * {@code __anext__/asend} and {@code athrow/aclose} return (CPython's genobject.c semantics).
 */
public final class PyAsyncGenerator extends PyGenerator {
    public static final PyType TYPE = PyType.builtin("async_generator", PyAsyncGenerator.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.repr = self -> ((PyAsyncGenerator) self).repr();
        TYPE.getattr = (self, name) -> ((PyAsyncGenerator) self).getAttr(name);
        TYPE.setattr = PyGenerator.TYPE.setattr;
        TYPE.aiter = RefCount::newRef;
        TYPE.anext = self -> new ASend((PyAsyncGenerator) self, null);
        PyMethodDescr.define(TYPE, "__aiter__", (Fn.F0) RefCount::newRef);
        PyMethodDescr.define(TYPE, "__anext__", (Fn.F0) self -> new ASend((PyAsyncGenerator) self, null));
        PyMethodDescr.define(TYPE, "asend", (Fn.F1) (self, v) -> new ASend((PyAsyncGenerator) self, v));
        PyMethodDescr.define(TYPE, "athrow", (Fn.FV) (self, args, kw) -> {
            if (args.length < 1 || args.length > 3) {
                throw Errors.typeError("athrow expected at least 1 argument, got %d", args.length);
            }
            return new AThrow((PyAsyncGenerator) self, args);
        });
        PyMethodDescr.define(TYPE, "aclose", (Fn.F0) self -> new AThrow((PyAsyncGenerator) self, null));
    }

    /** An ASend or AThrow of this generator is in progress. */
    boolean runningAsync;
    /** aclose() was called, or the generator finished with StopAsyncIteration/GeneratorExit. */
    boolean closed;

    PyAsyncGenerator(Frame f) {
        super(f);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    String kind() {
        return "async generator";
    }

    @Override
    String prefix() {
        return "ag_";
    }

    @Override
    PyException exhausted() {
        return Errors.of(PyExc.StopAsyncIteration);
    }

    @Override
    PyObject getAttr(PyStr n) {
        if (n.value.equals("ag_running")) return PyBool.of(runningAsync);
        return super.getAttr(n);
    }

    /**
     * Turns what the frame produced into the awaitable's result: a Wrapped value becomes
     * StopIteration(value); a return becomes StopAsyncIteration; anything else passes through.
     */
    PyObject unwrap(PyObject r) {
        if (lastReturned) {
            RefCount.decref(r);
            runningAsync = false;
            closed = true;
            throw Errors.of(PyExc.StopAsyncIteration);
        }
        if (r instanceof Wrapped w) {
            PyObject v = RefCount.newRef(w.value);
            RefCount.decref(r);
            runningAsync = false;
            throw PyGenerator.stopIteration(v);
        }
        return r;
    }

    /** Bookkeeping when the frame raised (CPython's async_gen_unwrap_value error path). */
    void onError(PyException e) {
        if (e.matches(PyExc.StopAsyncIteration) || e.matches(PyExc.GeneratorExit)) closed = true;
        runningAsync = false;
    }

    // ---- the wrapped value -------------------------------------------------------------------

    /** {@code async_generator_wrapped_value}: marks a value yielded by an async generator's body. */
    public static final class Wrapped extends PyGcObject {
        public static final PyType TYPE = PyType.builtin("async_generator_wrapped_value", Wrapped.class);
        PyObject value;

        /** Borrows {@code v} (keeps its own reference). */
        Wrapped(PyObject v) {
            this.value = RefCount.newRef(v);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public void traverse(Visitor v) {
            if (value != null) v.visit(value);
        }

        @Override
        public void releaseReferences() {
            PyObject x = value;
            value = null;
            RefCount.xdecref(x);
        }
    }

    // ---- awaitables ----------------------------------------------------------------------------

    private static final int INIT = 0, ITER = 1, CLOSED = 2;

    /** Common shape of the two awaitables: iterator, __await__ returning itself, send/throw/close. */
    abstract static class Awaitable extends PyGcObject {
        PyAsyncGenerator gen;
        int state = INIT;

        Awaitable(PyAsyncGenerator g) {
            this.gen = RefCount.newRef(g);
        }

        static void setup(PyType t) {
            t.flags &= ~PyType.BASETYPE;
            t.iter = RefCount::newRef;
            t.await = RefCount::newRef;
            // The iterator slot raises StopIteration(value) for an async yield: SEND and event loops expect it.
            t.next = self -> ((Awaitable) self).send(PyNone.NONE);
            t.getattr = (self, name) -> VmSupport.genericGetAttr(self, name, null);
            PyMethodDescr.define(t, "send", (Fn.F1) (self, v) -> ((Awaitable) self).send(v));
            PyMethodDescr.define(t, "__next__", (Fn.F0) self -> ((Awaitable) self).send(PyNone.NONE));
            PyMethodDescr.define(t, "__await__", (Fn.F0) RefCount::newRef);
            PyMethodDescr.define(t, "__iter__", (Fn.F0) RefCount::newRef);
            PyMethodDescr.define(t, "throw", (Fn.FV) (self, args, kw) -> {
                if (args.length < 1 || args.length > 3) {
                    throw Errors.typeError("throw expected at least 1 argument, got %d", args.length);
                }
                return ((Awaitable) self).throwIn(PyGenerator.makeThrown(args[0], args.length > 1 ? args[1] : null,
                        args.length > 2 ? args[2] : null));
            });
            PyMethodDescr.define(t, "close", (Fn.F0) self -> {
                ((Awaitable) self).state = CLOSED;
                return RefCount.newRef(PyNone.NONE);
            });
        }

        abstract PyObject send(PyObject v);

        abstract PyObject throwIn(PyBaseException exc);

        @Override
        public void traverse(Visitor v) {
            if (gen != null) v.visit(gen);
        }

        @Override
        public void releaseReferences() {
            PyObject g = gen;
            gen = null;
            RefCount.xdecref(g);
        }
    }

    /** {@code async_generator_asend}: what {@code __anext__()} and {@code asend(v)} return. */
    public static final class ASend extends Awaitable {
        public static final PyType TYPE = PyType.builtin("async_generator_asend", ASend.class);

        static {
            setup(TYPE);
        }

        /** The value to send first (owned), or null for None. */
        PyObject sendValue;

        ASend(PyAsyncGenerator g, PyObject v) {
            super(g);
            this.sendValue = v == null ? null : RefCount.newRef(v);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        PyObject send(PyObject v) {
            if (state == CLOSED) throw Errors.runtimeError("cannot reuse already awaited __anext__()/asend()");
            if (state == INIT) {
                if (gen.runningAsync) {
                    throw Errors.runtimeError("anext(): asynchronous generator is already running");
                }
                if (v == PyNone.NONE && sendValue != null) v = sendValue;
                state = ITER;
            }
            gen.runningAsync = true;
            try {
                return gen.unwrap(gen.resume(ThreadState.current(), v, null));
            } catch (PyException e) {
                state = CLOSED;
                gen.onError(e);
                throw e;
            }
        }

        @Override
        PyObject throwIn(PyBaseException exc) {
            if (state == CLOSED) {
                RefCount.decref(exc);
                throw Errors.runtimeError("cannot reuse already awaited __anext__()/asend()");
            }
            try {
                return gen.unwrap(gen.throwInternal(ThreadState.current(), exc));
            } catch (PyException e) {
                state = CLOSED;
                gen.onError(e);
                throw e;
            }
        }

        @Override
        public void releaseReferences() {
            PyObject v = sendValue;
            sendValue = null;
            RefCount.xdecref(v);
            super.releaseReferences();
        }

        @Override
        public void traverse(Visitor v) {
            super.traverse(v);
            if (sendValue != null) v.visit(sendValue);
        }
    }

    /** {@code async_generator_athrow}: what {@code athrow(...)} and {@code aclose()} return. */
    public static final class AThrow extends Awaitable {
        public static final PyType TYPE = PyType.builtin("async_generator_athrow", AThrow.class);

        static {
            setup(TYPE);
        }

        /** athrow's arguments (borrowed while building the exception), or null for aclose(). */
        private final boolean aclose;
        private PyObject[] args;

        AThrow(PyAsyncGenerator g, PyObject[] args) {
            super(g);
            this.aclose = args == null;
            if (args != null) {
                this.args = args.clone();
                for (PyObject a : this.args) RefCount.incref(a);
            }
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        private String what() {
            return aclose ? "aclose()" : "athrow()";
        }

        @Override
        PyObject send(PyObject v) {
            ThreadState ts = ThreadState.current();
            if (gen.isExhausted()) {
                state = CLOSED;
                throw Errors.stopIteration();
            }
            if (state == CLOSED) throw Errors.runtimeError("cannot reuse already awaited aclose()/athrow()");
            PyObject r;
            try {
                if (state == INIT) {
                    if (gen.runningAsync) {
                        state = CLOSED;
                        throw Errors.runtimeError(what() + ": asynchronous generator is already running");
                    }
                    if (gen.closed) {
                        state = CLOSED;
                        throw Errors.of(PyExc.StopAsyncIteration);
                    }
                    if (v != PyNone.NONE) throw Errors.runtimeError("can't send non-None value to a just-started coroutine");
                    state = ITER;
                    gen.runningAsync = true;
                    if (aclose) {
                        gen.closed = true;
                        r = gen.throwInternal(ts, VmSupport.newException(PyExc.GeneratorExit));
                        return acloseResult(r);
                    }
                    PyBaseException exc = PyGenerator.makeThrown(args[0], args.length > 1 ? args[1] : null,
                            args.length > 2 ? args[2] : null);
                    return gen.unwrap(gen.throwInternal(ts, exc));
                }
                r = gen.resume(ts, v, null);
                return aclose ? acloseResult(r) : gen.unwrap(r);
            } catch (PyException e) {
                throw checkError(e);
            }
        }

        /** aclose(): a value yielded by the body means GeneratorExit was ignored. */
        private PyObject acloseResult(PyObject r) {
            if (gen.lastReturned) {
                RefCount.decref(r);
                gen.runningAsync = false;
                state = CLOSED;
                throw Errors.stopIteration();
            }
            if (r instanceof Wrapped) {
                RefCount.decref(r);
                gen.runningAsync = false;
                state = CLOSED;
                throw Errors.runtimeError("async generator ignored GeneratorExit");
            }
            return r;
        }

        private PyException checkError(PyException e) {
            if (e.matches(PyExc.StopIteration) && state == CLOSED) return e;
            gen.runningAsync = false;
            state = CLOSED;
            if (aclose && (e.matches(PyExc.StopAsyncIteration) || e.matches(PyExc.GeneratorExit))) {
                RefCount.decref(e.exc);
                return Errors.stopIteration();
            }
            return e;
        }

        @Override
        PyObject throwIn(PyBaseException exc) {
            if (state == CLOSED) {
                RefCount.decref(exc);
                throw Errors.runtimeError("cannot reuse already awaited aclose()/athrow()");
            }
            try {
                PyObject r = gen.throwInternal(ThreadState.current(), exc);
                return aclose ? acloseResult(r) : gen.unwrap(r);
            } catch (PyException e) {
                throw checkError(e);
            }
        }

        @Override
        public void traverse(Visitor v) {
            super.traverse(v);
            if (args != null) for (PyObject a : args) v.visit(a);
        }

        @Override
        public void releaseReferences() {
            PyObject[] a = args;
            args = null;
            if (a != null) for (PyObject o : a) RefCount.decref(o);
            super.releaseReferences();
        }
    }
}
