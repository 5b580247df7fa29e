package dev.gilt.runtime.object.text;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;

/**
 * A parsed format specification (the format mini-language):
 * {@code [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]}, with
 * CPython 3.12's parsing rules and error messages, plus the padding and digit-grouping layout
 * shared by the int, float, complex and str formatters.
 */
public final class FormatSpec {
    /** The fill code point. */
    public int fill = ' ';
    /** '<', '>', '^', '=' or 0 when not given. */
    public char align;
    /** '+', '-', ' ' or 0 when not given. */
    public char sign;
    /** 'z': coerce negative zero to positive after rounding. */
    public boolean noNegZero;
    /** '#'. */
    public boolean alternate;
    public boolean fillGiven;
    /** -1 when not given. */
    public int width = -1;
    /** ',' or '_' or 0. */
    public char grouping;
    /** -1 when not given. */
    public int precision = -1;
    /** The presentation type, or 0 for none. */
    public char type;
    /** The original text, for error messages. */
    public final String text;

    private FormatSpec(String text) {
        this.text = text;
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '^' || c == '=';
    }

    /**
     * Parses {@code spec} for an object of type {@code typeName} whose default alignment is
     * {@code defaultAlign} ('>' for numbers, '<' for strings); {@code defaultType} stands in for
     * an omitted type ('d' for int, 's' for str, 0 for float and complex).
     */
    public static FormatSpec parse(String spec, String typeName, char defaultAlign, char defaultType) {
        FormatSpec f = new FormatSpec(spec);
        int[] cps = spec.codePoints().toArray();
        int n = cps.length, pos = 0;
        boolean alignGiven = false;
        if (n >= 2 && isAlign(cps[1])) {
            f.fill = cps[0];
            f.fillGiven = true;
            f.align = (char) cps[1];
            alignGiven = true;
            pos = 2;
        } else if (n >= 1 && isAlign(cps[0])) {
            f.align = (char) cps[0];
            alignGiven = true;
            pos = 1;
        }
        if (pos < n && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) f.sign = (char) cps[pos++];
        if (pos < n && cps[pos] == 'z') {
            f.noNegZero = true;
            pos++;
        }
        if (pos < n && cps[pos] == '#') {
            f.alternate = true;
            pos++;
        }
        if (!f.fillGiven && pos < n && cps[pos] == '0') {
            f.fill = '0';
            f.fillGiven = true;
            if (!alignGiven && defaultAlign == '>') f.align = '=';
            pos++;
        }
        int start = pos;
        long w = 0;
        while (pos < n && cps[pos] >= '0' && cps[pos] <= '9') {
            w = w * 10 + (cps[pos] - '0');
            if (w > Integer.MAX_VALUE) throw Errors.valueError("Too many decimal digits in format string");
            pos++;
        }
        if (pos > start) f.width = (int) w;
        if (pos < n && cps[pos] == ',') {
            f.grouping = ',';
            pos++;
        }
        if (pos < n && cps[pos] == '_') {
            if (f.grouping != 0) throw Errors.valueError("Cannot specify both ',' and '_'.");
            f.grouping = '_';
            pos++;
        }
        if (pos < n && cps[pos] == ',') {
            if (f.grouping == '_') throw Errors.valueError("Cannot specify both ',' and '_'.");
            throw Errors.valueError("Cannot specify ',' with ','.");
        }
        if (pos < n && cps[pos] == '_') {
            if (f.grouping == ',') throw Errors.valueError("Cannot specify both ',' and '_'.");
            throw Errors.valueError("Cannot specify '_' with '_'.");
        }
        if (pos < n && cps[pos] == '.') {
            pos++;
            start = pos;
            long p = 0;
            while (pos < n && cps[pos] >= '0' && cps[pos] <= '9') {
                p = p * 10 + (cps[pos] - '0');
                if (p > Integer.MAX_VALUE) throw Errors.valueError("Too many decimal digits in format string");
                pos++;
            }
            if (pos == start) throw Errors.valueError("Format specifier missing precision");
            f.precision = (int) p;
        }
        if (n - pos > 1) {
            throw Errors.valueError("Invalid format specifier '%s' for object of type '%s'", spec, typeName);
        }
        f.type = n - pos == 1 ? (char) cps[pos] : defaultType;
        if (f.grouping != 0) {
            boolean ok = switch (f.type) {
                case 0, 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F' -> true;
                case 'b', 'o', 'x', 'X' -> f.grouping == '_';
                default -> false;
            };
            if (!ok) throw Errors.valueError("Cannot specify '%c' with %s.", f.grouping, quoteType(f.type));
        }
        return f;
    }

    /** 'x' or '\x01' as CPython quotes a format type in messages. */
    static String quoteType(char t) {
        if (t > 32 && t < 127) return "'" + t + "'";
        return "'\\x" + Integer.toHexString(t) + "'";
    }

    public PyException unknownType(String typeName) {
        return Errors.valueError("Unknown format code %s for object of type '%s'", quoteType(type), typeName);
    }

    // ---- layout -----------------------------------------------------------------------------

    /** Pads {@code body} (already containing any sign) to the width with fill and alignment. */
    public String pad(String body, char defaultAlign) {
        int len = body.codePointCount(0, body.length());
        if (width <= len) return body;
        int padding = width - len;
        char a = align == 0 ? defaultAlign : align;
        String fillStr = Character.toString(fill);
        StringBuilder sb = new StringBuilder(body.length() + padding * fillStr.length());
        int left = switch (a) {
            case '<' -> 0;
            case '^' -> padding / 2;
            default -> padding;
        };
        sb.append(fillStr.repeat(left)).append(body).append(fillStr.repeat(padding - left));
        return sb.toString();
    }

    /**
     * Lays out a number: {@code signStr} ("-", "+", " " or ""), {@code prefix} ("0x"...),
     * the integer {@code digits} (grouped here), and {@code rest} (fraction, exponent, '%').
     * Handles '=' alignment and zero padding through the digit groups as CPython does.
     */
    public String number(String signStr, String prefix, String digits, String rest, int groupSize) {
        char a = align == 0 ? '>' : align;
        int fixedLen = signStr.length() + prefix.length() + rest.length();
        String grouped;
        if (grouping != 0 && isAllDigits(digits)) {
            int minWidth = (a == '=' && fill == '0' && width > 0) ? width - fixedLen : 0;
            grouped = group(digits, grouping, groupSize, minWidth);
        } else {
            grouped = digits;
        }
        String body = signStr + prefix + grouped + rest;
        int len = body.codePointCount(0, body.length());
        if (width <= len) return body;
        if (a == '=') {
            String fillStr = Character.toString(fill);
            return signStr + prefix + fillStr.repeat(width - len) + grouped + rest;
        }
        return pad(body, '>');
    }

    private static boolean isAllDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
        }
        return true;
    }

    /**
     * Inserts {@code sep} every {@code size} digits from the right; pads with zeros (and
     * separators) to at least {@code minWidth} characters, never starting with a separator.
     */
    static String group(String digits, char sep, int size, int minWidth) {
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / size + 4);
        int count = 0;
        for (int i = digits.length() - 1; i >= 0; i--) {
            if (count == size) {
                sb.append(sep);
                count = 0;
            }
            sb.append(digits.charAt(i));
            count++;
        }
        while (sb.length() < minWidth) {
            if (count == size) {
                sb.append(sep);
                count = 0;
                if (sb.length() >= minWidth) {
                    sb.append('0');
                    count++;
                    break;
                }
            }
            sb.append('0');
            count++;
        }
        return sb.reverse().toString();
    }
}
