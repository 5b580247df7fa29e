package dev.gilt.interp.parse;

import dev.gilt.interp.parse.Ast.*;
import dev.gilt.interp.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** The patterns of {@code match} statements (PEP 634), rule by rule as in python.gram. */
abstract class PatternParser extends ExprParser {

    PatternParser(Lexer lexer) {
        super(lexer);
    }

    private static boolean startsPattern(Kind k) {
        return switch (k) {
            case NAME, NUMBER, STRING, FSTRING_START, MINUS, LPAR, LSQB, LBRACE, NONE, TRUE, FALSE, STAR -> true;
            default -> false;
        };
    }

    /** patterns: open_sequence_pattern | pattern */
    final Pattern patterns() {
        int s = p;
        Pattern first = maybeStarPattern();
        if (!at(Kind.COMMA)) {
            if (first instanceof MatchStar) {
                throw generic();
            }
            return first;
        }
        List<Pattern> items = new ArrayList<>();
        items.add(first);
        while (accept(Kind.COMMA)) {
            if (!startsPattern(kind())) {
                break;
            }
            items.add(maybeStarPattern());
        }
        return new MatchSequence(items, span(s));
    }

    private Pattern maybeStarPattern() {
        if (at(Kind.STAR)) {
            int s = p++;
            Token name = expect(Kind.NAME);
            String id = name.name();
            return new MatchStar(id.equals("_") ? null : id, span(s));
        }
        return pattern();
    }

    /** pattern: as_pattern | or_pattern */
    private Pattern pattern() {
        int s = p;
        Pattern or = orPattern();
        if (!at(Kind.AS)) {
            return or;
        }
        p++;
        Token t = tok(p);
        if (t.kind == Kind.NAME && t.value.equals("_")) {
            throw errAt("cannot use '_' as a target", t);
        }
        if (t.kind != Kind.NAME) {
            Expr bad = attempt(this::expression);
            if (bad != null) {
                throw errNode("invalid pattern target", bad.pos());
            }
            throw generic();
        }
        p++;
        Kind after = kind();
        if (after == Kind.DOT || after == Kind.LPAR || after == Kind.EQUAL) {
            throw generic();
        }
        return new MatchAs(or, t.name(), span(s));
    }

    private Pattern orPattern() {
        int s = p;
        Pattern first = closedPattern();
        if (!at(Kind.VBAR)) {
            return first;
        }
        List<Pattern> alts = new ArrayList<>();
        alts.add(first);
        while (accept(Kind.VBAR)) {
            alts.add(closedPattern());
        }
        return new MatchOr(alts, span(s));
    }

    private Pattern closedPattern() {
        int s = p;
        Token t = tok(p);
        switch (t.kind) {
            case NUMBER, MINUS:
                return new MatchValue(numberLiteral(), span(s));
            case STRING, FSTRING_START:
                // An f-string here parses, as in CPython; the compiler rejects it.
                return new MatchValue(strings(), span(s));
            case NONE:
                p++;
                return new MatchSingleton(Const.NONE, t.pos());
            case TRUE:
                p++;
                return new MatchSingleton(Boolean.TRUE, t.pos());
            case FALSE:
                p++;
                return new MatchSingleton(Boolean.FALSE, t.pos());
            case NAME:
                return namePattern();
            case LPAR:
                return groupOrSequence();
            case LSQB: {
                p++;
                List<Pattern> items = new ArrayList<>();
                while (!at(Kind.RSQB)) {
                    items.add(maybeStarPattern());
                    if (!accept(Kind.COMMA)) {
                        break;
                    }
                }
                expect(Kind.RSQB);
                return new MatchSequence(items, span(s));
            }
            case LBRACE:
                return mappingPattern();
            default:
                throw generic();
        }
    }

    /** signed_number or complex_number, as a value expression. */
    private Expr numberLiteral() {
        int s = p;
        boolean negative = accept(Kind.MINUS);
        Token num = expect(Kind.NUMBER);
        Expr v = new Constant(num.value, num.pos());
        if (negative) {
            v = new UnaryOp(UnaryOpKind.USUB, v, span(s));
        }
        if (at(Kind.PLUS) || at(Kind.MINUS)) {
            if (num.value instanceof Imaginary) {
                throw errNode("real number required in complex literal", num.pos());
            }
            Operator op = at(Kind.PLUS) ? Operator.ADD : Operator.SUB;
            p++;
            Token imag = expect(Kind.NUMBER);
            if (!(imag.value instanceof Imaginary)) {
                throw errNode("imaginary number required in complex literal", imag.pos());
            }
            v = new BinOp(v, op, new Constant(imag.value, imag.pos()), span(s));
        }
        return v;
    }

    /** capture, wildcard, value (dotted name) and class patterns. */
    private Pattern namePattern() {
        int s = p;
        Token t = tok(p++);
        Expr e = new Name(t.name(), Ctx.LOAD, t.pos());
        boolean dotted = false;
        while (at(Kind.DOT)) {
            p++;
            Token attr = expect(Kind.NAME);
            e = new Attribute(e, attr.name(), Ctx.LOAD, span(s));
            dotted = true;
        }
        if (at(Kind.LPAR)) {
            return classPattern(s, e);
        }
        if (dotted) {
            return new MatchValue(e, span(s));
        }
        if (at(Kind.EQUAL)) {
            throw generic();
        }
        String id = t.name();
        return new MatchAs(null, id.equals("_") ? null : id, t.pos());
    }

    private Pattern classPattern(int s, Expr cls) {
        p++;
        List<Pattern> positional = new ArrayList<>();
        List<String> kwdAttrs = new ArrayList<>();
        List<Pattern> kwdPatterns = new ArrayList<>();
        List<Pattern> misplaced = null;
        while (!at(Kind.RPAR)) {
            if (at(Kind.NAME) && kindAt(1) == Kind.EQUAL) {
                Token name = tok(p);
                p += 2;
                kwdAttrs.add(name.name());
                kwdPatterns.add(pattern());
            } else {
                Pattern pat = pattern();
                if (!kwdAttrs.isEmpty()) {
                    if (misplaced == null) {
                        misplaced = new ArrayList<>();
                    }
                    misplaced.add(pat);
                }
                positional.add(pat);
            }
            if (!accept(Kind.COMMA)) {
                break;
            }
        }
        if (misplaced != null && noInvalid == 0) {
            throw errRange("positional patterns follow keyword patterns", misplaced.get(0).pos(),
                    misplaced.get(misplaced.size() - 1).pos());
        }
        expect(Kind.RPAR);
        return new MatchClass(cls, positional, kwdAttrs, kwdPatterns, span(s));
    }

    private Pattern groupOrSequence() {
        int s = p++;
        if (accept(Kind.RPAR)) {
            return new MatchSequence(List.of(), span(s));
        }
        Pattern first = maybeStarPattern();
        if (at(Kind.RPAR) && !(first instanceof MatchStar)) {
            p++;
            return first;
        }
        List<Pattern> items = new ArrayList<>();
        items.add(first);
        expect(Kind.COMMA);
        while (!at(Kind.RPAR)) {
            items.add(maybeStarPattern());
            if (!accept(Kind.COMMA)) {
                break;
            }
        }
        expect(Kind.RPAR);
        return new MatchSequence(items, span(s));
    }

    private Pattern mappingPattern() {
        int s = p++;
        List<Expr> keys = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        String rest = null;
        while (!at(Kind.RBRACE)) {
            if (at(Kind.DOUBLESTAR)) {
                p++;
                Token name = expect(Kind.NAME);
                if (name.value.equals("_")) {
                    throw generic();
                }
                rest = name.name();
                accept(Kind.COMMA);
                break;
            }
            keys.add(mappingKey());
            expect(Kind.COLON);
            patterns.add(pattern());
            if (!accept(Kind.COMMA)) {
                break;
            }
        }
        expect(Kind.RBRACE);
        return new MatchMapping(keys, patterns, rest, span(s));
    }

    /** literal_expr | attr */
    private Expr mappingKey() {
        int s = p;
        Token t = tok(p);
        switch (t.kind) {
            case NUMBER, MINUS:
                return numberLiteral();
            case STRING:
                return strings();
            case NONE:
                p++;
                return new Constant(Const.NONE, t.pos());
            case TRUE:
                p++;
                return new Constant(Boolean.TRUE, t.pos());
            case FALSE:
                p++;
                return new Constant(Boolean.FALSE, t.pos());
            case NAME: {
                p++;
                Expr e = new Name(t.name(), Ctx.LOAD, t.pos());
                if (!at(Kind.DOT)) {
                    throw generic();
                }
                while (accept(Kind.DOT)) {
                    Token attr = expect(Kind.NAME);
                    e = new Attribute(e, attr.name(), Ctx.LOAD, span(s));
                }
                return e;
            }
            default:
                throw generic();
        }
    }
}
