package dev.gilt.runtime.builtins;

import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.io.TextSink;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.TypeSlots;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The builtins module (messages checked against CPython)")
class BuiltinsTest {
    static PyModule b;

    @BeforeAll
    static void create() {
        b = Builtins.create(null);
    }

    static PyObject f(String name) {
        PyObject v = b.get(name);
        assertNotNull(v, name);
        return v;
    }

    static PyObject call(String name, PyObject... args) {
        return Ops.call(f(name), args);
    }

    static PyObject callKw(String name, PyObject[] args, String... kwnames) {
        PyObject[] names = new PyObject[kwnames.length];
        for (int k = 0; k < kwnames.length; k++) names[k] = PyStr.intern(kwnames[k]);
        return Ops.call(f(name), args, kwnames.length == 0 ? null : PyTuple.of(names));
    }

    static String raises(Runnable r) {
        try {
            r.run();
        } catch (PyException e) {
            String m = Ops.strString(e.exc);
            return TypeSlots.shortName(e.exc.type()) + (m.isEmpty() ? "" : ": " + m);
        }
        throw new AssertionError("no exception raised");
    }

    static PyInt i(long v) {
        return PyInt.of(v);
    }

    static PyStr s(String v) {
        return PyStr.of(v);
    }

    static boolean numbersWork() {
        return PyInt.TYPE.nb[Ops.NB_ADD] != null && PyInt.TYPE.richcompare != PyType.OBJECT.richcompare;
    }

    @Test
    void namesArePresent() {
        for (String n : new String[] {"object", "type", "int", "bool", "float", "str", "tuple", "list", "dict",
            "property", "staticmethod", "classmethod", "super", "None", "True", "False", "Ellipsis", "NotImplemented",
            "__debug__", "print", "input", "len", "abs", "all", "any", "ascii", "bin", "oct", "hex", "callable", "chr",
            "ord", "divmod", "format", "getattr", "setattr", "hasattr", "delattr", "hash", "id", "isinstance",
            "issubclass", "iter", "next", "max", "min", "sum", "round", "pow", "sorted", "repr", "vars", "dir",
            "globals", "locals", "exec", "eval", "compile", "__import__", "__build_class__", "open", "breakpoint",
            "help", "exit", "quit", "copyright", "credits", "license", "ValueError", "BaseException", "OSError",
            "IOError", "EnvironmentError", "StopIteration", "KeyboardInterrupt"}) {
            assertNotNull(b.get(n), n);
        }
        assertSame(PyExc.OSError, b.get("IOError"));
        assertEquals("<built-in function len>", Ops.reprString(f("len")));
    }

    @Test
    void charactersAndRadix() {
        assertEquals("a", Ops.strString(call("chr", i(97))));
        assertEquals("ValueError: chr() arg not in range(0x110000)", raises(() -> call("chr", i(0x110000))));
        assertEquals(233, ((PyInt) call("ord", s("é"))).value);
        assertEquals(0x1f600, ((PyInt) call("ord", s("\ud83d\ude00"))).value);
        assertEquals("TypeError: ord() expected a character, but string of length 2 found", raises(() -> call("ord", s("ab"))));
        assertEquals("TypeError: ord() expected string of length 1, but int found", raises(() -> call("ord", i(1))));
        assertEquals("0xff", Ops.strString(call("hex", i(255))));
        assertEquals("-0b101", Ops.strString(call("bin", i(-5))));
        assertEquals("0o10", Ops.strString(call("oct", i(8))));
        assertEquals("'\\xe9\\n'", ReflectBuiltins.ascii("'\u00e9\\n'"));
        assertEquals("TypeError: len() takes exactly one argument (0 given)", raises(() -> call("len")));
    }

    @Test
    void attributes() {
        PyObject o = Ops.call(PyType.OBJECT);
        assertEquals("AttributeError: 'int' object has no attribute 'x'", raises(() -> call("getattr", i(1000), s("x"))));
        assertEquals(5, ((PyInt) call("getattr", i(1000), s("x"), i(5))).value);
        assertEquals("TypeError: getattr expected at least 2 arguments, got 1", raises(() -> call("getattr", i(1))));
        assertEquals("TypeError: attribute name must be string, not 'int'", raises(() -> call("getattr", i(1), i(2))));
        assertSame(PyBool.FALSE, call("hasattr", o, s("x")));
        assertSame(PyBool.TRUE, call("hasattr", o, s("__class__")));
        assertEquals("AttributeError: 'object' object has no attribute 'x'", raises(() -> call("setattr", o, s("x"), i(1))));
        assertEquals("TypeError: setattr expected 3 arguments, got 2", raises(() -> call("setattr", o, s("x"))));
        assertSame(PyBool.TRUE, call("callable", f("len")));
        assertSame(PyBool.FALSE, call("callable", i(1)));
        assertEquals("TypeError: vars() argument must have __dict__ attribute", raises(() -> call("vars", i(1))));
        assertEquals("TypeError: bad operand type for abs(): 'str'", raises(() -> call("abs", s("a"))));
    }

    @Test
    void isinstanceAndIssubclass() {
        assertSame(PyBool.TRUE, call("isinstance", i(1000), PyInt.TYPE));
        assertSame(PyBool.TRUE, call("isinstance", PyBool.TRUE, PyInt.TYPE));
        assertSame(PyBool.TRUE, call("isinstance", i(1), PyTuple.of(PyStr.TYPE, PyTuple.of(PyInt.TYPE))));
        assertSame(PyBool.FALSE, call("isinstance", i(1), PyTuple.of(PyStr.TYPE)));
        assertEquals("TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union",
                raises(() -> call("isinstance", i(1), i(1))));
        assertEquals("TypeError: isinstance expected 2 arguments, got 1", raises(() -> call("isinstance", i(1))));
        assertSame(PyBool.TRUE, call("issubclass", PyBool.TYPE, PyInt.TYPE));
        assertEquals("TypeError: issubclass() arg 1 must be a class", raises(() -> call("issubclass", i(1), PyInt.TYPE)));
        assertEquals("TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union",
                raises(() -> call("issubclass", PyInt.TYPE, i(1))));
        PyObject union = Ops.binaryOp(Ops.NB_OR, PyInt.TYPE, PyStr.TYPE);
        assertEquals("int | str", Ops.reprString(union));
        assertSame(PyBool.TRUE, call("isinstance", s("x"), union));
        assertEquals("int | None", Ops.reprString(Ops.binaryOp(Ops.NB_OR, PyInt.TYPE, PyNone.NONE)));
        // a metaclass __instancecheck__ decides
        PyType meta = (PyType) Ops.call(PyType.TYPE, s("Meta"), PyTuple.of(PyType.TYPE), new PyDict());
        meta.dict.setItem(PyStr.intern("__instancecheck__"), PyBuiltinStub.ALWAYS_TRUE);
        PyType a = (PyType) Ops.call(meta, s("A"), PyTuple.EMPTY, new PyDict());
        assertSame(PyBool.TRUE, call("isinstance", i(5), a));
    }

    @Test
    void minMaxAndSum() {
        org.junit.jupiter.api.Assumptions.assumeTrue(numbersWork(), "needs int arithmetic (numbers room)");
        PyList l = new PyList();
        l.append(i(3));
        l.append(i(1));
        l.append(i(2));
        assertEquals(3, ((PyInt) call("max", l)).value);
        assertEquals(1, ((PyInt) call("min", l)).value);
        assertEquals(3, ((PyInt) call("max", i(1), i(3), i(2))).value);
        assertEquals("ValueError: max() iterable argument is empty", raises(() -> call("max", new PyList())));
        assertEquals(7, ((PyInt) callKw("max", new PyObject[] {new PyList(), i(7)}, "default")).value);
        assertEquals("TypeError: Cannot specify a default for max() with multiple positional arguments",
                raises(() -> callKw("max", new PyObject[] {i(1), i(2), i(3)}, "default")));
        assertEquals("TypeError: 'foo' is an invalid keyword argument for max()",
                raises(() -> callKw("max", new PyObject[] {i(1), i(2), i(3)}, "foo")));
        assertEquals("TypeError: max expected at least 1 argument, got 0", raises(() -> call("max")));
        assertEquals(6, ((PyInt) call("sum", l)).value);
        assertEquals(16, ((PyInt) call("sum", l, i(10))).value);
        PyList fl = new PyList();
        for (int k = 0; k < 10; k++) fl.append(PyFloat.of(0.1));
        assertEquals(1.0, ((PyFloat) call("sum", fl)).value); // 3.12's compensated summation
        PyList big = new PyList();
        big.append(i(1));
        big.append(PyFloat.of(1e100));
        big.append(i(1));
        big.append(PyFloat.of(-1e100));
        assertEquals(0.0, ((PyFloat) call("sum", big)).value); // as CPython 3.12: the ints are not compensated
        PyList mixed = new PyList();
        mixed.append(PyFloat.of(1e100));
        mixed.append(PyFloat.of(1.0));
        mixed.append(PyFloat.of(-1e100));
        assertEquals(1.0, ((PyFloat) call("sum", mixed)).value);
        assertEquals("TypeError: sum() can't sum strings [use ''.join(seq) instead]", raises(() -> call("sum", l, s(""))));
        assertEquals("TypeError: sum() takes at least 1 positional argument (0 given)", raises(() -> call("sum")));
    }

    @Test
    void nextIterAndStopIteration() {
        PyList l = new PyList();
        l.append(i(1));
        org.junit.jupiter.api.Assumptions.assumeTrue(PyList.TYPE.iter != null, "needs list iteration (containers)");
        PyObject it = call("iter", l);
        assertEquals(1, ((PyInt) call("next", it)).value);
        assertEquals("StopIteration", raises(() -> call("next", it)));
        assertEquals(5, ((PyInt) call("next", it, i(5))).value);
        assertEquals("TypeError: 'int' object is not an iterator", raises(() -> call("next", i(1))));
        assertEquals("TypeError: iter(object, sentinel): object must be callable", raises(() -> call("iter", i(1), i(2))));
    }

    @Test
    void printWritesToATextSinkInOneCall() {
        Interp in = Interp.init();
        StringBuilder out = new StringBuilder();
        int[] writes = {0};
        PyModule sys = new PyModule("sys");
        sys.setSteal("stdout", new SinkObject(s2 -> {
            out.append(s2);
            writes[0]++;
        }));
        in.modules.setItem(PyStr.intern("sys"), sys);
        try {
            call("print", s("a"), s("b"));
            callKw("print", new PyObject[] {s("x"), s("-"), s("!")}, "sep", "end");
            assertEquals("a b\nx!", out.toString());
            assertEquals(2, writes[0]);
            assertEquals("TypeError: sep must be None or a string, not int",
                    raises(() -> callKw("print", new PyObject[] {i(1)}, "sep")));
            assertEquals("TypeError: 'foo' is an invalid keyword argument for print()",
                    raises(() -> callKw("print", new PyObject[] {i(1)}, "foo")));
        } finally {
            in.modules.delItem(PyStr.intern("sys"));
        }
    }

    @Test
    void exitAndSiteObjects() {
        assertEquals("Use exit() or Ctrl-D (i.e. EOF) to exit", Ops.reprString(f("exit")));
        assertEquals("Use quit() or Ctrl-D (i.e. EOF) to exit", Ops.reprString(f("quit")));
        try {
            call("exit", i(3));
            fail();
        } catch (PyException e) {
            assertSame(PyExc.SystemExit, e.exc.type());
            assertEquals(3, ((PyInt) Ops.getAttr(e.exc, "code")).value);
        }
        assertEquals("Type help() for interactive help, or help(object) for help about object.", Ops.reprString(f("help")));
        assertEquals("TypeError: exec() arg 1 must be a string, bytes or code object",
                raises(() -> {
                    Interp in = Interp.init();
                    in.hooks = new dev.gilt.runtime.builtins.StubHooksForBuiltins();
                    try {
                        call("exec", i(1), new PyDict());
                    } finally {
                        in.hooks = null;
                    }
                }));
        assertEquals("TypeError: __build_class__: not enough arguments", raises(() -> call("__build_class__")));
        assertEquals("TypeError: round() missing required argument 'number' (pos 1)", raises(() -> call("round")));
        assertEquals("TypeError: type str doesn't define __round__ method", raises(() -> call("round", s("a"))));
        assertEquals("TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'",
                raises(() -> call("divmod", s("a"), i(2))));
        RefCount.incref(PyNone.NONE);
    }

    /** A stand-in for the stdlib's sys.stdout. */
    static final class SinkObject extends PyObject implements TextSink {
        static final PyType TYPE = PyType.builtin("_Sink", SinkObject.class);
        final java.util.function.Consumer<String> target;

        SinkObject(java.util.function.Consumer<String> target) {
            this.target = target;
        }

        @Override
        public void write(String s) {
            target.accept(s);
        }

        @Override
        public void flush() {}

        @Override
        public PyType type() {
            return TYPE;
        }
    }
}
