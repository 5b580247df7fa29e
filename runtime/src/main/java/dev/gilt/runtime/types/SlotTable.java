package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.ops.Ops;
import java.util.HashMap;
import java.util.Map;

/**
 * Filling a class's slots from its dunder methods (CPython's slotdefs, update_one_slot and the
 * slot_* functions).
 *
 * <p>Each slot (or group of slots) is fed by one or more dunder names. For a class, the first type
 * in its MRO whose dict defines any of those names decides: a builtin type lends its own slot
 * function (so {@code class L(list)} keeps list's Java {@code len}); a class statement's type gets
 * the generic slot here, which looks the dunder up on the instance's type at call time and calls
 * it. When a dunder is assigned or deleted on a class later, {@link #updateSlot} recomputes the
 * affected slot in the class and all its subclasses.
 */
public final class SlotTable {
    private SlotTable() {}

    static PyStr n(String s) {
        return PyStr.intern(s);
    }

    static final PyStr REPR = n("__repr__"), STR = n("__str__"), HASH = n("__hash__"), ITER = n("__iter__"),
            NEXT = n("__next__"), CALL = n("__call__"), GETATTRIBUTE = n("__getattribute__"),
            GETATTR = n("__getattr__"), SETATTR = n("__setattr__"), DELATTR = n("__delattr__"), GET = n("__get__"),
            SET = n("__set__"), DELETE = n("__delete__"), NEW = n("__new__"), INIT = n("__init__"), DEL = n("__del__"),
            NEG = n("__neg__"), POS = n("__pos__"), INVERT = n("__invert__"), ABS = n("__abs__"),
            INDEX = n("__index__"), INT = n("__int__"), FLOAT = n("__float__"), BOOL = n("__bool__"),
            LEN = n("__len__"), GETITEM = n("__getitem__"), SETITEM = n("__setitem__"),
            DELITEM = n("__delitem__"), CONTAINS = n("__contains__"), AWAIT = n("__await__"),
            AITER = n("__aiter__"), ANEXT = n("__anext__"), POW = n("__pow__"), RPOW = n("__rpow__");

    /** Comparison dunders by Ops.LT..Ops.GE. */
    static final PyStr[] CMP = {n("__lt__"), n("__le__"), n("__eq__"), n("__ne__"), n("__gt__"), n("__ge__")};

    /** Binary number dunders by NB_* index, their reflected and in-place forms. */
    static final String[] NB_BASE = {"add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift",
            "sub", "truediv", "xor"};
    static final PyStr[] NB = new PyStr[13], NB_R = new PyStr[13], NB_I = new PyStr[13];

    static {
        for (int i = 0; i < 13; i++) {
            NB[i] = n("__" + NB_BASE[i] + "__");
            NB_R[i] = n("__r" + NB_BASE[i] + "__");
            NB_I[i] = n("__i" + NB_BASE[i] + "__");
        }
    }

    // ---- groups: which names feed which slot ----------------------------------------------

    static final int G_REPR = 0, G_STR = 1, G_HASH = 2, G_RICHCMP = 3, G_ITER = 4, G_NEXT = 5, G_CALL = 6,
            G_GETATTR = 7, G_SETATTR = 8, G_DESCR_GET = 9, G_DESCR_SET = 10, G_NEW = 11, G_INIT = 12, G_DEL = 13,
            G_NEG = 14, G_POS = 15, G_INVERT = 16, G_ABS = 17, G_INDEX = 18, G_INT = 19, G_FLOAT = 20, G_BOOL = 21,
            G_LEN = 22, G_GETITEM = 23, G_SETITEM = 24, G_CONTAINS = 25, G_AWAIT = 26, G_AITER = 27, G_ANEXT = 28,
            G_NB = 29, G_NBI = G_NB + 13, G_COUNT = G_NBI + 13;

    static final PyStr[][] GROUP_NAMES = new PyStr[G_COUNT][];
    private static final Map<String, Integer> NAME_TO_GROUP = new HashMap<>();

    private static void group(int g, PyStr... names) {
        GROUP_NAMES[g] = names;
        for (PyStr s : names) NAME_TO_GROUP.put(s.value, g);
    }

    static {
        group(G_REPR, REPR);
        group(G_STR, STR);
        group(G_HASH, HASH);
        group(G_RICHCMP, CMP);
        group(G_ITER, ITER);
        group(G_NEXT, NEXT);
        group(G_CALL, CALL);
        group(G_GETATTR, GETATTRIBUTE, GETATTR);
        group(G_SETATTR, SETATTR, DELATTR);
        group(G_DESCR_GET, GET);
        group(G_DESCR_SET, SET, DELETE);
        group(G_NEW, NEW);
        group(G_INIT, INIT);
        group(G_DEL, DEL);
        group(G_NEG, NEG);
        group(G_POS, POS);
        group(G_INVERT, INVERT);
        group(G_ABS, ABS);
        group(G_INDEX, INDEX);
        group(G_INT, INT);
        group(G_FLOAT, FLOAT);
        group(G_BOOL, BOOL);
        group(G_LEN, LEN);
        group(G_GETITEM, GETITEM);
        group(G_SETITEM, SETITEM, DELITEM);
        group(G_CONTAINS, CONTAINS);
        group(G_AWAIT, AWAIT);
        group(G_AITER, AITER);
        group(G_ANEXT, ANEXT);
        for (int i = 0; i < 13; i++) {
            group(G_NB + i, NB[i], NB_R[i]);
            group(G_NBI + i, NB_I[i]);
        }
    }

    /** True if assigning {@code name} on a class may change one of its slots. */
    public static boolean isSlotName(String name) {
        return NAME_TO_GROUP.containsKey(name);
    }

    /** Computes every slot of a new class. */
    static void fillAll(PyType t) {
        for (int g = 0; g < G_COUNT; g++) fix(t, g);
    }

    /** After {@code t.name} was set or deleted: refreshes the slot it feeds, here and in subclasses. */
    public static void updateSlot(PyType t, String name) {
        Integer g = NAME_TO_GROUP.get(name);
        if (g == null) return;
        fixRecursive(t, g);
    }

    private static void fixRecursive(PyType t, int g) {
        if (t.isHeapType()) fix(t, g);
        for (PyType s : t.subclasses()) fixRecursive(s, g);
    }

    private static void fix(PyType t, int g) {
        PyStr[] names = GROUP_NAMES[g];
        PyType definer = null;
        PyObject value = null;
        search:
        for (PyType m : t.mro) {
            for (PyStr nm : names) {
                PyObject v = m.dict.getItemStr(nm);
                if (v != null) {
                    definer = m;
                    value = v;
                    break search;
                }
            }
        }
        boolean generic = definer != null && definer.isHeapType();
        PyType from = generic || definer == null ? null : definer;
        switch (g) {
            case G_REPR -> t.repr = generic ? SlotTable::repr : from == null ? null : from.repr;
            case G_STR -> t.str = generic ? SlotTable::str : from == null ? null : from.str;
            case G_HASH -> t.hash = generic ? (value == PyNone.NONE ? null : HASH_SLOT) : from == null ? null : from.hash;
            case G_RICHCMP -> t.richcompare = generic ? SlotTable::richcompare : from == null ? null : from.richcompare;
            case G_ITER -> t.iter = generic ? SlotTable::iter : from == null ? null : from.iter;
            case G_NEXT -> t.next = generic ? NEXT_SLOT : from == null ? null : from.next;
            case G_CALL -> t.call = generic ? SlotTable::call : from == null ? null : from.call;
            case G_GETATTR -> t.getattr = generic ? GETATTR_HOOK : from == null ? null : from.getattr;
            case G_SETATTR -> t.setattr = generic ? SlotTable::setattr : from == null ? null : from.setattr;
            case G_DESCR_GET -> t.descrGet = generic ? SlotTable::descrGet : from == null ? null : from.descrGet;
            case G_DESCR_SET -> t.descrSet = generic ? SlotTable::descrSet : from == null ? null : from.descrSet;
            case G_NEW -> t.newInstance = generic ? NEW_SLOT : from == null ? null : from.newInstance;
            case G_INIT -> t.init = generic ? SlotTable::init : from == null ? null : from.init;
            case G_DEL -> t.finalizer = generic || (from != null && from.finalizer);
            case G_NEG -> t.neg = generic ? s -> call0(s, NEG) : from == null ? null : from.neg;
            case G_POS -> t.pos = generic ? s -> call0(s, POS) : from == null ? null : from.pos;
            case G_INVERT -> t.invert = generic ? s -> call0(s, INVERT) : from == null ? null : from.invert;
            case G_ABS -> t.abs = generic ? s -> call0(s, ABS) : from == null ? null : from.abs;
            case G_INDEX -> t.index = generic ? SlotTable::index : from == null ? null : from.index;
            case G_INT -> t.asInt = generic ? SlotTable::asInt : from == null ? null : from.asInt;
            case G_FLOAT -> t.asFloat = generic ? SlotTable::asFloat : from == null ? null : from.asFloat;
            case G_BOOL -> t.bool = generic ? SlotTable::bool : from == null ? null : from.bool;
            case G_LEN -> t.len = generic ? SlotTable::len : from == null ? null : from.len;
            case G_GETITEM -> t.getitem = generic ? (s, k) -> Dunder.call(s, GETITEM, k) : from == null ? null : from.getitem;
            case G_SETITEM -> t.setitem = generic ? SlotTable::setitem : from == null ? null : from.setitem;
            case G_CONTAINS -> t.contains = generic ? SlotTable::contains : from == null ? null : from.contains;
            case G_AWAIT -> t.await = generic ? s -> call0(s, AWAIT) : from == null ? null : from.await;
            case G_AITER -> t.aiter = generic ? s -> call0(s, AITER) : from == null ? null : from.aiter;
            case G_ANEXT -> t.anext = generic ? s -> call0(s, ANEXT) : from == null ? null : from.anext;
            default -> {
                if (g >= G_NB && g < G_NBI) {
                    int op = g - G_NB;
                    t.nb[op] = generic ? HEAP_NB[op] : from == null ? null : from.nb[op];
                    if (op == Ops.NB_POWER) t.power3 = generic ? HEAP_POW3 : from == null ? null : from.power3;
                } else {
                    int op = g - G_NBI;
                    t.nbInplace[op] = generic ? HEAP_NBI[op] : from == null ? null : from.nbInplace[op];
                }
            }
        }
    }

    // ---- the generic slots: call the dunder found on the instance's type -------------------

    static PyObject call0(PyObject self, PyStr name) {
        return Dunder.call(self, name);
    }

    static PyObject repr(PyObject self) {
        return Dunder.call(self, REPR);
    }

    static PyObject str(PyObject self) {
        return Dunder.call(self, STR);
    }

    static final Slots.Hash HASH_SLOT = SlotTable::hash;

    static long hash(PyObject self) {
        PyObject m = self.type().lookup(HASH);
        if (m == null || m == PyNone.NONE) throw Errors.unhashable(self);
        PyObject r = Dunder.callDescr(m, self, new PyObject[0], null);
        try {
            if (!(r instanceof PyInt ri)) throw Errors.typeError("__hash__ method should return an integer");
            if (!ri.isBig()) return ri.value == -1 ? -2 : ri.value;
            return Ops.hash(PyInt.of(ri.bigValue()));
        } finally {
            RefCount.decref(r);
        }
    }

    static PyObject richcompare(PyObject self, PyObject other, int op) {
        return Dunder.callOrNotImplemented(self, CMP[op], other);
    }

    static PyObject iter(PyObject self) {
        PyObject m = self.type().lookup(ITER);
        if (m == PyNone.NONE) throw Errors.notIterable(self);
        if (m == null) throw Errors.attributeError("__iter__");
        return Dunder.callDescr(m, self, new PyObject[0], null);
    }

    /** The generic next slot (identity tells builtins.next to call __next__ itself). */
    public static final Slots.Next NEXT_SLOT = SlotTable::next;

    static PyObject next(PyObject self) {
        try {
            return Dunder.call(self, NEXT);
        } catch (PyException e) {
            if (e.matches(PyExc.StopIteration)) {
                RefCount.decref(e.exc);
                return null;
            }
            throw e;
        }
    }

    static PyObject call(PyObject self, PyObject[] args, PyTuple kwnames) {
        PyObject m = self.type().lookup(CALL);
        if (m == null) throw Errors.notCallable(self);
        return Dunder.callDescr(m, self, args, kwnames);
    }

    /** __getattribute__ then, on AttributeError or absence, __getattr__ (CPython's slot_tp_getattr_hook). */
    static final Slots.GetAttr GETATTR_HOOK = SlotTable::getattrHook;

    static PyObject getattrHook(PyObject self, PyStr name) {
        PyType t = self.type();
        PyObject ga = t.lookup(GETATTRIBUTE);
        PyObject r;
        if (ga == null) {
            r = GenericAttr.getAttr(self, name);
        } else if (ga instanceof PySlotWrapper w && w.group == G_GETATTR) {
            r = w.owner.getattr.get(self, name);
        } else {
            try {
                r = Dunder.callDescr(ga, self, new PyObject[] {name}, null);
            } catch (PyException e) {
                if (!e.matches(PyExc.AttributeError) || t.lookup(GETATTR) == null) throw e;
                RefCount.decref(e.exc);
                r = null;
            }
        }
        if (r != null) return r;
        PyObject gattr = t.lookup(GETATTR);
        if (gattr == null) return null;
        return Dunder.callDescr(gattr, self, new PyObject[] {name}, null);
    }

    static void setattr(PyObject self, PyStr name, PyObject value) {
        PyObject r = value == null ? Dunder.call(self, DELATTR, name) : Dunder.call(self, SETATTR, name, value);
        RefCount.decref(r);
    }

    static PyObject descrGet(PyObject descr, PyObject obj, PyType type) {
        return Dunder.call(descr, GET, obj == null ? PyNone.NONE : obj, type == null ? PyNone.NONE : type);
    }

    static void descrSet(PyObject descr, PyObject obj, PyObject value) {
        PyObject r = value == null ? Dunder.call(descr, DELETE, obj) : Dunder.call(descr, SET, obj, value);
        RefCount.decref(r);
    }

    static final Slots.New NEW_SLOT = SlotTable::newInstance;

    static PyObject newInstance(PyType type, PyObject[] args, PyTuple kwnames) {
        PyObject f = TypeSlots.getAttrOrRaise(type, NEW);
        try {
            PyObject[] a = new PyObject[args.length + 1];
            a[0] = type;
            System.arraycopy(args, 0, a, 1, args.length);
            return Ops.call(f, a, kwnames);
        } finally {
            RefCount.decref(f);
        }
    }

    static void init(PyObject self, PyObject[] args, PyTuple kwnames) {
        PyObject m = self.type().lookup(INIT);
        if (m == null) throw Errors.attributeError("__init__");
        PyObject r = Dunder.callDescr(m, self, args, kwnames);
        if (r != PyNone.NONE) {
            String tn = r.type().name();
            RefCount.decref(r);
            throw Errors.typeError("__init__() should return None, not '%s'", tn);
        }
    }

    static PyObject index(PyObject self) {
        PyObject r = Dunder.call(self, INDEX);
        if (!(r instanceof PyInt)) {
            String tn = r.type().name();
            RefCount.decref(r);
            throw Errors.typeError("__index__ returned non-int (type %s)", tn);
        }
        return r;
    }

    static PyObject asInt(PyObject self) {
        PyObject r = Dunder.call(self, INT);
        if (!(r instanceof PyInt)) {
            String tn = r.type().name();
            RefCount.decref(r);
            throw Errors.typeError("__int__ returned non-int (type %s)", tn);
        }
        return r;
    }

    static PyObject asFloat(PyObject self) {
        PyObject r = Dunder.call(self, FLOAT);
        if (!(r instanceof PyFloat)) {
            String tn = r.type().name();
            RefCount.decref(r);
            throw Errors.typeError("%s.__float__ returned non-float (type %s)", self.type().name(), tn);
        }
        return r;
    }

    static boolean bool(PyObject self) {
        PyObject r = Dunder.call(self, BOOL);
        if (r == PyBool.TRUE) return true;
        if (r == PyBool.FALSE) return false;
        String tn = r.type().name();
        RefCount.decref(r);
        throw Errors.typeError("__bool__ should return bool, returned %s", tn);
    }

    static long len(PyObject self) {
        PyObject r = Dunder.call(self, LEN);
        PyObject i;
        if (r instanceof PyInt) {
            i = r;
        } else {
            try {
                i = Ops.index(r);
            } finally {
                RefCount.decref(r);
            }
        }
        try {
            PyInt pi = (PyInt) i;
            if (pi.isBig()) {
                if (pi.bigValue().signum() < 0) throw Errors.valueError("__len__() should return >= 0");
                throw Errors.overflow("cannot fit 'int' into an index-sized integer");
            }
            if (pi.value < 0) throw Errors.valueError("__len__() should return >= 0");
            return pi.value;
        } finally {
            RefCount.decref(i);
        }
    }

    static void setitem(PyObject self, PyObject key, PyObject value) {
        PyObject r = value == null ? Dunder.call(self, DELITEM, key) : Dunder.call(self, SETITEM, key, value);
        RefCount.decref(r);
    }

    static boolean contains(PyObject self, PyObject item) {
        PyObject m = self.type().lookup(CONTAINS);
        if (m == PyNone.NONE) throw Errors.typeError("'%s' object is not a container", self.type().name());
        if (m == null) throw Errors.attributeError("__contains__");
        PyObject r = Dunder.callDescr(m, self, new PyObject[] {item}, null);
        try {
            return Ops.isTrue(r);
        } finally {
            RefCount.decref(r);
        }
    }

    // ---- numbers (CPython's SLOT1BINFULL) -------------------------------------------------

    /** One generic binary slot per operator; identity tells "this type uses the generic slot". */
    static final Slots.Binary[] HEAP_NB = new Slots.Binary[13];
    static final Slots.Binary[] HEAP_NBI = new Slots.Binary[13];
    static final Slots.Ternary HEAP_POW3 = SlotTable::pow3;

    static {
        for (int i = 0; i < 13; i++) {
            final int op = i;
            HEAP_NB[i] = (a, b) -> binary(op, a, b);
            HEAP_NBI[i] = (a, b) -> Dunder.callOrNotImplemented(a, NB_I[op], b);
        }
    }

    /**
     * {@code a OP b} for a class defining the dunder: the left operand's {@code __op__}, or the
     * right operand's {@code __rop__} — first when the right operand's class is a subclass that
     * overrides it.
     */
    static PyObject binary(int op, PyObject self, PyObject other) {
        Slots.Binary mine = HEAP_NB[op];
        PyType ts = self.type(), to = other.type();
        boolean doOther = ts != to && to.nb[op] == mine;
        if (ts.nb[op] == mine) {
            if (doOther && to.isSubtypeOf(ts) && overrides(to, ts, NB_R[op])) {
                PyObject r = Dunder.callOrNotImplemented(other, NB_R[op], self);
                if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
                doOther = false;
            }
            PyObject r = Dunder.callOrNotImplemented(self, NB[op], other);
            if (r != PyNotImplemented.NOT_IMPLEMENTED || ts == to) return r;
        }
        if (doOther) return Dunder.callOrNotImplemented(other, NB_R[op], self);
        return PyNotImplemented.NOT_IMPLEMENTED;
    }

    /** True if {@code sub} resolves {@code name} to something other than {@code base} does. */
    private static boolean overrides(PyType sub, PyType base, PyStr name) {
        return sub.lookup(name) != base.lookup(name);
    }

    static PyObject pow3(PyObject a, PyObject b, PyObject c) {
        if (c == PyNone.NONE) return binary(Ops.NB_POWER, a, b);
        if (a.type().power3 == HEAP_POW3) return Dunder.callOrNotImplemented(a, POW, b, c);
        return PyNotImplemented.NOT_IMPLEMENTED;
    }
}
