package dev.gilt.stdlib.operator;

import static dev.gilt.stdlib.Py.call;
import static dev.gilt.stdlib.Py.i;
import static dev.gilt.stdlib.Py.raises;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.Literal;
import dev.gilt.stdlib.Py;
import dev.gilt.stdlib.util.Namespace;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OperatorTest {
    @Test
    @DisplayName("itemgetter, attrgetter and methodcaller: results, reprs, errors")
    void getters() {
        PyObject ig = call("operator", "itemgetter", 1);
        assertEquals(20, i(Ops.call(ig, Py.tuple(10, 20, 30))));
        PyObject ig2 = call("operator", "itemgetter", 0, -1);
        assertEquals("(10, 30)", Literal.repr(Ops.call(ig2, Py.list(10, 20, 30))));
        assertEquals("operator.itemgetter(0, -1)", Ops.reprString(ig2));
        raises(PyExc.TypeError, "itemgetter expected 1 argument, got 0", () -> call("operator", "itemgetter"));

        Namespace inner = new Namespace().setSteal("c", Py.obj(7));
        Namespace outer = new Namespace().set("b", inner).setSteal("a", Py.obj(1));
        PyObject ag = call("operator", "attrgetter", "a", "b.c");
        assertEquals("(1, 7)", Literal.repr(Ops.call(ag, outer)));
        assertEquals("operator.attrgetter('a', 'b.c')", Ops.reprString(ag));
        raises(PyExc.TypeError, "attribute name must be a string", () -> call("operator", "attrgetter", 1));

        PyObject mc = Py.callKw(Py.fn("operator", "methodcaller"), new Object[] {"m", 1}, Map.of("k", 2));
        assertEquals("operator.methodcaller('m', 1, k=2)", Ops.reprString(mc));
        raises(PyExc.TypeError, "methodcaller needs at least one argument, the method name",
                () -> call("operator", "methodcaller"));
    }

    @Test
    @DisplayName("comparison, truth, identity, sequence helpers")
    void functions() {
        assertSame(PyBool.TRUE, call("operator", "lt", 1, 2));
        assertSame(PyBool.FALSE, call("operator", "not_", 1));
        assertSame(PyBool.TRUE, call("operator", "is_", Py.module("operator"), Py.module("operator")));
        assertEquals(1, i(call("operator", "indexOf", Py.list(5, 6, 7), 6)));
        assertEquals(2, i(call("operator", "countOf", Py.list(5, 6, 5), 5)));
        raises(PyExc.ValueError, "sequence.index(x): x not in sequence", () -> call("operator", "indexOf", Py.list(1), 2));
        assertEquals(3, i(call("operator", "length_hint", Py.list(1, 2, 3))));
        assertEquals(9, i(call("operator", "length_hint", 5, 9)));
        assertSame(Py.fn("operator", "lt"), Py.fn("operator", "__lt__"));
    }
}
