package dev.gilt.interp.compile;

import dev.gilt.interp.parse.Ast;
import dev.gilt.interp.parse.Ast.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Constant folding on the AST, where CPython 3.12's {@code ast_opt.c} folds: arithmetic on
 * numeric, str, bytes and tuple literals within CPython's size limits, unary operators on
 * literals, {@code not (a is b)} to {@code a is not b}, tuples of constants, subscripts of
 * constants, lists in {@code in} tests and {@code for} iterables to tuples, and {@code __debug__}.
 *
 * <p>Folded values are Java values as {@link Constant} holds them (Long, BigInteger, Double,
 * String, Bytes, Boolean, Const, Imaginary), plus {@code List<Object>} for tuples and
 * {@link Complex} for complex numbers with a real part. Anything that would raise, or whose
 * result CPython refuses to precompute (too large), is left alone and happens at run time.
 */
final class ConstFolder {
    /** A complex constant with a real part (only the folder makes them). */
    record Complex(double re, double im) {}

    private static final int MAX_INT_SIZE = 128, MAX_COLLECTION_SIZE = 256, MAX_STR_SIZE = 4096;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE), LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final boolean optimize;
    /** Under {@code from __future__ import annotations} annotations stay as written (they become strings). */
    private final boolean keepAnnotations;

    ConstFolder(boolean optimize, boolean keepAnnotations) {
        this.optimize = optimize;
        this.keepAnnotations = keepAnnotations;
    }

    private Expr annotation(Expr e) {
        return e == null || keepAnnotations ? e : expr(e);
    }

    // ---- tree walk ---------------------------------------------------------------------------

    Mod fold(Mod m) {
        return switch (m) {
            case Ast.Module x -> new Ast.Module(stmts(x.body()), x.pos());
            case Interactive x -> new Interactive(stmts(x.body()), x.pos());
            case Expression x -> new Expression(expr(x.body()), x.pos());
        };
    }

    List<Stmt> stmts(List<Stmt> ss) {
        List<Stmt> out = new ArrayList<>(ss.size());
        for (Stmt s : ss) out.add(stmt(s));
        return out;
    }

    private List<Expr> exprs(List<Expr> es) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) out.add(e == null ? null : expr(e));
        return out;
    }

    private Expr opt(Expr e) {
        return e == null ? null : expr(e);
    }

    private Arguments args(Arguments a) {
        return new Arguments(params(a.posonlyargs()), params(a.args()), param(a.vararg()), params(a.kwonlyargs()),
                exprs(a.kwDefaults()), param(a.kwarg()), exprs(a.defaults()));
    }

    private List<Arg> params(List<Arg> as) {
        List<Arg> out = new ArrayList<>(as.size());
        for (Arg a : as) out.add(param(a));
        return out;
    }

    private Arg param(Arg a) {
        return a == null ? null : new Arg(a.arg(), annotation(a.annotation()), a.pos());
    }

    private List<Keyword> keywords(List<Keyword> ks) {
        List<Keyword> out = new ArrayList<>(ks.size());
        for (Keyword k : ks) out.add(new Keyword(k.arg(), expr(k.value()), k.pos()));
        return out;
    }

    Stmt stmt(Stmt s) {
        return switch (s) {
            case FunctionDef f -> new FunctionDef(f.name(), args(f.args()), stmts(f.body()), exprs(f.decoratorList()),
                    annotation(f.returns()), f.isAsync(), f.pos());
            case ClassDef c -> new ClassDef(c.name(), exprs(c.bases()), keywords(c.keywords()), stmts(c.body()),
                    exprs(c.decoratorList()), c.pos());
            case Return r -> new Return(opt(r.value()), r.pos());
            case Delete d -> new Delete(exprs(d.targets()), d.pos());
            case Assign a -> new Assign(exprs(a.targets()), expr(a.value()), a.pos());
            case AugAssign a -> new AugAssign(expr(a.target()), a.op(), expr(a.value()), a.pos());
            case AnnAssign a -> new AnnAssign(expr(a.target()), annotation(a.annotation()), opt(a.value()), a.simple(),
                    a.pos());
            case For f -> new For(expr(f.target()), iter(expr(f.iter())), stmts(f.body()), stmts(f.orelse()), f.isAsync(),
                    f.pos());
            case While w -> new While(expr(w.test()), stmts(w.body()), stmts(w.orelse()), w.pos());
            case If i -> new If(expr(i.test()), stmts(i.body()), stmts(i.orelse()), i.pos());
            case With w -> {
                List<WithItem> items = new ArrayList<>();
                for (WithItem it : w.items()) items.add(new WithItem(expr(it.contextExpr()), opt(it.optionalVars())));
                yield new With(items, stmts(w.body()), w.isAsync(), w.pos());
            }
            case Match m -> {
                List<MatchCase> cases = new ArrayList<>();
                for (MatchCase c : m.cases()) cases.add(new MatchCase(pattern(c.pattern()), opt(c.guard()), stmts(c.body())));
                yield new Match(expr(m.subject()), cases, m.pos());
            }
            case Raise r -> new Raise(opt(r.exc()), opt(r.cause()), r.pos());
            case Try t -> {
                List<ExceptHandler> hs = new ArrayList<>();
                for (ExceptHandler h : t.handlers()) hs.add(new ExceptHandler(opt(h.type()), h.name(), stmts(h.body()), h.pos()));
                yield new Try(stmts(t.body()), hs, stmts(t.orelse()), stmts(t.finalbody()), t.isStar(), t.pos());
            }
            case Assert a -> new Assert(expr(a.test()), opt(a.msg()), a.pos());
            case ExprStmt e -> new ExprStmt(expr(e.value()), e.pos());
            case Import i -> i;
            case ImportFrom i -> i;
            case Global g -> g;
            case Nonlocal n -> n;
            case Pass p -> p;
            case Break b -> b;
            case Continue c -> c;
        };
    }

    private Pattern pattern(Pattern p) {
        return switch (p) {
            case MatchValue v -> new MatchValue(expr(v.value()), v.pos());
            case MatchSingleton v -> v;
            case MatchSequence v -> new MatchSequence(patterns(v.patterns()), v.pos());
            case MatchMapping v -> new MatchMapping(exprs(v.keys()), patterns(v.patterns()), v.rest(), v.pos());
            case MatchClass v -> new MatchClass(expr(v.cls()), patterns(v.patterns()), v.kwdAttrs(),
                    patterns(v.kwdPatterns()), v.pos());
            case MatchStar v -> v;
            case MatchAs v -> new MatchAs(v.pattern() == null ? null : pattern(v.pattern()), v.name(), v.pos());
            case MatchOr v -> new MatchOr(patterns(v.patterns()), v.pos());
        };
    }

    private List<Pattern> patterns(List<Pattern> ps) {
        List<Pattern> out = new ArrayList<>(ps.size());
        for (Pattern p : ps) out.add(pattern(p));
        return out;
    }

    private List<Ast.Comprehension> gens(List<Ast.Comprehension> gs) {
        List<Ast.Comprehension> out = new ArrayList<>(gs.size());
        for (Ast.Comprehension g : gs) {
            out.add(new Ast.Comprehension(expr(g.target()), iter(expr(g.iter())), exprs(g.ifs()), g.isAsync()));
        }
        return out;
    }

    /** A list display iterated over becomes a tuple (then folds if constant). */
    private Expr iter(Expr e) {
        if (e instanceof ListExpr l && l.ctx() == Ctx.LOAD) return tuple(new Tuple(l.elts(), Ctx.LOAD, l.pos()));
        return e;
    }

    Expr expr(Expr e) {
        return switch (e) {
            case BoolOp b -> new BoolOp(b.op(), exprs(b.values()), b.pos());
            case NamedExpr n -> new NamedExpr(n.target(), expr(n.value()), n.pos());
            case BinOp b -> binop(new BinOp(expr(b.left()), b.op(), expr(b.right()), b.pos()));
            case UnaryOp u -> unary(new UnaryOp(u.op(), expr(u.operand()), u.pos()));
            case Lambda l -> new Lambda(args(l.args()), expr(l.body()), l.pos());
            case IfExp i -> new IfExp(expr(i.test()), expr(i.body()), expr(i.orelse()), i.pos());
            case Dict d -> new Dict(exprs(d.keys()), exprs(d.values()), d.pos());
            case SetExpr s -> new SetExpr(exprs(s.elts()), s.pos());
            case ListComp c -> new ListComp(expr(c.elt()), gens(c.generators()), c.pos());
            case SetComp c -> new SetComp(expr(c.elt()), gens(c.generators()), c.pos());
            case DictComp c -> new DictComp(expr(c.key()), expr(c.value()), gens(c.generators()), c.pos());
            case GeneratorExp c -> new GeneratorExp(expr(c.elt()), gens(c.generators()), c.pos());
            case Await a -> new Await(expr(a.value()), a.pos());
            case Yield y -> new Yield(opt(y.value()), y.pos());
            case YieldFrom y -> new YieldFrom(expr(y.value()), y.pos());
            case Compare c -> compare(new Compare(expr(c.left()), c.ops(), exprs(c.comparators()), c.pos()));
            case Call c -> new Call(expr(c.func()), exprs(c.args()), keywords(c.keywords()), c.pos());
            case FormattedValue f -> new FormattedValue(expr(f.value()), f.conversion(), opt(f.formatSpec()), f.pos());
            case JoinedStr j -> new JoinedStr(exprs(j.values()), j.pos());
            case Constant c -> c;
            case Attribute a -> new Attribute(expr(a.value()), a.attr(), a.ctx(), a.pos());
            case Subscript s -> subscript(new Subscript(expr(s.value()), expr(s.slice()), s.ctx(), s.pos()));
            case Starred s -> new Starred(expr(s.value()), s.ctx(), s.pos());
            case Name n -> n.ctx() == Ctx.LOAD && n.id().equals("__debug__") ? new Constant(!optimize, n.pos()) : n;
            case ListExpr l -> new ListExpr(exprs(l.elts()), l.ctx(), l.pos());
            case Tuple t -> tuple(new Tuple(exprs(t.elts()), t.ctx(), t.pos()));
            case Slice s -> new Slice(opt(s.lower()), opt(s.upper()), opt(s.step()), s.pos());
        };
    }

    private static Expr tuple(Tuple t) {
        if (t.ctx() != Ctx.LOAD) return t;
        List<Object> vals = new ArrayList<>(t.elts().size());
        for (Expr e : t.elts()) {
            if (!(e instanceof Constant c)) return t;
            vals.add(c.value());
        }
        return new Constant(vals, t.pos());
    }

    private Expr compare(Compare c) {
        // `x in [a, b]` tests a tuple instead (no list needs to be built).
        if (c.ops().size() > 0) {
            CmpOp last = c.ops().get(c.ops().size() - 1);
            Expr rhs = c.comparators().get(c.comparators().size() - 1);
            if ((last == CmpOp.IN || last == CmpOp.NOTIN) && rhs instanceof ListExpr l) {
                List<Expr> cs = new ArrayList<>(c.comparators());
                cs.set(cs.size() - 1, tuple(new Tuple(l.elts(), Ctx.LOAD, l.pos())));
                return new Compare(c.left(), c.ops(), cs, c.pos());
            }
        }
        return c;
    }

    private Expr unary(UnaryOp u) {
        if (u.op() == UnaryOpKind.NOT && u.operand() instanceof Compare c && c.ops().size() == 1) {
            CmpOp inv = switch (c.ops().get(0)) {
                case IS -> CmpOp.ISNOT;
                case ISNOT -> CmpOp.IS;
                case IN -> CmpOp.NOTIN;
                case NOTIN -> CmpOp.IN;
                default -> null;
            };
            if (inv != null) return new Compare(c.left(), List.of(inv), c.comparators(), u.pos());
        }
        if (!(u.operand() instanceof Constant c)) return u;
        Object v = c.value();
        Object r = switch (u.op()) {
            case NOT -> !truth(v);
            case UADD -> isNumber(v) ? normInt(v) : null;
            case USUB -> negate(v);
            case INVERT -> isInt(v) ? norm(big(v).not()) : null;
        };
        return r == null ? u : new Constant(r, u.pos());
    }

    private Expr subscript(Subscript s) {
        if (s.ctx() != Ctx.LOAD || !(s.value() instanceof Constant cv) || !(s.slice() instanceof Constant ci)) return s;
        if (!isInt(ci.value()) || ci.value() instanceof Boolean) return s;
        BigInteger bi = big(ci.value());
        Object v = cv.value();
        Object r = null;
        if (v instanceof String str) {
            int[] cps = str.codePoints().toArray();
            int i = index(bi, cps.length);
            if (i >= 0) r = new String(cps, i, 1);
        } else if (v instanceof List<?> l) {
            int i = index(bi, l.size());
            if (i >= 0) r = l.get(i);
        } else if (v instanceof Bytes b) {
            int i = index(bi, b.value().length);
            if (i >= 0) r = (long) (b.value()[i] & 0xff);
        }
        return r == null ? s : new Constant(r, s.pos());
    }

    private static int index(BigInteger bi, int len) {
        if (bi.bitLength() > 31) return -1;
        int i = bi.intValue();
        if (i < 0) i += len;
        return i >= 0 && i < len ? i : -1;
    }

    // ---- binary operators ----------------------------------------------------------------------

    private Expr binop(BinOp b) {
        if (b.op() == Operator.MOD && b.left() instanceof Constant fc && fc.value() instanceof String fmt
                && b.right() instanceof Tuple t && t.elts().stream().noneMatch(x -> x instanceof Starred)) {
            Expr f = optimizeFormat(b, fmt, t.elts());
            return f != null ? f : b;
        }
        if (!(b.left() instanceof Constant l) || !(b.right() instanceof Constant r)) return b;
        Object v;
        try {
            v = binary(b.op(), l.value(), r.value());
        } catch (ArithmeticException e) {
            v = null;
        }
        return v == null ? b : new Constant(v, b.pos());
    }

    // ---- '%s' % (a, b) as an f-string (CPython 3.12's optimize_format) -------------------------

    private static final Pos NO_POS = new Pos(-1, -1, -1, -1);
    private static final int MAXDIGITS = 3;

    /**
     * {@code 'x%sy%r' % (a, b)} with only %s, %r and %a (optionally with width and precision)
     * becomes {@code f'x{a!s}y{b!r}'}; null when the format has anything else or the counts differ.
     */
    private static Expr optimizeFormat(BinOp node, String fmt, List<Expr> elts) {
        int[] cps = fmt.codePoints().toArray();
        int[] pos = {0};
        int cnt = 0;
        List<Expr> seq = new ArrayList<>();
        while (true) {
            Expr lit = parseLiteral(cps, pos);
            if (lit != null) seq.add(lit);
            if (pos[0] >= cps.length) break;
            if (cnt >= elts.size()) return null;
            pos[0]++; // the '%'
            Expr e = parseFormat(cps, pos, elts.get(cnt));
            cnt++;
            if (e == null) return null;
            seq.add(e);
        }
        if (cnt < elts.size()) return null;
        return new JoinedStr(seq, node.pos());
    }

    private static Expr parseLiteral(int[] cps, int[] ppos) {
        int start = ppos[0], pos = start;
        boolean percents = false;
        while (pos < cps.length) {
            if (cps[pos] != '%') {
                pos++;
            } else if (pos + 1 < cps.length && cps[pos + 1] == '%') {
                percents = true;
                pos += 2;
            } else {
                break;
            }
        }
        ppos[0] = pos;
        if (pos == start) return null;
        String str = new String(cps, start, pos - start);
        if (percents) str = str.replace("%%", "%");
        return new Constant(str, NO_POS);
    }

    private static Expr parseFormat(int[] cps, int[] ppos, Expr arg) {
        int pos = ppos[0];
        boolean ljust = false;
        int width = -1, prec = -1;
        int ch;
        while (true) {
            if (pos >= cps.length) return null;
            ch = cps[pos++];
            if (ch == '-') ljust = true;
            else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0') break;
        }
        if (ch >= '0' && ch <= '9') {
            width = 0;
            int digits = 0;
            while (ch >= '0' && ch <= '9') {
                width = width * 10 + (ch - '0');
                if (pos >= cps.length) return null;
                ch = cps[pos++];
                if (++digits >= MAXDIGITS) return null;
            }
        }
        if (ch == '.') {
            if (pos >= cps.length) return null;
            ch = cps[pos++];
            prec = 0;
            int digits = 0;
            while (ch >= '0' && ch <= '9') {
                prec = prec * 10 + (ch - '0');
                if (pos >= cps.length) return null;
                ch = cps[pos++];
                if (++digits >= MAXDIGITS) return null;
            }
        }
        ppos[0] = pos;
        if (ch != 's' && ch != 'r' && ch != 'a') return null;
        // Flags other than '-' are accepted and ignored for these conversions, as CPython does.
        StringBuilder spec = new StringBuilder();
        if (!ljust && width > 0) spec.append('>');
        if (width >= 0) spec.append(width);
        if (prec >= 0) spec.append('.').append(prec);
        Expr formatSpec = spec.isEmpty() ? null : new Constant(spec.toString(), NO_POS);
        return new FormattedValue(arg, ch, formatSpec, arg.pos());
    }

    /** The folded value, or null to leave the operation to run time. */
    static Object binary(Operator op, Object a, Object b) {
        if (isInt(a) && isInt(b)) return intOp(op, big(a), big(b));
        if (isNumber(a) && isNumber(b)) {
            if (isComplex(a) || isComplex(b)) return complexOp(op, a, b);
            Double x = toDouble(a), y = toDouble(b);
            if (x == null || y == null) return null;
            return floatOp(op, x, y);
        }
        if (a instanceof String s) {
            if (op == Operator.ADD && b instanceof String t) {
                return s.length() + t.length() <= MAX_STR_SIZE ? s + t : null;
            }
            if (op == Operator.MULT && isInt(b)) return repeatStr(s, big(b));
            return null;
        }
        if (isInt(a) && op == Operator.MULT && (b instanceof String || b instanceof Bytes || b instanceof List<?>)) {
            return binary(op, b, a);
        }
        if (a instanceof Bytes x) {
            if (op == Operator.ADD && b instanceof Bytes y) {
                if (x.value().length + y.value().length > MAX_STR_SIZE) return null;
                byte[] r = Arrays.copyOf(x.value(), x.value().length + y.value().length);
                System.arraycopy(y.value(), 0, r, x.value().length, y.value().length);
                return new Bytes(r);
            }
            if (op == Operator.MULT && isInt(b)) {
                BigInteger n = big(b);
                int len = x.value().length;
                if (n.signum() <= 0 || len == 0) return new Bytes(new byte[0]);
                if (n.bitLength() > 31 || (long) len * n.intValue() > MAX_STR_SIZE) return null;
                byte[] r = new byte[len * n.intValue()];
                for (int i = 0; i < n.intValue(); i++) System.arraycopy(x.value(), 0, r, i * len, len);
                return new Bytes(r);
            }
            return null;
        }
        if (a instanceof List<?> x) {
            if (op == Operator.ADD && b instanceof List<?> y) {
                if (x.size() + y.size() > MAX_COLLECTION_SIZE) return null;
                List<Object> r = new ArrayList<>(x);
                r.addAll(y);
                return r;
            }
            if (op == Operator.MULT && isInt(b)) {
                BigInteger n = big(b);
                if (n.signum() <= 0 || x.isEmpty()) return new ArrayList<>();
                if (n.bitLength() > 31 || (long) x.size() * n.intValue() > MAX_COLLECTION_SIZE) return null;
                List<Object> r = new ArrayList<>();
                for (int i = 0; i < n.intValue(); i++) r.addAll(x);
                return r;
            }
        }
        return null;
    }

    private static Object repeatStr(String s, BigInteger n) {
        if (n.signum() <= 0 || s.isEmpty()) return "";
        if (n.bitLength() > 31 || (long) s.length() * n.intValue() > MAX_STR_SIZE) return null;
        return s.repeat(n.intValue());
    }

    private static Object intOp(Operator op, BigInteger a, BigInteger b) {
        switch (op) {
            case ADD: return norm(a.add(b));
            case SUB: return norm(a.subtract(b));
            case MULT:
                if (a.signum() != 0 && b.signum() != 0 && a.bitLength() + b.bitLength() > MAX_INT_SIZE) return null;
                return norm(a.multiply(b));
            case FLOORDIV:
                if (b.signum() == 0) return null;
                return norm(floorDiv(a, b));
            case MOD:
                if (b.signum() == 0) return null;
                return norm(a.subtract(floorDiv(a, b).multiply(b)));
            case POW:
                if (b.signum() < 0) {
                    if (a.signum() == 0) return null;
                    Double x = toDouble(a), y = toDouble(b);
                    return x == null || y == null ? null : floatOp(Operator.POW, x, y);
                }
                if (b.bitLength() > 31) return null;
                if (a.signum() != 0 && (long) a.bitLength() * b.intValue() > MAX_INT_SIZE) return null;
                return norm(a.pow(b.intValue()));
            case LSHIFT:
                if (b.signum() < 0) return null;
                if (a.signum() != 0 && (b.bitLength() > 31 || a.bitLength() + b.intValue() > MAX_INT_SIZE)) return null;
                return a.signum() == 0 ? 0L : norm(a.shiftLeft(b.intValue()));
            case RSHIFT:
                if (b.signum() < 0) return null;
                if (b.bitLength() > 31) return a.signum() < 0 ? -1L : 0L;
                return norm(a.shiftRight(b.intValue()));
            case BITAND: return norm(a.and(b));
            case BITOR: return norm(a.or(b));
            case BITXOR: return norm(a.xor(b));
            case DIV: {
                if (b.signum() == 0) return null;
                BigInteger lim = BigInteger.ONE.shiftLeft(53);
                if (a.abs().compareTo(lim) > 0 || b.abs().compareTo(lim) > 0) return null;
                return a.doubleValue() / b.doubleValue();
            }
            default: return null;
        }
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && (qr[1].signum() != b.signum())) return qr[0].subtract(BigInteger.ONE);
        return qr[0];
    }

    private static Object floatOp(Operator op, double a, double b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MULT: return a * b;
            case DIV: return b == 0 ? null : a / b;
            case FLOORDIV:
            case MOD: {
                if (b == 0) return null;
                double mod = a % b;
                double div = (a - mod) / b;
                if (mod != 0) {
                    if ((b < 0) != (mod < 0)) {
                        mod += b;
                        div -= 1.0;
                    }
                } else {
                    mod = Math.copySign(0.0, b);
                }
                double floordiv;
                if (div != 0) {
                    floordiv = Math.floor(div);
                    if (div - floordiv > 0.5) floordiv += 1.0;
                } else {
                    floordiv = Math.copySign(0.0, a / b);
                }
                return op == Operator.MOD ? mod : floordiv;
            }
            case POW: {
                if (a == 0 && b < 0) return null;
                if (a < 0 && b != Math.floor(b) && Double.isFinite(b)) return null;
                double r = Math.pow(a, b);
                if (Double.isInfinite(r) && Double.isFinite(a) && Double.isFinite(b)) return null;
                return r;
            }
            default: return null;
        }
    }

    private static Object complexOp(Operator op, Object a, Object b) {
        double[] x = toComplex(a), y = toComplex(b);
        if (x == null || y == null) return null;
        return switch (op) {
            case ADD -> complex(x[0] + y[0], x[1] + y[1]);
            case SUB -> complex(x[0] - y[0], x[1] - y[1]);
            case MULT -> complex(x[0] * y[0] - x[1] * y[1], x[0] * y[1] + x[1] * y[0]);
            default -> null;
        };
    }

    private static Object complex(double re, double im) {
        return new Complex(re, im);
    }

    // ---- value helpers ------------------------------------------------------------------------

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof BigInteger || v instanceof Boolean;
    }

    private static boolean isComplex(Object v) {
        return v instanceof Imaginary || v instanceof Complex;
    }

    private static boolean isNumber(Object v) {
        return isInt(v) || v instanceof Double || isComplex(v);
    }

    static BigInteger big(Object v) {
        if (v instanceof Long l) return BigInteger.valueOf(l);
        if (v instanceof Boolean b) return b ? BigInteger.ONE : BigInteger.ZERO;
        return (BigInteger) v;
    }

    static Object norm(BigInteger b) {
        return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0 ? (Object) b.longValue() : b;
    }

    private static Object normInt(Object v) {
        return v instanceof Boolean ? norm(big(v)) : v;
    }

    private static Double toDouble(Object v) {
        if (v instanceof Double d) return d;
        BigInteger b = big(v);
        if (b.bitLength() > 1024) return null;
        double d = b.doubleValue();
        return Double.isInfinite(d) ? null : d;
    }

    private static double[] toComplex(Object v) {
        if (v instanceof Imaginary i) return new double[] {0.0, i.imag()};
        if (v instanceof Complex c) return new double[] {c.re(), c.im()};
        Double d = toDouble(v);
        return d == null ? null : new double[] {d, 0.0};
    }

    private static Object negate(Object v) {
        if (isInt(v)) return norm(big(v).negate());
        if (v instanceof Double d) return -d;
        if (v instanceof Imaginary i) return new Complex(-0.0, -i.imag());
        if (v instanceof Complex c) return new Complex(-c.re(), -c.im());
        return null;
    }

    static boolean truth(Object v) {
        if (v instanceof Boolean b) return b;
        if (isInt(v)) return big(v).signum() != 0;
        if (v instanceof Double d) return d != 0.0;
        if (v instanceof Imaginary i) return i.imag() != 0.0;
        if (v instanceof Complex c) return c.re() != 0.0 || c.im() != 0.0;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof Bytes b) return b.value().length != 0;
        if (v instanceof List<?> l) return !l.isEmpty();
        if (v == Const.NONE) return false;
        return true;
    }
}
