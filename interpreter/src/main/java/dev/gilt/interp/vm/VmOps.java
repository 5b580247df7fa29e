package dev.gilt.interp.vm;

import dev.gilt.runtime.object.PyCell;
import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.imp.Importer;
import dev.gilt.runtime.Config;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.GenericAttr;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The eval loop's out-of-line half: instructions too rare or too large to inline
 * ({@link #rare}), error factories, and helpers for calls, names, attributes and exceptions.
 * Every method follows the loop's discipline (see {@link Interpreter}): operands stay on the
 * stack until the operation has succeeded.
 */
final class VmOps {
    private VmOps() {}

    private static final PyStr S_BUILD_CLASS = PyStr.intern("__build_class__"),
            S_ANNOTATIONS = PyStr.intern("__annotations__"), S_DISPLAYHOOK = PyStr.intern("displayhook"),
            S_UNDERSCORE = PyStr.intern("_"), S_KEYS = PyStr.intern("keys"), S_MODULE = PyStr.intern("__module__"),
            S_QUALNAME = PyStr.intern("__qualname__");

    // ---- errors ------------------------------------------------------------------------------

    static PyException unboundLocal(PyCode co, int i) {
        return VmSupport.raise(PyExc.UnboundLocalError, "cannot access local variable '" + co.localsplusNames[i]
                + "' where it is not associated with a value");
    }

    static PyException unboundDeref(PyCode co, int i) {
        if ((co.localsplusKinds[i] & PyCode.KIND_FREE) != 0) {
            return VmSupport.raise(PyExc.NameError, "cannot access free variable '" + co.localsplusNames[i]
                    + "' where it is not associated with a value in enclosing scope");
        }
        return unboundLocal(co, i);
    }

    static PyException nameError(PyStr name) {
        // 3.10+: NameError.name is set (the traceback printer's suggestions use it).
        return dev.gilt.runtime.types.ExceptionTypes.nameError(PyExc.NameError,
                "name '" + name.value + "' is not defined", name.value);
    }

    static PyBaseException recursionError() {
        return VmSupport.raise(PyExc.RecursionError, "maximum recursion depth exceeded").exc;
    }

    /** Java causes of SystemErrors made from internal errors, for {@code -X javatrace}. */
    static final Map<PyBaseException, Throwable> JAVA_CAUSES = Collections.synchronizedMap(new WeakHashMap<>());

    /** A Java error escaping an instruction becomes a Python exception (DESIGN.md "Errors"). */
    static PyBaseException internalError(Throwable e) {
        if (e instanceof OutOfMemoryError) return VmSupport.raise(PyExc.MemoryError, "").exc;
        PyBaseException x = VmSupport.raise(PyExc.SystemError, "internal error in the Gilt VM: " + e).exc;
        JAVA_CAUSES.put(x, e);
        if (Config.JAVA_TRACE) e.printStackTrace();
        return x;
    }

    /** The Java exception behind a SystemError made by {@link #internalError}, or null. */
    public static Throwable javaCause(PyBaseException e) {
        return JAVA_CAUSES.get(e);
    }

    // ---- the eval breaker ------------------------------------------------------------------

    /**
     * The slow path of a RESUME / JUMP_BACKWARD check. A requested automatic collection is claimed
     * here (the VM paces them, see VmHooks.gcRequested); every other bit (stop-the-world parking,
     * biased refcount merges, GIL drop requests, signals, async exceptions) is handled by
     * {@link EvalBreaker#handle}, which returns an async exception to raise or null.
     */
    static void handleEvalBreaker(ThreadState ts) {
        if ((EvalBreaker.flags & EvalBreaker.GC_REQUESTED) != 0 && EvalBreaker.clear(EvalBreaker.GC_REQUESTED)) {
            VmHooks.autoCollect(ts);
        }
        PyObject exc = EvalBreaker.handle(ts);
        if (exc != null) {
            if (exc instanceof PyType t) {
                RefCount.decref(exc);
                throw new PyException(VmSupport.newException(t));
            }
            throw new PyException((PyBaseException) exc);
        }
    }

    // ---- iteration -------------------------------------------------------------------------

    /** next(it) for FOR_ITER: null when exhausted (a StopIteration raised by the slot counts as that). */
    static PyObject next(PyObject it) {
        var n = it.type().next;
        if (n == null) throw Errors.typeError("'%s' object is not an iterator", it.type().name());
        try {
            return n.next(it);
        } catch (PyException e) {
            if (e.matches(PyExc.StopIteration)) {
                RefCount.decref(e.exc);
                return null;
            }
            throw e;
        }
    }

    // ---- calls -----------------------------------------------------------------------------

    /**
     * CALL of anything but a Python function: the arguments {@code s[off .. off+n)} stay owned
     * by the stack (borrowed by the callee). With {@code method}, {@code s[off]} is the receiver
     * of a method loaded by LOAD_ATTR.
     */
    static PyObject callOther(PyObject callable, PyObject[] s, int off, int n, PyTuple kw, boolean method) {
        if (method && callable instanceof PyMethodDescr md) {
            return md.callUnbound(s[off], Arrays.copyOfRange(s, off + 1, off + n), kw);
        }
        return Ops.call(callable, Arrays.copyOfRange(s, off, off + n), kw);
    }

    /** Calls {@code f} with borrowed arguments (Python functions bind without copying twice). */
    static PyObject call(PyObject f, PyObject[] args, PyTuple kw) {
        if (f instanceof PyFunction fn) {
            return Interpreter.runFunctionFrame(ThreadState.current(),
                    ArgBinder.frameFor(fn, args, 0, args.length, kw, false));
        }
        return Ops.call(f, args, kw);
    }

    /** CPython's _PyObject_FunctionStr: {@code module.qualname()} for messages. */
    static String funcStr(PyObject f) {
        PyObject qn = null, mod = null;
        try {
            qn = Ops.lookupAttr(f, S_QUALNAME);
            if (qn == null) return Ops.strString(f);
            mod = Ops.lookupAttr(f, S_MODULE);
            if (mod instanceof PyStr ms && !ms.value.equals("builtins")) {
                return ms.value + "." + Ops.strString(qn) + "()";
            }
            return Ops.strString(qn) + "()";
        } finally {
            RefCount.xdecref(qn);
            RefCount.xdecref(mod);
        }
    }

    static PyObject frameReturn(Frame f, PyObject v) {
        f.clearStack();
        f.state = Frame.COMPLETED;
        return v;
    }

    // ---- attributes ------------------------------------------------------------------------

    /**
     * LOAD_ATTR's method form: the unbound function or method descriptor for {@code owner.name}
     * when a call can pass {@code owner} as first argument instead of binding (a new reference),
     * else null (the caller then does a normal attribute load). Only for objects whose type uses
     * the generic attribute lookup, when no instance attribute shadows the method.
     */
    static PyObject lookupMethod(VmCache cache, int at, PyObject owner, PyStr name) {
        PyType t = owner.type();
        if (t.getattr != PyType.OBJECT.getattr || t.getattr == null) return null;
        PyObject d = cache.typeLookup(at, t, name);
        if (!(d instanceof PyFunction) && !(d instanceof PyMethodDescr)) return null;
        PyDict dict = GenericAttr.dictOf(owner, false);
        if (dict != null && dict.getItemStr(name) != null) return null;
        return RefCount.newRef(d);
    }

    /**
     * LOAD_ATTR: {@code owner.name} (a new reference). An instance attribute of an object with
     * the generic lookup and no class attribute of that name is read straight from its dict
     * (the type lookup is cached per instruction); everything else goes through Ops.getAttr.
     */
    static PyObject loadAttr(VmCache cache, int at, PyObject owner, PyStr name) {
        PyType t = owner.type();
        if (t.getattr == PyType.OBJECT.getattr && t.getattr != null && cache.typeLookup(at, t, name) == null) {
            PyDict dict = GenericAttr.dictOf(owner, false);
            if (dict != null) {
                PyObject v = dict.getItemStr(name);
                if (v != null) return RefCount.newRef(v);
            }
        }
        return Ops.getAttr(owner, name);
    }

    /** The special method {@code name} of {@code o}'s type bound to {@code o}, or null. */
    static PyObject lookupSpecial(PyObject o, String name) {
        PyType t = o.type();
        PyObject d = t.lookup(name);
        if (d == null) return null;
        var g = d.type().descrGet;
        if (g != null) return g.get(d, o, t);
        return RefCount.newRef(d);
    }

    // ---- subscripts ------------------------------------------------------------------------

    static PyObject subscr(PyObject c, PyObject key) {
        if (key.getClass() == PyInt.class && ((PyInt) key).big == null) {
            long i = ((PyInt) key).value;
            if (c.getClass() == PyList.class && Config.GIL_ENABLED) { // free-threaded: PyList locks
                PyList l = (PyList) c;
                if (i < 0) i += l.size;
                if (i >= 0 && i < l.size) return RefCount.newRef(l.items[(int) i]);
            } else if (c.getClass() == PyTuple.class) {
                PyObject[] items = ((PyTuple) c).items;
                if (i < 0) i += items.length;
                if (i >= 0 && i < items.length) return RefCount.newRef(items[(int) i]);
            }
        }
        return Ops.getItem(c, key);
    }

    static void storeSubscr(PyObject c, PyObject key, PyObject v) {
        if (c.getClass() == PyList.class && key.getClass() == PyInt.class && ((PyInt) key).big == null
                && Config.GIL_ENABLED) { // free-threaded: PyList.setItem locks
            PyList l = (PyList) c;
            long i = ((PyInt) key).value;
            if (i < 0) i += l.size;
            if (i >= 0 && i < l.size) {
                PyObject old = l.items[(int) i];
                RefCount.incref(v);
                l.items[(int) i] = v;
                RefCount.decref(old);
                return;
            }
        }
        if (c.getClass() == PyDict.class && PyType.DICT.setitem == null) {
            ((PyDict) c).setItem(key, v);
            return;
        }
        Ops.setItem(c, key, v);
    }

    // ---- names -----------------------------------------------------------------------------

    static void storeName(Frame f, PyStr name, PyObject v) {
        PyObject l = f.locals;
        if (l == null) throw Errors.systemError("no locals found when storing '" + name.value + "'");
        if (l.getClass() == PyDict.class) {
            ((PyDict) l).setItem(name, v);
        } else {
            Ops.setItem(l, name, v);
        }
    }

    /** LOAD_NAME: locals, globals, builtins; a new reference. */
    static PyObject loadName(Frame f, PyStr name) {
        PyObject l = f.locals;
        if (l == null) throw Errors.systemError("no locals when loading '" + name.value + "'");
        PyObject v = mappingGet(l, name);
        if (v != null) return v;
        v = f.globals.getItemStr(name);
        if (v == null) v = f.builtins.getItemStr(name);
        if (v == null) throw nameError(name);
        return RefCount.newRef(v);
    }

    /** m[key] for a locals mapping, or null if absent (KeyError counts as absent); new reference. */
    static PyObject mappingGet(PyObject m, PyStr key) {
        if (m.getClass() == PyDict.class) {
            PyObject v = ((PyDict) m).getItemStr(key);
            return v == null ? null : RefCount.newRef(v);
        }
        try {
            return Ops.getItem(m, key);
        } catch (PyException e) {
            if (e.matches(PyExc.KeyError)) {
                RefCount.decref(e.exc);
                return null;
            }
            throw e;
        }
    }

    // ---- functions ---------------------------------------------------------------------------

    /** MAKE_FUNCTION: pops code and the flagged extras, pushes the function; returns the new sp. */
    static int makeFunction(Frame f, PyObject[] s, int sp, int flags) {
        PyCode code = (PyCode) s[sp - 1];
        PyFunction fn = new PyFunction(code, f.globals);
        int i = sp - 2;
        if ((flags & 8) != 0) fn.closure = (PyTuple) RefCount.newRef(s[i--]);
        if ((flags & 4) != 0) {
            PyObject ann = s[i--];
            if (ann instanceof PyTuple t) {
                PyDict d = new PyDict();
                for (int k = 0; k + 1 < t.size(); k += 2) d.setItem(t.get(k), t.get(k + 1));
                fn.annotations = d;
            } else {
                fn.annotations = RefCount.newRef(ann);
            }
        }
        if ((flags & 2) != 0) fn.kwdefaults = (PyDict) RefCount.newRef(s[i--]);
        if ((flags & 1) != 0) fn.defaults = (PyTuple) RefCount.newRef(s[i--]);
        int base = i + 1;
        for (int k = sp - 1; k >= base; k--) {
            PyObject o = s[k];
            s[k] = null;
            RefCount.decref(o);
        }
        s[base] = fn;
        return base + 1;
    }

    // ---- exceptions --------------------------------------------------------------------------

    /** CHECK_EXC_MATCH's test, with CPython's validation of the except clause's class. */
    static boolean exceptionMatches(PyObject exc, PyObject t) {
        if (t instanceof PyTuple tup) {
            for (PyObject x : tup.items) {
                if (!VmSupport.isExceptionClass(x)) throw badExceptClause();
            }
            for (PyObject x : tup.items) if (exc.type().isSubtypeOf((PyType) x)) return true;
            return false;
        }
        if (!VmSupport.isExceptionClass(t)) throw badExceptClause();
        return exc.type().isSubtypeOf((PyType) t);
    }

    private static PyException badExceptClause() {
        return Errors.typeError("catching classes that do not inherit from BaseException is not allowed");
    }

    /**
     * RAISE_VARARGS: the exception to throw. Takes ownership of {@code exc} and {@code cause}
     * (either may be null: bare {@code raise}, no {@code from}).
     */
    static PyException raise(ThreadState ts, PyObject exc, PyObject cause) {
        if (exc == null) {
            PyObject h = ts.handledException;
            if (h == null || h == PyNone.NONE) {
                return VmSupport.raise(PyExc.RuntimeError, "No active exception to reraise");
            }
            return new PyException((PyBaseException) RefCount.newRef(h));
        }
        PyBaseException e;
        try {
            if (exc instanceof PyType t && VmSupport.isExceptionClass(t)) {
                e = VmSupport.newException(t);
            } else if (exc instanceof PyBaseException be) {
                e = (PyBaseException) RefCount.newRef(be);
            } else {
                throw Errors.typeError("exceptions must derive from BaseException");
            }
        } finally {
            RefCount.decref(exc);
        }
        if (cause != null) {
            PyObject c;
            try {
                if (cause instanceof PyType t && VmSupport.isExceptionClass(t)) {
                    c = VmSupport.newException(t);
                } else if (cause instanceof PyBaseException) {
                    c = RefCount.newRef(cause);
                } else if (cause == PyNone.NONE) {
                    c = null;
                } else {
                    RefCount.decref(e);
                    throw Errors.typeError("exception causes must derive from BaseException");
                }
            } finally {
                RefCount.decref(cause);
            }
            PyObject old = e.cause;
            e.cause = c;
            e.suppressContext = true;
            RefCount.xdecref(old);
        }
        chainContext(ts, e);
        return new PyException(e);
    }

    /**
     * Sets {@code exc.__context__} to the exception being handled, if any, breaking any cycle
     * this would create (as CPython's _PyErr_SetObject).
     */
    static void chainContext(ThreadState ts, PyBaseException exc) {
        PyObject h = ts.handledException;
        if (!(h instanceof PyBaseException handled) || h == exc) return;
        // Cut exc out of handled's context chain (Floyd's algorithm guards pre-existing cycles).
        PyBaseException o = handled, slow = handled;
        boolean advanceSlow = false;
        while (o.context instanceof PyBaseException ctx) {
            if (ctx == exc) {
                o.context = null;
                RefCount.decref(ctx);
                break;
            }
            o = ctx;
            if (o == slow) break;
            if (advanceSlow) slow = (PyBaseException) slow.context;
            advanceSlow = !advanceSlow;
        }
        PyObject old = exc.context;
        exc.context = RefCount.newRef(handled);
        RefCount.xdecref(old);
    }

    // ---- the rare instructions ---------------------------------------------------------------

    /** Instructions handled by the loop itself (the rest come here). */
    static boolean handles(Opcode op) {
        return true; // every Opcode is either inline in Interpreter.eval or a case of rare()
    }

    /** Runs one of the less frequent instructions; returns the new stack pointer. */
    static int rare(ThreadState ts, Frame f, Opcode op, int arg, int sp) {
        PyObject[] s = f.s;
        PyCode co = f.code;
        switch (op) {
            case DELETE_FAST -> {
                PyObject v = s[arg];
                if (v == null) throw unboundLocal(co, arg);
                s[arg] = null;
                RefCount.decref(v);
            }
            case MAKE_CELL -> {
                // The cell takes over the local's reference (an argument value, or none).
                PyCell c = new PyCell();
                c.setSteal(s[arg]);
                s[arg] = c;
            }
            case COPY_FREE_VARS -> {
                PyTuple closure = f.func.closure;
                int off = co.nlocalsplus() - arg;
                for (int i = 0; i < arg; i++) s[off + i] = RefCount.newRef(closure.items[i]);
            }
            case LOAD_CLASSDEREF -> {
                PyObject v = f.locals == null ? null : mappingGet(f.locals, PyStr.intern(co.localsplusNames[arg]));
                if (v == null) {
                    v = ((PyCell) s[arg]).get();
                    if (v == null) throw unboundDeref(co, arg);
                    RefCount.incref(v);
                }
                s[sp++] = v;
            }
            case DELETE_DEREF -> {
                PyCell c = (PyCell) s[arg];
                if (c.get() == null) throw unboundDeref(co, arg);
                c.set(null);
            }
            case DELETE_NAME -> {
                PyStr name = PyStr.intern(co.names[arg]);
                PyObject l = f.locals;
                if (l == null) throw Errors.systemError("no locals when deleting '" + name.value + "'");
                if (l.getClass() == PyDict.class) {
                    if (!((PyDict) l).delItem(name)) throw nameError(name);
                } else {
                    try {
                        Ops.delItem(l, name);
                    } catch (PyException e) {
                        if (!e.matches(PyExc.KeyError)) throw e;
                        RefCount.decref(e.exc);
                        throw nameError(name);
                    }
                }
            }
            case DELETE_GLOBAL -> {
                PyStr name = PyStr.intern(co.names[arg]);
                if (!f.globals.delItem(name)) throw nameError(name);
            }
            case DELETE_ATTR -> {
                Ops.delAttr(s[sp - 1], PyStr.intern(co.names[arg]));
                sp = drop(s, sp, 1);
            }
            case DELETE_SUBSCR -> {
                Ops.delItem(s[sp - 2], s[sp - 1]);
                sp = drop(s, sp, 2);
            }
            case GET_LEN -> {
                PyObject n = PyInt.of(Ops.len(s[sp - 1]));
                s[sp++] = n;
            }
            case BUILD_SLICE -> {
                PyObject r = Builders.slice(s[sp - arg], s[sp - arg + 1], arg == 3 ? s[sp - 1] : PyNone.NONE);
                sp = drop(s, sp, arg);
                s[sp++] = r;
            }
            case BINARY_SLICE -> {
                PyObject sl = Builders.slice(s[sp - 2], s[sp - 1], PyNone.NONE);
                PyObject r;
                try {
                    r = Ops.getItem(s[sp - 3], sl);
                } finally {
                    RefCount.decref(sl);
                }
                sp = drop(s, sp, 3);
                s[sp++] = r;
            }
            case STORE_SLICE -> {
                PyObject sl = Builders.slice(s[sp - 2], s[sp - 1], PyNone.NONE);
                try {
                    Ops.setItem(s[sp - 3], sl, s[sp - 4]);
                } finally {
                    RefCount.decref(sl);
                }
                sp = drop(s, sp, 4);
            }
            case BUILD_SET -> {
                PyObject set = Builders.newSet(s, sp - arg, arg);
                sp = drop(s, sp, arg);
                s[sp++] = set;
            }
            case BUILD_MAP -> {
                PyDict d = Builders.newMap(s, sp - 2 * arg, arg);
                sp = drop(s, sp, 2 * arg);
                s[sp++] = d;
            }
            case BUILD_CONST_KEY_MAP -> {
                PyDict d = Builders.constKeyMap(s, sp - arg - 1, arg, (PyTuple) s[sp - 1]);
                sp = drop(s, sp, arg + 1);
                s[sp++] = d;
            }
            case BUILD_STRING -> {
                PyObject r = Builders.string(s, sp - arg, arg);
                sp = drop(s, sp, arg);
                s[sp++] = r;
            }
            case SET_ADD -> {
                Builders.setAdd(s[sp - 1 - arg], s[sp - 1]);
                sp = drop(s, sp, 1);
            }
            case MAP_ADD -> {
                PyObject d = s[sp - 2 - arg];
                if (d.getClass() == PyDict.class) {
                    ((PyDict) d).setItem(s[sp - 2], s[sp - 1]);
                } else {
                    Ops.setItem(d, s[sp - 2], s[sp - 1]);
                }
                sp = drop(s, sp, 2);
            }
            case LIST_EXTEND -> {
                Builders.listExtend((PyList) s[sp - 1 - arg], s[sp - 1]);
                sp = drop(s, sp, 1);
            }
            case SET_UPDATE -> {
                Builders.setUpdate(s[sp - 1 - arg], s[sp - 1]);
                sp = drop(s, sp, 1);
            }
            case DICT_UPDATE -> {
                PyObject src = s[sp - 1];
                if (!isMapping(src)) throw Errors.typeError("'%s' object is not a mapping", src.type().name());
                Builders.dictMerge((PyDict) s[sp - 1 - arg], src, false, null);
                sp = drop(s, sp, 1);
            }
            case DICT_MERGE -> {
                PyObject src = s[sp - 1];
                PyObject func = s[sp - 1 - arg - 2];
                if (!isMapping(src)) {
                    throw Errors.typeError("%s argument after ** must be a mapping, not %s", funcStr(func),
                            src.type().name());
                }
                Builders.dictMerge((PyDict) s[sp - 1 - arg], src, true, func);
                sp = drop(s, sp, 1);
            }
            case FORMAT_VALUE -> {
                boolean hasSpec = (arg & 4) != 0;
                PyObject spec = hasSpec ? s[sp - 1] : null;
                PyObject v = s[sp - (hasSpec ? 2 : 1)];
                PyObject r = Builders.formatValue(v, arg & 3, spec);
                sp = drop(s, sp, hasSpec ? 2 : 1);
                s[sp++] = r;
            }
            case UNPACK_SEQUENCE -> sp = Builders.unpack(s, sp, arg);
            case UNPACK_EX -> sp = Builders.unpackEx(s, sp, arg & 0xFF, arg >> 8);
            case CALL_FUNCTION_EX -> sp = callFunctionEx(s, sp, (arg & 1) != 0);
            case CALL_INTRINSIC_1 -> {
                PyObject r = Intrinsics.call(ts, f, arg, s[sp - 1]);
                sp = drop(s, sp, 1);
                s[sp++] = r;
            }
            case LOAD_BUILD_CLASS -> {
                PyObject bc = f.builtins.getItemStr(S_BUILD_CLASS);
                if (bc == null) throw VmSupport.raise(PyExc.NameError, "__build_class__ not found");
                s[sp++] = RefCount.newRef(bc);
            }
            case SETUP_ANNOTATIONS -> {
                PyObject l = f.locals;
                if (l == null) throw Errors.systemError("no locals found when setting up annotations");
                PyObject a = mappingGet(l, S_ANNOTATIONS);
                if (a != null) {
                    RefCount.decref(a);
                } else {
                    PyDict d = new PyDict();
                    try {
                        Ops.setItem(l, S_ANNOTATIONS, d);
                    } finally {
                        RefCount.decref(d);
                    }
                }
            }
            case IMPORT_NAME -> {
                PyObject m = Importer.importName(f.globals, f.locals, co.names[arg], s[sp - 1], s[sp - 2],
                        f.builtins);
                sp = drop(s, sp, 2);
                s[sp++] = m;
            }
            case IMPORT_FROM -> {
                PyObject v = Importer.importFrom(s[sp - 1], PyStr.intern(co.names[arg]));
                s[sp++] = v;
            }
            case LOAD_ASSERTION_ERROR -> s[sp++] = PyExc.AssertionError;
            case WITH_EXCEPT_START -> {
                PyObject exc = s[sp - 1];
                PyObject exit = s[sp - 4];
                PyObject tb = exc instanceof PyBaseException be && be.traceback != null ? be.traceback : PyNone.NONE;
                s[sp] = call(exit, new PyObject[] {exc.type(), exc, tb}, null);
                sp++;
            }
            case BEFORE_WITH -> sp = Coro.beforeWith(s, sp);
            case GET_YIELD_FROM_ITER -> Coro.getYieldFromIter(co, s, sp);
            case GET_AWAITABLE -> Coro.getAwaitable(s, sp, arg);
            case GET_AITER -> Coro.getAIter(s, sp);
            case GET_ANEXT -> sp = Coro.getANext(s, sp);
            case BEFORE_ASYNC_WITH -> sp = Coro.beforeAsyncWith(s, sp);
            case MATCH_MAPPING -> {
                PyObject r = PyBool.of(VmMatch.isMapping(s[sp - 1]));
                s[sp++] = r;
            }
            case MATCH_SEQUENCE -> {
                PyObject r = PyBool.of(VmMatch.isSequence(s[sp - 1]));
                s[sp++] = r;
            }
            case MATCH_KEYS -> {
                PyObject r = VmMatch.matchKeys(s[sp - 2], s[sp - 1]);
                s[sp++] = r;
            }
            case MATCH_CLASS -> {
                PyObject r = VmMatch.matchClass(s[sp - 3], s[sp - 2], s[sp - 1], arg);
                sp = drop(s, sp, 3);
                s[sp++] = r;
            }
            // Added to the Opcode contract by the compiler (except*); see their Javadoc for the
            // semantics the VM is to implement.
            case CHECK_EG_MATCH, CALL_INTRINSIC_2 -> throw Errors.systemError(op + " is not implemented yet");
            default -> throw Errors.systemError("unknown opcode " + op);
        }
        return sp;
    }

    /** True for dicts and objects with a keys() method (what ** and {**x} accept). */
    static boolean isMapping(PyObject o) {
        if (o instanceof PyDict) return true;
        PyObject k = Ops.lookupAttr(o, S_KEYS);
        if (k == null) return false;
        RefCount.decref(k);
        return true;
    }

    /** Pops and releases the top {@code n} stack items; returns the new stack pointer. */
    static int drop(PyObject[] s, int sp, int n) {
        for (int i = 0; i < n; i++) {
            PyObject o = s[--sp];
            s[sp] = null;
            if (o != null) RefCount.decref(o);
        }
        return sp;
    }

    /** CALL_FUNCTION_EX: {@code NULL|self, func, args[, kwargs]} -> result. */
    private static int callFunctionEx(PyObject[] s, int sp, boolean hasKw) {
        int base = sp - 3 - (hasKw ? 1 : 0);
        PyObject func = s[base + 1];
        PyObject callargs = s[base + 2];
        PyObject[] pos;
        if (callargs instanceof PyTuple t) {
            pos = t.items;
        } else {
            PyTuple t = Builders.tupleOf(callargs, func);
            s[base + 2] = t;
            RefCount.decref(callargs);
            pos = t.items;
        }
        PyObject r;
        if (hasKw && s[base + 3] instanceof PyDict kw && kw.size() > 0) {
            int n = kw.size();
            PyObject[] all = Arrays.copyOf(pos, pos.length + n);
            PyObject[] keys = new PyObject[n];
            int k = 0;
            for (int i = 0, m = kw.entrySlots(); i < m; i++) {
                PyObject key = kw.keyAt(i);
                if (key == null) continue;
                if (!(key instanceof PyStr)) throw Errors.typeError("keywords must be strings");
                keys[k] = key;
                all[pos.length + k] = kw.valueAt(i);
                k++;
            }
            PyTuple kwnames = PyTuple.of(keys);
            try {
                r = call(func, all, kwnames);
            } finally {
                RefCount.decref(kwnames);
            }
        } else {
            r = call(func, pos, null);
        }
        sp = drop(s, sp, sp - base - 1);
        PyObject c0 = s[base];
        s[base] = r;
        RefCount.xdecref(c0);
        return base + 1;
    }

    // ---- REPL display ----------------------------------------------------------------------

    /** INTRINSIC_PRINT: sys.displayhook(v), or a built-in fallback before sys exists. */
    static void display(PyObject v) {
        Interp in = Interp.main();
        PyObject sys = in == null ? null : in.modules.getItemStr(PyStr.intern("sys"));
        PyObject hook = sys instanceof PyModule m ? m.get("displayhook") : null;
        if (hook != null) {
            RefCount.decref(call(hook, new PyObject[] {v}, null));
            return;
        }
        if (v == PyNone.NONE) return;
        System.out.println(Ops.reprString(v));
        if (in != null && in.builtins != null) in.builtins.dict.setItem(S_UNDERSCORE, v);
    }
}
