package dev.gilt.interp.compile;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.parse.Ast;
import dev.gilt.interp.parse.ParseError;
import dev.gilt.interp.parse.Parser;

/**
 * The compiler: AST to code objects. Passes: constant folding ({@link ConstFolder}), symbol tables
 * ({@link Symtable}), code generation into a control-flow graph (the statement and expression
 * compilers), then optimisation and assembly ({@code bytecode.FlowGraph}).
 *
 * <p>Errors are reported as {@link ParseError} with kind "SyntaxError", CPython's message and
 * position (1-based column). Code objects are immortal; the constants they hold are owned by them.
 */
public final class Compiler {
    private Compiler() {}

    /** CPython's compile() modes. */
    public enum Mode {
        /** A module: statements, value None. */
        EXEC,
        /** One expression whose value is returned. */
        EVAL,
        /** One interactive input: expression statements print their value (CALL_INTRINSIC_1 PRINT). */
        SINGLE
    }

    /** Allow await, async for and async with at module level (asyncio REPL). */
    public static final int PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;
    /** {@code from __future__ import annotations} (CPython's CO_FUTURE_ANNOTATIONS, also a code flag). */
    public static final int CO_FUTURE_ANNOTATIONS = 0x1000000;
    /** {@code from __future__ import barry_as_FLUFL}. */
    public static final int CO_FUTURE_BARRY_AS_BDFL = 0x400000;
    /** The future-feature bits that compile() flags pass on and code objects carry (PyCF_MASK). */
    public static final int PyCF_MASK = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | CO_FUTURE_BARRY_AS_BDFL
            | 0x800000 | CO_FUTURE_ANNOTATIONS;

    /** Parses and compiles {@code source} (optimisation level 0); raises ParseError for syntax errors. */
    public static PyCode compile(String source, String filename, Mode mode) {
        return compile(source, filename, mode, 0, 0);
    }

    /** Parses and compiles {@code source}; see {@link #compile(Ast.Mod, String, Mode, int, int, String)}. */
    public static PyCode compile(String source, String filename, Mode mode, int flags, int optimize) {
        Parser.Mode pm = switch (mode) {
            case EXEC -> Parser.Mode.EXEC;
            case EVAL -> Parser.Mode.EVAL;
            case SINGLE -> Parser.Mode.SINGLE;
        };
        Ast.Mod mod = Parser.parse(source, filename, pm);
        return compile(mod, filename, mode, flags, optimize, source);
    }

    /** Compiles with optimisation level 0 (asserts kept) and no source text for error lines. */
    public static PyCode compile(Ast.Mod mod, String filename, Mode mode, int flags) {
        return compile(mod, filename, mode, flags, 0, null);
    }

    /**
     * Compiles {@code mod}.
     *
     * @param optimize 0: normal; 1 ({@code -O}): drop asserts, {@code __debug__} is False; 2
     *     ({@code -OO}): also drop docstrings
     * @param source the source text, used only for the {@code text} of SyntaxErrors (may be null)
     */
    public static PyCode compile(Ast.Mod mod, String filename, Mode mode, int flags, int optimize, String source) {
        Ast.Mod m = switch (mode) {
            case EXEC -> {
                if (!(mod instanceof Ast.Module)) throw new IllegalArgumentException("expected Module node for exec mode");
                yield mod;
            }
            case EVAL -> {
                if (!(mod instanceof Ast.Expression)) throw new IllegalArgumentException("expected Expression node for eval mode");
                yield mod;
            }
            case SINGLE -> mod instanceof Ast.Module mm ? new Ast.Interactive(mm.body(), mm.pos()) : mod;
        };
        String[] lines = source == null ? null : source.split("\r\n|\r|\n", -1);
        Future future = Future.parse(m, filename, lines);
        flags |= future.features();
        m = new ConstFolder(optimize > 0, (flags & CO_FUTURE_ANNOTATIONS) != 0).fold(m);
        Symtable st = Symtable.build(m, filename, (flags & CO_FUTURE_ANNOTATIONS) != 0,
                (msg, pos) -> CompilerBase.syntaxError(filename, lines, msg, pos == null ? -1 : pos.line(),
                        pos == null ? -1 : pos.col(), pos == null ? -1 : pos.endLine(), pos == null ? -1 : pos.endCol()));
        StmtCompiler c = new StmtCompiler(filename, st, flags, optimize, m instanceof Ast.Interactive, source);
        c.futureLocation = future.location();
        return c.compileModule(m);
    }
}
