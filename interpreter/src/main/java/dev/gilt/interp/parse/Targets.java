package dev.gilt.interp.parse;

import dev.gilt.interp.parse.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Assignment and deletion targets: the parser reads a target as an expression first and then
 * checks and converts it here, which is how CPython words its "cannot assign to ..." errors.
 */
final class Targets {
    private Targets() {}

    enum Type { STAR, DEL, FOR }

    /** The first sub-expression that cannot be a target, or null (CPython's _PyPegen_get_invalid_target). */
    static Expr invalid(Expr e, Type type) {
        switch (e) {
            case ListExpr l -> {
                for (Expr x : l.elts()) {
                    Expr bad = invalid(x, type);
                    if (bad != null) {
                        return bad;
                    }
                }
                return null;
            }
            case Tuple t -> {
                for (Expr x : t.elts()) {
                    Expr bad = invalid(x, type);
                    if (bad != null) {
                        return bad;
                    }
                }
                return null;
            }
            case Starred s -> {
                return type == Type.DEL ? e : invalid(s.value(), type);
            }
            case Compare c -> {
                // 'for x in y' reaches here as a comparison when the target is malformed.
                if (type == Type.FOR) {
                    return c.ops().get(0) == CmpOp.IN ? invalid(c.left(), type) : null;
                }
                return e;
            }
            case Name n -> {
                return null;
            }
            case Attribute a -> {
                return null;
            }
            case Subscript s -> {
                return null;
            }
            default -> {
                return e;
            }
        }
    }

    /** CPython's _PyPegen_get_expr_name, used in error messages. */
    static String exprName(Expr e) {
        return switch (e) {
            case Attribute a -> "attribute";
            case Subscript s -> "subscript";
            case Starred s -> "starred";
            case Name n -> "name";
            case ListExpr l -> "list";
            case Tuple t -> "tuple";
            case Lambda l -> "lambda";
            case Call c -> "function call";
            case BoolOp b -> "expression";
            case BinOp b -> "expression";
            case UnaryOp u -> "expression";
            case GeneratorExp g -> "generator expression";
            case Yield y -> "yield expression";
            case YieldFrom y -> "yield expression";
            case Await a -> "await expression";
            case ListComp l -> "list comprehension";
            case SetComp s -> "set comprehension";
            case DictComp d -> "dict comprehension";
            case Dict d -> "dict literal";
            case SetExpr s -> "set display";
            case JoinedStr j -> "f-string expression";
            case FormattedValue f -> "f-string expression";
            case Constant c -> {
                Object v = c.value();
                if (v == Const.NONE) {
                    yield "None";
                }
                if (v instanceof Boolean b) {
                    yield b ? "True" : "False";
                }
                if (v == Const.ELLIPSIS) {
                    yield "ellipsis";
                }
                yield "literal";
            }
            case Compare c -> "comparison";
            case IfExp i -> "conditional expression";
            case NamedExpr n -> "named expression";
            case Slice s -> "slice";
        };
    }

    /** A copy of a valid target with the given context, applied through tuples, lists and stars. */
    static Expr withCtx(Expr e, Ctx ctx) {
        return switch (e) {
            case Name n -> n.ctx() == ctx ? n : new Name(n.id(), ctx, n.pos());
            case Attribute a -> a.ctx() == ctx ? a : new Attribute(a.value(), a.attr(), ctx, a.pos());
            case Subscript s -> s.ctx() == ctx ? s : new Subscript(s.value(), s.slice(), ctx, s.pos());
            case Starred s -> new Starred(withCtx(s.value(), ctx), ctx, s.pos());
            case ListExpr l -> new ListExpr(all(l.elts(), ctx), ctx, l.pos());
            case Tuple t -> new Tuple(all(t.elts(), ctx), ctx, t.pos());
            default -> e;
        };
    }

    private static List<Expr> all(List<Expr> elts, Ctx ctx) {
        List<Expr> out = new ArrayList<>(elts.size());
        for (Expr x : elts) {
            out.add(withCtx(x, ctx));
        }
        return out;
    }

    /** True for the expressions CPython's bitwise_or rule can produce (no comparison or boolean). */
    static boolean isBitwiseOrLevel(Expr e) {
        return switch (e) {
            case BoolOp b -> false;
            case Compare c -> false;
            case UnaryOp u -> u.op() != UnaryOpKind.NOT;
            case IfExp i -> false;
            case Lambda l -> false;
            case NamedExpr n -> false;
            case Starred s -> false;
            case Yield y -> false;
            case YieldFrom y -> false;
            default -> true;
        };
    }

    /** The leftmost atom of an expression: where a reader of the source sees it begin. */
    static Expr leftmost(Expr e) {
        for (;;) {
            Expr next = switch (e) {
                case BinOp b -> b.left();
                case BoolOp b -> b.values().get(0);
                case Compare c -> c.left();
                case Attribute a -> a.value();
                case Subscript s -> s.value();
                case Call c -> c.func();
                case IfExp i -> i.body();
                default -> null;
            };
            if (next == null || next.pos().col() != e.pos().col() || next.pos().line() != e.pos().line()) {
                return e;
            }
            e = next;
        }
    }
}
