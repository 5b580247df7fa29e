package dev.gilt.interp.compile;

import dev.gilt.interp.bytecode.CodeBuilder;
import dev.gilt.interp.bytecode.CodeBuilder.Block;
import dev.gilt.interp.bytecode.CodeBuilder.Loc;
import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.Opcode.BinaryOps;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.compile.Symtable.ScopeKind;
import dev.gilt.interp.parse.Ast;
import dev.gilt.interp.parse.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Code generation for expressions, in CPython 3.12's shapes: calls (CALL / KW_NAMES, method calls
 * through LOAD_ATTR's method bit, CALL_FUNCTION_EX for star arguments), short-circuit boolean
 * operators, chained comparisons, conditional jumps ({@link #jumpIf}), displays with unpacking,
 * f-strings, subscripts and slices, lambdas, and comprehensions compiled as nested functions (as
 * CPython 3.11 does: a {@code <listcomp>} code object called with the outermost iterator).
 */
abstract class ExprCompiler extends CompilerBase {
    static final int MAKE_DEFAULTS = 1, MAKE_KWDEFAULTS = 2, MAKE_ANNOTATIONS = 4, MAKE_CLOSURE = 8;

    ExprCompiler(String filename, Symtable st, int flags, int optimize, boolean interactive, String source) {
        super(filename, st, flags, optimize, interactive, source);
    }

    @Override
    void visitExpr(Expr e) {
        Loc loc = loc(e);
        switch (e) {
            case NamedExpr n -> {
                visitExpr(n.value());
                op(Opcode.COPY, 1, loc);
                visitExpr(n.target());
            }
            case BoolOp b -> boolOp(b, loc);
            case BinOp b -> {
                visitExpr(b.left());
                visitExpr(b.right());
                op(Opcode.BINARY_OP, binaryOp(b.op()), loc);
            }
            case UnaryOp un -> {
                visitExpr(un.operand());
                switch (un.op()) {
                    case UADD -> op(Opcode.CALL_INTRINSIC_1, Opcode.Intrinsic.UNARY_POSITIVE, loc);
                    case USUB -> op(Opcode.UNARY_NEGATIVE, loc);
                    case NOT -> op(Opcode.UNARY_NOT, loc);
                    case INVERT -> op(Opcode.UNARY_INVERT, loc);
                }
            }
            case Lambda l -> lambda(l, loc);
            case IfExp i -> {
                Block end = newBlock(), next = newBlock();
                jumpIf(loc, i.test(), next, false);
                visitExpr(i.body());
                jump(CodeBuilder.JUMP, end, Loc.NONE);
                use(next);
                visitExpr(i.orelse());
                use(end);
            }
            case Dict d -> dict(d, loc);
            case SetExpr s -> starUnpack(loc, s.elts(), 0, Opcode.BUILD_SET, Opcode.SET_ADD, Opcode.SET_UPDATE, false);
            case ListComp c -> comprehension(c, "<listcomp>", c.generators(), c.elt(), null, Opcode.BUILD_LIST);
            case SetComp c -> comprehension(c, "<setcomp>", c.generators(), c.elt(), null, Opcode.BUILD_SET);
            case DictComp c -> comprehension(c, "<dictcomp>", c.generators(), c.key(), c.value(), Opcode.BUILD_MAP);
            case GeneratorExp c -> comprehension(c, "<genexpr>", c.generators(), c.elt(), null, null);
            case Await a -> {
                if (!isTopLevelAwait()) {
                    if (!u.ste.isFunctionLike()) throw error("'await' outside function", loc);
                    if (u.type != UnitType.ASYNC_FUNCTION && u.type != UnitType.COMPREHENSION) {
                        throw error("'await' outside async function", loc);
                    }
                }
                visitExpr(a.value());
                op(Opcode.GET_AWAITABLE, 0, loc);
                loadConst(Const.NONE, loc);
                addYieldFrom(loc, true);
            }
            case Yield y -> {
                if (!u.ste.isFunctionLike()) throw error("'yield' outside function", loc);
                if (y.value() != null) visitExpr(y.value());
                else loadConst(Const.NONE, loc);
                addYield(loc);
            }
            case YieldFrom y -> {
                if (!u.ste.isFunctionLike()) throw error("'yield' outside function", loc);
                if (u.type == UnitType.ASYNC_FUNCTION) throw error("'yield from' inside async function", loc);
                visitExpr(y.value());
                op(Opcode.GET_YIELD_FROM_ITER, loc);
                loadConst(Const.NONE, loc);
                addYieldFrom(loc, false);
            }
            case Compare c -> compare(c, loc);
            case Call c -> call(c);
            case FormattedValue f -> {
                visitExpr(f.value());
                int arg = switch (f.conversion()) {
                    case 's' -> 1;
                    case 'r' -> 2;
                    case 'a' -> 3;
                    default -> 0;
                };
                if (f.formatSpec() != null) {
                    visitExpr(f.formatSpec());
                    arg |= 4;
                }
                op(Opcode.FORMAT_VALUE, arg, loc);
            }
            case JoinedStr j -> joinedStr(j, loc);
            case Constant c -> loadConst(c.value(), loc);
            case Attribute a -> {
                visitExpr(a.value());
                Loc l = attrLoc(loc, a);
                switch (a.ctx()) {
                    case LOAD -> op(Opcode.LOAD_ATTR, nameIndex(mangle(a.attr())) << 1, l);
                    case STORE -> {
                        checkForbidden(a.attr(), Ctx.STORE, loc);
                        op(Opcode.STORE_ATTR, nameIndex(mangle(a.attr())), l);
                    }
                    case DEL -> op(Opcode.DELETE_ATTR, nameIndex(mangle(a.attr())), l);
                }
            }
            case Subscript s -> subscript(s, loc);
            case Starred s -> {
                if (s.ctx() == Ctx.STORE) throw error("starred assignment target must be in a list or tuple", loc);
                throw error("can't use starred expression here", loc);
            }
            case Name n -> nameop(n.id(), n.ctx(), loc);
            case ListExpr l -> {
                switch (l.ctx()) {
                    case STORE -> assignmentHelper(l.elts(), loc);
                    case LOAD -> starUnpack(loc, l.elts(), 0, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, false);
                    case DEL -> visitExprs(l.elts());
                }
            }
            case Tuple t -> {
                switch (t.ctx()) {
                    case STORE -> assignmentHelper(t.elts(), loc);
                    case LOAD -> starUnpack(loc, t.elts(), 0, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, true);
                    case DEL -> visitExprs(t.elts());
                }
            }
            case Slice s -> {
                int n = slice(s);
                op(Opcode.BUILD_SLICE, n, loc);
            }
        }
    }

    String mangle(String name) {
        return Symtable.mangle(u.privateName, name);
    }

    static int binaryOp(Operator op) {
        return switch (op) {
            case ADD -> BinaryOps.ADD;
            case SUB -> BinaryOps.SUBTRACT;
            case MULT -> BinaryOps.MULTIPLY;
            case MATMULT -> BinaryOps.MATRIX_MULTIPLY;
            case DIV -> BinaryOps.TRUE_DIVIDE;
            case MOD -> BinaryOps.REMAINDER;
            case POW -> BinaryOps.POWER;
            case LSHIFT -> BinaryOps.LSHIFT;
            case RSHIFT -> BinaryOps.RSHIFT;
            case BITOR -> BinaryOps.OR;
            case BITXOR -> BinaryOps.XOR;
            case BITAND -> BinaryOps.AND;
            case FLOORDIV -> BinaryOps.FLOOR_DIVIDE;
        };
    }

    // ---- boolean operators, comparisons, conditional jumps --------------------------------------

    private void boolOp(BoolOp b, Loc loc) {
        Opcode jumpOp = b.op() == BoolOpKind.AND ? Opcode.POP_JUMP_IF_FALSE : Opcode.POP_JUMP_IF_TRUE;
        Block end = newBlock();
        List<Expr> vs = b.values();
        for (int i = 0; i < vs.size() - 1; i++) {
            visitExpr(vs.get(i));
            op(Opcode.COPY, 1, loc);
            jump(jumpOp, end, loc);
            op(Opcode.POP_TOP, loc);
        }
        visitExpr(vs.get(vs.size() - 1));
        use(end);
    }

    void compareOp(CmpOp c, Loc loc) {
        switch (c) {
            case IS -> op(Opcode.IS_OP, 0, loc);
            case ISNOT -> op(Opcode.IS_OP, 1, loc);
            case IN -> op(Opcode.CONTAINS_OP, 0, loc);
            case NOTIN -> op(Opcode.CONTAINS_OP, 1, loc);
            case LT -> op(Opcode.COMPARE_OP, Opcode.Compare.LT, loc);
            case LTE -> op(Opcode.COMPARE_OP, Opcode.Compare.LE, loc);
            case EQ -> op(Opcode.COMPARE_OP, Opcode.Compare.EQ, loc);
            case NOTEQ -> op(Opcode.COMPARE_OP, Opcode.Compare.NE, loc);
            case GT -> op(Opcode.COMPARE_OP, Opcode.Compare.GT, loc);
            case GTE -> op(Opcode.COMPARE_OP, Opcode.Compare.GE, loc);
        }
    }

    private void compare(Compare c, Loc loc) {
        visitExpr(c.left());
        int n = c.ops().size() - 1;
        if (n == 0) {
            visitExpr(c.comparators().get(0));
            compareOp(c.ops().get(0), loc);
            return;
        }
        // a < b < c: keep b for the next comparison; on a false link, drop it and keep the result.
        Block cleanup = newBlock();
        for (int i = 0; i < n; i++) {
            visitExpr(c.comparators().get(i));
            op(Opcode.SWAP, 2, loc);
            op(Opcode.COPY, 2, loc);
            compareOp(c.ops().get(i), loc);
            op(Opcode.COPY, 1, loc);
            jump(Opcode.POP_JUMP_IF_FALSE, cleanup, loc);
            op(Opcode.POP_TOP, loc);
        }
        visitExpr(c.comparators().get(n));
        compareOp(c.ops().get(n), loc);
        Block end = newBlock();
        jump(CodeBuilder.JUMP, end, Loc.NONE);
        use(cleanup);
        op(Opcode.SWAP, 2, loc);
        op(Opcode.POP_TOP, loc);
        use(end);
    }

    /** Jumps to {@code next} if the truth of {@code e} equals {@code cond}, else falls through. */
    void jumpIf(Loc loc, Expr e, Block next, boolean cond) {
        switch (e) {
            case UnaryOp un when un.op() == UnaryOpKind.NOT -> {
                jumpIf(loc, un.operand(), next, !cond);
                return;
            }
            case BoolOp b -> {
                List<Expr> s = b.values();
                int n = s.size() - 1;
                boolean cond2 = b.op() == BoolOpKind.OR;
                Block next2 = next;
                if (cond2 != cond) next2 = newBlock();
                for (int i = 0; i < n; i++) jumpIf(loc, s.get(i), next2, cond2);
                jumpIf(loc, s.get(n), next, cond);
                if (next2 != next) use(next2);
                return;
            }
            case IfExp i -> {
                Block end = newBlock(), next2 = newBlock();
                jumpIf(loc, i.test(), next2, false);
                jumpIf(loc, i.body(), next, cond);
                jump(CodeBuilder.JUMP, end, Loc.NONE);
                use(next2);
                jumpIf(loc, i.orelse(), next, cond);
                use(end);
                return;
            }
            case Compare c when c.ops().size() > 1 -> {
                Loc l = loc(c);
                int n = c.ops().size() - 1;
                Block cleanup = newBlock();
                visitExpr(c.left());
                for (int i = 0; i < n; i++) {
                    visitExpr(c.comparators().get(i));
                    op(Opcode.SWAP, 2, l);
                    op(Opcode.COPY, 2, l);
                    compareOp(c.ops().get(i), l);
                    jump(Opcode.POP_JUMP_IF_FALSE, cleanup, l);
                }
                visitExpr(c.comparators().get(n));
                compareOp(c.ops().get(n), l);
                jump(cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, next, l);
                Block end = newBlock();
                jump(CodeBuilder.JUMP, end, Loc.NONE);
                use(cleanup);
                op(Opcode.POP_TOP, l);
                if (!cond) jump(CodeBuilder.JUMP, next, Loc.NONE);
                use(end);
                return;
            }
            default -> { }
        }
        visitExpr(e);
        jump(cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, next, loc(e));
    }

    // ---- displays -------------------------------------------------------------------------------

    private static boolean allConst(List<Expr> es, int from, int to) {
        for (int i = from; i < to; i++) if (!(es.get(i) instanceof Constant)) return false;
        return true;
    }

    /**
     * Builds a list/tuple/set from {@code elts} with {@code pushed} items already on the stack,
     * handling starred items with the extend instruction (CPython's starunpack_helper).
     */
    void starUnpack(Loc loc, List<Expr> elts, int pushed, Opcode build, Opcode add, Opcode extend, boolean tuple) {
        int n = elts.size();
        if (n > 2 && allConst(elts, 0, n) && build != Opcode.BUILD_SET) {
            List<Object> folded = new ArrayList<>(n);
            for (Expr e : elts) folded.add(((Constant) e).value());
            if (tuple && pushed == 0) {
                loadConst(folded, loc);
            } else {
                op(build, pushed, loc);
                loadConst(folded, loc);
                op(extend, 1, loc);
                if (tuple) op(Opcode.CALL_INTRINSIC_1, Opcode.Intrinsic.LIST_TO_TUPLE, loc);
            }
            return;
        }
        boolean big = n + pushed > STACK_USE_GUARD;
        boolean seenStar = false;
        for (Expr e : elts) if (e instanceof Starred) seenStar = true;
        if (!seenStar && !big) {
            visitExprs(elts);
            op(tuple ? Opcode.BUILD_TUPLE : build, n + pushed, loc);
            return;
        }
        boolean built = false;
        if (big) {
            op(build, pushed, loc);
            built = true;
        }
        for (int i = 0; i < n; i++) {
            Expr e = elts.get(i);
            if (e instanceof Starred s) {
                if (!built) {
                    op(build, i + pushed, loc);
                    built = true;
                }
                visitExpr(s.value());
                op(extend, 1, loc);
            } else {
                visitExpr(e);
                if (built) op(add, 1, loc);
            }
        }
        if (tuple) op(Opcode.CALL_INTRINSIC_1, Opcode.Intrinsic.LIST_TO_TUPLE, loc);
    }

    private void dict(Dict d, Loc loc) {
        int n = d.values().size();
        boolean haveDict = false;
        int elements = 0;
        for (int i = 0; i < n; i++) {
            if (d.keys().get(i) == null) {
                if (elements > 0) {
                    subdict(d, i - elements, i, loc);
                    if (haveDict) op(Opcode.DICT_UPDATE, 1, loc);
                    haveDict = true;
                    elements = 0;
                }
                if (!haveDict) {
                    op(Opcode.BUILD_MAP, 0, loc);
                    haveDict = true;
                }
                visitExpr(d.values().get(i));
                op(Opcode.DICT_UPDATE, 1, loc);
            } else if (elements * 2 > STACK_USE_GUARD) {
                subdict(d, i - elements, i + 1, loc);
                if (haveDict) op(Opcode.DICT_UPDATE, 1, loc);
                haveDict = true;
                elements = 0;
            } else {
                elements++;
            }
        }
        if (elements > 0) {
            subdict(d, n - elements, n, loc);
            if (haveDict) op(Opcode.DICT_UPDATE, 1, loc);
            haveDict = true;
        }
        if (!haveDict) op(Opcode.BUILD_MAP, 0, loc);
    }

    private void subdict(Dict d, int begin, int end, Loc loc) {
        int n = end - begin;
        boolean big = n * 2 > STACK_USE_GUARD;
        if (n > 1 && !big && allConst(d.keys(), begin, end)) {
            for (int i = begin; i < end; i++) visitExpr(d.values().get(i));
            List<Object> keys = new ArrayList<>(n);
            for (int i = begin; i < end; i++) keys.add(((Constant) d.keys().get(i)).value());
            loadConst(keys, loc);
            op(Opcode.BUILD_CONST_KEY_MAP, n, loc);
            return;
        }
        if (big) op(Opcode.BUILD_MAP, 0, loc);
        for (int i = begin; i < end; i++) {
            visitExpr(d.keys().get(i));
            visitExpr(d.values().get(i));
            if (big) op(Opcode.MAP_ADD, 1, loc);
        }
        if (!big) op(Opcode.BUILD_MAP, n, loc);
    }

    private void joinedStr(JoinedStr j, Loc loc) {
        int n = j.values().size();
        if (n > STACK_USE_GUARD) {
            loadConst("", loc);
            op(Opcode.LOAD_ATTR, (nameIndex("join") << 1) | 1, loc);
            op(Opcode.BUILD_LIST, 0, loc);
            for (Expr e : j.values()) {
                visitExpr(e);
                op(Opcode.LIST_APPEND, 1, loc);
            }
            op(Opcode.CALL, 1, loc);
        } else {
            visitExprs(j.values());
            if (n != 1) op(Opcode.BUILD_STRING, n, loc);
        }
    }

    // ---- assignment targets ---------------------------------------------------------------------

    /** Unpacks TOS into {@code elts} (a list or tuple target). */
    void assignmentHelper(List<Expr> elts, Loc loc) {
        int n = elts.size();
        boolean seenStar = false;
        for (int i = 0; i < n; i++) {
            Expr e = elts.get(i);
            if (e instanceof Starred && !seenStar) {
                if (i >= (1 << 8) || n - i - 1 >= (Integer.MAX_VALUE >> 8)) {
                    throw error("too many expressions in star-unpacking assignment", loc);
                }
                op(Opcode.UNPACK_EX, i + ((n - i - 1) << 8), loc);
                seenStar = true;
            } else if (e instanceof Starred) {
                throw error("multiple starred expressions in assignment", loc);
            }
        }
        if (!seenStar) op(Opcode.UNPACK_SEQUENCE, n, loc);
        for (Expr e : elts) visitExpr(e instanceof Starred s ? s.value() : e);
    }

    // ---- subscripts -----------------------------------------------------------------------------

    static boolean isTwoElementSlice(Expr s) {
        return s instanceof Slice sl && sl.step() == null;
    }

    /** Pushes the parts of a slice; returns how many (2 or 3). */
    int slice(Slice s) {
        int n = 2;
        if (s.lower() != null) visitExpr(s.lower());
        else loadConst(Const.NONE, loc(s));
        if (s.upper() != null) visitExpr(s.upper());
        else loadConst(Const.NONE, loc(s));
        if (s.step() != null) {
            n++;
            visitExpr(s.step());
        }
        return n;
    }

    private void subscript(Subscript s, Loc loc) {
        visitExpr(s.value());
        if (isTwoElementSlice(s.slice()) && s.ctx() != Ctx.DEL) {
            slice((Slice) s.slice());
            op(s.ctx() == Ctx.LOAD ? Opcode.BINARY_SLICE : Opcode.STORE_SLICE, loc);
        } else {
            visitExpr(s.slice());
            op(switch (s.ctx()) {
                case LOAD -> Opcode.BINARY_SUBSCR;
                case STORE -> Opcode.STORE_SUBSCR;
                case DEL -> Opcode.DELETE_SUBSCR;
            }, loc);
        }
    }

    // ---- calls ----------------------------------------------------------------------------------

    private void validateKeywords(List<Keyword> kws) {
        for (int i = 0; i < kws.size(); i++) {
            Keyword k = kws.get(i);
            if (k.arg() == null) continue;
            checkForbidden(k.arg(), Ctx.STORE, loc(k));
            for (int j = i + 1; j < kws.size(); j++) {
                Keyword o = kws.get(j);
                if (k.arg().equals(o.arg())) throw error("keyword argument repeated: " + k.arg(), loc(o));
            }
        }
    }

    private boolean isImportOriginated(Expr e) {
        return e instanceof Name n && (st.top.flags(n.id()) & Symtable.DEF_IMPORT) != 0;
    }

    private void call(Call c) {
        validateKeywords(c.keywords());
        if (maybeMethodCall(c)) return;
        op(Opcode.PUSH_NULL, loc(c.func()));
        visitExpr(c.func());
        callHelper(loc(c), 0, c.args(), c.keywords());
    }

    /** {@code obj.meth(args)} without star arguments: LOAD_ATTR with the method bit, then CALL. */
    private boolean maybeMethodCall(Call c) {
        if (!(c.func() instanceof Attribute meth) || meth.ctx() != Ctx.LOAD) return false;
        if (isImportOriginated(meth.value())) return false;
        int argsl = c.args().size(), kwdsl = c.keywords().size();
        if (argsl + kwdsl + (kwdsl != 0 ? 1 : 0) >= STACK_USE_GUARD) return false;
        for (Expr a : c.args()) if (a instanceof Starred) return false;
        for (Keyword k : c.keywords()) if (k.arg() == null) return false;
        Loc loc = loc(meth);
        visitExpr(meth.value());
        loc = attrLoc(loc, meth);
        op(Opcode.LOAD_ATTR, (nameIndex(mangle(meth.attr())) << 1) | 1, loc);
        visitExprs(c.args());
        if (kwdsl > 0) {
            for (Keyword k : c.keywords()) visitExpr(k.value());
            kwNames(c.keywords(), 0, kwdsl, loc);
        }
        op(Opcode.CALL, argsl + kwdsl, attrLoc(loc(c), meth));
        return true;
    }

    private void kwNames(List<Keyword> kws, int begin, int end, Loc loc) {
        List<Object> names = new ArrayList<>();
        for (int i = begin; i < end; i++) names.add(kws.get(i).arg());
        op(Opcode.KW_NAMES, constIndex(names), loc);
    }

    /** Call with {@code n} arguments already pushed after the callable (class bases use it). */
    void callHelper(Loc loc, int n, List<Expr> args, List<Keyword> keywords) {
        validateKeywords(keywords);
        int nelts = args.size(), nkw = keywords.size();
        boolean ex = nelts + nkw * 2 > STACK_USE_GUARD;
        for (Expr a : args) if (a instanceof Starred) ex = true;
        for (Keyword k : keywords) if (k.arg() == null) ex = true;
        if (!ex) {
            visitExprs(args);
            if (nkw > 0) {
                for (Keyword k : keywords) visitExpr(k.value());
                kwNames(keywords, 0, nkw, loc);
            }
            op(Opcode.CALL, n + nelts + nkw, loc);
            return;
        }
        // Star arguments: build a positional tuple (or pass the single iterable) and a kwargs dict.
        if (n == 0 && nelts == 1 && args.get(0) instanceof Starred s) {
            visitExpr(s.value());
        } else {
            starUnpack(loc, args, n, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND, true);
        }
        if (nkw > 0) {
            boolean haveDict = false;
            int nseen = 0;
            for (int i = 0; i < nkw; i++) {
                Keyword k = keywords.get(i);
                if (k.arg() == null) {
                    if (nseen > 0) {
                        subkwargs(keywords, i - nseen, i, loc);
                        if (haveDict) op(Opcode.DICT_MERGE, 1, loc);
                        haveDict = true;
                        nseen = 0;
                    }
                    if (!haveDict) {
                        op(Opcode.BUILD_MAP, 0, loc);
                        haveDict = true;
                    }
                    visitExpr(k.value());
                    op(Opcode.DICT_MERGE, 1, loc);
                } else {
                    nseen++;
                }
            }
            if (nseen > 0) {
                subkwargs(keywords, nkw - nseen, nkw, loc);
                if (haveDict) op(Opcode.DICT_MERGE, 1, loc);
            }
        }
        op(Opcode.CALL_FUNCTION_EX, nkw > 0 ? 1 : 0, loc);
    }

    private void subkwargs(List<Keyword> kws, int begin, int end, Loc loc) {
        int n = end - begin;
        boolean big = n * 2 > STACK_USE_GUARD;
        if (n > 1 && !big) {
            for (int i = begin; i < end; i++) visitExpr(kws.get(i).value());
            List<Object> keys = new ArrayList<>();
            for (int i = begin; i < end; i++) keys.add(kws.get(i).arg());
            loadConst(keys, loc);
            op(Opcode.BUILD_CONST_KEY_MAP, n, loc);
            return;
        }
        if (big) op(Opcode.BUILD_MAP, 0, Loc.NONE);
        for (int i = begin; i < end; i++) {
            loadConst(kws.get(i).arg(), loc);
            visitExpr(kws.get(i).value());
            if (big) op(Opcode.MAP_ADD, 1, Loc.NONE);
        }
        if (!big) op(Opcode.BUILD_MAP, n, loc);
    }

    // ---- functions ------------------------------------------------------------------------------

    void checkDebugArgs(Arguments a) {
        List<Arg> all = new ArrayList<>(a.posonlyargs());
        all.addAll(a.args());
        if (a.vararg() != null) all.add(a.vararg());
        all.addAll(a.kwonlyargs());
        if (a.kwarg() != null) all.add(a.kwarg());
        for (Arg p : all) checkForbidden(p.arg(), Ctx.STORE, loc(p));
    }

    /** Pushes the defaults tuple and kw-defaults dict; returns MAKE_FUNCTION flags. */
    int defaultArguments(Loc loc, Arguments a) {
        int fl = 0;
        if (!a.defaults().isEmpty()) {
            visitExprs(a.defaults());
            op(Opcode.BUILD_TUPLE, a.defaults().size(), loc);
            fl |= MAKE_DEFAULTS;
        }
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < a.kwonlyargs().size(); i++) {
            Expr d = i < a.kwDefaults().size() ? a.kwDefaults().get(i) : null;
            if (d != null) {
                keys.add(mangle(a.kwonlyargs().get(i).arg()));
                visitExpr(d);
            }
        }
        if (!keys.isEmpty()) {
            loadConst(keys, loc);
            op(Opcode.BUILD_CONST_KEY_MAP, keys.size(), loc);
            fl |= MAKE_KWDEFAULTS;
        }
        return fl;
    }

    /** Pushes the closure tuple (if the code has free variables), the code, and MAKE_FUNCTION. */
    void makeClosure(Loc loc, PyCode code, int fl) {
        if (code.freevars.length > 0) {
            for (String name : code.freevars) {
                int arg;
                if (u.type == UnitType.CLASS && name.equals("__class__")) {
                    arg = u.cellvars.indexOf("__class__");
                } else {
                    ScopeKind k = u.ste.scopeOf(name);
                    if (k == null) throw new IllegalStateException("free variable " + name + " unknown in " + u.name);
                    arg = k == ScopeKind.CELL ? u.cellvars.indexOf(name) : u.cellvars.size() + u.freevars.indexOf(name);
                }
                op(Opcode.LOAD_CLOSURE, arg, loc);
            }
            op(Opcode.BUILD_TUPLE, code.freevars.length, loc);
            fl |= MAKE_CLOSURE;
        }
        op(Opcode.LOAD_CONST, u.b.consts.add(code), loc);
        op(Opcode.MAKE_FUNCTION, fl, loc);
    }

    private void lambda(Lambda l, Loc loc) {
        checkDebugArgs(l.args());
        int fl = defaultArguments(loc, l.args());
        enterScope("<lambda>", UnitType.LAMBDA, l, l.pos().line(), false);
        constIndex(Const.NONE); // None first: a lambda has no docstring
        u.argcount = l.args().posonlyargs().size() + l.args().args().size();
        u.posonlyargcount = l.args().posonlyargs().size();
        u.kwonlyargcount = l.args().kwonlyargs().size();
        visitExpr(l.body());
        PyCode code;
        if (u.ste.generator) {
            op(Opcode.POP_TOP, Loc.NONE);
            code = exitScope(true);
        } else {
            op(Opcode.RETURN_VALUE, new Loc(l.pos().line(), l.pos().line(), 0, 0));
            code = exitScope(true);
        }
        makeClosure(loc, code, fl);
    }

    // ---- comprehensions -------------------------------------------------------------------------

    private void comprehension(Expr e, String name, List<Ast.Comprehension> gens, Expr elt, Expr val, Opcode build) {
        Loc loc = loc(e);
        boolean topLevelAwait = isTopLevelAwait();
        UnitType outerType = u.type;
        Ast.Comprehension outermost = gens.get(0);
        boolean genexp = build == null;
        enterScope(name, UnitType.COMPREHENSION, e, e.pos().line(), genexp);
        boolean isAsyncGenerator = u.ste.coroutine;
        if (isAsyncGenerator && !genexp && outerType != UnitType.ASYNC_FUNCTION && outerType != UnitType.COMPREHENSION
                && !topLevelAwait) {
            throw error("asynchronous comprehension outside of an asynchronous function", loc);
        }
        if (!genexp) op(build, 0, loc);
        comprehensionGenerator(loc, gens, 0, 0, elt, val, build);
        if (!genexp) op(Opcode.RETURN_VALUE, loc);
        PyCode code = exitScope(true);
        makeClosure(loc, code, 0);
        visitExpr(outermost.iter());
        op(outermost.isAsync() ? Opcode.GET_AITER : Opcode.GET_ITER, loc);
        op(Opcode.CALL, 0, loc);
        if (isAsyncGenerator && !genexp) {
            op(Opcode.GET_AWAITABLE, 0, loc);
            loadConst(Const.NONE, loc);
            addYieldFrom(loc, true);
        }
    }

    private void comprehensionGenerator(Loc loc, List<Ast.Comprehension> gens, int index, int depth, Expr elt, Expr val,
            Opcode build) {
        if (gens.get(index).isAsync()) asyncComprehensionGenerator(loc, gens, index, depth, elt, val, build);
        else syncComprehensionGenerator(loc, gens, index, depth, elt, val, build);
    }

    private void syncComprehensionGenerator(Loc loc, List<Ast.Comprehension> gens, int index, int depth, Expr elt,
            Expr val, Opcode build) {
        Block start = newBlock(), ifCleanup = newBlock(), anchor = newBlock();
        boolean loop = true;
        Ast.Comprehension gen = gens.get(index);
        if (index == 0) {
            u.argcount = 1;
            op(Opcode.LOAD_FAST, 0, loc);
        } else {
            // `for y in [f(x)]` binds y without a loop.
            List<Expr> elts = gen.iter() instanceof ListExpr l ? l.elts()
                    : gen.iter() instanceof Tuple t ? t.elts() : null;
            if (elts != null && elts.size() == 1 && !(elts.get(0) instanceof Starred)) {
                visitExpr(elts.get(0));
                loop = false;
            } else {
                visitExpr(gen.iter());
                op(Opcode.GET_ITER, loc);
            }
        }
        if (loop) {
            depth++;
            use(start);
            jump(Opcode.FOR_ITER, anchor, loc);
        }
        visitExpr(gen.target());
        for (Expr cond : gen.ifs()) jumpIf(loc, cond, ifCleanup, false);
        if (++index < gens.size()) comprehensionGenerator(loc, gens, index, depth, elt, val, build);
        Loc eltLoc = loc(elt);
        if (index >= gens.size()) eltLoc = appendElement(elt, val, build, depth);
        use(ifCleanup);
        if (loop) {
            jump(CodeBuilder.JUMP, start, eltLoc);
            use(anchor);
            op(Opcode.END_FOR, Loc.NONE);
        }
    }

    private void asyncComprehensionGenerator(Loc loc, List<Ast.Comprehension> gens, int index, int depth, Expr elt,
            Expr val, Opcode build) {
        Block start = newBlock(), except = newBlock(), ifCleanup = newBlock();
        Ast.Comprehension gen = gens.get(index);
        if (index == 0) {
            u.argcount = 1;
            op(Opcode.LOAD_FAST, 0, loc);
        } else {
            visitExpr(gen.iter());
            op(Opcode.GET_AITER, loc);
        }
        use(start);
        pushFBlock(FKind.ASYNC_COMPREHENSION_GENERATOR, start, null, null, loc);
        jump(CodeBuilder.SETUP_FINALLY, except, loc);
        op(Opcode.GET_ANEXT, loc);
        loadConst(Const.NONE, loc);
        addYieldFrom(loc, true);
        popBlock(loc);
        visitExpr(gen.target());
        for (Expr cond : gen.ifs()) jumpIf(loc, cond, ifCleanup, false);
        depth++;
        if (++index < gens.size()) comprehensionGenerator(loc, gens, index, depth, elt, val, build);
        Loc eltLoc = loc(elt);
        if (index >= gens.size()) eltLoc = appendElement(elt, val, build, depth);
        use(ifCleanup);
        jump(CodeBuilder.JUMP, start, eltLoc);
        popFBlock(FKind.ASYNC_COMPREHENSION_GENERATOR);
        use(except);
        op(Opcode.END_ASYNC_FOR, loc);
    }

    private Loc appendElement(Expr elt, Expr val, Opcode build, int depth) {
        Loc eltLoc = loc(elt);
        if (build == null) {
            visitExpr(elt);
            addYield(eltLoc);
            op(Opcode.POP_TOP, eltLoc);
        } else if (build == Opcode.BUILD_LIST) {
            visitExpr(elt);
            op(Opcode.LIST_APPEND, depth + 1, eltLoc);
        } else if (build == Opcode.BUILD_SET) {
            visitExpr(elt);
            op(Opcode.SET_ADD, depth + 1, eltLoc);
        } else {
            visitExpr(elt);
            visitExpr(val);
            eltLoc = new Loc(elt.pos().line(), val.pos().endLine(), elt.pos().col(), val.pos().endCol());
            op(Opcode.MAP_ADD, depth + 1, eltLoc);
        }
        return eltLoc;
    }
}
