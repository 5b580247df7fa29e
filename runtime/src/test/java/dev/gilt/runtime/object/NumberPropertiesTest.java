package dev.gilt.runtime.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.bigIntegers;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.object.number.FloatFormat;
import dev.gilt.runtime.object.number.IntParse;
import dev.gilt.runtime.object.number.NumHash;
import dev.gilt.runtime.object.text.Formatting;
import dev.gilt.runtime.ops.Ops;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Property tests: int arithmetic agrees with BigInteger (with Python's floor semantics), int
 * true division and float repr are correctly rounded / shortest, and float formatting with random
 * specs never leaks a Java exception.
 */
class NumberPropertiesTest {
    /** Small values, values near the long boundaries, and big values, mixed. */
    static final Gen<BigInteger> INTS = integers().between(-300, 300).map(BigInteger::valueOf)
            .mix(longs().all().map(BigInteger::valueOf))
            .mix(longs().between(Long.MAX_VALUE - 3, Long.MAX_VALUE).map(v -> BigInteger.valueOf(v).add(BigInteger.valueOf(v % 3))))
            .mix(bigIntegers().ofBytes(24))
            .mix(longs().all().map(v -> BigInteger.valueOf(v).shiftLeft(Math.floorMod(v, 70))));

    /** Doubles from random bit patterns (every class: subnormals, huge, NaN payloads, infinities). */
    static final Gen<Double> DOUBLES = longs().all().map(Double::longBitsToDouble)
            .mix(integers().between(-400, 400).zip(integers().between(1, 99999), (e, m) -> m * Math.pow(10, e)));

    private static BigInteger big(PyObject o) {
        PyInt i = (PyInt) o;
        if (i.isBig()) assertTrue(i.big.bitLength() >= 64, "a big int that fits in a long must use the long form");
        return i.bigValue();
    }

    private static BigInteger[] floorDivmod(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(b);
        }
        return qr;
    }

    @Test
    @DisplayName("+ - * // % & | ^ agree with BigInteger")
    void intArithmetic() {
        qt().withExamples(3000).forAll(INTS, INTS).checkAssert((a, b) -> {
            PyInt x = PyInt.of(a), y = PyInt.of(b);
            assertEquals(a.add(b), big(Ops.add(x, y)));
            assertEquals(a.subtract(b), big(Ops.sub(x, y)));
            assertEquals(a.multiply(b), big(Ops.mul(x, y)));
            assertEquals(a.and(b), big(Ops.binaryOp(Ops.NB_AND, x, y)));
            assertEquals(a.or(b), big(Ops.binaryOp(Ops.NB_OR, x, y)));
            assertEquals(a.xor(b), big(Ops.binaryOp(Ops.NB_XOR, x, y)));
            assertEquals(a.not(), big(Ops.invert(x)));
            assertEquals(a.negate(), big(Ops.neg(x)));
            assertEquals(Integer.signum(a.compareTo(b)) < 0, Ops.compareBool(x, y, Ops.LT));
            if (b.signum() != 0) {
                BigInteger[] qr = floorDivmod(a, b);
                assertEquals(qr[0], big(Ops.binaryOp(Ops.NB_FLOOR_DIVIDE, x, y)));
                assertEquals(qr[1], big(Ops.binaryOp(Ops.NB_REMAINDER, x, y)));
            }
        });
    }

    @Test
    @DisplayName("<< >> and small ** agree with BigInteger")
    void shiftsAndPowers() {
        qt().withExamples(2000).forAll(INTS, integers().between(0, 140)).checkAssert((a, n) -> {
            PyInt x = PyInt.of(a), s = PyInt.of(n);
            assertEquals(a.shiftLeft(n), big(Ops.binaryOp(Ops.NB_LSHIFT, x, s)));
            assertEquals(a.shiftRight(n), big(Ops.binaryOp(Ops.NB_RSHIFT, x, s)));
            if (n <= 12) assertEquals(a.pow(n), big(Ops.binaryOp(Ops.NB_POWER, x, s)));
        });
    }

    @Test
    @DisplayName("3-argument pow agrees with BigInteger.modPow")
    void modularPower() {
        qt().withExamples(1000).forAll(INTS, integers().between(0, 1000), INTS).checkAssert((a, e, m) -> {
            if (m.signum() == 0) return;
            PyObject r = PyInt.TYPE.power3.apply(PyInt.of(a), PyInt.of(e), PyInt.of(m));
            BigInteger expect = a.modPow(BigInteger.valueOf(e), m.abs());
            if (m.signum() < 0 && expect.signum() != 0) expect = expect.add(m);
            assertEquals(expect, big(r));
        });
    }

    @Test
    @DisplayName("int / int is the correctly rounded quotient")
    void trueDivision() {
        qt().withExamples(2000).forAll(INTS, INTS).checkAssert((a, b) -> {
            if (b.signum() == 0) return;
            // parseDouble is correctly rounded; 0 / negative is -0.0 in Python
            double expect = a.signum() == 0 ? (b.signum() < 0 ? -0.0 : 0.0) : Double.parseDouble(new BigDecimal(a).divide(new BigDecimal(b),
                    new MathContext(1200, RoundingMode.HALF_EVEN)).toString());
            try {
                PyObject r = Ops.binaryOp(Ops.NB_TRUE_DIVIDE, PyInt.of(a), PyInt.of(b));
                assertEquals(Double.doubleToLongBits(expect), Double.doubleToLongBits(((PyFloat) r).value), a + " / " + b);
            } catch (PyException e) {
                assertTrue(Double.isInfinite(expect), "OverflowError only when the quotient overflows");
            }
        });
    }

    @Test
    @DisplayName("str(int) and int(str) round-trip; hash(int) == hash(float) when equal")
    void decimalTextAndHash() {
        qt().withExamples(2000).forAll(INTS).checkAssert(a -> {
            PyInt x = PyInt.of(a);
            String text = IntParse.toDecimal(x);
            assertEquals(a.toString(), text);
            assertEquals(a, IntParse.parse(text, 0, "'x'").bigValue());
            assertEquals(a, IntParse.parse(x.bigValue().toString(16), 16, "'x'").bigValue());
            long h = Ops.hash(x);
            BigInteger p = BigInteger.valueOf(NumHash.MODULUS);
            BigInteger m = a.abs().mod(p);
            long expect = a.signum() < 0 ? -m.longValue() : m.longValue();
            assertEquals(expect == -1 ? -2 : expect, h);
            double d = a.doubleValue();
            if (!Double.isInfinite(d) && new BigDecimal(d).toBigIntegerExact().equals(a)) {
                assertEquals(h, Ops.hash(PyFloat.of(d)));
            }
        });
    }

    @Test
    @DisplayName("int vs float comparisons are exact")
    void mixedComparisons() {
        qt().withExamples(2000).forAll(INTS, DOUBLES).checkAssert((a, d) -> {
            if (Double.isNaN(d)) {
                assertFalse(Ops.compareBool(PyInt.of(a), PyFloat.of(d), Ops.EQ));
                assertTrue(Ops.compareBool(PyInt.of(a), PyFloat.of(d), Ops.NE));
                return;
            }
            int expect = Double.isInfinite(d) ? (d > 0 ? -1 : 1) : new BigDecimal(a).compareTo(new BigDecimal(d));
            assertEquals(expect < 0, Ops.compareBool(PyInt.of(a), PyFloat.of(d), Ops.LT));
            assertEquals(expect == 0, Ops.compareBool(PyInt.of(a), PyFloat.of(d), Ops.EQ));
            assertEquals(expect > 0, Ops.compareBool(PyFloat.of(d), PyInt.of(a), Ops.LT));
        });
    }

    /** Significant digits of a repr (without sign, point and exponent). */
    private static String digits(String repr) {
        String m = repr.replace("-", "");
        int e = m.indexOf('e');
        if (e >= 0) m = m.substring(0, e);
        m = m.replace(".", "").replaceFirst("^0+", "");
        return m.isEmpty() ? "0" : m.replaceFirst("0+$", "");
    }

    @Test
    @DisplayName("repr(float) round-trips and is the shortest such string")
    void floatRepr() {
        qt().withExamples(5000).forAll(DOUBLES).checkAssert(d -> {
            String r = FloatFormat.repr(d);
            if (Double.isNaN(d)) {
                assertEquals("nan", r);
                return;
            }
            if (Double.isInfinite(d)) {
                assertEquals(d > 0 ? "inf" : "-inf", r);
                return;
            }
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(r)), r);
            int n = digits(r).length();
            if (n > 1 && d != 0) {
                BigDecimal exact = new BigDecimal(Math.abs(d));
                for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    BigDecimal shorter = exact.round(new MathContext(n - 1, mode));
                    if (Double.parseDouble(shorter.toString()) == Math.abs(d)) fail(r + " is not shortest: " + shorter);
                }
            }
        });
    }

    @Test
    @DisplayName("format(float, random spec) gives a str or a Python error, never a Java exception")
    void floatFormatting() {
        String[] parts = {"", "<", ">", "^", "=", "x<", "0=", "+", "-", " ", "z", "#", "0", "5", "12", ",", "_", ".0", ".3",
            ".17", ".40", "e", "E", "f", "F", "g", "G", "%", "n", "d", "s", "c", "x", "b"};
        Gen<String> specs = integers().between(0, 1 << 20).map(k -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 4; i++) sb.append(parts[(k >> (5 * i)) % parts.length]);
            return sb.toString();
        });
        qt().withExamples(5000).forAll(DOUBLES, specs).checkAssert((d, spec) -> {
            for (PyObject v : new PyObject[] {PyFloat.of(d), PyComplex.of(d, -d)}) {
                try {
                    assertTrue(Formatting.format(v, spec) != null);
                } catch (PyException e) {
                    // a Python-level error (ValueError for a bad spec) is fine
                }
            }
        });
    }
}
