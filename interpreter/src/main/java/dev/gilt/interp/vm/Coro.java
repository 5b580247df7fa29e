package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;

/**
 * Instructions of {@code yield from}, {@code await}, {@code with} and {@code async with/for}:
 * SEND, GET_AWAITABLE, GET_AITER, GET_ANEXT, BEFORE_WITH, BEFORE_ASYNC_WITH,
 * GET_YIELD_FROM_ITER, with CPython 3.12's messages.
 */
final class Coro {
    private Coro() {}

    static boolean isStopIteration(PyObject exc) {
        return exc instanceof PyBaseException e && e.type().isSubtypeOf(PyExc.StopIteration);
    }

    /** StopIteration's value: its first argument, or None (new reference). */
    static PyObject stopIterationValue(PyBaseException e) {
        PyObject v = Ops.lookupAttr(e, dev.gilt.runtime.object.PyStr.intern("value"));
        if (v != null) return v;
        return RefCount.newRef(e.args.size() > 0 ? e.args.get(0) : PyNone.NONE);
    }

    /**
     * SEND: {@code receiver, v} -> {@code receiver, result}. Returns true when the receiver
     * finished (the result is its return value and the loop jumps to the target).
     *
     * <p>A receiver that is not a Gilt generator is driven through its iterator slot (v None) or
     * its {@code send} method; such a receiver ends by raising StopIteration(value) — Java
     * awaitables may raise it from their {@code next} slot to return a value.
     */
    static boolean send(ThreadState ts, PyObject[] s, int sp) {
        PyObject v = s[sp - 1], recv = s[sp - 2];
        PyObject r;
        if (recv instanceof PyGenerator g && !(recv instanceof PyAsyncGenerator)) {
            r = g.resume(ts, v, null);
            s[sp - 1] = r;
            RefCount.decref(v);
            return g.lastReturned;
        }
        try {
            if (v == PyNone.NONE && recv.type().next != null) {
                r = recv.type().next.next(recv);
                if (r == null) r = RefCount.newRef(PyNone.NONE);
                else {
                    s[sp - 1] = r;
                    RefCount.decref(v);
                    return false;
                }
                s[sp - 1] = r;
                RefCount.decref(v);
                return true;
            }
            r = Ops.callMethod(recv, "send", v);
        } catch (PyException e) {
            if (!e.matches(PyExc.StopIteration)) throw e;
            PyObject value = stopIterationValue(e.exc);
            RefCount.decref(e.exc);
            s[sp - 1] = value;
            RefCount.decref(v);
            return true;
        }
        s[sp - 1] = r;
        RefCount.decref(v);
        return false;
    }

    /** BEFORE_WITH: {@code mgr} -> {@code bound __exit__, __enter__()}. */
    static int beforeWith(PyObject[] s, int sp) {
        PyObject mgr = s[sp - 1];
        PyObject enter = VmOps.lookupSpecial(mgr, "__enter__");
        if (enter == null) {
            throw Errors.typeError("'%s' object does not support the context manager protocol", mgr.type().name());
        }
        PyObject exit;
        try {
            exit = VmOps.lookupSpecial(mgr, "__exit__");
        } catch (PyException e) {
            RefCount.decref(enter);
            throw e;
        }
        if (exit == null) {
            RefCount.decref(enter);
            throw Errors.typeError("'%s' object does not support the context manager protocol (missed __exit__ method)",
                    mgr.type().name());
        }
        PyObject r;
        try {
            r = VmOps.call(enter, new PyObject[0], null);
        } catch (PyException e) {
            RefCount.decref(exit);
            throw e;
        } finally {
            RefCount.decref(enter);
        }
        s[sp - 1] = exit;
        RefCount.decref(mgr);
        s[sp++] = r;
        return sp;
    }

    /** BEFORE_ASYNC_WITH: {@code mgr} -> {@code bound __aexit__, __aenter__()}. */
    static int beforeAsyncWith(PyObject[] s, int sp) {
        PyObject mgr = s[sp - 1];
        PyObject enter = VmOps.lookupSpecial(mgr, "__aenter__");
        if (enter == null) {
            throw Errors.typeError("'%s' object does not support the asynchronous context manager protocol",
                    mgr.type().name());
        }
        PyObject exit = VmOps.lookupSpecial(mgr, "__aexit__");
        if (exit == null) {
            RefCount.decref(enter);
            throw Errors.typeError(
                    "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                    mgr.type().name());
        }
        PyObject r;
        try {
            r = VmOps.call(enter, new PyObject[0], null);
        } catch (PyException e) {
            RefCount.decref(exit);
            throw e;
        } finally {
            RefCount.decref(enter);
        }
        s[sp - 1] = exit;
        RefCount.decref(mgr);
        s[sp++] = r;
        return sp;
    }

    /** GET_YIELD_FROM_ITER. */
    static void getYieldFromIter(PyCode co, PyObject[] s, int sp) {
        PyObject o = s[sp - 1];
        if (o instanceof PyCoroutine) {
            if ((co.flags & (PyCode.CO_COROUTINE | PyCode.CO_ITERABLE_COROUTINE)) == 0) {
                throw Errors.typeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
            }
            return;
        }
        if (o instanceof PyGenerator && !(o instanceof PyAsyncGenerator)) return;
        s[sp - 1] = Ops.iter(o);
        RefCount.decref(o);
    }

    /** The iterator that awaiting {@code o} drives, or null if {@code o} is not awaitable. */
    static PyObject awaitableIter(PyObject o) {
        if (o instanceof PyCoroutine) return RefCount.newRef(o);
        if (o instanceof PyGenerator g && !(o instanceof PyAsyncGenerator)
                && (g.code.flags & PyCode.CO_ITERABLE_COROUTINE) != 0) {
            return RefCount.newRef(o);
        }
        PyType t = o.type();
        PyObject it;
        if (t.await != null) {
            it = t.await.apply(o);
        } else {
            PyObject m = VmOps.lookupSpecial(o, "__await__");
            if (m == null) return null;
            try {
                it = VmOps.call(m, new PyObject[0], null);
            } finally {
                RefCount.decref(m);
            }
        }
        if (it instanceof PyCoroutine) {
            RefCount.decref(it);
            throw Errors.typeError("__await__() returned a coroutine");
        }
        if (it.type().next == null) {
            String tn = it.type().name();
            RefCount.decref(it);
            throw Errors.typeError("__await__() returned non-iterator of type '%s'", tn);
        }
        return it;
    }

    /** GET_AWAITABLE: {@code o} -> the iterator to SEND into. */
    static void getAwaitable(PyObject[] s, int sp, int where) {
        PyObject o = s[sp - 1];
        PyObject it = awaitableIter(o);
        if (it == null) {
            String tn = o.type().name();
            throw switch (where) {
                case 1 -> Errors.typeError(
                        "'async with' received an object from __aenter__ that does not implement __await__: %s", tn);
                case 2 -> Errors.typeError(
                        "'async with' received an object from __aexit__ that does not implement __await__: %s", tn);
                default -> Errors.typeError("object %s can't be used in 'await' expression", tn);
            };
        }
        if (it instanceof PyCoroutine c && c.yieldFrom() != null) {
            RefCount.decref(it);
            throw Errors.runtimeError("coroutine is being awaited already");
        }
        s[sp - 1] = it;
        RefCount.decref(o);
    }

    /** GET_AITER: {@code o} -> {@code o.__aiter__()}. */
    static void getAIter(PyObject[] s, int sp) {
        PyObject o = s[sp - 1];
        PyObject ai;
        if (o.type().aiter != null) {
            ai = o.type().aiter.apply(o);
        } else {
            PyObject m = VmOps.lookupSpecial(o, "__aiter__");
            if (m == null) {
                throw Errors.typeError("'async for' requires an object with __aiter__ method, got %s", o.type().name());
            }
            try {
                ai = VmOps.call(m, new PyObject[0], null);
            } finally {
                RefCount.decref(m);
            }
        }
        if (ai.type().anext == null && ai.type().lookup("__anext__") == null) {
            String tn = ai.type().name();
            RefCount.decref(ai);
            throw Errors.typeError("'async for' received an object from __aiter__ that does not implement __anext__: %s",
                    tn);
        }
        s[sp - 1] = ai;
        RefCount.decref(o);
    }

    /** GET_ANEXT: {@code aiter} -> {@code aiter, awaitable of aiter.__anext__()}. */
    static int getANext(PyObject[] s, int sp) {
        PyObject ai = s[sp - 1];
        if (ai instanceof PyAsyncGenerator g) {
            s[sp++] = new PyAsyncGenerator.ASend(g, null);
            return sp;
        }
        PyObject next;
        if (ai.type().anext != null) {
            next = ai.type().anext.apply(ai);
        } else {
            PyObject m = VmOps.lookupSpecial(ai, "__anext__");
            if (m == null) {
                throw Errors.typeError("'async for' requires an iterator with __anext__ method, got %s",
                        ai.type().name());
            }
            try {
                next = VmOps.call(m, new PyObject[0], null);
            } finally {
                RefCount.decref(m);
            }
        }
        PyObject it;
        try {
            it = awaitableIter(next);
            if (it == null) {
                throw Errors.typeError("'async for' received an invalid object from __anext__: %s",
                        next.type().name());
            }
        } finally {
            RefCount.decref(next);
        }
        s[sp++] = it;
        return sp;
    }
}
