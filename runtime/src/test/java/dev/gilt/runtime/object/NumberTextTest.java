package dev.gilt.runtime.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.number.IntParse;
import dev.gilt.runtime.object.text.Formatting;
import dev.gilt.runtime.ops.Ops;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Behaviour the CPython tables cannot express: tolerances, caches, identities, Java API. */
class NumberTextTest {
    private static String err(Runnable r) {
        PyException e = assertThrows(PyException.class, r::run);
        return Py.describe(e);
    }

    @Nested
    @DisplayName("complex powers through libm")
    class ComplexPowers {
        /** CPython's results (glibc); Java's libm may differ in the last bits, so compare closely. */
        private void near(double re, double im, PyObject got) {
            PyComplex c = (PyComplex) got;
            assertEquals(re, c.real, Math.abs(re) * 1e-13 + 1e-300);
            assertEquals(im, c.imag, Math.abs(im) * 1e-13 + 1e-300);
        }

        @Test
        @DisplayName("non-integral exponents use the polar form")
        void polar() {
            near(-4.426084346031649, 0.42892031682633985, Ops.binaryOp(Ops.NB_POWER, PyComplex.of(-1.5, -2.25), PyFloat.of(1.5)));
            near(248.44483471301268, 106.84669572119135, Ops.binaryOp(Ops.NB_POWER, PyComplex.of(-2, -3), PyComplex.of(1, 2)));
            near(0.7692389013639721, 0.6389612763136348, Ops.binaryOp(Ops.NB_POWER, PyInt.of(2), PyComplex.of(0, 1)));
            near(1.0986841134678098, 0.45508986056222733, Ops.binaryOp(Ops.NB_POWER, PyComplex.of(1, 1), PyFloat.of(0.5)));
        }

        @Test
        @DisplayName("a negative float to a fractional power is complex (Python 3)")
        void negativeBase() {
            near(1.0000000000000002, 1.7320508075688772, Ops.binaryOp(Ops.NB_POWER, PyInt.of(-8), PyFloat.of(1.0 / 3)));
            near(1.6913204223349481e-18, -0.005524271728019903, Ops.binaryOp(Ops.NB_POWER, PyFloat.of(-8), PyFloat.of(-2.5)));
        }
    }

    @Nested
    @DisplayName("caches and identities")
    class Caches {
        @Test
        @DisplayName("small ints, Latin-1 characters, single bytes and True/False are shared immortals")
        void immortals() {
            assertSame(PyInt.of(256), PyInt.of(256));
            assertSame(PyInt.of(-5), Ops.binaryOp(Ops.NB_SUBTRACT, PyInt.of(0), PyInt.of(5)));
            assertTrue(RefCount.isImmortal(PyInt.of(7)));
            PyStr word = PyStr.of("héllo");
            PyObject e = Ops.getItem(word, PyInt.of(1));
            assertSame(PyStr.of("é"), e);
            assertTrue(RefCount.isImmortal(e));
            assertSame(PyStr.EMPTY, PyStr.of(""));
            assertSame(PyBytes.of(new byte[] {65}), Ops.getItem(PyBytes.of(new byte[] {66, 65}), new PySlice(PyInt.of(1), PyNone.NONE, PyNone.NONE)));
            assertSame(PyBool.TRUE, Ops.richCompare(PyInt.of(1), PyFloat.of(1.0), Ops.EQ));
        }

        @Test
        @DisplayName("operations return exact int even for bool and subclass operands")
        void exactResults() {
            PyObject r = Ops.add(PyBool.TRUE, PyBool.TRUE);
            assertSame(PyInt.class, r.getClass());
            assertSame(PyBool.TRUE, Ops.binaryOp(Ops.NB_AND, PyBool.TRUE, PyBool.TRUE));
            assertSame(PyInt.class, Ops.binaryOp(Ops.NB_AND, PyBool.TRUE, PyInt.of(3)).getClass());
        }
    }

    @Nested
    @DisplayName("str code points")
    class CodePoints {
        @Test
        @DisplayName("astral characters count as one; indexing and slicing work in code points")
        void astral() {
            PyStr s = PyStr.of("a\uD83D\uDE00b\u00e9");
            assertEquals(4, Ops.len(s));
            assertTrue(s.isWide());
            assertEquals("\uD83D\uDE00", ((PyStr) Ops.getItem(s, PyInt.of(1))).value);
            assertEquals("b", ((PyStr) Ops.getItem(s, PyInt.of(-2))).value);
            assertEquals("\u00e9b\uD83D\uDE00a", ((PyStr) Ops.getItem(s, new PySlice(PyNone.NONE, PyNone.NONE, PyInt.of(-1)))).value);
            assertEquals(2L, ((PyInt) Py.call(s, "find", PyStr.of("b"))).value);
            assertEquals("'a\uD83D\uDE00b\u00e9'", Ops.reprString(s));
            PyStr narrow = PyStr.of("plain");
            assertEquals(5, narrow.length());
            assertTrue(!narrow.isWide());
        }

        @Test
        @DisplayName("code point order, not UTF-16 order")
        void order() {
            assertTrue(Ops.compareBool(PyStr.of("\uFFFF"), PyStr.of("\uD83D\uDE00"), Ops.LT));
            assertTrue(PyStr.compare("\uFFFF", "\uD83D\uDE00") < 0);
        }

        @Test
        @DisplayName("hash(b'abc') == hash('abc'), as in CPython")
        void bytesHash() {
            assertEquals(Ops.hash(PyStr.of("abc")), Ops.hash(PyBytes.of(new byte[] {'a', 'b', 'c'})));
        }
    }

    @Nested
    @DisplayName("integer string conversion limit")
    class DigitLimit {
        @Test
        @DisplayName("sys.set_int_max_str_digits changes the limit; 0 removes it")
        void limit() {
            String digits = "7".repeat(5000);
            assertEquals("ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
                    + "use sys.set_int_max_str_digits() to increase the limit", err(() -> IntParse.parse(digits, 10, "'x'")));
            int old = IntParse.maxStrDigits;
            try {
                IntParse.maxStrDigits = 0;
                PyInt v = IntParse.parse(digits, 10, "'x'");
                assertEquals(digits, IntParse.toDecimal(v));
                IntParse.maxStrDigits = 6000;
                assertEquals(digits, Ops.strString(v));
            } finally {
                IntParse.maxStrDigits = old;
            }
            assertEquals("ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
                    + "use sys.set_int_max_str_digits() to increase the limit",
                    err(() -> Ops.str(PyInt.of(new java.math.BigInteger(digits)))));
            // power-of-two bases have no limit
            assertEquals(5000, ((PyInt) IntParse.parse("1".repeat(5000), 2, "'x'")).bigValue().bitLength());
        }
    }

    @Nested
    @DisplayName("Formatting API")
    class FormattingApi {
        @Test
        @DisplayName("format(value, spec) for builtin values and the Java convenience form")
        void api() {
            assertEquals("  1,234.50", Formatting.format(PyFloat.of(1234.5), "10,.2f"));
            assertEquals("0x00ff", Formatting.format(PyInt.of(255), "#06x"));
            assertEquals("ab   ", Formatting.format(PyStr.of("ab"), "<5"));
            assertEquals("(1+2j)", Formatting.format(PyComplex.of(1, 2), ""));
            assertEquals("True", Formatting.format(PyBool.TRUE, ""));
            assertEquals("    1", Formatting.format(PyBool.TRUE, "5"));
            assertEquals("ValueError: Unknown format code 'x' for object of type 'float'",
                    err(() -> Formatting.format(PyFloat.of(1), "x")));
            assertEquals("TypeError: unsupported format string passed to NoneType.__format__",
                    err(() -> Formatting.format(PyNone.NONE, "x")));
            assertEquals("None", Formatting.format(PyNone.NONE, ""));
        }
    }
}
