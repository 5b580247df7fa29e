package dev.gilt.stdlib.sys;

import static dev.gilt.stdlib.Py.call;
import static dev.gilt.stdlib.Py.i;
import static dev.gilt.stdlib.Py.raises;
import static dev.gilt.stdlib.Py.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.io.TextSink;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.stdlib.Py;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SysTest {
    PyModule sys = Py.module("sys");

    @Test
    @DisplayName("version_info is a named tuple that compares with plain tuples")
    void versionInfo() {
        PyObject vi = sys.get("version_info");
        assertEquals("sys.version_info(major=3, minor=12, micro=0, releaselevel='final', serial=0)", Ops.reprString(vi));
        assertEquals(3, i(Ops.getAttr(vi, "major")));
        assertEquals(12, i(Ops.getItem(vi, Py.obj(1))));
        assertEquals(5, Ops.len(vi));
        assertTrue(Ops.compareBool(vi, Py.tuple(3, 11), Ops.GT));
        assertTrue(Ops.compareBool(vi, Py.tuple(3, 12, 0, "final", 0), Ops.EQ));
        assertTrue(Ops.compareBool(vi, Py.tuple(3, 12, 1), Ops.LT));
        assertEquals(0x030c00f0, i(sys.get("hexversion")));
        assertTrue(s(sys.get("version")).startsWith("3.12.0 (Gilt"));
    }

    @Test
    @DisplayName("sys.modules is the interpreter's dict and sys.path is the list the importer reads")
    void sharedState() {
        assertSame(Interp.main().modules, sys.get("modules"));
        assertSame(Interp.main().sysPath, sys.get("path"));
        assertInstanceOf(PyList.class, sys.get("argv"));
    }

    @Test
    @DisplayName("the standard streams are text sinks with CPython's reprs")
    void streams() {
        PyObject out = sys.get("stdout");
        assertInstanceOf(TextSink.class, out);
        assertEquals("<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>", Ops.reprString(out));
        assertEquals("<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>", Ops.reprString(sys.get("stderr")));
        assertEquals("<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>", Ops.reprString(sys.get("stdin")));
        assertSame(out, sys.get("__stdout__"));
        assertEquals(1, i(Py.method(out, "fileno")));
        assertEquals(PyBool.TRUE, Ops.getAttr(sys.get("stderr"), "line_buffering"));
    }

    @Test
    @DisplayName("getrefcount reports the count, immortals as 2**32-1")
    void refcount() {
        PyList l = new PyList();
        assertEquals(1, i(call("sys", "getrefcount", l)));
        PyList holder = new PyList();
        holder.append(l);
        assertEquals(2, i(call("sys", "getrefcount", l)));
        assertEquals(4294967295L, i(call("sys", "getrefcount", PyNone.NONE)));
    }

    @Test
    @DisplayName("recursion limit validation matches CPython")
    void recursionLimit() {
        int old = ThreadState.recursionLimit;
        try {
            call("sys", "setrecursionlimit", 5000);
            assertEquals(5000, i(call("sys", "getrecursionlimit")));
            raises(PyExc.ValueError, "recursion limit must be greater or equal than 1",
                    () -> call("sys", "setrecursionlimit", 0));
            raises(PyExc.TypeError, "'float' object cannot be interpreted as an integer",
                    () -> call("sys", "setrecursionlimit", 1.5));
        } finally {
            ThreadState.recursionLimit = old;
        }
    }

    @Test
    @DisplayName("exit raises SystemExit carrying the code")
    void exit() {
        PyException e = assertThrows(PyException.class, () -> call("sys", "exit", 3));
        assertEquals("SystemExit", e.exc.type().name());
        assertEquals(3, i(e.exc.args.get(0)));
        PyException e2 = assertThrows(PyException.class, () -> call("sys", "exit"));
        assertEquals(0, e2.exc.args.size());
    }

    @Test
    @DisplayName("misc functions and constants")
    void misc() {
        assertEquals(Long.MAX_VALUE, i(sys.get("maxsize")));
        assertEquals("linux", s(sys.get("platform")));
        assertEquals(0x10ffff, i(sys.get("maxunicode")));
        assertEquals("utf-8", s(call("sys", "getdefaultencoding")));
        assertEquals(28, i(call("sys", "getsizeof", 1)));
        assertEquals(24, i(call("sys", "getsizeof", 1.0)));
        assertEquals(52, i(call("sys", "getsizeof", "abc")));
        assertEquals(0.005, Py.d(call("sys", "getswitchinterval")));
        raises(PyExc.ValueError, "switch interval must be strictly positive", () -> call("sys", "setswitchinterval", 0));
        raises(PyExc.ValueError, "maxdigits must be 0 or larger than 640", () -> call("sys", "set_int_max_str_digits", 5));
        raises(PyExc.TypeError, "intern() argument must be str, not int", () -> call("sys", "intern", 3));
        PyObject ei = call("sys", "exc_info");
        assertEquals(3, ((PyTuple) ei).size());
        assertSame(PyNone.NONE, ((PyTuple) ei).get(0));
        assertEquals("namespace(name='gilt', cache_tag=None, version=sys.version_info(major=0, minor=1, micro=0, "
                + "releaselevel='alpha', serial=0), hexversion=65696, _multiarch='x86_64-linux-gnu')",
                Ops.reprString(sys.get("implementation")));
        assertEquals("gilt", s(Ops.getAttr(sys.get("implementation"), "name")));
        assertEquals("sys.float_info(max=1.7976931348623157e+308, max_exp=1024", Ops.reprString(sys.get("float_info")).substring(0, 56));
        raises(PyExc.ValueError, "call stack is not deep enough", () -> call("sys", "_getframe", 100));
    }
}
