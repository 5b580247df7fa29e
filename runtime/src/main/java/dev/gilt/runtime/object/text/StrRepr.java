package dev.gilt.runtime.object.text;

/** repr() and ascii() text of str and bytes, with CPython's quote choice and escapes. */
public final class StrRepr {
    private StrRepr() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** repr(s): quotes and escapes; printable non-ASCII characters are kept. */
    public static String repr(String s) {
        return quote(s, false);
    }

    /** ascii(s): like repr but every non-ASCII character is escaped. */
    public static String ascii(String s) {
        return quote(s, true);
    }

    private static char chooseQuote(String s) {
        return s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    }

    private static String quote(String s, boolean asciiOnly) {
        char q = chooseQuote(s);
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(q);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == q || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                hex2(sb.append("\\x"), c);
            } else if (c < 0x7f) {
                sb.append((char) c);
            } else if (!asciiOnly && Unicode.isPrintable(c)) {
                sb.appendCodePoint(c);
            } else if (c < 0x100) {
                hex2(sb.append("\\x"), c);
            } else if (c < 0x10000) {
                sb.append("\\u");
                for (int k = 12; k >= 0; k -= 4) sb.append(HEX[(c >> k) & 15]);
            } else {
                sb.append("\\U");
                for (int k = 28; k >= 0; k -= 4) sb.append(HEX[(c >> k) & 15]);
            }
        }
        return sb.append(q).toString();
    }

    private static void hex2(StringBuilder sb, int c) {
        sb.append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
    }

    /** The b'...' form of bytes (without any "bytearray(...)" wrapper). */
    public static String bytesRepr(byte[] b, int off, int len) {
        return bytesRepr(b, off, len, false);
    }

    /**
     * The b'...' form; {@code escapeSingle} reproduces bytearray's repr, which escapes ' even
     * inside double quotes (bytearray(b"it\'s")).
     */
    public static String bytesRepr(byte[] b, int off, int len, boolean escapeSingle) {
        boolean single = false, dbl = false;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\'') single = true;
            else if (b[i] == '"') dbl = true;
        }
        char q = single && !dbl ? '"' : '\'';
        StringBuilder sb = new StringBuilder(len + 3);
        sb.append('b').append(q);
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            if (c == q || c == '\\' || (escapeSingle && c == '\'')) sb.append('\\').append((char) c);
            else if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 || c >= 0x7f) hex2(sb.append("\\x"), c);
            else sb.append((char) c);
        }
        return sb.append(q).toString();
    }
}
