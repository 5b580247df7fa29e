package dev.gilt.interp.parse;

import java.math.BigInteger;
import java.util.List;

/**
 * The abstract syntax tree: CPython 3.12's {@code ast} module as Java records. Record names and
 * component names follow {@code Parser/Python.asdl} so that a reader who knows Python's ast module
 * knows this one; every node carries its {@link Pos} last. Lists are never null (empty instead);
 * optional children ({@code expr?}) are null when absent.
 */
public final class Ast {
    private Ast() {}

    /**
     * Source span: 1-based lines, 0-based columns counted in code points of the source line;
     * the end column is exclusive (as CPython's end_col_offset).
     */
    public record Pos(int line, int col, int endLine, int endCol) {
        public static final Pos NONE = new Pos(0, 0, 0, 0);

        public Pos to(Pos end) {
            return new Pos(line, col, end.endLine, end.endCol);
        }
    }

    public sealed interface Node permits Mod, Stmt, Expr, ExceptHandler, Arg, Keyword, Alias {
        Pos pos();
    }

    // ---- modules --------------------------------------------------------------------------

    public sealed interface Mod extends Node {}

    /** A file or {@code exec} source. */
    public record Module(List<Stmt> body, Pos pos) implements Mod {}

    /** One REPL input ({@code single} mode): expression statements print their value. */
    public record Interactive(List<Stmt> body, Pos pos) implements Mod {}

    /** {@code eval} mode. */
    public record Expression(Expr body, Pos pos) implements Mod {}

    // ---- statements -----------------------------------------------------------------------

    public sealed interface Stmt extends Node {}

    public record FunctionDef(String name, Arguments args, List<Stmt> body, List<Expr> decoratorList,
            Expr returns, boolean isAsync, Pos pos) implements Stmt {}

    public record ClassDef(String name, List<Expr> bases, List<Keyword> keywords, List<Stmt> body,
            List<Expr> decoratorList, Pos pos) implements Stmt {}

    public record Return(Expr value, Pos pos) implements Stmt {}

    public record Delete(List<Expr> targets, Pos pos) implements Stmt {}

    /** {@code a = b = value}: several targets, one value. */
    public record Assign(List<Expr> targets, Expr value, Pos pos) implements Stmt {}

    public record AugAssign(Expr target, Operator op, Expr value, Pos pos) implements Stmt {}

    /** {@code simple} is true for a bare name target not in parentheses. */
    public record AnnAssign(Expr target, Expr annotation, Expr value, boolean simple, Pos pos) implements Stmt {}

    public record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, boolean isAsync, Pos pos)
            implements Stmt {}

    public record While(Expr test, List<Stmt> body, List<Stmt> orelse, Pos pos) implements Stmt {}

    public record If(Expr test, List<Stmt> body, List<Stmt> orelse, Pos pos) implements Stmt {}

    public record With(List<WithItem> items, List<Stmt> body, boolean isAsync, Pos pos) implements Stmt {}

    public record Match(Expr subject, List<MatchCase> cases, Pos pos) implements Stmt {}

    public record Raise(Expr exc, Expr cause, Pos pos) implements Stmt {}

    /** {@code isStar} marks {@code try: ... except* ...} (TryStar). */
    public record Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody,
            boolean isStar, Pos pos) implements Stmt {}

    public record Assert(Expr test, Expr msg, Pos pos) implements Stmt {}

    public record Import(List<Alias> names, Pos pos) implements Stmt {}

    /** {@code module} is null for {@code from . import x}; {@code level} counts the dots. */
    public record ImportFrom(String module, List<Alias> names, int level, Pos pos) implements Stmt {}

    public record Global(List<String> names, Pos pos) implements Stmt {}

    public record Nonlocal(List<String> names, Pos pos) implements Stmt {}

    /** An expression statement. */
    public record ExprStmt(Expr value, Pos pos) implements Stmt {}

    public record Pass(Pos pos) implements Stmt {}

    public record Break(Pos pos) implements Stmt {}

    public record Continue(Pos pos) implements Stmt {}

    // ---- expressions ----------------------------------------------------------------------

    public sealed interface Expr extends Node {}

    public enum Ctx { LOAD, STORE, DEL }

    public enum BoolOpKind { AND, OR }

    /** Binary operators, in the order of CPython's NB_* numbering is NOT implied; see symbol(). */
    public enum Operator {
        ADD("+"), SUB("-"), MULT("*"), MATMULT("@"), DIV("/"), MOD("%"), POW("**"), LSHIFT("<<"),
        RSHIFT(">>"), BITOR("|"), BITXOR("^"), BITAND("&"), FLOORDIV("//");

        public final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    public enum UnaryOpKind { INVERT, NOT, UADD, USUB }

    public enum CmpOp {
        EQ("=="), NOTEQ("!="), LT("<"), LTE("<="), GT(">"), GTE(">="), IS("is"), ISNOT("is not"),
        IN("in"), NOTIN("not in");

        public final String symbol;

        CmpOp(String symbol) {
            this.symbol = symbol;
        }
    }

    public record BoolOp(BoolOpKind op, List<Expr> values, Pos pos) implements Expr {}

    public record NamedExpr(Expr target, Expr value, Pos pos) implements Expr {}

    public record BinOp(Expr left, Operator op, Expr right, Pos pos) implements Expr {}

    public record UnaryOp(UnaryOpKind op, Expr operand, Pos pos) implements Expr {}

    public record Lambda(Arguments args, Expr body, Pos pos) implements Expr {}

    public record IfExp(Expr test, Expr body, Expr orelse, Pos pos) implements Expr {}

    /** A null key means {@code **value} unpacking. */
    public record Dict(List<Expr> keys, List<Expr> values, Pos pos) implements Expr {}

    public record SetExpr(List<Expr> elts, Pos pos) implements Expr {}

    public record ListComp(Expr elt, List<Comprehension> generators, Pos pos) implements Expr {}

    public record SetComp(Expr elt, List<Comprehension> generators, Pos pos) implements Expr {}

    public record DictComp(Expr key, Expr value, List<Comprehension> generators, Pos pos) implements Expr {}

    public record GeneratorExp(Expr elt, List<Comprehension> generators, Pos pos) implements Expr {}

    public record Await(Expr value, Pos pos) implements Expr {}

    public record Yield(Expr value, Pos pos) implements Expr {}

    public record YieldFrom(Expr value, Pos pos) implements Expr {}

    public record Compare(Expr left, List<CmpOp> ops, List<Expr> comparators, Pos pos) implements Expr {}

    public record Call(Expr func, List<Expr> args, List<Keyword> keywords, Pos pos) implements Expr {}

    /**
     * One replacement field of an f-string. {@code conversion} is -1 (none), 's', 'r' or 'a';
     * {@code formatSpec} is a JoinedStr or null.
     */
    public record FormattedValue(Expr value, int conversion, Expr formatSpec, Pos pos) implements Expr {}

    /** An f-string: Constant(str) and FormattedValue parts. */
    public record JoinedStr(List<Expr> values, Pos pos) implements Expr {}

    /**
     * A literal. {@code value} is one of: {@link Long} or {@link BigInteger} (int), {@link Double}
     * (float), {@link Imaginary} (complex literal {@code 1j}), {@link String} (str), {@link Bytes},
     * {@link Boolean}, {@link Const#NONE}, {@link Const#ELLIPSIS}.
     * The compiler also creates Constant nodes holding a {@code List<Object>} of such values for
     * folded tuples.
     */
    public record Constant(Object value, Pos pos) implements Expr {}

    public enum Const { NONE, ELLIPSIS }

    public record Imaginary(double imag) {}

    public record Bytes(byte[] value) {}

    public record Attribute(Expr value, String attr, Ctx ctx, Pos pos) implements Expr {}

    public record Subscript(Expr value, Expr slice, Ctx ctx, Pos pos) implements Expr {}

    public record Starred(Expr value, Ctx ctx, Pos pos) implements Expr {}

    public record Name(String id, Ctx ctx, Pos pos) implements Expr {}

    public record ListExpr(List<Expr> elts, Ctx ctx, Pos pos) implements Expr {}

    public record Tuple(List<Expr> elts, Ctx ctx, Pos pos) implements Expr {}

    public record Slice(Expr lower, Expr upper, Expr step, Pos pos) implements Expr {}

    // ---- helpers --------------------------------------------------------------------------

    public record Comprehension(Expr target, Expr iter, List<Expr> ifs, boolean isAsync) {}

    public record ExceptHandler(Expr type, String name, List<Stmt> body, Pos pos) implements Node {}

    /**
     * Parameters. {@code kwDefaults} is parallel to {@code kwonlyargs} (null entries where a
     * keyword-only parameter has no default); {@code defaults} belong to the last positional
     * parameters (posonlyargs then args).
     */
    public record Arguments(List<Arg> posonlyargs, List<Arg> args, Arg vararg, List<Arg> kwonlyargs,
            List<Expr> kwDefaults, Arg kwarg, List<Expr> defaults) {
        public static final Arguments EMPTY = new Arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of());
    }

    public record Arg(String arg, Expr annotation, Pos pos) implements Node {}

    /** {@code arg} is null for {@code **value}. */
    public record Keyword(String arg, Expr value, Pos pos) implements Node {}

    public record Alias(String name, String asname, Pos pos) implements Node {}

    public record WithItem(Expr contextExpr, Expr optionalVars) {}

    // ---- match (parsed; the compiler may report it as not yet supported) ------------------

    public record MatchCase(Pattern pattern, Expr guard, List<Stmt> body) {}

    public sealed interface Pattern {
        Pos pos();
    }

    public record MatchValue(Expr value, Pos pos) implements Pattern {}

    public record MatchSingleton(Object value, Pos pos) implements Pattern {}

    public record MatchSequence(List<Pattern> patterns, Pos pos) implements Pattern {}

    public record MatchMapping(List<Expr> keys, List<Pattern> patterns, String rest, Pos pos) implements Pattern {}

    public record MatchClass(Expr cls, List<Pattern> patterns, List<String> kwdAttrs, List<Pattern> kwdPatterns,
            Pos pos) implements Pattern {}

    public record MatchStar(String name, Pos pos) implements Pattern {}

    public record MatchAs(Pattern pattern, String name, Pos pos) implements Pattern {}

    public record MatchOr(List<Pattern> patterns, Pos pos) implements Pattern {}
}
