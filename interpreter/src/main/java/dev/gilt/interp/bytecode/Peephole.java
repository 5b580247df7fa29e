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
            NOP = Opcode.NOP.ordinal(), SWAP = Opcode.SWAP.ordinal(), PUSH_NULL = Opcode.PUSH_NULL.ordinal(),
            LOAD_GLOBAL = Opcode.LOAD_GLOBAL.ordinal();

    static void optimizeBlock(Block b, ConstPool consts) {
        List<Instr> in = b.instrs;
        for (int i = 0; i < in.size(); i++) {
            Instr inst = in.get(i);
            Instr next = i + 1 < in.size() ? in.get(i + 1) : null;
            int nextOp = next == null ? NOP : next.op;
            int op = inst.op;
            if (op == PUSH_NULL && nextOp == LOAD_GLOBAL && (next.arg & 1) == 0) {
                // The NULL of a plain call is pushed by LOAD_GLOBAL's low bit.
                inst.setNop();
                next.arg |= 1;
            } else if (op == LOAD_CONST) {
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
            } else if (op == SWAP) {
                if (inst.arg == 1) {
                    inst.setNop();
                } else {
                    i = swaptimize(in, i);
                    applyStaticSwaps(in, i);
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

    /**
     * Replaces a run of SWAPs (and NOPs) starting at {@code ix} with the fewest SWAPs that have
     * the same effect; returns the index of the run's last instruction.
     */
    private static int swaptimize(List<Instr> in, int ix) {
        int depth = in.get(ix).arg;
        int len = 0;
        boolean more = false;
        int limit = in.size() - ix;
        while (++len < limit) {
            Instr x = in.get(ix + len);
            if (x.op == SWAP) {
                depth = Math.max(depth, x.arg);
                more = true;
            } else if (x.op != NOP) {
                break;
            }
        }
        if (!more) return ix;
        int[] stack = new int[depth];
        for (int k = 0; k < depth; k++) stack[k] = k;
        for (int k = 0; k < len; k++) {
            Instr x = in.get(ix + k);
            if (x.op == SWAP) {
                int top = stack[0];
                stack[0] = stack[x.arg - 1];
                stack[x.arg - 1] = top;
            }
        }
        // Un-shuffle cycle by cycle, writing the swaps from the end of the run backwards.
        final int visited = -1;
        int current = len - 1;
        for (int k = 0; k < depth; k++) {
            if (stack[k] == visited || stack[k] == k) continue;
            int j = k;
            while (true) {
                if (j != 0) {
                    Instr x = in.get(ix + current--);
                    x.op = SWAP;
                    x.arg = j + 1;
                    x.target = null;
                }
                if (stack[j] == visited) break;
                int next = stack[j];
                stack[j] = visited;
                j = next;
            }
        }
        while (current >= 0) in.get(ix + current--).setNop();
        return ix + len - 1;
    }

    private static boolean swappable(int op) {
        return op == Opcode.STORE_FAST.ordinal() || op == Opcode.POP_TOP.ordinal();
    }

    private static int storesTo(Instr x) {
        return x.op == Opcode.STORE_FAST.ordinal() ? x.arg : -1;
    }

    private static int nextSwappable(List<Instr> in, int i, int line) {
        while (++i < in.size()) {
            Instr x = in.get(i);
            // Reordering across lines would change the names bound between line events.
            if (line >= 0 && x.loc.line() != line) return -1;
            if (x.op == NOP) continue;
            if (swappable(x.op)) return i;
            return -1;
        }
        return -1;
    }

    /**
     * Applies SWAPs statically by exchanging the stores that follow them: {@code SWAP 2;
     * STORE_FAST a; STORE_FAST b} becomes {@code STORE_FAST b; STORE_FAST a}.
     */
    private static void applyStaticSwaps(List<Instr> in, int i) {
        for (; i >= 0; i--) {
            Instr swap = in.get(i);
            if (swap.op != SWAP) {
                if (swap.op == NOP || swappable(swap.op)) continue;
                return;
            }
            int j = nextSwappable(in, i, -1);
            if (j < 0) return;
            int k = j;
            int line = in.get(j).loc.line();
            for (int count = swap.arg - 1; count > 0; count--) {
                k = nextSwappable(in, k, line);
                if (k < 0) return;
            }
            int sj = storesTo(in.get(j)), sk = storesTo(in.get(k));
            if (sj >= 0 || sk >= 0) {
                if (sj == sk) return;
                for (int idx = j + 1; idx < k; idx++) {
                    int s = storesTo(in.get(idx));
                    if (s >= 0 && (s == sj || s == sk)) return;
                }
            }
            swap.setNop();
            Instr t = in.get(j);
            in.set(j, in.get(k));
            in.set(k, t);
        }
    }

    /** {@code LOAD_CONST a; ...; LOAD_CONST z; BUILD_TUPLE n} becomes one tuple constant. */
    private static void foldTuple(List<Instr> in, int i, ConstPool consts) {
        Instr build = in.get(i);
        int n = build.arg;
        if (i < n) return;
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
