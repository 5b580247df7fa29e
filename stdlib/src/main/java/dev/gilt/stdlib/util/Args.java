package dev.gilt.stdlib.util;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.ops.Ops;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument conversions shared by the Java stdlib modules, with CPython's error messages. All
 * arguments are borrowed; nothing here changes a reference count except where a method returns a
 * {@code PyObject} (then it is a new reference).
 */
public final class Args {
    private Args() {}

    public static boolean isNone(PyObject o) {
        return o == null || o == PyNone.NONE;
    }

    /** An int argument as a Java long (CPython's PyLong_AsLong after __index__). */
    public static long asLong(PyObject o) {
        if (o instanceof PyInt i) {
            if (i.big != null) throw Errors.overflow("Python int too large to convert to C long");
            return i.value;
        }
        PyObject r = index(o);
        try {
            return asLong(r);
        } finally {
            RefCount.decref(r);
        }
    }

    /** An int argument that must fit a Java int (CPython's "Python int too large to convert to C int"). */
    public static int asInt(PyObject o) {
        long v = asLong(o);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw Errors.overflow("Python int too large to convert to C int");
        }
        return (int) v;
    }

    /** __index__ of {@code o} as a new reference to an int (PyInt exact or subclass). */
    public static PyObject index(PyObject o) {
        if (o instanceof PyInt) return RefCount.newRef(o);
        Slots.Unary s = o.type().index;
        if (s == null) {
            throw Errors.typeError("'%s' object cannot be interpreted as an integer", o.type().name());
        }
        PyObject r = s.apply(o);
        if (!(r instanceof PyInt)) {
            String tn = r.type().name();
            RefCount.decref(r);
            throw Errors.typeError("__index__ returned non-int (type %s)", tn);
        }
        return r;
    }

    /** An integral argument as a BigInteger (via __index__). */
    public static BigInteger asBig(PyObject o) {
        if (o instanceof PyInt i) return i.bigValue();
        PyObject r = index(o);
        try {
            return ((PyInt) r).bigValue();
        } finally {
            RefCount.decref(r);
        }
    }

    /** True if {@code o} has __index__ (an int or an int-like object). */
    public static boolean isIndex(PyObject o) {
        return o instanceof PyInt || o.type().index != null;
    }

    /** A real-number argument as a double (CPython's PyFloat_AsDouble). */
    public static double asDouble(PyObject o) {
        if (o instanceof PyFloat f) return f.value;
        if (o instanceof PyInt i) return intToDouble(i);
        Slots.Unary s = o.type().asFloat;
        if (s != null) {
            PyObject r = s.apply(o);
            try {
                if (r instanceof PyFloat f) return f.value;
                throw Errors.typeError("%s.__float__ returned non-float (type %s)", o.type().name(), r.type().name());
            } finally {
                RefCount.decref(r);
            }
        }
        if (o.type().index != null) {
            PyObject r = index(o);
            try {
                return intToDouble((PyInt) r);
            } finally {
                RefCount.decref(r);
            }
        }
        throw Errors.typeError("must be real number, not %s", o.type().name());
    }

    /** int → float with CPython's OverflowError for huge values. */
    public static double intToDouble(PyInt i) {
        if (i.big == null) return (double) i.value;
        double d = i.big.doubleValue();
        if (Double.isInfinite(d)) throw Errors.overflow("int too large to convert to float");
        return d;
    }

    /** A str argument; {@code what} names it in the TypeError ("write() argument"). */
    public static String asStr(PyObject o, String what) {
        if (o instanceof PyStr s) return s.value;
        throw Errors.typeError("%s must be str, not %s", what, o.type().name());
    }

    /** The bytes of a bytes-like argument (bytes; other buffers later). */
    public static byte[] asBytes(PyObject o, String what) {
        if (o instanceof PyBytes b) return b.value;
        throw Errors.typeError("%s must be a bytes-like object, not '%s'", what, o.type().name());
    }

    public static boolean truth(PyObject o) {
        return o != null && Ops.isTrue(o);
    }

    /** A new str. */
    public static PyStr str(String s) {
        return PyStr.of(s);
    }

    public static PyObject bool(boolean b) {
        return PyBool.of(b);
    }

    public static PyObject none() {
        return PyNone.NONE;
    }

    /** A tuple that takes over the new references in {@code items}. */
    public static PyTuple tupleSteal(PyObject... items) {
        return PyTuple.steal(items);
    }

    /**
     * Drains an iterable into a Java list of new references (the caller decrefs each, or hands
     * them to {@link PyList#steal}). Lists and tuples are read directly.
     */
    public static List<PyObject> toList(PyObject iterable) {
        List<PyObject> out = new ArrayList<>();
        if (iterable instanceof PyList l && l.type() == PyList.TYPE) {
            for (int i = 0; i < l.size; i++) out.add(RefCount.newRef(l.items[i]));
            return out;
        }
        if (iterable instanceof PyTuple t && t.type() == PyTuple.TYPE) {
            for (PyObject x : t.items) out.add(RefCount.newRef(x));
            return out;
        }
        try (Iter it = Iter.of(iterable)) {
            PyObject x;
            while ((x = it.next()) != null) out.add(x);
        } catch (PyException e) {
            for (PyObject x : out) RefCount.decref(x);
            throw e;
        }
        return out;
    }

    /** Releases every reference in {@code items}. */
    public static void decrefAll(List<PyObject> items) {
        for (PyObject x : items) RefCount.xdecref(x);
    }

    /** A new list that steals the references in {@code items}. */
    public static PyList listSteal(List<PyObject> items) {
        return PyList.steal(items.toArray(new PyObject[0]), items.size());
    }

    /** Checks a fixed positional count for FV builtins that take no keywords. */
    public static void noKw(String fname, PyTuple kwnames) {
        if (kwnames != null && kwnames.size() > 0) throw Errors.typeError("%s() takes no keyword arguments", fname);
    }

    /** CPython's "f expected at most N arguments, got M" family for FV builtins. */
    public static void count(String fname, PyObject[] args, int min, int max) {
        int n = args.length;
        if (n < min) {
            if (min == max) {
                throw Errors.typeError("%s expected %d argument%s, got %d", fname, min, min == 1 ? "" : "s", n);
            }
            throw Errors.typeError("%s expected at least %d argument%s, got %d", fname, min, min == 1 ? "" : "s", n);
        }
        if (n > max) {
            if (min == max) {
                throw Errors.typeError("%s expected %d argument%s, got %d", fname, max, max == 1 ? "" : "s", n);
            }
            throw Errors.typeError("%s expected at most %d argument%s, got %d", fname, max, max == 1 ? "" : "s", n);
        }
    }

    /** repr(o) as a Java string; str values are rendered here (exactly as CPython) without a slot call. */
    public static String repr(PyObject o) {
        if (o.type().repr == null) {
            // Renderings of the core scalars for runtimes where their slots are not installed yet.
            if (o instanceof PyStr s && s.type() == PyStr.TYPE) return reprString(s.value);
            if (o instanceof PyInt i && (i.type() == PyInt.TYPE || i.type() == PyBool.TYPE)) return i.toString();
            if (o instanceof PyFloat f && f.type() == PyFloat.TYPE) return floatRepr(f.value);
            if (o == PyNone.NONE) return "None";
        }
        return Ops.reprString(o);
    }

    /** repr(float) as CPython: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        String sign = d < 0 ? "-" : "";
        java.math.BigDecimal bd = new java.math.BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int decpt = digits.length() - bd.scale();
        if (digits.length() == 2) {
            // Java prints at least two significant digits (4.9E-324); CPython the shortest (5e-324):
            // the exact value rounded to one digit, when that still reads back as the same double.
            java.math.BigDecimal one = new java.math.BigDecimal(Math.abs(d)).round(new java.math.MathContext(1));
            if (one.doubleValue() == Math.abs(d)) {
                one = one.stripTrailingZeros();
                digits = one.unscaledValue().toString();
                decpt = digits.length() - one.scale();
            }
        }
        StringBuilder sb = new StringBuilder(sign);
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            int e = decpt - 1;
            sb.append('e').append(e < 0 ? '-' : '+');
            int ae = Math.abs(e);
            if (ae < 10) sb.append('0');
            sb.append(ae);
        }
        return sb.toString();
    }

    /** Python repr of a Java string (single quotes unless the text has ' and no "). */
    public static String reprString(String s) {
        boolean hasSingle = s.indexOf('\'') >= 0, hasDouble = s.indexOf('"') >= 0;
        char q = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(q);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == q || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else if (c >= 0x80 && !isPrintable(c)) {
                if (c <= 0xff) sb.append(String.format("\\x%02x", c));
                else if (c <= 0xffff) sb.append(String.format("\\u%04x", c));
                else sb.append(String.format("\\U%08x", c));
            } else {
                sb.appendCodePoint(c);
            }
        }
        return sb.append(q).toString();
    }

    /** Approximates CPython's str.isprintable for one code point. */
    public static boolean isPrintable(int c) {
        if (c == ' ') return true;
        int t = Character.getType(c);
        switch (t) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
