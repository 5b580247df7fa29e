package dev.gilt.interp.parse;

import java.io.ByteArrayOutputStream;

/**
 * Escape decoding for str and bytes literal bodies. Errors carry CPython's wording; positions in
 * them are offsets into the literal body (CPython counts UTF-8 bytes, we count chars, which only
 * differs after non-ASCII text).
 */
final class Strings {
    private Strings() {}

    /** A malformed literal; the parser decides where to report it. */
    static final class DecodeError extends Exception {
        final String msg;

        DecodeError(String msg) {
            super(msg, null, false, false);
            this.msg = msg;
        }
    }

    static String decodeStr(String src, int from, int to, boolean raw) throws DecodeError {
        int bs = src.indexOf('\\', from);
        if (raw || bs < 0 || bs >= to) {
            return src.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = src.charAt(i);
            if (c != '\\') {
                sb.append(c);
                i++;
            } else {
                i = strEscape(src, i, to, sb, from);
            }
        }
        return sb.toString();
    }

    /** Decodes the escape whose backslash is at {@code i}; returns the index after it. */
    static int strEscape(String src, int i, int to, StringBuilder sb, int bodyStart)
            throws DecodeError {
        if (i + 1 >= to) {
            sb.append('\\');
            return i + 1;
        }
        char e = src.charAt(i + 1);
        switch (e) {
            case '\n': return i + 2;
            case '\\': sb.append('\\'); return i + 2;
            case '\'': sb.append('\''); return i + 2;
            case '"': sb.append('"'); return i + 2;
            case 'a': sb.append('\u0007'); return i + 2;
            case 'b': sb.append('\b'); return i + 2;
            case 'f': sb.append('\f'); return i + 2;
            case 'n': sb.append('\n'); return i + 2;
            case 'r': sb.append('\r'); return i + 2;
            case 't': sb.append('\t'); return i + 2;
            case 'v': sb.append('\u000b'); return i + 2;
            case '0', '1', '2', '3', '4', '5', '6', '7': {
                int j = i + 1;
                int v = 0;
                while (j < to && j < i + 4 && src.charAt(j) >= '0' && src.charAt(j) <= '7') {
                    v = v * 8 + (src.charAt(j) - '0');
                    j++;
                }
                sb.appendCodePoint(v);
                return j;
            }
            case 'x': return hexEscape(src, i, to, 2, sb, bodyStart, "truncated \\xXX escape");
            case 'u': return hexEscape(src, i, to, 4, sb, bodyStart, "truncated \\uXXXX escape");
            case 'U': return hexEscape(src, i, to, 8, sb, bodyStart, "truncated \\UXXXXXXXX escape");
            case 'N': {
                int p0 = i - bodyStart;
                if (i + 2 >= to || src.charAt(i + 2) != '{') {
                    throw unicodeError(p0, p0 + 1, "malformed \\N character escape");
                }
                int close = src.indexOf('}', i + 3);
                if (close < 0 || close >= to || close == i + 3) {
                    int end = close < 0 || close >= to ? to - 1 - bodyStart : close - bodyStart;
                    throw unicodeError(p0, end, "malformed \\N character escape");
                }
                int cp = lookup(src.substring(i + 3, close));
                if (cp < 0) {
                    throw unicodeError(p0, close - bodyStart, "unknown Unicode character name");
                }
                sb.appendCodePoint(cp);
                return close + 1;
            }
            default:
                // Unknown escapes keep their backslash (a SyntaxWarning in CPython 3.12); the
                // next character is then read as usual, so in an f-string "\{" still opens a field.
                sb.append('\\');
                return i + 1;
        }
    }

    private static final String[] JAMO_L = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ",
        "C", "K", "T", "P", "H"};
    private static final String[] JAMO_V = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO",
        "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
    private static final String[] JAMO_T = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT",
        "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

    /** Python's name aliases most likely to appear in source (NameAliases.txt has more). */
    private static final java.util.Map<String, Integer> ALIASES = java.util.Map.ofEntries(
            java.util.Map.entry("NULL", 0), java.util.Map.entry("NUL", 0), java.util.Map.entry("ALERT", 7),
            java.util.Map.entry("BEL", 7), java.util.Map.entry("BACKSPACE", 8), java.util.Map.entry("BS", 8),
            java.util.Map.entry("CHARACTER TABULATION", 9), java.util.Map.entry("TAB", 9),
            java.util.Map.entry("HT", 9), java.util.Map.entry("LINE FEED", 10), java.util.Map.entry("LF", 10),
            java.util.Map.entry("NEW LINE", 10), java.util.Map.entry("END OF LINE", 10),
            java.util.Map.entry("NL", 10), java.util.Map.entry("EOL", 10),
            java.util.Map.entry("LINE TABULATION", 11), java.util.Map.entry("VT", 11),
            java.util.Map.entry("FORM FEED", 12), java.util.Map.entry("FF", 12),
            java.util.Map.entry("CARRIAGE RETURN", 13), java.util.Map.entry("CR", 13),
            java.util.Map.entry("ESCAPE", 27), java.util.Map.entry("ESC", 27), java.util.Map.entry("DELETE", 127),
            java.util.Map.entry("DEL", 127), java.util.Map.entry("NBSP", 0xA0), java.util.Map.entry("SHY", 0xAD),
            java.util.Map.entry("ZWSP", 0x200B), java.util.Map.entry("ZWNJ", 0x200C),
            java.util.Map.entry("ZWJ", 0x200D), java.util.Map.entry("BYTE ORDER MARK", 0xFEFF),
            java.util.Map.entry("BOM", 0xFEFF), java.util.Map.entry("ZWNBSP", 0xFEFF));

    /** The code point named as in \N{...}, or -1; covers the names Java lacks but Python derives. */
    static int lookup(String name) {
        String up = name.toUpperCase(java.util.Locale.ROOT);
        Integer alias = ALIASES.get(up);
        if (alias != null) {
            return alias;
        }
        if (up.startsWith("CJK UNIFIED IDEOGRAPH-")) {
            int cp = parseHex(up.substring(22));
            return cp >= 0 && Character.isIdeographic(cp) && Character.UnicodeBlock.of(cp).toString()
                    .startsWith("CJK_UNIFIED_IDEOGRAPHS") ? cp : -1;
        }
        if (up.startsWith("HANGUL SYLLABLE ")) {
            return hangul(up.substring(16));
        }
        if (up.indexOf('(') >= 0 || up.indexOf('_') >= 0) {
            return -1;
        }
        try {
            return Character.codePointOf(up);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static int parseHex(String s) {
        if (s.length() < 4 || s.length() > 5) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = hexDigit(s.charAt(i));
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** Hangul syllable names are composed from jamo short names, longest match first. */
    private static int hangul(String s) {
        int[] at = {0};
        int l = longest(JAMO_L, s, at);
        int v = longest(JAMO_V, s, at);
        int t = longest(JAMO_T, s, at);
        if (l < 0 || v < 0 || t < 0 || at[0] != s.length()) {
            return -1;
        }
        return 0xAC00 + (l * 21 + v) * 28 + t;
    }

    private static int longest(String[] names, String s, int[] at) {
        int best = -1;
        for (int i = 0; i < names.length; i++) {
            if (s.startsWith(names[i], at[0]) && (best < 0 || names[i].length() > names[best].length())) {
                best = i;
            }
        }
        if (best >= 0) {
            at[0] += names[best].length();
        }
        return best;
    }

    private static int hexEscape(String src, int i, int to, int digits, StringBuilder sb, int bodyStart, String what)
            throws DecodeError {
        int v = 0;
        int j = i + 2;
        int n = 0;
        while (n < digits && j < to) {
            int d = hexDigit(src.charAt(j));
            if (d < 0) {
                break;
            }
            v = v * 16 + d;
            j++;
            n++;
        }
        if (n < digits) {
            throw unicodeError(i - bodyStart, i - bodyStart + 1 + n, what);
        }
        if (digits == 8 && (v < 0 || v > 0x10FFFF)) {
            throw unicodeError(i - bodyStart, i - bodyStart + 9, "illegal Unicode character");
        }
        sb.appendCodePoint(v);
        return j;
    }

    private static DecodeError unicodeError(int from, int to, String what) {
        return new DecodeError("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                + from + "-" + to + ": " + what);
    }

    /** Returns the bytes, or throws; a non-ASCII character is reported by the caller at the token. */
    static byte[] decodeBytes(String src, int from, int to, boolean raw) throws DecodeError {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            char c = src.charAt(i);
            if (c >= 128) {
                throw new DecodeError("bytes can only contain ASCII literal characters");
            }
            if (c != '\\' || raw) {
                out.write(c);
                i++;
                continue;
            }
            if (i + 1 >= to) {
                out.write('\\');
                i++;
                continue;
            }
            char e = src.charAt(i + 1);
            int simple = switch (e) {
                case '\\' -> '\\';
                case '\'' -> '\'';
                case '"' -> '"';
                case 'a' -> 7;
                case 'b' -> 8;
                case 'f' -> 12;
                case 'n' -> 10;
                case 'r' -> 13;
                case 't' -> 9;
                case 'v' -> 11;
                default -> -1;
            };
            if (e == '\n') {
                i += 2;
            } else if (simple >= 0) {
                out.write(simple);
                i += 2;
            } else if (e >= '0' && e <= '7') {
                int j = i + 1;
                int v = 0;
                while (j < to && j < i + 4 && src.charAt(j) >= '0' && src.charAt(j) <= '7') {
                    v = v * 8 + (src.charAt(j) - '0');
                    j++;
                }
                out.write(v & 0xFF);
                i = j;
            } else if (e == 'x') {
                int h1 = i + 2 < to ? hexDigit(src.charAt(i + 2)) : -1;
                int h2 = i + 3 < to ? hexDigit(src.charAt(i + 3)) : -1;
                if (h1 < 0 || h2 < 0) {
                    throw new DecodeError("(value error) invalid \\x escape at position " + (i - from));
                }
                out.write(h1 * 16 + h2);
                i += 4;
            } else {
                out.write('\\');
                i++;
            }
        }
        return out.toByteArray();
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
