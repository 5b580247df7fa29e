package dev.gilt.interp.parse;

/**
 * A syntax error found while lexing or parsing, carrying what CPython puts on a
 * {@code SyntaxError}: the exception kind, message, file name, 1-based line and column
 * ({@code offset}), the end of the offending range and the source line. The REPL reads
 * {@link #incomplete} to decide whether to ask for another line instead of reporting.
 */
public final class ParseError extends RuntimeException {
    /** "SyntaxError", "IndentationError" or "TabError". */
    public final String kind;
    public final String msg;
    public final String filename;
    /** 1-based line of the error. */
    public final int line;
    /** 1-based column (CPython's {@code SyntaxError.offset}); 0 when unknown. */
    public final int col;
    public final int endLine;
    /** 1-based exclusive end column (CPython's {@code end_offset}); may be 0 or -1 as in CPython. */
    public final int endCol;
    /** The source line, including its newline when the source has one; null when unknown. */
    public final String text;
    /** True when the error is only that the input stopped early (an unclosed bracket, block or string). */
    public final boolean incomplete;
    /** True for errors raised by the lexer, which take priority over parser errors (as in CPython). */
    final boolean fromLexer;

    ParseError(String kind, String msg, String filename, int line, int col, int endLine, int endCol, String text,
            boolean incomplete, boolean fromLexer) {
        super(msg, null, false, false);
        this.kind = kind;
        this.msg = msg;
        this.filename = filename;
        this.line = line;
        this.col = col;
        this.endLine = endLine;
        this.endCol = endCol;
        this.text = text;
        this.incomplete = incomplete;
        this.fromLexer = fromLexer;
    }

    /**
     * A syntax error found after parsing (by the compiler, for instance "'return' outside
     * function"), shaped like the parser's own. Columns are 1-based, the end exclusive.
     */
    public ParseError(String kind, String msg, String filename, int line, int col, int endLine, int endCol,
            String text) {
        this(kind, msg, filename, line, col, endLine, endCol, text, false, false);
    }

    /** The message as Python's {@code str(SyntaxError)} prints it. */
    @Override
    public String getMessage() {
        return msg + " (" + filename + ", line " + line + ")";
    }

    // Syntax errors are ordinary control flow for the REPL and for the parser's own lookahead.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
