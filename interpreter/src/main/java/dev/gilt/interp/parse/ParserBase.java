package dev.gilt.interp.parse;

import dev.gilt.interp.parse.Ast.Expr;
import dev.gilt.interp.parse.Ast.Pos;
import dev.gilt.interp.parse.Token.Kind;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Token cursor, node positions and error reporting shared by the parser layers.
 *
 * <p>CPython's PEG parser reports a generic "invalid syntax" at the furthest token it ever
 * looked at, so {@link #tok} records the furthest index fetched. Speculative parses made only
 * to choose a better message restore it, as CPython's second pass does not move the generic
 * error location either.
 */
abstract class ParserBase {
    /** Nesting of expressions and blocks allowed before giving up (brackets stop at 200 in the lexer). */
    static final int MAX_DEPTH = 3000;

    final Lexer lexer;
    final String src;
    final String filename;
    private Token[] toks = new Token[256];
    private int ntoks;
    /** Index of the next token. */
    int p;
    /** Furthest token index fetched. */
    int furthest;
    int depth;
    /** Above zero while parsing speculatively: the checks that pick specific messages are off. */
    int noInvalid;
    /** Inside a for-target, where 'in' ends the target instead of being a comparison. */
    boolean noIn;
    /** Token index just after the last successful {@link #attempt}. */
    int attemptEnd;
    /** Expressions written in parentheses (tuples, groups, generators), for target rules. */
    final Set<Expr> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());

    ParserBase(Lexer lexer) {
        this.lexer = lexer;
        this.src = lexer.src;
        this.filename = lexer.filename;
    }

    // ---- tokens --------------------------------------------------------------------------

    final Token tok(int i) {
        while (i >= ntoks) {
            fill();
        }
        if (i > furthest) {
            furthest = i;
        }
        return toks[i];
    }

    /** A token already fetched, read without counting as lookahead. */
    final Token fetched(int i) {
        return toks[i];
    }

    private void fill() {
        Token t;
        Token last = ntoks > 0 ? toks[ntoks - 1] : null;
        if (last != null && (last.kind == Kind.ENDMARKER || isEofInBrackets(last))) {
            t = last;
        } else {
            t = lexer.next();
        }
        if (ntoks == toks.length) {
            toks = java.util.Arrays.copyOf(toks, ntoks * 2);
        }
        toks[ntoks++] = t;
    }

    static boolean isEofInBrackets(Token t) {
        return t.kind == Kind.ERRORTOKEN && t.value == Lexer.EOF_IN_BRACKETS;
    }

    final Token peek() {
        return tok(p);
    }

    final Kind kind() {
        return tok(p).kind;
    }

    final Kind kindAt(int ahead) {
        return tok(p + ahead).kind;
    }

    /** Looks ahead only to choose an error message: the generic error location does not move. */
    final Kind quietKindAt(int ahead) {
        int save = furthest;
        Kind k = tok(p + ahead).kind;
        furthest = save;
        return k;
    }

    final boolean at(Kind k) {
        return tok(p).kind == k;
    }

    final boolean accept(Kind k) {
        if (tok(p).kind == k) {
            p++;
            return true;
        }
        return false;
    }

    final Token expect(Kind k) {
        Token t = tok(p);
        if (t.kind != k) {
            throw generic();
        }
        p++;
        return t;
    }

    final boolean atSoft(String word) {
        Token t = tok(p);
        return t.kind == Kind.NAME && t.value.equals(word);
    }

    static boolean isSoftKeyword(Token t) {
        if (t.kind != Kind.NAME) {
            return false;
        }
        String s = (String) t.value;
        return s.equals("match") || s.equals("case") || s.equals("_") || s.equals("type");
    }

    /** The last consumed token that is not layout (NEWLINE, INDENT, DEDENT): where nodes end. */
    private Token lastNonWs() {
        int i = p - 1;
        while (i > 0) {
            Kind k = toks[i].kind;
            if (k != Kind.NEWLINE && k != Kind.INDENT && k != Kind.DEDENT && k != Kind.ENDMARKER) {
                break;
            }
            i--;
        }
        return toks[Math.max(i, 0)];
    }

    /** From the start of token {@code s} to the end of the last consumed token (CPython's EXTRA). */
    final Pos span(int s) {
        Token a = toks[s];
        Token b = lastNonWs();
        return new Pos(a.line, a.col, b.endLine, b.endCol);
    }

    final Pos span(Pos start) {
        Token b = lastNonWs();
        return new Pos(start.line(), start.col(), b.endLine, b.endCol);
    }

    // ---- speculation ---------------------------------------------------------------------

    /**
     * Runs {@code f} from the current position and undoes its effect on the cursor; returns its
     * result, or null when it raised a parser error. Lexer errors propagate: CPython's tokenizer
     * errors are fatal wherever they are met.
     */
    final <T> T attempt(Supplier<T> f) {
        int saveP = p;
        int saveFurthest = furthest;
        int saveDepth = depth;
        boolean saveNoIn = noIn;
        noInvalid++;
        try {
            T r = f.get();
            attemptEnd = p;
            return r;
        } catch (ParseError e) {
            if (e.fromLexer) {
                throw e;
            }
            return null;
        } finally {
            noInvalid--;
            p = saveP;
            furthest = saveFurthest;
            depth = saveDepth;
            noIn = saveNoIn;
        }
    }

    final void enter() {
        if (++depth > MAX_DEPTH) {
            throw tooComplex();
        }
    }

    /** CPython raises MemoryError with this message; Gilt keeps it a SyntaxError the REPL can show. */
    static final String TOO_COMPLEX = "Parser stack overflowed - Python source too complex to parse";

    ParseError tooComplex() {
        Token t = tok(p);
        return new ParseError("SyntaxError", TOO_COMPLEX, filename, t.line, t.col + 1, t.line, t.col + 1,
                Lexer.lineText(src, t.line), false, true);
    }

    // ---- errors --------------------------------------------------------------------------

    private ParseError make(String kind, String msg, int line, int col, int endLine, int endCol, boolean incomplete) {
        return new ParseError(kind, msg, filename, line, col, endLine, endCol, Lexer.lineText(src, line), incomplete,
                false);
    }

    /**
     * An error located at a token, with CPython's conventions for layout tokens: INDENT and
     * DEDENT report the indentation width, end of input the end of the last line, all with
     * an end offset of -1.
     */
    final ParseError errAt(String kind, String msg, Token t) {
        if (isEofInBrackets(t)) {
            return lexer.unclosedBracket();
        }
        return switch (t.kind) {
            case INDENT -> make(kind, msg, t.line, t.endCol, t.line, -1, false);
            case DEDENT -> t.value == Lexer.AT_EOF ? make(kind, msg, t.line, t.col + 1, t.line, -1, true)
                    : make(kind, msg, t.line, t.col, t.line, -1, false);
            case ENDMARKER -> make(kind, msg, t.line, t.col + 1, t.line, -1, true);
            default -> make(kind, msg, t.line, t.col + 1, t.endLine, t.endCol + 1, false);
        };
    }

    final ParseError errAt(String msg, Token t) {
        return errAt("SyntaxError", msg, t);
    }

    /** CPython's RAISE_SYNTAX_ERROR: at the last token fetched. */
    final ParseError errLast(String msg) {
        return errAt(msg, tok(furthest));
    }

    /** CPython's RAISE_SYNTAX_ERROR_KNOWN_LOCATION: the node's own range. */
    final ParseError errNode(String msg, Pos a) {
        return make("SyntaxError", msg, a.line(), a.col() + 1, a.endLine(), a.endCol() + 1, false);
    }

    final ParseError errRange(String msg, Pos a, Pos b) {
        return make("SyntaxError", msg, a.line(), a.col() + 1, b.endLine(), b.endCol() + 1, false);
    }

    /** The generic error at the furthest token, as CPython's _PyPegen_set_syntax_error. */
    final ParseError generic() {
        Token t = tok(furthest);
        if (isEofInBrackets(t)) {
            return lexer.unclosedBracket();
        }
        if (t.kind == Kind.INDENT) {
            return errAt("IndentationError", "unexpected indent", t);
        }
        if (t.kind == Kind.DEDENT && t.value != Lexer.AT_EOF) {
            return errAt("IndentationError", "unexpected unindent", t);
        }
        if (t.kind == Kind.ENDMARKER || t.kind == Kind.DEDENT) {
            // CPython has no column for the end-of-input token here.
            return make("SyntaxError", "invalid syntax", t.line, 0, t.line, 0, true);
        }
        return errAt("invalid syntax", t);
    }

    /**
     * CPython lets tokenizer errors anywhere later in the file win over a parser error, and an
     * unclosed bracket opened before the error's line too; this reads the rest of the input to
     * find them.
     */
    final ParseError preferLexerError(ParseError e) {
        int errLine = tok(furthest).line;
        try {
            for (int guard = 0; guard < 10_000_000; guard++) {
                Token t = lexer.next();
                if (t.kind == Kind.ENDMARKER) {
                    break;
                }
                if (isEofInBrackets(t)) {
                    if (errLine > lexer.openBracketLine()) {
                        return lexer.unclosedBracket();
                    }
                    break;
                }
            }
        } catch (ParseError le) {
            return le;
        }
        return e;
    }
}
