package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python type: name, bases, MRO, a dict of attributes, and the slots that {@code Ops} dispatches
 * through. Builtin types are created once by their Java class ({@link #builtin}); classes made by a
 * {@code class} statement are created by the type system ({@code type.__new__}), which fills the
 * slots from the class's dunder methods and inherits the rest along the MRO.
 *
 * <p>Types are immortal (DESIGN.md), and so are their dicts.
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>{@link #mro} starts with this type and ends with {@code object}.
 *   <li>After any change to a type's dict through {@code setattr} the type system calls
 *       {@link #modified()}, which bumps {@link #version} here and in every subclass (attribute
 *       caches key on it) and refreshes the slot that the changed name feeds.
 * </ul>
 */
public class PyType extends PyObject {
    /** The type of types, {@code type}. */
    public static final PyType TYPE;
    /** {@code object}, the root of every MRO. */
    public static final PyType OBJECT;
    /**
     * {@code dict}. Created here, not in PyDict, because every type owns a dict: PyDict's class
     * initialisation must not depend on PyType's (bootstrap order).
     */
    public static final PyType DICT;

    static {
        OBJECT = new PyType("object", PyObject.class, null);
        TYPE = new PyType("type", PyType.class, OBJECT);
        DICT = new PyType("dict", PyDict.class, OBJECT);
        // Slot method references only; dict's methods are defined by the first lookup (below).
        PyDict.installSlots(DICT);
        // Only slot assignments (method references, no object creation): the classes they name
        // initialise on first call, so this cannot recurse into half-initialised classes.
        dev.gilt.runtime.types.Bootstrap.install(OBJECT, TYPE, DICT);
    }

    /**
     * Work that cannot run in this class's static initialiser (creating Python objects there could
     * re-enter a half-initialised class such as PyStr): defining dict's methods. The first
     * {@link #lookup} through any type runs it, once.
     */
    private static volatile Runnable pendingBootstrap = PyDict::defineMethods;

    private static synchronized void runPendingBootstrap() {
        Runnable r = pendingBootstrap;
        if (r != null) {
            pendingBootstrap = null;
            r.run();
        }
    }

    // ---- flags (CPython's Py_TPFLAGS_* in spirit) ------------------------------------------
    /** Created by a class statement (not a builtin). */
    public static final int HEAPTYPE = 1;
    /** May be subclassed. */
    public static final int BASETYPE = 2;
    /** Instances carry a __dict__. */
    public static final int HAS_DICT = 4;
    /** Abstract (has abstract methods): instantiation raises TypeError. */
    public static final int ABSTRACT = 8;
    /** Instances are exceptions (subtype of BaseException). */
    public static final int EXCEPTION = 16;
    /** Immutable type: its attributes cannot be set (builtin types). */
    public static final int IMMUTABLE = 32;
    /** Instances may be weakly referenced ({@code weakref.ref(x)}). */
    public static final int WEAKREFABLE = 64;
    /**
     * Instances are method descriptors (functions, builtin method descriptors): for them
     * {@code descr.__get__(obj, T)(*args)} is the same as {@code descr(obj, *args)}, so callers may
     * skip creating the bound method (CPython's Py_TPFLAGS_METHOD_DESCRIPTOR).
     */
    public static final int METHOD_DESCRIPTOR = 128;
    /**
     * The type system has completed this type (CPython's PyType_Ready): slot wrappers such as
     * {@code int.__add__} are in its dict. Builtin types are readied lazily on first
     * {@link #lookup}; heap types are born ready.
     */
    public static final int READY = 256;

    protected String name;
    public String qualname;
    public int flags;
    public PyType base;
    public PyType[] bases;
    public PyType[] mro;
    /** The type's namespace (owned, immortal). Lookups go through {@link #lookup}. */
    public final PyDict dict;
    /** The Java class whose instances represent this type's instances (the "solid base"). */
    public final Class<?> javaClass;
    /** Incremented on every change to this type or a base (for inline caches). */
    public volatile int version;
    private final List<java.lang.ref.WeakReference<PyType>> subclasses = new ArrayList<>();

    // ---- slots ----------------------------------------------------------------------------
    public Slots.Unary repr, str;
    public Slots.Hash hash;
    public Slots.Compare richcompare;
    public Slots.Unary iter;
    public Slots.Next next;
    public Slots.Call call;
    public Slots.GetAttr getattr;
    public Slots.SetAttr setattr;
    public Slots.DescrGet descrGet;
    public Slots.DescrSet descrSet;
    public Slots.New newInstance;
    public Slots.Init init;
    /** __del__ (finalizer) present: RefCount calls RefCount.finalizer for instances. */
    public boolean finalizer;

    /** Number protocol, indexed by BINARY_OP's NB_* numbers 0..12 (binary) ... */
    public final Slots.Binary[] nb = new Slots.Binary[13];
    /** ... and their in-place forms (same index), null to fall back to the binary slot. */
    public final Slots.Binary[] nbInplace = new Slots.Binary[13];
    public Slots.Ternary power3;
    public Slots.Unary neg, pos, invert, abs, index, asInt, asFloat;
    public Slots.Bool bool;

    /** Sequence / mapping protocol. */
    public Slots.Length len;
    public Slots.Binary getitem;
    public Slots.SetItem setitem;
    public Slots.Contains contains;

    /** Async protocol. */
    public Slots.Unary await, aiter, anext;

    protected PyType(String name, Class<?> javaClass, PyType base) {
        super();
        this.name = name;
        this.qualname = name;
        this.javaClass = javaClass;
        this.base = base;
        this.bases = base == null ? new PyType[0] : new PyType[] {base};
        this.flags = BASETYPE | IMMUTABLE;
        this.dict = RefCount.immortalize(new PyDict());
        if (base == null) {
            this.mro = new PyType[] {this};
        } else {
            PyType[] b = base.mro;
            this.mro = new PyType[b.length + 1];
            this.mro[0] = this;
            System.arraycopy(b, 0, this.mro, 1, b.length);
            base.addSubclass(this);
            inheritSlots(base);
        }
        RefCount.immortalize(this);
    }

    /**
     * Constructor for the type system's heap types (class statements): the caller computes the
     * MRO and fills bases, dict and slots afterwards.
     */
    protected PyType(String name, Class<?> javaClass, PyType base, PyType[] bases, boolean heap) {
        super();
        this.name = name;
        this.qualname = name;
        this.javaClass = javaClass;
        this.base = base;
        this.bases = bases;
        this.flags = heap ? (HEAPTYPE | BASETYPE) : (BASETYPE | IMMUTABLE);
        this.dict = RefCount.immortalize(new PyDict());
        this.mro = new PyType[] {this};
        RefCount.immortalize(this);
    }

    /** A builtin type whose base is {@code object}. */
    public static PyType builtin(String name, Class<?> javaClass) {
        return new PyType(name, javaClass, OBJECT);
    }

    /** A builtin type with the given base. */
    public static PyType builtin(String name, Class<?> javaClass, PyType base) {
        return new PyType(name, javaClass, base);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isHeapType() {
        return (flags & HEAPTYPE) != 0;
    }

    public boolean hasFinalizer() {
        return finalizer;
    }

    public boolean isSubtypeOf(PyType other) {
        if (this == other) return true;
        for (PyType t : mro) if (t == other) return true;
        return false;
    }

    /**
     * Looks {@code name} up along the MRO, without descriptors (CPython's _PyType_Lookup).
     * Returns a borrowed reference or null.
     */
    public PyObject lookup(PyStr name) {
        if (pendingBootstrap != null) runPendingBootstrap();
        if ((flags & READY) == 0) dev.gilt.runtime.types.TypeReady.ready(this);
        for (PyType t : mro) {
            PyObject v = t.dict.getItemStr(name);
            if (v != null) return v;
        }
        return null;
    }

    public PyObject lookup(String name) {
        return lookup(PyStr.intern(name));
    }

    /** Stores an attribute in this type's own dict (the dict keeps its own reference). */
    public void define(String name, PyObject value) {
        dict.setItem(PyStr.intern(name), value);
    }

    /** Copies every slot this type lacks from {@code b} (single inheritance of builtins). */
    public void inheritSlots(PyType b) {
        if (repr == null) repr = b.repr;
        if (str == null) str = b.str;
        if (hash == null) hash = b.hash;
        if (richcompare == null) richcompare = b.richcompare;
        if (iter == null) iter = b.iter;
        if (next == null) next = b.next;
        if (call == null) call = b.call;
        if (getattr == null) getattr = b.getattr;
        if (setattr == null) setattr = b.setattr;
        if (descrGet == null) descrGet = b.descrGet;
        if (descrSet == null) descrSet = b.descrSet;
        if (newInstance == null) newInstance = b.newInstance;
        if (init == null) init = b.init;
        finalizer |= b.finalizer;
        for (int i = 0; i < nb.length; i++) {
            if (nb[i] == null) nb[i] = b.nb[i];
            if (nbInplace[i] == null) nbInplace[i] = b.nbInplace[i];
        }
        if (power3 == null) power3 = b.power3;
        if (neg == null) neg = b.neg;
        if (pos == null) pos = b.pos;
        if (invert == null) invert = b.invert;
        if (abs == null) abs = b.abs;
        if (index == null) index = b.index;
        if (asInt == null) asInt = b.asInt;
        if (asFloat == null) asFloat = b.asFloat;
        if (bool == null) bool = b.bool;
        if (len == null) len = b.len;
        if (getitem == null) getitem = b.getitem;
        if (setitem == null) setitem = b.setitem;
        if (contains == null) contains = b.contains;
        if (await == null) await = b.await;
        if (aiter == null) aiter = b.aiter;
        if (anext == null) anext = b.anext;
    }

    public void addSubclass(PyType sub) {
        synchronized (subclasses) {
            subclasses.add(new java.lang.ref.WeakReference<>(sub));
        }
    }

    /** Live direct subclasses (for __subclasses__ and cache invalidation). */
    public List<PyType> subclasses() {
        List<PyType> out = new ArrayList<>();
        synchronized (subclasses) {
            for (var r : subclasses) {
                PyType t = r.get();
                if (t != null) out.add(t);
            }
        }
        return out;
    }

    /** Invalidates caches keyed on this type and its subclasses. */
    public void modified() {
        version++;
        for (PyType s : subclasses()) s.modified();
    }
}
