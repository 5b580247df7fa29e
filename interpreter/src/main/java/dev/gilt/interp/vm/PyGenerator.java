package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
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
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.thread.ThreadState;

/**
 * {@code generator}, and the common machinery of coroutines ({@link PyCoroutine}) and async
 * generators ({@link PyAsyncGenerator}): a suspended {@link Frame} resumed by send/throw/close.
 *
 * <h2>Protocol</h2>
 * RETURN_GENERATOR hands the frame (and the run's reference to it) to a new generator. Each
 * {@link #resume} pushes the sent value (none for a throw) and runs the frame until YIELD_VALUE
 * (the frame is SUSPENDED, the yielded value returned) or until it returns or raises (the frame
 * is COMPLETED and released: {@link #frame} becomes null). {@link #lastReturned} tells the two
 * apart for SEND. A generator suspended inside {@code yield from}/{@code await} delegates throw
 * and close to the sub-iterator first ({@link #yieldFrom}).
 *
 * <h2>Exception state</h2>
 * A generator frame has its own handled exception (CPython's gi_exc_state): the loop keeps it in
 * {@code Frame.genExc}; resume installs it as the thread's handled exception and restores the
 * caller's afterwards.
 *
 * <h2>Threads</h2>
 * {@link #running} makes a second resume fail with "generator already executing"; under the GIL
 * no lock is needed, without it two threads racing to resume one generator is a bug in the
 * program that this flag reports on a best-effort basis, as in CPython's free-threaded build.
 */
public class PyGenerator extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("generator", PyGenerator.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.iter = RefCount::newRef;
        TYPE.next = self -> ((PyGenerator) self).nextOrNull();
        TYPE.repr = self -> ((PyGenerator) self).repr();
        TYPE.getattr = (self, name) -> ((PyGenerator) self).getAttr(name);
        TYPE.setattr = (self, name, value) -> ((PyGenerator) self).setAttr(name, value);
        defineMethods(TYPE);
        PyMethodDescr.define(TYPE, "__next__", (Fn.F0) self -> ((PyGenerator) self).sendValue(PyNone.NONE));
        PyMethodDescr.define(TYPE, "__iter__", (Fn.F0) RefCount::newRef);
    }

    static void defineMethods(PyType t) {
        PyMethodDescr.define(t, "send", (Fn.F1) (self, v) -> ((PyGenerator) self).sendValue(v));
        PyMethodDescr.define(t, "throw", (Fn.FV) (self, args, kw) -> ((PyGenerator) self).throwMethod(args, kw));
        PyMethodDescr.define(t, "close", (Fn.F0) self -> ((PyGenerator) self).close());
    }

    /** The frame (owned), or null once the generator has finished. */
    public Frame frame;
    public final PyCode code;
    PyStr name, qualname;
    boolean running;
    /** After the last resume: true if the frame returned (the result is the return value). */
    public boolean lastReturned;

    PyGenerator(Frame f) {
        this.frame = f;
        this.code = f.code;
        PyFunction fn = f.func;
        this.name = fn != null ? fn.name : PyStr.intern(f.code.name);
        this.qualname = fn != null ? fn.qualname : PyStr.intern(f.code.qualname);
        RefCount.incref(name);
        RefCount.incref(qualname);
    }

    /** RETURN_GENERATOR: a generator, coroutine or async generator taking over {@code f}. */
    static PyGenerator create(Frame f) {
        int flags = f.code.flags;
        PyGenerator g;
        if ((flags & PyCode.CO_COROUTINE) != 0) {
            g = new PyCoroutine(f);
        } else if ((flags & PyCode.CO_ASYNC_GENERATOR) != 0) {
            g = new PyAsyncGenerator(f);
        } else {
            g = new PyGenerator(f);
        }
        f.own();
        f.gen = g;
        f.state = Frame.CREATED;
        return g;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** "generator", "coroutine", "async generator": used in messages. */
    String kind() {
        return "generator";
    }

    boolean isExhausted() {
        return frame == null;
    }

    // ---- running ---------------------------------------------------------------------------

    /**
     * Resumes the frame with {@code value} sent in (ignored when {@code exc}, an owned reference,
     * is thrown in instead). Returns the yielded or returned value (new reference) and sets
     * {@link #lastReturned}; propagates whatever the frame raises.
     */
    public PyObject resume(ThreadState ts, PyObject value, PyBaseException exc) {
        Frame f = frame;
        if (running) {
            if (exc != null) RefCount.decref(exc);
            throw Errors.valueError("%s already executing", kind());
        }
        if (f == null) {
            if (exc != null) throw new PyException(exc);
            throw exhausted();
        }
        if (f.state == Frame.CREATED && exc == null && value != PyNone.NONE) {
            throw Errors.typeError("can't send non-None value to a just-started %s", kind());
        }
        // A throw into a suspended frame pushes None as the "sent" value too, as CPython does:
        // the handler of a yield-from/await loop (CLEANUP_THROW) expects (sub_iter, sent, exc).
        if (exc == null) f.s[f.sp++] = RefCount.newRef(value);
        else if (f.state != Frame.CREATED) f.s[f.sp++] = PyNone.NONE;
        running = true;
        f.callerExc = ts.handledException;
        if (f.genExc != null) ts.handledException = f.genExc;
        PyObject r;
        try {
            r = Interpreter.run(ts, f, exc);
        } catch (PyException e) {
            finish();
            throw e;
        } finally {
            running = false;
            ts.handledException = f.callerExc;
            f.callerExc = null;
        }
        if (f.state == Frame.COMPLETED) {
            finish();
            lastReturned = true;
        } else {
            lastReturned = false;
        }
        return r;
    }

    /** The error for resuming a finished generator (StopIteration; coroutines differ). */
    PyException exhausted() {
        return Errors.stopIteration();
    }

    /** Releases the finished frame. */
    void finish() {
        Frame f = frame;
        if (f == null) return;
        frame = null;
        f.state = Frame.COMPLETED;
        f.gen = null;
        PyObject e = f.genExc;
        f.genExc = null;
        RefCount.xdecref(e);
        Frame.release(f);
    }

    /**
     * next() for the iterator slot: the yielded value, or null when the generator returns None;
     * a generator returning another value ends with StopIteration(value), as CPython's
     * gen_iternext (Ops.next and FOR_ITER treat that as the end too; next() passes it on).
     */
    PyObject nextOrNull() {
        if (frame == null && !(this instanceof PyCoroutine)) return null;
        PyObject r = resume(ThreadState.current(), PyNone.NONE, null);
        if (lastReturned) {
            if (r == PyNone.NONE) return null;
            throw stopIteration(r);
        }
        return r;
    }

    /** send(v): the yielded value, or StopIteration(return value). */
    public PyObject sendValue(PyObject v) {
        PyObject r = resume(ThreadState.current(), v, null);
        if (lastReturned) throw stopIteration(r);
        return r;
    }

    /** StopIteration carrying {@code value} (consumed), as CPython's _PyGen_SetStopIterationValue. */
    static PyException stopIteration(PyObject value) {
        try {
            if (value == PyNone.NONE) return Errors.stopIteration();
            return dev.gilt.runtime.types.ExceptionTypes.stopIteration(value);
        } finally {
            RefCount.decref(value);
        }
    }

    /** The sub-iterator of a {@code yield from}/{@code await} the frame is suspended in (borrowed), or null. */
    public PyObject yieldFrom() {
        Frame f = frame;
        if (f == null || f.state != Frame.SUSPENDED || f.pc >= f.code.code.length) return null;
        int w = f.code.code[f.pc];
        if (Opcode.of(w) != Opcode.RESUME || Opcode.arg(w) < 2) return null;
        return f.s[f.sp - 1];
    }

    // ---- throw and close -------------------------------------------------------------------

    private PyObject throwMethod(PyObject[] args, PyTuple kw) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("throw() takes no keyword arguments");
        if (args.length < 1 || args.length > 3) {
            throw Errors.typeError("throw expected at least 1 argument, got %d", args.length);
        }
        PyBaseException exc = makeThrown(args[0], args.length > 1 ? args[1] : null, args.length > 2 ? args[2] : null);
        return throwExc(exc);
    }

    /** Normalises throw()'s (type, value, traceback) into an exception instance (new reference). */
    static PyBaseException makeThrown(PyObject typ, PyObject val, PyObject tb) {
        if (tb == PyNone.NONE) tb = null;
        if (tb != null && !(tb instanceof PyTraceback)) {
            throw Errors.typeError("throw() third argument must be a traceback object");
        }
        PyBaseException e;
        if (VmSupport.isExceptionClass(typ)) {
            if (val instanceof PyBaseException be && be.type().isSubtypeOf((PyType) typ)) {
                e = (PyBaseException) RefCount.newRef(be);
            } else if (val == null || val == PyNone.NONE) {
                e = VmSupport.newException((PyType) typ);
            } else if (val instanceof PyTuple t) {
                e = VmSupport.newException((PyType) typ, t.items);
            } else {
                e = VmSupport.newException((PyType) typ, val);
            }
        } else if (typ instanceof PyBaseException be) {
            if (val != null && val != PyNone.NONE) {
                throw Errors.typeError("instance exception may not have a separate value");
            }
            e = (PyBaseException) RefCount.newRef(be);
        } else {
            throw Errors.typeError("exceptions must be classes or instances deriving from BaseException, not %s",
                    typ.type().name());
        }
        if (tb != null) {
            PyObject old = e.traceback;
            e.traceback = RefCount.newRef(tb);
            RefCount.xdecref(old);
        }
        return e;
    }

    /**
     * throw(exc) with an owned exception: delegated to the sub-iterator first when suspended in
     * {@code yield from}. Returns the next yielded value or raises (StopIteration on return).
     */
    public PyObject throwExc(PyBaseException exc) {
        PyObject r = throwInternal(ThreadState.current(), exc);
        if (lastReturned) throw stopIteration(r);
        return r;
    }

    /** Like {@link #throwExc} but reports a return through {@link #lastReturned}. */
    PyObject throwInternal(ThreadState ts, PyBaseException exc) {
        PyObject yf = yieldFrom();
        if (yf != null && !running) {
            RefCount.incref(yf);
            try {
                if (exc.type().isSubtypeOf(PyExc.GeneratorExit)) {
                    // Close the delegate, then raise GeneratorExit (or its close() error) here.
                    running = true;
                    try {
                        closeIter(yf);
                    } catch (PyException e) {
                        RefCount.decref(exc);
                        exc = e.exc;
                    } finally {
                        running = false;
                    }
                    return resume(ts, null, exc);
                }
                PyObject r;
                running = true;
                try {
                    if (yf instanceof PyGenerator sub && !(yf instanceof PyAsyncGenerator)) {
                        r = sub.throwInternal(ts, (PyBaseException) RefCount.newRef(exc));
                        if (sub.lastReturned) {
                            // The delegate finished: its return value ends the yield from.
                            throw stopIteration(r);
                        }
                    } else {
                        PyObject meth = dev.gilt.runtime.ops.Ops.lookupAttr(yf, PyStr.intern("throw"));
                        if (meth == null) {
                            running = false;
                            return resume(ts, null, exc);
                        }
                        try {
                            r = VmOps.call(meth, new PyObject[] {exc}, null);
                        } finally {
                            RefCount.decref(meth);
                        }
                    }
                } catch (PyException e) {
                    running = false;
                    RefCount.decref(exc);
                    return resume(ts, null, e.exc);
                } finally {
                    running = false;
                }
                RefCount.decref(exc);
                lastReturned = false;
                return r;
            } finally {
                RefCount.decref(yf);
            }
        }
        return resume(ts, null, exc);
    }

    /** Closes a {@code yield from} delegate (CPython's gen_close_iter). */
    static void closeIter(PyObject yf) {
        if (yf instanceof PyGenerator g) {
            RefCount.decref(g.close());
            return;
        }
        PyObject meth = dev.gilt.runtime.ops.Ops.lookupAttr(yf, PyStr.intern("close"));
        if (meth != null) {
            try {
                RefCount.decref(VmOps.call(meth, new PyObject[0], null));
            } finally {
                RefCount.decref(meth);
            }
        }
    }

    /** close(): raises GeneratorExit at the suspension point; returns None (new reference). */
    public PyObject close() {
        Frame f = frame;
        if (f == null) return RefCount.newRef(PyNone.NONE);
        if (f.state == Frame.CREATED) {
            finish();
            return RefCount.newRef(PyNone.NONE);
        }
        ThreadState ts = ThreadState.current();
        PyObject r;
        try {
            r = throwInternal(ts, VmSupport.newException(PyExc.GeneratorExit));
        } catch (PyException e) {
            if (e.matches(PyExc.GeneratorExit) || e.matches(PyExc.StopIteration)) {
                RefCount.decref(e.exc);
                return RefCount.newRef(PyNone.NONE);
            }
            throw e;
        }
        if (lastReturned) {
            RefCount.decref(r);
            return RefCount.newRef(PyNone.NONE);
        }
        RefCount.decref(r);
        throw VmSupport.raise(PyExc.RuntimeError, kind() + " ignored GeneratorExit");
    }

    // ---- attributes --------------------------------------------------------------------------

    String prefix() {
        return "gi_";
    }

    PyObject getAttr(PyStr n) {
        String s = n.value;
        String p = prefix();
        if (s.startsWith(p)) {
            switch (s.substring(p.length())) {
                case "frame": return frame == null ? RefCount.newRef(PyNone.NONE) : frame.expose();
                case "running": return PyBool.of(running);
                case "code": return RefCount.newRef(code);
                case "suspended": return PyBool.of(frame != null && frame.state == Frame.SUSPENDED && !running);
                case "yieldfrom", "await": {
                    PyObject yf = yieldFrom();
                    return RefCount.newRef(yf == null ? PyNone.NONE : yf);
                }
                default: break;
            }
        }
        switch (s) {
            case "__name__": return RefCount.newRef(name);
            case "__qualname__": return RefCount.newRef(qualname);
            default: return VmSupport.genericGetAttr(this, n, null);
        }
    }

    private void setAttr(PyStr n, PyObject v) {
        switch (n.value) {
            case "__name__" -> {
                if (!(v instanceof PyStr s)) throw Errors.typeError("__name__ must be set to a string object");
                PyStr old = name;
                name = RefCount.newRef(s);
                RefCount.decref(old);
            }
            case "__qualname__" -> {
                if (!(v instanceof PyStr s)) throw Errors.typeError("__qualname__ must be set to a string object");
                PyStr old = qualname;
                qualname = RefCount.newRef(s);
                RefCount.decref(old);
            }
            default -> throw Errors.attributeError("'%s' object has no attribute '%s'", type().name(), n.value);
        }
    }

    PyObject repr() {
        return PyStr.of("<" + type().name() + " object " + qualname.value + " at 0x"
                + Long.toHexString(RefCount.id(this)) + ">");
    }

    // ---- gc and finalization -------------------------------------------------------------------

    @Override
    public void traverse(Visitor v) {
        if (frame != null) v.visit(frame);
    }

    /**
     * Death of a generator: a suspended one is closed first so its {@code finally} blocks run
     * (CPython's _PyGen_Finalize); an error there is reported as unraisable.
     */
    @Override
    public void releaseReferences() {
        Frame f = frame;
        if (f != null && f.state == Frame.SUSPENDED && !running) finalizeSuspended();
        finish();
        PyStr a = name, b = qualname;
        name = PyStr.EMPTY;
        qualname = PyStr.EMPTY;
        RefCount.decref(a);
        RefCount.decref(b);
    }

    void finalizeSuspended() {
        try {
            RefCount.decref(close());
        } catch (PyException e) {
            Unraisable.report(e.exc, "Exception ignored in: ", this);
        }
    }
}
