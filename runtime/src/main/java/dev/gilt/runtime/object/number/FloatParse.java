package dev.gilt.runtime.object.number;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.object.text.Unicode;
import java.math.BigInteger;

/**
 * Text to float: float(str) (CPython's float_from_string / _Py_string_to_number_with_underscores)
 * and float.fromhex. Validates Python's grammar itself, then lets {@link Double#parseDouble}
 * (correctly rounded) do the conversion: Java's own grammar is wider ("1d", "0x1p3", "Infinity").
 */
public final class FloatParse {
    private FloatParse() {}

    /** The negative quiet NaN CPython's parser returns for "-nan". */
    public static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8000000000000L);

    /**
     * Parses Python float syntax; returns null if {@code s} is not a valid float literal, so the
     * caller can raise "could not convert string to float: 'x'" with the original text.
     */
    public static Double parse(String s) {
        String t = Unicode.strip(s);
        int n = t.length();
        if (n == 0) return null;
        int i = 0;
        boolean neg = false;
        char c0 = t.charAt(0);
        if (c0 == '+' || c0 == '-') {
            neg = c0 == '-';
            i = 1;
        }
        String lower = t.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) return neg ? NEGATIVE_NAN : Double.NaN;
        StringBuilder sb = new StringBuilder(n);
        if (neg) sb.append('-');
        long r = scanDigits(t, i, sb);
        if (r < 0) return null;
        int digitsBefore = (int) r;
        i += (int) (r >>> 32);
        int digitsAfter = 0;
        if (i < n && t.charAt(i) == '.') {
            sb.append('.');
            i++;
            r = scanDigits(t, i, sb);
            if (r < 0) return null;
            digitsAfter = (int) r;
            i += (int) (r >>> 32);
        }
        if (digitsBefore == 0 && digitsAfter == 0) return null;
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            sb.append('e');
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) sb.append(t.charAt(i++));
            r = scanDigits(t, i, sb);
            if (r <= 0 || (int) r == 0) return null;
            i += (int) (r >>> 32);
        }
        if (i != n) return null;
        return Double.parseDouble(sb.toString());
    }

    /**
     * Appends ASCII digits for the run of (Unicode decimal) digits with single underscores
     * between them starting at i. Returns (chars consumed << 32 | digit count), or -1 for a
     * misplaced underscore.
     */
    private static long scanDigits(String t, int i, StringBuilder out) {
        int start = i, n = t.length(), count = 0;
        while (i < n) {
            char c = t.charAt(i);
            int v = Unicode.decimalValue(c);
            if (v >= 0) {
                out.append((char) ('0' + v));
                count++;
                i++;
            } else if (c == '_') {
                if (count == 0 || i + 1 >= n || Unicode.decimalValue(t.charAt(i + 1)) < 0) return -1;
                i++;
            } else {
                break;
            }
        }
        return ((long) (i - start) << 32) | count;
    }

    /** float.fromhex(s). */
    public static double fromHex(String s) {
        String t = Unicode.strip(s);
        int n = t.length(), i = 0;
        boolean neg = false;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            neg = t.charAt(i) == '-';
            i++;
        }
        String rest = t.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (rest.equals("inf") || rest.equals("infinity")) return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (rest.equals("nan")) return Double.NaN;
        if (rest.startsWith("0x")) i += 2;
        BigInteger mant = BigInteger.ZERO;
        int digits = 0, fracDigits = 0;
        StringBuilder hex = new StringBuilder();
        while (i < n && Character.digit(t.charAt(i), 16) >= 0 && t.charAt(i) < 128) {
            hex.append(t.charAt(i++));
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && Character.digit(t.charAt(i), 16) >= 0 && t.charAt(i) < 128) {
                hex.append(t.charAt(i++));
                digits++;
                fracDigits++;
            }
        }
        if (digits == 0) throw invalidHex();
        long exp = 0;
        if (i < n && (t.charAt(i) == 'p' || t.charAt(i) == 'P')) {
            i++;
            boolean eneg = false;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                eneg = t.charAt(i) == '-';
                i++;
            }
            int es = i;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                if (exp < 1_000_000_000L) exp = exp * 10 + (t.charAt(i) - '0');
                i++;
            }
            if (i == es) throw invalidHex();
            if (eneg) exp = -exp;
        }
        if (i != n) throw invalidHex();
        mant = new BigInteger(hex.toString(), 16);
        double r;
        if (mant.signum() == 0) {
            r = 0.0;
        } else {
            long e2 = exp - 4L * fracDigits;
            if (mant.bitLength() + e2 > 1100) throw Errors.overflow("hexadecimal value too large to represent as a float");
            r = mant.bitLength() + e2 < -1200 ? 0.0 : IntMath.roundToDouble(mant, false, e2);
            if (Double.isInfinite(r)) throw Errors.overflow("hexadecimal value too large to represent as a float");
        }
        return neg ? -r : r;
    }

    private static dev.gilt.runtime.error.PyException invalidHex() {
        return Errors.valueError("invalid hexadecimal floating-point string");
    }
}
