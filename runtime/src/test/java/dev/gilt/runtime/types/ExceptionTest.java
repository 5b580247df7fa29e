package dev.gilt.runtime.types;

import static dev.gilt.runtime.types.Py.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exception objects")
class ExceptionTest {
    @BeforeAll
    static void init() {
        Types.init();
    }

    private static boolean reprsWork() {
        return PyStr.TYPE.repr != PyType.OBJECT.repr;
    }

    @Test
    void strOfArgs() {
        assertEquals("", str(call(PyExc.ValueError)));
        assertEquals("x", str(call(PyExc.ValueError, s("x"))));
        assertEquals("ValueError()", repr(call(PyExc.ValueError)));
        assertEquals("TypeError: ValueError() takes no keyword arguments",
                raises(() -> Ops.call(PyExc.ValueError, new PyObject[] {i(1)}, PyTuple.of(PyStr.intern("x")))));
        if (reprsWork()) {
            assertEquals("ValueError('x')", repr(call(PyExc.ValueError, s("x"))));
            assertEquals("'a'", str(call(PyExc.KeyError, s("a"))));
            assertEquals("('x', 2)", str(call(PyExc.ValueError, s("x"), i(2))));
        }
        assertEquals("", str(call(PyExc.KeyError)));
    }

    @Test
    void userSubclassesKeepArgsAndDict() {
        PyType e = cls("E", ns("__init__", fn3("__init__", (s, self, a, b) -> {
            set(self, "a", a);
            return PyNone.NONE;
        })), PyExc.Exception);
        PyObject x = call(e, i(1), i(2));
        assertEquals(2, ((PyTuple) get(x, "args")).size());
        assertEquals(1, toLong(get(x, "a")));
        assertTrue(x instanceof PyBaseException);
        assertTrue(e.isSubtypeOf(PyExc.BaseException));
        PyType m = cls("MyE", ns("__str__", fn1("__str__", (s, self) -> PyStr.of("custom"))), PyExc.Exception);
        assertEquals("custom", str(call(m, i(1))));
        assertEquals("MyE()", repr(call(m)));
    }

    @Test
    void osErrorMapsErrnoAndFormats() {
        PyObject e = call(PyExc.OSError, i(2), s("No such file or directory"), s("x"));
        assertSame(PyExc.FileNotFoundError, e.type());
        assertEquals(2, toLong(get(e, "errno")));
        assertEquals("No such file or directory", str(get(e, "strerror")));
        assertEquals(2, ((PyTuple) get(e, "args")).size());
        if (reprsWork()) assertEquals("[Errno 2] No such file or directory: 'x'", str(e));
        assertSame(PyExc.PermissionError, call(PyExc.OSError, i(13), s("x")).type());
        assertSame(PyExc.FileExistsError, call(PyExc.OSError, i(17), s("x")).type());
        assertSame(PyExc.OSError, call(PyExc.OSError, i(9999), s("x")).type());
        if (reprsWork()) assertEquals("[Errno 9999] x", str(call(PyExc.OSError, i(9999), s("x"))));
        assertSame(PyNone.NONE, get(call(PyExc.OSError, s("a")), "errno"));
        PyException j = ExceptionTypes.osError(2, "No such file or directory", null);
        assertSame(PyExc.FileNotFoundError, j.exc.type());
    }

    @Test
    void familyAttributes() {
        assertEquals(5, toLong(get(call(PyExc.StopIteration, i(5)), "value")));
        assertSame(PyNone.NONE, get(call(PyExc.StopIteration), "value"));
        assertEquals(5, toLong(get(Errors.withArgs(PyExc.StopIteration, i(5)).exc, "value")));
        assertEquals(3, toLong(get(call(PyExc.SystemExit, i(3)), "code")));
        assertSame(PyNone.NONE, get(call(PyExc.SystemExit), "code"));
        PyObject ie = Ops.call(PyExc.ImportError, new PyObject[] {s("m"), s("n")}, PyTuple.of(PyStr.intern("name")));
        assertEquals("n", str(get(ie, "name")));
        assertEquals("m", str(get(ie, "msg")));
        assertEquals("m", str(ie));
        assertEquals("TypeError: 'foo' is an invalid keyword argument for ImportError()",
                raises(() -> Ops.call(PyExc.ImportError, new PyObject[] {i(1)}, PyTuple.of(PyStr.intern("foo")))));
        PyException ae = Errors.noAttribute(i(1000), "zz");
        assertEquals("zz", str(get(ae.exc, "name")));
        assertEquals(1000, toLong(get(ae.exc, "obj")));
    }

    @Test
    void syntaxErrorStrAndAttributes() {
        PyObject info = PyTuple.of(s("/a/b/x.py"), i(3), i(5), s("x = = 1\n"), i(3), i(6));
        PyObject e = call(PyExc.SyntaxError, s("invalid syntax"), info);
        assertEquals("invalid syntax (x.py, line 3)", str(e));
        assertEquals("invalid syntax", str(get(e, "msg")));
        assertEquals(5, toLong(get(e, "offset")));
        assertEquals(6, toLong(get(e, "end_offset")));
        assertEquals("m (line 4)", str(call(PyExc.SyntaxError, s("m"), PyTuple.of(PyNone.NONE, i(4), PyNone.NONE, PyNone.NONE))));
        assertEquals("m", str(call(PyExc.SyntaxError, s("m"))));
        assertEquals("TypeError: function takes at least 4 arguments (2 given)",
                raises(() -> call(PyExc.SyntaxError, s("m"), PyTuple.of(i(1), i(2)))));
        PyException j = ExceptionTypes.syntaxError(PyExc.IndentationError, "unexpected indent", "t.py", 2, 1, " x\n", 2, 2);
        assertEquals("unexpected indent (t.py, line 2)", str(j.exc));
    }

    @Test
    void unicodeErrorMessages() {
        PyObject ue = call(PyExc.UnicodeEncodeError, s("ascii"), s("é"), i(0), i(1), s("ordinal not in range(128)"));
        assertEquals("'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)", str(ue));
        PyObject ue2 = call(PyExc.UnicodeEncodeError, s("ascii"), s("éa"), i(0), i(2), s("x"));
        assertEquals("'ascii' codec can't encode characters in position 0-1: x", str(ue2));
        assertEquals("TypeError: function takes exactly 5 arguments (1 given)", raises(() -> call(PyExc.UnicodeDecodeError, s("x"))));
    }

    @Test
    void causeContextNotesAndArgs() {
        PyObject e = call(PyExc.ValueError, s("x"));
        assertEquals("TypeError: exception cause must be None or derive from BaseException",
                raises(() -> set(e, "__cause__", i(1))));
        assertEquals("TypeError: exception context must be None or derive from BaseException",
                raises(() -> set(e, "__context__", i(1))));
        assertEquals("TypeError: __traceback__ must be a traceback or None", raises(() -> set(e, "__traceback__", i(1))));
        assertSame(PyBool.FALSE, get(e, "__suppress_context__"));
        set(e, "__cause__", call(PyExc.KeyError));
        assertSame(PyBool.TRUE, get(e, "__suppress_context__"));
        assertEquals("TypeError: note must be a str, not 'int'", raises(() -> Ops.callMethod(e, "add_note", i(1))));
        Ops.callMethod(e, "add_note", s("n1"));
        PyObject notes = get(e, "__notes__");
        assertTrue(notes instanceof PyList);
        assertEquals("n1", str(((PyList) notes).get(0)));
        assertSame(e, Ops.callMethod(e, "with_traceback", PyNone.NONE));
        set(e, "args", PyTuple.of(i(1), i(2)));
        assertEquals(2, ((PyTuple) get(e, "args")).size());
        PyTuple red = (PyTuple) Ops.callMethod(e, "__reduce__");
        assertSame(PyExc.ValueError, red.get(0));
        assertTrue(red.get(2) instanceof PyDict);
        assertEquals("TypeError: multiple bases have instance lay-out conflict",
                raises(() -> cls("X", ns(), PyExc.OSError, PyExc.SyntaxError)));
        cls("Y", ns(), PyExc.ValueError, PyExc.KeyError); // compatible layouts
    }

    @Test
    void exceptionInstancesAreWeakReferenceableOnlyInSubclasses() {
        assertEquals("TypeError: cannot create weak reference to 'ValueError' object",
                raises(() -> PyWeakRef.ref(call(PyExc.ValueError), null)));
        PyType e = cls("E", ns(), PyExc.Exception);
        assertNotNull(PyWeakRef.ref(call(e), null));
        assertEquals(0, PyInt.of(0).value);
    }

    @Test
    void familyAttributesOfExceptionsBuiltWithoutInit() {
        PyObject os = Errors.withArgs(PyExc.FileNotFoundError, i(2), s("No such file or directory"), s("f")).exc;
        assertEquals(2, toLong(get(os, "errno")));
        assertEquals("f", str(get(os, "filename")));
        PyObject ue = Errors.withArgs(PyExc.UnicodeEncodeError, s("ascii"), s("é"), i(0), i(1), s("bad")).exc;
        assertEquals("ascii", str(get(ue, "encoding")));
        assertEquals("'ascii' codec can't encode character '\\xe9' in position 0: bad", str(ue));
        PyObject ie = Errors.withArgs(PyExc.ModuleNotFoundError, s("No module named 'x'")).exc;
        assertEquals("No module named 'x'", str(get(ie, "msg")));
        assertSame(PyNone.NONE, get(ie, "name"));
    }

    @Test
    void exceptionGroupsSplitAndDerive() {
        PyType beg = ExceptionGroups.BaseExceptionGroup, eg = ExceptionGroups.ExceptionGroup;
        assertArrayEquals(new PyType[] {eg, beg, PyExc.Exception, PyExc.BaseException, PyType.OBJECT}, eg.mro);
        dev.gilt.runtime.object.PyList excs = new dev.gilt.runtime.object.PyList();
        excs.append(call(PyExc.ValueError, i(1)));
        excs.append(call(PyExc.TypeError, i(2)));
        PyObject g = call(beg, s("msg"), excs);
        assertSame(eg, g.type()); // all Exceptions: BaseExceptionGroup picks ExceptionGroup
        assertEquals("msg (2 sub-exceptions)", str(g));
        assertEquals(2, ((PyTuple) get(g, "exceptions")).size());
        PyTuple parts = (PyTuple) Ops.callMethod(g, "split", PyExc.ValueError);
        assertEquals(1, ((PyTuple) get(parts.get(0), "exceptions")).size());
        assertSame(PyExc.ValueError, ((PyTuple) get(parts.get(0), "exceptions")).get(0).type());
        assertSame(PyExc.TypeError, ((PyTuple) get(parts.get(1), "exceptions")).get(0).type());
        assertSame(PyNone.NONE, Ops.callMethod(g, "subgroup", PyExc.KeyError));
        dev.gilt.runtime.object.PyList bad = new dev.gilt.runtime.object.PyList();
        bad.append(call(PyExc.KeyboardInterrupt));
        assertEquals("TypeError: Cannot nest BaseExceptions in an ExceptionGroup", raises(() -> call(eg, s("m"), bad)));
        assertSame(beg, call(beg, s("m"), bad).type());
        assertEquals("ValueError: second argument (exceptions) must be a non-empty sequence",
                raises(() -> call(eg, s("m"), new dev.gilt.runtime.object.PyList())));
        assertEquals("TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)",
                raises(() -> call(eg, s("m"))));
    }
}
