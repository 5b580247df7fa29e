package dev.gilt.interp.bytecode;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;

/**
 * A code object: what the compiler produces for a module, class body, function, lambda or
 * comprehension, and what the VM runs. Immutable after construction (the VM may only rewrite
 * {@link #code} words in place to quicken them, one int store at a time). Immortal: code objects
 * are shared by functions and never die in the language.
 *
 * <h2>Locals layout ("localsplus", as CPython)</h2>
 * {@code [0, nlocals)}: {@link #varnames} (parameters first: positional-only, positional-or-keyword,
 * keyword-only, *args, **kwargs); then the cell variables that are not parameters
 * ({@link #cellvars} minus those already in varnames — see {@link #cellIndex}); then
 * {@link #freevars}. {@link #localsplusNames} lists all of them in slot order, and
 * {@link #localsplusKinds} says what each slot is. The value stack follows the locals in the
 * frame's array, {@link #stacksize} slots deep.
 *
 * <h2>Positions</h2>
 * Per instruction index i: {@code lines[i]}, {@code endLines[i]}, {@code cols[i]},
 * {@code endCols[i]} (0-based code-point columns, -1 when unknown). {@code lines[i] == -1} means
 * "no line" (artificial instructions).
 *
 * <h2>Exception table</h2>
 * Entries {@code (start, end, target, depth, lasti)} in instruction indexes, sorted by start,
 * non-overlapping: an exception raised by an instruction in {@code [start, end)} pops the value
 * stack to {@code depth}, pushes the instruction index as an int if {@code lasti}, pushes the
 * exception, and jumps to {@code target}.
 */
public final class PyCode extends PyObject {
    public static final PyType TYPE = PyType.builtin("code", PyCode.class);

    /** Flags (CPython's CO_* values). */
    public static final int CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
            CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_NOFREE = 0x40, CO_COROUTINE = 0x80,
            CO_ITERABLE_COROUTINE = 0x100, CO_ASYNC_GENERATOR = 0x200;

    /** localsplusKinds bits (CPython's CO_FAST_*). */
    public static final byte KIND_LOCAL = 0x20, KIND_CELL = 0x40, KIND_FREE = (byte) 0x80;

    public final String name;
    public final String qualname;
    public final String filename;
    public final int firstlineno;
    public final int argcount;
    public final int posonlyargcount;
    public final int kwonlyargcount;
    public final int flags;
    public final int stacksize;

    /** Instruction words; see {@link Opcode}. */
    public final int[] code;
    /** Constants; owned (immortal or counted references held by this code object). */
    public final PyObject[] consts;
    /** Names used by *_NAME, *_GLOBAL, *_ATTR, IMPORT_* instructions (interned). */
    public final String[] names;
    public final String[] varnames;
    public final String[] cellvars;
    public final String[] freevars;
    public final String[] localsplusNames;
    public final byte[] localsplusKinds;
    /** Number of leading localsplus slots that are plain locals (varnames). */
    public final int nlocals;

    public final int[] lines, endLines, cols, endCols;
    /** Exception table, 5 ints per entry: start, end, target, depth, lasti (0/1). */
    public final int[] exceptionTable;

    /** The docstring or null. */
    public final PyObject doc;

    /** Per-code-object data owned by the VM and JIT tiers (inline caches, counters). */
    public Object tierData;

    public PyCode(String name, String qualname, String filename, int firstlineno, int argcount,
            int posonlyargcount, int kwonlyargcount, int flags, int stacksize, int[] code, PyObject[] consts,
            String[] names, String[] varnames, String[] cellvars, String[] freevars, int[] lines, int[] endLines,
            int[] cols, int[] endCols, int[] exceptionTable, PyObject doc) {
        this.name = name;
        this.qualname = qualname;
        this.filename = filename;
        this.firstlineno = firstlineno;
        this.argcount = argcount;
        this.posonlyargcount = posonlyargcount;
        this.kwonlyargcount = kwonlyargcount;
        this.flags = flags;
        this.stacksize = stacksize;
        this.code = code;
        this.consts = consts;
        this.names = names;
        this.varnames = varnames;
        this.cellvars = cellvars;
        this.freevars = freevars;
        this.lines = lines;
        this.endLines = endLines;
        this.cols = cols;
        this.endCols = endCols;
        this.exceptionTable = exceptionTable;
        this.doc = doc;
        this.nlocals = varnames.length;
        int extraCells = 0;
        for (String c : cellvars) if (indexOf(varnames, c) < 0) extraCells++;
        int n = varnames.length + extraCells + freevars.length;
        this.localsplusNames = new String[n];
        this.localsplusKinds = new byte[n];
        int i = 0;
        for (String v : varnames) {
            localsplusNames[i] = v;
            localsplusKinds[i++] = (byte) (KIND_LOCAL | (indexOf(cellvars, v) >= 0 ? KIND_CELL : 0));
        }
        for (String c : cellvars) {
            if (indexOf(varnames, c) < 0) {
                localsplusNames[i] = c;
                localsplusKinds[i++] = KIND_CELL;
            }
        }
        for (String f : freevars) {
            localsplusNames[i] = f;
            localsplusKinds[i++] = KIND_FREE;
        }
        RefCount.immortalize(this);
    }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) if (a[i].equals(s)) return i;
        return -1;
    }

    /** The localsplus slot of cell variable {@code name}. */
    public int cellIndex(String name) {
        for (int i = 0; i < localsplusNames.length; i++) {
            if ((localsplusKinds[i] & KIND_CELL) != 0 && localsplusNames[i].equals(name)) return i;
        }
        return -1;
    }

    /** Number of localsplus slots (locals, extra cells, free variables). */
    public int nlocalsplus() {
        return localsplusNames.length;
    }

    public int nfree() {
        return freevars.length;
    }

    public boolean isGenerator() {
        return (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
    }

    /** Source line of instruction {@code index}, or -1. */
    public int lineOf(int index) {
        return index >= 0 && index < lines.length ? lines[index] : -1;
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
