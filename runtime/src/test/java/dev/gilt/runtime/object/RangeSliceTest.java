package dev.gilt.runtime.object;

import static dev.gilt.runtime.object.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.collections.SliceIndices;
import dev.gilt.runtime.ops.Ops;
import java.math.BigInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** range, slice and SliceIndices, with expectations taken from python3. */
class RangeSliceTest {
    @BeforeAll
    static void setUp() {
        install();
    }

    private static PyInt big(String v) {
        return PyInt.of(new BigInteger(v));
    }

    private static PyObject range(PyObject... args) {
        return PyRange.TYPE.newInstance.create(PyRange.TYPE, args, null);
    }

    private static PySlice slice(Object start, Object stop, Object step) {
        return new PySlice(o(start), o(stop), o(step));
    }

    private static PyObject o(Object x) {
        if (x == null) return PyNone.NONE;
        if (x instanceof Integer n) return i(n);
        return (PyObject) x;
    }

    private static PyObject attr(PyObject self, String name) {
        PyObject d = self.type().lookup(name);
        return d.type().descrGet.get(d, self, self.type());
    }

    @Test
    @DisplayName("construction errors as CPython")
    void constructor() {
        raises(PyExc.TypeError, "range expected at least 1 argument, got 0", () -> range());
        raises(PyExc.TypeError, "range expected at most 3 arguments, got 4", () -> range(i(1), i(2), i(3), i(4)));
        raises(PyExc.ValueError, "range() arg 3 must not be zero", () -> range(i(1), i(2), i(0)));
        raises(PyExc.TypeError, "'float' object cannot be interpreted as an integer", () -> range(PyFloat.of(1.0)));
        assertEquals("range(0, 3)", repr(range(i(3))));
        assertEquals("range(1, 3, 2)", repr(range(i(1), i(3), i(2))));
        assertEquals("range(-1180591620717411303424, 5, 590295810358705651712)",
                repr(range(big("-1180591620717411303424"), i(5), big("590295810358705651712"))));
        assertEquals("0", repr(attr(range(i(3)), "start")));
        assertEquals("3", repr(attr(range(i(3)), "stop")));
        assertEquals("1", repr(attr(range(i(3)), "step")));
    }

    @Test
    @DisplayName("len, indexing, slicing to ranges, big ranges")
    void sequence() {
        PyObject r = range(i(0), i(10), i(3));
        assertEquals(4, Ops.len(r));
        assertEquals("9", repr(Ops.getItem(r, i(-1))));
        raises(PyExc.IndexError, "range object index out of range", () -> Ops.getItem(r, i(4)));
        raises(PyExc.TypeError, "range indices must be integers or slices, not str", () -> Ops.getItem(r, s("a")));
        assertEquals("range(9, -3, -3)", repr(Ops.getItem(r, slice(null, null, -1))));
        assertEquals("range(3, 6, 3)", repr(Ops.getItem(r, slice(1, 2, null))));
        assertEquals("range(2, 10, 2)", repr(Ops.getItem(Ops.getItem(range(i(10)), slice(null, null, 2)), slice(1, null, null))));
        assertEquals("range(1, 13, 6)", repr(Ops.getItem(range(i(10), i(0), i(-3)), slice(null, null, -2))));
        PyObject huge = range(big("18446744073709551616"), big("18446744073709551619"));
        assertEquals("18446744073709551617", repr(Ops.getItem(huge, i(1))));
        assertTrue(Ops.contains(huge, big("18446744073709551618")));
        assertEquals(157073089683L, Ops.len(range(i(-5), big("1099511627776"), i(7))));
        raises(PyExc.OverflowError, "Python int too large to convert to C ssize_t", () -> Ops.len(range(big("18446744073709551616"))));
        assertEquals("1180591620717411303423", repr(Ops.getItem(range(big("1180591620717411303424")), i(-1))));
        assertFalse(Ops.isTrue(range(i(0))));
    }

    @Test
    @DisplayName("iteration, reversed, including across the long boundary")
    void iteration() {
        assertEquals("[10, 7, 4, 1]", listRepr(range(i(10), i(0), i(-3))));
        assertEquals("[1, 4, 7, 10]", listRepr(PyReversed.reversed(range(i(10), i(0), i(-3)))));
        assertEquals("[]", listRepr(PyReversed.reversed(range(i(0)))));
        assertEquals("[-3, -2, -1, 0, 1, 2]", listRepr(range(i(-3), i(3))));
        assertEquals("[9223372036854775806, 9223372036854775807, 9223372036854775808]",
                listRepr(range(big("9223372036854775806"), big("9223372036854775809"))));
        assertEquals("[9223372036854775807, 9223372036854775806, 9223372036854775805]",
                listRepr(PyReversed.reversed(range(big("9223372036854775805"), big("9223372036854775808")))));
        assertEquals("range_iterator", Ops.iter(range(i(3))).type().name());
        assertEquals("longrange_iterator", Ops.iter(range(big("1180591620717411303424"))).type().name());
        PyRangeIterator it = (PyRangeIterator) Ops.iter(range(i(5), i(8)));
        long sum = 0;
        while (it.hasNext()) sum += it.nextLong();
        assertEquals(18, sum);
        assertNull(it.next());
    }

    @Test
    @DisplayName("in, count, index: arithmetic for ints, comparison for others")
    void search() {
        PyObject r = range(i(10), i(0), i(-2));
        assertEquals("3", repr(call(r, "index", i(4))));
        assertEquals("0", repr(call(r, "count", i(5))));
        raises(PyExc.ValueError, "5 is not in range", () -> call(r, "index", i(5)));
        assertTrue(Ops.contains(range(i(1), i(10), i(3)), i(7)));
        assertFalse(Ops.contains(range(i(1), i(10), i(3)), i(8)));
        assertTrue(Ops.contains(range(i(10)), PyFloat.of(5.0)));
        assertEquals("1", repr(call(range(i(3)), "count", PyFloat.of(1.0))));
        assertEquals("5", repr(call(range(i(10)), "index", PyFloat.of(5.0))));
        raises(PyExc.ValueError, "sequence.index(x): x not in sequence", () -> call(range(i(3)), "index", s("a")));
        assertEquals("1", repr(call(range(i(0), big("1180591620717411303424"), big("590295810358705651712")), "index",
                big("590295810358705651712"))));
    }

    @Test
    @DisplayName("== compares the sequences; hash as CPython")
    void equality() {
        assertTrue(Ops.compareBool(range(i(1), i(10), i(2)), range(i(1), i(11), i(2)), Ops.EQ));
        assertTrue(Ops.compareBool(range(i(0)), range(i(3), i(3)), Ops.EQ));
        assertTrue(Ops.compareBool(range(i(5), i(6)), range(i(5), i(7), i(9)), Ops.EQ));
        assertFalse(Ops.compareBool(range(i(3)), range(i(4)), Ops.EQ));
        assertEquals(-8580228179051518038L, Ops.hash(range(i(1), i(10), i(2))));
        assertEquals(7320047211865846142L, Ops.hash(range(big("1180591620717411303424"))));
        assertEquals(Ops.hash(range(i(5), i(6))), Ops.hash(range(i(5), i(7), i(9))));
    }

    @Test
    @DisplayName("slice objects: repr, attributes, indices(), comparison, hash (3.12)")
    void slices() {
        PySlice sl = slice(1, null, s("a"));
        assertEquals("slice(1, None, 'a')", repr(sl));
        assertEquals("1", repr(attr(sl, "start")));
        assertSame(PyNone.NONE, attr(sl, "stop"));
        raises(PyExc.AttributeError, "readonly attribute", () -> {
            PyObject d = PySlice.TYPE.lookup("start");
            d.type().descrSet.set(d, sl, i(2));
        });
        assertEquals("(1, 5, 2)", repr(slice(1, 10, 2).indices(i(5))));
        assertEquals("(3, -1, -1)", repr(slice(null, null, -1).indices(i(4))));
        assertEquals("(0, 7, 3)", repr(slice(-100, 100, 3).indices(i(7))));
        assertEquals("(0, 10, 1)", repr(slice(null, big("1180591620717411303424"), null).indices(i(10))));
        assertEquals("(5, -1, -2)", repr(slice(5, null, -2).indices(big("1180591620717411303424"))));
        raises(PyExc.ValueError, "slice step cannot be zero", () -> slice(1, 2, 0).indices(i(4)));
        raises(PyExc.ValueError, "length should not be negative", () -> slice(1, 2, 3).indices(i(-1)));
        raises(PyExc.TypeError, "slice indices must be integers or None or have an __index__ method",
                () -> slice(s("a"), null, null).indices(i(3)));
        raises(PyExc.TypeError, "slice expected at least 1 argument, got 0",
                () -> PySlice.TYPE.newInstance.create(PySlice.TYPE, new PyObject[0], null));
        assertEquals("slice(None, 5, None)", repr(PySlice.TYPE.newInstance.create(PySlice.TYPE, new PyObject[] {i(5)}, null)));
        assertTrue(Ops.compareBool(slice(1, 2, 3), slice(1, 2, 3), Ops.EQ));
        assertTrue(Ops.compareBool(slice(1, 2, 3), slice(1, 2, 4), Ops.LT));
        assertEquals(Ops.hash(slice(1, 2, 3)), Ops.hash(slice(1, 2, 3)));
        assertNotEquals(Ops.hash(slice(1, 2, 3)), Ops.hash(slice(1, 2, 4)));
        raises(PyExc.TypeError, "unhashable type: 'list'", () -> Ops.hash(new PySlice(new PyList(), null, null)));
    }

    @Test
    @DisplayName("SliceIndices: CPython's PySlice_AdjustIndices clamping")
    void adjust() {
        assertEquals(new SliceIndices(9, -1, -1, 10), SliceIndices.of(slice(null, null, -1), 10));
        assertEquals(new SliceIndices(0, 0, 1, 0), SliceIndices.of(slice(-20, -15, null), 10));
        assertEquals(new SliceIndices(3, 10, 1, 7), SliceIndices.of(slice(-7, big("1180591620717411303424"), null), 10));
        assertEquals(new SliceIndices(9, 1, -3, 3), SliceIndices.of(slice(100, 1, -3), 10));
        assertEquals(new SliceIndices(0, 0, 1, 0), SliceIndices.of(slice(null, null, null), 0));
        SliceIndices huge = SliceIndices.of(slice(null, null, big("-1180591620717411303424")), 5);
        assertEquals(1, huge.length());
        assertEquals(4, huge.start());
    }
}
