package dev.gilt.interp.bytecode;

import static dev.gilt.interp.bytecode.CodeBuilder.JUMP;
import static dev.gilt.interp.bytecode.CodeBuilder.JUMP_NO_INTERRUPT;
import static dev.gilt.interp.bytecode.CodeBuilder.POP_BLOCK;
import static dev.gilt.interp.bytecode.CodeBuilder.SETUP_FINALLY;
import static dev.gilt.interp.bytecode.CodeBuilder.isJump;
import static dev.gilt.interp.bytecode.CodeBuilder.isScopeExit;
import static dev.gilt.interp.bytecode.CodeBuilder.isSetup;
import static dev.gilt.interp.bytecode.CodeBuilder.isUnconditional;
import static dev.gilt.interp.bytecode.CodeBuilder.isUnconditionalJump;

import dev.gilt.interp.bytecode.CodeBuilder.Block;
import dev.gilt.interp.bytecode.CodeBuilder.Instr;
import dev.gilt.interp.bytecode.CodeBuilder.Loc;
import dev.gilt.runtime.object.PyObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link CodeBuilder}'s control-flow graph into a {@link PyCode}, with the passes of
 * CPython 3.12's flowgraph and assembler, in the same order so that the layout, line numbers and
 * exception table come out the same:
 * <ol>
 *   <li>label exception targets: which handler covers each instruction (from SETUP_* / POP_BLOCK);
 *   <li>optimise: inline small exit blocks, peephole per block (constant conditions, RETURN_CONST,
 *       tuple folding, jump threading), drop unreachable blocks, redundant NOPs and jumps;
 *   <li>drop unused constants; move cold blocks (reached only from exception handlers) to the end;
 *   <li>resolve line numbers (duplicate exits without a line, propagate to single-predecessor
 *       successors, using the predecessor counts of the reachability pass as CPython does);
 *   <li>prefix instructions (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR/POP_TOP), cell offsets;
 *   <li>stack depth; pseudo instructions to NOPs; jump directions (backward conditional jumps
 *       become an inverted forward jump plus JUMP_BACKWARD, as in 3.12);
 *   <li>flatten: instruction words, positions, exception table.
 * </ol>
 */
public final class FlowGraph {
    /** Largest exit block copied into each jump that reaches it (CPython's MAX_COPY_SIZE). */
    private static final int MAX_COPY_SIZE = 4;

    /** What the assembler needs besides the instructions. */
    public record Unit(String name, String qualname, String filename, int firstlineno, int argcount,
            int posonlyargcount, int kwonlyargcount, int flags, String[] names, String[] varnames,
            String[] cellvars, String[] freevars, PyObject doc) {}

    private Block entry;
    private final ConstPool consts;
    private int nextId = 1_000_000;

    /** {@code -Dgilt.cfgdump=true} prints the graph around the layout passes (to stderr). */
    private static final boolean DEBUG = Boolean.getBoolean("gilt.cfgdump");

    private String dump() {
        StringBuilder sb = new StringBuilder();
        for (Block b = entry; b != null; b = b.next) {
            sb.append("B").append(b.id).append(b.cold ? " cold" : "").append(" preds=").append(b.predecessors).append('\n');
            for (Instr i : b.instrs) sb.append("  ").append(i).append('\n');
        }
        return sb.toString();
    }

    private FlowGraph(CodeBuilder b) {
        this.entry = b.entry;
        this.consts = b.consts;
    }

    /**
     * Assembles the code object. Arguments of instructions with {@link Opcode.Arg#FREE} are
     * numbered by the compiler as indexes into {@code cellvars ++ freevars}; they are rewritten to
     * localsplus slots here.
     */
    public static PyCode assemble(CodeBuilder builder, Unit u) {
        return new FlowGraph(builder).run(u);
    }

    private PyCode run(Unit u) {
        checkNoFallOffEnd();
        markExceptHandlers();
        labelExceptionTargets();
        optimize();
        removeUnusedConsts();
        if (DEBUG) System.err.println("== before cold " + u.name() + "\n" + dump());
        pushColdBlocksToEnd();
        if (DEBUG) System.err.println("== after cold\n" + dump());
        resolveLineNumbers(u.firstlineno());
        if (DEBUG) System.err.println("== after lines\n" + dump());
        int[] cellSlots = cellSlots(u);
        fixCellOffsets(cellSlots);
        insertPrefix(u, cellSlots);
        int stacksize = stackDepth();
        convertPseudoOps();
        normalizeJumps();
        return flatten(u, stacksize);
    }

    // ---- graph helpers ----------------------------------------------------------------------

    private static boolean hasFallthrough(Block b) {
        Instr l = b.last();
        return l == null || !isUnconditional(l.op);
    }

    private static Block nextNonEmpty(Block b) {
        while (b != null && b.isEmpty()) b = b.next;
        return b;
    }

    private void resetVisited() {
        for (Block b = entry; b != null; b = b.next) b.visited = false;
    }

    private void checkNoFallOffEnd() {
        Block last = entry;
        for (Block b = entry; b != null; b = b.next) if (!b.isEmpty()) last = b;
        Instr l = last.last();
        if (l == null || !isUnconditional(l.op)) {
            throw new IllegalStateException("code falls off the end of the last block");
        }
    }

    private void markExceptHandlers() {
        for (Block b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) {
                if (isSetup(i.op)) {
                    i.target.exceptHandler = true;
                    if (i.op != SETUP_FINALLY) i.target.preserveLasti = true;
                }
            }
        }
    }

    // ---- exception targets ------------------------------------------------------------------

    /**
     * Walks the graph with a stack of active handlers; each instruction records the top one.
     * A handler block starts with the stack as it was before its SETUP (the handler runs with
     * the enclosing handler active). YIELD_VALUE's argument becomes the handler depth (3.12).
     */
    private void labelExceptionTargets() {
        resetVisited();
        ArrayDeque<Block> todo = new ArrayDeque<>();
        entry.exceptStack = new ArrayDeque<>();
        entry.visited = true;
        todo.push(entry);
        while (!todo.isEmpty()) {
            Block b = todo.pop();
            ArrayDeque<Block> stack = b.exceptStack;
            b.exceptStack = null;
            Block handler = stack.peek();
            for (Instr i : b.instrs) {
                if (isSetup(i.op)) {
                    if (!i.target.visited) {
                        i.target.exceptStack = new ArrayDeque<>(stack);
                        i.target.visited = true;
                        todo.push(i.target);
                    }
                    stack.push(i.target);
                    handler = i.target;
                } else if (i.op == POP_BLOCK) {
                    if (stack.isEmpty()) throw new IllegalStateException("POP_BLOCK without SETUP");
                    stack.pop();
                    handler = stack.peek();
                } else if (isJump(i.op)) {
                    i.handler = handler;
                    if (!i.target.visited) {
                        i.target.exceptStack = new ArrayDeque<>(stack);
                        i.target.visited = true;
                        todo.push(i.target);
                    }
                } else {
                    if (i.op == Opcode.YIELD_VALUE.ordinal()) i.arg = stack.size();
                    i.handler = handler;
                }
            }
            if (hasFallthrough(b) && b.next != null && !b.next.visited) {
                b.next.exceptStack = stack;
                b.next.visited = true;
                todo.push(b.next);
            }
        }
    }

    // ---- optimisation -----------------------------------------------------------------------

    private void optimize() {
        eliminateEmptyBlocks();
        for (Block b = entry; b != null; b = b.next) inlineSmallExitBlock(b);
        for (Block b = entry; b != null; b = b.next) Peephole.optimizeBlock(b, consts);
        // NOPs left by the peephole pass do not count against the size of an exit block.
        for (Block b = entry; b != null; b = b.next) removeRedundantNops(b);
        for (Block b = entry; b != null; b = b.next) inlineSmallExitBlock(b);
        markReachable();
        for (Block b = entry; b != null; b = b.next) {
            if (b.predecessors == 0) b.instrs.clear();
        }
        cleanUp();
    }

    /** Removes redundant NOPs, empty blocks and jumps to the next block until nothing changes. */
    private void cleanUp() {
        boolean changed;
        do {
            for (Block b = entry; b != null; b = b.next) removeRedundantNops(b);
            eliminateEmptyBlocks();
            changed = removeRedundantJumps();
        } while (changed);
    }

    private void inlineSmallExitBlock(Block b) {
        Instr last = b.last();
        if (last == null || !isUnconditionalJump(last.op)) return;
        Block target = last.target;
        Instr tl = target.last();
        if (tl != null && isScopeExit(tl.op) && target.instrs.size() <= MAX_COPY_SIZE) {
            last.setNop();
            for (Instr i : target.instrs) b.instrs.add(i.copy());
        }
    }

    private void markReachable() {
        for (Block b = entry; b != null; b = b.next) {
            b.visited = false;
            b.predecessors = 0;
        }
        ArrayDeque<Block> todo = new ArrayDeque<>();
        entry.predecessors = 1;
        entry.visited = true;
        todo.push(entry);
        while (!todo.isEmpty()) {
            Block b = todo.pop();
            if (b.next != null && hasFallthrough(b)) {
                if (!b.next.visited) {
                    b.next.visited = true;
                    todo.push(b.next);
                }
                b.next.predecessors++;
            }
            for (Instr i : b.instrs) {
                if (i.target != null) {
                    if (!i.target.visited) {
                        i.target.visited = true;
                        todo.push(i.target);
                    }
                    i.target.predecessors++;
                }
            }
        }
    }

    private void eliminateEmptyBlocks() {
        for (Block b = entry; b != null; b = b.next) {
            Block n = b.next;
            while (n != null && n.isEmpty()) n = n.next;
            b.next = n;
        }
        while (entry.isEmpty() && entry.next != null) entry = entry.next;
        for (Block b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) {
                if (i.target != null) {
                    Block t = nextNonEmpty(i.target);
                    if (t == null) throw new IllegalStateException("jump to an empty tail block");
                    i.target = t;
                }
            }
        }
    }

    /** CPython's rules: a NOP survives only if it is the sole carrier of a line number. */
    private static void removeRedundantNops(Block b) {
        List<Instr> in = b.instrs;
        List<Instr> out = new ArrayList<>(in.size());
        int prevLine = -1;
        int nop = Opcode.NOP.ordinal();
        for (int src = 0; src < in.size(); src++) {
            Instr i = in.get(src);
            int line = i.loc.line();
            if (i.op == nop) {
                if (line < 0) continue;
                if (prevLine == line) continue;
                if (src < in.size() - 1) {
                    Instr n = in.get(src + 1);
                    if (n.loc.line() == line) continue;
                    if (n.loc.line() < 0) {
                        n.loc = i.loc;
                        continue;
                    }
                } else {
                    Block next = nextNonEmpty(b.next);
                    if (next != null) {
                        int nextLine = -1;
                        for (Instr ni : next.instrs) {
                            if (ni.op == nop && ni.loc.line() < 0) continue;
                            nextLine = ni.loc.line();
                            break;
                        }
                        if (line == nextLine) continue;
                    }
                }
            }
            out.add(i);
            prevLine = line;
        }
        if (out.size() != in.size()) {
            in.clear();
            in.addAll(out);
        }
    }

    private boolean removeRedundantJumps() {
        boolean changed = false;
        for (Block b = entry; b != null; b = b.next) {
            Instr l = b.last();
            if (l != null && isUnconditionalJump(l.op) && l.target == nextNonEmpty(b.next)) {
                l.setNop();
                changed = true;
            }
        }
        return changed;
    }

    private void removeUnusedConsts() {
        int n = consts.size();
        if (n == 0) return;
        boolean[] used = new boolean[n];
        used[0] = true; // may be the docstring: CPython always keeps slot 0
        for (Block b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) if (hasConstArg(i.op)) used[i.arg] = true;
        }
        boolean all = true;
        for (boolean x : used) all &= x;
        if (all) return;
        int[] map = consts.compact(used);
        for (Block b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) if (hasConstArg(i.op)) i.arg = map[i.arg];
        }
    }

    private static boolean hasConstArg(int op) {
        return !CodeBuilder.isPseudo(op) && Opcode.of(op).argKind == Opcode.Arg.CONST;
    }

    // ---- cold blocks ------------------------------------------------------------------------

    private void pushColdBlocksToEnd() {
        if (entry.next == null) return;
        markCold();
        for (Block b = entry; b != null; b = b.next) {
            if (b.cold && hasFallthrough(b) && b.next != null && b.next.warm) {
                Block j = new Block(nextId++);
                Instr ji = new Instr(JUMP, 0, b.next, Loc.NONE);
                ji.handler = null;
                j.instrs.add(ji);
                j.cold = true;
                j.next = b.next;
                b.next = j;
            }
        }
        Block coldHead = null, coldTail = null;
        Block b = entry;
        while (b.next != null) {
            while (b.next != null && !b.next.cold) b = b.next;
            if (b.next == null) break;
            Block end = b.next;
            while (end.next != null && end.next.cold) end = end.next;
            if (coldHead == null) coldHead = b.next;
            else coldTail.next = b.next;
            coldTail = end;
            b.next = end.next;
            end.next = null;
        }
        b.next = coldHead;
        if (coldHead != null) removeRedundantJumps();
    }

    private void markCold() {
        for (Block b = entry; b != null; b = b.next) {
            b.visited = false;
            b.warm = false;
            b.cold = false;
        }
        ArrayDeque<Block> todo = new ArrayDeque<>();
        entry.visited = true;
        todo.push(entry);
        while (!todo.isEmpty()) {
            Block b = todo.pop();
            b.warm = true;
            if (b.next != null && hasFallthrough(b) && !b.next.visited) {
                b.next.visited = true;
                todo.push(b.next);
            }
            for (Instr i : b.instrs) {
                if (isJump(i.op) && !i.target.visited) {
                    i.target.visited = true;
                    todo.push(i.target);
                }
            }
        }
        for (Block b = entry; b != null; b = b.next) {
            if (b.exceptHandler && !b.warm && !b.visited) {
                b.visited = true;
                todo.push(b);
            }
        }
        while (!todo.isEmpty()) {
            Block b = todo.pop();
            b.cold = true;
            if (b.next != null && hasFallthrough(b) && !b.next.warm && !b.next.visited) {
                b.next.visited = true;
                todo.push(b.next);
            }
            for (Instr i : b.instrs) {
                if (isJump(i.op) && !i.target.warm && !i.target.visited) {
                    i.target.visited = true;
                    todo.push(i.target);
                }
            }
        }
    }

    // ---- line numbers -----------------------------------------------------------------------

    private static boolean isExitWithoutLine(Block b) {
        Instr l = b.last();
        if (l == null || !isScopeExit(l.op)) return false;
        for (Instr i : b.instrs) if (i.loc.line() >= 0) return false;
        return true;
    }

    private void resolveLineNumbers(int firstlineno) {
        // Predecessor counts are those of markReachable, as in CPython: blocks added since (the
        // explicit jumps out of cold code) count none, so they take no line from a neighbour.
        // Exit blocks without a line reached by several jumps get one copy per jump, so each
        // copy can take the line of its jump (CPython: duplicate_exits_without_lineno).
        for (Block b = entry; b != null; b = b.next) {
            Instr l = b.last();
            if (l != null && isJump(l.op)) {
                Block t = l.target;
                if (isExitWithoutLine(t) && t.predecessors > 1) {
                    Block copy = new Block(nextId++);
                    for (Instr i : t.instrs) copy.instrs.add(i.copy());
                    copy.instrs.get(0).loc = l.loc;
                    copy.cold = t.cold;
                    l.target = copy;
                    t.predecessors--;
                    copy.predecessors = 1;
                    copy.next = t.next;
                    t.next = copy;
                }
            }
        }
        for (Block b = entry; b != null; b = b.next) {
            if (hasFallthrough(b) && b.next != null && !b.isEmpty() && isExitWithoutLine(b.next)) {
                b.next.instrs.get(0).loc = b.last().loc;
            }
        }
        // Propagate locations forward within blocks and into single-predecessor successors.
        for (Block b = entry; b != null; b = b.next) {
            Instr last = b.last();
            if (last == null) continue;
            Loc prev = Loc.NONE;
            for (Instr i : b.instrs) {
                if (i.loc.line() < 0) i.loc = prev;
                else prev = i.loc;
            }
            if (hasFallthrough(b) && b.next != null && b.next.predecessors == 1 && !b.next.isEmpty()) {
                Instr f = b.next.instrs.get(0);
                if (f.loc.line() < 0) f.loc = prev;
            }
            if (isJump(last.op) && last.target.predecessors == 1) {
                Instr f = last.target.instrs.get(0);
                if (f.loc.line() < 0) f.loc = prev;
            }
        }
        // Give returns without a line the last line seen (CPython: guarantee_lineno_for_exits).
        int line = firstlineno;
        for (Block b = entry; b != null; b = b.next) {
            Instr last = b.last();
            if (last == null) continue;
            if (last.loc.line() < 0) {
                // RETURN_VALUE only, as CPython: a RETURN_CONST without a line may still take one
                // from a NOP before it when the NOPs are removed.
                if (last.op == Opcode.RETURN_VALUE.ordinal()) {
                    for (Instr i : b.instrs) if (i.loc.line() < 0) i.loc = new Loc(line, line, -1, -1);
                }
            } else {
                line = last.loc.line();
            }
        }
    }

    // ---- localsplus ---------------------------------------------------------------------------

    /** Localsplus slot of each cell (cellvars then freevars), laid out as {@link PyCode} does. */
    private static int[] cellSlots(Unit u) {
        String[] vars = u.varnames();
        String[] cells = u.cellvars();
        String[] frees = u.freevars();
        int[] slots = new int[cells.length + frees.length];
        int next = vars.length;
        for (int c = 0; c < cells.length; c++) {
            int at = -1;
            for (int v = 0; v < vars.length; v++) if (vars[v].equals(cells[c])) at = v;
            slots[c] = at >= 0 ? at : next++;
        }
        for (int f = 0; f < frees.length; f++) slots[cells.length + f] = next++;
        return slots;
    }

    private void fixCellOffsets(int[] slots) {
        for (Block b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) {
                if (!CodeBuilder.isPseudo(i.op) && Opcode.of(i.op).argKind == Opcode.Arg.FREE) i.arg = slots[i.arg];
            }
        }
    }

    private void insertPrefix(Unit u, int[] slots) {
        List<Instr> prefix = new ArrayList<>();
        if (u.freevars().length > 0) {
            prefix.add(new Instr(Opcode.COPY_FREE_VARS.ordinal(), u.freevars().length, null, Loc.NONE));
        }
        int ncells = u.cellvars().length;
        int[] cellSlots = java.util.Arrays.copyOf(slots, ncells);
        java.util.Arrays.sort(cellSlots);
        for (int s : cellSlots) prefix.add(new Instr(Opcode.MAKE_CELL.ordinal(), s, null, Loc.NONE));
        if ((u.flags() & (PyCode.CO_GENERATOR | PyCode.CO_COROUTINE | PyCode.CO_ASYNC_GENERATOR)) != 0) {
            Loc l = new Loc(u.firstlineno(), u.firstlineno(), -1, -1);
            prefix.add(new Instr(Opcode.RETURN_GENERATOR.ordinal(), 0, null, l));
            prefix.add(new Instr(Opcode.POP_TOP.ordinal(), 0, null, Loc.NONE));
        }
        entry.instrs.addAll(0, prefix);
    }

    // ---- stack depth ------------------------------------------------------------------------

    private int stackDepth() {
        for (Block b = entry; b != null; b = b.next) b.startDepth = Integer.MIN_VALUE;
        ArrayDeque<Block> todo = new ArrayDeque<>();
        entry.startDepth = 0;
        todo.push(entry);
        int max = 0;
        while (!todo.isEmpty()) {
            Block b = todo.pop();
            int depth = b.startDepth;
            boolean fallthrough = true;
            for (Instr i : b.instrs) {
                int after = depth + CodeBuilder.stackEffect(i.op, i.arg, false);
                if (after < 0) {
                    throw new IllegalStateException("negative stack depth at " + i + " in B" + b.id);
                }
                max = Math.max(max, after);
                if (i.target != null) {
                    // FOR_ITER's exit lands after its END_FOR with the iterator popped; counted
                    // here, as CPython does, as reaching END_FOR with [iterator, value].
                    int t = i.op == Opcode.FOR_ITER.ordinal() ? depth + 1
                            : depth + CodeBuilder.stackEffect(i.op, i.arg, true);
                    if (t < 0) throw new IllegalStateException("negative stack depth at jump " + i);
                    max = Math.max(max, t);
                    pushDepth(todo, i.target, t);
                }
                depth = after;
                if (isUnconditional(i.op)) {
                    fallthrough = false;
                    break;
                }
            }
            if (fallthrough && b.next != null) pushDepth(todo, b.next, depth);
        }
        return max;
    }

    private static void pushDepth(ArrayDeque<Block> todo, Block b, int depth) {
        if (b.startDepth == Integer.MIN_VALUE) {
            b.startDepth = depth;
            todo.push(b);
        } else if (b.startDepth != depth) {
            throw new IllegalStateException("inconsistent stack depth at B" + b.id + ": " + b.startDepth + " vs " + depth);
        }
    }

    // ---- final form ---------------------------------------------------------------------------

    private void convertPseudoOps() {
        for (Block b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) {
                if (isSetup(i.op) || i.op == POP_BLOCK) {
                    i.setNop();
                    i.handler = null;
                }
            }
        }
        for (Block b = entry; b != null; b = b.next) removeRedundantNops(b);
        eliminateEmptyBlocks();
    }

    private void normalizeJumps() {
        for (Block b = entry; b != null; b = b.next) b.visited = false;
        for (Block b = entry; b != null; b = b.next) {
            b.visited = true;
            Instr last = b.last();
            if (last == null || !isJump(last.op)) continue;
            boolean forward = !last.target.visited;
            if (last.op == JUMP) {
                last.op = (forward ? Opcode.JUMP_FORWARD : Opcode.JUMP_BACKWARD).ordinal();
                continue;
            }
            if (last.op == JUMP_NO_INTERRUPT) {
                last.op = (forward ? Opcode.JUMP_FORWARD : Opcode.JUMP_BACKWARD_NO_INTERRUPT).ordinal();
                continue;
            }
            if (forward || isUnconditionalJump(last.op)) continue;
            Opcode inverted = switch (Opcode.of(last.op)) {
                case POP_JUMP_IF_FALSE -> Opcode.POP_JUMP_IF_TRUE;
                case POP_JUMP_IF_TRUE -> Opcode.POP_JUMP_IF_FALSE;
                case POP_JUMP_IF_NONE -> Opcode.POP_JUMP_IF_NOT_NONE;
                case POP_JUMP_IF_NOT_NONE -> Opcode.POP_JUMP_IF_NONE;
                default -> throw new IllegalStateException("backward " + last);
            };
            Block back = new Block(nextId++);
            Instr j = new Instr(Opcode.JUMP_BACKWARD.ordinal(), 0, last.target, last.loc);
            j.handler = last.handler;
            back.instrs.add(j);
            back.visited = true;
            last.op = inverted.ordinal();
            last.target = b.next;
            back.next = b.next;
            b.next = back;
            b = back;
        }
    }

    private PyCode flatten(Unit u, int stacksize) {
        int n = 0;
        for (Block b = entry; b != null; b = b.next) {
            b.offset = n;
            n += b.instrs.size();
        }
        int[] code = new int[n];
        int[] lines = new int[n], endLines = new int[n], cols = new int[n], endCols = new int[n];
        List<int[]> table = new ArrayList<>();
        int k = 0;
        Block curHandler = null;
        int start = 0;
        for (Block b = entry; b != null; b = b.next) {
            for (Instr i : b.instrs) {
                if (CodeBuilder.isPseudo(i.op)) throw new IllegalStateException("pseudo op left: " + i);
                int arg = i.target != null ? i.target.offset : i.arg;
                code[k] = Opcode.encode(Opcode.of(i.op), arg);
                lines[k] = i.loc.line();
                endLines[k] = i.loc.endLine();
                cols[k] = i.loc.col();
                endCols[k] = i.loc.endCol();
                if (i.handler != curHandler) {
                    if (curHandler != null) table.add(entryFor(start, k, curHandler));
                    curHandler = i.handler;
                    start = k;
                }
                k++;
            }
        }
        if (curHandler != null) table.add(entryFor(start, k, curHandler));
        int[] exc = new int[table.size() * 5];
        for (int t = 0; t < table.size(); t++) System.arraycopy(table.get(t), 0, exc, t * 5, 5);
        PyObject[] cs = consts.toArray();
        return new PyCode(u.name(), u.qualname(), u.filename(), u.firstlineno(), u.argcount(), u.posonlyargcount(),
                u.kwonlyargcount(), u.flags(), stacksize, code, cs, u.names(), u.varnames(), u.cellvars(),
                u.freevars(), lines, endLines, cols, endCols, exc, u.doc() == null ? null : u.doc());
    }

    private static int[] entryFor(int start, int end, Block handler) {
        if (handler.startDepth == Integer.MIN_VALUE) throw new IllegalStateException("unreached handler B" + handler.id);
        int depth = handler.startDepth - 1 - (handler.preserveLasti ? 1 : 0);
        return new int[] {start, end, handler.offset, depth, handler.preserveLasti ? 1 : 0};
    }

}
