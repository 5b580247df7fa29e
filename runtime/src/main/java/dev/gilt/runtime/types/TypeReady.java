package dev.gilt.runtime.types;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;

/**
 * Completes builtin types the first time anything looks an attribute up on them (CPython's
 * PyType_Ready, done lazily here because builtin types are created in the static initialisers of
 * many classes, in an order nobody controls): adds a slot wrapper ({@link PySlotWrapper}) to the
 * type's dict for each slot the type defines itself (not inherited from its base), so that
 * {@code int.__add__}, {@code list.__len__}, {@code object.__init__} exist; sets
 * {@code __hash__ = None} for unhashable types; and adds the dict entries of object, type and the
 * exception types.
 *
 * <p>Runs under a global lock (types are shared by all threads); a type is marked ready before
 * its dict is filled, so lookups made while filling do not recurse.
 */
public final class TypeReady {
    private TypeReady() {}

    private static final Object LOCK = new Object();
    /** Builtin types that are generic in annotations ({@code list[int]}). */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("list", "dict", "tuple", "set", "frozenset",
            "enumerate");

    public static void ready(PyType t) {
        synchronized (LOCK) {
            if ((t.flags & PyType.READY) != 0) return;
            t.flags |= PyType.READY;
            Types.init();
            for (int i = t.mro.length - 1; i > 0; i--) {
                if ((t.mro[i].flags & PyType.READY) == 0) ready(t.mro[i]);
            }
            addSlotWrappers(t);
            if (t == PyType.OBJECT) ObjectSlots.defineMethods(t);
            if (t == PyType.TYPE) TypeSlots.defineMethods(t);
            if (t == PyExc.BaseException) ExceptionTypes.defineMethods(t);
            if (t == ExceptionGroups.BaseExceptionGroup) ExceptionGroups.defineMethods(t);
            ExceptionTypes.defineFamilyMembers(t);
            if (!t.isHeapType() && GENERIC.contains(t.name()) && t.dict.getItemStr(PyStr.intern("__class_getitem__")) == null) {
                t.define("__class_getitem__", GenericAlias.classGetItem(t));
            }
            if (t.dict.getItemStr(PyStr.intern("__doc__")) == null) t.dict.setItem(PyStr.intern("__doc__"), PyNone.NONE);
        }
    }

    private static void wrap(PyType t, String name, int group, int variant) {
        PyStr key = PyStr.intern(name);
        if (t.dict.getItemStr(key) != null) return;
        PySlotWrapper w = new PySlotWrapper(t, name, group, variant);
        t.dict.setItem(key, w);
    }

    private static boolean own(Object mine, Object baseValue) {
        return mine != null && mine != baseValue;
    }

    private static void addSlotWrappers(PyType t) {
        PyType b = t.base;
        if (own(t.newInstance, b == null ? null : b.newInstance) && t.dict.getItemStr(PyStr.intern("__new__")) == null) {
            var f = TypeSlots.newWrapper(t);
            t.define("__new__", f);
            RefCount.decref(f);
        }
        if (own(t.repr, b == null ? null : b.repr)) wrap(t, "__repr__", SlotTable.G_REPR, 0);
        if (own(t.hash, b == null ? null : b.hash)) {
            wrap(t, "__hash__", SlotTable.G_HASH, 0);
        } else if (t.hash == null && b != null && b.hash != null && t.dict.getItemStr(PyStr.intern("__hash__")) == null) {
            t.dict.setItem(PyStr.intern("__hash__"), PyNone.NONE);
        }
        if (own(t.call, b == null ? null : b.call)) wrap(t, "__call__", SlotTable.G_CALL, 0);
        if (own(t.str, b == null ? null : b.str)) wrap(t, "__str__", SlotTable.G_STR, 0);
        if (own(t.getattr, b == null ? null : b.getattr)) wrap(t, "__getattribute__", SlotTable.G_GETATTR, 0);
        if (own(t.setattr, b == null ? null : b.setattr)) {
            wrap(t, "__setattr__", SlotTable.G_SETATTR, 0);
            wrap(t, "__delattr__", SlotTable.G_SETATTR, 1);
        }
        if (own(t.richcompare, b == null ? null : b.richcompare)) {
            String[] names = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
            for (int op = 0; op < 6; op++) wrap(t, names[op], SlotTable.G_RICHCMP, op);
        }
        if (own(t.iter, b == null ? null : b.iter)) wrap(t, "__iter__", SlotTable.G_ITER, 0);
        if (own(t.next, b == null ? null : b.next)) wrap(t, "__next__", SlotTable.G_NEXT, 0);
        if (own(t.descrGet, b == null ? null : b.descrGet)) wrap(t, "__get__", SlotTable.G_DESCR_GET, 0);
        if (own(t.descrSet, b == null ? null : b.descrSet)) {
            wrap(t, "__set__", SlotTable.G_DESCR_SET, 0);
            wrap(t, "__delete__", SlotTable.G_DESCR_SET, 1);
        }
        if (own(t.init, b == null ? null : b.init)) wrap(t, "__init__", SlotTable.G_INIT, 0);
        for (int op = 0; op < 13; op++) {
            if (own(t.nb[op], b == null ? null : b.nb[op])) {
                wrap(t, SlotTable.NB[op].value, SlotTable.G_NB + op, 0);
                wrap(t, SlotTable.NB_R[op].value, SlotTable.G_NB + op, 1);
            }
        }
        if (own(t.neg, b == null ? null : b.neg)) wrap(t, "__neg__", SlotTable.G_NEG, 0);
        if (own(t.pos, b == null ? null : b.pos)) wrap(t, "__pos__", SlotTable.G_POS, 0);
        if (own(t.abs, b == null ? null : b.abs)) wrap(t, "__abs__", SlotTable.G_ABS, 0);
        if (own(t.bool, b == null ? null : b.bool)) wrap(t, "__bool__", SlotTable.G_BOOL, 0);
        if (own(t.invert, b == null ? null : b.invert)) wrap(t, "__invert__", SlotTable.G_INVERT, 0);
        if (own(t.asInt, b == null ? null : b.asInt)) wrap(t, "__int__", SlotTable.G_INT, 0);
        if (own(t.asFloat, b == null ? null : b.asFloat)) wrap(t, "__float__", SlotTable.G_FLOAT, 0);
        if (own(t.index, b == null ? null : b.index)) wrap(t, "__index__", SlotTable.G_INDEX, 0);
        for (int op = 0; op < 13; op++) {
            if (own(t.nbInplace[op], b == null ? null : b.nbInplace[op])) {
                wrap(t, SlotTable.NB_I[op].value, SlotTable.G_NBI + op, 0);
            }
        }
        if (own(t.len, b == null ? null : b.len)) wrap(t, "__len__", SlotTable.G_LEN, 0);
        if (own(t.getitem, b == null ? null : b.getitem)) wrap(t, "__getitem__", SlotTable.G_GETITEM, 0);
        if (own(t.setitem, b == null ? null : b.setitem)) {
            wrap(t, "__setitem__", SlotTable.G_SETITEM, 0);
            wrap(t, "__delitem__", SlotTable.G_SETITEM, 1);
        }
        if (own(t.contains, b == null ? null : b.contains)) wrap(t, "__contains__", SlotTable.G_CONTAINS, 0);
        if (own(t.await, b == null ? null : b.await)) wrap(t, "__await__", SlotTable.G_AWAIT, 0);
        if (own(t.aiter, b == null ? null : b.aiter)) wrap(t, "__aiter__", SlotTable.G_AITER, 0);
        if (own(t.anext, b == null ? null : b.anext)) wrap(t, "__anext__", SlotTable.G_ANEXT, 0);
    }
}
