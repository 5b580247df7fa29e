package dev.gilt.interp.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilt.interp.bytecode.CodeBuilder.Loc;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyComplex;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dis-format renderer: constant reprs, argument display, offsets, EXTENDED_ARG, the table. */
class DisassemblerTest {
    @Test
    @DisplayName("float repr matches Python's shortest repr")
    void floats() {
        String[][] cases = {{"0.1", "0.1"}, {"1e16", "1e+16"}, {"1e15", "1000000000000000.0"}, {"1.5e-5", "1.5e-05"},
            {"0.0001", "0.0001"}, {"-0.0", "-0.0"}, {"1e300", "1e+300"}, {"123456789.123", "123456789.123"},
            {"2.5e-310", "2.5e-310"}, {"Infinity", "inf"}, {"3.0", "3.0"}};
        for (String[] c : cases) assertEquals(c[1], Disassembler.floatRepr(Double.parseDouble(c[0]), true), c[0]);
        assertEquals("nan", Disassembler.floatRepr(Double.NaN, true));
    }

    @Test
    @DisplayName("str, bytes, complex and tuple reprs match Python")
    void reprs() {
        assertEquals("'a\\\\b'", Disassembler.repr(PyStr.of("a\\b")));
        assertEquals("\"a'b\"", Disassembler.repr(PyStr.of("a'b")));
        assertEquals("'q\"\\'\\n\\t\\x01é\\u2028'", Disassembler.repr(PyStr.of("q\"'\n\t\u0001é\u2028")));
        assertEquals("'\\x7f\\x80ÿĀ😀\\U000e0001'", Disassembler.repr(PyStr.of("\u007f\u0080\u00ff\u0100\uD83D\uDE00\uDB40\uDC01")));
        assertEquals("b'\\\\\\'\"'", Disassembler.repr(PyBytes.of(new byte[] {'\\', '\'', '"'})));
        assertEquals("b'\\x00z\\n'", Disassembler.repr(PyBytes.of(new byte[] {0, 'z', '\n'})));
        assertEquals("1j", Disassembler.repr(PyComplex.of(0, 1)));
        assertEquals("(1-2j)", Disassembler.repr(PyComplex.of(1, -2)));
        assertEquals("(-0+1j)", Disassembler.repr(PyComplex.of(-0.0, 1)));
        assertEquals("-0j", Disassembler.repr(PyComplex.of(0, -0.0)));
        assertEquals("1e+16j", Disassembler.repr(PyComplex.of(0, 1e16)));
        assertEquals("(1, 2.5, None, ('x',), ())",
                Disassembler.repr(PyTuple.of(PyInt.of(1), PyFloat.of(2.5), PyNone.NONE, PyTuple.of(PyStr.intern("x")),
                        PyTuple.EMPTY)));
        assertEquals("1267650600228229401496703205376", Disassembler.repr(PyInt.of(BigInteger.TWO.pow(100))));
    }

    private static PyCode tiny(CodeBuilder b) {
        return FlowGraph.assemble(b, new FlowGraph.Unit("f", "f", "t.py", 1, 0, 0, 0, 0, new String[] {"x"},
                new String[0], new String[0], new String[0], null));
    }

    @Test
    @DisplayName("offsets count caches and EXTENDED_ARG prefixes as CPython 3.12 lays them out")
    void offsetsAndExtendedArg() {
        CodeBuilder b = new CodeBuilder();
        Loc l1 = new Loc(1, 1, 0, 5), l2 = new Loc(2, 2, 0, 5);
        b.emit(Opcode.RESUME, 0, new Loc(1, 1, 0, 0));
        b.emit(Opcode.LOAD_GLOBAL, 1, l1);
        b.emit(Opcode.CALL, 0, l1);
        b.emit(Opcode.POP_TOP, l1);
        b.emit(Opcode.LOAD_NAME, 299, l2);
        b.emit(Opcode.RETURN_VALUE, l2);
        String[] names = new String[300];
        for (int i = 0; i < names.length; i++) names[i] = "n" + i;
        names[0] = "x";
        PyCode c = FlowGraph.assemble(b, new FlowGraph.Unit("f", "f", "t.py", 1, 0, 0, 0, 0, names, new String[0],
                new String[0], new String[0], null));
        String expected = """
                  1           0 RESUME                   0
                              2 LOAD_GLOBAL              1 (NULL + x)
                             12 CALL                     0
                             20 POP_TOP

                  2          22 EXTENDED_ARG             1
                             24 LOAD_NAME              299 (n299)
                             26 RETURN_VALUE
                """;
        assertEquals(expected, Disassembler.render(c));
    }

    @Test
    @DisplayName("jump arguments are shown relative, compare ops in 3.12's encoding, and the exception table")
    void jumpsAndTable() {
        CodeBuilder b = new CodeBuilder();
        Loc l = new Loc(1, 1, 0, 1);
        CodeBuilder.Block handler = b.newBlock(), loop = b.newBlock(), done = b.newBlock();
        b.emit(Opcode.RESUME, 0, l);
        b.jump(CodeBuilder.SETUP_FINALLY, handler, l);
        b.use(loop);
        b.emit(Opcode.LOAD_GLOBAL, 0, l);
        b.emit(Opcode.LOAD_GLOBAL, 0, l);
        b.emit(Opcode.COMPARE_OP, Opcode.Compare.LT, l);
        b.jump(Opcode.POP_JUMP_IF_FALSE, done, l);
        b.jump(CodeBuilder.JUMP, loop, l);
        b.use(done);
        b.emitPseudo(CodeBuilder.POP_BLOCK, l);
        b.emit(Opcode.LOAD_CONST, b.consts.add(PyNone.NONE), l);
        b.emit(Opcode.RETURN_VALUE, l);
        b.use(handler);
        b.emit(Opcode.POP_TOP, l);
        b.emit(Opcode.LOAD_CONST, b.consts.add(PyNone.NONE), l);
        b.emit(Opcode.RETURN_VALUE, l);
        String expected = """
                  1           0 RESUME                   0
                        >>    2 LOAD_GLOBAL              0 (x)
                             12 LOAD_GLOBAL              0 (x)
                             22 COMPARE_OP               2 (<)
                             26 POP_JUMP_IF_FALSE        1 (to 30)
                             28 JUMP_BACKWARD           14 (to 2)
                        >>   30 RETURN_CONST             0 (None)
                        >>   32 POP_TOP
                             34 RETURN_CONST             0 (None)
                ExceptionTable:
                  2 to 28 -> 32 [0]
                """;
        assertEquals(expected, Disassembler.render(tiny(b)));
    }
}
