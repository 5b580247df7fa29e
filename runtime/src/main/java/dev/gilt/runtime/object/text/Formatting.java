package dev.gilt.runtime.object.text;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyComplex;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.object.number.FloatFormat;
import dev.gilt.runtime.object.number.IntMath;
import dev.gilt.runtime.object.number.IntParse;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code format(value, spec)} and the {@code __format__} implementations of int, float, complex
 * and str (CPython's Python/formatter_unicode.c behaviour). The VM's FORMAT_VALUE / FORMAT_SPEC
 * and builtins.format call {@link #format(PyObject, PyStr)}.
 */
public final class Formatting {
    private Formatting() {}

    private static final PyStr FORMAT = PyStr.intern("__format__");

    /**
     * format(value, spec): calls {@code type(value).__format__(value, spec)} (fast paths for the
     * builtin types) and checks the result is a str. Returns a new reference.
     */
    public static PyStr format(PyObject value, PyStr spec) {
        Class<?> c = value.getClass();
        if (c == PyStr.class && spec.value.isEmpty()) return RefCount.newRef((PyStr) value);
        if (c == PyInt.class) return PyStr.of(formatInt((PyInt) value, spec.value));
        if (c == PyFloat.class) return PyStr.of(formatFloat((PyFloat) value, spec.value));
        if (c == PyStr.class) return PyStr.of(formatStr((PyStr) value, spec.value));
        PyObject m = value.type().lookup(FORMAT);
        if (m == null) return PyStr.of(formatObject(value, spec.value));
        PyObject r = callMethod(m, value, spec);
        if (r instanceof PyStr s) return s;
        String tn = r.type().name();
        RefCount.decref(r);
        throw Errors.typeError("__format__ must return a str, not %s", tn);
    }

    /** format(value, spec) with a Java spec (convenience). */
    public static String format(PyObject value, String spec) {
        PyStr s = PyStr.of(spec);
        try {
            PyStr r = format(value, s);
            String out = r.value;
            RefCount.decref(r);
            return out;
        } finally {
            RefCount.decref(s);
        }
    }

    /** object.__format__: the empty spec gives str(value); anything else is a TypeError. */
    public static String formatObject(PyObject value, String spec) {
        if (!spec.isEmpty()) {
            throw Errors.typeError("unsupported format string passed to %s.__format__", value.type().name());
        }
        return Ops.strString(value);
    }

    /** Calls a method found on the type with {@code self} and args (descriptor protocol). */
    static PyObject callMethod(PyObject descr, PyObject self, PyObject... args) {
        if (descr instanceof PyMethodDescr m) return m.callUnbound(self, args, null);
        Slots.DescrGet g = descr.type().descrGet;
        if (g == null) {
            PyObject[] all = new PyObject[args.length + 1];
            all[0] = self;
            System.arraycopy(args, 0, all, 1, args.length);
            return Ops.call(descr, all, null);
        }
        PyObject bound = g.get(descr, self, self.type());
        try {
            return Ops.call(bound, args, null);
        } finally {
            RefCount.decref(bound);
        }
    }

    /** The spec argument of a __format__ method as a Java string (TypeError if not a str). */
    public static String specString(PyObject spec, PyObject self) {
        if (spec instanceof PyStr s) return s.value;
        throw Errors.typeError("__format__() argument must be str, not %s", spec.type().name());
    }

    private static String signOf(boolean negative, FormatSpec f) {
        if (negative) return "-";
        return f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
    }

    // ---- int ----------------------------------------------------------------------------------

    /** int.__format__. */
    public static String formatInt(PyInt v, String spec) {
        if (spec.isEmpty()) return Ops.strString(v);
        String typeName = v.type().name();
        FormatSpec f = FormatSpec.parse(spec, typeName, '>', 'd');
        switch (f.type) {
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                return formatDouble(IntMath.toDouble(v), f, typeName);
            }
            case 'b', 'o', 'x', 'X', 'd', 'n', 'c' -> {
            }
            default -> throw f.unknownType(typeName);
        }
        if (f.precision >= 0) throw Errors.valueError("Precision not allowed in integer format specifier");
        if (f.noNegZero) throw Errors.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        if (f.type == 'c') {
            if (f.sign != 0) throw Errors.valueError("Sign not allowed with integer format specifier 'c'");
            if (f.alternate) throw Errors.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
            if (v.big != null) throw Errors.overflow("Python int too large to convert to C long");
            if (v.value < 0 || v.value > 0x10ffff) throw Errors.overflow("%c arg not in range(0x110000)");
            return f.number("", "", Character.toString((int) v.value), "", 3);
        }
        int radix = switch (f.type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = IntParse.toBase(v, radix, false);
        boolean negative = digits.startsWith("-");
        if (negative) digits = digits.substring(1);
        if (radix == 10 && v.big != null) {
            IntParse.toDecimal(v); // enforces the digit limit
        }
        String prefix = "";
        if (f.alternate) {
            prefix = switch (f.type) {
                case 'b' -> "0b";
                case 'o' -> "0o";
                case 'x' -> "0x";
                case 'X' -> "0X";
                default -> "";
            };
        }
        if (f.type == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
        return f.number(signOf(negative, f), prefix, digits, "", radix == 10 ? 3 : 4);
    }

    // ---- float --------------------------------------------------------------------------------

    /** float.__format__. */
    public static String formatFloat(PyFloat v, String spec) {
        if (spec.isEmpty()) return Ops.strString(v);
        String typeName = v.type().name();
        return formatDouble(v.value, FormatSpec.parse(spec, typeName, '>', (char) 0), typeName);
    }

    private static boolean isZeroText(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == 'e' || c == 'E') break;
            if (c >= '1' && c <= '9') return false;
            if (c == 'i' || c == 'n' || c == 'I' || c == 'N') return false; // inf, nan
        }
        return true;
    }

    /** The code, precision and flags for FloatFormat from a parsed spec; null code = unknown. */
    private record FloatMode(char code, int precision, int flags, boolean percent) {}

    private static FloatMode floatMode(FormatSpec f, boolean forComplex) {
        int flags = f.alternate ? FloatFormat.ALT : 0;
        int precision = f.precision;
        char code;
        boolean percent = false;
        switch (f.type) {
            case 0 -> {
                if (precision < 0) {
                    code = 'r';
                    precision = 0;
                } else {
                    code = 'g';
                }
                if (!forComplex) flags |= FloatFormat.ADD_DOT_0;
            }
            case 'n', 'g' -> code = 'g';
            case 'G' -> {
                code = 'g';
                flags |= FloatFormat.UPPER;
            }
            case 'e', 'f' -> code = f.type;
            case 'E', 'F' -> {
                code = Character.toLowerCase(f.type);
                flags |= FloatFormat.UPPER;
            }
            case '%' -> {
                if (forComplex) return null;
                code = 'f';
                percent = true;
            }
            default -> {
                return null;
            }
        }
        if (precision < 0) precision = 6;
        return new FloatMode(code, precision, flags, percent);
    }

    private static String formatDouble(double x, FormatSpec f, String typeName) {
        FloatMode m = floatMode(f, false);
        if (m == null) throw f.unknownType(typeName);
        if (m.percent) x *= 100;
        String body = FloatFormat.formatAbs(Math.abs(x), m.code, m.precision, m.flags);
        boolean negative = x < 0 || (x == 0 && 1 / x < 0);
        if (negative && f.noNegZero && isZeroText(body)) negative = false;
        int k = 0;
        while (k < body.length() && body.charAt(k) >= '0' && body.charAt(k) <= '9') k++;
        String rest = body.substring(k) + (m.percent ? "%" : "");
        return f.number(signOf(negative, f), "", body.substring(0, k), rest, 3);
    }

    // ---- complex ------------------------------------------------------------------------------

    /** complex.__format__. */
    public static String formatComplex(PyComplex v, String spec) {
        if (spec.isEmpty()) return Ops.strString(v);
        String typeName = v.type().name();
        FormatSpec f = FormatSpec.parse(spec, typeName, '>', (char) 0);
        if (f.fill == '0' && f.fillGiven) throw Errors.valueError("Zero padding is not allowed in complex format specifier");
        if (f.align == '=') throw Errors.valueError("'=' alignment flag is not allowed in complex format specifier");
        FloatMode m = floatMode(f, true);
        if (m == null) throw f.unknownType(typeName);
        double re = v.real, im = v.imag;
        boolean skipRe = false, parens = false;
        if (f.type == 0) {
            if (re == 0 && 1 / re > 0) skipRe = true;
            else parens = true;
        }
        StringBuilder sb = new StringBuilder();
        if (parens) sb.append('(');
        if (!skipRe) sb.append(part(re, f, m, signOf(false, f)));
        sb.append(part(im, f, m, skipRe ? signOf(false, f) : "+")).append('j');
        if (parens) sb.append(')');
        return f.pad(sb.toString(), '>');
    }

    private static String part(double x, FormatSpec f, FloatMode m, String positiveSign) {
        String body = FloatFormat.formatAbs(Math.abs(x), m.code, m.precision, m.flags);
        boolean negative = x < 0 || (x == 0 && 1 / x < 0);
        if (negative && f.noNegZero && isZeroText(body)) negative = false;
        int k = 0;
        while (k < body.length() && body.charAt(k) >= '0' && body.charAt(k) <= '9') k++;
        String digits = body.substring(0, k);
        if (f.grouping != 0 && k > 0) digits = FormatSpec.group(digits, f.grouping, 3, 0);
        return (negative ? "-" : positiveSign) + digits + body.substring(k);
    }

    // ---- str ----------------------------------------------------------------------------------

    /** str.__format__. */
    public static String formatStr(PyStr v, String spec) {
        if (spec.isEmpty()) return Ops.strString(v);
        String typeName = v.type().name();
        FormatSpec f = FormatSpec.parse(spec, typeName, '<', 's');
        if (f.type != 's') throw f.unknownType(typeName);
        if (f.sign == ' ') throw Errors.valueError("Space not allowed in string format specifier");
        if (f.sign != 0) throw Errors.valueError("Sign not allowed in string format specifier");
        if (f.noNegZero) throw Errors.valueError("Negative zero coercion (z) not allowed in string format specifier");
        if (f.alternate) throw Errors.valueError("Alternate form (#) not allowed in string format specifier");
        if (f.align == '=') throw Errors.valueError("'=' alignment not allowed in string format specifier");
        String s = v.value;
        if (f.precision >= 0 && v.length() > f.precision) s = v.substringCp(0, f.precision);
        return f.pad(s, '<');
    }
}
