package dev.gilt.stdlib.itertools;

import static dev.gilt.stdlib.Py.raises;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.Literal;
import dev.gilt.stdlib.Py;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Expected values printed by CPython 3.11 (batched by hand from the 3.12 docs). */
class ItertoolsTest {
    static PyObject it(String name, Object... args) {
        return Py.call("itertools", name, args);
    }

    static String list(PyObject iterable) {
        PyList l = new PyList();
        PyObject iter = Ops.iter(iterable);
        PyObject x;
        while ((x = Ops.next(iter)) != null) l.appendSteal(x);
        return Literal.repr(l);
    }

    static String take(PyObject iterable, int n) {
        return list(it("islice", iterable, n));
    }

    static PyObject op(String name) {
        return Py.fn("operator", name);
    }

    @Test
    @DisplayName("infinite iterators and their reprs")
    void infinite() {
        assertEquals("[5, 6, 7]", take(it("count", 5), 3));
        assertEquals("[1, 3, 5]", take(it("count", 1, 2), 3));
        assertEquals("count(3)", Ops.reprString(it("count", 3)));
        assertEquals("count(1, 2)", Ops.reprString(it("count", 1, 2)));
        assertEquals("count(1.5)", Ops.reprString(it("count", 1.5)));
        assertEquals("[9223372036854775807, 9223372036854775808]", take(it("count", Long.MAX_VALUE), 2));
        assertEquals("['a', 'b', 'a', 'b', 'a']", take(it("cycle", "ab"), 5));
        assertEquals("['x', 'x', 'x']", list(it("repeat", "x", 3)));
        assertEquals("repeat('x', 2)", Ops.reprString(it("repeat", "x", 2)));
        assertEquals("repeat(1)", Ops.reprString(it("repeat", 1)));
        raises(PyExc.TypeError, "a number is required", () -> it("count", "a"));
    }

    @Test
    @DisplayName("terminating iterators")
    void terminating() {
        assertEquals("[1, 3, 6, 10]", list(it("accumulate", Py.list(1, 2, 3, 4))));
        assertEquals("[10, 11, 13]", list(Py.callKw(Py.fn("itertools", "accumulate"), new Object[] {Py.list(1, 2)},
                Map.of("initial", 10))));
        assertEquals("['a', 'b', 1, 2]", list(it("chain", "ab", Py.list(1, 2))));
        PyObject fromIterable = Ops.getAttr(Py.fn("itertools", "chain"), "from_iterable");
        assertEquals("['x', 'y', 'z']", list(Ops.call(fromIterable, Py.list("xy", "z"))));
        assertEquals("['a', 'c']", list(it("compress", "abcd", Py.list(1, 0, 1, 0))));
        assertEquals("[1, 0]", list(it("dropwhile", op("not_"), Py.list(0, 0, 1, 0))));
        assertEquals("[1, 1]", list(it("takewhile", op("truth"), Py.list(1, 1, 0, 1))));
        assertEquals("[0, '']", list(it("filterfalse", null, Py.list(0, 1, "", "a"))));
        assertEquals("[3, 7]", list(it("starmap", op("add"), Py.list(Py.tuple(1, 2), Py.tuple(3, 4)))));
        assertEquals("['c', 'e']", list(it("islice", "abcdefg", 2, 6, 2)));
        assertEquals("['b', 'c', 'd', 'e', 'f']", list(it("islice", "abcdef", 1, null)));
        assertEquals("[('a', 'b'), ('b', 'c'), ('c', 'd')]", list(it("pairwise", "abcd")));
        assertEquals("[('a', 'b'), ('c', 'd'), ('e',)]", list(it("batched", "abcde", 2)));
        assertEquals("[('a', 'x'), ('b', 'y'), ('-', 'z')]", list(Py.callKw(Py.fn("itertools", "zip_longest"),
                new Object[] {"ab", "xyz"}, Map.of("fillvalue", "-"))));
        raises(PyExc.ValueError, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
                () -> it("islice", "a", -1));
        raises(PyExc.ValueError, "Step for islice() must be a positive integer or None.", () -> it("islice", "a", 0, 1, 0));
        raises(PyExc.ValueError, "n must be at least one", () -> it("batched", "a", 0));
    }

    @Test
    @DisplayName("combinatoric iterators")
    void combinatorics() {
        assertEquals("[('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')]",
                list(Py.callKw(Py.fn("itertools", "product"), new Object[] {"ab"}, Map.of("repeat", 2))));
        assertEquals("[('a', 'x'), ('a', 'y'), ('b', 'x'), ('b', 'y')]", list(it("product", "ab", "xy")));
        assertEquals("[()]", list(it("product")));
        assertEquals("[]", list(it("product", "ab", "")));
        assertEquals("[('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'a'), ('c', 'b')]",
                list(it("permutations", "abc", 2)));
        assertEquals("[(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)]",
                list(it("permutations", Py.list(0, 1, 2))));
        assertEquals("[]", list(it("permutations", "ab", 3)));
        assertEquals("[('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')]",
                list(it("combinations", "abcd", 2)));
        assertEquals("[()]", list(it("combinations", "ab", 0)));
        assertEquals("[('a', 'a'), ('a', 'b'), ('a', 'c'), ('b', 'b'), ('b', 'c'), ('c', 'c')]",
                list(it("combinations_with_replacement", "abc", 2)));
        raises(PyExc.ValueError, "r must be non-negative", () -> it("combinations", "a", -1));
    }

    @Test
    @DisplayName("groupby groups runs; an old group is exhausted once the groupby moves on")
    void groupby() {
        PyObject gb = it("groupby", "aaabbcaa");
        StringBuilder sb = new StringBuilder();
        PyObject pair;
        while ((pair = Ops.next(gb)) != null) {
            PyTuple t = (PyTuple) pair;
            sb.append(Literal.repr(t.get(0))).append(list(t.get(1))).append(' ');
        }
        assertEquals("'a'['a', 'a', 'a'] 'b'['b', 'b'] 'c'['c'] 'a'['a', 'a'] ", sb.toString());
        PyObject gb2 = it("groupby", "aabb");
        PyTuple first = (PyTuple) Ops.next(gb2);
        PyTuple second = (PyTuple) Ops.next(gb2);
        assertEquals("[]", list(first.get(1)));
        assertEquals("['b', 'b']", list(second.get(1)));
    }

    @Test
    @DisplayName("tee: independent iterators, values released once every tee has passed them")
    void tee() {
        PyList src = Py.list(0, 1, 2, 3);
        PyList obj = new PyList();
        src.append(obj);
        long before = RefCount.count(obj);
        PyTuple ts = (PyTuple) it("tee", src);
        drain(ts.get(0));
        assertEquals(before + 1, RefCount.count(obj), "buffered for the second tee");
        drain(ts.get(1));
        assertEquals(before, RefCount.count(obj), "released after both passed");
        PyTuple ab = (PyTuple) it("tee", Py.list(1, 2, 3));
        assertEquals("[1, 2, 3]", list(ab.get(0)));
        assertEquals("[1, 2, 3]", list(ab.get(1)));
    }

    static void drain(PyObject it) {
        PyObject x;
        while ((x = Ops.next(it)) != null) RefCount.decref(x);
    }
}
