package dev.gilt.interp.parse;

import dev.gilt.interp.parse.Ast.*;
import dev.gilt.interp.parse.Token.Kind;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions, following the rules of CPython 3.12's grammar (python.gram) by name: each method
 * is the rule it is named after. Where CPython reaches a better error message through an
 * "invalid_" rule in its second pass, the check sits at the point where this parser would
 * otherwise fail, guarded by {@code noInvalid == 0} so speculative parses stay quiet.
 */
abstract class ExprParser extends ParserBase {

    ExprParser(Lexer lexer) {
        super(lexer);
    }

    static boolean startsExpression(Kind k) {
        return switch (k) {
            case NAME, NUMBER, STRING, FSTRING_START, LPAR, LSQB, LBRACE, MINUS, PLUS, TILDE, ELLIPSIS, NOT,
                 LAMBDA, AWAIT, NONE, TRUE, FALSE -> true;
            default -> false;
        };
    }

    // ---- lists of expressions ------------------------------------------------------------

    /** star_expressions: a tuple when there is a comma. */
    final Expr starExpressions() {
        int s = p;
        Expr first = starExpression();
        if (!at(Kind.COMMA)) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(Kind.COMMA)) {
            if (!startsExpression(kind()) && !at(Kind.STAR)) {
                break;
            }
            elts.add(starExpression());
        }
        return new Tuple(elts, Ctx.LOAD, span(s));
    }

    /** expressions (eval input, except clauses): like star_expressions without stars. */
    final Expr expressions() {
        int s = p;
        Expr first = expression();
        if (!at(Kind.COMMA)) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(Kind.COMMA)) {
            if (!startsExpression(kind())) {
                break;
            }
            elts.add(expression());
        }
        return new Tuple(elts, Ctx.LOAD, span(s));
    }

    final Expr starExpression() {
        if (at(Kind.STAR)) {
            int s = p++;
            Expr v = bitwiseOr();
            return new Starred(v, Ctx.LOAD, span(s));
        }
        return expression();
    }

    final Expr starNamedExpression() {
        if (at(Kind.STAR)) {
            int s = p++;
            Expr v = bitwiseOr();
            return new Starred(v, Ctx.LOAD, span(s));
        }
        return namedExpression();
    }

    /** named_expression: NAME ':=' expression, or an expression not followed by ':='. */
    final Expr namedExpression() {
        if (at(Kind.NAME) && kindAt(1) == Kind.COLONEQUAL) {
            return assignmentExpression();
        }
        Expr e = expression();
        if (at(Kind.COLONEQUAL) && noInvalid == 0) {
            throw errNode("cannot use assignment expressions with " + Targets.exprName(e), e.pos());
        }
        if (at(Kind.EQUAL) && noInvalid == 0) {
            checkMistakenAssign(e, p);
        }
        return e;
    }

    private Expr assignmentExpression() {
        int s = p;
        Token t = tok(p);
        p += 2;
        Expr v = expression();
        return new NamedExpr(new Name(t.name(), Ctx.STORE, t.pos()), v, span(s));
    }

    /**
     * CPython's invalid_named_expression: {@code e = b} where a comparison was probably meant.
     * {@code eq} is the index of the '=' token after {@code e}.
     */
    final void checkMistakenAssign(Expr e, int eq) {
        boolean bareName = e instanceof Name && !parenthesized.contains(e);
        if (!bareName) {
            Expr first = Targets.leftmost(e);
            if (first instanceof ListExpr || (first instanceof Tuple && parenthesized.contains(first))
                    || first instanceof GeneratorExp) {
                return;
            }
            if (first instanceof Constant c && (c.value() instanceof Boolean || c.value() == Const.NONE)
                    && !parenthesized.contains(first)) {
                return;
            }
            if (!Targets.isBitwiseOrLevel(e) && !parenthesized.contains(e)) {
                return;
            }
        }
        int save = p;
        p = eq + 1;
        Expr b = attempt(() -> {
            Expr r = bitwiseOr();
            return at(Kind.EQUAL) || at(Kind.COLONEQUAL) ? null : r;
        });
        p = save;
        if (b == null) {
            return;
        }
        if (bareName) {
            throw errRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e.pos(), b.pos());
        }
        throw errNode("cannot assign to " + Targets.exprName(e) + " here. Maybe you meant '==' instead of '='?",
                e.pos());
    }

    // ---- expression and below ------------------------------------------------------------

    final Expr expression() {
        enter();
        Expr r;
        if (at(Kind.LAMBDA)) {
            r = lambdef();
        } else {
            int s = p;
            Expr a = disjunction();
            if (at(Kind.IF)) {
                p++;
                Expr b = disjunction();
                if (!at(Kind.ELSE)) {
                    if (noInvalid == 0 && !at(Kind.COLON)) {
                        throw errRange("expected 'else' after 'if' expression", a.pos(), b.pos());
                    }
                    throw generic();
                }
                p++;
                Expr c = expression();
                r = new IfExp(b, a, c, span(s));
            } else {
                if (noInvalid == 0 && startsExpression(kind())) {
                    checkJuxtaposed(s, a);
                }
                r = a;
            }
        }
        depth--;
        return r;
    }

    /**
     * Two expressions side by side: CPython's invalid_legacy_expression ("print x") and
     * invalid_expression, which suggests a missing comma inside brackets.
     */
    private void checkJuxtaposed(int s, Expr a) {
        Token first = tok(s);
        if (a instanceof Name n && p == s + 1 && !at(Kind.LPAR)
                && (n.id().equals("print") || n.id().equals("exec"))) {
            Expr b = attempt(this::starExpressions);
            if (b != null) {
                throw errRange("Missing parentheses in call to '" + n.id() + "'. Did you mean " + n.id() + "(...)?",
                        a.pos(), b.pos());
            }
            return;
        }
        if (isSoftKeyword(first)) {
            return;
        }
        if (first.kind == Kind.NAME) {
            Kind k2 = tok(s + 1).kind;
            if (k2 == Kind.STRING || k2 == Kind.FSTRING_START) {
                return;
            }
        }
        Expr b = attempt(this::expression);
        if (b != null && fetched(attemptEnd - 1).level > 0) {
            throw errRange("invalid syntax. Perhaps you forgot a comma?", a.pos(), b.pos());
        }
    }

    final Expr disjunction() {
        int s = p;
        Expr a = conjunction();
        if (!at(Kind.OR)) {
            return a;
        }
        List<Expr> values = new ArrayList<>();
        values.add(a);
        while (accept(Kind.OR)) {
            values.add(conjunction());
        }
        return new BoolOp(BoolOpKind.OR, values, span(s));
    }

    private Expr conjunction() {
        int s = p;
        Expr a = inversion();
        if (!at(Kind.AND)) {
            return a;
        }
        List<Expr> values = new ArrayList<>();
        values.add(a);
        while (accept(Kind.AND)) {
            values.add(inversion());
        }
        return new BoolOp(BoolOpKind.AND, values, span(s));
    }

    private Expr inversion() {
        if (at(Kind.NOT)) {
            enter();
            int s = p++;
            Expr e = inversion();
            depth--;
            return new UnaryOp(UnaryOpKind.NOT, e, span(s));
        }
        return comparison();
    }

    private Expr comparison() {
        int s = p;
        Expr left = bitwiseOr();
        List<CmpOp> ops = null;
        List<Expr> comparators = null;
        for (;;) {
            CmpOp op;
            int len = 1;
            switch (kind()) {
                case EQEQUAL -> op = CmpOp.EQ;
                case NOTEQUAL -> op = CmpOp.NOTEQ;
                case LESS -> op = CmpOp.LT;
                case LESSEQUAL -> op = CmpOp.LTE;
                case GREATER -> op = CmpOp.GT;
                case GREATEREQUAL -> op = CmpOp.GTE;
                case IN -> op = noIn ? null : CmpOp.IN;
                case NOT -> {
                    if (!noIn && kindAt(1) == Kind.IN) {
                        op = CmpOp.NOTIN;
                        len = 2;
                    } else {
                        op = null;
                    }
                }
                case IS -> {
                    if (kindAt(1) == Kind.NOT) {
                        op = CmpOp.ISNOT;
                        len = 2;
                    } else {
                        op = CmpOp.IS;
                    }
                }
                default -> op = null;
            }
            if (op == null) {
                break;
            }
            p += len;
            if (ops == null) {
                ops = new ArrayList<>();
                comparators = new ArrayList<>();
            }
            ops.add(op);
            comparators.add(bitwiseOr());
        }
        return ops == null ? left : new Compare(left, ops, comparators, span(s));
    }

    final Expr bitwiseOr() {
        int s = p;
        Expr e = bitwiseXor();
        while (at(Kind.VBAR)) {
            p++;
            e = new BinOp(e, Operator.BITOR, bitwiseXor(), span(s));
        }
        return e;
    }

    private Expr bitwiseXor() {
        int s = p;
        Expr e = bitwiseAnd();
        while (at(Kind.CIRCUMFLEX)) {
            p++;
            e = new BinOp(e, Operator.BITXOR, bitwiseAnd(), span(s));
        }
        return e;
    }

    private Expr bitwiseAnd() {
        int s = p;
        Expr e = shiftExpr();
        while (at(Kind.AMPER)) {
            p++;
            e = new BinOp(e, Operator.BITAND, shiftExpr(), span(s));
        }
        return e;
    }

    private Expr shiftExpr() {
        int s = p;
        Expr e = sum();
        for (;;) {
            Operator op = switch (kind()) {
                case LEFTSHIFT -> Operator.LSHIFT;
                case RIGHTSHIFT -> Operator.RSHIFT;
                default -> null;
            };
            if (op == null) {
                return e;
            }
            p++;
            e = new BinOp(e, op, sum(), span(s));
        }
    }

    private Expr sum() {
        int s = p;
        Expr e = term();
        for (;;) {
            Operator op = switch (kind()) {
                case PLUS -> Operator.ADD;
                case MINUS -> Operator.SUB;
                default -> null;
            };
            if (op == null) {
                return e;
            }
            p++;
            e = new BinOp(e, op, term(), span(s));
        }
    }

    private Expr term() {
        int s = p;
        Expr e = factor();
        for (;;) {
            Operator op = switch (kind()) {
                case STAR -> Operator.MULT;
                case SLASH -> Operator.DIV;
                case DOUBLESLASH -> Operator.FLOORDIV;
                case PERCENT -> Operator.MOD;
                case AT -> Operator.MATMULT;
                default -> null;
            };
            if (op == null) {
                return e;
            }
            p++;
            e = new BinOp(e, op, factor(), span(s));
        }
    }

    private Expr factor() {
        UnaryOpKind op = switch (kind()) {
            case PLUS -> UnaryOpKind.UADD;
            case MINUS -> UnaryOpKind.USUB;
            case TILDE -> UnaryOpKind.INVERT;
            default -> null;
        };
        if (op == null) {
            return power();
        }
        enter();
        int s = p++;
        Expr e = factor();
        depth--;
        return new UnaryOp(op, e, span(s));
    }

    private Expr power() {
        int s = p;
        Expr e = awaitPrimary();
        if (at(Kind.DOUBLESTAR)) {
            p++;
            e = new BinOp(e, Operator.POW, factor(), span(s));
        }
        return e;
    }

    private Expr awaitPrimary() {
        if (at(Kind.AWAIT)) {
            int s = p++;
            Expr e = primary();
            return new Await(e, span(s));
        }
        return primary();
    }

    /** primary: an atom followed by attribute, call and subscript trailers. */
    final Expr primary() {
        int s = p;
        Expr e = atom();
        for (;;) {
            switch (kind()) {
                case DOT -> {
                    p++;
                    Token name = expect(Kind.NAME);
                    e = new Attribute(e, name.name(), Ctx.LOAD, span(s));
                }
                case LPAR -> e = call(e, s, true);
                case LSQB -> {
                    p++;
                    boolean savedNoIn = noIn;
                    noIn = false;
                    Expr slice = slices();
                    expect(Kind.RSQB);
                    noIn = savedNoIn;
                    e = new Subscript(e, slice, Ctx.LOAD, span(s));
                }
                default -> {
                    return e;
                }
            }
        }
    }

    private Expr slices() {
        int s = p;
        Expr first;
        boolean forceTuple = false;
        if (at(Kind.STAR)) {
            first = starredExpression();
            forceTuple = true;
        } else {
            first = slice();
        }
        if (!at(Kind.COMMA) && !forceTuple) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(Kind.COMMA)) {
            if (at(Kind.RSQB)) {
                break;
            }
            elts.add(at(Kind.STAR) ? starredExpression() : slice());
        }
        return new Tuple(elts, Ctx.LOAD, span(s));
    }

    private Expr slice() {
        int s = p;
        Expr lower = null;
        if (!at(Kind.COLON)) {
            lower = namedExpression();
            if (!at(Kind.COLON)) {
                return lower;
            }
        }
        p++;
        Expr upper = startsExpression(kind()) ? expression() : null;
        Expr step = null;
        if (accept(Kind.COLON)) {
            step = startsExpression(kind()) ? expression() : null;
        }
        return new Slice(lower, upper, step, span(s));
    }

    private Expr starredExpression() {
        int s = p++;
        Expr v = expression();
        return new Starred(v, Ctx.LOAD, span(s));
    }

    /**
     * Call arguments after {@code func}, which started at token {@code s}. A class's bases use
     * the same rule but may not be a bare generator expression.
     */
    final Call call(Expr func, int s, boolean genexpAllowed) {
        int lpar = p++;
        boolean savedNoIn = noIn;
        noIn = false;
        List<Expr> args = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        boolean seenKeyword = false;
        boolean seenDoubleStar = false;
        String positionalAfter = null;
        while (!at(Kind.RPAR)) {
            int as = p;
            Kind k = kind();
            if (k == Kind.STAR) {
                Expr st = starredExpression();
                if (at(Kind.EQUAL) && noInvalid == 0) {
                    Expr v = attempt(() -> {
                        p++;
                        return expression();
                    });
                    if (v != null) {
                        throw errRange("cannot assign to iterable argument unpacking", st.pos(), v.pos());
                    }
                }
                if (seenDoubleStar && noInvalid == 0) {
                    throw errAt("iterable argument unpacking follows keyword argument unpacking", tok(as));
                }
                args.add(st);
            } else if (k == Kind.DOUBLESTAR) {
                p++;
                Expr v = expression();
                keywords.add(new Keyword(null, v, span(as)));
                seenKeyword = true;
                seenDoubleStar = true;
            } else if (k == Kind.NAME && kindAt(1) == Kind.EQUAL) {
                Token name = tok(p);
                p += 2;
                Expr v = expression();
                if (noInvalid == 0 && atComprehension()) {
                    throw errRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", name.pos(),
                            tok(as + 1).pos());
                }
                keywords.add(new Keyword(name.name(), v, span(as)));
                seenKeyword = true;
            } else if ((k == Kind.TRUE || k == Kind.FALSE || k == Kind.NONE) && kindAt(1) == Kind.EQUAL
                    && noInvalid == 0) {
                throw errRange("cannot assign to " + k.text, tok(p).pos(), tok(p + 1).pos());
            } else {
                Expr e = k == Kind.NAME && kindAt(1) == Kind.COLONEQUAL ? assignmentExpression() : expression();
                if (at(Kind.EQUAL) && noInvalid == 0) {
                    throw errRange("expression cannot contain assignment, perhaps you meant \"==\"?", e.pos(),
                            tok(p).pos());
                }
                if (atComprehension()) {
                    if (!genexpAllowed) {
                        throw generic();
                    }
                    List<Comprehension> gens = forIfClauses();
                    if (args.isEmpty() && keywords.isEmpty() && at(Kind.RPAR)) {
                        // The call's parentheses are the generator's own.
                        p++;
                        GeneratorExp g = new GeneratorExp(e, gens, span(lpar));
                        parenthesized.add(g);
                        noIn = savedNoIn;
                        return new Call(func, List.of(g), List.of(), span(s));
                    }
                    throw errRange("Generator expression must be parenthesized", e.pos(),
                            lastComprehensionItem(gens).pos());
                }
                if (seenKeyword && positionalAfter == null) {
                    positionalAfter = seenDoubleStar ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument";
                }
                args.add(e);
            }
            if (!accept(Kind.COMMA)) {
                break;
            }
        }
        if (positionalAfter != null && noInvalid == 0) {
            throw errAt(positionalAfter, tok(p));
        }
        expect(Kind.RPAR);
        noIn = savedNoIn;
        return new Call(func, args, keywords, span(s));
    }

    private static Expr lastComprehensionItem(List<Comprehension> gens) {
        Comprehension last = gens.get(gens.size() - 1);
        return last.ifs().isEmpty() ? last.iter() : last.ifs().get(last.ifs().size() - 1);
    }

    // ---- atoms ---------------------------------------------------------------------------

    final Expr atom() {
        Token t = tok(p);
        switch (t.kind) {
            case NAME:
                p++;
                return new Name(t.name(), Ctx.LOAD, t.pos());
            case TRUE:
                p++;
                return new Constant(Boolean.TRUE, t.pos());
            case FALSE:
                p++;
                return new Constant(Boolean.FALSE, t.pos());
            case NONE:
                p++;
                return new Constant(Const.NONE, t.pos());
            case ELLIPSIS:
                p++;
                return new Constant(Const.ELLIPSIS, t.pos());
            case NUMBER:
                p++;
                return new Constant(t.value, t.pos());
            case STRING, FSTRING_START:
                return strings();
            case LPAR:
                return parenAtom();
            case LSQB:
                return listAtom();
            case LBRACE:
                return braceAtom();
            default:
                throw generic();
        }
    }

    /** At 'for' or 'async for'; looks past 'async' only when there is one (lookahead moves error locations). */
    final boolean atComprehension() {
        Kind k = kind();
        return k == Kind.FOR || (k == Kind.ASYNC && kindAt(1) == Kind.FOR);
    }

    /** tuple | group | genexp */
    private Expr parenAtom() {
        int s = p++;
        boolean savedNoIn = noIn;
        noIn = false;
        Expr r;
        if (at(Kind.RPAR)) {
            p++;
            r = new Tuple(List.of(), Ctx.LOAD, span(s));
        } else if (at(Kind.YIELD)) {
            r = yieldExpr();
            expect(Kind.RPAR);
        } else if (at(Kind.DOUBLESTAR) && noInvalid == 0) {
            Token ds = tok(p);
            Boolean group = attempt(() -> {
                p++;
                expression();
                return at(Kind.RPAR) ? Boolean.TRUE : null;
            });
            if (group != null) {
                throw errAt("cannot use double starred expression here", ds);
            }
            throw generic();
        } else {
            Expr first = starNamedExpression();
            if (atComprehension()) {
                if (first instanceof Starred && noInvalid == 0) {
                    throw errNode("iterable unpacking cannot be used in comprehension", first.pos());
                }
                List<Comprehension> gens = forIfClauses();
                expect(Kind.RPAR);
                r = new GeneratorExp(first, gens, span(s));
            } else if (at(Kind.RPAR)) {
                if (first instanceof Starred && noInvalid == 0) {
                    throw errNode("cannot use starred expression here", first.pos());
                }
                p++;
                r = first;
            } else if (at(Kind.COMMA)) {
                List<Expr> elts = new ArrayList<>();
                elts.add(first);
                while (accept(Kind.COMMA)) {
                    if (at(Kind.RPAR)) {
                        break;
                    }
                    elts.add(starNamedExpression());
                }
                expect(Kind.RPAR);
                r = new Tuple(elts, Ctx.LOAD, span(s));
            } else {
                throw generic();
            }
        }
        parenthesized.add(r);
        noIn = savedNoIn;
        return r;
    }

    /** list | listcomp */
    private Expr listAtom() {
        int s = p++;
        boolean savedNoIn = noIn;
        noIn = false;
        Expr r;
        if (at(Kind.RSQB)) {
            p++;
            r = new ListExpr(List.of(), Ctx.LOAD, span(s));
        } else {
            Expr first = starNamedExpression();
            if (atComprehension()) {
                if (first instanceof Starred && noInvalid == 0) {
                    throw errNode("iterable unpacking cannot be used in comprehension", first.pos());
                }
                List<Comprehension> gens = forIfClauses();
                expect(Kind.RSQB);
                r = new ListComp(first, gens, span(s));
            } else {
                List<Expr> elts = displayRest(first, Kind.RSQB);
                r = new ListExpr(elts, Ctx.LOAD, span(s));
            }
        }
        noIn = savedNoIn;
        return r;
    }

    /** The elements after the first of a list or set display, through the closing bracket. */
    private List<Expr> displayRest(Expr first, Kind close) {
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        Token lastComma = null;
        while (at(Kind.COMMA)) {
            lastComma = tok(p++);
            if (at(close)) {
                break;
            }
            if (atComprehension() && noInvalid == 0) {
                throw errRange("did you forget parentheses around the comprehension target?", first.pos(),
                        elts.size() == 1 ? lastComma.pos() : elts.get(elts.size() - 1).pos());
            }
            elts.add(starNamedExpression());
        }
        if (atComprehension() && noInvalid == 0 && elts.size() > 1) {
            throw errRange("did you forget parentheses around the comprehension target?", first.pos(),
                    elts.get(elts.size() - 1).pos());
        }
        expect(close);
        return elts;
    }

    /** dict | set | dictcomp | setcomp */
    private Expr braceAtom() {
        int s = p++;
        boolean savedNoIn = noIn;
        noIn = false;
        Expr r;
        if (at(Kind.RBRACE)) {
            p++;
            r = new Dict(List.of(), List.of(), span(s));
        } else if (at(Kind.DOUBLESTAR)) {
            Token ds = tok(p++);
            Expr v = bitwiseOr();
            if (atComprehension() && noInvalid == 0) {
                throw errAt("dict unpacking cannot be used in dict comprehension", ds);
            }
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            keys.add(null);
            values.add(v);
            r = dictRest(s, keys, values);
        } else {
            Expr first = starNamedExpression();
            if (at(Kind.COLON)) {
                Expr v = dictValue();
                if (atComprehension()) {
                    List<Comprehension> gens = forIfClauses();
                    expect(Kind.RBRACE);
                    r = new DictComp(first, v, gens, span(s));
                } else {
                    List<Expr> keys = new ArrayList<>();
                    List<Expr> values = new ArrayList<>();
                    keys.add(first);
                    values.add(v);
                    r = dictRest(s, keys, values);
                }
            } else if (atComprehension()) {
                if (first instanceof Starred && noInvalid == 0) {
                    throw errNode("iterable unpacking cannot be used in comprehension", first.pos());
                }
                List<Comprehension> gens = forIfClauses();
                expect(Kind.RBRACE);
                r = new SetComp(first, gens, span(s));
            } else {
                r = new SetExpr(displayRest(first, Kind.RBRACE), span(s));
            }
        }
        noIn = savedNoIn;
        return r;
    }

    /** After a dictionary key, at its ':'. */
    private Expr dictValue() {
        Token colon = tok(p++);
        if (noInvalid == 0) {
            if (at(Kind.RBRACE) || at(Kind.COMMA)) {
                throw errAt("expression expected after dictionary key and ':'", colon);
            }
            if (at(Kind.STAR)) {
                Token star = tok(p);
                Expr v = attempt(() -> {
                    p++;
                    return bitwiseOr();
                });
                if (v != null) {
                    throw errRange("cannot use a starred expression in a dictionary value", star.pos(), v.pos());
                }
            }
        }
        return expression();
    }

    private Expr dictRest(int s, List<Expr> keys, List<Expr> values) {
        while (accept(Kind.COMMA)) {
            if (at(Kind.RBRACE)) {
                break;
            }
            if (at(Kind.DOUBLESTAR)) {
                p++;
                keys.add(null);
                values.add(bitwiseOr());
                continue;
            }
            Expr k = expression();
            if (!at(Kind.COLON)) {
                if (noInvalid == 0) {
                    Pos a = k.pos();
                    throw new ParseError("SyntaxError", "':' expected after dictionary key", filename, a.line(),
                            a.endCol(), a.endLine(), 0, Lexer.lineText(src, a.line()), false, false);
                }
                throw generic();
            }
            keys.add(k);
            values.add(dictValue());
        }
        expect(Kind.RBRACE);
        return new Dict(keys, values, span(s));
    }

    /** for_if_clauses */
    final List<Comprehension> forIfClauses() {
        List<Comprehension> gens = new ArrayList<>();
        while (atComprehension()) {
            boolean isAsync = accept(Kind.ASYNC);
            p++;
            Expr target = forTargets();
            expect(Kind.IN);
            Expr iter = disjunction();
            List<Expr> ifs = new ArrayList<>();
            while (accept(Kind.IF)) {
                ifs.add(disjunction());
            }
            gens.add(new Comprehension(target, iter, ifs, isAsync));
        }
        return gens;
    }

    /**
     * The targets of a for loop or comprehension: parsed as expressions in which 'in' ends the
     * target, then checked and given the Store context.
     */
    final Expr forTargets() {
        int s = p;
        boolean savedNoIn = noIn;
        noIn = true;
        Expr first = starExpression();
        Expr t = first;
        if (at(Kind.COMMA)) {
            List<Expr> elts = new ArrayList<>();
            elts.add(first);
            while (accept(Kind.COMMA)) {
                if (!startsExpression(kind()) && !at(Kind.STAR)) {
                    break;
                }
                elts.add(starExpression());
            }
            t = new Tuple(elts, Ctx.LOAD, span(s));
        }
        noIn = savedNoIn;
        Expr bad = Targets.invalid(t, Targets.Type.FOR);
        if (bad != null) {
            throw errNode("cannot assign to " + Targets.exprName(bad), bad.pos());
        }
        return Targets.withCtx(t, Ctx.STORE);
    }

    final Expr yieldExpr() {
        int s = p++;
        if (accept(Kind.FROM)) {
            Expr v = expression();
            return new YieldFrom(v, span(s));
        }
        if (startsExpression(kind()) || at(Kind.STAR)) {
            Expr v = starExpressions();
            return new Yield(v, span(s));
        }
        return new Yield(null, span(s));
    }

    // ---- lambda and parameters -----------------------------------------------------------

    private Expr lambdef() {
        int s = p++;
        Arguments args = at(Kind.COLON) ? Arguments.EMPTY : parameters(true);
        expect(Kind.COLON);
        Expr body = expression();
        return new Lambda(args, body, span(s));
    }

    /**
     * Parameters of a def (up to the closing parenthesis) or a lambda (up to the colon), with
     * CPython's messages for misplaced defaults, stars and slashes.
     */
    final Arguments parameters(boolean lambda) {
        Kind end = lambda ? Kind.COLON : Kind.RPAR;
        List<Arg> posonly = new ArrayList<>();
        List<Arg> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        Arg vararg = null;
        List<Arg> kwonly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Arg kwarg = null;
        boolean seenSlash = false;
        boolean seenStar = false;
        boolean checks = noInvalid == 0;
        while (!at(end)) {
            Token t = tok(p);
            if (t.kind == Kind.SLASH) {
                if (checks) {
                    if (seenSlash) {
                        throw errAt("/ may appear only once", t);
                    }
                    if (seenStar) {
                        throw errAt("/ must be ahead of *", t);
                    }
                    if (args.isEmpty() && quietKindAt(1) == Kind.COMMA) {
                        throw errAt("at least one argument must precede /", t);
                    }
                }
                if (args.isEmpty()) {
                    throw generic();
                }
                p++;
                posonly.addAll(args);
                args.clear();
                seenSlash = true;
            } else if (t.kind == Kind.STAR) {
                if (seenStar && checks) {
                    throw errAt("* argument may appear only once", t);
                }
                p++;
                seenStar = true;
                if (at(Kind.NAME)) {
                    vararg = param(lambda, true);
                    if (at(Kind.EQUAL) && checks) {
                        throw errAt("var-positional argument cannot have default value", tok(p));
                    }
                } else if (at(Kind.COMMA)) {
                    Kind after = kindAt(1);
                    if (checks && (after == end || after == Kind.DOUBLESTAR)) {
                        // CPython places the lambda form of this error at the last token read.
                        throw errAt("named arguments must follow bare *", lambda ? tok(p + 1) : t);
                    }
                } else if (checks && at(end)) {
                    throw errAt("named arguments must follow bare *", lambda ? tok(p) : t);
                } else {
                    throw generic();
                }
            } else if (t.kind == Kind.DOUBLESTAR) {
                p++;
                kwarg = param(lambda, false);
                if (checks && at(Kind.EQUAL)) {
                    throw errAt("var-keyword argument cannot have default value", tok(p));
                }
                if (accept(Kind.COMMA) && !at(end)) {
                    Kind k = kind();
                    if (checks && (k == Kind.NAME || k == Kind.STAR || k == Kind.DOUBLESTAR || k == Kind.SLASH)) {
                        Token bad = tok(p);
                        if (k == Kind.NAME) {
                            Arg a = param(lambda, false);
                            throw errNode("arguments cannot follow var-keyword argument", a.pos());
                        }
                        throw errAt("arguments cannot follow var-keyword argument", bad);
                    }
                    throw generic();
                }
                break;
            } else if (t.kind == Kind.NAME) {
                Arg a = param(lambda, false);
                if (at(Kind.EQUAL)) {
                    Token eq = tok(p++);
                    if (checks && (at(Kind.COMMA) || at(end))) {
                        throw errAt("expected default value expression", eq);
                    }
                    Expr d = expression();
                    if (seenStar) {
                        kwonly.add(a);
                        kwDefaults.add(d);
                    } else {
                        args.add(a);
                        defaults.add(d);
                    }
                } else if (seenStar) {
                    kwonly.add(a);
                    kwDefaults.add(null);
                } else {
                    if (!defaults.isEmpty() && checks) {
                        throw errNode("parameter without a default follows parameter with a default", a.pos());
                    }
                    args.add(a);
                }
            } else if (t.kind == Kind.LPAR && checks) {
                Token close = attempt(() -> {
                    p++;
                    while (at(Kind.NAME) || at(Kind.COMMA)) {
                        p++;
                    }
                    return at(Kind.RPAR) ? tok(p) : null;
                });
                if (close != null) {
                    throw errRange(lambda ? "Lambda expression parameters cannot be parenthesized"
                            : "Function parameters cannot be parenthesized", t.pos(), close.pos());
                }
                throw generic();
            } else {
                throw generic();
            }
            if (!accept(Kind.COMMA)) {
                break;
            }
        }
        if (vararg == null && seenStar && kwonly.isEmpty() && checks) {
            throw generic();
        }
        return new Arguments(posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    private Arg param(boolean lambda, boolean starAnnotation) {
        int s = p;
        Token name = expect(Kind.NAME);
        Expr annotation = null;
        if (!lambda && accept(Kind.COLON)) {
            annotation = starAnnotation && at(Kind.STAR) ? starExpression() : expression();
        }
        return new Arg(name.name(), annotation, span(s));
    }

    // ---- strings -------------------------------------------------------------------------

    /** Adjacent string and f-string literals, concatenated. */
    final Expr strings() {
        int s = p;
        boolean bytes = false;
        boolean text = false;
        boolean fstring = false;
        String decodeError = null;
        List<Object> pieces = new ArrayList<>();
        List<Pos> piecePos = new ArrayList<>();
        for (;;) {
            Token t = tok(p);
            if (t.kind == Kind.STRING) {
                p++;
                Token.StringInfo si = (Token.StringInfo) t.value;
                try {
                    if (si.bytes()) {
                        bytes = true;
                        pieces.add(Strings.decodeBytes(src, si.bodyStart(), si.bodyEnd(), si.raw()));
                    } else {
                        text = true;
                        pieces.add(Strings.decodeStr(src, si.bodyStart(), si.bodyEnd(), si.raw()));
                    }
                } catch (Strings.DecodeError e) {
                    if (e.msg.startsWith("bytes can only")) {
                        throw errNode(e.msg, t.pos());
                    }
                    if (decodeError == null) {
                        decodeError = e.msg;
                    }
                    pieces.add("");
                }
                piecePos.add(t.pos());
            } else if (t.kind == Kind.FSTRING_START) {
                text = true;
                fstring = true;
                pieces.add(fstring());
                piecePos.add(null);
            } else {
                break;
            }
        }
        // CPython checks the pieces once it has seen the token after them, and reports there.
        Token after = tok(p);
        if (bytes && text) {
            throw errAt("cannot mix bytes and nonbytes literals", after);
        }
        if (decodeError != null) {
            throw errAt(decodeError, after);
        }
        Pos pos = span(s);
        if (bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object o : pieces) {
                out.writeBytes((byte[]) o);
            }
            return new Constant(new Bytes(out.toByteArray()), pos);
        }
        if (!fstring) {
            if (pieces.size() == 1) {
                return new Constant(pieces.get(0), pos);
            }
            StringBuilder sb = new StringBuilder();
            for (Object o : pieces) {
                sb.append((String) o);
            }
            return new Constant(sb.toString(), pos);
        }
        List<Expr> values = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        Pos[] pendingPos = new Pos[2];
        for (int i = 0; i < pieces.size(); i++) {
            Object o = pieces.get(i);
            if (o instanceof String str) {
                addPending(pending, pendingPos, str, piecePos.get(i));
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Expr> parts = (List<Expr>) o;
            for (Expr part : parts) {
                if (part instanceof Constant c) {
                    addPending(pending, pendingPos, (String) c.value(), c.pos());
                } else {
                    flushPending(values, pending, pendingPos);
                    values.add(part);
                }
            }
        }
        flushPending(values, pending, pendingPos);
        return new JoinedStr(values, pos);
    }

    private static void addPending(StringBuilder pending, Pos[] pendingPos, String s, Pos pos) {
        if (s.isEmpty()) {
            return;
        }
        if (pending.isEmpty()) {
            pendingPos[0] = pos;
        }
        pending.append(s);
        pendingPos[1] = pos;
    }

    private static void flushPending(List<Expr> values, StringBuilder pending, Pos[] pendingPos) {
        if (!pending.isEmpty()) {
            values.add(new Constant(pending.toString(), pendingPos[0].to(pendingPos[1])));
            pending.setLength(0);
        }
    }

    /** One f-string: its literal parts as Constants and its replacement fields. */
    private List<Expr> fstring() {
        p++;
        List<Expr> parts = new ArrayList<>();
        for (;;) {
            Token t = tok(p);
            switch (t.kind) {
                case FSTRING_MIDDLE -> {
                    p++;
                    parts.add(new Constant(t.value, t.pos()));
                }
                case LBRACE -> replacementField(parts);
                case FSTRING_END -> {
                    p++;
                    return parts;
                }
                default -> throw generic();
            }
        }
    }

    private void replacementField(List<Expr> out) {
        int lb = p;
        Token lbrace = tok(p++);
        boolean savedNoIn = noIn;
        noIn = false;
        Kind k = kind();
        if (k == Kind.RBRACE || k == Kind.EXCLAMATION || k == Kind.COLON || k == Kind.EQUAL) {
            throw errAt("f-string: valid expression required before '" + k.text + "'", tok(p));
        }
        if (k == Kind.LAMBDA) {
            throw errAt("f-string: lambda expressions are not allowed without parentheses", tok(p));
        }
        if (!startsExpression(k) && k != Kind.STAR && k != Kind.YIELD) {
            throw errAt("f-string: expecting a valid expression after '{'", tok(p));
        }
        Expr value = k == Kind.YIELD ? yieldExpr() : starExpressions();
        String debug = null;
        String expecting = "f-string: expecting '=', or '!', or ':', or '}'";
        if (at(Kind.EQUAL)) {
            p++;
            debug = src.substring(lbrace.end, tok(p).start);
            expecting = "f-string: expecting '!', or ':', or '}'";
        }
        int conversion = -1;
        if (at(Kind.EXCLAMATION)) {
            Token bang = tok(p++);
            Token c = tok(p);
            if (c.kind == Kind.COLON || c.kind == Kind.RBRACE) {
                throw errAt("f-string: missing conversion character", c);
            }
            if (c.kind != Kind.NAME && !c.kind.keyword) {
                throw errAt("f-string: invalid conversion character", c);
            }
            if (c.start != bang.end) {
                throw errAt("f-string: conversion type must come right after the exclamanation mark", c);
            }
            String name = c.kind == Kind.NAME ? c.name() : c.kind.text;
            if (!name.equals("s") && !name.equals("r") && !name.equals("a")) {
                throw errAt("f-string: invalid conversion character '" + name + "': expected 's', 'r', or 'a'", c);
            }
            p++;
            conversion = name.charAt(0);
            expecting = "f-string: expecting ':' or '}'";
        }
        Expr spec = null;
        if (at(Kind.COLON)) {
            int ss = p++;
            List<Expr> specParts = new ArrayList<>();
            for (;;) {
                if (at(Kind.FSTRING_MIDDLE)) {
                    Token m = tok(p++);
                    specParts.add(new Constant(m.value, m.pos()));
                } else if (at(Kind.LBRACE)) {
                    replacementField(specParts);
                } else {
                    break;
                }
            }
            spec = new JoinedStr(mergeConstants(specParts), span(ss));
            expecting = "f-string: expecting '}'";
        }
        if (!at(Kind.RBRACE)) {
            throw errAt(expecting, tok(p));
        }
        p++;
        noIn = savedNoIn;
        if (debug != null) {
            out.add(new Constant(debug, span(lb)));
            if (conversion == -1 && spec == null) {
                conversion = 'r';
            }
        }
        out.add(new FormattedValue(value, conversion, spec, span(lb)));
    }

    private static List<Expr> mergeConstants(List<Expr> parts) {
        List<Expr> values = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        Pos[] pendingPos = new Pos[2];
        for (Expr part : parts) {
            if (part instanceof Constant c) {
                addPending(pending, pendingPos, (String) c.value(), c.pos());
            } else {
                flushPending(values, pending, pendingPos);
                values.add(part);
            }
        }
        flushPending(values, pending, pendingPos);
        return values;
    }
}
