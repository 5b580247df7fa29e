package dev.gilt.stdlib.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.Py;
import dev.gilt.stdlib.Table;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimeTest {
    @BeforeAll
    static void utc() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @Test
    @DisplayName("gmtime, strftime, asctime, mktime and their errors match CPython (TZ=UTC)")
    void cpythonTable() throws Exception {
        List<String> failures = Table.run("time", "/time_cases.txt", null);
        assertEquals(List.of(), failures);
    }

    @Test
    @DisplayName("clocks advance and time.time is close to the Java clock")
    void clocks() {
        double t = Py.d(Py.call("time", "time"));
        assertTrue(Math.abs(t - System.currentTimeMillis() / 1000.0) < 2);
        double a = Py.d(Py.call("time", "perf_counter"));
        Py.call("time", "sleep", 0.01);
        double b = Py.d(Py.call("time", "perf_counter"));
        assertTrue(b - a >= 0.009, "slept " + (b - a));
        assertTrue(Py.i(Py.call("time", "time_ns")) > 1_600_000_000_000_000_000L);
    }

    @Test
    @DisplayName("struct_time has named fields, hidden tm_zone, and tuple length 9")
    void structTime() {
        PyObject t = Py.call("time", "gmtime", 0);
        assertEquals(9, Ops.len(t));
        assertEquals(1970, Py.i(Ops.getAttr(t, "tm_year")));
        assertEquals("GMT", Py.s(Ops.getAttr(t, "tm_zone")));
        assertEquals("('UTC', 'UTC')", dev.gilt.stdlib.Literal.repr(Py.module("time").get("tzname")));
    }
}
