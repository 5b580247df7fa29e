package dev.gilt.runtime.object;

import static dev.gilt.runtime.object.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** tuple, with expectations taken from python3. */
class TupleTest {
    @BeforeAll
    static void setUp() {
        install();
    }

    @Test
    @DisplayName("repr: (), (1,), nested, recursion through a list")
    void repr() {
        assertEquals("()", TestSupport.repr(PyTuple.EMPTY));
        assertEquals("(1,)", TestSupport.repr(tupleOfInts(1)));
        assertEquals("(1, 'a', (2,))", TestSupport.repr(PyTuple.steal(i(1), s("a"), tupleOfInts(2))));
        PyList l = new PyList();
        PyTuple t = PyTuple.of(l);
        l.append(t);
        assertEquals("([(...)],)", TestSupport.repr(t));
    }

    @Test
    @DisplayName("hash equals CPython's for ints, bools and floats")
    void hash() {
        assertEquals(5740354900026072187L, Ops.hash(PyTuple.EMPTY));
        assertEquals(-3550055125485641917L, Ops.hash(tupleOfInts(1, 2)));
        assertEquals(Ops.hash(tupleOfInts(1, 2)), Ops.hash(PyTuple.steal(PyBool.TRUE, i(2))));
        // python3: hash((True, 1.5, -1, (2, 3)))
        PyTuple t = PyTuple.steal(PyBool.TRUE, PyFloat.of(1.5), i(-1), tupleOfInts(2, 3));
        assertEquals(-9183622421802462303L, Ops.hash(t));
        raises(PyExc.TypeError, "unhashable type: 'list'", () -> Ops.hash(PyTuple.steal(new PyList())));
    }

    @Test
    @DisplayName("indexing, slicing (full slice of an exact tuple is itself)")
    void items() {
        PyTuple t = tupleOfInts(0, 1, 2, 3, 4);
        assertEquals("4", TestSupport.repr(Ops.getItem(t, i(-1))));
        raises(PyExc.IndexError, "tuple index out of range", () -> Ops.getItem(t, i(5)));
        raises(PyExc.TypeError, "tuple indices must be integers or slices, not str", () -> Ops.getItem(t, s("a")));
        assertSame(t, Ops.getItem(t, new PySlice(null, null, null)));
        assertEquals("(4, 2, 0)", TestSupport.repr(Ops.getItem(t, new PySlice(null, null, i(-2)))));
        assertEquals("(1, 2)", TestSupport.repr(Ops.getItem(t, new PySlice(i(1), i(3), null))));
        assertSame(PyTuple.EMPTY, Ops.getItem(t, new PySlice(i(3), i(1), null)));
        assertTrue(Ops.contains(t, i(3)));
        assertFalse(Ops.contains(t, i(7)));
        assertEquals(5, Ops.len(t));
        assertEquals("[0, 1, 2, 3, 4]", listRepr(t));
        assertEquals("tuple_iterator", Ops.iter(t).type().name());
    }

    @Test
    @DisplayName("count and index")
    void methods() {
        PyTuple t = tupleOfInts(1, 2, 1, 3);
        assertEquals(2L, ((PyInt) call(t, "count", i(1))).value);
        assertEquals(2L, ((PyInt) call(t, "index", i(1), i(1))).value);
        raises(PyExc.ValueError, "tuple.index(x): x not in tuple", () -> call(t, "index", i(9)));
        raises(PyExc.ValueError, "tuple.index(x): x not in tuple", () -> call(t, "index", i(1), i(3)));
    }

    @Test
    @DisplayName("+ and * (identity shortcuts as CPython), with CPython's TypeErrors")
    void operators() {
        PyTuple a = tupleOfInts(1, 2);
        assertEquals("(1, 2, 1, 2)", TestSupport.repr(Ops.add(a, a)));
        assertSame(a, Ops.add(a, PyTuple.EMPTY));
        assertSame(a, Ops.add(PyTuple.EMPTY, a));
        assertSame(a, Ops.mul(a, i(1)));
        assertSame(PyTuple.EMPTY, Ops.mul(a, i(0)));
        assertEquals("(1, 2, 1, 2, 1, 2)", TestSupport.repr(Ops.mul(i(3), a)));
        raises(PyExc.TypeError, "can only concatenate tuple (not \"list\") to tuple", () -> Ops.add(a, new PyList()));
        raises(PyExc.TypeError, "can't multiply sequence by non-int of type 'str'", () -> Ops.mul(a, s("a")));
    }

    @Test
    @DisplayName("comparisons are lexicographic")
    void comparisons() {
        assertTrue(Ops.compareBool(tupleOfInts(1, 2), tupleOfInts(1, 3), Ops.LT));
        assertTrue(Ops.compareBool(tupleOfInts(1, 2), tupleOfInts(1, 2, 0), Ops.LT));
        assertTrue(Ops.compareBool(tupleOfInts(), tupleOfInts(), Ops.EQ));
        assertTrue(Ops.compareBool(tupleOfInts(2), tupleOfInts(1, 9), Ops.GE));
        assertFalse(Ops.compareBool(tupleOfInts(1), new PyList(), Ops.EQ));
    }

    @Test
    @DisplayName("tuple() constructor: an exact tuple is returned as is; subclasses keep their type")
    void constructor() {
        PyTuple t = tupleOfInts(1, 2);
        assertSame(t, construct(PyTuple.TYPE, t));
        assertSame(PyTuple.EMPTY, construct(PyTuple.TYPE));
        assertEquals("(1, 2)", TestSupport.repr(construct(PyTuple.TYPE, ints(1, 2))));
        raises(PyExc.TypeError, "tuple expected at most 1 argument, got 2", () -> construct(PyTuple.TYPE, t, t));
        raises(PyExc.TypeError, "tuple() takes no keyword arguments",
                () -> constructKw(PyTuple.TYPE, new PyObject[] {t}, PyTuple.of(PyStr.intern("x"))));
        PyType point = PyType.builtin("Point", PyTuple.Sub.class, PyTuple.TYPE);
        PyObject p = construct(point, ints(3, 4));
        assertSame(point, p.type());
        assertEquals("(3, 4)", TestSupport.repr(p));
        assertNotSame(p, Ops.getItem(p, new PySlice(null, null, null)));
        assertSame(PyTuple.TYPE, Ops.add(p, PyTuple.EMPTY).type());
    }

    @Test
    @DisplayName("refcounts: the tuple owns one reference per item and releases them once")
    void refcounts() {
        PyObject x = counted();
        long base = rc(x);
        PyTuple t = PyTuple.of(x, x);
        assertEquals(base + 2, rc(x));
        PyObject r = Ops.mul(t, i(3));
        assertEquals(base + 8, rc(x));
        RefCount.decref(r);
        PyObject sl = Ops.getItem(t, new PySlice(i(1), null, null));
        assertEquals(base + 3, rc(x));
        RefCount.decref(sl);
        RefCount.decref(t);
        assertEquals(base, rc(x));
    }
}
