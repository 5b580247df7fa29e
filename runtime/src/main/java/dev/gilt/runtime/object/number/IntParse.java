package dev.gilt.runtime.object.number;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.text.Unicode;
import java.math.BigInteger;

/**
 * int(str, base) and str(int) as CPython 3.12, including the integer string conversion length
 * limit of CVE-2020-10735 (sys.set_int_max_str_digits, default 4300 digits, not applied to
 * power-of-two bases).
 */
public final class IntParse {
    private IntParse() {}

    public static final int DEFAULT_MAX_STR_DIGITS = 4300;
    /** The smallest non-zero limit sys.set_int_max_str_digits accepts. */
    public static final int MAX_STR_DIGITS_THRESHOLD = 640;
    /** sys.get_int_max_str_digits(); 0 means no limit. Set by the sys module. */
    public static volatile int maxStrDigits = DEFAULT_MAX_STR_DIGITS;

    /**
     * Parses {@code s} in {@code base} (0 or 2..36) with Python's literal rules: surrounding
     * whitespace, a sign, a 0x/0o/0b prefix (required to match in base 0, optional otherwise),
     * single underscores between digits, Unicode decimal digits. {@code reprForError} is the
     * repr of the original argument, used in "invalid literal for int() with base 10: 'x'".
     */
    public static PyInt parse(String s, int base, String reprForError) {
        String t = Unicode.strip(s);
        int n = t.length(), i = 0;
        boolean neg = false;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            neg = t.charAt(i) == '-';
            i++;
        }
        int origBase = base;
        boolean prefixed = false;
        if (i + 1 < n && t.charAt(i) == '0') {
            char p = (char) (t.charAt(i + 1) | 0x20);
            int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (pb != 0 && (base == 0 || base == pb)) {
                base = pb;
                i += 2;
                prefixed = true;
            }
        }
        if (base == 0) base = 10;
        StringBuilder digits = new StringBuilder(n - i);
        boolean lastUnderscore = prefixed; // an underscore may directly follow a prefix
        boolean allowUnderscore = prefixed;
        int count = 0;
        boolean nonZero = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c == '_') {
                if (!allowUnderscore) throw invalid(origBase, reprForError);
                allowUnderscore = false;
                lastUnderscore = true;
                continue;
            }
            int v = digitValue(c);
            if (v < 0 || v >= base) throw invalid(origBase, reprForError);
            digits.append(Character.forDigit(v, base));
            if (v != 0) nonZero = true;
            count++;
            allowUnderscore = true;
            lastUnderscore = false;
        }
        if (count == 0 || lastUnderscore) throw invalid(origBase, reprForError);
        // Base 0 without a prefix: a decimal literal, where leading zeros are not allowed.
        if (origBase == 0 && !prefixed && nonZero && digits.charAt(0) == '0') throw invalid(origBase, reprForError);
        if ((base & (base - 1)) != 0) {
            int limit = maxStrDigits;
            if (limit > 0 && count > limit) {
                throw Errors.valueError("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; "
                        + "use sys.set_int_max_str_digits() to increase the limit", limit, count);
            }
        }
        String ds = digits.toString();
        if (count <= 12 || (base <= 16 && count <= 15)) {
            long v = Long.parseLong(ds, base);
            return PyInt.of(neg ? -v : v);
        }
        BigInteger b = new BigInteger(ds, base);
        return PyInt.of(neg ? b.negate() : b);
    }

    private static int digitValue(char c) {
        if (c < 128) {
            if (c >= '0' && c <= '9') return c - '0';
            int l = c | 0x20;
            if (l >= 'a' && l <= 'z') return l - 'a' + 10;
            return -1;
        }
        return Unicode.decimalValue(c);
    }

    private static PyException invalid(int base, String repr) {
        return Errors.valueError("invalid literal for int() with base %d: %s", base, repr);
    }

    /** str(int) in decimal, subject to the digit limit. */
    public static String toDecimal(PyInt v) {
        if (v.big == null) return Long.toString(v.value);
        int limit = maxStrDigits;
        if (limit > 0) {
            // Cheap bound first: bitLength * log10(2) underestimates the digit count by < 1.
            double approx = v.big.bitLength() * 0.30102999566398120;
            if (approx > limit + 1) throw tooManyDigits(limit);
        }
        String s = v.big.toString();
        if (limit > 0 && s.length() - (v.big.signum() < 0 ? 1 : 0) > limit) throw tooManyDigits(limit);
        return s;
    }

    private static PyException tooManyDigits(int limit) {
        return Errors.valueError("Exceeds the limit (%d digits) for integer string conversion; "
                + "use sys.set_int_max_str_digits() to increase the limit", limit);
    }

    /** bin/oct/hex digits with Python's prefix, e.g. -0xff (no digit limit for these bases). */
    public static String toBase(PyInt v, int radix, boolean prefix) {
        String digits;
        boolean neg;
        if (v.big == null) {
            neg = v.value < 0;
            digits = neg ? (v.value == Long.MIN_VALUE ? Long.toUnsignedString(v.value, radix) : Long.toString(-v.value, radix))
                    : Long.toString(v.value, radix);
        } else {
            neg = v.big.signum() < 0;
            digits = v.big.abs().toString(radix);
        }
        String p = !prefix ? "" : radix == 16 ? "0x" : radix == 8 ? "0o" : radix == 2 ? "0b" : "";
        return (neg ? "-" : "") + p + digits;
    }
}
