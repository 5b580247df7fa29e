package dev.gilt.runtime.object;

import static dev.gilt.runtime.object.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.Sequences;
import dev.gilt.runtime.ops.Ops;
import java.math.BigInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** enumerate, zip, map, filter, reversed, iter(f, sentinel), and the unpacking helpers. */
class IteratorsTest {
    @BeforeAll
    static void setUp() {
        install();
    }

    private static PyObject make(PyType t, PyObject[] args, String... kwnames) {
        PyTuple kw = null;
        if (kwnames.length > 0) {
            PyObject[] names = new PyObject[kwnames.length];
            for (int k = 0; k < names.length; k++) names[k] = PyStr.intern(kwnames[k]);
            kw = PyTuple.of(names);
        }
        return t.newInstance.create(t, args, kw);
    }

    private static PyTuple ab() {
        return PyTuple.steal(s("a"), s("b"));
    }

    @Test
    @DisplayName("enumerate: start, big counts, errors, iter(e) is e")
    void enumerate() {
        assertEquals("[(0, 'a'), (1, 'b')]", listRepr(make(PyEnumerate.TYPE, new PyObject[] {ab()})));
        assertEquals("[(-1, 'a'), (0, 'b')]", listRepr(make(PyEnumerate.TYPE, new PyObject[] {ab(), i(-1)})));
        assertEquals("[(9223372036854775807, 'a'), (9223372036854775808, 'b')]",
                listRepr(make(PyEnumerate.TYPE, new PyObject[] {ab(), PyInt.of(Long.MAX_VALUE)})));
        assertEquals("[(18446744073709551616, 'a'), (18446744073709551617, 'b')]",
                listRepr(make(PyEnumerate.TYPE, new PyObject[] {ab(), PyInt.of(BigInteger.TWO.pow(64))})));
        assertEquals("[(5, 'a'), (6, 'b')]", listRepr(make(PyEnumerate.TYPE, new PyObject[] {ab(), i(5)}, "start")));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> make(PyEnumerate.TYPE, new PyObject[] {i(1)}));
        raises(PyExc.TypeError, "'str' object cannot be interpreted as an integer",
                () -> make(PyEnumerate.TYPE, new PyObject[] {ab(), s("a")}));
        PyObject e = make(PyEnumerate.TYPE, new PyObject[] {ab()});
        assertSame(e, Ops.iter(e));
        assertEquals("enumerate", e.type().name());
    }

    @Test
    @DisplayName("zip: shortest wins; strict=True reports which argument is shorter or longer")
    void zip() {
        assertEquals("[(1, 'a', 5), (2, 'b', 6)]",
                listRepr(make(PyZip.TYPE, new PyObject[] {ints(1, 2), ab(), tupleOfInts(5, 6, 7)})));
        assertEquals("[]", listRepr(make(PyZip.TYPE, new PyObject[0])));
        PyObject[] strict = {ints(1), ints(1, 2), PyBool.TRUE};
        raises(PyExc.ValueError, "zip() argument 2 is longer than argument 1",
                () -> listRepr(make(PyZip.TYPE, strict, "strict")));
        raises(PyExc.ValueError, "zip() argument 2 is shorter than argument 1",
                () -> listRepr(make(PyZip.TYPE, new PyObject[] {ints(1, 2), ints(1), PyBool.TRUE}, "strict")));
        raises(PyExc.ValueError, "zip() argument 3 is shorter than arguments 1-2",
                () -> listRepr(make(PyZip.TYPE, new PyObject[] {ints(1, 2), ints(1, 2), ints(1), PyBool.TRUE}, "strict")));
        raises(PyExc.ValueError, "zip() argument 3 is longer than arguments 1-2",
                () -> listRepr(make(PyZip.TYPE, new PyObject[] {ints(1, 2), ints(1, 2), ints(1, 2, 3), PyBool.TRUE}, "strict")));
        assertEquals("[(1, 1)]", listRepr(make(PyZip.TYPE, new PyObject[] {ints(1), ints(1), PyBool.TRUE}, "strict")));
        raises(PyExc.TypeError, "'int' object is not iterable", () -> make(PyZip.TYPE, new PyObject[] {i(1)}));
    }

    @Test
    @DisplayName("map and filter")
    void mapFilter() {
        PyObject add = PyBuiltinFunction.of("add", null, (Fn.F2) (self, a, b) ->
                PyInt.of(((PyInt) a).value + ((PyInt) b).value));
        assertEquals("[11, 22]", listRepr(make(PyMap.TYPE, new PyObject[] {add, ints(1, 2, 3), ints(10, 20)})));
        raises(PyExc.TypeError, "map() must have at least two arguments.", () -> make(PyMap.TYPE, new PyObject[] {add}));
        PyList mixed = ints(0, 1);
        mixed.append(s(""));
        mixed.append(i(2));
        assertEquals("[1, 2]", listRepr(make(PyFilter.TYPE, new PyObject[] {PyNone.NONE, mixed})));
        PyObject odd = fn((self, x) -> PyBool.of(((PyInt) x).value % 2 == 1));
        assertEquals("[1, 3]", listRepr(make(PyFilter.TYPE, new PyObject[] {odd, ints(1, 2, 3, 4)})));
        raises(PyExc.TypeError, "filter expected 2 arguments, got 1", () -> make(PyFilter.TYPE, new PyObject[] {odd}));
    }

    @Test
    @DisplayName("reversed: __reversed__ if present, else the sequence protocol; 'not reversible'")
    void reversed() {
        assertEquals("[3, 2, 1]", listRepr(make(PyReversed.TYPE, new PyObject[] {tupleOfInts(1, 2, 3)})));
        assertEquals("reversed", make(PyReversed.TYPE, new PyObject[] {tupleOfInts(1)}).type().name());
        assertEquals("list_reverseiterator", make(PyReversed.TYPE, new PyObject[] {ints(1)}).type().name());
        raises(PyExc.TypeError, "'int' object is not reversible", () -> make(PyReversed.TYPE, new PyObject[] {i(1)}));
        raises(PyExc.TypeError, "'set' object is not reversible", () -> make(PyReversed.TYPE, new PyObject[] {new PySet()}));
        raises(PyExc.TypeError, "reversed expected 1 argument, got 0", () -> make(PyReversed.TYPE, new PyObject[0]));
    }

    @Test
    @DisplayName("iter(callable, sentinel) stops at the sentinel or on StopIteration")
    void callableIterator() {
        PyList src = ints(1, 2, 3, 0, 5);
        PyObject pop = fn0(self -> src.pop(-1));
        assertEquals("[5]", listRepr(PyCallableIterator.of(pop, i(0))));
        int[] n = {0};
        PyObject stopper = fn0(self -> {
            if (n[0]++ == 2) throw Errors.stopIteration();
            return PyInt.of(n[0]);
        });
        assertEquals("[1, 2]", listRepr(PyCallableIterator.of(stopper, s("never"))));
        raises(PyExc.TypeError, "iter(object, sentinel): object must be callable", () -> PyCallableIterator.of(i(1), i(0)));
        assertEquals("callable_iterator", PyCallableIterator.of(pop, i(0)).type().name());
    }

    @Test
    @DisplayName("UNPACK_SEQUENCE / UNPACK_EX helpers with CPython 3.12's messages")
    void unpacking() {
        PyObject[] r = Sequences.unpack(tupleOfInts(1, 2), 2);
        assertEquals("1", repr(r[0]));
        assertEquals("2", repr(r[1]));
        raises(PyExc.ValueError, "too many values to unpack (expected 2, got 3)", () -> Sequences.unpack(ints(1, 2, 3), 2));
        raises(PyExc.ValueError, "not enough values to unpack (expected 3, got 2)", () -> Sequences.unpack(ints(1, 2), 3));
        raises(PyExc.ValueError, "too many values to unpack (expected 2)",
                () -> Sequences.unpack(Ops.iter(ints(1, 2, 3)), 2));
        raises(PyExc.ValueError, "not enough values to unpack (expected 3, got 1)",
                () -> Sequences.unpack(Ops.iter(ints(1)), 3));
        raises(PyExc.TypeError, "cannot unpack non-iterable int object", () -> Sequences.unpack(i(1), 2));
        PyObject[] ex = Sequences.unpackEx(PyRange.of(0, 5, 1), 1, 1);
        assertEquals("0 [1, 2, 3] 4", repr(ex[0]) + " " + repr(ex[1]) + " " + repr(ex[2]));
        raises(PyExc.ValueError, "not enough values to unpack (expected at least 3, got 2)",
                () -> Sequences.unpackEx(ints(1, 2), 1, 2));
        raises(PyExc.ValueError, "not enough values to unpack (expected at least 3, got 1)",
                () -> Sequences.unpackEx(Ops.iter(ints(1)), 1, 2));
        raises(PyExc.TypeError, "cannot unpack non-iterable int object", () -> Sequences.unpackEx(i(1), 1, 0));
        // No reference is leaked when unpacking fails halfway.
        PyObject x = counted();
        long base = rc(x);
        PyList l = new PyList();
        l.append(x);
        raises(PyExc.ValueError, null, () -> Sequences.unpack(Ops.iter(l), 2));
        raises(PyExc.ValueError, null, () -> Sequences.unpackEx(Ops.iter(l), 1, 1));
        assertEquals(base + 1, rc(x));
        PyObject[] ok = Sequences.unpack(l, 1);
        assertEquals(base + 2, rc(x));
        RefCount.decref(ok[0]);
    }
}
