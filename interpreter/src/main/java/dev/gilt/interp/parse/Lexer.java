package dev.gilt.interp.parse;

import dev.gilt.interp.parse.Token.Kind;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Produces tokens on demand, as CPython's tokenizer does for its parser: a lexical error further
 * down the file must not hide a syntax error the parser finds earlier, so nothing is read ahead.
 *
 * <p>Besides the usual INDENT/DEDENT stack and bracket tracking, the lexer runs the f-string
 * modes of PEP 701 (Python 3.12): an f-string is FSTRING_START, then literal FSTRING_MIDDLE
 * pieces and replacement fields tokenised as ordinary code between LBRACE and RBRACE, then
 * FSTRING_END. Which mode applies is decided here from the bracket depth at which each field was
 * opened, so the parser can read f-strings like any other syntax.
 *
 * <p>Error positions follow CPython 3.12's tokenizer, which for most errors reports the column
 * of the cursor: a 1-based offset equal to the 0-based column of the character at the cursor.
 */
final class Lexer {
    static final int MAX_LEVEL = 200;
    static final int MAX_INDENT = 100;
    static final int MAX_FSTRING_LEVEL = 150;
    /** Value of the ERRORTOKEN that stands for end of input inside brackets. */
    static final String EOF_IN_BRACKETS = "EOF";
    /** Value of DEDENT tokens produced at end of input. */
    static final String AT_EOF = "EOF";

    private static final Map<String, Kind> KEYWORDS = new HashMap<>();

    static {
        for (Kind k : Kind.values()) {
            if (k.keyword) {
                KEYWORDS.put(k.text, k);
            }
        }
    }

    final String src;
    final String filename;
    private final int n;
    /** Columns count code points; only a source with surrogate pairs needs counting them. */
    private final boolean astral;

    private int pos;
    private int line = 1;
    private int lineStart;

    private final int[] indents = new int[MAX_INDENT + 1];
    /** Indentation measured with tabs as one column: a second opinion that catches TabError. */
    private final int[] altIndents = new int[MAX_INDENT + 1];
    private int indentTop;
    private int pendingDedents;
    private boolean atLineStart = true;
    private boolean lineHasToken;

    private final char[] brChar = new char[MAX_LEVEL];
    private final int[] brLine = new int[MAX_LEVEL];
    private final int[] brCol = new int[MAX_LEVEL];
    private int level;

    private FString[] fstrings = new FString[4];
    private int fdepth;

    private int tStart;
    private int tLine;
    private int tCol;

    /** An f-string being read: its quoting and the bracket levels of its open replacement fields. */
    private static final class FString {
        final char quote;
        final boolean triple;
        final boolean raw;
        final int startLine;
        final int startCol;
        int[] fieldLevel = new int[2];
        boolean[] inSpec = new boolean[2];
        int nfields;

        FString(char quote, boolean triple, boolean raw, int startLine, int startCol) {
            this.quote = quote;
            this.triple = triple;
            this.raw = raw;
            this.startLine = startLine;
            this.startCol = startCol;
        }

        void pushField(int level) {
            if (nfields == fieldLevel.length) {
                fieldLevel = java.util.Arrays.copyOf(fieldLevel, nfields * 2);
                inSpec = java.util.Arrays.copyOf(inSpec, nfields * 2);
            }
            fieldLevel[nfields] = level;
            inSpec[nfields] = false;
            nfields++;
        }

        /** True when the innermost field is open with no brackets inside it. */
        boolean atFieldTop(int level) {
            return nfields > 0 && level == fieldLevel[nfields - 1] + 1;
        }
    }

    Lexer(String src, String filename) {
        this.src = src;
        this.filename = filename;
        this.n = src.length();
        boolean hasSurrogate = false;
        for (int i = 0; i < n; i++) {
            if (Character.isSurrogate(src.charAt(i))) {
                hasSurrogate = true;
                break;
            }
        }
        this.astral = hasSurrogate;
    }

    // ---- positions and errors ------------------------------------------------------------

    private int colAt(int idx) {
        return astral ? Character.codePointCount(src, lineStart, idx) : idx - lineStart;
    }

    private void newline() {
        line++;
        lineStart = pos;
    }

    private void begin() {
        tStart = pos;
        tLine = line;
        tCol = colAt(pos);
    }

    private Token make(Kind kind, Object value) {
        return new Token(kind, tStart, pos, tLine, tCol, line, colAt(pos), level, value);
    }

    /** The text of 1-based line {@code lineNo}, with its newline if it has one. */
    static String lineText(String src, int lineNo) {
        int start = 0;
        for (int l = 1; l < lineNo; l++) {
            int nl = src.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        if (start > src.length()) {
            return null;
        }
        int nl = src.indexOf('\n', start);
        return nl < 0 ? src.substring(start) : src.substring(start, nl + 1);
    }

    ParseError error(String kind, String msg, int errLine, int col, int endLine, int endCol, boolean incomplete) {
        return new ParseError(kind, msg, filename, errLine, col, endLine, endCol, lineText(src, errLine),
                incomplete, true);
    }

    /** A SyntaxError at the cursor convention: offset and end both equal the 0-based column of idx. */
    private ParseError errorAt(String msg, int idx) {
        int c = colAt(idx);
        return error("SyntaxError", msg, line, c, line, c, false);
    }

    // ---- the token loop ------------------------------------------------------------------

    Token next() {
        if (pendingDedents > 0) {
            pendingDedents--;
            begin();
            return make(Kind.DEDENT, null);
        }
        if (fdepth > 0) {
            FString f = fstrings[fdepth - 1];
            if (f.nfields == 0) {
                return fstringMiddle(f, false);
            }
            if (f.inSpec[f.nfields - 1] && f.atFieldTop(level)) {
                return fstringMiddle(f, true);
            }
        }
        for (;;) {
            if (atLineStart) {
                Token t = indentation();
                if (t != null) {
                    return t;
                }
            }
            int comment = -1;
            while (pos < n) {
                char c = src.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\f') {
                    pos++;
                } else if (c == '#') {
                    comment = pos;
                    while (pos < n && src.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (c == '\\') {
                    if (pos + 1 < n && src.charAt(pos + 1) == '\n') {
                        pos += 2;
                        newline();
                        if (pos >= n) {
                            throw unexpectedEof();
                        }
                    } else if (pos + 1 >= n) {
                        throw unexpectedEof();
                    } else {
                        int c1 = colAt(pos) + 2;
                        throw error("SyntaxError", "unexpected character after line continuation character",
                                line, c1, line, 0, false);
                    }
                } else {
                    break;
                }
            }
            if (pos >= n) {
                return atEof();
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                if (level > 0 || !lineHasToken) {
                    pos++;
                    newline();
                    continue;
                }
                // CPython's NEWLINE starts at a comment before it and has no width.
                int startIdx = comment >= 0 ? comment : pos;
                Token t = new Token(Kind.NEWLINE, startIdx, pos + 1, line, colAt(startIdx), line, colAt(pos), level,
                        null);
                pos++;
                newline();
                atLineStart = level == 0;
                lineHasToken = false;
                return t;
            }
            lineHasToken = true;
            return token(c);
        }
    }

    private ParseError unexpectedEof() {
        int l = line;
        String text = lineText(src, l);
        if (pos >= n && n > 0 && src.charAt(n - 1) == '\n') {
            l = line - 1;
            text = lineText(src, l);
        }
        int len = text == null ? 0 : text.endsWith("\n") ? text.length() - 1 : text.length();
        return new ParseError("SyntaxError", "unexpected EOF while parsing", filename, l, len + 1, l, -1, text, true,
                true);
    }

    /** Measures the indentation of a new logical line; skips blank and comment-only lines. */
    private Token indentation() {
        for (;;) {
            int col = 0;
            int alt = 0;
            int i = pos;
            while (i < n) {
                char c = src.charAt(i);
                if (c == ' ') {
                    col++;
                    alt++;
                } else if (c == '\t') {
                    col = (col / 8 + 1) * 8;
                    alt++;
                } else if (c == '\f') {
                    col = 0;
                    alt = 0;
                } else {
                    break;
                }
                i++;
            }
            if (i >= n) {
                pos = i;
                atLineStart = false;
                return null;
            }
            char c = src.charAt(i);
            if (c == '#' || c == '\n') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
                if (i >= n) {
                    pos = i;
                    atLineStart = false;
                    return null;
                }
                pos = i + 1;
                newline();
                continue;
            }
            pos = i;
            atLineStart = false;
            int indentChars = i - lineStart;
            int cur = indents[indentTop];
            if (col == cur) {
                if (alt != altIndents[indentTop]) {
                    throw tabError();
                }
                return null;
            }
            if (col > cur) {
                if (indentTop + 1 >= MAX_INDENT) {
                    throw error("IndentationError", "too many levels of indentation", line, 1, line, 0, false);
                }
                if (alt <= altIndents[indentTop]) {
                    throw tabError();
                }
                indentTop++;
                indents[indentTop] = col;
                altIndents[indentTop] = alt;
                return new Token(Kind.INDENT, lineStart, pos, line, 0, line, indentChars, level, null);
            }
            int count = 0;
            while (indentTop > 0 && col < indents[indentTop]) {
                indentTop--;
                count++;
            }
            if (col != indents[indentTop]) {
                String text = lineText(src, line);
                int len = text.endsWith("\n") ? text.length() - 1 : text.length();
                throw error("IndentationError", "unindent does not match any outer indentation level", line,
                        text.codePointCount(0, len) + 1, line, -1, false);
            }
            if (alt != altIndents[indentTop]) {
                throw tabError();
            }
            pendingDedents = count - 1;
            begin();
            return make(Kind.DEDENT, null);
        }
    }

    private ParseError tabError() {
        return error("TabError", "inconsistent use of tabs and spaces in indentation", line, 1, line, 0, false);
    }

    private Token atEof() {
        if (fdepth > 0) {
            FString f = fstrings[fdepth - 1];
            int c = colAt(pos);
            throw error("SyntaxError", "f-string: expecting '}'", line, c + 1, line, c + 1, f.triple);
        }
        if (level > 0) {
            begin();
            return make(Kind.ERRORTOKEN, EOF_IN_BRACKETS);
        }
        if (lineHasToken) {
            lineHasToken = false;
            begin();
            return make(Kind.NEWLINE, null);
        }
        // DEDENT and ENDMARKER sit where CPython reports errors at end of input: after the
        // last character of the last line.
        int l = line;
        int ls = lineStart;
        if (n > 0 && src.charAt(n - 1) == '\n') {
            l = line - 1;
            ls = src.lastIndexOf('\n', n - 2) + 1;
        }
        int len = astral ? src.codePointCount(ls, Math.max(ls, n - (l == line ? 0 : 1)))
                : Math.max(0, n - (l == line ? 0 : 1) - ls);
        if (indentTop > 0) {
            indentTop--;
            return new Token(Kind.DEDENT, n, n, l, len, l, len, 0, AT_EOF);
        }
        return new Token(Kind.ENDMARKER, n, n, l, len, l, len, 0, null);
    }

    /** The innermost unclosed bracket as an error, used when input ends inside it. */
    ParseError unclosedBracket() {
        int i = level - 1;
        return error("SyntaxError", "'" + brChar[i] + "' was never closed", brLine[i], brCol[i] + 1, brLine[i], 0,
                true);
    }

    int openBracketLine() {
        return level > 0 ? brLine[level - 1] : 0;
    }

    // ---- ordinary tokens -----------------------------------------------------------------

    private static boolean isAsciiIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isAsciiIdPart(char c) {
        return isAsciiIdStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char charAt(int i) {
        return i < n ? src.charAt(i) : '\0';
    }

    private Token token(char c) {
        begin();
        if (isAsciiIdStart(c) || c >= 128) {
            return nameOrString(c);
        }
        if (isDigit(c) || (c == '.' && isDigit(charAt(pos + 1)))) {
            return number();
        }
        switch (c) {
            case '\'', '"':
                return string(false, false, false);
            case '.':
                if (charAt(pos + 1) == '.' && charAt(pos + 2) == '.') {
                    return op(Kind.ELLIPSIS, 3);
                }
                return op(Kind.DOT, 1);
            case '(':
                return open(Kind.LPAR);
            case '[':
                return open(Kind.LSQB);
            case '{':
                return open(Kind.LBRACE);
            case ')':
                return close(Kind.RPAR, '(');
            case ']':
                return close(Kind.RSQB, '[');
            case '}':
                return close(Kind.RBRACE, '{');
            case ':':
                if (fdepth > 0) {
                    FString f = fstrings[fdepth - 1];
                    // A colon at the top of a replacement field starts its format spec, even
                    // before '=' (so f"{x:=10}" has the spec "=10", as in CPython).
                    if (f.atFieldTop(level) && !f.inSpec[f.nfields - 1]) {
                        f.inSpec[f.nfields - 1] = true;
                        return op(Kind.COLON, 1);
                    }
                }
                return charAt(pos + 1) == '=' ? op(Kind.COLONEQUAL, 2) : op(Kind.COLON, 1);
            case ',':
                return op(Kind.COMMA, 1);
            case ';':
                return op(Kind.SEMI, 1);
            case '~':
                return op(Kind.TILDE, 1);
            case '+':
                return charAt(pos + 1) == '=' ? op(Kind.PLUSEQUAL, 2) : op(Kind.PLUS, 1);
            case '-':
                if (charAt(pos + 1) == '=') {
                    return op(Kind.MINEQUAL, 2);
                }
                return charAt(pos + 1) == '>' ? op(Kind.RARROW, 2) : op(Kind.MINUS, 1);
            case '*':
                if (charAt(pos + 1) == '*') {
                    return charAt(pos + 2) == '=' ? op(Kind.DOUBLESTAREQUAL, 3) : op(Kind.DOUBLESTAR, 2);
                }
                return charAt(pos + 1) == '=' ? op(Kind.STAREQUAL, 2) : op(Kind.STAR, 1);
            case '/':
                if (charAt(pos + 1) == '/') {
                    return charAt(pos + 2) == '=' ? op(Kind.DOUBLESLASHEQUAL, 3) : op(Kind.DOUBLESLASH, 2);
                }
                return charAt(pos + 1) == '=' ? op(Kind.SLASHEQUAL, 2) : op(Kind.SLASH, 1);
            case '%':
                return charAt(pos + 1) == '=' ? op(Kind.PERCENTEQUAL, 2) : op(Kind.PERCENT, 1);
            case '&':
                return charAt(pos + 1) == '=' ? op(Kind.AMPEREQUAL, 2) : op(Kind.AMPER, 1);
            case '|':
                return charAt(pos + 1) == '=' ? op(Kind.VBAREQUAL, 2) : op(Kind.VBAR, 1);
            case '^':
                return charAt(pos + 1) == '=' ? op(Kind.CIRCUMFLEXEQUAL, 2) : op(Kind.CIRCUMFLEX, 1);
            case '@':
                return charAt(pos + 1) == '=' ? op(Kind.ATEQUAL, 2) : op(Kind.AT, 1);
            case '<':
                if (charAt(pos + 1) == '<') {
                    return charAt(pos + 2) == '=' ? op(Kind.LEFTSHIFTEQUAL, 3) : op(Kind.LEFTSHIFT, 2);
                }
                return charAt(pos + 1) == '=' ? op(Kind.LESSEQUAL, 2) : op(Kind.LESS, 1);
            case '>':
                if (charAt(pos + 1) == '>') {
                    return charAt(pos + 2) == '=' ? op(Kind.RIGHTSHIFTEQUAL, 3) : op(Kind.RIGHTSHIFT, 2);
                }
                return charAt(pos + 1) == '=' ? op(Kind.GREATEREQUAL, 2) : op(Kind.GREATER, 1);
            case '=':
                return charAt(pos + 1) == '=' ? op(Kind.EQEQUAL, 2) : op(Kind.EQUAL, 1);
            case '!':
                return charAt(pos + 1) == '=' ? op(Kind.NOTEQUAL, 2) : op(Kind.EXCLAMATION, 1);
            case '$', '?', '`':
                return op(Kind.ERRORTOKEN, 1);
            default:
                int col = colAt(pos) + 1;
                throw error("SyntaxError", String.format("invalid non-printable character U+%04X", (int) c), line, col,
                        line, col, false);
        }
    }

    private Token op(Kind kind, int len) {
        pos += len;
        return make(kind, null);
    }

    private Token open(Kind kind) {
        if (level >= MAX_LEVEL) {
            int c = colAt(pos) + 1;
            throw error("SyntaxError", "too many nested parentheses", line, c, line, c, false);
        }
        brChar[level] = src.charAt(pos);
        brLine[level] = line;
        brCol[level] = colAt(pos);
        level++;
        pos++;
        return make(kind, null);
    }

    private Token close(Kind kind, char expected) {
        char c = src.charAt(pos);
        int col = colAt(pos) + 1;
        if (level == 0) {
            throw error("SyntaxError", "unmatched '" + c + "'", line, col, line, col, false);
        }
        char open = brChar[level - 1];
        if (open != expected) {
            String msg = "closing parenthesis '" + c + "' does not match opening parenthesis '" + open + "'";
            if (brLine[level - 1] != line) {
                msg += " on line " + brLine[level - 1];
            }
            throw error("SyntaxError", msg, line, col, line, col, false);
        }
        if (c == '}' && fdepth > 0) {
            FString f = fstrings[fdepth - 1];
            if (f.atFieldTop(level)) {
                f.nfields--;
            }
        }
        level--;
        pos++;
        return make(kind, null);
    }

    private Token nameOrString(char c) {
        if (c < 128) {
            int j = pos;
            while (j < n && j - pos < 3 && isAsciiIdStart(src.charAt(j)) && src.charAt(j) != '_') {
                j++;
            }
            if (j - pos <= 2 && j < n && (src.charAt(j) == '\'' || src.charAt(j) == '"')) {
                boolean r = false;
                boolean b = false;
                boolean f = false;
                boolean u = false;
                boolean ok = true;
                for (int k = pos; k < j; k++) {
                    switch (Character.toLowerCase(src.charAt(k))) {
                        case 'r' -> ok &= !r && (r = true);
                        case 'b' -> ok &= !b && (b = true);
                        case 'f' -> ok &= !f && (f = true);
                        case 'u' -> ok &= !u && (u = true);
                        default -> ok = false;
                    }
                }
                ok &= !(u && (r || b || f)) && !(b && f);
                if (ok) {
                    pos = j;
                    return string(r, b, f);
                }
            }
        }
        int i = pos;
        boolean ascii = true;
        while (i < n) {
            char ch = src.charAt(i);
            if (ch < 128) {
                if (!isAsciiIdPart(ch)) {
                    break;
                }
                i++;
            } else {
                ascii = false;
                i += Character.charCount(src.codePointAt(i));
            }
        }
        String id = src.substring(pos, i);
        if (!ascii) {
            id = verifyIdentifier(id, pos);
        }
        pos = i;
        Kind kw = ascii ? KEYWORDS.get(id) : null;
        return make(kw != null ? kw : Kind.NAME, id);
    }

    private String verifyIdentifier(String id, int start) {
        for (int k = 0; k < id.length(); ) {
            int cp = id.codePointAt(k);
            boolean ok = k == 0 ? cp == '_' || Character.isUnicodeIdentifierStart(cp)
                    : Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
            if (!ok) {
                int col = colAt(start + k) + 1;
                String msg = isPrintable(cp)
                        ? String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp)
                        : String.format("invalid non-printable character U+%04X", cp);
                throw error("SyntaxError", msg, line, col, line, col, false);
            }
            k += Character.charCount(cp);
        }
        return Normalizer.normalize(id, Normalizer.Form.NFKC);
    }

    /** Python's str.isprintable for one code point. */
    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    // ---- numbers -------------------------------------------------------------------------

    private Token number() {
        int start = pos;
        char c = src.charAt(pos);
        if (c == '0') {
            char x = charAt(pos + 1);
            if (x == 'x' || x == 'X') {
                return radixNumber(16, "hexadecimal");
            }
            if (x == 'o' || x == 'O') {
                return radixNumber(8, "octal");
            }
            if (x == 'b' || x == 'B') {
                return radixNumber(2, "binary");
            }
        }
        boolean isFloat = false;
        if (c == '.') {
            pos++;
            decimalTail();
            isFloat = true;
        } else if (c == '0') {
            // Only zeros may follow a leading zero, unless the literal turns out to be a float.
            pos++;
            while (pos < n) {
                char ch = src.charAt(pos);
                if (ch == '0') {
                    pos++;
                } else if (ch == '_') {
                    pos++;
                    if (!isDigit(charAt(pos))) {
                        throw errorAt("invalid decimal literal", pos);
                    }
                } else {
                    break;
                }
            }
            int zerosEnd = pos;
            boolean nonzero = false;
            if (isDigit(charAt(pos))) {
                nonzero = true;
                decimalTail();
            }
            char d = charAt(pos);
            if (d == '.') {
                pos++;
                if (isDigit(charAt(pos))) {
                    decimalTail();
                }
                isFloat = true;
            } else if (d == 'e' || d == 'E' || d == 'j' || d == 'J') {
                // an exponent or imaginary suffix makes the leading zeros legal ("09e1", "09j")
            } else if (nonzero) {
                throw error("SyntaxError", "leading zeros in decimal integer literals are not permitted; "
                        + "use an 0o prefix for octal integers", line, colAt(start) + 1, line, colAt(zerosEnd) + 1,
                        false);
            }
            if (!isFloat && d != 'e' && d != 'E' && d != 'j' && d != 'J') {
                verifyEnd("decimal");
                return make(Kind.NUMBER, 0L);
            }
        } else {
            decimalTail();
            if (charAt(pos) == '.') {
                pos++;
                if (isDigit(charAt(pos))) {
                    decimalTail();
                }
                isFloat = true;
            }
        }
        char e = charAt(pos);
        if (e == 'e' || e == 'E') {
            int ePos = pos;
            pos++;
            char s = charAt(pos);
            if (s == '+' || s == '-') {
                pos++;
                if (!isDigit(charAt(pos))) {
                    throw errorAt("invalid decimal literal", pos);
                }
                decimalTail();
                isFloat = true;
            } else if (isDigit(s)) {
                decimalTail();
                isFloat = true;
            } else {
                // "1else" is a number followed by a keyword; "1e" alone is malformed.
                pos = ePos;
                if (!src.startsWith("else", ePos)) {
                    throw errorAt("invalid decimal literal", ePos);
                }
                return finishDecimal(start, isFloat);
            }
        }
        char j = charAt(pos);
        if (j == 'j' || j == 'J') {
            double v = Double.parseDouble(clean(start, pos));
            pos++;
            verifyEnd("imaginary");
            return make(Kind.NUMBER, new Ast.Imaginary(v));
        }
        verifyEnd("decimal");
        return finishDecimal(start, isFloat);
    }

    private Token finishDecimal(int start, boolean isFloat) {
        String digits = clean(start, pos);
        if (isFloat) {
            return make(Kind.NUMBER, Double.parseDouble(digits));
        }
        return make(Kind.NUMBER, integer(digits, 10));
    }

    private void decimalTail() {
        for (;;) {
            while (isDigit(charAt(pos))) {
                pos++;
            }
            if (charAt(pos) != '_') {
                return;
            }
            pos++;
            if (!isDigit(charAt(pos))) {
                throw errorAt("invalid decimal literal", pos);
            }
        }
    }

    private Token radixNumber(int radix, String kind) {
        int start = pos;
        pos += 2;
        for (;;) {
            if (charAt(pos) == '_') {
                pos++;
            }
            if (Character.digit(charAt(pos), radix) < 0 || charAt(pos) >= 128) {
                char c = charAt(pos);
                if (radix != 16 && isDigit(c)) {
                    int col = colAt(pos) + 1;
                    throw error("SyntaxError", "invalid digit '" + c + "' in " + kind + " literal", line, col, line,
                            col, false);
                }
                throw errorAt("invalid " + kind + " literal", pos);
            }
            while (pos < n && src.charAt(pos) < 128 && Character.digit(src.charAt(pos), radix) >= 0) {
                pos++;
            }
            if (charAt(pos) != '_') {
                break;
            }
        }
        char c = charAt(pos);
        if (radix != 16 && isDigit(c)) {
            int col = colAt(pos) + 1;
            throw error("SyntaxError", "invalid digit '" + c + "' in " + kind + " literal", line, col, line, col,
                    false);
        }
        verifyEnd(kind);
        return make(Kind.NUMBER, integer(clean(start + 2, pos), radix));
    }

    /**
     * CPython accepts a number run into one of the keywords that may follow it in valid code
     * ("1if x else y", with a warning) and rejects any other identifier character.
     */
    private void verifyEnd(String kind) {
        if (pos >= n) {
            return;
        }
        char c = src.charAt(pos);
        boolean keyword = switch (c) {
            case 'a' -> src.startsWith("nd", pos + 1);
            case 'e' -> src.startsWith("lse", pos + 1);
            case 'f' -> src.startsWith("or", pos + 1);
            case 'i' -> {
                char c2 = charAt(pos + 1);
                yield c2 == 'f' || c2 == 'n' || c2 == 's';
            }
            case 'o' -> src.startsWith("r", pos + 1);
            case 'n' -> src.startsWith("ot", pos + 1);
            default -> false;
        };
        if (!keyword && (isAsciiIdPart(c) || c >= 128)) {
            throw errorAt("invalid " + kind + " literal", pos);
        }
    }

    private String clean(int from, int to) {
        String s = src.substring(from, to);
        return s.indexOf('_') >= 0 ? s.replace("_", "") : s;
    }

    private static Object integer(String digits, int radix) {
        int safe = switch (radix) {
            case 2 -> 62;
            case 8 -> 20;
            case 16 -> 15;
            default -> 18;
        };
        if (digits.length() <= safe) {
            return Long.parseLong(digits, radix);
        }
        BigInteger big = new BigInteger(digits, radix);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    // ---- strings -------------------------------------------------------------------------

    /** Reads a literal whose prefix (if any) has been consumed; pos is at the opening quote. */
    private Token string(boolean raw, boolean bytes, boolean fstring) {
        char q = src.charAt(pos);
        boolean triple = charAt(pos + 1) == q && charAt(pos + 2) == q;
        int qlen = triple ? 3 : 1;
        pos += qlen;
        if (fstring) {
            if (fdepth >= MAX_FSTRING_LEVEL) {
                throw error("SyntaxError", "f-string: expressions nested too deeply", tLine, tCol + 1, tLine,
                        tCol + 1, false);
            }
            if (fdepth == fstrings.length) {
                fstrings = java.util.Arrays.copyOf(fstrings, fdepth * 2);
            }
            fstrings[fdepth++] = new FString(q, triple, raw, tLine, tCol);
            return make(Kind.FSTRING_START, null);
        }
        int bodyStart = pos;
        for (;;) {
            if (pos >= n) {
                throw unterminated(q, triple, true);
            }
            char c = src.charAt(pos);
            if (c == '\\') {
                pos++;
                if (pos < n) {
                    pos++;
                    if (src.charAt(pos - 1) == '\n') {
                        newline();
                    }
                }
            } else if (c == '\n') {
                if (!triple) {
                    throw unterminated(q, false, false);
                }
                pos++;
                newline();
            } else if (c == q && (!triple || (charAt(pos + 1) == q && charAt(pos + 2) == q))) {
                pos += qlen;
                break;
            } else {
                pos++;
            }
        }
        return make(Kind.STRING, new Token.StringInfo(raw, bytes, bodyStart, pos - qlen));
    }

    private ParseError unterminated(char q, boolean triple, boolean atEof) {
        int detected = line;
        if (atEof && n > 0 && src.charAt(n - 1) == '\n') {
            detected = line - 1;
        }
        if (fdepth > 0) {
            FString f = fstrings[fdepth - 1];
            // An unterminated string that opens with the f-string's own quote is really the
            // end of the f-string reached before its replacement field was closed.
            if (f.quote == q && f.triple == triple) {
                return error("SyntaxError", "f-string: expecting '}'", tLine, tCol + 1, tLine, tCol + 1,
                        f.triple && atEof);
            }
        }
        String msg = triple ? "unterminated triple-quoted string literal (detected at line " + detected + ")"
                : "unterminated string literal (detected at line " + detected + ")";
        return error("SyntaxError", msg, tLine, tCol + 1, tLine, tCol + 1, atEof);
    }

    /** Literal text of an f-string, or of a format spec when {@code spec}. */
    private Token fstringMiddle(FString f, boolean spec) {
        begin();
        StringBuilder sb = new StringBuilder();
        for (;;) {
            if (pos >= n) {
                if (pos > tStart) {
                    break;
                }
                throw unterminatedF(f, spec, true);
            }
            char c = src.charAt(pos);
            if (c == f.quote && (!f.triple || (charAt(pos + 1) == c && charAt(pos + 2) == c))) {
                if (pos > tStart) {
                    break;
                }
                if (spec) {
                    int col = colAt(pos) + 1;
                    throw error("SyntaxError", "f-string: expecting '}'", line, col, line, col, false);
                }
                pos += f.triple ? 3 : 1;
                fstrings[--fdepth] = null;
                return make(Kind.FSTRING_END, null);
            }
            if (c == '\n' && !f.triple) {
                if (pos > tStart) {
                    break;
                }
                throw unterminatedF(f, spec, false);
            }
            if (c == '{') {
                if (!spec && charAt(pos + 1) == '{') {
                    sb.append('{');
                    pos += 2;
                    continue;
                }
                if (pos > tStart) {
                    break;
                }
                Token t = open(Kind.LBRACE);
                f.pushField(level - 1);
                return t;
            }
            if (c == '}') {
                if (!spec && charAt(pos + 1) == '}') {
                    sb.append('}');
                    pos += 2;
                    continue;
                }
                if (pos > tStart) {
                    break;
                }
                if (spec) {
                    f.nfields--;
                    level--;
                    pos++;
                    return make(Kind.RBRACE, null);
                }
                int col = colAt(pos) + 1;
                throw error("SyntaxError", "f-string: single '}' is not allowed", line, col, line, col, false);
            }
            if (c == '\\') {
                char next = charAt(pos + 1);
                if (f.raw) {
                    sb.append('\\');
                    pos++;
                    if (next == f.quote || next == '\\') {
                        sb.append(next);
                        pos++;
                    } else if (next == '\n') {
                        sb.append('\n');
                        pos++;
                        newline();
                    }
                    continue;
                }
                if (next == '\n') {
                    pos += 2;
                    newline();
                    continue;
                }
                try {
                    pos = Strings.strEscape(src, pos, n, sb, tStart);
                } catch (Strings.DecodeError e) {
                    throw error("SyntaxError", e.msg, tLine, tCol + 1, line, colAt(pos) + 1, false);
                }
                continue;
            }
            sb.append(c);
            pos++;
            if (c == '\n') {
                newline();
            }
        }
        return make(Kind.FSTRING_MIDDLE, sb.toString());
    }

    private ParseError unterminatedF(FString f, boolean spec, boolean atEof) {
        if (spec && !atEof) {
            int col = colAt(pos) + 1;
            return error("SyntaxError", "f-string: newlines are not allowed in format specifiers for single quoted "
                    + "f-strings", line, col, line, col, false);
        }
        if (spec) {
            int col = colAt(pos) + 1;
            return error("SyntaxError", "f-string: expecting '}'", line, col, line, col, f.triple && atEof);
        }
        int detected = line;
        if (atEof && n > 0 && src.charAt(n - 1) == '\n') {
            detected = line - 1;
        }
        String msg = f.triple ? "unterminated triple-quoted f-string literal (detected at line " + detected + ")"
                : "unterminated f-string literal (detected at line " + detected + ")";
        return error("SyntaxError", msg, f.startLine, f.startCol + 1, f.startLine, f.startCol + 1, atEof);
    }
}
