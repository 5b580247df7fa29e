package dev.gilt.stdlib.collections;

import static dev.gilt.stdlib.Py.i;
import static dev.gilt.stdlib.Py.method;
import static dev.gilt.stdlib.Py.raises;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.Py;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DequeTest {
    static PyDeque deque(Object... items) {
        return PyDeque.make(Py.list(items), null);
    }

    static String r(PyObject o) {
        return Ops.reprString(o);
    }

    @Test
    @DisplayName("appends, pops and rotation at both ends")
    void ends() {
        PyDeque d = deque(1, 2, 3);
        method(d, "appendleft", 0);
        method(d, "append", 4);
        assertEquals("deque([0, 1, 2, 3, 4])", r(d));
        assertEquals(4, i(method(d, "pop")));
        assertEquals(0, i(method(d, "popleft")));
        PyDeque e = PyDeque.make(Py.list(0, 1, 2, 3, 4), null);
        method(e, "rotate", 2);
        assertEquals("deque([3, 4, 0, 1, 2])", r(e));
        method(e, "rotate", -3);
        assertEquals("deque([1, 2, 3, 4, 0])", r(e));
        for (int k = 0; k < 100; k++) method(e, "append", k);
        assertEquals(105, Ops.len(e));
        assertEquals(99, i(Ops.getItem(e, Py.obj(-1))));
        raises(PyExc.IndexError, "pop from an empty deque", () -> method(deque(), "pop"));
        raises(PyExc.IndexError, "pop from an empty deque", () -> method(deque(), "popleft"));
    }

    @Test
    @DisplayName("maxlen drops from the other end and shows in the repr")
    void bounded() {
        PyDeque d = PyDeque.make(Py.list(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), Py.obj(3));
        assertEquals("deque([7, 8, 9], maxlen=3)", r(d));
        method(d, "extendleft", Py.list(7, 8));
        assertEquals("deque([8, 7, 7], maxlen=3)", r(d));
        assertEquals(3, i(Ops.getAttr(d, "maxlen")));
        raises(PyExc.IndexError, "deque already at its maximum size", () -> method(d, "insert", 0, 1));
        raises(PyExc.ValueError, "maxlen must be non-negative", () -> PyDeque.make(null, Py.obj(-1)));
    }

    @Test
    @DisplayName("indexing, remove, index, count, reverse and errors")
    void sequence() {
        PyDeque d = deque(1, 2, 3, 2);
        assertEquals(3, i(method(d, "index", 2, 2)));
        assertEquals(2, i(method(d, "count", 2)));
        method(d, "remove", 2);
        assertEquals("deque([1, 3, 2])", r(d));
        Ops.delItem(d, Py.obj(0));
        Ops.setItem(d, Py.obj(0), Py.obj(9));
        method(d, "reverse");
        assertEquals("deque([2, 9])", r(d));
        assertTrue(Ops.contains(d, Py.obj(9)));
        raises(PyExc.ValueError, "7 is not in deque", () -> method(d, "remove", 7));
        raises(PyExc.IndexError, "deque index out of range", () -> Ops.getItem(d, Py.obj(5)));
        raises(PyExc.TypeError, "sequence index must be integer, not 'str'", () -> Ops.getItem(d, Py.obj("a")));
    }

    @Test
    @DisplayName("mutation during iteration raises RuntimeError; a self-containing deque prints [...]")
    void iteration() {
        PyDeque d = deque(1, 2, 3);
        PyObject it = Ops.iter(d);
        Ops.next(it);
        method(d, "append", 4);
        raises(PyExc.RuntimeError, "deque mutated during iteration", () -> Ops.next(it));
        PyDeque s = deque(1);
        s.append(s);
        assertEquals("deque([1, [...]])", r(s));
        PyObject sum = Ops.add(deque(1, 2), deque(3));
        assertEquals("deque([1, 2, 3])", r(sum));
        assertEquals("deque([1, 2, 1, 2])", r(Ops.mul(deque(1, 2), Py.obj(2))));
        assertTrue(Ops.compareBool(deque(1, 2), deque(1, 3), Ops.LT));
    }
}
