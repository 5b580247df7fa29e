package dev.gilt.runtime.object;

import static dev.gilt.runtime.object.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** dict and its views, with expectations taken from python3. */
class DictTest {
    @BeforeAll
    static void setUp() {
        install();
    }

    /** {'a': 1, 'b': 2, ...} from alternating str keys and int values. */
    private static PyDict dict(Object... kv) {
        PyDict d = new PyDict();
        for (int k = 0; k < kv.length; k += 2) {
            PyObject key = kv[k] instanceof String str ? s(str) : kv[k] instanceof Integer n ? i(n) : (PyObject) kv[k];
            PyObject v = kv[k + 1] instanceof Integer n ? i(n) : (PyObject) kv[k + 1];
            d.setItem(key, v);
        }
        return d;
    }

    /** A mapping that is not a dict: keys() and __getitem__ only (like a user class). */
    static final class FakeMapping extends PyObject {
        static final PyType TYPE = PyType.builtin("FakeMapping", FakeMapping.class);

        static {
            TYPE.getattr = (self, name) -> name.value.equals("keys")
                    ? PyBuiltinFunction.of("keys", self, (Fn.F0) m -> PyList.fromIterable(((FakeMapping) m).backing))
                    : null;
            TYPE.getitem = (self, key) -> {
                PyObject v = ((FakeMapping) self).backing.getItem(key);
                if (v == null) throw dev.gilt.runtime.error.Errors.keyError(key);
                return RefCount.newRef(v);
            };
        }

        final PyDict backing;

        FakeMapping(PyDict backing) {
            this.backing = backing;
        }

        @Override
        public PyType type() {
            return TYPE;
        }
    }

    /** A key whose __eq__ clears the dict it is compared in (hash always 1). */
    static final class EvilKey extends PyObject {
        static final PyType TYPE = PyType.builtin("EvilKey", EvilKey.class);
        static PyDict victim;

        static {
            TYPE.hash = o -> 1;
            TYPE.richcompare = (a, b, op) -> {
                if (victim != null) {
                    PyDict v = victim;
                    victim = null;
                    v.clear();
                }
                return PyBool.of(a == b);
            };
        }

        @Override
        public PyType type() {
            return TYPE;
        }
    }

    @Test
    @DisplayName("set/get/del, KeyError carries the key, insertion order kept")
    void basics() {
        PyDict d = dict("b", 1, "a", 2);
        Ops.setItem(d, i(3), s("three"));
        assertEquals("{'b': 1, 'a': 2, 3: 'three'}", repr(d));
        assertEquals("2", repr(Ops.getItem(d, s("a"))));
        raises(PyExc.KeyError, "'zz'", () -> Ops.getItem(d, s("zz")));
        raises(PyExc.KeyError, "(1, 2)", () -> Ops.delItem(d, tupleOfInts(1, 2)));
        raises(PyExc.TypeError, "unhashable type: 'list'", () -> Ops.getItem(d, new PyList()));
        Ops.delItem(d, s("b"));
        Ops.setItem(d, s("b"), i(9));
        assertEquals("{'a': 2, 3: 'three', 'b': 9}", repr(d));
        Ops.setItem(d, s("a"), i(0));
        assertEquals("{'a': 0, 3: 'three', 'b': 9}", repr(d));
        assertTrue(Ops.contains(d, i(3)));
        assertFalse(Ops.contains(d, i(4)));
        assertEquals(3, Ops.len(d));
        // 1 and True are the same key; the first key object is kept.
        PyDict e = new PyDict();
        e.setItem(i(1), s("int"));
        e.setItem(PyBool.TRUE, s("bool"));
        assertEquals("{1: 'bool'}", repr(e));
        assertEquals("{}", repr(new PyDict()));
        raises(PyExc.TypeError, "unhashable type: 'dict'", () -> Ops.hash(d));
    }

    @Test
    @DisplayName("many insertions and deletions keep order and lookups (resizes, compaction)")
    void churn() {
        PyDict d = new PyDict();
        java.util.LinkedHashMap<Long, Long> ref = new java.util.LinkedHashMap<>();
        java.util.Random rnd = new java.util.Random(7);
        for (int step = 0; step < 20000; step++) {
            long k = rnd.nextInt(500);
            if (rnd.nextInt(3) == 0) {
                d.delItem(i(k));
                ref.remove(k);
            } else {
                d.setItem(PyInt.of(k), PyInt.of(step));
                if (ref.containsKey(k)) ref.put(k, (long) step);
                else ref.put(k, (long) step);
            }
        }
        assertEquals(ref.size(), d.size());
        StringBuilder sb = new StringBuilder();
        for (var en : ref.entrySet()) sb.append(en.getKey()).append('=').append(en.getValue()).append(',');
        StringBuilder got = new StringBuilder();
        for (int j = 0; j < d.entrySlots(); j++) {
            if (d.keyAt(j) != null) got.append(repr(d.keyAt(j))).append('=').append(repr(d.valueAt(j))).append(',');
        }
        assertEquals(sb.toString(), got.toString());
    }

    @Test
    @DisplayName("popitem then insert, repeated, never fills the index table (probing terminates)")
    @org.junit.jupiter.api.Timeout(10)
    void popitemInsertCycles() {
        PyDict d = new PyDict();
        for (int k = 0; k < 4; k++) d.setItem(i(k), i(k));
        for (int round = 0; round < 1000; round++) {
            RefCount.decref(d.popItem());
            d.setItem(i(100 + round % 50), i(round));
            assertNull(d.getItem(i(-1)));
        }
        assertEquals(4, d.size());
        assertEquals("{0: 0, 1: 1, 2: 2, 149: 999}", repr(d));
    }

    @Test
    @DisplayName("get, setdefault, pop, popitem (LIFO) with CPython's errors")
    void methods() {
        PyDict d = dict("a", 1);
        assertSame(PyNone.NONE, call(d, "get", s("x")));
        assertEquals("5", repr(call(d, "get", s("x"), i(5))));
        assertEquals("1", repr(call(d, "get", s("a"), i(5))));
        raises(PyExc.TypeError, "get expected at least 1 argument, got 0", () -> call(d, "get"));
        raises(PyExc.TypeError, "get expected at most 2 arguments, got 3", () -> call(d, "get", i(1), i(2), i(3)));
        assertEquals("[]", repr(call(d, "setdefault", s("l"), new PyList())));
        assertSame(PyNone.NONE, call(d, "setdefault", s("n")));
        assertEquals("1", repr(call(d, "setdefault", s("a"), i(7))));
        assertEquals("{'a': 1, 'l': [], 'n': None}", repr(d));
        assertEquals("[]", repr(call(d, "pop", s("l"))));
        assertEquals("0", repr(call(d, "pop", s("l"), i(0))));
        raises(PyExc.KeyError, "'l'", () -> call(d, "pop", s("l")));
        assertEquals("('n', None)", repr(call(d, "popitem")));
        assertEquals("('a', 1)", repr(call(d, "popitem")));
        raises(PyExc.KeyError, "'popitem(): dictionary is empty'", () -> call(d, "popitem"));
        PyDict c = dict("x", 1, "y", 2);
        PyObject cp = call(c, "copy");
        assertNotSame(c, cp);
        assertEquals("{'x': 1, 'y': 2}", repr(cp));
        call(c, "clear");
        assertEquals("{}", repr(c));
        assertEquals("{'x': 1, 'y': 2}", repr(cp));
    }

    @Test
    @DisplayName("update / dict(): mapping, keys() objects, pairs, kwargs; CPython's errors")
    void update() {
        PyDict d = new PyDict();
        call(d, "update", dict("a", 1));
        call(d, "update", new FakeMapping(dict("b", 2)));
        PyList pairs = new PyList();
        pairs.appendSteal(PyTuple.steal(s("c"), i(3)));
        pairs.appendSteal(PyList.steal(new PyObject[] {s("a"), i(10)}, 2));
        call(d, "update", pairs);
        callKw(d, "update", new PyObject[0], "z", i(26));
        assertEquals("{'a': 10, 'b': 2, 'c': 3, 'z': 26}", repr(d));
        PyList bad = new PyList();
        bad.appendSteal(tupleOfInts(1, 2, 3));
        raises(PyExc.ValueError, "dictionary update sequence element #0 has length 3; 2 is required",
                () -> call(d, "update", bad));
        raises(PyExc.TypeError, "cannot convert dictionary update sequence element #0 to a sequence",
                () -> call(d, "update", ints(1)));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> call(d, "update", i(1)));
        raises(PyExc.TypeError, "update expected at most 1 argument, got 2", () -> call(d, "update", d, d));
        PyObject made = constructKw(PyType.DICT, new PyObject[] {dict(1, 2), i(1)}, PyTuple.of(PyStr.intern("a")));
        assertEquals("{1: 2, 'a': 1}", repr(made));
        raises(PyExc.TypeError, "dict expected at most 1 argument, got 2", () -> construct(PyType.DICT, d, d));
        assertEquals("{'b': 2}", repr(PyDict.fromMapping(new FakeMapping(dict("b", 2)))));
    }

    @Test
    @DisplayName("fromkeys is a classmethod; |, |= (3.9); == ignores order")
    void classmethodAndOperators() {
        PyObject fk = PyType.DICT.lookup("fromkeys");
        PyObject bound = fk.type().descrGet.get(fk, null, PyType.DICT);
        assertEquals("{1: None, 2: None}", repr(Ops.call(bound, ints(1, 2))));
        assertEquals("{'a': 0, 'b': 0}", repr(Ops.call(bound, PyTuple.steal(s("a"), s("b"), s("a")), i(0))));
        raises(PyExc.TypeError, "fromkeys expected at least 1 argument, got 0", () -> Ops.call(bound));
        PyDict a = dict("x", 1, "y", 2), b = dict("y", 3, "z", 4);
        assertEquals("{'x': 1, 'y': 3, 'z': 4}", repr(Ops.binaryOp(Ops.NB_OR, a, b)));
        raises(PyExc.TypeError, "unsupported operand type(s) for |: 'dict' and 'list'", () -> Ops.binaryOp(Ops.NB_OR, a, new PyList()));
        PyList pairs = new PyList();
        pairs.appendSteal(PyTuple.steal(s("w"), i(0)));
        assertSame(a, Ops.inplaceOp(Ops.NB_OR, a, pairs));
        assertEquals("{'x': 1, 'y': 2, 'w': 0}", repr(a));
        assertTrue(Ops.compareBool(dict("a", 1, "b", 2), dict("b", 2, "a", 1), Ops.EQ));
        assertFalse(Ops.compareBool(dict("a", 1), dict("a", 2), Ops.EQ));
        assertTrue(Ops.compareBool(dict("a", 1), dict("b", 1), Ops.NE));
        raises(PyExc.TypeError, "'<' not supported between instances of 'dict' and 'dict'",
                () -> Ops.richCompare(a, b, Ops.LT));
    }

    @Test
    @DisplayName("views: len, iteration, reversed, repr, membership")
    void views() {
        PyDict d = dict("a", 1, "b", 2);
        PyObject k = call(d, "keys"), v = call(d, "values"), it = call(d, "items");
        assertEquals("dict_keys(['a', 'b'])", repr(k));
        assertEquals("dict_values([1, 2])", repr(v));
        assertEquals("dict_items([('a', 1), ('b', 2)])", repr(it));
        assertEquals(2, Ops.len(k));
        assertTrue(Ops.contains(k, s("a")));
        assertTrue(Ops.contains(it, PyTuple.steal(s("b"), i(2))));
        assertFalse(Ops.contains(it, PyTuple.steal(s("b"), i(3))));
        assertFalse(Ops.contains(it, s("b")));
        assertEquals("['b', 'a']", listRepr(call(k, "__reversed__")));
        assertEquals("[2, 1]", listRepr(call(v, "__reversed__")));
        assertEquals("[('b', 2), ('a', 1)]", listRepr(call(it, "__reversed__")));
        assertEquals("['b', 'a']", listRepr(PyReversed.reversed(d)));
        d.setItem(s("c"), i(3));
        assertEquals("dict_keys(['a', 'b', 'c'])", repr(k)); // views are live
        assertEquals("dict_keyiterator", Ops.iter(k).type().name());
        assertEquals("dict_valueiterator", Ops.iter(v).type().name());
        assertEquals("dict_itemiterator", Ops.iter(it).type().name());
        assertEquals("dict_reversekeyiterator", PyReversed.reversed(d).type().name());
        raises(PyExc.TypeError, "unhashable type: 'dict_keys'", () -> Ops.hash(k));
    }

    @Test
    @DisplayName("set operations on keys and items views return sets")
    void viewSetOps() {
        PyDict d = dict("a", 1, "b", 2);
        PyObject k = call(d, "keys");
        PySet other = PySet.fromIterable(PyTuple.steal(s("b"), s("c")));
        assertEquals("{'b'}", repr(Ops.binaryOp(Ops.NB_AND, k, other)));
        assertEquals("{'a'}", repr(Ops.binaryOp(Ops.NB_SUBTRACT, k, other)));
        assertEquals("{'b'}", repr(Ops.binaryOp(Ops.NB_AND, PyList.fromIterable(other), k)));
        PyObject union = Ops.binaryOp(Ops.NB_OR, k, ints(1));
        assertEquals(3, Ops.len(union));
        assertSame(PySet.TYPE, union.type());
        PyObject x = Ops.binaryOp(Ops.NB_XOR, k, PyList.fromIterable(other));
        assertEquals(2, Ops.len(x));
        assertTrue(Ops.contains(x, s("a")) && Ops.contains(x, s("c")));
        assertTrue(Ops.compareBool(k, PySet.fromIterable(PyTuple.steal(s("a"), s("b"))), Ops.EQ));
        assertTrue(Ops.compareBool(k, PySet.fromIterable(PyTuple.steal(s("a"), s("b"), s("c"))), Ops.LT));
        assertFalse(Ops.compareBool(k, ints(1), Ops.EQ));
        assertTrue(Ops.isTrue(call(k, "isdisjoint", ints(1, 2))));
        assertFalse(Ops.isTrue(call(k, "isdisjoint", PyTuple.steal(s("a")))));
        PyObject items = call(d, "items");
        PyDict e = dict("a", 1, "b", 3);
        // items ^ items compares values without hashing them.
        PyObject ix = Ops.binaryOp(Ops.NB_XOR, items, call(e, "items"));
        assertEquals(2, Ops.len(ix));
        assertTrue(Ops.contains(ix, PyTuple.steal(s("b"), i(2))));
        assertTrue(Ops.contains(ix, PyTuple.steal(s("b"), i(3))));
        assertTrue(Ops.compareBool(items, call(dict("b", 2, "a", 1), "items"), Ops.EQ));
        assertFalse(Ops.compareBool(call(d, "values"), call(d, "values"), Ops.EQ)); // identity only
    }

    @Test
    @DisplayName("changing size during iteration raises; deleting and re-adding raises 'keys changed'")
    void mutationDuringIteration() {
        PyDict d = dict("a", 1, "b", 2);
        PyObject it = Ops.iter(d);
        RefCount.decref(Ops.next(it));
        d.setItem(s("c"), i(3));
        raises(PyExc.RuntimeError, "dictionary changed size during iteration", () -> Ops.next(it));
        raises(PyExc.RuntimeError, "dictionary changed size during iteration", () -> Ops.next(it));
        PyDict e = dict("a", 1, "b", 2);
        PyObject it2 = Ops.iter(e);
        RefCount.decref(Ops.next(it2));
        e.delItem(s("a"));
        e.setItem(s("x"), i(0));
        RefCount.decref(Ops.next(it2)); // 'b'
        raises(PyExc.RuntimeError, "dictionary keys changed during iteration", () -> Ops.next(it2));
        // Changing values is fine.
        PyDict f = dict("a", 1, "b", 2);
        PyObject it3 = Ops.iter(f);
        PyObject key;
        while ((key = Ops.next(it3)) != null) f.setItem(key, i(0));
        assertEquals("{'a': 0, 'b': 0}", repr(f));
    }

    @Test
    @DisplayName("repr recursion guard, lookups survive an __eq__ that clears the dict")
    void reentrancy() {
        PyDict d = new PyDict();
        d.setItem(s("self"), d);
        assertEquals("{'self': {...}}", repr(d));
        PyDict victim = new PyDict();
        EvilKey k1 = new EvilKey(), k2 = new EvilKey();
        victim.setItem(k1, i(1));
        EvilKey.victim = victim;
        assertNull(victim.getItem(k2)); // the comparison cleared the table: the lookup restarted
        assertEquals(0, victim.size());
        victim.setItem(k1, i(1));
        EvilKey.victim = victim;
        victim.setItem(k2, i(2));
        assertEquals(1, victim.size());
        assertEquals("2", repr(victim.getItem(k2)));
    }

    @Test
    @DisplayName("subclasses: __missing__ is called, copy() and | give exact dicts")
    void subclass() {
        PyType dd = PyType.builtin("DefaultDict", PyDict.Sub.class, PyType.DICT);
        dd.define("__missing__", fn((self, key) -> PyStr.of("missing:" + repr(key))));
        PyObject d = construct(dd, dict("a", 1));
        assertSame(dd, d.type());
        assertEquals("1", repr(Ops.getItem(d, s("a"))));
        assertEquals("'missing:5'", repr(Ops.getItem(d, i(5))));
        assertSame(PyType.DICT, call(d, "copy").type());
        assertSame(PyType.DICT, Ops.binaryOp(Ops.NB_OR, d, new PyDict()).type());
        raises(PyExc.KeyError, "'b'", () -> Ops.getItem(dict("a", 1), s("b")));
    }

    @Test
    @DisplayName("refcounts: keys and values owned once; replacing keeps the old key; pop hands over")
    void refcounts() {
        PyObject k = counted(), v = counted(), w = counted();
        long kb = rc(k), vb = rc(v), wb = rc(w);
        PyDict d = new PyDict();
        d.setItem(k, v);
        assertEquals(kb + 1, rc(k));
        assertEquals(vb + 1, rc(v));
        d.setItem(k, w);
        assertEquals(kb + 1, rc(k));
        assertEquals(vb, rc(v));
        assertEquals(wb + 1, rc(w));
        PyObject popped = d.pop(k);
        assertSame(w, popped);
        assertEquals(kb, rc(k));
        assertEquals(wb + 1, rc(w));
        RefCount.decref(popped);
        d.setItem(k, v);
        PyObject view = call(d, "items");
        PyObject it = Ops.iter(view);
        PyObject pair = Ops.next(it);
        assertEquals(kb + 2, rc(k));
        RefCount.decref(pair);
        RefCount.decref(it);
        RefCount.decref(view);
        RefCount.decref(d);
        assertEquals(kb, rc(k));
        assertEquals(vb, rc(v));
        assertTrue(RefCount.isFreed(d));
    }
}
