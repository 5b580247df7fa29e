package dev.gilt.interp.compile;

import dev.gilt.interp.parse.Ast;
import dev.gilt.interp.parse.Ast.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: builds {@link Ast} trees from the JSON that {@code astjson.py} (run by CPython 3.12)
 * prints, so the compiler can be tested on real Python files before Gilt's parser is available,
 * and its disassembly compared with {@code python3.12 -m dis}.
 */
public final class AstJson {
    private AstJson() {}

    public static Mod parse(String json) {
        Object tree = new Json(json).value();
        return (Mod) node(tree);
    }

    // ---- a minimal JSON reader ------------------------------------------------------------------

    private static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        i++; // ':'
                        m.put(k, value());
                        ws();
                        if (s.charAt(i++) == '}') return m;
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i++) == ']') return l;
                    }
                }
                case '"':
                    return string();
                case 't':
                    i += 4;
                    return Boolean.TRUE;
                case 'f':
                    i += 5;
                    return Boolean.FALSE;
                case 'n':
                    i += 4;
                    return null;
                default: {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
                    return Long.parseLong(s.substring(start, i));
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            i++;
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }
    }

    // ---- JSON to records --------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        List<T> out = new ArrayList<>();
        if (o == null) return out;
        for (Object x : (List<Object>) o) out.add((T) node(x));
        return out;
    }

    private static Pos pos(Map<String, Object> m) {
        Object p = m.get("pos");
        if (p == null) return Pos.NONE;
        List<?> l = (List<?>) p;
        return new Pos(num(l.get(0)), num(l.get(1)), num(l.get(2)), num(l.get(3)));
    }

    private static int num(Object o) {
        return o == null ? -1 : ((Long) o).intValue();
    }

    private static Expr e(Map<String, Object> m, String k) {
        return (Expr) node(m.get(k));
    }

    private static String str(Map<String, Object> m, String k) {
        return (String) m.get(k);
    }

    private static Object node(Object o) {
        if (o == null) return null;
        Map<String, Object> m = map(o);
        String t = (String) m.get("_type");
        Pos p = pos(m);
        return switch (t) {
            case "Module" -> new Ast.Module(list(m.get("body")), p);
            case "Interactive" -> new Interactive(list(m.get("body")), p);
            case "Expression" -> new Expression(e(m, "body"), p);
            case "FunctionDef", "AsyncFunctionDef" -> new FunctionDef(str(m, "name"), args(m.get("args")), list(m.get("body")),
                    list(m.get("decorator_list")), e(m, "returns"), t.startsWith("Async"), p);
            case "ClassDef" -> new ClassDef(str(m, "name"), list(m.get("bases")), list(m.get("keywords")), list(m.get("body")),
                    list(m.get("decorator_list")), p);
            case "Return" -> new Return(e(m, "value"), p);
            case "Delete" -> new Delete(list(m.get("targets")), p);
            case "Assign" -> new Assign(list(m.get("targets")), e(m, "value"), p);
            case "AugAssign" -> new AugAssign(e(m, "target"), op(str(m, "op")), e(m, "value"), p);
            case "AnnAssign" -> new AnnAssign(e(m, "target"), e(m, "annotation"), e(m, "value"), num(m.get("simple")) != 0, p);
            case "For", "AsyncFor" -> new For(e(m, "target"), e(m, "iter"), list(m.get("body")), list(m.get("orelse")),
                    t.startsWith("Async"), p);
            case "While" -> new While(e(m, "test"), list(m.get("body")), list(m.get("orelse")), p);
            case "If" -> new If(e(m, "test"), list(m.get("body")), list(m.get("orelse")), p);
            case "With", "AsyncWith" -> {
                List<WithItem> items = new ArrayList<>();
                for (Object x : (List<?>) m.get("items")) {
                    Map<String, Object> w = map(x);
                    items.add(new WithItem(e(w, "context_expr"), e(w, "optional_vars")));
                }
                yield new With(items, list(m.get("body")), t.startsWith("Async"), p);
            }
            case "Match" -> {
                List<MatchCase> cases = new ArrayList<>();
                for (Object x : (List<?>) m.get("cases")) {
                    Map<String, Object> c = map(x);
                    cases.add(new MatchCase((Pattern) node(c.get("pattern")), e(c, "guard"), list(c.get("body"))));
                }
                yield new Match(e(m, "subject"), cases, p);
            }
            case "Raise" -> new Raise(e(m, "exc"), e(m, "cause"), p);
            case "Try", "TryStar" -> new Try(list(m.get("body")), list(m.get("handlers")), list(m.get("orelse")),
                    list(m.get("finalbody")), t.equals("TryStar"), p);
            case "ExceptHandler" -> new ExceptHandler(e(m, "type"), str(m, "name"), list(m.get("body")), p);
            case "Assert" -> new Assert(e(m, "test"), e(m, "msg"), p);
            case "Import" -> new Import(list(m.get("names")), p);
            case "ImportFrom" -> new ImportFrom(str(m, "module"), list(m.get("names")), num(m.get("level")), p);
            case "alias" -> new Alias(str(m, "name"), str(m, "asname"), p);
            case "Global" -> new Global(strings(m.get("names")), p);
            case "Nonlocal" -> new Nonlocal(strings(m.get("names")), p);
            case "Expr" -> new ExprStmt(e(m, "value"), p);
            case "Pass" -> new Pass(p);
            case "Break" -> new Break(p);
            case "Continue" -> new Continue(p);
            case "BoolOp" -> new BoolOp(str(m, "op").equals("And") ? BoolOpKind.AND : BoolOpKind.OR, list(m.get("values")), p);
            case "NamedExpr" -> new NamedExpr(e(m, "target"), e(m, "value"), p);
            case "BinOp" -> new BinOp(e(m, "left"), op(str(m, "op")), e(m, "right"), p);
            case "UnaryOp" -> new UnaryOp(switch (str(m, "op")) {
                case "Invert" -> UnaryOpKind.INVERT;
                case "Not" -> UnaryOpKind.NOT;
                case "UAdd" -> UnaryOpKind.UADD;
                default -> UnaryOpKind.USUB;
            }, e(m, "operand"), p);
            case "Lambda" -> new Lambda(args(m.get("args")), e(m, "body"), p);
            case "IfExp" -> new IfExp(e(m, "test"), e(m, "body"), e(m, "orelse"), p);
            case "Dict" -> new Dict(list(m.get("keys")), list(m.get("values")), p);
            case "Set" -> new SetExpr(list(m.get("elts")), p);
            case "ListComp" -> new ListComp(e(m, "elt"), gens(m.get("generators")), p);
            case "SetComp" -> new SetComp(e(m, "elt"), gens(m.get("generators")), p);
            case "DictComp" -> new DictComp(e(m, "key"), e(m, "value"), gens(m.get("generators")), p);
            case "GeneratorExp" -> new GeneratorExp(e(m, "elt"), gens(m.get("generators")), p);
            case "Await" -> new Await(e(m, "value"), p);
            case "Yield" -> new Yield(e(m, "value"), p);
            case "YieldFrom" -> new YieldFrom(e(m, "value"), p);
            case "Compare" -> {
                List<CmpOp> ops = new ArrayList<>();
                for (Object x : (List<?>) m.get("ops")) ops.add(cmp((String) x));
                yield new Compare(e(m, "left"), ops, list(m.get("comparators")), p);
            }
            case "Call" -> new Call(e(m, "func"), list(m.get("args")), list(m.get("keywords")), p);
            case "keyword" -> new Keyword(str(m, "arg"), e(m, "value"), p);
            case "FormattedValue" -> new FormattedValue(e(m, "value"), num(m.get("conversion")), e(m, "format_spec"), p);
            case "JoinedStr" -> new JoinedStr(list(m.get("values")), p);
            case "Constant" -> new Constant(constant(map(m.get("value"))), p);
            case "Attribute" -> new Attribute(e(m, "value"), str(m, "attr"), ctx(m), p);
            case "Subscript" -> new Subscript(e(m, "value"), e(m, "slice"), ctx(m), p);
            case "Starred" -> new Starred(e(m, "value"), ctx(m), p);
            case "Name" -> new Name(str(m, "id"), ctx(m), p);
            case "List" -> new ListExpr(list(m.get("elts")), ctx(m), p);
            case "Tuple" -> new Tuple(list(m.get("elts")), ctx(m), p);
            case "Slice" -> new Slice(e(m, "lower"), e(m, "upper"), e(m, "step"), p);
            case "arg" -> new Arg(str(m, "arg"), e(m, "annotation"), p);
            case "MatchValue" -> new MatchValue(e(m, "value"), p);
            case "MatchSingleton" -> new MatchSingleton(constant(map(m.get("value"))), p);
            case "MatchSequence" -> new MatchSequence(list(m.get("patterns")), p);
            case "MatchMapping" -> new MatchMapping(list(m.get("keys")), list(m.get("patterns")), str(m, "rest"), p);
            case "MatchClass" -> new MatchClass(e(m, "cls"), list(m.get("patterns")), strings(m.get("kwd_attrs")),
                    list(m.get("kwd_patterns")), p);
            case "MatchStar" -> new MatchStar(str(m, "name"), p);
            case "MatchAs" -> new MatchAs((Pattern) node(m.get("pattern")), str(m, "name"), p);
            case "MatchOr" -> new MatchOr(list(m.get("patterns")), p);
            default -> throw new IllegalArgumentException("unknown node " + t);
        };
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object x : (List<?>) o) out.add((String) x);
        return out;
    }

    private static Ctx ctx(Map<String, Object> m) {
        return switch (str(m, "ctx")) {
            case "Store" -> Ctx.STORE;
            case "Del" -> Ctx.DEL;
            default -> Ctx.LOAD;
        };
    }

    private static Operator op(String s) {
        return switch (s) {
            case "Add" -> Operator.ADD;
            case "Sub" -> Operator.SUB;
            case "Mult" -> Operator.MULT;
            case "MatMult" -> Operator.MATMULT;
            case "Div" -> Operator.DIV;
            case "Mod" -> Operator.MOD;
            case "Pow" -> Operator.POW;
            case "LShift" -> Operator.LSHIFT;
            case "RShift" -> Operator.RSHIFT;
            case "BitOr" -> Operator.BITOR;
            case "BitXor" -> Operator.BITXOR;
            case "BitAnd" -> Operator.BITAND;
            case "FloorDiv" -> Operator.FLOORDIV;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static CmpOp cmp(String s) {
        return switch (s) {
            case "Eq" -> CmpOp.EQ;
            case "NotEq" -> CmpOp.NOTEQ;
            case "Lt" -> CmpOp.LT;
            case "LtE" -> CmpOp.LTE;
            case "Gt" -> CmpOp.GT;
            case "GtE" -> CmpOp.GTE;
            case "Is" -> CmpOp.IS;
            case "IsNot" -> CmpOp.ISNOT;
            case "In" -> CmpOp.IN;
            default -> CmpOp.NOTIN;
        };
    }

    private static Object constant(Map<String, Object> v) {
        if (v.containsKey("none")) return Const.NONE;
        if (v.containsKey("ellipsis")) return Const.ELLIPSIS;
        if (v.containsKey("bool")) return v.get("bool");
        if (v.containsKey("int")) {
            BigInteger b = new BigInteger((String) v.get("int"));
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (v.containsKey("float")) return hexFloat((String) v.get("float"));
        if (v.containsKey("imag")) return new Imaginary(hexFloat((String) v.get("imag")));
        if (v.containsKey("str")) return v.get("str");
        if (v.containsKey("bytes")) {
            List<?> l = (List<?>) v.get("bytes");
            byte[] b = new byte[l.size()];
            for (int i = 0; i < b.length; i++) b[i] = (byte) ((Long) l.get(i)).intValue();
            return new Bytes(b);
        }
        throw new IllegalArgumentException("constant " + v);
    }

    private static double hexFloat(String s) {
        return switch (s) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(s.contains("p") ? s : s + "p0");
        };
    }

    private static Arguments args(Object o) {
        Map<String, Object> m = map(o);
        return new Arguments(list(m.get("posonlyargs")), list(m.get("args")), (Arg) node(m.get("vararg")),
                list(m.get("kwonlyargs")), list(m.get("kw_defaults")), (Arg) node(m.get("kwarg")), list(m.get("defaults")));
    }

    private static List<Ast.Comprehension> gens(Object o) {
        List<Ast.Comprehension> out = new ArrayList<>();
        for (Object x : (List<?>) o) {
            Map<String, Object> m = map(x);
            out.add(new Ast.Comprehension(e(m, "target"), e(m, "iter"), list(m.get("ifs")), num(m.get("is_async")) != 0));
        }
        return out;
    }
}
