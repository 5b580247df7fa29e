package dev.gilt.interp.parse;

import dev.gilt.interp.parse.Ast.*;
import dev.gilt.interp.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Gilt's parser: Python 3.12 source to {@link Ast}. A hand-written recursive-descent parser
 * over the lazily produced tokens of {@link Lexer}; expressions live in {@link ExprParser},
 * patterns in {@link PatternParser}, statements here.
 *
 * <p>Errors are {@link ParseError}s worded and placed as CPython 3.12 places them, including
 * its habit of preferring a tokenizer error found later in the file over a parser error.
 * Type parameter syntax (PEP 695: {@code type X = ...}, {@code def f[T]()}) is rejected: the
 * AST has no nodes for it yet.
 */
public final class Parser extends PatternParser {

    public enum Mode { EXEC, EVAL, SINGLE }

    private Parser(Lexer lexer) {
        super(lexer);
    }

    /** Parses {@code source}; throws {@link ParseError} for any malformed input and nothing else. */
    public static Mod parse(String source, String filename, Mode mode) {
        String src = normalize(source);
        int nul = src.indexOf('\0');
        if (nul >= 0) {
            throw new ParseError("SyntaxError", "source code string cannot contain null bytes", filename, 1, 0, 1, 0,
                    null, false, true);
        }
        Parser parser = new Parser(new Lexer(src, filename));
        try {
            return parser.run(mode);
        } catch (ParseError e) {
            if (!e.fromLexer) {
                throw parser.preferLexerError(e);
            }
            throw e;
        } catch (StackOverflowError e) {
            throw new ParseError("SyntaxError", TOO_COMPLEX, filename, 1, 0, 1, 0, null, false, true);
        }
    }

    /** CPython reads "\r\n" and "\r" as "\n", and skips a UTF-8 byte order mark. */
    private static String normalize(String s) {
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        return s;
    }

    /**
     * For the REPL: true when {@code source} (the lines typed so far, each with its newline) is
     * the beginning of a statement that needs more lines — an open bracket, a triple-quoted string,
     * a block header, or a compound statement not yet ended by an empty line. False when it is
     * complete or certainly wrong (parsing it then reports the error).
     */
    public static boolean isIncomplete(String source) {
        Mod mod;
        try {
            mod = parse(source, "<stdin>", Mode.SINGLE);
        } catch (ParseError e) {
            // An empty line ends a block in the REPL: what is still missing then is an error,
            // unless a bracket or a triple-quoted string is still open.
            return e.incomplete && (e.fromLexer || !endsWithBlankLine(normalize(source)));
        }
        List<Stmt> body = ((Interactive) mod).body();
        if (body.size() == 1 && isCompound(body.get(0))) {
            return !endsWithBlankLine(normalize(source));
        }
        return false;
    }

    private static boolean isCompound(Stmt s) {
        return switch (s) {
            case If x -> true;
            case For x -> true;
            case While x -> true;
            case With x -> true;
            case Try x -> true;
            case FunctionDef x -> true;
            case ClassDef x -> true;
            case Match x -> true;
            default -> false;
        };
    }

    private static boolean endsWithBlankLine(String s) {
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        int nl = s.lastIndexOf('\n');
        if (nl < 0) {
            return false;
        }
        return s.substring(nl + 1).isBlank();
    }

    private Mod run(Mode mode) {
        switch (mode) {
            case EXEC -> {
                List<Stmt> body = new ArrayList<>();
                while (!at(Kind.ENDMARKER)) {
                    statement(body);
                }
                return new Ast.Module(body, Pos.NONE);
            }
            case EVAL -> {
                if (at(Kind.ENDMARKER)) {
                    throw generic();
                }
                Expr e = expressions();
                while (accept(Kind.NEWLINE)) {
                    // trailing blank lines are allowed in eval input
                }
                if (!at(Kind.ENDMARKER)) {
                    throw generic();
                }
                return new Expression(e, e.pos());
            }
            default -> {
                List<Stmt> body = new ArrayList<>();
                if (!at(Kind.ENDMARKER)) {
                    statement(body);
                    accept(Kind.NEWLINE);
                    if (!at(Kind.ENDMARKER)) {
                        Token end = tok(p - 1).kind == Kind.NEWLINE ? tok(p - 1) : peek();
                        throw errAt("multiple statements found while compiling a single statement", end);
                    }
                }
                return new Interactive(body, Pos.NONE);
            }
        }
    }

    // ---- statements ----------------------------------------------------------------------

    private void statement(List<Stmt> out) {
        enter();
        Token t = peek();
        switch (t.kind) {
            case DEF -> out.add(functionDef(p, List.of()));
            case ASYNC -> {
                Kind next = kindAt(1);
                if (next == Kind.DEF) {
                    out.add(functionDef(p, List.of()));
                } else if (next == Kind.FOR) {
                    out.add(forStmt());
                } else if (next == Kind.WITH) {
                    out.add(withStmt());
                } else {
                    simpleStatements(out);
                }
            }
            case AT -> out.add(decorated());
            case CLASS -> out.add(classDef(p, List.of()));
            case IF -> out.add(ifStmt());
            case WHILE -> out.add(whileStmt());
            case FOR -> out.add(forStmt());
            case WITH -> out.add(withStmt());
            case TRY -> out.add(tryStmt());
            case NAME -> {
                if (t.value.equals("match")) {
                    Stmt m = matchStmt();
                    if (m != null) {
                        out.add(m);
                        break;
                    }
                } else if (t.value.equals("type") && kindAt(1) == Kind.NAME
                        && (kindAt(2) == Kind.EQUAL || kindAt(2) == Kind.LSQB)) {
                    throw errAt("type alias statements are not supported", t);
                }
                simpleStatements(out);
            }
            default -> simpleStatements(out);
        }
        depth--;
    }

    /** simple_stmts: ';'-separated simple statements ending the line. */
    private void simpleStatements(List<Stmt> out) {
        for (;;) {
            out.add(simpleStatement());
            if (accept(Kind.SEMI)) {
                if (accept(Kind.NEWLINE)) {
                    return;
                }
                continue;
            }
            if (accept(Kind.NEWLINE)) {
                return;
            }
            throw generic();
        }
    }

    private Stmt simpleStatement() {
        int s = p;
        Token t = peek();
        switch (t.kind) {
            case PASS:
                p++;
                return new Pass(span(s));
            case BREAK:
                p++;
                return new Break(span(s));
            case CONTINUE:
                p++;
                return new Continue(span(s));
            case RETURN: {
                p++;
                Expr v = startsExpression(kind()) || at(Kind.STAR) ? starExpressions() : null;
                return new Return(v, span(s));
            }
            case RAISE: {
                p++;
                Expr exc = null;
                Expr cause = null;
                if (startsExpression(kind())) {
                    exc = expression();
                    if (accept(Kind.FROM)) {
                        cause = expression();
                    }
                }
                return new Raise(exc, cause, span(s));
            }
            case GLOBAL, NONLOCAL: {
                p++;
                List<String> names = new ArrayList<>();
                names.add(expect(Kind.NAME).name());
                while (accept(Kind.COMMA)) {
                    names.add(expect(Kind.NAME).name());
                }
                return t.kind == Kind.GLOBAL ? new Global(names, span(s)) : new Nonlocal(names, span(s));
            }
            case DEL:
                return delStmt();
            case ASSERT: {
                p++;
                Expr test = expression();
                Expr msg = accept(Kind.COMMA) ? expression() : null;
                return new Assert(test, msg, span(s));
            }
            case IMPORT:
                return importName();
            case FROM:
                return importFrom();
            default:
                return expressionStatement();
        }
    }

    private static Operator augOperator(Kind k) {
        return switch (k) {
            case PLUSEQUAL -> Operator.ADD;
            case MINEQUAL -> Operator.SUB;
            case STAREQUAL -> Operator.MULT;
            case ATEQUAL -> Operator.MATMULT;
            case SLASHEQUAL -> Operator.DIV;
            case PERCENTEQUAL -> Operator.MOD;
            case AMPEREQUAL -> Operator.BITAND;
            case VBAREQUAL -> Operator.BITOR;
            case CIRCUMFLEXEQUAL -> Operator.BITXOR;
            case LEFTSHIFTEQUAL -> Operator.LSHIFT;
            case RIGHTSHIFTEQUAL -> Operator.RSHIFT;
            case DOUBLESTAREQUAL -> Operator.POW;
            case DOUBLESLASHEQUAL -> Operator.FLOORDIV;
            default -> null;
        };
    }

    private Expr annotatedRhs() {
        return at(Kind.YIELD) ? yieldExpr() : starExpressions();
    }

    /** Expression statements and every kind of assignment. */
    private Stmt expressionStatement() {
        int s = p;
        if (at(Kind.NAME) && kindAt(1) == Kind.COLON) {
            Token name = tok(p);
            p += 2;
            Expr annotation = expression();
            Expr value = accept(Kind.EQUAL) ? annotatedRhs() : null;
            return new AnnAssign(new Name(name.name(), Ctx.STORE, name.pos()), annotation, value, true, span(s));
        }
        Expr first = annotatedRhs();
        Kind k = kind();
        if (k == Kind.EQUAL) {
            return assignment(s, first);
        }
        if (k == Kind.COLON) {
            return annotatedAssignment(s, first);
        }
        Operator op = augOperator(k);
        if (op != null) {
            if (!(first instanceof Name || first instanceof Attribute || first instanceof Subscript)) {
                throw errNode("'" + Targets.exprName(first) + "' is an illegal expression for augmented assignment",
                        first.pos());
            }
            p++;
            Expr value = annotatedRhs();
            return new AugAssign(Targets.withCtx(first, Ctx.STORE), op, value, span(s));
        }
        return new ExprStmt(first, span(s));
    }

    private Stmt annotatedAssignment(int s, Expr target) {
        boolean tuple = target instanceof Tuple;
        if (!(target instanceof Name || target instanceof Attribute || target instanceof Subscript)) {
            if (tuple && !parenthesized.contains(target)) {
                throw errNode("only single target (not tuple) can be annotated", ((Tuple) target).elts().get(0).pos());
            }
            if (tuple || target instanceof ListExpr) {
                throw errNode("only single target (not " + (tuple ? "tuple" : "list") + ") can be annotated",
                        target.pos());
            }
            throw errNode("illegal target for annotation", target.pos());
        }
        p++;
        Expr annotation = expression();
        Expr value = accept(Kind.EQUAL) ? annotatedRhs() : null;
        boolean simple = target instanceof Name && !parenthesized.contains(target);
        return new AnnAssign(Targets.withCtx(target, Ctx.STORE), annotation, value, simple, span(s));
    }

    private Stmt assignment(int s, Expr first) {
        List<Expr> items = new ArrayList<>();
        List<Integer> equals = new ArrayList<>();
        items.add(first);
        while (at(Kind.EQUAL)) {
            equals.add(p);
            p++;
            items.add(annotatedRhs());
        }
        int n = items.size() - 1;
        for (int i = 0; i < n; i++) {
            Expr t = items.get(i);
            boolean yield = (t instanceof Yield || t instanceof YieldFrom) && !parenthesized.contains(t);
            if (yield || Targets.invalid(t, Targets.Type.STAR) != null) {
                throw assignmentError(items, equals);
            }
        }
        List<Expr> targets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            targets.add(Targets.withCtx(items.get(i), Ctx.STORE));
        }
        return new Assign(targets, items.get(n), span(s));
    }

    /**
     * The message CPython's invalid_assignment gives: first its check of the first target's last
     * element for a mistaken '=' (as in "f() = 1"), then the first invalid target.
     */
    private ParseError assignmentError(List<Expr> items, List<Integer> equals) {
        Expr t0 = items.get(0);
        Expr last = t0 instanceof Tuple tu && !parenthesized.contains(t0) ? tu.elts().get(tu.elts().size() - 1) : t0;
        if (!(last instanceof Starred) && !(last instanceof Yield) && !(last instanceof YieldFrom)) {
            checkMistakenAssign(last, equals.get(0));
        }
        for (int i = 0; i < items.size() - 1; i++) {
            Expr t = items.get(i);
            if ((t instanceof Yield || t instanceof YieldFrom) && !parenthesized.contains(t)) {
                return errNode("assignment to yield expression not possible", t.pos());
            }
            Expr bad = Targets.invalid(t, Targets.Type.STAR);
            if (bad != null) {
                return errNode("cannot assign to " + Targets.exprName(bad), bad.pos());
            }
        }
        return generic();
    }

    private Stmt delStmt() {
        int s = p++;
        List<Expr> targets = new ArrayList<>();
        targets.add(starExpression());
        while (accept(Kind.COMMA)) {
            if (!startsExpression(kind()) && !at(Kind.STAR)) {
                break;
            }
            targets.add(starExpression());
        }
        for (Expr t : targets) {
            Expr bad = Targets.invalid(t, Targets.Type.DEL);
            if (bad != null) {
                throw errNode("cannot delete " + Targets.exprName(bad), bad.pos());
            }
        }
        if (!at(Kind.SEMI) && !at(Kind.NEWLINE)) {
            throw generic();
        }
        List<Expr> out = new ArrayList<>(targets.size());
        for (Expr t : targets) {
            out.add(Targets.withCtx(t, Ctx.DEL));
        }
        return new Delete(out, span(s));
    }

    private Stmt importName() {
        int s = p++;
        List<Alias> names = new ArrayList<>();
        do {
            int as = p;
            String name = dottedName();
            String asname = accept(Kind.AS) ? expect(Kind.NAME).name() : null;
            names.add(new Alias(name, asname, span(as)));
        } while (accept(Kind.COMMA));
        if (at(Kind.FROM) && noInvalid == 0) {
            // 3.12's hint for "import a from b"
            Token kw = tok(s);
            Boolean from = attempt(() -> {
                p++;
                dottedName();
                return Boolean.TRUE;
            });
            if (from != null) {
                Token last = fetched(attemptEnd - 1);
                throw errRange("Did you mean to use 'from ... import ...' instead?", kw.pos(), last.pos());
            }
        }
        return new Import(names, span(s));
    }

    private String dottedName() {
        String name = expect(Kind.NAME).name();
        if (!at(Kind.DOT)) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name);
        while (accept(Kind.DOT)) {
            sb.append('.').append(expect(Kind.NAME).name());
        }
        return sb.toString();
    }

    private Stmt importFrom() {
        int s = p++;
        int level = 0;
        for (;;) {
            if (accept(Kind.DOT)) {
                level++;
            } else if (accept(Kind.ELLIPSIS)) {
                level += 3;
            } else {
                break;
            }
        }
        String module = null;
        if (!at(Kind.IMPORT) || level == 0) {
            module = dottedName();
        }
        expect(Kind.IMPORT);
        List<Alias> names = new ArrayList<>();
        if (at(Kind.STAR)) {
            Token star = tok(p++);
            names.add(new Alias("*", null, star.pos()));
        } else if (accept(Kind.LPAR)) {
            importAsNames(names);
            while (accept(Kind.COMMA)) {
                if (at(Kind.RPAR)) {
                    break;
                }
                importAsNames(names);
            }
            expect(Kind.RPAR);
        } else {
            importAsNames(names);
            while (at(Kind.COMMA)) {
                p++;
                if (at(Kind.NEWLINE) && noInvalid == 0) {
                    throw errAt("trailing comma not allowed without surrounding parentheses", peek());
                }
                importAsNames(names);
            }
        }
        return new ImportFrom(module, names, level, span(s));
    }

    private void importAsNames(List<Alias> names) {
        int as = p;
        String name = expect(Kind.NAME).name();
        String asname = accept(Kind.AS) ? expect(Kind.NAME).name() : null;
        names.add(new Alias(name, asname, span(as)));
    }

    // ---- compound statements -------------------------------------------------------------

    /**
     * A block after a header's ':'. An indented suite must follow a newline; otherwise the
     * header is followed by simple statements on the same line.
     */
    private List<Stmt> block(Token header, String what) {
        List<Stmt> body = new ArrayList<>();
        if (accept(Kind.NEWLINE)) {
            if (!at(Kind.INDENT)) {
                throw errAt("IndentationError", "expected an indented block after " + what + " on line "
                        + header.line, peek());
            }
            p++;
            while (!at(Kind.DEDENT)) {
                statement(body);
            }
            p++;
            return body;
        }
        simpleStatements(body);
        return body;
    }

    /** The ':' ending a header; a newline instead of it earns "expected ':'". */
    private void headerColon() {
        if (at(Kind.NEWLINE) && noInvalid == 0) {
            throw errAt("expected ':'", peek());
        }
        expect(Kind.COLON);
    }

    /** A ':' the grammar forces (CPython's &&':'): anything else there is "expected ':'". */
    private void forcedColon() {
        if (!at(Kind.COLON)) {
            throw errAt("expected ':'", peek());
        }
        p++;
    }

    private List<Stmt> elseBlock() {
        Token kw = tok(p++);
        forcedColon();
        return block(kw, "'else' statement");
    }

    private Stmt ifStmt() {
        int s = p;
        Token kw = tok(p++);
        Expr test = namedExpression();
        headerColon();
        List<Stmt> body = block(kw, kw.kind == Kind.IF ? "'if' statement" : "'elif' statement");
        List<Stmt> orelse;
        if (at(Kind.ELIF)) {
            orelse = List.of(ifStmt());
        } else if (at(Kind.ELSE)) {
            orelse = elseBlock();
        } else {
            orelse = List.of();
        }
        return new If(test, body, orelse, span(s));
    }

    private Stmt whileStmt() {
        int s = p;
        Token kw = tok(p++);
        Expr test = namedExpression();
        headerColon();
        List<Stmt> body = block(kw, "'while' statement");
        List<Stmt> orelse = at(Kind.ELSE) ? elseBlock() : List.of();
        return new While(test, body, orelse, span(s));
    }

    private Stmt forStmt() {
        int s = p;
        boolean isAsync = accept(Kind.ASYNC);
        Token kw = tok(p++);
        Expr target = forTargets();
        expect(Kind.IN);
        Expr iter = starExpressions();
        headerColon();
        List<Stmt> body = block(kw, "'for' statement");
        List<Stmt> orelse = at(Kind.ELSE) ? elseBlock() : List.of();
        return new For(target, iter, body, orelse, isAsync, span(s));
    }

    private Stmt withStmt() {
        int s = p;
        boolean isAsync = accept(Kind.ASYNC);
        Token kw = tok(p++);
        List<WithItem> items = null;
        if (at(Kind.LPAR)) {
            // 'with (a as b, c):' groups items; '(a, b)' alone may also be one tuple expression,
            // so the grouped reading must end in '):' to be taken.
            Integer end = attempt(() -> {
                p++;
                withItems(Kind.RPAR);
                return at(Kind.RPAR) && kindAt(1) == Kind.COLON ? Integer.valueOf(p) : null;
            });
            if (end != null) {
                p++;
                items = withItems(Kind.RPAR);
                expect(Kind.RPAR);
            }
        }
        if (items == null) {
            items = withItems(Kind.COLON);
        }
        headerColon();
        List<Stmt> body = block(kw, "'with' statement");
        return new With(items, body, isAsync, span(s));
    }

    private List<WithItem> withItems(Kind close) {
        List<WithItem> items = new ArrayList<>();
        for (;;) {
            Expr e = expression();
            Expr vars = null;
            if (accept(Kind.AS)) {
                vars = at(Kind.STAR) ? starExpression() : expression();
                Expr bad = Targets.invalid(vars, Targets.Type.STAR);
                if (bad != null || vars instanceof Starred) {
                    if (noInvalid == 0 && bad != null && (at(Kind.COMMA) || at(Kind.RPAR) || at(Kind.COLON))) {
                        throw errNode("cannot assign to " + Targets.exprName(bad), bad.pos());
                    }
                    throw generic();
                }
                vars = Targets.withCtx(vars, Ctx.STORE);
            }
            items.add(new WithItem(e, vars));
            if (!accept(Kind.COMMA)) {
                return items;
            }
            if (close == Kind.RPAR && at(Kind.RPAR)) {
                return items;
            }
        }
    }

    private Stmt tryStmt() {
        int s = p;
        Token kw = tok(p++);
        forcedColon();
        List<Stmt> body = block(kw, "'try' statement");
        List<ExceptHandler> handlers = new ArrayList<>();
        boolean sawPlain = false;
        boolean sawStar = false;
        while (at(Kind.EXCEPT)) {
            int hs = p;
            Token ek = tok(p++);
            Token star = at(Kind.STAR) ? tok(p++) : null;
            if (star != null && sawPlain) {
                throw errRange("cannot have both 'except' and 'except*' on the same 'try'", ek.pos(), star.pos());
            }
            if (star == null && sawStar) {
                throw errAt("cannot have both 'except' and 'except*' on the same 'try'", ek);
            }
            sawPlain |= star == null;
            sawStar |= star != null;
            Expr type = null;
            String name = null;
            if (star != null && (at(Kind.COLON) || at(Kind.NEWLINE))) {
                throw errAt("expected one or more exception types", peek());
            }
            if (!at(Kind.COLON) && !at(Kind.NEWLINE)) {
                type = expression();
                if (at(Kind.COMMA) && noInvalid == 0) {
                    Boolean types = attempt(() -> {
                        p++;
                        expressions();
                        if (accept(Kind.AS)) {
                            expect(Kind.NAME);
                        }
                        return at(Kind.COLON) ? Boolean.TRUE : null;
                    });
                    if (types != null) {
                        Token lastTok = fetched(attemptEnd - 1);
                        throw errRange("multiple exception types must be parenthesized", type.pos(), lastTok.pos());
                    }
                }
                if (accept(Kind.AS)) {
                    name = expect(Kind.NAME).name();
                }
            }
            headerColon();
            List<Stmt> hbody = block(ek, star != null ? "'except*' statement" : "'except' statement");
            handlers.add(new ExceptHandler(type, name, hbody, span(hs)));
        }
        List<Stmt> orelse = !handlers.isEmpty() && at(Kind.ELSE) ? elseBlock() : List.of();
        List<Stmt> finalbody = List.of();
        if (at(Kind.FINALLY)) {
            Token fk = tok(p++);
            forcedColon();
            finalbody = block(fk, "'finally' statement");
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw errAt("expected 'except' or 'finally' block", peek());
        }
        return new Try(body, handlers, orelse, finalbody, sawStar, span(s));
    }

    private Stmt decorated() {
        List<Expr> decorators = new ArrayList<>();
        while (accept(Kind.AT)) {
            decorators.add(namedExpression());
            expect(Kind.NEWLINE);
        }
        if (at(Kind.DEF) || (at(Kind.ASYNC) && kindAt(1) == Kind.DEF)) {
            return functionDef(p, decorators);
        }
        if (at(Kind.CLASS)) {
            return classDef(p, decorators);
        }
        throw generic();
    }

    private Stmt functionDef(int s, List<Expr> decorators) {
        boolean isAsync = accept(Kind.ASYNC);
        Token kw = tok(p++);
        Token name = expect(Kind.NAME);
        if (at(Kind.LSQB)) {
            throw errAt("type parameter lists are not supported", peek());
        }
        if (!at(Kind.LPAR)) {
            throw errAt("expected '('", peek());
        }
        p++;
        Arguments args = at(Kind.RPAR) ? Arguments.EMPTY : parameters(false);
        expect(Kind.RPAR);
        Expr returns = accept(Kind.RARROW) ? expression() : null;
        forcedColon();
        List<Stmt> body = block(kw, "function definition");
        return new FunctionDef(name.name(), args, body, decorators, returns, isAsync, span(s));
    }

    private Stmt classDef(int s, List<Expr> decorators) {
        Token kw = tok(p++);
        Token name = expect(Kind.NAME);
        if (at(Kind.LSQB)) {
            throw errAt("type parameter lists are not supported", peek());
        }
        List<Expr> bases = List.of();
        List<Keyword> keywords = List.of();
        if (at(Kind.LPAR)) {
            Call c = call(new Name(name.name(), Ctx.LOAD, name.pos()), p, false);
            bases = c.args();
            keywords = c.keywords();
        }
        headerColon();
        List<Stmt> body = block(kw, "class definition");
        return new ClassDef(name.name(), bases, keywords, body, decorators, span(s));
    }

    /**
     * 'match' is a keyword only at the start of a statement whose subject is followed by ':';
     * returns null when the line is an ordinary statement that uses the name match.
     */
    private Stmt matchStmt() {
        int s = p;
        Token kw = peek();
        Integer colon = attempt(() -> {
            p++;
            subjectExpr();
            if (at(Kind.COLON)) {
                return Integer.valueOf(p);
            }
            return at(Kind.NEWLINE) ? Integer.valueOf(-p) : null;
        });
        if (colon == null) {
            return null;
        }
        if (colon < 0) {
            Boolean simple = attempt(() -> {
                simpleStatements(new ArrayList<>());
                return Boolean.TRUE;
            });
            if (simple != null) {
                return null;
            }
            throw errAt("expected ':'", tok(-colon));
        }
        p++;
        Expr subject = subjectExpr();
        p++;
        if (!accept(Kind.NEWLINE)) {
            throw generic();
        }
        if (!at(Kind.INDENT)) {
            throw errAt("IndentationError", "expected an indented block after 'match' statement on line " + kw.line,
                    peek());
        }
        p++;
        List<MatchCase> cases = new ArrayList<>();
        while (!at(Kind.DEDENT)) {
            cases.add(caseBlock());
        }
        p++;
        return new Match(subject, cases, span(s));
    }

    private Expr subjectExpr() {
        int s = p;
        Expr first = starNamedExpression();
        if (!at(Kind.COMMA)) {
            if (first instanceof Starred) {
                throw generic();
            }
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(Kind.COMMA)) {
            if (!startsExpression(kind()) && !at(Kind.STAR)) {
                break;
            }
            elts.add(starNamedExpression());
        }
        return new Tuple(elts, Ctx.LOAD, span(s));
    }

    private MatchCase caseBlock() {
        Token kw = peek();
        if (!atSoft("case")) {
            throw generic();
        }
        p++;
        Pattern pattern = patterns();
        Expr guard = accept(Kind.IF) ? namedExpression() : null;
        headerColon();
        List<Stmt> body = block(kw, "'case' statement");
        return new MatchCase(pattern, guard, body);
    }
}
