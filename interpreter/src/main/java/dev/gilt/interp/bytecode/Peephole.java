package dev.gilt.interp.bytecode;

import static dev.gilt.interp.bytecode.CodeBuilder.JUMP;

import dev.gilt.interp.bytecode.CodeBuilder.Block;
import dev.gilt.interp.bytecode.CodeBuilder.Instr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import java.util.List;

/**
 * Per-block rewrites that CPython 3.12's {@code optimize_basic_block} makes. Each rewrite keeps
 * the stack picture of the block unchanged and turns removed instructions into NOPs (which keep
 * their line number until the NOP pass decides whether the line still needs them).
 */
final class Peephole {
    private Peephole() {}

    private static final int LOAD_CONST = Opcode.LOAD_CONST.ordinal(), RETURN_VALUE = Opcode.RETURN_VALUE.ordinal(),
            POP_JUMP_IF_FALSE = Opcode.POP_JUMP_IF_FALSE.ordinal(), POP_JUMP_IF_TRUE = Opcode.POP_JUMP_IF_TRUE.ordinal(),
            POP_JUMP_IF_NONE = Opcode.POP_JUMP_IF_NONE.ordinal(),
            POP_JUMP_IF_NOT_NONE = Opcode.POP_JUMP_IF_NOT_NONE.ordinal(), IS_OP = Opcode.IS_OP.ordinal(),
            BUILD_TUPLE = Opcode.BUILD_TUPLE.ordinal(), UNPACK_SEQUENCE = Opcode.UNPACK_SEQUENCE.ordinal(),
            NOP = Opcode.NOP.ordinal(), SWAP = Opcode.SWAP.ordinal();

    static void optimizeBlock(Block b, ConstPool consts) {
        List<Instr> in = b.instrs;
        for (int i = 0; i < in.size(); i++) {
            Instr inst = in.get(i);
            Instr next = i + 1 < in.size() ? in.get(i + 1) : null;
            int nextOp = next == null ? NOP : next.op;
            int op = inst.op;
            if (op == LOAD_CONST) {
                PyObject c = consts.get(inst.arg);
                if (nextOp == POP_JUMP_IF_FALSE || nextOp == POP_JUMP_IF_TRUE) {
                    // Constant condition: the jump is either always or never taken.
                    boolean truth = ConstPool.isTrue(c);
                    inst.setNop();
                    if (truth == (nextOp == POP_JUMP_IF_TRUE)) next.op = JUMP;
                    else next.setNop();
                } else if (nextOp == IS_OP && c == PyNone.NONE && i + 2 < in.size()) {
                    // x is None / x is not None followed by a conditional jump.
                    Instr jump = in.get(i + 2);
                    boolean invert = next.arg != 0;
                    if (jump.op == POP_JUMP_IF_FALSE) invert = !invert;
                    else if (jump.op != POP_JUMP_IF_TRUE) continue;
                    inst.setNop();
                    next.setNop();
                    jump.op = invert ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
                } else if (nextOp == RETURN_VALUE) {
                    int arg = inst.arg;
                    inst.setNop();
                    next.op = Opcode.RETURN_CONST.ordinal();
                    next.arg = arg;
                    i++;
                }
            } else if (op == BUILD_TUPLE) {
                if (nextOp == UNPACK_SEQUENCE && next.arg == inst.arg) {
                    switch (inst.arg) {
                        case 1 -> {
                            inst.setNop();
                            next.setNop();
                            continue;
                        }
                        case 2, 3 -> {
                            inst.setNop();
                            next.op = SWAP;
                            continue;
                        }
                        default -> { }
                    }
                }
                foldTuple(in, i, consts);
            } else if (CodeBuilder.isJump(op) && op != Opcode.FOR_ITER.ordinal() && op != Opcode.SEND.ordinal()) {
                // Jump threading: a jump to an unconditional jump goes straight to its target.
                boolean conditional = !CodeBuilder.isUnconditionalJump(op);
                if (conditional || op == JUMP) {
                    Instr t = inst.target.instrs.isEmpty() ? null : inst.target.instrs.get(0);
                    if (t != null && t.op == JUMP && inst.target != t.target
                            && (inst.loc.line() == t.loc.line() || t.loc.line() == -1)) {
                        inst.target = t.target;
                        i--;
                    }
                }
            }
        }
    }

    /** {@code LOAD_CONST a; ...; LOAD_CONST z; BUILD_TUPLE n} becomes one tuple constant. */
    private static void foldTuple(List<Instr> in, int i, ConstPool consts) {
        Instr build = in.get(i);
        int n = build.arg;
        if (n == 0 || i < n) return;
        PyObject[] items = new PyObject[n];
        for (int k = 0; k < n; k++) {
            Instr load = in.get(i - n + k);
            if (load.op != LOAD_CONST) return;
            items[k] = consts.get(load.arg);
        }
        for (int k = 0; k < n; k++) in.get(i - n + k).setNop();
        build.op = LOAD_CONST;
        build.arg = consts.addSteal(PyTuple.of(items));
    }
}
