package dev.gilt.interp.parse;

import dev.gilt.interp.parse.Ast.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Renders a tree exactly as CPython's {@code ast.dump(tree)} does (no attributes, CPython's
 * class and field names, None-valued optional fields left out), so that parser tests can
 * compare with text produced by python3. The format is that of Python 3.11, the interpreter on
 * the build machine; 3.12 adds only {@code type_params=[]} to function and class definitions.
 */
public final class AstDump {
    private final StringBuilder sb = new StringBuilder();

    private AstDump() {}

    public static String dump(Mod mod) {
        AstDump d = new AstDump();
        d.mod(mod);
        return d.sb.toString();
    }

    public static String dump(Expr e) {
        AstDump d = new AstDump();
        d.expr(e);
        return d.sb.toString();
    }

    public static String dump(Stmt s) {
        AstDump d = new AstDump();
        d.stmt(s);
        return d.sb.toString();
    }

    // ---- building blocks -----------------------------------------------------------------

    private boolean first;

    private void open(String name) {
        sb.append(name).append('(');
        first = true;
    }

    private void close() {
        sb.append(')');
        first = false;
    }

    private void field(String name) {
        if (!first) {
            sb.append(", ");
        }
        first = false;
        sb.append(name).append('=');
    }

    private void exprField(String name, Expr e) {
        if (e != null) {
            field(name);
            expr(e);
        }
    }

    private void strField(String name, String s) {
        if (s != null) {
            field(name);
            sb.append(repr(s));
        }
    }

    private void rawField(String name, Object v) {
        field(name);
        sb.append(v);
    }

    private void exprs(String name, List<Expr> list) {
        field(name);
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Expr e = list.get(i);
            if (e == null) {
                sb.append("None");
            } else {
                expr(e);
            }
        }
        sb.append(']');
    }

    private void stmts(String name, List<Stmt> list) {
        field(name);
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            stmt(list.get(i));
        }
        sb.append(']');
    }

    private void strings(String name, List<String> list) {
        field(name);
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(repr(list.get(i)));
        }
        sb.append(']');
    }

    private <T> void nodes(String name, List<T> list, java.util.function.Consumer<T> each) {
        field(name);
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            each.accept(list.get(i));
        }
        sb.append(']');
    }

    private void leaf(String name) {
        sb.append(name).append("()");
        first = false;
    }

    // ---- nodes ---------------------------------------------------------------------------

    private void mod(Mod m) {
        switch (m) {
            case Ast.Module x -> {
                open("Module");
                stmts("body", x.body());
                field("type_ignores");
                sb.append("[]");
                close();
            }
            case Interactive x -> {
                open("Interactive");
                stmts("body", x.body());
                close();
            }
            case Expression x -> {
                open("Expression");
                field("body");
                expr(x.body());
                close();
            }
        }
    }

    private void stmt(Stmt s) {
        switch (s) {
            case FunctionDef x -> {
                open(x.isAsync() ? "AsyncFunctionDef" : "FunctionDef");
                strField("name", x.name());
                field("args");
                arguments(x.args());
                stmts("body", x.body());
                exprs("decorator_list", x.decoratorList());
                exprField("returns", x.returns());
                close();
            }
            case ClassDef x -> {
                open("ClassDef");
                strField("name", x.name());
                exprs("bases", x.bases());
                nodes("keywords", x.keywords(), this::keyword);
                stmts("body", x.body());
                exprs("decorator_list", x.decoratorList());
                close();
            }
            case Return x -> {
                open("Return");
                exprField("value", x.value());
                close();
            }
            case Delete x -> {
                open("Delete");
                exprs("targets", x.targets());
                close();
            }
            case Assign x -> {
                open("Assign");
                exprs("targets", x.targets());
                exprField("value", x.value());
                close();
            }
            case AugAssign x -> {
                open("AugAssign");
                exprField("target", x.target());
                field("op");
                leaf(operator(x.op()));
                exprField("value", x.value());
                close();
            }
            case AnnAssign x -> {
                open("AnnAssign");
                exprField("target", x.target());
                exprField("annotation", x.annotation());
                exprField("value", x.value());
                rawField("simple", x.simple() ? 1 : 0);
                close();
            }
            case For x -> {
                open(x.isAsync() ? "AsyncFor" : "For");
                exprField("target", x.target());
                exprField("iter", x.iter());
                stmts("body", x.body());
                stmts("orelse", x.orelse());
                close();
            }
            case While x -> {
                open("While");
                exprField("test", x.test());
                stmts("body", x.body());
                stmts("orelse", x.orelse());
                close();
            }
            case If x -> {
                open("If");
                exprField("test", x.test());
                stmts("body", x.body());
                stmts("orelse", x.orelse());
                close();
            }
            case With x -> {
                open(x.isAsync() ? "AsyncWith" : "With");
                nodes("items", x.items(), w -> {
                    open("withitem");
                    exprField("context_expr", w.contextExpr());
                    exprField("optional_vars", w.optionalVars());
                    close();
                });
                stmts("body", x.body());
                close();
            }
            case Match x -> {
                open("Match");
                exprField("subject", x.subject());
                nodes("cases", x.cases(), c -> {
                    open("match_case");
                    field("pattern");
                    pattern(c.pattern());
                    exprField("guard", c.guard());
                    stmts("body", c.body());
                    close();
                });
                close();
            }
            case Raise x -> {
                open("Raise");
                exprField("exc", x.exc());
                exprField("cause", x.cause());
                close();
            }
            case Try x -> {
                open(x.isStar() ? "TryStar" : "Try");
                stmts("body", x.body());
                nodes("handlers", x.handlers(), h -> {
                    open("ExceptHandler");
                    exprField("type", h.type());
                    strField("name", h.name());
                    stmts("body", h.body());
                    close();
                });
                stmts("orelse", x.orelse());
                stmts("finalbody", x.finalbody());
                close();
            }
            case Assert x -> {
                open("Assert");
                exprField("test", x.test());
                exprField("msg", x.msg());
                close();
            }
            case Import x -> {
                open("Import");
                nodes("names", x.names(), this::alias);
                close();
            }
            case ImportFrom x -> {
                open("ImportFrom");
                strField("module", x.module());
                nodes("names", x.names(), this::alias);
                rawField("level", x.level());
                close();
            }
            case Global x -> {
                open("Global");
                strings("names", x.names());
                close();
            }
            case Nonlocal x -> {
                open("Nonlocal");
                strings("names", x.names());
                close();
            }
            case ExprStmt x -> {
                open("Expr");
                exprField("value", x.value());
                close();
            }
            case Pass x -> leaf("Pass");
            case Break x -> leaf("Break");
            case Continue x -> leaf("Continue");
        }
    }

    private void alias(Alias a) {
        open("alias");
        strField("name", a.name());
        strField("asname", a.asname());
        close();
    }

    private void keyword(Keyword k) {
        open("keyword");
        strField("arg", k.arg());
        exprField("value", k.value());
        close();
    }

    private void arg(Arg a) {
        open("arg");
        strField("arg", a.arg());
        exprField("annotation", a.annotation());
        close();
    }

    private void arguments(Arguments a) {
        open("arguments");
        nodes("posonlyargs", a.posonlyargs(), this::arg);
        nodes("args", a.args(), this::arg);
        if (a.vararg() != null) {
            field("vararg");
            arg(a.vararg());
        }
        nodes("kwonlyargs", a.kwonlyargs(), this::arg);
        exprs("kw_defaults", a.kwDefaults());
        if (a.kwarg() != null) {
            field("kwarg");
            arg(a.kwarg());
        }
        exprs("defaults", a.defaults());
        close();
    }

    private void comprehensions(List<Comprehension> gens) {
        nodes("generators", gens, c -> {
            open("comprehension");
            exprField("target", c.target());
            exprField("iter", c.iter());
            exprs("ifs", c.ifs());
            rawField("is_async", c.isAsync() ? 1 : 0);
            close();
        });
    }

    private static String ctx(Ctx c) {
        return switch (c) {
            case LOAD -> "Load";
            case STORE -> "Store";
            case DEL -> "Del";
        };
    }

    private static String operator(Operator op) {
        return switch (op) {
            case ADD -> "Add";
            case SUB -> "Sub";
            case MULT -> "Mult";
            case MATMULT -> "MatMult";
            case DIV -> "Div";
            case MOD -> "Mod";
            case POW -> "Pow";
            case LSHIFT -> "LShift";
            case RSHIFT -> "RShift";
            case BITOR -> "BitOr";
            case BITXOR -> "BitXor";
            case BITAND -> "BitAnd";
            case FLOORDIV -> "FloorDiv";
        };
    }

    private static String cmpop(CmpOp op) {
        return switch (op) {
            case EQ -> "Eq";
            case NOTEQ -> "NotEq";
            case LT -> "Lt";
            case LTE -> "LtE";
            case GT -> "Gt";
            case GTE -> "GtE";
            case IS -> "Is";
            case ISNOT -> "IsNot";
            case IN -> "In";
            case NOTIN -> "NotIn";
        };
    }

    private void expr(Expr e) {
        switch (e) {
            case BoolOp x -> {
                open("BoolOp");
                field("op");
                leaf(x.op() == BoolOpKind.AND ? "And" : "Or");
                exprs("values", x.values());
                close();
            }
            case NamedExpr x -> {
                open("NamedExpr");
                exprField("target", x.target());
                exprField("value", x.value());
                close();
            }
            case BinOp x -> {
                open("BinOp");
                exprField("left", x.left());
                field("op");
                leaf(operator(x.op()));
                exprField("right", x.right());
                close();
            }
            case UnaryOp x -> {
                open("UnaryOp");
                field("op");
                leaf(switch (x.op()) {
                    case INVERT -> "Invert";
                    case NOT -> "Not";
                    case UADD -> "UAdd";
                    case USUB -> "USub";
                });
                exprField("operand", x.operand());
                close();
            }
            case Lambda x -> {
                open("Lambda");
                field("args");
                arguments(x.args());
                exprField("body", x.body());
                close();
            }
            case IfExp x -> {
                open("IfExp");
                exprField("test", x.test());
                exprField("body", x.body());
                exprField("orelse", x.orelse());
                close();
            }
            case Dict x -> {
                open("Dict");
                exprs("keys", x.keys());
                exprs("values", x.values());
                close();
            }
            case SetExpr x -> {
                open("Set");
                exprs("elts", x.elts());
                close();
            }
            case ListComp x -> {
                open("ListComp");
                exprField("elt", x.elt());
                comprehensions(x.generators());
                close();
            }
            case SetComp x -> {
                open("SetComp");
                exprField("elt", x.elt());
                comprehensions(x.generators());
                close();
            }
            case DictComp x -> {
                open("DictComp");
                exprField("key", x.key());
                exprField("value", x.value());
                comprehensions(x.generators());
                close();
            }
            case GeneratorExp x -> {
                open("GeneratorExp");
                exprField("elt", x.elt());
                comprehensions(x.generators());
                close();
            }
            case Await x -> {
                open("Await");
                exprField("value", x.value());
                close();
            }
            case Yield x -> {
                open("Yield");
                exprField("value", x.value());
                close();
            }
            case YieldFrom x -> {
                open("YieldFrom");
                exprField("value", x.value());
                close();
            }
            case Compare x -> {
                open("Compare");
                exprField("left", x.left());
                nodes("ops", x.ops(), op -> leaf(cmpop(op)));
                exprs("comparators", x.comparators());
                close();
            }
            case Call x -> {
                open("Call");
                exprField("func", x.func());
                exprs("args", x.args());
                nodes("keywords", x.keywords(), this::keyword);
                close();
            }
            case FormattedValue x -> {
                open("FormattedValue");
                exprField("value", x.value());
                rawField("conversion", x.conversion());
                exprField("format_spec", x.formatSpec());
                close();
            }
            case JoinedStr x -> {
                open("JoinedStr");
                exprs("values", x.values());
                close();
            }
            case Constant x -> {
                open("Constant");
                field("value");
                sb.append(constant(x.value()));
                close();
            }
            case Attribute x -> {
                open("Attribute");
                exprField("value", x.value());
                strField("attr", x.attr());
                field("ctx");
                leaf(ctx(x.ctx()));
                close();
            }
            case Subscript x -> {
                open("Subscript");
                exprField("value", x.value());
                exprField("slice", x.slice());
                field("ctx");
                leaf(ctx(x.ctx()));
                close();
            }
            case Starred x -> {
                open("Starred");
                exprField("value", x.value());
                field("ctx");
                leaf(ctx(x.ctx()));
                close();
            }
            case Name x -> {
                open("Name");
                strField("id", x.id());
                field("ctx");
                leaf(ctx(x.ctx()));
                close();
            }
            case ListExpr x -> {
                open("List");
                exprs("elts", x.elts());
                field("ctx");
                leaf(ctx(x.ctx()));
                close();
            }
            case Tuple x -> {
                open("Tuple");
                exprs("elts", x.elts());
                field("ctx");
                leaf(ctx(x.ctx()));
                close();
            }
            case Slice x -> {
                open("Slice");
                exprField("lower", x.lower());
                exprField("upper", x.upper());
                exprField("step", x.step());
                close();
            }
        }
    }

    private void pattern(Pattern pt) {
        switch (pt) {
            case MatchValue x -> {
                open("MatchValue");
                exprField("value", x.value());
                close();
            }
            case MatchSingleton x -> {
                open("MatchSingleton");
                field("value");
                sb.append(constant(x.value()));
                close();
            }
            case MatchSequence x -> {
                open("MatchSequence");
                nodes("patterns", x.patterns(), this::pattern);
                close();
            }
            case MatchMapping x -> {
                open("MatchMapping");
                exprs("keys", x.keys());
                nodes("patterns", x.patterns(), this::pattern);
                strField("rest", x.rest());
                close();
            }
            case MatchClass x -> {
                open("MatchClass");
                exprField("cls", x.cls());
                nodes("patterns", x.patterns(), this::pattern);
                strings("kwd_attrs", x.kwdAttrs());
                nodes("kwd_patterns", x.kwdPatterns(), this::pattern);
                close();
            }
            case MatchStar x -> {
                open("MatchStar");
                strField("name", x.name());
                close();
            }
            case MatchAs x -> {
                open("MatchAs");
                if (x.pattern() != null) {
                    field("pattern");
                    pattern(x.pattern());
                }
                strField("name", x.name());
                close();
            }
            case MatchOr x -> {
                open("MatchOr");
                nodes("patterns", x.patterns(), this::pattern);
                close();
            }
        }
    }

    // ---- Python reprs of constants -------------------------------------------------------

    /** Python's repr of a constant value. */
    public static String constant(Object v) {
        if (v == Const.NONE) {
            return "None";
        }
        if (v == Const.ELLIPSIS) {
            return "Ellipsis";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return floatRepr(d);
        }
        if (v instanceof Imaginary im) {
            String r = floatRepr(im.imag());
            if (r.endsWith(".0")) {
                r = r.substring(0, r.length() - 2);
            }
            return r + "j";
        }
        if (v instanceof String s) {
            return repr(s);
        }
        if (v instanceof Bytes b) {
            return bytesRepr(b.value());
        }
        return String.valueOf(v);
    }

    /** Python's float repr: shortest round-tripping digits, exponent form outside 1e-4..1e16. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        double a = Math.abs(d);
        // The fewest significant digits that read back as the same double, as Python's repr.
        BigDecimal bd = null;
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal c = new BigDecimal(a).round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (c.doubleValue() == a) {
                bd = c.stripTrailingZeros();
                break;
            }
        }
        String digits = bd.unscaledValue().toString();
        int decpt = digits.length() - bd.scale();
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                return sign + "0." + "0".repeat(-decpt) + digits;
            }
            if (decpt >= digits.length()) {
                return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
            }
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        int exp = decpt - 1;
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = String.valueOf(Math.abs(exp));
        return sign + mant + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }

    /** Python's str repr. */
    public static String repr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2);
        out.append(q);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == q || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f || Lexer.isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        }
        return out.append(q).toString();
    }

    private static String bytesRepr(byte[] b) {
        boolean single = false;
        boolean dbl = false;
        for (byte x : b) {
            single |= x == '\'';
            dbl |= x == '"';
        }
        char q = single && !dbl ? '"' : '\'';
        StringBuilder out = new StringBuilder("b").append(q);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == q || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append(q).toString();
    }
}
