package dev.gilt.interp.compile;

import dev.gilt.interp.bytecode.Disassembler;
import dev.gilt.interp.parse.Ast.*;
import java.util.List;

/**
 * Expression to source text, as CPython's {@code _PyAST_ExprAsUnicode} writes it: the string an
 * annotation becomes under {@code from __future__ import annotations}. Parentheses are added only
 * where precedence needs them; constants are written as their repr (infinity as 1e309).
 */
final class Unparser {
    private Unparser() {}

    // Precedence levels, lowest first (ast_unparse.c's order).
    private static final int TUPLE = 0, TEST = 1, OR = 2, AND = 3, NOT = 4, CMP = 5, EXPR = 6, BOR = EXPR,
            BXOR = 7, BAND = 8, SHIFT = 9, ARITH = 10, TERM = 11, FACTOR = 12, POWER = 13, AWAIT = 14, ATOM = 15;

    static String unparse(Expr e) {
        StringBuilder sb = new StringBuilder();
        expr(sb, e, TEST);
        return sb.toString();
    }

    private static void expr(StringBuilder sb, Expr e, int level) {
        switch (e) {
            case BoolOp b -> {
                int pr = b.op() == BoolOpKind.AND ? AND : OR;
                open(sb, level > pr);
                for (int i = 0; i < b.values().size(); i++) {
                    if (i > 0) sb.append(b.op() == BoolOpKind.AND ? " and " : " or ");
                    expr(sb, b.values().get(i), pr + 1);
                }
                close(sb, level > pr);
            }
            case BinOp b -> {
                int pr = binPrec(b.op());
                boolean rassoc = b.op() == Operator.POW;
                open(sb, level > pr);
                expr(sb, b.left(), pr + (rassoc ? 1 : 0));
                sb.append(' ').append(b.op().symbol).append(' ');
                expr(sb, b.right(), pr + (rassoc ? 0 : 1));
                close(sb, level > pr);
            }
            case UnaryOp u -> {
                int pr = u.op() == UnaryOpKind.NOT ? NOT : FACTOR;
                open(sb, level > pr);
                sb.append(switch (u.op()) {
                    case INVERT -> "~";
                    case NOT -> "not ";
                    case UADD -> "+";
                    case USUB -> "-";
                });
                expr(sb, u.operand(), pr);
                close(sb, level > pr);
            }
            case Lambda l -> {
                open(sb, level > TEST);
                sb.append("lambda");
                StringBuilder args = new StringBuilder();
                arguments(args, l.args());
                if (!args.isEmpty()) sb.append(' ').append(args);
                sb.append(": ");
                expr(sb, l.body(), TEST);
                close(sb, level > TEST);
            }
            case IfExp i -> {
                open(sb, level > TEST);
                expr(sb, i.body(), TEST + 1);
                sb.append(" if ");
                expr(sb, i.test(), TEST + 1);
                sb.append(" else ");
                expr(sb, i.orelse(), TEST);
                close(sb, level > TEST);
            }
            case Dict d -> {
                sb.append('{');
                for (int i = 0; i < d.values().size(); i++) {
                    if (i > 0) sb.append(", ");
                    Expr k = d.keys().get(i);
                    if (k == null) {
                        sb.append("**");
                        expr(sb, d.values().get(i), EXPR);
                    } else {
                        expr(sb, k, TEST);
                        sb.append(": ");
                        expr(sb, d.values().get(i), TEST);
                    }
                }
                sb.append('}');
            }
            case SetExpr s -> {
                if (s.elts().isEmpty()) {
                    sb.append("{*()}");
                } else {
                    sb.append('{');
                    seq(sb, s.elts(), TEST);
                    sb.append('}');
                }
            }
            case ListComp c -> {
                sb.append('[');
                expr(sb, c.elt(), TEST);
                generators(sb, c.generators());
                sb.append(']');
            }
            case SetComp c -> {
                sb.append('{');
                expr(sb, c.elt(), TEST);
                generators(sb, c.generators());
                sb.append('}');
            }
            case DictComp c -> {
                sb.append('{');
                expr(sb, c.key(), TEST);
                sb.append(": ");
                expr(sb, c.value(), TEST);
                generators(sb, c.generators());
                sb.append('}');
            }
            case GeneratorExp g -> {
                sb.append('(');
                expr(sb, g.elt(), TEST);
                generators(sb, g.generators());
                sb.append(')');
            }
            case Await a -> {
                open(sb, level > AWAIT);
                sb.append("await ");
                expr(sb, a.value(), ATOM);
                close(sb, level > AWAIT);
            }
            case Yield y -> {
                if (y.value() == null) {
                    sb.append("(yield)");
                } else {
                    sb.append("(yield ");
                    expr(sb, y.value(), TEST);
                    sb.append(')');
                }
            }
            case YieldFrom y -> {
                sb.append("(yield from ");
                expr(sb, y.value(), TEST);
                sb.append(')');
            }
            case Compare c -> {
                open(sb, level > CMP);
                expr(sb, c.left(), CMP + 1);
                for (int i = 0; i < c.ops().size(); i++) {
                    sb.append(' ').append(c.ops().get(i).symbol).append(' ');
                    expr(sb, c.comparators().get(i), CMP + 1);
                }
                close(sb, level > CMP);
            }
            case Call c -> {
                expr(sb, c.func(), ATOM);
                if (c.args().size() == 1 && c.keywords().isEmpty() && c.args().get(0) instanceof GeneratorExp g) {
                    expr(sb, g, TEST); // f(x for x in y): the generator's parentheses are the call's
                    return;
                }
                sb.append('(');
                boolean first = true;
                for (Expr a : c.args()) {
                    if (!first) sb.append(", ");
                    first = false;
                    expr(sb, a, TEST);
                }
                for (Keyword k : c.keywords()) {
                    if (!first) sb.append(", ");
                    first = false;
                    if (k.arg() == null) sb.append("**");
                    else sb.append(k.arg()).append('=');
                    expr(sb, k.value(), TEST);
                }
                sb.append(')');
            }
            case JoinedStr j -> {
                StringBuilder body = new StringBuilder();
                fstringBody(body, j.values());
                sb.append('f').append(Disassembler.strRepr(body.toString()));
            }
            case FormattedValue f -> {
                StringBuilder body = new StringBuilder();
                fstringBody(body, List.of(f));
                sb.append('f').append(Disassembler.strRepr(body.toString()));
            }
            case Constant c -> constant(sb, c.value());
            case Attribute a -> {
                expr(sb, a.value(), ATOM);
                // "1 .real": a period right after an int literal would read as a float.
                boolean intLiteral = a.value() instanceof Constant k && ConstFolder.isInt(k.value())
                        && !(k.value() instanceof Boolean);
                sb.append(intLiteral ? " ." : ".").append(a.attr());
            }
            case Subscript s -> {
                expr(sb, s.value(), ATOM);
                sb.append('[');
                expr(sb, s.slice(), TUPLE);
                sb.append(']');
            }
            case Starred s -> {
                sb.append('*');
                expr(sb, s.value(), EXPR);
            }
            case Name n -> sb.append(n.id());
            case ListExpr l -> {
                sb.append('[');
                seq(sb, l.elts(), TEST);
                sb.append(']');
            }
            case Tuple t -> {
                if (t.elts().isEmpty()) {
                    sb.append("()");
                    return;
                }
                open(sb, level > TUPLE);
                seq(sb, t.elts(), TEST);
                if (t.elts().size() == 1) sb.append(',');
                close(sb, level > TUPLE);
            }
            case Slice s -> {
                if (s.lower() != null) expr(sb, s.lower(), TEST);
                sb.append(':');
                if (s.upper() != null) expr(sb, s.upper(), TEST);
                if (s.step() != null) {
                    sb.append(':');
                    expr(sb, s.step(), TEST);
                }
            }
            case NamedExpr n -> {
                open(sb, level > TUPLE);
                expr(sb, n.target(), ATOM);
                sb.append(" := ");
                expr(sb, n.value(), ATOM);
                close(sb, level > TUPLE);
            }
        }
    }

    private static void open(StringBuilder sb, boolean b) {
        if (b) sb.append('(');
    }

    private static void close(StringBuilder sb, boolean b) {
        if (b) sb.append(')');
    }

    private static void seq(StringBuilder sb, List<Expr> es, int level) {
        for (int i = 0; i < es.size(); i++) {
            if (i > 0) sb.append(", ");
            expr(sb, es.get(i), level);
        }
    }

    private static int binPrec(Operator op) {
        return switch (op) {
            case ADD, SUB -> ARITH;
            case MULT, MATMULT, DIV, MOD, FLOORDIV -> TERM;
            case LSHIFT, RSHIFT -> SHIFT;
            case BITOR -> BOR;
            case BITXOR -> BXOR;
            case BITAND -> BAND;
            case POW -> POWER;
        };
    }

    private static void generators(StringBuilder sb, List<Comprehension> gens) {
        for (Comprehension g : gens) {
            sb.append(g.isAsync() ? " async for " : " for ");
            expr(sb, g.target(), TUPLE);
            sb.append(" in ");
            expr(sb, g.iter(), TEST + 1);
            for (Expr cond : g.ifs()) {
                sb.append(" if ");
                expr(sb, cond, TEST + 1);
            }
        }
    }

    private static void arguments(StringBuilder sb, Arguments a) {
        boolean first = true;
        int npos = a.posonlyargs().size() + a.args().size();
        int firstDefault = npos - a.defaults().size();
        int i = 0;
        for (List<Arg> group : List.of(a.posonlyargs(), a.args())) {
            for (Arg p : group) {
                if (!first) sb.append(", ");
                first = false;
                sb.append(p.arg());
                if (i >= firstDefault) {
                    sb.append('=');
                    expr(sb, a.defaults().get(i - firstDefault), TEST);
                }
                i++;
            }
            if (group == a.posonlyargs() && !a.posonlyargs().isEmpty()) sb.append(", /");
        }
        if (a.vararg() != null || !a.kwonlyargs().isEmpty()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append('*');
            if (a.vararg() != null) sb.append(a.vararg().arg());
        }
        for (int k = 0; k < a.kwonlyargs().size(); k++) {
            sb.append(", ").append(a.kwonlyargs().get(k).arg());
            Expr d = k < a.kwDefaults().size() ? a.kwDefaults().get(k) : null;
            if (d != null) {
                sb.append('=');
                expr(sb, d, TEST);
            }
        }
        if (a.kwarg() != null) {
            if (!first) sb.append(", ");
            sb.append("**").append(a.kwarg().arg());
        }
    }

    private static void constant(StringBuilder sb, Object v) {
        if (v == Const.ELLIPSIS) {
            sb.append("...");
            return;
        }
        String r = Disassembler.repr(CompilerBase.toPy(v));
        // A float literal too large for a double reads back as infinity: write it as 1e309.
        if (v instanceof Double || v instanceof Imaginary || v instanceof ConstFolder.Complex) {
            r = r.replace("inf", "1e309");
        }
        sb.append(r);
    }

    /** The text between the quotes of an f-string: literal parts with braces doubled, fields. */
    private static void fstringBody(StringBuilder sb, List<Expr> values) {
        for (Expr v : values) {
            if (v instanceof Constant c && c.value() instanceof String s) {
                sb.append(s.replace("{", "{{").replace("}", "}}"));
            } else if (v instanceof FormattedValue f) {
                StringBuilder inner = new StringBuilder();
                expr(inner, f.value(), TEST + 1);
                sb.append('{');
                if (inner.length() > 0 && inner.charAt(0) == '{') sb.append(' ');
                sb.append(inner);
                if (f.conversion() > 0) sb.append('!').append((char) f.conversion());
                if (f.formatSpec() != null) {
                    sb.append(':');
                    if (f.formatSpec() instanceof JoinedStr spec) fstringBody(sb, spec.values());
                    else if (f.formatSpec() instanceof Constant k && k.value() instanceof String s) sb.append(s);
                }
                sb.append('}');
            } else if (v instanceof JoinedStr j) {
                fstringBody(sb, j.values());
            }
        }
    }
}
