package dev.gilt.interp.parse;

/**
 * One token. Lines are 1-based, columns 0-based code points with an exclusive end, as in
 * {@link Ast.Pos}; {@code start}/{@code end} are char offsets into the (normalised) source.
 */
final class Token {
    final Kind kind;
    final int start;
    final int end;
    final int line;
    final int col;
    final int endLine;
    final int endCol;
    /** Bracket depth after this token (CPython's token level). */
    final int level;
    /**
     * NAME: the identifier (NFKC-normalised); NUMBER: Long, BigInteger, Double or Ast.Imaginary;
     * FSTRING_MIDDLE: the decoded text; STRING: a {@link StringInfo}; otherwise null.
     */
    final Object value;

    Token(Kind kind, int start, int end, int line, int col, int endLine, int endCol, int level, Object value) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.line = line;
        this.col = col;
        this.endLine = endLine;
        this.endCol = endCol;
        this.level = level;
        this.value = value;
    }

    Ast.Pos pos() {
        return new Ast.Pos(line, col, endLine, endCol);
    }

    String name() {
        return (String) value;
    }

    @Override
    public String toString() {
        return kind + (value != null ? "(" + value + ")" : "") + "@" + line + ":" + col;
    }

    /** A plain (non-f) string literal: its prefix flags and the body between the quotes. */
    record StringInfo(boolean raw, boolean bytes, int bodyStart, int bodyEnd) {}

    enum Kind {
        NAME, NUMBER, STRING, FSTRING_START, FSTRING_MIDDLE, FSTRING_END,
        NEWLINE, INDENT, DEDENT, ENDMARKER,
        /** A character that starts no token ($, ?, `), or end of input inside brackets. */
        ERRORTOKEN,

        LPAR("("), RPAR(")"), LSQB("["), RSQB("]"), LBRACE("{"), RBRACE("}"),
        COLON(":"), COMMA(","), SEMI(";"), DOT("."), ELLIPSIS("..."), AT("@"), RARROW("->"),
        COLONEQUAL(":="), EXCLAMATION("!"), EQUAL("="),
        PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), VBAR("|"), AMPER("&"), LESS("<"), GREATER(">"),
        PERCENT("%"), TILDE("~"), CIRCUMFLEX("^"), LEFTSHIFT("<<"), RIGHTSHIFT(">>"), DOUBLESTAR("**"),
        DOUBLESLASH("//"),
        EQEQUAL("=="), NOTEQUAL("!="), LESSEQUAL("<="), GREATEREQUAL(">="),
        PLUSEQUAL("+="), MINEQUAL("-="), STAREQUAL("*="), SLASHEQUAL("/="), PERCENTEQUAL("%="),
        AMPEREQUAL("&="), VBAREQUAL("|="), CIRCUMFLEXEQUAL("^="), LEFTSHIFTEQUAL("<<="),
        RIGHTSHIFTEQUAL(">>="), DOUBLESTAREQUAL("**="), DOUBLESLASHEQUAL("//="), ATEQUAL("@="),

        FALSE("False", true), NONE("None", true), TRUE("True", true), AND("and", true), AS("as", true),
        ASSERT("assert", true), ASYNC("async", true), AWAIT("await", true), BREAK("break", true),
        CLASS("class", true), CONTINUE("continue", true), DEF("def", true), DEL("del", true),
        ELIF("elif", true), ELSE("else", true), EXCEPT("except", true), FINALLY("finally", true),
        FOR("for", true), FROM("from", true), GLOBAL("global", true), IF("if", true),
        IMPORT("import", true), IN("in", true), IS("is", true), LAMBDA("lambda", true),
        NONLOCAL("nonlocal", true), NOT("not", true), OR("or", true), PASS("pass", true),
        RAISE("raise", true), RETURN("return", true), TRY("try", true), WHILE("while", true),
        WITH("with", true), YIELD("yield", true);

        final String text;
        final boolean keyword;

        Kind() {
            this(null, false);
        }

        Kind(String text) {
            this(text, false);
        }

        Kind(String text, boolean keyword) {
            this.text = text;
            this.keyword = keyword;
        }
    }
}
