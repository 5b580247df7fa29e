package dev.gilt.stdlib.gc;

import static dev.gilt.stdlib.Py.call;
import static dev.gilt.stdlib.Py.i;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.stdlib.Literal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GcTest {
    @Test
    @DisplayName("collect() frees an unreachable cycle and reports it")
    void collectsCycle() {
        call("gc", "collect");
        PyList a = new PyList(), b = new PyList();
        a.append(b);
        b.append(a);
        RefCount.decref(a);
        RefCount.decref(b);
        assertTrue(i(call("gc", "collect")) >= 2);
        assertTrue(RefCount.isFreed(a) && RefCount.isFreed(b));
    }

    @Test
    @DisplayName("enable/disable, thresholds and referents")
    void controls() {
        call("gc", "disable");
        assertSame(PyBool.FALSE, call("gc", "isenabled"));
        call("gc", "enable");
        assertSame(PyBool.TRUE, call("gc", "isenabled"));
        call("gc", "set_threshold", 700, 10, 10);
        assertEquals("(700, 10, 10)", Literal.repr(call("gc", "get_threshold")));
        call("gc", "set_threshold", 2000, 10, 0);
        PyList holder = new PyList();
        PyList inner = new PyList();
        holder.append(inner);
        PyList refs = (PyList) call("gc", "get_referents", holder);
        assertEquals(1, refs.size);
        assertSame(inner, refs.items[0]);
        PyList referrers = (PyList) call("gc", "get_referrers", inner);
        assertTrue(java.util.Arrays.asList(referrers.items).contains(holder));
        assertSame(PyBool.TRUE, call("gc", "is_tracked", holder));
        assertEquals(3, ((PyTuple) call("gc", "get_count")).size());
    }
}
