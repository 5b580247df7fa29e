package dev.gilt.runtime.object;

import static dev.gilt.runtime.object.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** list, with expectations taken from python3. */
class ListTest {
    @BeforeAll
    static void setUp() {
        install();
    }

    private static PySlice slice(Object start, Object stop, Object step) {
        return new PySlice(obj(start), obj(stop), obj(step));
    }

    private static PyObject obj(Object o) {
        if (o == null) return PyNone.NONE;
        if (o instanceof Integer n) return PyInt.of(n);
        if (o instanceof Long n) return PyInt.of(n);
        return (PyObject) o;
    }

    @Test
    @DisplayName("append, insert (clamped), extend from list/tuple/self/iterator")
    void growing() {
        PyList l = ints(1, 2, 3);
        call(l, "append", i(4));
        call(l, "insert", i(0), i(0));
        call(l, "insert", i(-1), i(99));
        call(l, "insert", i(100), i(7));
        call(l, "insert", i(-100), i(-7));
        assertEquals("[-7, 0, 1, 2, 3, 99, 4, 7]", repr(l));
        PyList m = ints(1, 2);
        m.extend(m);
        assertEquals("[1, 2, 1, 2]", repr(m));
        m.extend(tupleOfInts(5));
        m.extend(new PyRangeIterator(10, 1, 2));
        assertEquals("[1, 2, 1, 2, 5, 10, 11]", repr(m));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> m.extend(i(5)));
        raises(PyExc.TypeError, "'str' object cannot be interpreted as an integer", () -> call(l, "insert", s("a"), i(1)));
    }

    @Test
    @DisplayName("pop, remove, index, count with CPython's messages")
    void removing() {
        PyList l = ints(5, 6, 7, 6);
        assertEquals(6L, ((PyInt) call(l, "pop")).value);
        assertEquals(5L, ((PyInt) call(l, "pop", i(0))).value);
        assertEquals("[6, 7]", repr(l));
        raises(PyExc.IndexError, "pop index out of range", () -> call(l, "pop", i(5)));
        raises(PyExc.IndexError, "pop from empty list", () -> call(new PyList(), "pop"));
        raises(PyExc.OverflowError, "Python int too large to convert to C ssize_t",
                () -> call(l, "pop", PyInt.of(java.math.BigInteger.TWO.pow(70))));
        raises(PyExc.ValueError, "list.remove(x): x not in list", () -> call(l, "remove", i(4)));
        call(l, "remove", i(7));
        assertEquals("[6]", repr(l));
        PyList m = ints(1, 2, 3, 2, 1);
        assertEquals(1L, ((PyInt) call(m, "index", i(2))).value);
        assertEquals(3L, ((PyInt) call(m, "index", i(2), i(2))).value);
        assertEquals(4L, ((PyInt) call(m, "index", i(1), i(-2))).value);
        raises(PyExc.ValueError, "2 is not in list", () -> call(m, "index", i(2), i(0), i(1)));
        raises(PyExc.ValueError, "'x' is not in list", () -> call(m, "index", s("x")));
        raises(PyExc.TypeError, "slice indices must be integers or have an __index__ method",
                () -> call(m, "index", i(1), s("a")));
        assertEquals(2L, ((PyInt) call(m, "count", i(1))).value);
        assertEquals(0L, ((PyInt) call(m, "count", s("1"))).value);
    }

    @Test
    @DisplayName("indexing and slicing, including steps and clamping")
    void getitem() {
        PyList l = ints(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals("9", repr(Ops.getItem(l, i(-1))));
        raises(PyExc.IndexError, "list index out of range", () -> Ops.getItem(l, i(10)));
        raises(PyExc.IndexError, "list index out of range", () -> Ops.getItem(l, i(-11)));
        raises(PyExc.IndexError, "cannot fit 'int' into an index-sized integer",
                () -> Ops.getItem(l, PyInt.of(java.math.BigInteger.TWO.pow(70))));
        raises(PyExc.TypeError, "list indices must be integers or slices, not str", () -> Ops.getItem(l, s("a")));
        assertEquals("True", repr(Ops.getItem(ints(5, 6), PyBool.TRUE)).equals("6") ? "True" : "False");
        assertEquals("[2, 3, 4]", repr(Ops.getItem(l, slice(2, 5, null))));
        assertEquals("[9, 7, 5, 3, 1]", repr(Ops.getItem(l, slice(null, null, -2))));
        assertEquals("[8, 5, 2]", repr(Ops.getItem(l, slice(-2, 0, -3))));
        assertEquals("[]", repr(Ops.getItem(l, slice(5, 2, null))));
        assertEquals("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]", repr(Ops.getItem(l, slice(-100, 100, null))));
        assertEquals("[0, 3, 6, 9]", repr(Ops.getItem(l, slice(null, null, 3))));
        raises(PyExc.ValueError, "slice step cannot be zero", () -> Ops.getItem(l, slice(null, null, 0)));
        raises(PyExc.TypeError, "slice indices must be integers or None or have an __index__ method",
                () -> Ops.getItem(l, slice(s("a"), null, null)));
    }

    @Test
    @DisplayName("item and slice assignment and deletion")
    void setitem() {
        PyList l = ints(0, 1, 2, 3, 4, 5);
        Ops.setItem(l, i(-1), i(50));
        raises(PyExc.IndexError, "list assignment index out of range", () -> Ops.setItem(l, i(6), i(1)));
        raises(PyExc.IndexError, "list assignment index out of range", () -> Ops.delItem(l, i(6)));
        Ops.setItem(l, slice(1, 3, null), ints(10, 11, 12, 13));
        assertEquals("[0, 10, 11, 12, 13, 3, 4, 50]", repr(l));
        Ops.setItem(l, slice(1, 5, null), new PyList());
        assertEquals("[0, 3, 4, 50]", repr(l));
        Ops.setItem(l, slice(4, 1, null), tupleOfInts(7, 8));
        assertEquals("[0, 3, 4, 50, 7, 8]", repr(l));
        Ops.setItem(l, slice(null, null, 2), ints(-1, -2, -3));
        assertEquals("[-1, 3, -2, 50, -3, 8]", repr(l));
        Ops.setItem(l, slice(null, null, -2), ints(1, 2, 3));
        assertEquals("[-1, 3, -2, 2, -3, 1]", repr(l));
        raises(PyExc.ValueError, "attempt to assign sequence of size 3 to extended slice of size 2",
                () -> Ops.setItem(l, slice(null, 4, 2), ints(1, 2, 3)));
        raises(PyExc.TypeError, "must assign iterable to extended slice", () -> Ops.setItem(l, slice(null, null, 2), i(1)));
        raises(PyExc.TypeError, "can only assign an iterable", () -> Ops.setItem(l, slice(0, 1, null), i(1)));
        Ops.setItem(l, slice(null, null, null), l);
        assertEquals("[-1, 3, -2, 2, -3, 1]", repr(l));
        Ops.setItem(l, slice(1, 1, null), l);
        assertEquals("[-1, -1, 3, -2, 2, -3, 1, 3, -2, 2, -3, 1]", repr(l));
        Ops.delItem(l, slice(null, null, 3));
        assertEquals("[-1, 3, 2, -3, 3, -2, -3, 1]", repr(l));
        Ops.delItem(l, slice(null, null, -2));
        assertEquals("[-1, 2, 3, -3]", repr(l));
        Ops.delItem(l, i(0));
        Ops.delItem(l, slice(1, null, null));
        assertEquals("[2]", repr(l));
    }

    @Test
    @DisplayName("+, +=, *, *=, with CPython's TypeErrors")
    void operators() {
        PyList a = ints(1, 2), b = ints(3);
        assertEquals("[1, 2, 3]", repr(Ops.add(a, b)));
        raises(PyExc.TypeError, "can only concatenate list (not \"tuple\") to list", () -> Ops.add(a, tupleOfInts(1)));
        raises(PyExc.TypeError, "can only concatenate list (not \"int\") to list", () -> Ops.add(a, i(1)));
        raises(PyExc.TypeError, "unsupported operand type(s) for +: 'int' and 'list'", () -> Ops.add(i(1), a));
        assertEquals("[1, 2, 1, 2, 1, 2]", repr(Ops.mul(a, i(3))));
        assertEquals("[1, 2, 1, 2]", repr(Ops.mul(i(2), a)));
        assertEquals("[]", repr(Ops.mul(a, i(-1))));
        raises(PyExc.TypeError, "can't multiply sequence by non-int of type 'float'", () -> Ops.mul(a, PyFloat.of(2.0)));
        raises(PyExc.TypeError, "can't multiply sequence by non-int of type 'list'", () -> Ops.mul(a, b));
        raises(PyExc.OverflowError, "cannot fit 'int' into an index-sized integer",
                () -> Ops.mul(a, PyInt.of(java.math.BigInteger.TWO.pow(70))));
        PyObject r = Ops.inplaceOp(Ops.NB_ADD, a, tupleOfInts(9, 8));
        assertSame(a, r);
        assertEquals("[1, 2, 9, 8]", repr(a));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> Ops.inplaceOp(Ops.NB_ADD, a, i(1)));
        r = Ops.inplaceOp(Ops.NB_MULTIPLY, b, i(3));
        assertSame(b, r);
        assertEquals("[3, 3, 3]", repr(b));
        Ops.inplaceOp(Ops.NB_MULTIPLY, b, i(0));
        assertEquals("[]", repr(b));
    }

    @Test
    @DisplayName("comparisons are lexicographic; == across lengths; ordering errors propagate")
    void comparisons() {
        assertTrue(Ops.compareBool(ints(1, 2), ints(1, 2), Ops.EQ));
        assertTrue(Ops.compareBool(ints(1, 2), ints(1, 2, 0), Ops.LT));
        assertTrue(Ops.compareBool(ints(1, 3), ints(1, 2, 5), Ops.GT));
        assertFalse(Ops.compareBool(ints(1), ints(1, 2), Ops.EQ));
        assertTrue(Ops.compareBool(new PyList(), new PyList(), Ops.LE));
        raises(PyExc.TypeError, "'<' not supported between instances of 'list' and 'tuple'",
                () -> Ops.richCompare(ints(1), tupleOfInts(1), Ops.LT));
        PyList mixed = new PyList();
        mixed.append(s("a"));
        raises(PyExc.TypeError, "'<' not supported between instances of 'str' and 'int'",
                () -> Ops.richCompare(mixed, ints(1), Ops.LT));
        assertFalse(Ops.compareBool(mixed, ints(1), Ops.EQ));
    }

    @Test
    @DisplayName("repr with the recursion guard; unhashable")
    void reprAndHash() {
        PyList l = ints(1);
        l.append(l);
        assertEquals("[1, [...]]", repr(l));
        PyList outer = new PyList();
        outer.append(l);
        assertEquals("[[1, [...]]]", repr(outer));
        raises(PyExc.TypeError, "unhashable type: 'list'", () -> Ops.hash(l));
        assertSame(PyNone.NONE, PyList.TYPE.lookup("__hash__"));
        assertEquals("[]", repr(new PyList()));
        assertEquals("['a', 'b']", repr(PyList.fromIterable(PyTuple.steal(s("a"), s("b")))));
    }

    @Test
    @DisplayName("iteration, reversed, contains, len, copy, clear, reverse")
    void misc() {
        PyList l = ints(1, 2, 3);
        assertEquals("[1, 2, 3]", listRepr(l));
        assertEquals("[3, 2, 1]", listRepr(call(l, "__reversed__")));
        assertEquals("list_iterator", Ops.iter(l).type().name());
        assertEquals("list_reverseiterator", call(l, "__reversed__").type().name());
        assertTrue(Ops.contains(l, i(2)));
        assertFalse(Ops.contains(l, s("2")));
        assertEquals(3, Ops.len(l));
        PyObject c = call(l, "copy");
        assertNotSame(l, c);
        assertEquals("[1, 2, 3]", repr(c));
        call(l, "reverse");
        assertEquals("[3, 2, 1]", repr(l));
        call(l, "clear");
        assertEquals("[]", repr(l));
        assertFalse(Ops.isTrue(l));
        // An iterator sees appends made during iteration (as CPython).
        PyList g = ints(1);
        PyObject it = Ops.iter(g);
        List<Long> seen = new ArrayList<>();
        PyObject x;
        while ((x = Ops.next(it)) != null) {
            long v = ((PyInt) x).value;
            seen.add(v);
            if (v < 4) g.append(i(v + 1));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), seen);
        assertNull(Ops.next(it));
    }

    @Test
    @DisplayName("list() constructor and subclass instances")
    void constructor() {
        PyObject l = construct(PyList.TYPE, tupleOfInts(1, 2));
        assertEquals("[1, 2]", repr(l));
        assertEquals("[]", repr(construct(PyList.TYPE)));
        raises(PyExc.TypeError, "list expected at most 1 argument, got 2", () -> construct(PyList.TYPE, i(1), i(2)));
        raises(PyExc.TypeError, "list() takes no keyword arguments",
                () -> constructKw(PyList.TYPE, new PyObject[] {i(1)}, PyTuple.of(PyStr.intern("x"))));
        PyType myList = PyType.builtin("MyList", PyList.Sub.class, PyList.TYPE);
        PyObject m = construct(myList, ints(4, 5));
        assertSame(myList, m.type());
        assertTrue(m instanceof PyList);
        assertEquals("[4, 5]", repr(m));
        assertEquals("[4, 5, 4, 5]", repr(Ops.mul(m, i(2))));
        assertSame(PyList.TYPE, Ops.mul(m, i(2)).type());
        // __init__ again clears first, as CPython.
        PyList.TYPE.init.init(m, new PyObject[] {ints(9)}, null);
        assertEquals("[9]", repr(m));
    }

    @Test
    @DisplayName("refcounts: append/pop balance, slices incref, release decrefs each element once")
    void refcounts() {
        PyObject x = counted();
        long base = rc(x);
        PyList l = new PyList();
        l.append(x);
        assertEquals(base + 1, rc(x));
        PyObject p = l.pop(-1);
        assertSame(x, p);
        RefCount.decref(p);
        assertEquals(base, rc(x));
        l.append(x);
        l.append(x);
        PyObject sl = Ops.getItem(l, new PySlice(null, null, null));
        assertEquals(base + 4, rc(x));
        RefCount.decref(sl);
        assertEquals(base + 2, rc(x));
        PyObject item = Ops.getItem(l, i(0));
        assertEquals(base + 3, rc(x));
        RefCount.decref(item);
        Ops.setItem(l, i(0), i(5));
        assertEquals(base + 1, rc(x));
        Ops.setItem(l, new PySlice(null, null, null), new PyList());
        assertEquals(base, rc(x));
        for (int k = 0; k < 3; k++) l.append(x);
        l.releaseReferences();
        assertEquals(base, rc(x));
        assertEquals(0, l.size());
        l.releaseReferences();
        assertEquals(base, rc(x));
        // A list that dies releases its elements.
        PyList dying = new PyList();
        dying.append(x);
        RefCount.decref(dying);
        assertEquals(base, rc(x));
        assertTrue(RefCount.isFreed(dying));
    }
}
