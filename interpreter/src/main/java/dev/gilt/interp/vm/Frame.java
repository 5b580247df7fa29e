package dev.gilt.interp.vm;

import dev.gilt.runtime.object.PyCell;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.memory.Gc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;

/**
 * An activation of a code object, on the heap (so generators can suspend it) and visible to
 * Python as a {@code frame} object (sys._getframe, tracebacks).
 *
 * <h2>Layout</h2>
 * {@link #s} holds the code's localsplus slots {@code [0, nlocalsplus)} followed by the value
 * stack {@code [nlocalsplus, nlocalsplus + stacksize)}; {@link #sp} is the index of the first free
 * stack slot. Every non-null slot below the stack pointer is an owned reference.
 *
 * <h2>Ownership and lifetime</h2>
 * Whoever runs the frame (a call, or the generator that holds it) owns its first reference. When
 * the run ends the frame is {@linkplain #release released}: if nobody else took a reference (a
 * traceback, {@code sys._getframe}), its slots are cleared at once, as CPython clears a frame on
 * return; otherwise the frame keeps its locals for those holders and is handed to the cycle
 * collector. Running frames are not tracked by the collector (frames are the most frequent
 * allocation); a frame becomes tracked when Python code gets hold of it ({@link #expose}).
 *
 * <h2>Threads</h2>
 * A frame is run by one thread at a time (a generator refuses re-entry); {@link #back} is a
 * borrowed link valid while the frame runs.
 */
public final class Frame extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("frame", Frame.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.getattr = (self, name) -> ((Frame) self).getAttr(name);
        TYPE.repr = self -> {
            Frame f = (Frame) self;
            return PyStr.of("<frame at 0x" + Long.toHexString(RefCount.id(f)) + ", file '" + f.code.filename
                    + "', line " + f.lineno() + ", code " + f.code.name + ">");
        };
    }

    /** Frame states. */
    public static final byte CREATED = 0, RUNNING = 1, SUSPENDED = 2, COMPLETED = 3;

    public final PyCode code;
    /** localsplus followed by the value stack. */
    public final PyObject[] s;
    /** First free stack slot (absolute index into {@link #s}); exact only while not running. */
    public int sp;
    /** Next instruction to run (where execution resumes). */
    public int pc;
    /** Index of the instruction being (or last) executed; -1 before the first. */
    public int lasti = -1;
    /** Owned, or borrowed from {@link #func} until {@link #own} (see {@link #owned}). */
    public final PyDict globals;
    /** Owned, or borrowed from {@link #func} until {@link #own}. */
    public final PyDict builtins;
    /** The locals mapping for module and class bodies (owned), or null for functions. */
    public PyObject locals;
    /** The function being run (owned, or borrowed from the caller's stack until {@link #own}), or null. */
    public PyFunction func;
    /**
     * False while a function frame borrows {@link #func}, {@link #globals} and {@link #builtins}:
     * a call's frame lives no longer than the call, during which the caller's stack holds the
     * function and the function holds its globals, so counting them would only cost time. A
     * frame that may outlive its call (exposed to Python, or taken by a generator) owns them.
     */
    boolean owned = true;
    /** The calling frame while this one runs (borrowed), else null. */
    public Frame back;
    public byte state = CREATED;

    // ---- generator support --------------------------------------------------------------
    /** The generator/coroutine that owns this frame (borrowed), or null. */
    public PyGenerator gen;
    /** The exception this generator frame is handling (owned, as CPython's gi_exc_state), or null. */
    PyObject genExc;
    /** ThreadState.handledException when the generator was resumed (borrowed). */
    PyObject callerExc;
    /** Keyword names set by KW_NAMES for the next CALL, saved across a suspension. */
    PyObject kwnames;

    /** The dict f_locals returns for an optimized frame (owned, created on demand). */
    private PyDict localsSnapshot;

    /**
     * A frame for {@code code}; {@code globals}, {@code builtins} and {@code locals} are borrowed
     * (the frame takes its own references).
     */
    public Frame(PyCode code, PyDict globals, PyDict builtins, PyObject locals) {
        super(false);
        this.code = code;
        this.s = new PyObject[code.nlocalsplus() + code.stacksize];
        this.sp = code.nlocalsplus();
        this.globals = RefCount.newRef(globals);
        this.builtins = RefCount.newRef(builtins);
        if (locals != null) this.locals = RefCount.newRef(locals);
    }

    /** A frame to run {@code fn}'s code with a locals mapping (class bodies); borrowed. */
    Frame(PyFunction fn, PyObject locals) {
        this(fn);
        this.locals = RefCount.newRef(locals);
    }

    /** A frame to run {@code fn}'s code (arguments are bound by {@link ArgBinder}). */
    Frame(PyFunction fn) {
        super(false);
        PyCode c = fn.code;
        this.code = c;
        this.s = new PyObject[c.nlocalsplus() + c.stacksize];
        this.sp = c.nlocalsplus();
        this.globals = fn.globals;
        this.builtins = fn.builtins;
        this.func = fn;
        this.owned = false;
    }

    /** Takes counted references to what the frame borrowed (before it can outlive the call). */
    void own() {
        if (owned) return;
        owned = true;
        RefCount.incref(globals);
        RefCount.incref(builtins);
        RefCount.incref(func);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Current line (of the last started instruction; the first line before it starts). */
    public int lineno() {
        int l = code.lineOf(lasti < 0 ? 0 : lasti);
        return l < 0 ? code.firstlineno : l;
    }

    /**
     * Marks the frame as reachable from Python objects (tracebacks, sys._getframe): from now on
     * the cycle collector tracks it. Returns a new reference.
     */
    public Frame expose() {
        own();
        if (!Gc.isTracked(this) && !RefCount.isImmortal(this)) Gc.track(this);
        return RefCount.newRef(this);
    }

    /**
     * Ends the run of a frame owned by {@code run}'s caller: clears the slots at once when the
     * caller held the only reference, else just drops that reference (holders keep the locals).
     */
    static void release(Frame f) {
        if (!RefCount.COUNT_TOTALS && f.refcnt == 1 && RefCount.POLICY == RefCount.PLAIN) {
            // Nobody else saw the frame: free its slots without going through dealloc.
            f.clearSlots();
            f.dropRefs();
            return;
        }
        RefCount.decref(f);
    }

    /** Releases the value stack above {@code base} (xdecref: moved-out slots are null). */
    void clearStack() {
        int base = code.nlocalsplus();
        for (int i = sp - 1; i >= base; i--) {
            PyObject o = s[i];
            if (o != null) {
                s[i] = null;
                RefCount.decref(o);
            }
        }
        sp = base;
    }

    /** Releases the locals and the stack. */
    void clearSlots() {
        clearStack();
        int n = code.nlocalsplus();
        PyObject[] a = s;
        for (int i = 0; i < n; i++) {
            PyObject o = a[i];
            if (o != null) {
                a[i] = null;
                RefCount.decref(o);
            }
        }
    }

    private void dropRefs() {
        PyObject l = locals, fn = func, snap = localsSnapshot, kw = kwnames;
        locals = null;
        func = null;
        localsSnapshot = null;
        kwnames = null;
        RefCount.xdecref(l);
        RefCount.xdecref(snap);
        RefCount.xdecref(kw);
        if (owned) {
            RefCount.xdecref(fn);
            RefCount.decref(globals);
            RefCount.decref(builtins);
        }
    }

    @Override
    public void traverse(Visitor v) {
        if (released) return;
        int n = code.nlocalsplus();
        for (int i = 0; i < n; i++) if (s[i] != null) v.visit(s[i]);
        // The stack is exact only while the frame is suspended; a running frame is referenced by
        // its runner (not traversed), so leaving its stack out only keeps more objects alive.
        if (state == SUSPENDED) for (int i = n; i < sp; i++) if (s[i] != null) v.visit(s[i]);
        if (locals != null) v.visit(locals);
        if (localsSnapshot != null) v.visit(localsSnapshot);
        if (owned) {
            if (func != null) v.visit(func);
            v.visit(globals);
            v.visit(builtins);
        }
    }

    private boolean released;

    @Override
    public void releaseReferences() {
        if (released) return;
        if (state == RUNNING) return; // never pull slots from under running code
        released = true;
        clearSlots();
        dropRefs();
    }

    // ---- Python-visible attributes ------------------------------------------------------

    private PyObject getAttr(PyStr n) {
        switch (n.value) {
            case "f_lineno": return PyInt.of(lineno());
            case "f_code": return RefCount.newRef(code);
            case "f_globals": return RefCount.newRef(globals);
            case "f_builtins": return RefCount.newRef(builtins);
            case "f_locals": return fLocals();
            case "f_back": {
                Frame b = back;
                if (b == null || RefCount.isFreed(b)) return RefCount.newRef(PyNone.NONE);
                return b.expose();
            }
            case "f_lasti": return PyInt.of(lasti < 0 ? -1 : Positions.byteOffset(code, lasti));
            case "f_trace": return RefCount.newRef(PyNone.NONE);
            case "f_generator":
                return gen == null ? RefCount.newRef(PyNone.NONE) : RefCount.newRef(gen);
            default:
                return VmSupport.genericGetAttr(this, n, null);
        }
    }

    /**
     * f_locals: the locals mapping for module and class bodies; for functions a dict snapshot of
     * the bound fast locals and cells (the same dict each time, refreshed, as CPython 3.12).
     */
    public PyObject fLocals() {
        if (locals != null) return RefCount.newRef(locals);
        if (localsSnapshot == null) localsSnapshot = new PyDict();
        PyDict d = localsSnapshot;
        PyCode c = code;
        int n = c.nlocalsplus();
        for (int i = 0; i < n; i++) {
            PyObject v = s[i];
            byte kind = c.localsplusKinds[i];
            if (v instanceof PyCell cell && (kind & (PyCode.KIND_CELL | PyCode.KIND_FREE)) != 0) v = cell.get();
            PyStr name = PyStr.intern(c.localsplusNames[i]);
            if ((kind & PyCode.KIND_FREE) != 0 && (c.flags & PyCode.CO_OPTIMIZED) == 0) continue;
            if (v == null) {
                d.delItem(name);
            } else {
                d.setItem(name, v);
            }
        }
        return RefCount.newRef(d);
    }

    /** Java-side debugging aid only. */
    @Override
    public String toString() {
        return "<frame " + code.qualname + " line " + lineno() + ">";
    }
}
