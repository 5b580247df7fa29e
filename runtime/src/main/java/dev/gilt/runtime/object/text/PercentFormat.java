package dev.gilt.runtime.object.text;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyByteArray;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.number.FloatFormat;
import dev.gilt.runtime.object.number.IntParse;
import dev.gilt.runtime.ops.Ops;
import java.nio.charset.StandardCharsets;

/**
 * printf-style formatting, {@code str % args} and {@code bytes % args} (CPython's
 * PyUnicode_Format / _PyBytes_FormatEx behaviour): flags, width and precision (with '*'),
 * {@code %(key)s} mapping keys, and the conversions s r a c d i u o x X e E f F g G %.
 * Bytes are handled as Latin-1 text internally (every char below 256).
 */
public final class PercentFormat {
    private final String fmt;
    private final boolean bytes;
    /** Current argument source: the tuple's items, a single argument, or a keyed value. */
    private PyObject[] items;
    private int idx;
    /** The mapping for %(key)s, or null. */
    private final PyObject dict;
    private final StringBuilder out;

    private PercentFormat(String fmt, PyObject args, boolean bytes) {
        this.fmt = fmt;
        this.bytes = bytes;
        this.out = new StringBuilder(fmt.length() + 16);
        if (args instanceof PyTuple t) {
            items = t.items;
            dict = null;
        } else {
            items = new PyObject[] {args};
            boolean mapping = args.type().getitem != null && !(args instanceof PyStr)
                    && !(bytes && args instanceof PyBytes);
            dict = mapping ? args : null;
        }
    }

    /** {@code fmt % args} for str. */
    public static String formatStr(String fmt, PyObject args) {
        PercentFormat f = new PercentFormat(fmt, args, false);
        f.run();
        return f.out.toString();
    }

    /** {@code fmt % args} for bytes and bytearray. */
    public static byte[] formatBytes(byte[] fmt, int len, PyObject args) {
        PercentFormat f = new PercentFormat(new String(fmt, 0, len, StandardCharsets.ISO_8859_1), args, true);
        f.run();
        return f.out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private PyObject nextArg() {
        if (idx < items.length) return items[idx++];
        throw Errors.typeError("not enough arguments for format string");
    }

    private void run() {
        String s = fmt;
        int n = s.length(), i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '%') {
                int j = s.indexOf('%', i);
                if (j < 0) j = n;
                out.append(s, i, j);
                i = j;
                continue;
            }
            i = spec(i + 1);
        }
        if (idx < items.length && dict == null) {
            throw Errors.typeError(bytes ? "not all arguments converted during bytes formatting"
                    : "not all arguments converted during string formatting");
        }
    }

    /** Handles one conversion starting after '%'; returns the index after it. */
    private int spec(int i) {
        String s = fmt;
        int n = s.length();
        if (i >= n) throw Errors.valueError("incomplete format");
        if (s.charAt(i) == '%') {
            out.append('%');
            return i + 1;
        }
        PyObject keyed = null;
        try {
            if (s.charAt(i) == '(') {
                if (dict == null) throw Errors.typeError("format requires a mapping");
                int depth = 1, j = ++i;
                while (i < n && depth > 0) {
                    char c = s.charAt(i);
                    if (c == '(') depth++;
                    else if (c == ')') depth--;
                    i++;
                }
                if (depth > 0) throw Errors.valueError("incomplete format key");
                String k = s.substring(j, i - 1);
                PyObject key = bytes ? PyBytes.of(k.getBytes(StandardCharsets.ISO_8859_1)) : PyStr.of(k);
                try {
                    keyed = Ops.getItem(dict, key);
                } finally {
                    RefCount.decref(key);
                }
                items = new PyObject[] {keyed};
                idx = 0;
            }
            boolean left = false, plus = false, space = false, alt = false, zero = false;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c == '-') left = true;
                else if (c == '+') plus = true;
                else if (c == ' ') space = true;
                else if (c == '#') alt = true;
                else if (c == '0') zero = true;
                else break;
            }
            long width = -1, prec = -1;
            if (i < n && s.charAt(i) == '*') {
                width = starArg();
                if (width < 0) {
                    left = true;
                    width = -width;
                }
                i++;
            } else {
                int j = i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
                if (i > j) width = parseNum(s.substring(j, i));
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
                if (i < n && s.charAt(i) == '*') {
                    prec = Math.max(0, starArg());
                    i++;
                } else {
                    int j = i;
                    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
                    prec = i > j ? parseNum(s.substring(j, i)) : 0;
                }
            }
            while (i < n && (s.charAt(i) == 'h' || s.charAt(i) == 'l' || s.charAt(i) == 'L')) i++;
            if (i >= n) throw Errors.valueError("incomplete format");
            char type = s.charAt(i);
            PyObject v = nextArg();
            String body;
            String sign = "";
            String prefix = "";
            boolean numeric = false;
            switch (type) {
                case 's', 'r', 'a', 'b' -> {
                    if (type == 'b' && !bytes) throw unsupported(type, i);
                    body = text(v, type);
                    if (prec >= 0 && prec < body.length()) body = truncate(body, (int) prec);
                }
                case 'c' -> body = charOf(v);
                case 'd', 'i', 'u', 'o', 'x', 'X' -> {
                    PyInt iv = integer(v, type);
                    try {
                        int radix = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
                        String digits = IntParse.toBase(iv, radix, false);
                        boolean neg = digits.startsWith("-");
                        if (neg) digits = digits.substring(1);
                        if (radix == 10) IntParse.toDecimal(iv);
                        if (type == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
                        if (prec > digits.length()) digits = "0".repeat((int) (prec - digits.length())) + digits;
                        sign = neg ? "-" : plus ? "+" : space ? " " : "";
                        if (alt && radix != 10) prefix = type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
                        body = digits;
                        numeric = true;
                    } finally {
                        RefCount.decref(iv);
                    }
                }
                case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                    double d = PyFloat.asDouble(v, false);
                    int flags = (alt ? FloatFormat.ALT : 0) | (Character.isUpperCase(type) ? FloatFormat.UPPER : 0);
                    body = FloatFormat.formatAbs(Math.abs(d), Character.toLowerCase(type), prec < 0 ? 6 : (int) prec, flags);
                    boolean neg = d < 0 || (d == 0 && 1 / d < 0);
                    sign = neg ? "-" : plus ? "+" : space ? " " : "";
                    numeric = true;
                }
                default -> throw unsupported(type, i);
            }
            int len = sign.length() + prefix.length() + body.codePointCount(0, body.length());
            if (width > len) {
                int pad = (int) (width - len);
                if (left) {
                    out.append(sign).append(prefix).append(body).append(" ".repeat(pad));
                } else if (zero && numeric) {
                    out.append(sign).append(prefix).append("0".repeat(pad)).append(body);
                } else {
                    out.append(" ".repeat(pad)).append(sign).append(prefix).append(body);
                }
            } else {
                out.append(sign).append(prefix).append(body);
            }
            return i + 1;
        } finally {
            RefCount.xdecref(keyed);
        }
    }

    private static long parseNum(String digits) {
        if (digits.length() > 9) throw Errors.valueError(digits.length() > 18 ? "width too big" : "width too big");
        return Long.parseLong(digits);
    }

    private long starArg() {
        PyObject w = nextArg();
        if (!(w instanceof PyInt wi)) throw Errors.typeError("* wants int");
        if (wi.big != null || Math.abs(wi.value) > Integer.MAX_VALUE) throw Errors.overflow("width too big");
        return wi.value;
    }

    private dev.gilt.runtime.error.PyException unsupported(char type, int index) {
        int cpIndex = fmt.codePointCount(0, index);
        String shown = type < 128 ? String.valueOf(type) : "?";
        return Errors.valueError("unsupported format character '%s' (0x%x) at index %d", shown, (int) type, cpIndex);
    }

    private String truncate(String body, int prec) {
        if (bytes) return body.substring(0, prec);
        int end = body.offsetByCodePoints(0, Math.min(prec, body.codePointCount(0, body.length())));
        return body.substring(0, end);
    }

    private String text(PyObject v, char type) {
        if (type == 'r' || type == 'a') {
            PyStr r = type == 'a' || bytes ? StrFormatter.ascii(v) : Ops.repr(v);
            try {
                return r.value;
            } finally {
                RefCount.decref(r);
            }
        }
        if (!bytes) return Ops.strString(v);
        if (v instanceof PyBytes || v instanceof PyByteArray) return latin1(PyBytes.bytesOf(v));
        PyObject m = v.type().lookup("__bytes__");
        if (m != null) {
            PyObject r = Formatting.callMethod(m, v);
            try {
                if (!(r instanceof PyBytes rb)) {
                    throw Errors.typeError("__bytes__ returned non-bytes (type %s)", r.type().name());
                }
                return latin1(rb.value);
            } finally {
                RefCount.decref(r);
            }
        }
        throw Errors.typeError("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                v.type().name());
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private String charOf(PyObject v) {
        if (bytes) {
            if (v instanceof PyInt iv) {
                if (iv.big != null || iv.value < 0 || iv.value > 255) throw Errors.overflow("%c arg not in range(256)");
                return String.valueOf((char) iv.value);
            }
            if ((v instanceof PyBytes || v instanceof PyByteArray) && PyBytes.bytesOf(v).length == 1) {
                return String.valueOf((char) (PyBytes.bytesOf(v)[0] & 0xff));
            }
            throw Errors.typeError("%c requires an integer in range(256) or a single byte");
        }
        if (v instanceof PyStr sv) {
            if (sv.length() != 1) throw Errors.typeError("%c requires int or char");
            return sv.value;
        }
        if (v instanceof PyInt || v.type().index != null) {
            PyInt iv = PyInt.index(v);
            try {
                if (iv.big != null || iv.value < 0 || iv.value > 0x10ffff) throw Errors.overflow("%c arg not in range(0x110000)");
                return Character.toString((int) iv.value);
            } finally {
                RefCount.decref(iv);
            }
        }
        throw Errors.typeError("%c requires int or char");
    }

    /** The integer for %d (any real number, truncated) or %o %x %X (an index). New reference. */
    private static PyInt integer(PyObject v, char type) {
        if (v instanceof PyInt) return PyInt.index(v);
        boolean number = v.type().index != null || v.type().asInt != null || v.type().asFloat != null;
        if (type == 'o' || type == 'x' || type == 'X') {
            if (v.type().index == null) {
                throw Errors.typeError("%%%c format: an integer is required, not %s", type, v.type().name());
            }
            return PyInt.index(v);
        }
        if (!number) throw Errors.typeError("%%%c format: a real number is required, not %s", type, v.type().name());
        if (v.type().index != null) return PyInt.index(v);
        return PyInt.construct(v, null);
    }
}
