package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.Opcode.BinaryOps;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;

/**
 * Fast paths of BINARY_OP, COMPARE_OP and UNARY_NEGATIVE for exact {@code int} (when both values
 * fit in a long and the result does too) and exact {@code float}. Each returns null when it does
 * not apply, and the loop falls back to {@code Ops}, which owns the full semantics (big integers,
 * errors with CPython's messages, subclasses, reflected operators).
 */
final class Arith {
    private Arith() {}

    private static final double TWO_53 = 9007199254740992.0;

    /** {@code a OP b} for two exact ints, or null (overflow, division by zero, unusual cases). */
    static PyObject intOp(int op, PyInt a, PyInt b) {
        if (a.big != null || b.big != null) return null;
        long x = a.value, y = b.value;
        if (op >= BinaryOps.INPLACE) op -= BinaryOps.INPLACE;
        switch (op) {
            case BinaryOps.ADD: {
                long r = x + y;
                if (((x ^ r) & (y ^ r)) < 0) return null;
                return PyInt.of(r);
            }
            case BinaryOps.SUBTRACT: {
                long r = x - y;
                if (((x ^ y) & (x ^ r)) < 0) return null;
                return PyInt.of(r);
            }
            case BinaryOps.MULTIPLY: {
                long hi = Math.multiplyHigh(x, y);
                long r = x * y;
                if (hi != (r >> 63)) return null;
                return PyInt.of(r);
            }
            case BinaryOps.FLOOR_DIVIDE:
                if (y == 0 || (x == Long.MIN_VALUE && y == -1)) return null;
                return PyInt.of(Math.floorDiv(x, y));
            case BinaryOps.REMAINDER:
                if (y == 0) return null;
                return PyInt.of(Math.floorMod(x, y));
            case BinaryOps.AND:
                return PyInt.of(x & y);
            case BinaryOps.OR:
                return PyInt.of(x | y);
            case BinaryOps.XOR:
                return PyInt.of(x ^ y);
            case BinaryOps.LSHIFT:
                if (y < 0 || y >= 63) return null;
                if (((x << y) >> y) != x) return null;
                return PyInt.of(x << y);
            case BinaryOps.RSHIFT:
                if (y < 0) return null;
                return PyInt.of(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
            case BinaryOps.TRUE_DIVIDE:
                if (y == 0) return null;
                if (Math.abs((double) x) > TWO_53 || Math.abs((double) y) > TWO_53) return null;
                return PyFloat.of((double) x / (double) y);
            case BinaryOps.POWER:
                return intPow(x, y);
            default:
                return null;
        }
    }

    /** x ** y for a small non-negative exponent without overflow, else null. */
    private static PyObject intPow(long x, long y) {
        if (y < 0 || y > 64) return null;
        long r = 1, base = x;
        long e = y;
        while (e > 0) {
            if ((e & 1) != 0) {
                long hi = Math.multiplyHigh(r, base);
                long lo = r * base;
                if (hi != (lo >> 63)) return null;
                r = lo;
            }
            e >>= 1;
            if (e > 0) {
                long hi = Math.multiplyHigh(base, base);
                long lo = base * base;
                if (hi != (lo >> 63)) return null;
                base = lo;
            }
        }
        return PyInt.of(r);
    }

    /** {@code a OP b} for two exact floats, or null. */
    static PyObject floatOp(int op, double x, double y) {
        if (op >= BinaryOps.INPLACE) op -= BinaryOps.INPLACE;
        switch (op) {
            case BinaryOps.ADD:
                return PyFloat.of(x + y);
            case BinaryOps.SUBTRACT:
                return PyFloat.of(x - y);
            case BinaryOps.MULTIPLY:
                return PyFloat.of(x * y);
            case BinaryOps.TRUE_DIVIDE:
                if (y == 0.0) return null;
                return PyFloat.of(x / y);
            default:
                return null;
        }
    }

    /** The general BINARY_OP: in-place forms go through the in-place protocol. */
    static PyObject binary(int op, PyObject a, PyObject b) {
        if (op >= BinaryOps.INPLACE) return Ops.inplaceOp(op - BinaryOps.INPLACE, a, b);
        return Ops.binaryOp(op, a, b);
    }

    /** Result of comparison {@code op} given {@code c = compare(a, b)}. */
    static boolean compare(int op, int c) {
        return switch (op) {
            case 0 -> c < 0;
            case 1 -> c <= 0;
            case 2 -> c == 0;
            case 3 -> c != 0;
            case 4 -> c > 0;
            default -> c >= 0;
        };
    }

    /** IEEE comparison (NaN compares false except !=). */
    static boolean compareDouble(int op, double a, double b) {
        return switch (op) {
            case 0 -> a < b;
            case 1 -> a <= b;
            case 2 -> a == b;
            case 3 -> a != b;
            case 4 -> a > b;
            default -> a >= b;
        };
    }

    static PyObject negate(PyObject v) {
        if (v.getClass() == PyInt.class) {
            PyInt i = (PyInt) v;
            if (i.big == null && i.value != Long.MIN_VALUE) return PyInt.of(-i.value);
        } else if (v.getClass() == PyFloat.class) {
            return PyFloat.of(-((PyFloat) v).value);
        }
        return Ops.neg(v);
    }
}
