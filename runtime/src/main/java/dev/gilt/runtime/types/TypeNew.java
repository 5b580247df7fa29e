package dev.gilt.runtime.types;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyCell;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.ops.Ops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Class creation: {@code type.__new__(meta, name, bases, ns, **kw)} (CPython's type_new), which
 * the interpreter's {@code __build_class__} reaches by calling the metaclass. In order: the most
 * derived metaclass, the best base and its instance layout, {@code __slots__}, the namespace copy
 * ({@code __qualname__}, {@code __classcell__}, implicit staticmethod/classmethod wrapping,
 * {@code __hash__ = None} beside {@code __eq__}), the C3 MRO, the slots filled from dunders
 * ({@link SlotTable}), then {@code __set_name__} and {@code __init_subclass__}.
 */
public final class TypeNew {
    private TypeNew() {}

    /** The reference {@code type.__new__} slot (compared by identity). */
    public static final Slots.New TYPE_NEW = PyType.TYPE.newInstance;

    private static final PyStr QUALNAME = PyStr.intern("__qualname__"), MODULE = PyStr.intern("__module__"),
            DOC = PyStr.intern("__doc__"), SLOTS = PyStr.intern("__slots__"), CLASSCELL = PyStr.intern("__classcell__"),
            NEW = PyStr.intern("__new__"), INIT_SUBCLASS = PyStr.intern("__init_subclass__"),
            CLASS_GETITEM = PyStr.intern("__class_getitem__"), EQ = PyStr.intern("__eq__"),
            HASH = PyStr.intern("__hash__"), SET_NAME = PyStr.intern("__set_name__"), NAME = PyStr.intern("__name__");

    /** type.__new__ as the {@code type} type's newInstance slot. */
    static PyObject typeNew(PyType metatype, PyObject[] args, PyTuple kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.size();
        int npos = args.length - nkw;
        if (npos != 3) throw Errors.typeError("type.__new__() takes exactly 3 arguments (%d given)", npos);
        if (!(args[0] instanceof PyStr name)) {
            throw Errors.typeError("type.__new__() argument 1 must be str, not %s", args[0].type().name());
        }
        if (!(args[1] instanceof PyTuple bases)) {
            throw Errors.typeError("type.__new__() argument 2 must be tuple, not %s", args[1].type().name());
        }
        if (!(args[2] instanceof PyDict ns)) {
            throw Errors.typeError("type.__new__() argument 3 must be dict, not %s", args[2].type().name());
        }
        PyObject[] kwvals = Arrays.copyOfRange(args, npos, args.length);
        return newType(metatype, name.value, bases, ns, kwvals, kwnames);
    }

    /**
     * Creates a class. {@code ns} is borrowed (copied); {@code kwvals}/{@code kwnames} are the class
     * keywords (after {@code metaclass=} was removed), passed on to {@code __init_subclass__}.
     * Returns a new reference (types are immortal).
     */
    public static PyObject newType(PyType metatype, String name, PyTuple basesTuple, PyDict ns, PyObject[] kwvals,
            PyTuple kwnames) {
        // The most derived metaclass; if it is not the one called, let it create the class.
        PyType winner = calculateMetaclass(metatype, basesTuple);
        if (winner != metatype) {
            if (winner.newInstance != TYPE_NEW && winner.newInstance != null) {
                PyObject[] a = new PyObject[3 + kwvals.length];
                PyStr n = PyStr.of(name);
                a[0] = n;
                a[1] = basesTuple;
                a[2] = ns;
                System.arraycopy(kwvals, 0, a, 3, kwvals.length);
                try {
                    return winner.newInstance.create(winner, a, kwnames);
                } finally {
                    RefCount.decref(n);
                }
            }
            metatype = winner;
        }
        PyType[] bases = new PyType[basesTuple.size()];
        for (int i = 0; i < bases.length; i++) {
            PyObject b = basesTuple.get(i);
            if (!(b instanceof PyType bt)) {
                throw Errors.typeError("bases must be types");
            }
            for (int j = 0; j < i; j++) {
                if (bases[j] == bt) throw Errors.typeError("duplicate base class %s", bt.name());
            }
            bases[i] = bt;
        }
        if (bases.length == 0) bases = new PyType[] {PyType.OBJECT};
        for (PyType b : bases) {
            if ((b.flags & PyType.READY) == 0) TypeReady.ready(b);
        }
        PyType base = bestBase(bases);
        PyType baseSolid = solidBase(base);

        // __slots__
        PyObject slotsSpec = ns.getItemStr(SLOTS);
        boolean baseHasDict = (base.flags & PyType.HAS_DICT) != 0;
        boolean baseWeak = (base.flags & PyType.WEAKREFABLE) != 0;
        boolean varSized = isVarSized(baseSolid);
        boolean addDict, addWeak;
        List<String> slotNames = new ArrayList<>();
        if (slotsSpec == null) {
            addDict = !baseHasDict;
            addWeak = !baseWeak && !varSized;
        } else {
            addDict = false;
            addWeak = false;
            for (String s : slotStrings(slotsSpec)) {
                if (!isIdentifier(s)) throw Errors.typeError("__slots__ must be identifiers");
                if (s.equals("__dict__")) {
                    if (baseHasDict || addDict) throw Errors.typeError("__dict__ slot disallowed: we already got one");
                    addDict = true;
                    continue;
                }
                if (s.equals("__weakref__")) {
                    if (baseWeak || addWeak || varSized) {
                        throw Errors.typeError("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                    }
                    addWeak = true;
                    continue;
                }
                String m = mangle(name, s);
                if (ns.getItemStr(PyStr.intern(m)) != null) {
                    throw Errors.valueError("'%s' in __slots__ conflicts with class variable", m);
                }
                slotNames.add(m);
            }
            if (!slotNames.isEmpty() && varSized) {
                throw Errors.typeError("nonempty __slots__ not supported for subtype of '%s'", baseSolid.name());
            }
            if (!slotNames.isEmpty() && metatype != null && base.isSubtypeOf(PyType.TYPE)) {
                throw Errors.typeError("nonempty __slots__ not supported for subtype of '%s'", baseSolid.name());
            }
            slotNames = new ArrayList<>(new TreeSet<>(slotNames));
        }

        Class<?> javaClass = baseSolid == PyType.OBJECT ? PyInstance.class : baseSolid.javaClass;
        PyHeapType t = new PyHeapType(metatype, name, javaClass, base, bases);
        t.flags |= PyType.BASETYPE | (base.flags & (PyType.EXCEPTION | PyType.HAS_DICT | PyType.WEAKREFABLE));
        if (addDict) t.flags |= PyType.HAS_DICT;
        if (addWeak) t.flags |= PyType.WEAKREFABLE;
        t.ownSlots = slotNames.toArray(new String[0]);
        int inherited = PyHeapType.slotCount(base);
        t.nslots = inherited + t.ownSlots.length;
        t.solid = t.ownSlots.length > 0 ? t : baseSolid;

        // The namespace, copied in order.
        PyObject qual = ns.getItemStr(QUALNAME);
        if (qual != null) {
            if (!(qual instanceof PyStr qs)) {
                throw Errors.typeError("type __qualname__ must be a str, not %s", qual.type().name());
            }
            t.qualname = qs.value;
        }
        PyObject cell = ns.getItemStr(CLASSCELL);
        if (cell != null && !(cell instanceof PyCell) && !cell.type().name().equals("cell")) {
            throw Errors.typeError("__classcell__ must be a nonlocal cell, not %s", Ops.reprString(cell.type()));
        }
        for (int i = 0; i < ns.entrySlots(); i++) {
            PyObject k = ns.keyAt(i);
            if (k == null) continue;
            if (k instanceof PyStr ks && (ks.value.equals("__qualname__") || ks.value.equals("__classcell__"))) continue;
            PyObject v = ns.valueAt(i);
            isPlainFunction(v);
            if (k instanceof PyStr ks) {
                if (ks.value.equals("__new__") && isPlainFunction(v)) {
                    PyObject sm = PyStaticMethod.of(v);
                    t.dict.setItem(k, sm);
                    RefCount.decref(sm);
                    continue;
                }
                if ((ks.value.equals("__init_subclass__") || ks.value.equals("__class_getitem__")) && isPlainFunction(v)) {
                    PyObject cm = PyClassMethod.of(v);
                    t.dict.setItem(k, cm);
                    RefCount.decref(cm);
                    continue;
                }
            }
            t.dict.setItem(k, v);
        }
        if (t.dict.getItemStr(MODULE) == null) {
            PyObject mod = currentModuleName();
            if (mod != null) {
                t.dict.setItem(MODULE, mod);
                RefCount.decref(mod);
            }
        }
        // Member descriptors for the slots, then __dict__ / __weakref__ accessors.
        for (int i = 0; i < t.ownSlots.length; i++) {
            t.define(t.ownSlots[i], new PyMemberDescr(t, t.ownSlots[i], inherited + i));
        }
        if (addDict) InstanceAttrs.defineDictDescr(t);
        if (addWeak) InstanceAttrs.defineWeakrefDescr(t);
        if (t.dict.getItemStr(DOC) == null) t.dict.setItem(DOC, PyNone.NONE);
        if (t.dict.getItemStr(EQ) != null && t.dict.getItemStr(HASH) == null) t.dict.setItem(HASH, PyNone.NONE);

        // MRO, then the slots.
        t.mro = computeMro(t);
        for (PyType b : bases) b.addSubclass(t);
        SlotTable.fillAll(t);

        if (cell instanceof PyCell pc) {
            pc.set(t);
        } else if (cell != null) {
            // Another room's cell type: set it through its cell_contents attribute.
            Ops.setAttr(cell, PyStr.intern("cell_contents"), t);
        }
        setNames(t);
        initSubclass(t, kwvals, kwnames);
        return t;
    }

    /** A function object (not a builtin or other callable): those get implicit wrapping. */
    static boolean isPlainFunction(PyObject v) {
        PyType t = v.type();
        if (!t.name().equals("function") || t.isHeapType()) return false;
        // Python functions bind as methods: callers may skip the bound-method object.
        t.flags |= PyType.METHOD_DESCRIPTOR | PyType.WEAKREFABLE;
        return true;
    }

    private static PyObject currentModuleName() {
        Interp in = Interp.main();
        if (in == null || in.hooks == null) return null;
        PyDict g;
        try {
            g = in.hooks.currentGlobals();
        } catch (RuntimeException e) {
            return null;
        }
        if (g == null) return null;
        PyObject n = g.getItemStr(NAME);
        return n == null ? null : RefCount.newRef(n);
    }

    private static List<String> slotStrings(PyObject spec) {
        List<String> out = new ArrayList<>();
        if (spec instanceof PyStr s) {
            out.add(s.value);
            return out;
        }
        if (spec instanceof PyTuple || spec instanceof dev.gilt.runtime.object.PyList) {
            PyObject[] items = spec instanceof PyTuple t ? t.items
                    : java.util.Arrays.copyOf(((dev.gilt.runtime.object.PyList) spec).items,
                            ((dev.gilt.runtime.object.PyList) spec).size);
            for (PyObject x : items) {
                if (!(x instanceof PyStr xs)) {
                    throw Errors.typeError("__slots__ items must be strings, not '%s'", x.type().name());
                }
                out.add(xs.value);
            }
            return out;
        }
        PyObject it = Ops.iter(spec);
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) {
                try {
                    if (!(x instanceof PyStr xs)) {
                        throw Errors.typeError("__slots__ items must be strings, not '%s'", x.type().name());
                    }
                    out.add(xs.value);
                } finally {
                    RefCount.decref(x);
                }
            }
        } finally {
            RefCount.decref(it);
        }
        return out;
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) return false;
        int cp = s.codePointAt(0);
        if (!(Character.isLetter(cp) || cp == '_' || Character.isUnicodeIdentifierStart(cp))) return false;
        for (int i = Character.charCount(cp); i < s.length(); i += Character.charCount(cp)) {
            cp = s.codePointAt(i);
            if (!(Character.isLetterOrDigit(cp) || cp == '_' || Character.isUnicodeIdentifierPart(cp))) return false;
        }
        return true;
    }

    /** Private name mangling: {@code __x} in class {@code _A} becomes {@code _A__x}. */
    public static String mangle(String className, String name) {
        if (!name.startsWith("__") || name.endsWith("__") || name.contains(".")) return name;
        int i = 0;
        while (i < className.length() && className.charAt(i) == '_') i++;
        if (i == className.length()) return name;
        return "_" + className.substring(i) + name;
    }

    /** Layouts of variable size (int, bytes, tuple): no nonempty __slots__, no __weakref__. */
    static boolean isVarSized(PyType solid) {
        for (PyType t = solid; t != null; t = t.base) {
            if (t.isHeapType()) continue;
            String n = t.name();
            if (n.equals("int") || n.equals("bytes") || n.equals("tuple")) return true;
        }
        return false;
    }

    // ---- metaclass, bases, layout ---------------------------------------------------------

    /** The most derived metaclass of {@code meta} and the bases' metaclasses, or TypeError. */
    public static PyType calculateMetaclass(PyType meta, PyTuple bases) {
        PyType winner = meta;
        for (PyObject b : bases.items) {
            PyType tmp = b.type();
            if (winner.isSubtypeOf(tmp)) continue;
            if (tmp.isSubtypeOf(winner)) {
                winner = tmp;
                continue;
            }
            throw Errors.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                    + "subclass of the metaclasses of all its bases");
        }
        return winner;
    }

    /** The base whose layout the new class's instances will have (CPython's best_base). */
    static PyType bestBase(PyType[] bases) {
        PyType base = null, winner = null;
        for (PyType b : bases) {
            if ((b.flags & PyType.BASETYPE) == 0) {
                throw Errors.typeError("type '%s' is not an acceptable base type", b.name());
            }
            PyType candidate = solidBase(b);
            if (winner == null) {
                winner = candidate;
                base = b;
            } else if (winner.isSubtypeOf(candidate)) {
                // keep
            } else if (candidate.isSubtypeOf(winner)) {
                winner = candidate;
                base = b;
            } else {
                throw Errors.typeError("multiple bases have instance lay-out conflict");
            }
        }
        return base;
    }

    /** The most derived type in t's base chain that defines the instance layout. */
    public static PyType solidBase(PyType t) {
        if (t instanceof PyHeapType h) return h.solid;
        PyType b = t.base;
        if (b == null) return t;
        if (t.javaClass != b.javaClass || ExceptionTypes.extendsLayout(t)) return t;
        return solidBase(b);
    }

    // ---- MRO ------------------------------------------------------------------------------

    private static PyType[] computeMro(PyHeapType t) {
        PyType meta = t.type();
        if (meta != PyType.TYPE) {
            PyObject m = meta.lookup("mro");
            PyObject typeMro = PyType.TYPE.dict.getItemStr(PyStr.intern("mro"));
            if (m != null && m != typeMro) {
                t.mro = c3(t); // provisional, so that the custom mro() can look things up
                PyObject r = Dunder.callDescr(m, t, new PyObject[0], null);
                try {
                    return checkedMro(t, r);
                } finally {
                    RefCount.decref(r);
                }
            }
        }
        return c3(t);
    }

    private static PyType[] checkedMro(PyHeapType t, PyObject r) {
        List<PyType> out = new ArrayList<>();
        PyObject it = Ops.iter(r);
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) {
                RefCount.decref(x);
                if (!(x instanceof PyType xt)) {
                    throw Errors.typeError("mro() returned a non-class ('%s')", x.type().name());
                }
                if (!solidBase(t).isSubtypeOf(solidBase(xt)) && xt != t) {
                    throw Errors.typeError("mro() returned base with unsuitable layout ('%s')", xt.name());
                }
                out.add(xt);
            }
        } finally {
            RefCount.decref(it);
        }
        return out.toArray(new PyType[0]);
    }

    /** C3 linearisation of t's bases, with CPython's error message. */
    public static PyType[] c3(PyType t) {
        List<List<PyType>> seqs = new ArrayList<>();
        for (PyType b : t.bases) seqs.add(new ArrayList<>(Arrays.asList(b.mro)));
        seqs.add(new ArrayList<>(Arrays.asList(t.bases)));
        List<PyType> out = new ArrayList<>();
        out.add(t);
        while (true) {
            boolean empty = true;
            for (List<PyType> s : seqs) if (!s.isEmpty()) empty = false;
            if (empty) break;
            PyType cand = null;
            for (List<PyType> s : seqs) {
                if (s.isEmpty()) continue;
                PyType h = s.get(0);
                boolean inTail = false;
                for (List<PyType> o : seqs) {
                    if (o.indexOf(h) > 0) {
                        inTail = true;
                        break;
                    }
                }
                if (!inTail) {
                    cand = h;
                    break;
                }
            }
            if (cand == null) {
                java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
                for (List<PyType> s : seqs) if (!s.isEmpty()) names.add(s.get(0).name());
                throw Errors.typeError("Cannot create a consistent method resolution\norder (MRO) for bases %s",
                        String.join(", ", names));
            }
            out.add(cand);
            for (List<PyType> s : seqs) {
                if (!s.isEmpty() && s.get(0) == cand) s.remove(0);
            }
        }
        return out.toArray(new PyType[0]);
    }

    // ---- after creation -------------------------------------------------------------------

    private static void setNames(PyHeapType t) {
        List<PyObject[]> items = new ArrayList<>();
        for (int i = 0; i < t.dict.entrySlots(); i++) {
            PyObject k = t.dict.keyAt(i);
            if (k == null) continue;
            PyObject v = t.dict.valueAt(i);
            RefCount.incref(k);
            RefCount.incref(v);
            items.add(new PyObject[] {k, v});
        }
        try {
            for (PyObject[] kv : items) {
                PyObject v = kv[1];
                PyObject descr = v.type().lookup(SET_NAME);
                if (descr == null) continue;
                try {
                    PyObject r = Dunder.callDescr(descr, v, new PyObject[] {t, kv[0]}, null);
                    RefCount.decref(r);
                } catch (PyException e) {
                    ExceptionTypes.addNote(e.exc, String.format("Error calling __set_name__ on '%s' instance %s in '%s'",
                            v.type().name(), Ops.reprString(kv[0]), t.name()));
                    throw e;
                }
            }
        } finally {
            for (PyObject[] kv : items) {
                RefCount.decref(kv[0]);
                RefCount.decref(kv[1]);
            }
        }
    }

    /** {@code super(t, t).__init_subclass__(**kwargs)}. */
    private static void initSubclass(PyHeapType t, PyObject[] kwvals, PyTuple kwnames) {
        PyObject m = PySuper.lookupAfter(t, t, INIT_SUBCLASS);
        if (m == null) return;
        try {
            PyObject r = Ops.call(m, kwvals, kwvals.length == 0 ? null : kwnames);
            RefCount.decref(r);
        } finally {
            RefCount.decref(m);
        }
    }
}
