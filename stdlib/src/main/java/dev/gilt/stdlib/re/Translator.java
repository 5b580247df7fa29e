package dev.gilt.stdlib.re;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates a Python regular expression into java.util.regex syntax, checking it as Python's
 * sre_parse does and reporting the same errors at the same positions.
 *
 * <p>The differences handled: named groups become {@code (?<gN>...)} (Java names cannot hold
 * underscores, and group numbering is shared anyway), {@code (?P=name)} becomes {@code \k<gN>},
 * {@code \Z} is {@code \z}, inside classes {@code [}, {@code &} and {@code \b} are escaped or
 * turned into a backspace, a {@code {} that does not start a repeat is a literal, {@code {,n}}
 * gets its 0, octal and {@code \N{...}} escapes become code points, VERBOSE whitespace and
 * comments are removed here (Java's COMMENTS mode would also strip them inside classes), and
 * global inline flags are lifted into the flags.
 */
final class Translator {
    static final int I = 2, L = 4, M = 8, S = 16, U = 32, X = 64, A = 256;

    /** A Python re.error: message and position in the pattern. */
    static final class Error extends RuntimeException {
        final String msg;
        final int pos;

        Error(String msg, int pos) {
            super(msg + " at position " + pos, null, false, false);
            this.msg = msg;
            this.pos = pos;
        }
    }

    final String pattern;
    final StringBuilder out = new StringBuilder();
    int flags;
    int groups;
    final Map<String, Integer> groupIndex = new LinkedHashMap<>();
    private int i;
    /** Verbose mode per open group (inline (?x:...) scopes). */
    private final Deque<Boolean> verboseStack = new ArrayDeque<>();
    private final Deque<Integer> groupStarts = new ArrayDeque<>();
    private boolean verbose;
    /** What precedes the current position, for "nothing to repeat" / "multiple repeat". */
    private int lastKind; // 0 nothing repeatable, 1 item, 2 quantifier

    Translator(String pattern, int flags) {
        this.pattern = pattern;
        this.flags = flags;
    }

    String translate() {
        leadingFlags();
        verbose = (flags & X) != 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (verbose && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b)) {
                i++;
                continue;
            }
            if (verbose && c == '#') {
                while (i < n && pattern.charAt(i) != '\n') i++;
                continue;
            }
            switch (c) {
                case '\\' -> escape();
                case '[' -> charClass();
                case '(' -> openGroup();
                case ')' -> closeGroup();
                case '*', '+', '?' -> quantifier(c);
                case '{' -> brace();
                case '|' -> {
                    out.append('|');
                    i++;
                    lastKind = 0;
                }
                case '^', '$' -> {
                    out.append(c);
                    i++;
                    lastKind = 0;
                }
                case '.' -> {
                    out.append('.');
                    i++;
                    lastKind = 1;
                }
                case '}' -> {
                    out.append("\\}");
                    i++;
                    lastKind = 1;
                }
                default -> {
                    literal(pattern.codePointAt(i));
                    i += Character.charCount(pattern.codePointAt(i));
                    lastKind = 1;
                }
            }
        }
        if (!groupStarts.isEmpty()) {
            throw new Error("missing ), unterminated subpattern", groupStarts.peekLast());
        }
        return out.toString();
    }

    /** Global inline flags at the very start: (?aiLmsux). */
    private void leadingFlags() {
        while (pattern.startsWith("(?", i)) {
            int j = i + 2;
            int f = 0;
            while (j < pattern.length() && "aiLmsux".indexOf(pattern.charAt(j)) >= 0) {
                f |= flagOf(pattern.charAt(j));
                j++;
            }
            if (j == i + 2 || j >= pattern.length() || pattern.charAt(j) != ')') return;
            flags |= f;
            i = j + 1;
        }
    }

    static int flagOf(char c) {
        return switch (c) {
            case 'a' -> A;
            case 'i' -> I;
            case 'L' -> L;
            case 'm' -> M;
            case 's' -> S;
            case 'u' -> U;
            case 'x' -> X;
            default -> 0;
        };
    }

    private void literal(int cp) {
        if ("\\[](){}.*+?^$|".indexOf(cp) >= 0) out.append('\\');
        if (cp < 0x20 || cp == 0x7f) {
            out.append(String.format("\\x{%x}", cp));
        } else {
            out.appendCodePoint(cp);
        }
    }

    private void escape() {
        int start = i;
        if (i + 1 >= pattern.length()) throw new Error("bad escape (end of pattern)", start);
        char c = pattern.charAt(i + 1);
        i += 2;
        switch (c) {
            case 'A' -> {
                out.append("\\A");
                lastKind = 0;
                return;
            }
            case 'Z' -> {
                out.append("\\z");
                lastKind = 0;
                return;
            }
            case 'b', 'B' -> {
                out.append('\\').append(c);
                lastKind = 0;
                return;
            }
            case 'd', 'D', 'w', 'W', 's', 'S' -> {
                out.append('\\').append(c);
                lastKind = 1;
                return;
            }
            default -> { }
        }
        lastKind = 1;
        if (c >= '1' && c <= '9') {
            int j = i;
            int num = c - '0';
            if (j < pattern.length() && Character.isDigit(pattern.charAt(j))) {
                int two = num * 10 + (pattern.charAt(j) - '0');
                // three octal digits make an octal escape, as Python reads them
                if (j + 1 < pattern.length() && c <= '7' && pattern.charAt(j) <= '7' && isOct(pattern.charAt(j + 1))) {
                    int v = Integer.parseInt(pattern.substring(start + 1, j + 2), 8);
                    if (v > 0377) throw new Error("octal escape value \\" + pattern.substring(start + 1, j + 2)
                            + " outside of range 0-0o377", start);
                    literal(v);
                    i = j + 2;
                    return;
                }
                num = two;
                i = j + 1;
            }
            if (num > groups) {
                throw new Error("invalid group reference " + num, start + 1);
            }
            out.append('\\').append(num).append("(?:)");
            return;
        }
        int cp = simpleEscape(c, start, false);
        literal(cp);
    }

    private static boolean isOct(char c) {
        return c >= '0' && c <= '7';
    }

    /**
     * The code point of a character escape (\n, \x41, \u00e9, \N{...}, \0, punctuation...), or a
     * "bad escape" error for an unknown ASCII letter or digit. {@code i} is past the escaped char.
     */
    private int simpleEscape(char c, int start, boolean inClass) {
        switch (c) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'v': return 0x0b;
            case 'a': return 0x07;
            case 'b':
                if (inClass) return 0x08;
                break;
            case '0': {
                int j = i, v = 0, k = 0;
                while (k < 2 && j < pattern.length() && isOct(pattern.charAt(j))) {
                    v = v * 8 + (pattern.charAt(j) - '0');
                    j++;
                    k++;
                }
                i = j;
                return v;
            }
            case 'x': return hexEscape(2, start, "\\x");
            case 'u': return hexEscape(4, start, "\\u");
            case 'U': {
                int v = hexEscape(8, start, "\\U");
                if (v > 0x10ffff) throw new Error("bad escape \\U" + pattern.substring(start + 2, start + 10), start);
                return v;
            }
            case 'N': {
                if (i >= pattern.length() || pattern.charAt(i) != '{') throw new Error("missing {", i);
                int close = pattern.indexOf('}', i);
                if (close < 0) throw new Error("missing }, unterminated name", i + 1);
                String name = pattern.substring(i + 1, close);
                try {
                    int v = Character.codePointOf(name);
                    i = close + 1;
                    return v;
                } catch (IllegalArgumentException e) {
                    throw new Error("undefined character name '" + name + "'", start);
                }
            }
            default:
                break;
        }
        if (c < 128 && Character.isLetterOrDigit(c)) {
            throw new Error("bad escape \\" + c, start);
        }
        return c;
    }

    private int hexEscape(int digits, int start, String prefix) {
        int j = i;
        while (j < pattern.length() && j - i < digits && Character.digit(pattern.charAt(j), 16) >= 0) j++;
        if (j - i < digits) {
            throw new Error("incomplete escape " + prefix + pattern.substring(i, j), start);
        }
        int v = (int) Long.parseLong(pattern.substring(i, j), 16);
        i = j;
        return v;
    }

    private void charClass() {
        int start = i;
        int n = pattern.length();
        out.append('[');
        i++;
        if (i < n && pattern.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        boolean first = true;
        int prevCp = -1; // last single code point, for ranges
        while (true) {
            if (i >= n) throw new Error("unterminated character set", start);
            int itemStart = i;
            char c = pattern.charAt(i);
            if (c == ']' && !first) {
                out.append(']');
                i++;
                break;
            }
            first = false;
            int cp;
            if (c == '\\') {
                int estart = i;
                if (i + 1 >= n) throw new Error("unterminated character set", start);
                char e = pattern.charAt(i + 1);
                i += 2;
                if ("dDwWsS".indexOf(e) >= 0) {
                    out.append('\\').append(e);
                    prevCp = -1;
                    continue;
                }
                if (e >= '1' && e <= '9') {
                    // in a class, digits are octal escapes only
                    int j = estart + 1, v = 0, k = 0;
                    while (k < 3 && j < n && isOct(pattern.charAt(j))) {
                        v = v * 8 + (pattern.charAt(j) - '0');
                        j++;
                        k++;
                    }
                    if (k == 0) throw new Error("bad escape \\" + e, estart);
                    i = j;
                    cp = v;
                } else {
                    cp = simpleEscape(e, estart, true);
                }
            } else {
                cp = pattern.codePointAt(i);
                i += Character.charCount(cp);
            }
            // a range?
            if (i + 1 < n && pattern.charAt(i) == '-' && pattern.charAt(i + 1) != ']') {
                int rstart = itemStart;
                i++;
                int hi;
                char h = pattern.charAt(i);
                if (h == '\\') {
                    int estart = i;
                    char e = pattern.charAt(i + 1);
                    i += 2;
                    if ("dDwWsS".indexOf(e) >= 0) throw new Error("bad character range " + (char) cp + "-\\" + e, rstart);
                    hi = simpleEscape(e, estart, true);
                } else {
                    hi = pattern.codePointAt(i);
                    i += Character.charCount(hi);
                }
                if (hi < cp) {
                    throw new Error("bad character range " + new String(Character.toChars(cp)) + "-"
                            + new String(Character.toChars(hi)), rstart);
                }
                classChar(cp);
                out.append('-');
                classChar(hi);
                prevCp = -1;
                continue;
            }
            classChar(cp);
            prevCp = cp;
        }
        lastKind = 1;
        assert prevCp >= -1;
    }

    private void classChar(int cp) {
        if ("\\[]^-&".indexOf(cp) >= 0) {
            out.append('\\').appendCodePoint(cp);
        } else if (cp < 0x20 || cp == 0x7f) {
            out.append(String.format("\\x{%x}", cp));
        } else {
            out.appendCodePoint(cp);
        }
    }

    private void openGroup() {
        int start = i;
        int n = pattern.length();
        verboseStack.push(verbose);
        if (i + 1 < n && pattern.charAt(i + 1) == '?') {
            if (i + 2 >= n) throw new Error("unexpected end of pattern", i + 2);
            char c = pattern.charAt(i + 2);
            switch (c) {
                case ':', '=', '!', '>' -> {
                    out.append("(?").append(c);
                    i += 3;
                    groupStarts.push(start);
                    lastKind = 0;
                    return;
                }
                case '<' -> {
                    if (i + 3 < n && (pattern.charAt(i + 3) == '=' || pattern.charAt(i + 3) == '!')) {
                        out.append("(?<").append(pattern.charAt(i + 3));
                        i += 4;
                        groupStarts.push(start);
                        lastKind = 0;
                        return;
                    }
                    String ext = pattern.substring(i + 1, Math.min(n, i + 4));
                    throw new Error("unknown extension " + ext, i + 1);
                }
                case 'P' -> {
                    namedGroup(start);
                    return;
                }
                case '#' -> {
                    int close = pattern.indexOf(')', i);
                    if (close < 0) throw new Error("missing ), unterminated comment", i);
                    i = close + 1;
                    verboseStack.pop();
                    return;
                }
                case '(' -> throw new Error("conditional groups are not supported", i + 2);
                default -> {
                    inlineFlags(start);
                    return;
                }
            }
        }
        groups++;
        out.append('(');
        i++;
        groupStarts.push(start);
        lastKind = 0;
    }

    private void namedGroup(int start) {
        int n = pattern.length();
        if (i + 3 < n && pattern.charAt(i + 3) == '<') {
            int close = pattern.indexOf('>', i + 4);
            if (close < 0) throw new Error("missing >, unterminated name", i + 4);
            String name = pattern.substring(i + 4, close);
            if (name.isEmpty()) throw new Error("missing group name", i + 4);
            if (!isIdentifier(name)) throw new Error("bad character in group name '" + name + "'", i + 4);
            groups++;
            if (groupIndex.containsKey(name)) {
                throw new Error("redefinition of group name '" + name + "' as group " + groups + "; was group "
                        + groupIndex.get(name), i + 4);
            }
            groupIndex.put(name, groups);
            out.append("(?<g").append(groups).append('>');
            i = close + 1;
            groupStarts.push(start);
            lastKind = 0;
            return;
        }
        if (i + 3 < n && pattern.charAt(i + 3) == '=') {
            int close = pattern.indexOf(')', i + 4);
            if (close < 0) throw new Error("missing ), unterminated name", i + 4);
            String name = pattern.substring(i + 4, close);
            if (!isIdentifier(name)) throw new Error("bad character in group name '" + name + "'", i + 4);
            Integer g = groupIndex.get(name);
            if (g == null) throw new Error("unknown group name '" + name + "'", i + 4);
            out.append("\\k<g").append(g).append('>');
            i = close + 1;
            verboseStack.pop();
            lastKind = 1;
            return;
        }
        String ext = pattern.substring(i + 1, Math.min(n, i + 4));
        throw new Error("unknown extension " + ext, i + 1);
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty()) return false;
        int c0 = s.codePointAt(0);
        if (!(Character.isLetter(c0) || c0 == '_')) return false;
        for (int k = Character.charCount(c0); k < s.length(); ) {
            int c = s.codePointAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_')) return false;
            k += Character.charCount(c);
        }
        return true;
    }

    /** (?imsx-imsx:...) scoped flags, or (?imsx) in mid-pattern (an error since 3.11 unless at the start). */
    private void inlineFlags(int start) {
        int n = pattern.length();
        int j = i + 2;
        StringBuilder on = new StringBuilder(), off = new StringBuilder();
        boolean minus = false;
        while (j < n && pattern.charAt(j) != ':' && pattern.charAt(j) != ')') {
            char c = pattern.charAt(j);
            if (c == '-') {
                minus = true;
            } else if ("aiLmsux".indexOf(c) >= 0) {
                (minus ? off : on).append(c);
            } else {
                throw new Error("unknown extension ?" + c, i + 1);
            }
            j++;
        }
        if (j >= n) throw new Error("missing -, : or )", j);
        if (pattern.charAt(j) == ')') {
            throw new Error("global flags not at the start of the expression", i + 2);
        }
        boolean newVerbose = verbose;
        if (on.indexOf("x") >= 0) newVerbose = true;
        if (off.indexOf("x") >= 0) newVerbose = false;
        out.append("(?").append(javaFlags(on.toString()));
        if (off.length() > 0) out.append('-').append(javaFlags(off.toString()));
        out.append(':');
        i = j + 1;
        groupStarts.push(start);
        verbose = newVerbose;
        lastKind = 0;
    }

    private static String javaFlags(String py) {
        StringBuilder sb = new StringBuilder();
        for (char c : py.toCharArray()) {
            switch (c) {
                case 'i' -> sb.append('i');
                case 'm' -> sb.append('m');
                case 's' -> sb.append('s');
                case 'a' -> sb.append("");
                default -> { }
            }
        }
        return sb.toString();
    }

    private void closeGroup() {
        if (groupStarts.isEmpty()) throw new Error("unbalanced parenthesis", i);
        groupStarts.pop();
        verbose = verboseStack.isEmpty() ? (flags & X) != 0 : verboseStack.pop();
        out.append(')');
        i++;
        lastKind = 1;
    }

    private void quantifier(char c) {
        if (lastKind == 0) throw new Error("nothing to repeat", i);
        if (lastKind == 2) throw new Error("multiple repeat", i);
        out.append(c);
        i++;
        suffix();
    }

    /** The lazy '?' or possessive '+' after a repeat. */
    private void suffix() {
        if (i < pattern.length() && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+')) {
            out.append(pattern.charAt(i));
            i++;
        }
        lastKind = 2;
    }

    private void brace() {
        int n = pattern.length();
        int j = i + 1;
        int lo = j;
        while (j < n && Character.isDigit(pattern.charAt(j))) j++;
        String min = pattern.substring(lo, j);
        String max = null;
        boolean comma = false;
        if (j < n && pattern.charAt(j) == ',') {
            comma = true;
            j++;
            int hs = j;
            while (j < n && Character.isDigit(pattern.charAt(j))) j++;
            max = pattern.substring(hs, j);
        }
        boolean valid = j < n && pattern.charAt(j) == '}' && !(min.isEmpty() && !comma);
        if (!valid) {
            out.append("\\{");
            i++;
            lastKind = 1;
            return;
        }
        if (lastKind == 0) throw new Error("nothing to repeat", i);
        if (lastKind == 2) throw new Error("multiple repeat", i);
        if (!min.isEmpty() && max != null && !max.isEmpty() && Long.parseLong(min) > Long.parseLong(max)) {
            throw new Error("min repeat greater than max repeat", i + 1);
        }
        out.append('{').append(min.isEmpty() ? "0" : min);
        if (comma) out.append(',').append(max == null ? "" : max);
        out.append('}');
        i = j + 1;
        suffix();
    }
}
