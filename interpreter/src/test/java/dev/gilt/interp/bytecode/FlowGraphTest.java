package dev.gilt.interp.bytecode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.interp.bytecode.CodeBuilder.Block;
import dev.gilt.interp.bytecode.CodeBuilder.Loc;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The assembler's passes on hand-built graphs. */
class FlowGraphTest {
    private static final Loc L1 = new Loc(1, 1, 0, 1), L2 = new Loc(2, 2, 0, 1);

    private static PyCode assemble(CodeBuilder b, int flags) {
        return FlowGraph.assemble(b, new FlowGraph.Unit("f", "f", "t.py", 1, 0, 0, 0, flags, new String[] {"g"},
                new String[] {"x"}, new String[0], new String[0], null));
    }

    private static int none(CodeBuilder b) {
        return b.consts.add(PyNone.NONE);
    }

    @Test
    @DisplayName("a stack underflow is a compiler bug reported at assembly")
    void negativeDepth() {
        CodeBuilder b = new CodeBuilder();
        b.emit(Opcode.POP_TOP, L1);
        b.emit(Opcode.RETURN_CONST, none(b), L1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> assemble(b, 0));
        assertTrue(e.getMessage().contains("negative stack depth"), e.getMessage());
    }

    @Test
    @DisplayName("two paths reaching a block with different depths are rejected")
    void inconsistentDepth() {
        CodeBuilder b = new CodeBuilder();
        Block join = b.newBlock();
        b.emit(Opcode.LOAD_FAST, 0, L1);
        b.jump(Opcode.POP_JUMP_IF_TRUE, join, L1);
        b.emit(Opcode.LOAD_FAST, 0, L1);
        b.use(join);
        b.emit(Opcode.RETURN_CONST, none(b), L1);
        assertThrows(IllegalStateException.class, () -> assemble(b, 0));
    }

    @Test
    @DisplayName("code must end with a return or raise")
    void fallOffTheEnd() {
        CodeBuilder b = new CodeBuilder();
        b.emit(Opcode.NOP, L1);
        assertThrows(IllegalStateException.class, () -> assemble(b, 0));
    }

    @Test
    @DisplayName("stack depth, handler depth and lasti from SETUP_CLEANUP; cold handler moved to the end")
    void handlers() {
        CodeBuilder b = new CodeBuilder();
        Block handler = b.newBlock();
        b.emit(Opcode.RESUME, 0, L1);
        b.emit(Opcode.LOAD_FAST, 0, L1);
        b.jump(CodeBuilder.SETUP_CLEANUP, handler, L1);
        b.emit(Opcode.LOAD_FAST, 0, L1);
        b.emit(Opcode.LOAD_FAST, 0, L1);
        b.emit(Opcode.BINARY_OP, 0, L1);
        b.emitPseudo(CodeBuilder.POP_BLOCK, Loc.NONE);
        b.emit(Opcode.BINARY_OP, 0, L2);
        b.emit(Opcode.RETURN_VALUE, L2);
        b.use(handler);
        b.emit(Opcode.RERAISE, 1, Loc.NONE);
        PyCode c = assemble(b, 0);
        assertEquals(3, c.stacksize, "x + handler's lasti and exception");
        // [start, end) covers the two loads and the add; handler keeps 1 item, pushes lasti
        assertArrayEquals(new int[] {2, 5, 7, 1, 1}, c.exceptionTable);
        assertEquals(Opcode.RERAISE, Opcode.of(c.code[7]));
        assertEquals(-1, c.lines[7], "a handler reached only by exceptions keeps no line");
    }

    @Test
    @DisplayName("LOAD_CONST + RETURN_VALUE, constant conditions, jump threading, unreachable code removal")
    void peephole() {
        CodeBuilder b = new CodeBuilder();
        Block a = b.newBlock(), c = b.newBlock();
        b.emit(Opcode.RESUME, 0, L1);
        b.emit(Opcode.LOAD_CONST, b.consts.addSteal(PyInt.of(1)), L1);
        b.jump(Opcode.POP_JUMP_IF_FALSE, a, L1); // never taken: folded away
        b.jump(CodeBuilder.JUMP, c, L2);
        b.use(a);
        b.emit(Opcode.LOAD_FAST, 0, L2); // unreachable
        b.emit(Opcode.RETURN_VALUE, L2);
        b.use(c);
        b.emit(Opcode.LOAD_CONST, none(b), L2);
        b.emit(Opcode.RETURN_VALUE, L2);
        PyCode code = assemble(b, 0);
        String dis = Disassembler.render(code);
        assertEquals("""
                  1           0 RESUME                   0

                  2           2 RETURN_CONST             1 (None)
                """, dis);
    }

    @Test
    @DisplayName("generator prefix: MAKE_CELL and COPY_FREE_VARS before RETURN_GENERATOR / POP_TOP")
    void prefix() {
        CodeBuilder b = new CodeBuilder();
        b.emit(Opcode.RESUME, 0, L1);
        b.emit(Opcode.LOAD_DEREF, 0, L1);
        b.emit(Opcode.LOAD_DEREF, 1, L1);
        b.emit(Opcode.BINARY_OP, 0, L1);
        b.emit(Opcode.RETURN_VALUE, L1);
        PyCode c = FlowGraph.assemble(b, new FlowGraph.Unit("f", "f", "t.py", 1, 1, 0, 0, PyCode.CO_GENERATOR,
                new String[0], new String[] {"x"}, new String[] {"x"}, new String[] {"y"}, null));
        assertEquals(Opcode.COPY_FREE_VARS, Opcode.of(c.code[0]));
        assertEquals(Opcode.MAKE_CELL, Opcode.of(c.code[1]));
        assertEquals(0, Opcode.arg(c.code[1]), "cell x shares the parameter's slot");
        assertEquals(Opcode.RETURN_GENERATOR, Opcode.of(c.code[2]));
        assertEquals(Opcode.POP_TOP, Opcode.of(c.code[3]));
        assertEquals(0, Opcode.arg(c.code[5]), "cell x is localsplus slot 0");
        assertEquals(1, Opcode.arg(c.code[6]), "free variable y is localsplus slot 1");
        assertEquals(2, c.stacksize);
    }
}
