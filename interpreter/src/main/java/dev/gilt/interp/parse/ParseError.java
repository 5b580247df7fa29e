package dev.gilt.interp.parse;

/**
 * A SyntaxError (or IndentationError / TabError, by {@link #kind}) found while parsing or
 * compiling, with CPython's position conventions: 1-based line, 1-based column ({@code offset} of
 * SyntaxError), end position, and the text of the offending source line (or null).
 *
 * <p>Compatibility stub written on the compiler branch; the parser branch owns this class.
 */
public class ParseError extends RuntimeException {
    public final String kind;
    public final String msg;
    public final String filename;
    public final int line;
    public final int col;
    public final int endLine;
    public final int endCol;
    public final String text;

    public ParseError(String kind, String msg, String filename, int line, int col, int endLine, int endCol, String text) {
        super(kind + ": " + msg + " (" + filename + ", line " + line + ")");
        this.kind = kind;
        this.msg = msg;
        this.filename = filename;
        this.line = line;
        this.col = col;
        this.endLine = endLine;
        this.endCol = endCol;
        this.text = text;
    }
}
