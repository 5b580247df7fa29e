package dev.gilt.interp.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.interp.bytecode.Disassembler;
import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.object.PyComplex;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of compiled code objects compared with CPython 3.12's: co_stacksize, the exception
 * table (as dis shows it: byte offsets, depth, lasti), flags, constants and names.
 */
class CodeShapeTest {
    static PyCode compile(String src) {
        return Compiler.compile(src, "x.py", Compiler.Mode.EXEC);
    }

    /** The first nested code object named {@code name}, depth first. */
    static PyCode find(PyCode c, String name) {
        if (c.name.equals(name)) return c;
        for (PyObject k : c.consts) {
            if (k instanceof PyCode n) {
                PyCode r = find(n, name);
                if (r != null) return r;
            }
        }
        return null;
    }

    /** The exception table as dis prints it: "start end target depth lasti" in byte offsets. */
    static List<String> table(PyCode c) {
        int[] off = Disassembler.offsets(c);
        List<String> out = new ArrayList<>();
        int[] t = c.exceptionTable;
        for (int i = 0; i < t.length; i += 5) {
            out.add(off[t[i]] + " " + off[t[i + 1]] + " " + off[t[i + 2]] + " " + t[i + 3] + " " + (t[i + 4] != 0));
        }
        return out;
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                Arguments.of("def f(a, b):\n    return g(a, b, h(a, b, c))\n", 9, List.of()),
                Arguments.of("def f(a, b, c):\n    return a < b < c\n", 3, List.of()),
                Arguments.of("def f(a):\n    with a as x:\n        return x\n", 6,
                        List.of("6 10 30 1 true", "30 40 48 3 true")),
                Arguments.of("def f(a):\n    try:\n        a()\n    except E as e:\n        return e\n", 4,
                        List.of("4 18 20 0 false", "20 38 62 1 true", "38 40 52 1 true", "40 42 62 1 true",
                                "52 62 62 1 true")),
                Arguments.of("def f(a):\n    try:\n        return a()\n    finally:\n        g()\n", 4,
                        List.of("4 16 38 0 false", "38 62 62 1 true")),
                Arguments.of("def f(a):\n    yield from a\n", 3,
                        List.of("4 16 32 0 true", "16 18 28 2 false", "18 30 32 0 true")),
                Arguments.of("def f(a):\n    x, *y, z = a\n    return x, y, z\n", 3, List.of()),
                Arguments.of("def f(a):\n    return {1: a, 2: a, **a, 3: [a, *a]}\n", 4, List.of()),
                Arguments.of("def f(a):\n    for i in a:\n        for j in i:\n            g(i, j)\n", 6, List.of()),
                Arguments.of("def f(a):\n    return sum(x for x in a)\n", 4, List.of()));
    }

    @ParameterizedTest
    @MethodSource("functions")
    @DisplayName("co_stacksize and the exception table equal CPython 3.12's")
    void stackAndTable(String src, int stacksize, List<String> expectedTable) {
        PyCode f = find(compile(src), "f");
        assertNotNull(f);
        assertEquals(stacksize, f.stacksize, "co_stacksize");
        // dis prints end-2; CPython's _parse_exception_table gives the exclusive end, as here.
        assertEquals(expectedTable, table(f), Disassembler.render(f));
    }

    @Test
    @DisplayName("constant folding: numbers, strings, tuples, __debug__, unary minus, subscripts")
    void folding() {
        PyCode c = compile("""
                a = 1 + 2 * 3
                b = -5
                c = 'ab' * 2 + 'c'
                d = (1, (2, -3.5), 'x')
                e = 2 ** 10
                f = 7 // -2, 7 % -2, -7.5 // 2
                g = __debug__
                h = 'abc'[1]
                i = 1j * 2 + 1
                k = ~0
                """);
        List<String> consts = new ArrayList<>();
        for (PyObject o : c.consts) consts.add(Disassembler.repr(o));
        assertEquals(List.of("7", "-5", "'ababc'", "(1, (2, -3.5), 'x')", "1024", "(-4, -1, -4.0)", "True", "'b'",
                "(1+2j)", "-1", "None"), consts);
        assertTrue(c.consts[7] instanceof PyStr s && s.isInterned(), "identifier-like constant strings are interned");
        assertTrue(c.consts[8] instanceof PyComplex);
        // the module only loads and stores constants
        for (int w : c.code) {
            Opcode op = Opcode.of(w);
            assertTrue(op == Opcode.RESUME || op == Opcode.LOAD_CONST || op == Opcode.STORE_NAME
                    || op == Opcode.RETURN_CONST, op.name());
        }
    }

    @Test
    @DisplayName("folding stops where CPython's does: large results, errors at run time")
    void noFolding() {
        PyCode c = compile("a = 2 ** 1000\nb = 1 / 0\nc = 'x' * 5000\nd = (1, 2) * 300\ne = 1 << 200\n");
        long binops = 0;
        for (int w : c.code) if (Opcode.of(w) == Opcode.BINARY_OP) binops++;
        assertEquals(5, binops);
    }

    @Test
    @DisplayName("-O drops asserts and folds __debug__ to False; -OO drops docstrings")
    void optimizeLevels() {
        String src = "def f():\n    'doc'\n    assert x\n    return __debug__\n";
        PyCode o0 = find(Compiler.compile(Ast(src), "x.py", Compiler.Mode.EXEC, 0, 0, src), "f");
        PyCode o1 = find(Compiler.compile(Ast(src), "x.py", Compiler.Mode.EXEC, 0, 1, src), "f");
        PyCode o2 = find(Compiler.compile(Ast(src), "x.py", Compiler.Mode.EXEC, 0, 2, src), "f");
        assertEquals("doc", ((PyStr) o0.doc).value);
        assertEquals("doc", ((PyStr) o1.doc).value);
        assertEquals(null, o2.doc);
        assertSame(PyNone.NONE, o2.consts[0]);
        assertTrue(hasOp(o0, Opcode.LOAD_ASSERTION_ERROR));
        assertTrue(!hasOp(o1, Opcode.LOAD_ASSERTION_ERROR));
        assertEquals("True", Disassembler.repr(o0.consts[o0.consts.length - 1]));
        assertEquals("False", Disassembler.repr(o1.consts[o1.consts.length - 1]));
    }

    private static dev.gilt.interp.parse.Ast.Mod Ast(String src) {
        return dev.gilt.interp.parse.Parser.parse(src, "x.py", dev.gilt.interp.parse.Parser.Mode.EXEC);
    }

    static boolean hasOp(PyCode c, Opcode op) {
        for (int w : c.code) if (Opcode.of(w) == op) return true;
        return false;
    }

    @Test
    @DisplayName("code object metadata: flags, argument counts, varnames, cells, freevars, qualnames")
    void metadata() {
        PyCode m = compile("""
                class C:
                    def m(self, a, /, b, *args, c, **kw):
                        def inner():
                            return a, __class__
                        return inner
                async def co(): await x
                async def ag(): yield 1
                def gen(): yield 1
                """);
        PyCode meth = find(m, "m"), inner = find(m, "inner");
        assertEquals("C.m", meth.qualname);
        assertEquals("C.m.<locals>.inner", inner.qualname);
        assertEquals(3, meth.argcount);
        assertEquals(2, meth.posonlyargcount);
        assertEquals(1, meth.kwonlyargcount);
        assertEquals(List.of("self", "a", "b", "c", "args", "kw", "inner"), List.of(meth.varnames));
        assertEquals(List.of("a"), List.of(meth.cellvars));
        assertEquals(List.of("__class__"), List.of(meth.freevars));
        assertEquals(List.of("__class__", "a"), List.of(inner.freevars));
        assertEquals(PyCode.CO_OPTIMIZED | PyCode.CO_NEWLOCALS | PyCode.CO_VARARGS | PyCode.CO_VARKEYWORDS, meth.flags);
        assertEquals(PyCode.CO_OPTIMIZED | PyCode.CO_NEWLOCALS | PyCode.CO_NESTED, inner.flags);
        assertEquals(PyCode.CO_COROUTINE, find(m, "co").flags & 0x3a0);
        assertEquals(PyCode.CO_ASYNC_GENERATOR, find(m, "ag").flags & 0x3a0);
        assertEquals(PyCode.CO_GENERATOR, find(m, "gen").flags & 0x3a0);
        PyCode cls = find(m, "C");
        assertEquals(List.of("__class__"), List.of(cls.cellvars));
        assertTrue(PyInt.of(0) == find(m, "gen").consts[1] || find(m, "gen").consts.length > 0);
        assertTrue(cls.consts[0] instanceof PyStr s && s.value.equals("C"), "qualname constant first in a class body");
        assertTrue(find(m, "co").consts[0] == PyNone.NONE, "a function without docstring has None first");
        assertTrue(m.consts.length > 0 && !(m.consts[0] instanceof PyFloat));
        assertTrue(PyTuple.EMPTY.size() == 0);
    }

    @Test
    @DisplayName("from __future__ import annotations: annotations become CPython's unparsed strings")
    void stringAnnotations() {
        PyCode m = compile("""
                from __future__ import annotations
                def f(a: List[int] | None, *b: tuple[int, ...], c: 'x' = 1) -> dict[str, (lambda q: q ** -2)(1)]:
                    pass
                """);
        List<String> consts = new ArrayList<>();
        for (PyObject o : m.consts) if (o instanceof PyTuple t && t.size() > 4) for (PyObject x : t.items) consts.add(((PyStr) x).value);
        assertEquals(List.of("a", "List[int] | None", "b", "tuple[int, ...]", "c", "'x'", "return",
                "dict[str, (lambda q: q ** (-2))(1)]"), consts);
        assertEquals(dev.gilt.interp.compile.Compiler.CO_FUTURE_ANNOTATIONS, m.flags & Compiler.CO_FUTURE_ANNOTATIONS);
        assertEquals(Compiler.CO_FUTURE_ANNOTATIONS, find(m, "f").flags & Compiler.CO_FUTURE_ANNOTATIONS,
                "nested code objects carry the future flag");
    }

    @Test
    @DisplayName("line table: every instruction has CPython's position; artificial ones follow their neighbours")
    void positions() {
        PyCode f = find(compile("def f(a):\n    x = g(a,\n          b)\n    return x.y\n"), "f");
        // CALL spans the whole call expression across lines
        int call = -1;
        for (int i = 0; i < f.code.length; i++) if (Opcode.of(f.code[i]) == Opcode.CALL) call = i;
        assertEquals(2, f.lines[call]);
        assertEquals(3, f.endLines[call]);
        assertEquals(8, f.cols[call]);
        assertEquals(12, f.endCols[call]);
        for (int i = 0; i < f.code.length; i++) assertTrue(f.lines[i] >= 1, "instruction " + i + " has a line");
    }
}
