package dev.gilt.interp.bytecode;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the instructions of one code object as a control-flow graph of basic blocks, the way
 * CPython 3.12's compiler does, and hands them to {@link FlowGraph} for optimisation and assembly.
 *
 * <p>The compiler emits into the current block; {@link #use} starts a labelled block (a jump
 * target) after the current one. Jumps name their target block. Besides real {@link Opcode}s the
 * builder accepts <em>pseudo instructions</em> (numbers from {@link #PSEUDO_BASE}) that exist only
 * until assembly:
 * <ul>
 *   <li>{@link #SETUP_FINALLY}, {@link #SETUP_CLEANUP}, {@link #SETUP_WITH} push an exception
 *       handler (the target) for the instructions that follow; {@link #POP_BLOCK} pops it. They
 *       become the exception table and vanish (NOP). At the handler the stack holds what it held at
 *       the SETUP (minus the top item for SETUP_WITH), then for CLEANUP/WITH the raising
 *       instruction's index ("lasti"), then the exception.
 *   <li>{@link #JUMP} and {@link #JUMP_NO_INTERRUPT} become JUMP_FORWARD / JUMP_BACKWARD /
 *       JUMP_BACKWARD_NO_INTERRUPT once the layout is known.
 * </ul>
 *
 * <p>Not thread-safe; one builder per code object under construction.
 */
public final class CodeBuilder {
    public static final int PSEUDO_BASE = 256;
    public static final int SETUP_FINALLY = 256, SETUP_CLEANUP = 257, SETUP_WITH = 258, POP_BLOCK = 259, JUMP = 260,
            JUMP_NO_INTERRUPT = 261;
    private static final String[] PSEUDO_NAMES = {"SETUP_FINALLY", "SETUP_CLEANUP", "SETUP_WITH", "POP_BLOCK", "JUMP",
        "JUMP_NO_INTERRUPT"};

    /**
     * A source span: 1-based lines, 0-based columns, end column exclusive; -1 when unknown. A
     * negative {@code line} means "no location yet": the assembler gives the instruction the
     * location of its predecessor where CPython does.
     */
    public record Loc(int line, int endLine, int col, int endCol) {
        public static final Loc NONE = new Loc(-1, -1, -1, -1);

        public boolean isNone() {
            return line < 0;
        }
    }

    /** One instruction: an opcode (real or pseudo), its argument, its jump target, its location. */
    public static final class Instr {
        public int op;
        public int arg;
        public Block target;
        public Loc loc;
        /** The exception handler covering this instruction (computed by the assembler). */
        Block handler;

        Instr(int op, int arg, Block target, Loc loc) {
            this.op = op;
            this.arg = arg;
            this.target = target;
            this.loc = loc;
        }

        Instr copy() {
            Instr i = new Instr(op, arg, target, loc);
            i.handler = handler;
            return i;
        }

        void setNop() {
            op = Opcode.NOP.ordinal();
            arg = 0;
            target = null;
        }

        @Override
        public String toString() {
            return opName(op) + " " + arg + (target != null ? " -> B" + target.id : "") + " @" + loc.line;
        }
    }

    /** A basic block: straight-line instructions, entered at the top only. */
    public static final class Block {
        final int id;
        final List<Instr> instrs = new ArrayList<>();
        /** The next block in layout order (fallthrough successor unless the last instruction jumps away). */
        Block next;
        // analysis state, owned by FlowGraph
        boolean visited, exceptHandler, preserveLasti, warm, cold;
        int predecessors;
        int startDepth = Integer.MIN_VALUE;
        java.util.ArrayDeque<Block> exceptStack;
        int offset;

        Block(int id) {
            this.id = id;
        }

        Instr last() {
            return instrs.isEmpty() ? null : instrs.get(instrs.size() - 1);
        }

        boolean isEmpty() {
            return instrs.isEmpty();
        }

        @Override
        public String toString() {
            return "B" + id + instrs;
        }
    }

    final Block entry;
    private Block current;
    private int nextId;
    /** The constants; the compiler adds to it directly, the optimiser folds into it. */
    public final ConstPool consts = new ConstPool();

    public CodeBuilder() {
        entry = new Block(nextId++);
        current = entry;
    }

    /** A new block, not yet placed; place it with {@link #use}. */
    public Block newBlock() {
        return new Block(nextId++);
    }

    /** Places {@code b} after the current block and makes it current. */
    public void use(Block b) {
        if (b == current) return;
        if (b.next != null || b == entry) throw new IllegalStateException("block placed twice: B" + b.id);
        current.next = b;
        current = b;
    }

    /** True if control cannot fall off the end of the current block (it ends in a terminator). */
    public boolean currentTerminated() {
        Instr l = current.last();
        return l != null && isUnconditional(l.op);
    }

    public void emit(Opcode op, int arg, Loc loc) {
        add(new Instr(op.ordinal(), arg, null, loc));
    }

    public void emit(Opcode op, Loc loc) {
        add(new Instr(op.ordinal(), 0, null, loc));
    }

    /** Emits a pseudo instruction without target ({@link #POP_BLOCK}). */
    public void emitPseudo(int op, Loc loc) {
        add(new Instr(op, 0, null, loc));
    }

    /** Emits a jump (real or pseudo opcode number) or a SETUP_* pseudo instruction. */
    public void jump(int op, Block target, Loc loc) {
        if (target == null) throw new IllegalArgumentException("null jump target");
        add(new Instr(op, 0, target, loc));
    }

    public void jump(Opcode op, Block target, Loc loc) {
        jump(op.ordinal(), target, loc);
    }

    private void add(Instr i) {
        Instr l = current.last();
        if (l != null && endsBlock(l.op)) {
            // After a jump or an exit, instructions start a new (possibly unreachable) block.
            Block b = newBlock();
            use(b);
        }
        current.instrs.add(i);
    }

    // ---- opcode classification ----------------------------------------------------------------

    static boolean isPseudo(int op) {
        return op >= PSEUDO_BASE;
    }

    static boolean isSetup(int op) {
        return op == SETUP_FINALLY || op == SETUP_CLEANUP || op == SETUP_WITH;
    }

    /** Real or pseudo jump (not SETUP_*). */
    static boolean isJump(int op) {
        return op == JUMP || op == JUMP_NO_INTERRUPT || (!isPseudo(op) && Opcode.of(op).isJump());
    }

    static boolean isUnconditionalJump(int op) {
        return op == JUMP || op == JUMP_NO_INTERRUPT || op == Opcode.JUMP_FORWARD.ordinal()
                || op == Opcode.JUMP_BACKWARD.ordinal() || op == Opcode.JUMP_BACKWARD_NO_INTERRUPT.ordinal();
    }

    static boolean isScopeExit(int op) {
        return op == Opcode.RETURN_VALUE.ordinal() || op == Opcode.RETURN_CONST.ordinal()
                || op == Opcode.RAISE_VARARGS.ordinal() || op == Opcode.RERAISE.ordinal();
    }

    /** No fallthrough to the next instruction. */
    static boolean isUnconditional(int op) {
        return isUnconditionalJump(op) || isScopeExit(op);
    }

    /** Instructions after which the builder starts a new block. */
    static boolean endsBlock(int op) {
        return isJump(op) || isScopeExit(op);
    }

    public static String opName(int op) {
        return isPseudo(op) ? PSEUDO_NAMES[op - PSEUDO_BASE] : Opcode.of(op).name();
    }

    /** Stack effect of a real or pseudo instruction. */
    static int stackEffect(int op, int arg, boolean jump) {
        switch (op) {
            case SETUP_FINALLY:
                return jump ? 1 : 0;
            case SETUP_CLEANUP:
                return jump ? 2 : 0;
            case SETUP_WITH:
                return jump ? 1 : 0;
            case POP_BLOCK, JUMP, JUMP_NO_INTERRUPT:
                return 0;
            default:
                return Opcode.of(op).stackEffect(arg, jump);
        }
    }

    /** Debug listing of the blocks in layout order. */
    public String dump() {
        StringBuilder sb = new StringBuilder();
        for (Block b = entry; b != null; b = b.next) {
            sb.append("B").append(b.id).append(":\n");
            for (Instr i : b.instrs) sb.append("  ").append(i).append('\n');
        }
        return sb.toString();
    }
}
