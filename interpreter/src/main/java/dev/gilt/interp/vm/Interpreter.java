package dev.gilt.interp.vm;

import dev.gilt.runtime.object.PyCell;
import dev.gilt.runtime.types.PyMethod;
import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.util.Arrays;

/**
 * The eval loop: runs a {@link Frame} until it returns, yields or raises.
 *
 * <h2>Shape</h2>
 * One {@code switch} over the {@link Opcode} of each instruction word, with the frame's slots and
 * stack pointer in Java locals. Cases are thin: hot ones (locals, constants, int/float arithmetic,
 * comparisons, jumps, calls) are written inline, the rest call {@link VmOps} or {@code Ops}. The
 * method must stay below HotSpot's 8000-byte limit for JIT compilation (a test checks the class
 * file), so anything rare goes to a helper.
 *
 * <h2>Refcounts and errors</h2>
 * An instruction leaves its operands on the stack until the operation has succeeded, then pops
 * and releases them; so when an operation raises, every owned reference is still on the stack
 * and the unwinder ({@link #unwind}) releases it. Slots set to null in the live part of the stack
 * (arguments moved into a callee's frame) are skipped.
 *
 * <h2>Exceptions</h2>
 * A {@link PyException} thrown inside an instruction is caught once per instruction: a traceback
 * entry for this frame is prepended (except for re-raises), the exception table is searched for
 * the instruction, and either the handler runs with the stack cut to its depth, or the frame ends
 * and the exception propagates to the caller. Java errors are turned into Python exceptions at
 * the innermost frame: {@link StackOverflowError} into RecursionError, any other into SystemError
 * (its Java cause kept for {@code -X javatrace}).
 */
public final class Interpreter {
    private Interpreter() {}

    private static final Opcode[] OPS = Opcode.values();

    static {
        Op.verify();
    }

    /** Exception modes of the unwinder. */
    private static final int RAISED = 0, RERAISED = 1, THROWN_IN = 2;

    // ---- entry points ------------------------------------------------------------------

    /**
     * Runs a frame made by {@link ArgBinder} and releases it unless a generator took it over
     * (the call path of {@link #run}, with one try block instead of two).
     */
    static PyObject runFunctionFrame(ThreadState ts, Frame f) {
        int depth = ts.recursionDepth + 1;
        if (depth > ThreadState.recursionLimit) {
            f.state = Frame.COMPLETED;
            Frame.release(f);
            throw VmSupport.raise(PyExc.RecursionError, "maximum recursion depth exceeded");
        }
        ts.recursionDepth = depth;
        Object prev = ts.frame;
        f.back = (Frame) prev;
        ts.frame = f;
        f.state = Frame.RUNNING;
        try {
            return eval(ts, f, null);
        } finally {
            ts.frame = prev;
            ts.recursionDepth = depth - 1;
            if (f.gen == null) {
                Frame.release(f);
            } else {
                f.back = null;
            }
        }
    }

    /**
     * Runs (or resumes) {@code f} on the current thread. With {@code throwIn} (an owned
     * reference) the frame resumes by raising that exception at its suspension point. Returns
     * the returned or yielded value (a new reference); the caller owns the frame and releases it.
     */
    public static PyObject run(ThreadState ts, Frame f, PyBaseException throwIn) {
        int depth = ts.recursionDepth + 1;
        if (depth > ThreadState.recursionLimit) {
            if (throwIn != null) RefCount.decref(throwIn);
            throw VmSupport.raise(PyExc.RecursionError, "maximum recursion depth exceeded");
        }
        ts.recursionDepth = depth;
        Object prev = ts.frame;
        f.back = prev instanceof Frame pf ? pf : null;
        ts.frame = f;
        f.state = Frame.RUNNING;
        try {
            return eval(ts, f, throwIn);
        } finally {
            ts.frame = prev;
            ts.recursionDepth = depth - 1;
            if (f.gen != null) f.back = null;
        }
    }

    /** Runs module or exec code in the given namespaces; returns its result (a new reference). */
    public static PyObject runCode(ThreadState ts, PyCode code, PyDict globals, PyObject locals) {
        Frame f = new Frame(code, globals, PyFunction.builtinsFor(globals), locals);
        try {
            return run(ts, f, null);
        } finally {
            if (f.gen == null) Frame.release(f);
        }
    }

    /**
     * Reference count changes on the loop's hot paths skip immortal objects (small ints, None,
     * booleans, interned strings, constants) without a call into RefCount's slow path. Correct
     * under every policy: an immortal count never changes, and anything else goes to RefCount.
     */
    private static void inc(PyObject o) {
        if (o.refcnt < RefCount.IMMORTAL) RefCount.incref(o);
    }

    private static void dec(PyObject o) {
        if (o.refcnt < RefCount.IMMORTAL) RefCount.decref(o);
    }

    // ---- the loop --------------------------------------------------------------------------

    private static PyObject eval(ThreadState ts, Frame f, PyBaseException throwIn) {
        final PyCode co = f.code;
        final int[] code = co.code;
        final PyObject[] s = f.s;
        final PyObject[] consts = co.consts;
        final VmCache cache = VmCache.of(co);
        final PyStr[] names = cache.names;
        int pc = f.pc;
        int sp = f.sp;
        PyTuple kwnames = null;
        int mode = throwIn != null ? THROWN_IN : RAISED;
        PyBaseException pending = throwIn;
        for (;;) {
            try {
                if (pending != null) {
                    PyBaseException p = pending;
                    pending = null;
                    throw new PyException(p);
                }
                for (;;) {
                    // The frame always knows its current instruction: f_lineno, warnings and
                    // tracebacks of running frames read it (CPython stores prev_instr likewise).
                    f.lasti = pc;
                    final int word = code[pc++];
                    final int arg = word >>> 8;
                    switch (word & 0xFF) {
                        case Op.NOP -> {}
                        case Op.RESUME -> {
                            if (EvalBreaker.flags != 0) {
                                f.sp = sp;
                                VmOps.handleEvalBreaker(ts);
                            }
                        }
                        case Op.LOAD_FAST -> {
                            PyObject v = s[arg];
                            if (v == null) throw VmOps.unboundLocal(co, arg);
                            inc(v);
                            s[sp++] = v;
                        }
                        case Op.STORE_FAST -> {
                            PyObject old = s[arg];
                            s[arg] = s[--sp];
                            s[sp] = null;
                            if (old != null) dec(old);
                        }
                        case Op.LOAD_CONST -> {
                            PyObject v = consts[arg];
                            inc(v);
                            s[sp++] = v;
                        }
                        case Op.POP_TOP -> {
                            PyObject v = s[--sp];
                            s[sp] = null;
                            if (v != null) dec(v);
                        }
                        case Op.PUSH_NULL -> s[sp++] = null;
                        case Op.COPY -> {
                            PyObject v = s[sp - arg];
                            inc(v);
                            s[sp++] = v;
                        }
                        case Op.SWAP -> {
                            PyObject t = s[sp - 1];
                            s[sp - 1] = s[sp - arg];
                            s[sp - arg] = t;
                        }
                        case Op.LOAD_GLOBAL -> {
                            PyObject v = cache.loadGlobal(pc - 1, names[arg >> 1], f.globals, f.builtins);
                            if (v == null) throw VmOps.nameError(names[arg >> 1]);
                            inc(v);
                            if ((arg & 1) != 0) s[sp++] = null;
                            s[sp++] = v;
                        }
                        case Op.BINARY_OP -> {
                            PyObject b = s[sp - 1], a = s[sp - 2];
                            PyObject r = null;
                            Class<?> ca = a.getClass();
                            if (ca == b.getClass()) {
                                if (ca == PyInt.class) {
                                    r = Arith.intOp(arg, (PyInt) a, (PyInt) b);
                                } else if (ca == PyFloat.class) {
                                    r = Arith.floatOp(arg, ((PyFloat) a).value, ((PyFloat) b).value);
                                }
                            }
                            if (r == null) r = Arith.binary(arg, a, b);
                            s[sp - 2] = r;
                            s[--sp] = null;
                            dec(a);
                            dec(b);
                        }
                        case Op.COMPARE_OP -> {
                            PyObject b = s[sp - 1], a = s[sp - 2];
                            Class<?> ca = a.getClass();
                            boolean fast = true, t = false;
                            if (ca == PyInt.class && b.getClass() == PyInt.class
                                    && ((PyInt) a).big == null && ((PyInt) b).big == null) {
                                t = Arith.compare(arg, Long.compare(((PyInt) a).value, ((PyInt) b).value));
                            } else if (ca == PyFloat.class && b.getClass() == PyFloat.class) {
                                t = Arith.compareDouble(arg, ((PyFloat) a).value, ((PyFloat) b).value);
                            } else {
                                fast = false;
                            }
                            if (fast) {
                                // A comparison followed by a conditional jump (if/while tests) branches
                                // at once, without pushing a bool for the next instruction to pop.
                                int next = code[pc];
                                int nop = next & 0xFF;
                                s[--sp] = null;
                                s[--sp] = null;
                                dec(a);
                                dec(b);
                                if (nop == Op.POP_JUMP_IF_FALSE) {
                                    pc = t ? pc + 1 : next >>> 8;
                                } else if (nop == Op.POP_JUMP_IF_TRUE) {
                                    pc = t ? next >>> 8 : pc + 1;
                                } else {
                                    s[sp++] = PyBool.of(t);
                                }
                            } else {
                                PyObject r = Ops.richCompare(a, b, arg);
                                s[sp - 2] = r;
                                s[--sp] = null;
                                dec(a);
                                dec(b);
                            }
                        }
                        case Op.POP_JUMP_IF_FALSE -> {
                            PyObject v = s[sp - 1];
                            boolean t = v == PyBool.TRUE || (v != PyBool.FALSE && Ops.isTrue(v));
                            s[--sp] = null;
                            dec(v);
                            if (!t) pc = arg;
                        }
                        case Op.POP_JUMP_IF_TRUE -> {
                            PyObject v = s[sp - 1];
                            boolean t = v == PyBool.TRUE || (v != PyBool.FALSE && Ops.isTrue(v));
                            s[--sp] = null;
                            dec(v);
                            if (t) pc = arg;
                        }
                        case Op.POP_JUMP_IF_NONE -> {
                            PyObject v = s[--sp];
                            s[sp] = null;
                            dec(v);
                            if (v == PyNone.NONE) pc = arg;
                        }
                        case Op.POP_JUMP_IF_NOT_NONE -> {
                            PyObject v = s[--sp];
                            s[sp] = null;
                            dec(v);
                            if (v != PyNone.NONE) pc = arg;
                        }
                        case Op.JUMP_FORWARD, Op.JUMP_BACKWARD_NO_INTERRUPT -> pc = arg;
                        case Op.JUMP_BACKWARD -> {
                            if (EvalBreaker.flags != 0) {
                                f.sp = sp;
                                VmOps.handleEvalBreaker(ts);
                            }
                            pc = arg;
                        }
                        case Op.GET_ITER -> {
                            PyObject v = s[sp - 1];
                            s[sp - 1] = Ops.iter(v);
                            dec(v);
                        }
                        case Op.FOR_ITER -> {
                            PyObject it = s[sp - 1];
                            PyObject v = VmOps.next(it);
                            if (v != null) {
                                s[sp++] = v;
                            } else {
                                s[--sp] = null;
                                dec(it);
                                pc = arg + 1;
                            }
                        }
                        case Op.END_FOR -> {
                            PyObject a = s[--sp];
                            s[sp] = null;
                            PyObject b = s[--sp];
                            s[sp] = null;
                            RefCount.xdecref(a);
                            RefCount.xdecref(b);
                        }
                        case Op.KW_NAMES -> kwnames = (PyTuple) consts[arg];
                        case Op.CALL -> {
                            int base = sp - arg - 2;
                            PyObject callable = s[base];
                            int argOff, nargs;
                            if (callable == null) {
                                callable = s[base + 1];
                                if (callable instanceof PyMethod m) {
                                    PyObject fn = m.func, self = m.self;
                                    inc(fn);
                                    inc(self);
                                    s[base] = fn;
                                    s[base + 1] = self;
                                    dec(m);
                                    callable = fn;
                                    argOff = base + 1;
                                    nargs = arg + 1;
                                } else {
                                    argOff = base + 2;
                                    nargs = arg;
                                }
                            } else {
                                argOff = base + 1;
                                nargs = arg + 1;
                            }
                            PyTuple kw = kwnames;
                            kwnames = null;
                            PyObject r;
                            if (callable instanceof PyFunction fn) {
                                Frame nf = ArgBinder.frameFor(fn, s, argOff, nargs, kw, true);
                                r = runFunctionFrame(ts, nf);
                            } else {
                                r = VmOps.callOther(callable, s, argOff, nargs, kw, argOff == base + 1);
                            }
                            for (int i = sp - 1; i > base; i--) {
                                PyObject o = s[i];
                                if (o != null) {
                                    s[i] = null;
                                    dec(o);
                                }
                            }
                            PyObject c0 = s[base];
                            s[base] = r;
                            sp = base + 1;
                            if (c0 != null) dec(c0);
                        }
                        case Op.RETURN_VALUE -> {
                            PyObject v = s[--sp];
                            s[sp] = null;
                            f.sp = sp;
                            return VmOps.frameReturn(f, v);
                        }
                        case Op.RETURN_CONST -> {
                            f.sp = sp;
                            return VmOps.frameReturn(f, RefCount.newRef(consts[arg]));
                        }
                        case Op.LOAD_ATTR -> {
                            PyObject owner = s[sp - 1];
                            PyStr name = names[arg >> 1];
                            if ((arg & 1) == 0) {
                                s[sp - 1] = VmOps.loadAttr(cache, pc - 1, owner, name);
                                dec(owner);
                            } else {
                                PyObject meth = VmOps.lookupMethod(cache, pc - 1, owner, name);
                                if (meth != null) {
                                    // [owner] -> [meth, owner]: the owner's reference moves up one slot.
                                    s[sp - 1] = meth;
                                    s[sp++] = owner;
                                } else {
                                    PyObject v = Ops.getAttr(owner, name);
                                    s[sp - 1] = null;
                                    s[sp++] = v;
                                    dec(owner);
                                }
                            }
                        }
                        case Op.STORE_ATTR -> {
                            PyObject owner = s[sp - 1], v = s[sp - 2];
                            Ops.setAttr(owner, names[arg], v);
                            s[--sp] = null;
                            s[--sp] = null;
                            dec(owner);
                            dec(v);
                        }
                        case Op.BINARY_SUBSCR -> {
                            PyObject key = s[sp - 1], c = s[sp - 2];
                            PyObject r = VmOps.subscr(c, key);
                            s[sp - 2] = r;
                            s[--sp] = null;
                            dec(c);
                            dec(key);
                        }
                        case Op.STORE_SUBSCR -> {
                            PyObject key = s[sp - 1], c = s[sp - 2], v = s[sp - 3];
                            VmOps.storeSubscr(c, key, v);
                            s[--sp] = null;
                            s[--sp] = null;
                            s[--sp] = null;
                            dec(key);
                            dec(c);
                            dec(v);
                        }
                        case Op.STORE_NAME -> {
                            VmOps.storeName(f, names[arg], s[sp - 1]);
                            PyObject v = s[--sp];
                            s[sp] = null;
                            dec(v);
                        }
                        case Op.LOAD_NAME -> s[sp++] = VmOps.loadName(f, names[arg]);
                        case Op.STORE_GLOBAL -> {
                            f.globals.setItem(names[arg], s[sp - 1]);
                            PyObject v = s[--sp];
                            s[sp] = null;
                            dec(v);
                        }
                        case Op.LOAD_DEREF -> {
                            PyObject v = ((PyCell) s[arg]).get();
                            if (v == null) throw VmOps.unboundDeref(co, arg);
                            inc(v);
                            s[sp++] = v;
                        }
                        case Op.STORE_DEREF -> {
                            ((PyCell) s[arg]).setSteal(s[--sp]);
                            s[sp] = null;
                        }
                        case Op.LOAD_CLOSURE -> {
                            PyObject v = s[arg];
                            inc(v);
                            s[sp++] = v;
                        }
                        case Op.BUILD_TUPLE -> {
                            sp -= arg;
                            PyObject[] items = Arrays.copyOfRange(s, sp, sp + arg);
                            Arrays.fill(s, sp, sp + arg, null);
                            s[sp++] = PyTuple.steal(items);
                        }
                        case Op.BUILD_LIST -> {
                            sp -= arg;
                            PyList l = PyList.steal(Arrays.copyOfRange(s, sp, sp + arg), arg);
                            Arrays.fill(s, sp, sp + arg, null);
                            s[sp++] = l;
                        }
                        case Op.LIST_APPEND -> {
                            PyObject v = s[--sp];
                            s[sp] = null;
                            ((PyList) s[sp - arg]).appendSteal(v);
                        }
                        case Op.IS_OP -> {
                            PyObject b = s[--sp], a = s[sp - 1];
                            s[sp] = null;
                            s[sp - 1] = PyBool.of((a == b) ^ (arg != 0));
                            dec(a);
                            dec(b);
                        }
                        case Op.CONTAINS_OP -> {
                            PyObject b = s[sp - 1], a = s[sp - 2];
                            boolean in = Ops.contains(b, a);
                            s[sp - 2] = PyBool.of(in ^ (arg != 0));
                            s[--sp] = null;
                            dec(a);
                            dec(b);
                        }
                        case Op.UNARY_NOT -> {
                            PyObject v = s[sp - 1];
                            s[sp - 1] = PyBool.of(!Ops.isTrue(v));
                            dec(v);
                        }
                        case Op.UNARY_NEGATIVE -> {
                            PyObject v = s[sp - 1];
                            s[sp - 1] = Arith.negate(v);
                            dec(v);
                        }
                        case Op.UNARY_INVERT -> {
                            PyObject v = s[sp - 1];
                            s[sp - 1] = Ops.invert(v);
                            dec(v);
                        }
                        case Op.MAKE_FUNCTION -> sp = VmOps.makeFunction(f, s, sp, arg);
                        case Op.YIELD_VALUE -> {
                            PyObject v = s[--sp];
                            s[sp] = null;
                            f.pc = pc;
                            f.sp = sp;
                            f.lasti = pc - 1;
                            f.state = Frame.SUSPENDED;
                            return v;
                        }
                        case Op.RETURN_GENERATOR -> {
                            f.pc = pc;
                            f.sp = sp;
                            f.lasti = pc - 1;
                            return PyGenerator.create(f);
                        }
                        case Op.SEND -> {
                            if (Coro.send(ts, s, sp)) pc = arg;
                        }
                        case Op.END_SEND -> {
                            PyObject v = s[--sp];
                            s[sp] = null;
                            PyObject old = s[sp - 1];
                            s[sp - 1] = v;
                            dec(old);
                        }
                        case Op.PUSH_EXC_INFO -> {
                            // The handled-exception slot owns its reference (CPython's exc_info):
                            // the previous one moves to the stack, exc gets a new reference.
                            PyObject exc = s[sp - 1];
                            PyObject prev = f.gen != null ? f.genExc : ts.handledException;
                            s[sp - 1] = prev == null ? PyNone.NONE : prev;
                            s[sp++] = RefCount.newRef(exc);
                            if (f.gen != null) f.genExc = exc;
                            ts.handledException = exc;
                        }
                        case Op.POP_EXCEPT -> {
                            // The popped previous exception moves back into the slot; the one it
                            // replaces is released.
                            PyObject prev = s[--sp];
                            s[sp] = null;
                            PyObject p = prev == PyNone.NONE ? null : prev;
                            PyObject old;
                            if (f.gen != null) {
                                old = f.genExc;
                                f.genExc = p;
                                ts.handledException = p != null ? p : f.callerExc;
                            } else {
                                old = ts.handledException;
                                ts.handledException = p;
                            }
                            RefCount.xdecref(old);
                        }
                        case Op.CHECK_EXC_MATCH -> {
                            PyObject t = s[sp - 1];
                            boolean m = VmOps.exceptionMatches(s[sp - 2], t);
                            s[sp - 1] = PyBool.of(m);
                            dec(t);
                        }
                        case Op.RERAISE -> {
                            PyObject exc = s[--sp];
                            s[sp] = null;
                            if (arg != 0 && s[sp - arg] instanceof PyInt li) f.lasti = (int) li.value;
                            mode = RERAISED;
                            throw new PyException((PyBaseException) exc);
                        }
                        case Op.RAISE_VARARGS -> {
                            PyObject cause = arg >= 2 ? s[--sp] : null;
                            PyObject exc = arg >= 1 ? s[--sp] : null;
                            s[sp] = null;
                            if (arg >= 2) s[sp + 1] = null;
                            if (arg == 0) mode = RERAISED;
                            throw VmOps.raise(ts, exc, cause);
                        }
                        case Op.CLEANUP_THROW -> {
                            // sub_iter, last_sent, exc -> None, value (exc is StopIteration) or re-raise exc
                            PyObject exc = s[sp - 1];
                            if (!Coro.isStopIteration(exc)) {
                                s[--sp] = null;
                                mode = RERAISED;
                                throw new PyException((PyBaseException) exc);
                            }
                            PyObject value = Coro.stopIterationValue((PyBaseException) exc);
                            for (int i = 1; i <= 3; i++) {
                                PyObject o = s[sp - i];
                                s[sp - i] = null;
                                dec(o);
                            }
                            sp -= 3;
                            s[sp++] = RefCount.newRef(PyNone.NONE);
                            s[sp++] = value;
                        }
                        case Op.END_ASYNC_FOR -> {
                            // aiter, exc -> (nothing) when exc is StopAsyncIteration, else re-raise exc
                            PyObject exc = s[sp - 1];
                            if (!(exc instanceof PyBaseException be && be.type().isSubtypeOf(PyExc.StopAsyncIteration))) {
                                s[--sp] = null;
                                mode = RERAISED;
                                throw new PyException((PyBaseException) exc);
                            }
                            PyObject aiter = s[sp - 2];
                            s[--sp] = null;
                            s[--sp] = null;
                            dec(exc);
                            dec(aiter);
                        }
                        default -> sp = VmOps.rare(ts, f, OPS[word & 0xFF], arg, sp);
                    }
                }
            } catch (PyException e) {
                // ---- the unwinder --------------------------------------------------------
                int target = unwind(ts, f, e, pc - 1, sp, mode);
                mode = RAISED;
                kwnames = null;
                pc = target;
                sp = f.sp;
            } catch (StackOverflowError e) {
                pending = VmOps.recursionError();
                mode = RAISED;
            } catch (RuntimeException | Error e) {
                pending = VmOps.internalError(e);
                mode = RAISED;
            }
        }
    }

    /**
     * Handles exception {@code e} raised by instruction {@code lasti}: returns the handler's
     * instruction index with the frame's stack prepared (f.sp set), or rethrows when the frame
     * has no handler (after releasing its stack).
     */
    private static int unwind(ThreadState ts, Frame f, PyException e, int lasti, int sp, int mode) {
        PyBaseException exc = e.exc;
        PyCode co = f.code;
        if (mode != RERAISED) {
            f.lasti = lasti;
            if (mode == RAISED && exc.traceback == null) VmOps.chainContext(ts, exc);
            PyTraceback.addTo(exc, f, lasti);
        }
        int h = findHandler(co.exceptionTable, lasti);
        PyObject[] s = f.s;
        if (h < 0) {
            f.sp = sp;
            f.clearStack();
            f.state = Frame.COMPLETED;
            throw e;
        }
        int[] et = co.exceptionTable;
        int base = co.nlocalsplus() + et[h + 3];
        while (sp > base) {
            PyObject o = s[--sp];
            s[sp] = null;
            if (o != null) RefCount.decref(o);
        }
        if (et[h + 4] != 0) s[sp++] = PyInt.of(lasti);
        s[sp++] = exc;
        f.sp = sp;
        return et[h + 2];
    }

    /** The exception table entry (offset into the table) covering instruction {@code i}, or -1. */
    static int findHandler(int[] et, int i) {
        int lo = 0, hi = et.length / 5 - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (et[mid * 5] <= i) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) return -1;
        int off = found * 5;
        return i < et[off + 1] ? off : -1;
    }

    /** For tests and tools: the opcodes the loop handles (every one; see VmOps.rare). */
    static boolean handles(Opcode op) {
        return VmOps.handles(op);
    }
}
