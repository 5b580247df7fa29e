package dev.gilt.runtime.object.number;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float to text as CPython does it (PyOS_double_to_string): repr's shortest round-trip digits and
 * the 'e', 'f', 'g' conversions with exact (correctly rounded, ties to even) decimal digits.
 *
 * <p>Digits come from two sources: the shortest digits of {@link Double#toString} (JDK 19+ gives
 * the shortest decimal that rounds to the double, JDK-4511638), corrected where Java prefers two
 * digits to one; and {@link BigDecimal}'s exact expansion of the double for fixed precisions.
 * Layout (where the point goes, when to use an exponent, padding zeros) is Python's.
 */
public final class FloatFormat {
    private FloatFormat() {}

    /** Always show a decimal point and a digit after it when there is no exponent (repr, str). */
    public static final int ADD_DOT_0 = 1;
    /** '#': keep trailing zeros ('g') and always show the decimal point. */
    public static final int ALT = 2;
    /** Uppercase the exponent letter, INF and NAN ('E', 'F', 'G'). */
    public static final int UPPER = 4;

    /** repr(d) and str(d). */
    public static String repr(double d) {
        return format(d, 'r', 0, ADD_DOT_0);
    }

    /**
     * The text of {@code d} with a leading '-' when negative (NaN is never signed, as in CPython).
     * {@code code} is one of 'e', 'f', 'g', 'r' (lower case; pass {@link #UPPER} for 'E', 'F', 'G').
     */
    public static String format(double d, char code, int precision, int flags) {
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        String body = formatAbs(Math.abs(d), code, precision, flags);
        return neg ? "-" + body : body;
    }

    /** Like {@link #format} for |d|: no sign is written. NaN gives "nan". */
    public static String formatAbs(double d, char code, int precision, int flags) {
        boolean upper = (flags & UPPER) != 0;
        if (Double.isNaN(d)) return upper ? "NAN" : "nan";
        if (Double.isInfinite(d)) return upper ? "INF" : "inf";
        boolean alt = (flags & ALT) != 0;
        boolean addDot0 = (flags & ADD_DOT_0) != 0;
        String digits;
        int decpt;
        boolean useExp;
        int end; // digits shown, counted from the first significant digit position
        switch (code) {
            case 'r' -> {
                long[] dp = new long[1];
                digits = shortest(d, dp);
                decpt = (int) dp[0];
                useExp = decpt <= -4 || decpt > 16;
                end = digits.length();
            }
            case 'e' -> {
                BigDecimal bd = round(d, precision + 1);
                int[] dp = new int[1];
                digits = digitsOf(bd, dp);
                decpt = dp[0];
                useExp = true;
                end = precision + 1;
            }
            case 'f' -> {
                BigDecimal bd = new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN);
                int[] dp = new int[1];
                digits = digitsOf(bd, dp);
                decpt = dp[0];
                useExp = false;
                end = decpt + precision;
            }
            case 'g' -> {
                if (precision == 0) precision = 1;
                BigDecimal bd = round(d, precision);
                int[] dp = new int[1];
                digits = digitsOf(bd, dp);
                decpt = dp[0];
                useExp = decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision);
                end = alt ? precision : digits.length();
            }
            default -> throw new IllegalArgumentException("format code " + code);
        }
        int exp = 0;
        if (useExp) {
            exp = decpt - 1;
            decpt = 1;
        }
        end = Math.max(end, Math.max(digits.length(), decpt));
        if (!useExp && addDot0) end = Math.max(end, decpt + 1);
        StringBuilder sb = new StringBuilder(Math.max(8, end + 8));
        if (decpt <= 0) {
            sb.append('0');
        } else {
            for (int i = 0; i < decpt; i++) sb.append(i < digits.length() ? digits.charAt(i) : '0');
        }
        if (end > decpt || alt) sb.append('.');
        for (int i = decpt; i < end; i++) sb.append(i >= 0 && i < digits.length() ? digits.charAt(i) : '0');
        if (useExp) {
            sb.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
            int ax = Math.abs(exp);
            if (ax < 10) sb.append('0');
            sb.append(ax);
        }
        return sb.toString();
    }

    private static BigDecimal round(double d, int significant) {
        return new BigDecimal(d).round(new MathContext(significant, RoundingMode.HALF_EVEN));
    }

    /** Significant digits of a non-negative decimal without trailing zeros; dp[0] = decimal point. */
    private static String digitsOf(BigDecimal bd, int[] dp) {
        if (bd.signum() == 0) {
            dp[0] = 1;
            return "0";
        }
        String u = bd.unscaledValue().toString();
        int n = u.length();
        dp[0] = n - bd.scale();
        while (n > 1 && u.charAt(n - 1) == '0') n--;
        return u.substring(0, n);
    }

    /**
     * The shortest digits that round-trip to {@code d} (finite, non-negative), closest to d among
     * the shortest, as Python's repr (David Gay's mode 0). dp[0] receives the decimal point
     * position: d == 0.DIGITS * 10**dp[0].
     */
    public static String shortest(double d, long[] dp) {
        if (d == 0) {
            dp[0] = 1;
            return "0";
        }
        String s = Double.toString(d);
        int e = s.indexOf('E');
        int exp10 = 0;
        String mant = s;
        if (e >= 0) {
            exp10 = Integer.parseInt(s.substring(e + 1));
            mant = s.substring(0, e);
        }
        int dot = mant.indexOf('.');
        String all = mant.substring(0, dot) + mant.substring(dot + 1);
        int point = dot + exp10;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') lead++;
        String digits = all.substring(lead);
        point -= lead;
        int n = digits.length();
        while (n > 1 && digits.charAt(n - 1) == '0') n--;
        digits = digits.substring(0, n);
        if (digits.length() == 2) {
            // Java picks among 1- and 2-digit decimals when a 1-digit one exists (its spec's
            // "length 1 or 2" clause); Python wants the shortest. Try both 1-digit neighbours.
            String better = oneDigit(d, digits, point, dp);
            if (better != null) return better;
        }
        dp[0] = point;
        return digits;
    }

    private static String oneDigit(double d, String two, int point, long[] dp) {
        int first = two.charAt(0) - '0';
        BigDecimal exact = new BigDecimal(d);
        String best = null;
        int bestPoint = 0;
        BigDecimal bestDist = null;
        for (int cand = first; cand <= first + 1; cand++) {
            String digit = cand == 10 ? "1" : Integer.toString(cand);
            int p = cand == 10 ? point + 1 : point;
            if (Double.parseDouble(digit + "E" + (p - 1)) != d) continue;
            BigDecimal v = new BigDecimal(new java.math.BigInteger(digit), 1 - p);
            BigDecimal dist = v.subtract(exact).abs();
            if (bestDist == null || dist.compareTo(bestDist) < 0) {
                best = digit;
                bestPoint = p;
                bestDist = dist;
            }
        }
        if (best != null) dp[0] = bestPoint;
        return best;
    }

    /** float.hex(): '0x1.8000000000000p+1', '0x0.0p+0', '-inf' etc. */
    public static String hex(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        String sign = neg ? "-" : "";
        d = Math.abs(d);
        if (d == 0) return sign + "0x0.0p+0";
        long bits = Double.doubleToRawLongBits(d);
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & ((1L << 52) - 1);
        String lead;
        int e;
        if (exp == 0) {
            lead = "0";
            e = -1022;
        } else {
            lead = "1";
            e = exp - 1023;
        }
        String frac = String.format("%013x", mant);
        return sign + "0x" + lead + "." + frac + "p" + (e >= 0 ? "+" : "") + e;
    }
}
