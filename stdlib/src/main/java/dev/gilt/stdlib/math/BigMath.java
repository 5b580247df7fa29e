package dev.gilt.stdlib.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * High-precision helpers for the math functions Java lacks or computes less accurately than the C
 * library CPython uses (erf, erfc, gamma, lgamma, log2, exact sums): each is evaluated in
 * {@link BigDecimal} with ample guard digits and rounded once to double, so results are correctly
 * rounded in practically all cases — as glibc's are.
 */
final class BigMath {
    private BigMath() {}

    static final MathContext MC = new MathContext(70, RoundingMode.HALF_EVEN);
    static final BigDecimal TWO = BigDecimal.valueOf(2);
    static final BigDecimal PI = computePi();
    static final BigDecimal LN2 = lnSeries(BigDecimal.valueOf(2));
    static final BigDecimal SQRT_PI = PI.sqrt(MC);

    /** pi by Machin's formula: 16 atan(1/5) - 4 atan(1/239). */
    private static BigDecimal computePi() {
        return atanInv(5).multiply(BigDecimal.valueOf(16)).subtract(atanInv(239).multiply(BigDecimal.valueOf(4)), MC);
    }

    private static BigDecimal atanInv(int n) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(n), MC);
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal term = x, sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(MC.getPrecision() + 5);
        for (int k = 1; term.abs().compareTo(eps) > 0; k++) {
            term = term.multiply(x2, MC).negate();
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * k + 1), MC), MC);
        }
        return sum;
    }

    /** ln(x) for x near 1..2 by the atanh series: 2 sum z^(2k+1)/(2k+1), z = (x-1)/(x+1). */
    private static BigDecimal lnSeries(BigDecimal x) {
        BigDecimal z = x.subtract(BigDecimal.ONE).divide(x.add(BigDecimal.ONE), MC);
        BigDecimal z2 = z.multiply(z, MC);
        BigDecimal term = z, sum = z;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(MC.getPrecision() + 5);
        for (int k = 1; term.abs().compareTo(eps) > 0; k++) {
            term = term.multiply(z2, MC);
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * k + 1), MC), MC);
        }
        return sum.multiply(TWO, MC);
    }

    /** Natural logarithm of a positive value. */
    static BigDecimal ln(BigDecimal x) {
        if (x.signum() <= 0) throw new ArithmeticException("ln of non-positive");
        // x = m * 2^k with m in [1, 2)
        int k = x.toBigInteger().bitLength() - 1;
        if (x.compareTo(BigDecimal.ONE) < 0) {
            k = 0;
            BigDecimal y = x;
            while (y.compareTo(BigDecimal.ONE) < 0) {
                y = y.multiply(TWO);
                k--;
            }
            return lnSeries(y).add(LN2.multiply(BigDecimal.valueOf(k)), MC);
        }
        BigDecimal m = x.divide(TWO.pow(k), MC);
        return lnSeries(m).add(LN2.multiply(BigDecimal.valueOf(k)), MC);
    }

    /** e^a. */
    static BigDecimal exp(BigDecimal a) {
        if (a.signum() < 0) return BigDecimal.ONE.divide(exp(a.negate()), MC);
        BigInteger k = a.divide(LN2, MC).toBigInteger();
        BigDecimal r = a.subtract(LN2.multiply(new BigDecimal(k)), MC);
        BigDecimal term = BigDecimal.ONE, sum = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(MC.getPrecision() + 5);
        for (int n = 1; term.compareTo(eps) > 0; n++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
        }
        return sum.multiply(TWO.pow(k.intValueExact()), MC);
    }

    /** sin(pi * x) for finite x (exact zeros at integers). */
    static BigDecimal sinPi(BigDecimal x) {
        // reduce to r in [-1, 1): sin(pi x) = sin(pi r) for x = 2n + r
        BigDecimal two = TWO;
        BigDecimal r = x.remainder(two);
        if (r.compareTo(BigDecimal.ONE) >= 0) r = r.subtract(two);
        if (r.compareTo(BigDecimal.ONE.negate()) < 0) r = r.add(two);
        if (r.signum() == 0) return BigDecimal.ZERO;
        BigDecimal t = PI.multiply(r, MC);
        BigDecimal t2 = t.multiply(t, MC);
        BigDecimal term = t, sum = t;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(MC.getPrecision() + 5);
        for (int n = 1; term.abs().compareTo(eps) > 0; n++) {
            term = term.multiply(t2, MC).divide(BigDecimal.valueOf((2L * n) * (2L * n + 1)), MC).negate();
            sum = sum.add(term, MC);
        }
        return sum;
    }

    // ---- inverse hyperbolic functions (Java has none) ----------------------------------------

    static double asinh(double x) {
        if (x == 0 || !Double.isFinite(x)) return x;
        if (Math.abs(x) > 1e150) return Math.copySign(Math.log(Math.abs(x)) + Math.log(2), x);
        if (Math.abs(x) < 1e-9) return x;
        BigDecimal b = new BigDecimal(Math.abs(x));
        BigDecimal r = ln(b.add(b.multiply(b).add(BigDecimal.ONE).sqrt(MC), MC));
        return Math.copySign(r.doubleValue(), x);
    }

    static double acosh(double x) {
        if (Double.isNaN(x)) return x;
        if (x < 1) return Double.NaN;
        if (x == 1) return 0.0;
        if (Double.isInfinite(x)) return x;
        if (x > 1e150) return Math.log(x) + Math.log(2);
        BigDecimal b = new BigDecimal(x);
        return ln(b.add(b.multiply(b).subtract(BigDecimal.ONE).sqrt(MC), MC)).doubleValue();
    }

    static double atanh(double x) {
        if (Double.isNaN(x) || x == 0) return x;
        double a = Math.abs(x);
        if (a > 1) return Double.NaN;
        if (a == 1) return Math.copySign(Double.POSITIVE_INFINITY, x);
        if (a < 1e-9) return x;
        BigDecimal b = new BigDecimal(a);
        BigDecimal r = ln(BigDecimal.ONE.add(b).divide(BigDecimal.ONE.subtract(b), MC)).divide(TWO, MC);
        return Math.copySign(r.doubleValue(), x);
    }

    // ---- erf / erfc ------------------------------------------------------------------------

    /** erf(x) by its Maclaurin series (|x| < 6). */
    static BigDecimal erfSeries(double xd) {
        BigDecimal x = new BigDecimal(xd);
        BigDecimal x2 = x.multiply(x, MC);
        BigDecimal power = x; // (-1)^n x^(2n+1) / n!
        BigDecimal sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(MC.getPrecision() + 5);
        for (int n = 1; ; n++) {
            power = power.multiply(x2, MC).divide(BigDecimal.valueOf(n), MC).negate();
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(eps) < 0) break;
        }
        return sum.multiply(TWO, MC).divide(SQRT_PI, MC);
    }

    /** erfc(x) for x &gt;= 6 by its continued fraction. */
    static BigDecimal erfcLarge(double xd) {
        BigDecimal x = new BigDecimal(xd);
        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
        BigDecimal f = x;
        for (int k = 80; k >= 1; k--) {
            f = x.add(BigDecimal.valueOf(k).divide(TWO, MC).divide(f, MC), MC);
        }
        BigDecimal e = exp(x.multiply(x, MC).negate());
        return e.divide(SQRT_PI, MC).divide(f, MC);
    }

    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        if (x == 0) return x;
        if (Math.abs(x) >= 6) return Math.copySign(1.0, x);
        return erfSeries(x).doubleValue();
    }

    static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        if (x < -6) return 2.0;
        if (x >= 27.3) return 0.0;
        if (x >= 6) return erfcLarge(x).doubleValue();
        return BigDecimal.ONE.subtract(erfSeries(x), MC).doubleValue();
    }

    // ---- gamma / lgamma ---------------------------------------------------------------------

    private static final long[][] BERNOULLI = {{1, 6}, {-1, 30}, {1, 42}, {-1, 30}, {5, 66}, {-691, 2730}, {7, 6},
            {-3617, 510}, {43867, 798}, {-174611, 330}, {854513, 138}, {-236364091, 2730}, {8553103, 6},
            {-23749461029L, 870}, {8615841276005L, 14322}};
    private static final BigDecimal HALF_LN_2PI = ln(PI.multiply(TWO, MC)).divide(TWO, MC);

    /** ln(Gamma(z)) for z &gt;= 20 by Stirling's series. */
    private static BigDecimal lgammaStirling(BigDecimal z) {
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal s = z.subtract(half).multiply(ln(z), MC).subtract(z).add(HALF_LN_2PI, MC);
        BigDecimal zpow = z; // z^(2k-1)
        BigDecimal z2 = z.multiply(z, MC);
        for (int k = 1; k <= BERNOULLI.length; k++) {
            BigDecimal b = BigDecimal.valueOf(BERNOULLI[k - 1][0]).divide(BigDecimal.valueOf(BERNOULLI[k - 1][1]), MC);
            BigDecimal term = b.divide(BigDecimal.valueOf((2L * k) * (2L * k - 1)).multiply(zpow), MC);
            s = s.add(term, MC);
            zpow = zpow.multiply(z2, MC);
        }
        return s;
    }

    /** ln|Gamma(x)| for x &gt; 0. */
    static BigDecimal lgammaPositive(BigDecimal x) {
        BigDecimal prod = BigDecimal.ONE;
        BigDecimal z = x;
        BigDecimal limit = BigDecimal.valueOf(30);
        while (z.compareTo(limit) < 0) {
            prod = prod.multiply(z, MC);
            z = z.add(BigDecimal.ONE);
        }
        BigDecimal r = lgammaStirling(z);
        if (prod.compareTo(BigDecimal.ONE) != 0) r = r.subtract(ln(prod), MC);
        return r;
    }

    /** ln|Gamma(x)| for finite x that is not 0 or a negative integer. */
    static BigDecimal lgamma(double xd) {
        BigDecimal x = new BigDecimal(xd);
        if (xd > 0) return lgammaPositive(x);
        // reflection: |Gamma(x)| = pi / (|sin(pi x)| Gamma(1 - x))
        BigDecimal s = sinPi(x).abs();
        return ln(PI.divide(s, MC)).subtract(lgammaPositive(BigDecimal.ONE.subtract(x)), MC);
    }

    /** Gamma(x) for finite x that is not 0 or a negative integer; may be huge (caller checks range). */
    static BigDecimal gamma(double xd) {
        BigDecimal x = new BigDecimal(xd);
        if (xd > 0) return exp(lgammaPositive(x));
        BigDecimal s = sinPi(x);
        BigDecimal g1 = exp(lgammaPositive(BigDecimal.ONE.subtract(x)));
        return PI.divide(s.multiply(g1, MC), MC);
    }
}
