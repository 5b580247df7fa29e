package dev.gilt.interp.compile;

import dev.gilt.interp.bytecode.CodeBuilder;
import dev.gilt.interp.bytecode.CodeBuilder.Block;
import dev.gilt.interp.bytecode.CodeBuilder.Loc;
import dev.gilt.interp.bytecode.FlowGraph;
import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.compile.Symtable.Scope;
import dev.gilt.interp.compile.Symtable.ScopeKind;
import dev.gilt.interp.parse.Ast.*;
import dev.gilt.interp.parse.ParseError;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyComplex;
import dev.gilt.runtime.object.PyEllipsis;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State and helpers shared by the expression and statement halves of the code generator: the
 * stack of code units being compiled (one per module / class / function / lambda / comprehension
 * body), instruction emission, constants, name resolution into LOAD_FAST / LOAD_DEREF /
 * LOAD_GLOBAL / LOAD_NAME, the frame-block stack used to unwind {@code break}, {@code continue} and
 * {@code return}, and SyntaxError reporting with CPython's positions.
 */
abstract class CompilerBase {
    /** Largest number of items CPython pushes on the stack before switching to incremental builds. */
    static final int STACK_USE_GUARD = 30;
    /** CPython's CO_MAXBLOCKS. */
    static final int MAX_BLOCKS = 20;

    enum UnitType { MODULE, CLASS, FUNCTION, ASYNC_FUNCTION, LAMBDA, COMPREHENSION }

    enum FKind {
        WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH, HANDLER_CLEANUP, POP_VALUE,
        EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR, STOP_ITERATION
    }

    /** A frame block: a construct that break/continue/return must unwind (CPython's fblockinfo). */
    record FBlock(FKind kind, Block block, Block exit, Object datum, Loc loc) {}

    /** One code object under construction. */
    static final class Unit {
        Scope ste;
        UnitType type;
        String name, qualname, privateName;
        final CodeBuilder b = new CodeBuilder();
        final Map<String, Integer> names = new LinkedHashMap<>();
        final Map<String, Integer> varnames = new LinkedHashMap<>();
        final List<String> cellvars = new ArrayList<>();
        final List<String> freevars = new ArrayList<>();
        int argcount, posonlyargcount, kwonlyargcount, firstlineno;
        final ArrayDeque<FBlock> fblocks = new ArrayDeque<>();
        /** Handler of the implicit StopIteration -> RuntimeError wrapper, or null. */
        Block stopIterationHandler;
    }

    final String filename;
    final Symtable st;
    final int flags;
    final int optimize;
    final boolean interactive;
    final String[] sourceLines;
    Unit u;
    final ArrayDeque<Unit> stack = new ArrayDeque<>();
    /** Position of the last {@code from __future__ import} at the top of the module, or null. */
    Pos futureLocation;
    int nestLevel;

    CompilerBase(String filename, Symtable st, int flags, int optimize, boolean interactive, String source) {
        this.filename = filename;
        this.st = st;
        this.flags = flags;
        this.optimize = optimize;
        this.interactive = interactive;
        this.sourceLines = source == null ? null : source.split("\r\n|\r|\n", -1);
    }

    abstract void visitExpr(Expr e);

    abstract void visitStmt(Stmt s);

    void visitStmts(List<Stmt> ss) {
        for (Stmt s : ss) visitStmt(s);
    }

    void visitExprs(List<Expr> es) {
        for (Expr e : es) visitExpr(e);
    }

    // ---- errors -------------------------------------------------------------------------------

    /** A SyntaxError at {@code loc} (CPython: 1-based columns in the exception). */
    ParseError error(String msg, Loc loc) {
        return syntaxError(filename, sourceLines, msg, loc.line(), loc.col(), loc.endLine(), loc.endCol());
    }

    ParseError error(String msg, Pos pos) {
        if (pos == null) return syntaxError(filename, sourceLines, msg, -1, -1, -1, -1);
        return syntaxError(filename, sourceLines, msg, pos.line(), pos.col(), pos.endLine(), pos.endCol());
    }

    static ParseError syntaxError(String filename, String[] lines, String msg, int line, int col, int endLine, int endCol) {
        String text = null;
        if (lines != null && line >= 1 && line <= lines.length) text = lines[line - 1] + "\n";
        return new ParseError("SyntaxError", msg, filename, line, col + 1, endLine, endCol + 1, text);
    }

    // ---- locations ------------------------------------------------------------------------------

    static Loc loc(Node n) {
        return loc(n.pos());
    }

    static Loc loc(Pos p) {
        return new Loc(p.line(), p.endLine(), p.col(), p.endCol());
    }

    /**
     * The location of an attribute access as CPython 3.12 reports it: when the attribute name
     * is on a later line than the start of the expression, the span starts at the name.
     */
    static Loc attrLoc(Loc loc, Attribute a) {
        Pos p = a.pos();
        if (loc.line() == p.endLine()) return loc;
        int line = p.endLine();
        int len = a.attr().codePointCount(0, a.attr().length());
        int col, endCol = loc.endCol();
        if (len <= p.endCol()) {
            col = p.endCol() - len;
        } else {
            col = -1;
            endCol = -1;
        }
        int endLine = Math.max(line, loc.endLine());
        if (line == endLine) endCol = Math.max(col, endCol);
        return new Loc(line, endLine, col, endCol);
    }

    // ---- emission -------------------------------------------------------------------------------

    void op(Opcode o, Loc l) {
        u.b.emit(o, 0, l);
    }

    void op(Opcode o, int arg, Loc l) {
        u.b.emit(o, arg, l);
    }

    void jump(Opcode o, Block target, Loc l) {
        u.b.jump(o, target, l);
    }

    void jump(int pseudo, Block target, Loc l) {
        u.b.jump(pseudo, target, l);
    }

    void popBlock(Loc l) {
        u.b.emitPseudo(CodeBuilder.POP_BLOCK, l);
    }

    Block newBlock() {
        return u.b.newBlock();
    }

    void use(Block b) {
        u.b.use(b);
    }

    int constIndex(Object v) {
        return u.b.consts.addSteal(toPy(v));
    }

    void loadConst(Object v, Loc l) {
        op(Opcode.LOAD_CONST, constIndex(v), l);
    }

    int nameIndex(String name) {
        return u.names.computeIfAbsent(name, k -> u.names.size());
    }

    int varIndex(String name) {
        return u.varnames.computeIfAbsent(name, k -> u.varnames.size());
    }

    /** A new reference to the Gilt constant for a folded AST value. */
    static PyObject toPy(Object v) {
        if (v instanceof PyObject p) {
            dev.gilt.runtime.memory.RefCount.incref(p);
            return p;
        }
        if (v instanceof Boolean b) return PyBool.of(b);
        if (v instanceof Long l) return PyInt.of(l);
        if (v instanceof Integer i) return PyInt.of(i);
        if (v instanceof BigInteger b) return PyInt.of(b);
        if (v instanceof Double d) return PyFloat.of(d);
        if (v instanceof String s) return allNameChars(s) ? PyStr.intern(s) : PyStr.of(s);
        if (v instanceof Bytes b) return PyBytes.of(b.value().clone());
        if (v instanceof Imaginary i) return PyComplex.of(0.0, i.imag());
        if (v instanceof ConstFolder.Complex c) return PyComplex.of(c.re(), c.im());
        if (v == Const.NONE) return PyNone.NONE;
        if (v == Const.ELLIPSIS) return PyEllipsis.ELLIPSIS;
        if (v instanceof List<?> l) {
            PyObject[] items = new PyObject[l.size()];
            for (int i = 0; i < items.length; i++) items[i] = toPy(l.get(i));
            return PyTuple.steal(items);
        }
        throw new IllegalArgumentException("not a constant: " + v);
    }

    /** CPython interns constant strings made only of identifier characters. */
    static boolean allNameChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
        }
        return true;
    }

    // ---- units ----------------------------------------------------------------------------------

    /** Starts compiling the body of {@code key}'s scope (the module scope when key is a Mod). */
    void enterScope(String name, UnitType type, Node key, int firstlineno, boolean wrapStopIteration) {
        Unit n = new Unit();
        n.ste = key instanceof Mod ? st.top : st.scopeFor(key);
        n.type = type;
        n.name = name;
        n.firstlineno = firstlineno;
        for (String p : n.ste.params) n.varnames.put(p, n.varnames.size());
        List<String> cells = new ArrayList<>(), frees = new ArrayList<>();
        for (String s : n.ste.names()) {
            ScopeKind k = n.ste.scopeOf(s);
            if (k == ScopeKind.CELL) cells.add(s);
            if (k == ScopeKind.FREE || (n.ste.flags(s) & Symtable.DEF_FREE_CLASS) != 0) frees.add(s);
        }
        Comparator<String> byCodePoint = CompilerBase::compareCodePoints;
        cells.sort(byCodePoint);
        frees.sort(byCodePoint);
        if (n.ste.needsClassClosure) n.cellvars.add("__class__");
        n.cellvars.addAll(cells);
        n.freevars.addAll(frees);
        n.privateName = type == UnitType.CLASS ? name : (u == null ? null : u.privateName);
        if (u != null) stack.push(u);
        Unit parent = u;
        u = n;
        nestLevel++;
        if (type != UnitType.MODULE) u.qualname = qualname(parent, n);
        if (wrapStopIteration) {
            u.stopIterationHandler = newBlock();
            jump(CodeBuilder.SETUP_CLEANUP, u.stopIterationHandler, Loc.NONE);
        }
        Loc l = new Loc(type == UnitType.MODULE ? 0 : firstlineno, firstlineno, 0, 0);
        op(Opcode.RESUME, 0, l);
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private String qualname(Unit parent, Unit n) {
        String base = null;
        if (parent != null && parent.type != UnitType.MODULE) {
            boolean forceGlobal = false;
            if (n.type == UnitType.FUNCTION || n.type == UnitType.ASYNC_FUNCTION || n.type == UnitType.CLASS) {
                String mangled = Symtable.mangle(parent.privateName, n.name);
                forceGlobal = parent.ste.scopeOf(mangled) == ScopeKind.GLOBAL_EXPLICIT;
            }
            if (!forceGlobal) {
                boolean fn = parent.type == UnitType.FUNCTION || parent.type == UnitType.ASYNC_FUNCTION
                        || parent.type == UnitType.LAMBDA;
                base = fn ? parent.qualname + ".<locals>" : parent.qualname;
            }
        }
        return base == null ? n.name : base + "." + n.name;
    }

    /** Finishes the current unit and returns its code object. */
    PyCode exitScope(boolean addNone) {
        if (addNone) {
            loadConst(Const.NONE, Loc.NONE);
            op(Opcode.RETURN_VALUE, Loc.NONE);
        }
        if (u.stopIterationHandler != null) {
            use(u.stopIterationHandler);
            op(Opcode.CALL_INTRINSIC_1, Opcode.Intrinsic.STOPITERATION_ERROR, Loc.NONE);
            op(Opcode.RERAISE, 1, Loc.NONE);
        }
        PyCode code = assemble();
        nestLevel--;
        u = stack.isEmpty() ? null : stack.pop();
        return code;
    }

    private PyCode assemble() {
        Scope s = u.ste;
        int f = 0;
        if (s.isFunctionLike()) {
            f |= PyCode.CO_NEWLOCALS | PyCode.CO_OPTIMIZED;
            if (s.nested) f |= PyCode.CO_NESTED;
            if (s.generator && !s.coroutine) f |= PyCode.CO_GENERATOR;
            if (!s.generator && s.coroutine) f |= PyCode.CO_COROUTINE;
            if (s.generator && s.coroutine) f |= PyCode.CO_ASYNC_GENERATOR;
            if (s.varargs) f |= PyCode.CO_VARARGS;
            if (s.varkeywords) f |= PyCode.CO_VARKEYWORDS;
        } else if (isTopLevelAwait() && s.coroutine && !s.generator) {
            f |= PyCode.CO_COROUTINE;
        }
        f |= flags & Compiler.PyCF_MASK;
        PyObject doc = null;
        if (u.b.consts.size() > 0 && (u.type == UnitType.FUNCTION || u.type == UnitType.ASYNC_FUNCTION)) {
            PyObject c0 = u.b.consts.get(0);
            if (c0 instanceof PyStr) doc = c0;
        }
        String name = u.name;
        String qual = u.qualname == null ? name : u.qualname;
        FlowGraph.Unit meta = new FlowGraph.Unit(name, qual, filename, u.firstlineno, u.argcount, u.posonlyargcount,
                u.kwonlyargcount, f, u.names.keySet().toArray(new String[0]), u.varnames.keySet().toArray(new String[0]),
                u.cellvars.toArray(new String[0]), u.freevars.toArray(new String[0]), doc);
        return FlowGraph.assemble(u.b, meta);
    }

    boolean isTopLevelAwait() {
        return (flags & Compiler.PyCF_ALLOW_TOP_LEVEL_AWAIT) != 0 && u.type == UnitType.MODULE;
    }

    // ---- names ----------------------------------------------------------------------------------

    void checkForbidden(String name, Ctx ctx, Loc loc) {
        if (name.equals("__debug__")) {
            if (ctx == Ctx.STORE) throw error("cannot assign to __debug__", loc);
            if (ctx == Ctx.DEL) throw error("cannot delete __debug__", loc);
        }
    }

    /** Index of a cell or free variable in the compiler's cell numbering (cellvars ++ freevars). */
    int derefIndex(String name, ScopeKind kind) {
        if (kind == ScopeKind.CELL || (kind != ScopeKind.FREE && u.cellvars.contains(name))) {
            int i = u.cellvars.indexOf(name);
            if (i >= 0) return i;
        }
        int i = u.freevars.indexOf(name);
        if (i < 0) throw new IllegalStateException("no cell for " + name + " in " + u.name);
        return u.cellvars.size() + i;
    }

    /** Emits the load, store or delete of a variable, as its scope dictates. */
    void nameop(String name, Ctx ctx, Loc loc) {
        checkForbidden(name, ctx, loc);
        String mangled = Symtable.mangle(u.privateName, name);
        ScopeKind scope = u.ste.scopeOf(mangled);
        boolean fn = u.ste.isFunctionLike();
        enum OpType { FAST, GLOBAL, DEREF, NAME }
        OpType t = OpType.NAME;
        if (scope != null) {
            switch (scope) {
                case FREE, CELL -> t = OpType.DEREF;
                case LOCAL -> t = fn ? OpType.FAST : OpType.NAME;
                case GLOBAL_IMPLICIT -> t = fn ? OpType.GLOBAL : OpType.NAME;
                case GLOBAL_EXPLICIT -> t = OpType.GLOBAL;
            }
        }
        switch (t) {
            case DEREF -> {
                int i = derefIndex(mangled, scope);
                Opcode o = switch (ctx) {
                    case LOAD -> u.ste.kind == Symtable.Kind.CLASS ? Opcode.LOAD_CLASSDEREF : Opcode.LOAD_DEREF;
                    case STORE -> Opcode.STORE_DEREF;
                    case DEL -> Opcode.DELETE_DEREF;
                };
                op(o, i, loc);
            }
            case FAST -> op(switch (ctx) {
                case LOAD -> Opcode.LOAD_FAST;
                case STORE -> Opcode.STORE_FAST;
                case DEL -> Opcode.DELETE_FAST;
            }, varIndex(mangled), loc);
            case GLOBAL -> {
                int i = nameIndex(mangled);
                switch (ctx) {
                    case LOAD -> op(Opcode.LOAD_GLOBAL, i << 1, loc);
                    case STORE -> op(Opcode.STORE_GLOBAL, i, loc);
                    case DEL -> op(Opcode.DELETE_GLOBAL, i, loc);
                }
            }
            case NAME -> op(switch (ctx) {
                case LOAD -> Opcode.LOAD_NAME;
                case STORE -> Opcode.STORE_NAME;
                case DEL -> Opcode.DELETE_NAME;
            }, nameIndex(mangled), loc);
        }
    }

    // ---- frame blocks ---------------------------------------------------------------------------

    void pushFBlock(FKind kind, Block block, Block exit, Object datum, Loc loc) {
        if (u.fblocks.size() >= MAX_BLOCKS) throw error("too many statically nested blocks", loc);
        u.fblocks.push(new FBlock(kind, block, exit, datum, loc));
    }

    void popFBlock(FKind kind) {
        FBlock f = u.fblocks.pop();
        if (f.kind() != kind) throw new IllegalStateException("fblock mismatch: " + f.kind() + " vs " + kind);
    }

    /** Calls {@code exit(None, None, None)} with the bound __exit__ below the top of stack. */
    void callExitWithNones(Loc loc) {
        loadConst(Const.NONE, loc);
        loadConst(Const.NONE, loc);
        loadConst(Const.NONE, loc);
        op(Opcode.CALL, 2, loc);
    }

    /** {@code COPY 3; POP_EXCEPT; RERAISE 1}: the cleanup handler of an except/finally body. */
    void popExceptAndReraise(Loc loc) {
        op(Opcode.COPY, 3, loc);
        op(Opcode.POP_EXCEPT, loc);
        op(Opcode.RERAISE, 1, loc);
    }

    /** The send/yield loop of {@code yield from} and {@code await} (3.12 shape). */
    void addYieldFrom(Loc loc, boolean await) {
        Block send = newBlock(), fail = newBlock(), exit = newBlock();
        use(send);
        jump(Opcode.SEND, exit, loc);
        // A virtual try/except turns StopIteration raised by close()/throw() into the result.
        jump(CodeBuilder.SETUP_FINALLY, fail, loc);
        op(Opcode.YIELD_VALUE, 0, loc);
        popBlock(Loc.NONE);
        op(Opcode.RESUME, await ? 3 : 2, loc);
        jump(CodeBuilder.JUMP_NO_INTERRUPT, send, loc);
        use(fail);
        op(Opcode.CLEANUP_THROW, loc);
        use(exit);
        op(Opcode.END_SEND, loc);
    }

    /** Yields TOS (wrapping it for async generators) and resumes with the sent value on the stack. */
    void addYield(Loc loc) {
        if (u.ste.generator && u.ste.coroutine) {
            op(Opcode.CALL_INTRINSIC_1, Opcode.Intrinsic.ASYNC_GEN_WRAP, loc);
        }
        op(Opcode.YIELD_VALUE, 0, loc);
        op(Opcode.RESUME, 1, loc);
    }

    /**
     * Emits the code that leaves frame block {@code f} on the way out of a break/continue/return.
     * {@code loc[0]} is the location for the emitted instructions; it may be replaced (CPython
     * makes the unwinding statement artificial after a finally or with exit).
     */
    void unwindFBlock(FBlock f, Loc[] loc, boolean preserveTos) {
        switch (f.kind()) {
            case WHILE_LOOP, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR, STOP_ITERATION -> { }
            case FOR_LOOP -> {
                if (preserveTos) op(Opcode.SWAP, 2, loc[0]);
                op(Opcode.POP_TOP, loc[0]);
            }
            case TRY_EXCEPT -> popBlock(loc[0]);
            case FINALLY_TRY -> {
                popBlock(loc[0]);
                if (preserveTos) pushFBlock(FKind.POP_VALUE, null, null, null, loc[0]);
                @SuppressWarnings("unchecked")
                List<Stmt> finalbody = (List<Stmt>) f.datum();
                visitStmts(finalbody);
                if (preserveTos) popFBlock(FKind.POP_VALUE);
                loc[0] = Loc.NONE;
            }
            case FINALLY_END -> {
                if (preserveTos) op(Opcode.SWAP, 2, loc[0]);
                op(Opcode.POP_TOP, loc[0]);
                if (preserveTos) op(Opcode.SWAP, 2, loc[0]);
                popBlock(loc[0]);
                op(Opcode.POP_EXCEPT, loc[0]);
            }
            case WITH, ASYNC_WITH -> {
                loc[0] = f.loc();
                popBlock(loc[0]);
                if (preserveTos) op(Opcode.SWAP, 2, loc[0]);
                callExitWithNones(loc[0]);
                if (f.kind() == FKind.ASYNC_WITH) {
                    op(Opcode.GET_AWAITABLE, 2, loc[0]);
                    loadConst(Const.NONE, loc[0]);
                    addYieldFrom(loc[0], true);
                }
                op(Opcode.POP_TOP, loc[0]);
                loc[0] = Loc.NONE;
            }
            case HANDLER_CLEANUP -> {
                String name = (String) f.datum();
                if (name != null) popBlock(loc[0]);
                if (preserveTos) op(Opcode.SWAP, 2, loc[0]);
                popBlock(loc[0]);
                op(Opcode.POP_EXCEPT, loc[0]);
                if (name != null) {
                    loadConst(Const.NONE, loc[0]);
                    nameop(name, Ctx.STORE, loc[0]);
                    nameop(name, Ctx.DEL, loc[0]);
                }
            }
            case POP_VALUE -> {
                if (preserveTos) op(Opcode.SWAP, 2, loc[0]);
                op(Opcode.POP_TOP, loc[0]);
            }
        }
    }

    /**
     * Unwinds every frame block up to (not including) the innermost loop when {@code wantLoop},
     * else all of them; returns that loop or null. The blocks are restored afterwards (the
     * statement after the break still compiles inside them).
     */
    FBlock unwindFBlockStack(Loc[] loc, boolean preserveTos, boolean wantLoop) {
        if (u.fblocks.isEmpty()) return null;
        FBlock top = u.fblocks.peek();
        if (top.kind() == FKind.EXCEPTION_GROUP_HANDLER) {
            throw error("'break', 'continue' and 'return' cannot appear in an except* block", loc[0]);
        }
        if (wantLoop && (top.kind() == FKind.WHILE_LOOP || top.kind() == FKind.FOR_LOOP)) return top;
        u.fblocks.pop();
        unwindFBlock(top, loc, preserveTos);
        FBlock loop = unwindFBlockStack(loc, preserveTos, wantLoop);
        u.fblocks.push(top);
        return loop;
    }
}
