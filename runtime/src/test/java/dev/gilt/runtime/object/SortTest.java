package dev.gilt.runtime.object;

import static dev.gilt.runtime.object.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.Sequences;
import dev.gilt.runtime.object.collections.Sorting;
import dev.gilt.runtime.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** list.sort and sorted(): stability, key calls, reverse, errors, mutation during sort. */
class SortTest {
    @BeforeAll
    static void setUp() {
        install();
    }

    /** (key, tag) pairs as 2-tuples so stability is visible. */
    private static PyList pairs(long[] keys) {
        PyList l = new PyList();
        for (int k = 0; k < keys.length; k++) l.appendSteal(tupleOfInts(keys[k], k));
        return l;
    }

    private static final PyObject FIRST = fn((self, t) -> RefCount.newRef(((PyTuple) t).get(0)));

    @Test
    @DisplayName("sorts ints, strs and floats as Python does")
    void basic() {
        PyList l = ints(5, -1, 3, 3, 0, 10, -7);
        l.sort(null, false);
        assertEquals("[-7, -1, 0, 3, 3, 5, 10]", repr(l));
        l.sort(null, true);
        assertEquals("[10, 5, 3, 3, 0, -1, -7]", repr(l));
        PyList ss = new PyList();
        for (String x : new String[] {"b", "a", "\uD83D\uDE00", "\uFFFF", "ab", ""}) ss.appendSteal(s(x));
        ss.sort(null, false);
        // Code point order: U+FFFF sorts before the supplementary U+1F600 (UTF-16 order would not).
        StringBuilder got = new StringBuilder();
        for (int k = 0; k < ss.size(); k++) got.append('|').append(((PyStr) ss.get(k)).value);
        assertEquals("||a|ab|b|\uFFFF|\uD83D\uDE00", got.toString());
        PyList fs = new PyList();
        for (double d : new double[] {2.5, -1.0, 0.5}) fs.appendSteal(PyFloat.of(d));
        fs.sort(null, false);
        assertEquals("[-1.0, 0.5, 2.5]", repr(fs));
    }

    @Test
    @DisplayName("stable, also in reverse, for many random inputs (checked against a Java stable sort)")
    void stability() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int n = rnd.nextInt(trial < 100 ? 20 : 400);
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) keys[k] = rnd.nextInt(trial % 2 == 0 ? 5 : 1000);
            if (trial % 7 == 0) java.util.Arrays.sort(keys); // presorted runs
            for (boolean reverse : new boolean[] {false, true}) {
                PyList l = pairs(keys);
                l.sort(FIRST, reverse);
                List<long[]> expect = new ArrayList<>();
                for (int k = 0; k < n; k++) expect.add(new long[] {keys[k], k});
                // Python's reverse=True keeps equal keys in their original order.
                expect.sort((a, b) -> reverse ? Long.compare(b[0], a[0]) : Long.compare(a[0], b[0]));
                for (int k = 0; k < n; k++) {
                    PyTuple t = (PyTuple) l.get(k);
                    assertEquals(expect.get(k)[0], ((PyInt) t.get(0)).value, "trial " + trial);
                    assertEquals(expect.get(k)[1], ((PyInt) t.get(1)).value, "trial " + trial + " stability");
                }
                RefCount.decref(l);
            }
        }
    }

    @Test
    @DisplayName("large int and float lists (radix path) sort stably by value, -0.0 == 0.0, NaN falls back")
    void radixPath() {
        Random rnd = new Random(99);
        for (int trial = 0; trial < 20; trial++) {
            int n = 300 + rnd.nextInt(3000);
            PyObject[] xs = new PyObject[n];
            for (int k = 0; k < n; k++) {
                if (trial % 2 == 0) {
                    long v = switch (rnd.nextInt(6)) {
                        case 0 -> Long.MIN_VALUE + rnd.nextInt(3);
                        case 1 -> Long.MAX_VALUE - rnd.nextInt(3);
                        case 2 -> rnd.nextInt(10) - 5;
                        default -> rnd.nextLong() >> rnd.nextInt(64);
                    };
                    xs[k] = PyInt.of(v); // values outside -5..256 are distinct objects: stability is visible
                } else {
                    double d = switch (rnd.nextInt(6)) {
                        case 0 -> rnd.nextBoolean() ? 0.0 : -0.0;
                        case 1 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                        case 2 -> rnd.nextInt(5) - 2.5;
                        default -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(20) - 10);
                    };
                    xs[k] = PyFloat.of(d);
                }
            }
            PyObject[] expect = xs.clone();
            java.util.Arrays.sort(expect, (a, b) -> a instanceof PyInt x
                    ? Long.compare(x.value, ((PyInt) b).value)
                    : Double.compare(((PyFloat) a).value + 0.0, ((PyFloat) b).value + 0.0)); // stable; -0.0 + 0.0 == 0.0
            PyList l = PyList.steal(xs.clone(), n);
            l.sort(null, trial % 4 == 1);
            if (trial % 4 == 1) java.util.Collections.reverse(java.util.Arrays.asList(expect));
            for (int k = 0; k < n; k++) {
                if (trial % 4 == 1) {
                    // reverse=True keeps equal items in their original order: compare values only here.
                    assertEquals(((PyFloat) expect[k]).value + 0.0, ((PyFloat) l.get(k)).value + 0.0, "trial " + trial);
                } else {
                    assertSame(expect[k], l.get(k), "trial " + trial + " at " + k);
                }
            }
        }
        PyList withNan = new PyList();
        for (int k = 0; k < 500; k++) withNan.appendSteal(PyFloat.of(k % 7 == 0 ? Double.NaN : 500 - k));
        withNan.sort(null, false);
        assertEquals(500, withNan.size());
    }

    @Test
    @DisplayName("Python comparisons: tuples compare element-wise (slow path)")
    void slowPath() {
        PyList l = new PyList();
        l.appendSteal(PyTuple.steal(i(2), s("b")));
        l.appendSteal(PyTuple.steal(i(1), s("z")));
        l.appendSteal(PyTuple.steal(i(2), s("a")));
        l.sort(null, false);
        assertEquals("[(1, 'z'), (2, 'a'), (2, 'b')]", repr(l));
    }

    @Test
    @DisplayName("the key function is called exactly once per element, in order")
    void keyCalls() {
        List<Long> calls = new ArrayList<>();
        PyObject key = fn((self, x) -> {
            calls.add(((PyInt) x).value);
            return PyInt.of(-((PyInt) x).value);
        });
        PyList l = ints(3, 1, 2, 5, 4);
        l.sort(key, false);
        assertEquals(List.of(3L, 1L, 2L, 5L, 4L), calls);
        assertEquals("[5, 4, 3, 2, 1]", repr(l));
    }

    @Test
    @DisplayName("TypeError from '<' propagates and the list keeps all its elements")
    void comparisonError() {
        PyList l = ints(3, 1);
        l.append(s("a"));
        l.append(i(0));
        raises(PyExc.TypeError, "'<' not supported between instances of 'str' and 'int'", () -> l.sort(null, false));
        assertEquals(4, l.size());
        raises(PyExc.TypeError, "'<' not supported between instances of 'str' and 'int'",
                () -> Sequences.sortedList(PyTuple.steal(i(1), s("a")), null, false));
    }

    @Test
    @DisplayName("a key function that raises leaves the list unchanged; no key leaks")
    void keyError() {
        PyObject k0 = counted();
        long base = rc(k0);
        int[] n = {0};
        PyObject key = fn((self, x) -> {
            if (n[0]++ == 2) throw dev.gilt.runtime.error.Errors.valueError("boom");
            return RefCount.newRef(k0);
        });
        PyList l = ints(3, 2, 1);
        raises(PyExc.ValueError, "boom", () -> l.sort(key, false));
        assertEquals("[3, 2, 1]", repr(l));
        assertEquals(base, rc(k0));
    }

    @Test
    @DisplayName("mutating the list from the key function raises 'list modified during sort'")
    void modifiedDuringSort() {
        PyList l = ints(3, 2, 1);
        PyObject key = fn((self, x) -> {
            l.append(i(100));
            return RefCount.newRef(x);
        });
        raises(PyExc.ValueError, "list modified during sort", () -> l.sort(key, false));
        // The sorted items are back; what was appended meanwhile is dropped.
        assertEquals("[1, 2, 3]", repr(l));
        PyList seen = new PyList();
        PyList m = ints(2, 1);
        PyObject peek = fn((self, x) -> {
            seen.append(PyInt.of(m.size()));
            return RefCount.newRef(x);
        });
        m.sort(peek, false);
        assertEquals("[0, 0]", repr(seen)); // the list looks empty while sorting
    }

    @Test
    @DisplayName("sort() argument handling as list.sort(*, key=None, reverse=False)")
    void arguments() {
        PyList l = ints(1, 3, 2);
        raises(PyExc.TypeError, "sort() takes no positional arguments", () -> call(l, "sort", i(1)));
        callKw(l, "sort", new PyObject[0], "reverse", i(2));
        assertEquals("[3, 2, 1]", repr(l));
        callKw(l, "sort", new PyObject[0], "key", PyNone.NONE, "reverse", PyBool.FALSE);
        assertEquals("[1, 2, 3]", repr(l));
        raises(PyExc.TypeError, "'str' object cannot be interpreted as an integer",
                () -> callKw(l, "sort", new PyObject[0], "reverse", s("a")));
        raises(PyExc.TypeError, "'float' object cannot be interpreted as an integer",
                () -> callKw(l, "sort", new PyObject[0], "reverse", PyFloat.of(1.0)));
        raises(PyExc.TypeError, "'x' is an invalid keyword argument for sort()",
                () -> callKw(l, "sort", new PyObject[0], "x", i(1)));
        raises(PyExc.TypeError, "sort() takes at most 2 keyword arguments (3 given)",
                () -> callKw(l, "sort", new PyObject[0], "key", PyNone.NONE, "reverse", i(1), "x", i(1)));
    }

    @Test
    @DisplayName("sorted() returns a new list from any iterable")
    void sorted() {
        PyObject r = Sequences.sortedList(PyRange.of(5, 0, -1), null, false);
        assertEquals("[1, 2, 3, 4, 5]", repr(r));
        PyObject neg = fn((self, x) -> PyInt.of(-((PyInt) x).value));
        assertEquals("[5, 4, 3, 2, 1]", repr(Sequences.sortedList(ints(1, 2, 3, 4, 5), neg, false)));
    }

    @Test
    @DisplayName("for n < 64 the comparisons asked match CPython's binary insertion sort")
    void comparisonSequence() {
        // In CPython: class K: __lt__ records (self.v, other.v); sorted([K(v) for v in (3, 1, 2)])
        // records [(1, 3), (2, 1), (2, 3), (2, 1)] (python3).
        List<String> log = new ArrayList<>();
        Sorting.LessThan lt = (a, b) -> {
            log.add(((PyInt) a).value + "<" + ((PyInt) b).value);
            return ((PyInt) a).value < ((PyInt) b).value;
        };
        PyObject[] a = {i(3), i(1), i(2)};
        Sorting.sort(a, null, 3, lt);
        assertEquals(List.of("1<3", "2<1", "2<3", "2<1"), log);
        assertEquals("123", "" + ((PyInt) a[0]).value + ((PyInt) a[1]).value + ((PyInt) a[2]).value);
        assertTrue(Ops.isTrue(PyBool.TRUE));
    }
}
