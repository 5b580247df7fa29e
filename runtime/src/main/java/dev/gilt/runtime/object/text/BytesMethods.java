package dev.gilt.runtime.object.text;

import dev.gilt.runtime.object.collections.ClassMethodDescr;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyByteArray;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.ops.Ops;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The methods bytes and bytearray share (CPython's Objects/bytes_methods.c and stringlib),
 * installed on both types by {@link #install}. Each works on the receiver's bytes (a copy-free
 * view: array and length) and builds results of the receiver's kind (bytes or bytearray).
 */
public final class BytesMethods {
    private BytesMethods() {}

    /** The receiver's contents: array and length (bytearray's buffer may be longer). */
    record View(byte[] b, int n) {
        byte[] copy(int from, int to) {
            return Arrays.copyOfRange(b, from, to);
        }
    }

    static View view(PyObject o) {
        if (o instanceof PyBytes x) return new View(x.value, x.value.length);
        PyByteArray a = (PyByteArray) o;
        return new View(a.buf, a.size);
    }

    /** The bytes of a bytes-like argument, or TypeError "a bytes-like object is required, not 'str'". */
    public static byte[] bytesLike(PyObject o) {
        if (o instanceof PyBytes x) return x.value;
        if (o instanceof PyByteArray a) return Arrays.copyOf(a.buf, a.size);
        throw Errors.typeError("a bytes-like object is required, not '%s'", o.type().name());
    }

    /** A result of the receiver's kind. */
    static PyObject make(PyObject self, byte[] b) {
        return self instanceof PyByteArray ? PyByteArray.of(b) : PyBytes.of(b);
    }

    static String kind(PyObject self) {
        return self instanceof PyByteArray ? "bytearray" : "bytes";
    }

    static boolean isSpace(int c) {
        return c == ' ' || (c >= 9 && c <= 13);
    }

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    // ---- search -------------------------------------------------------------------------------

    /** The needle of find/count/index: bytes-like or an int in range(256). */
    private static byte[] needle(PyObject o) {
        if (o instanceof PyInt || (!(o instanceof PyBytes) && !(o instanceof PyByteArray) && o.type().index != null)) {
            long v = PyInt.asIndex(o);
            if (v < 0 || v > 255) throw Errors.valueError("byte must be in range(0, 256)");
            return new byte[] {(byte) v};
        }
        if (o instanceof PyBytes || o instanceof PyByteArray) return bytesLike(o);
        throw Errors.typeError("argument should be integer or bytes-like object, not '%s'", o.type().name());
    }

    public static int indexOf(byte[] h, int from, int to, byte[] nd) {
        int m = nd.length;
        outer:
        for (int i = Math.max(from, 0); i + m <= to; i++) {
            for (int k = 0; k < m; k++) if (h[i + k] != nd[k]) continue outer;
            return i;
        }
        return -1;
    }

    static int lastIndexOf(byte[] h, int from, int to, byte[] nd) {
        int m = nd.length;
        outer:
        for (int i = to - m; i >= from; i--) {
            for (int k = 0; k < m; k++) if (h[i + k] != nd[k]) continue outer;
            return i;
        }
        return -1;
    }

    private static long find(PyObject self, PyObject[] a, boolean reverse) {
        View v = view(self);
        byte[] nd = needle(a[0]);
        long[] r = Slices.range(a.length > 1 ? a[1] : null, a.length > 2 ? a[2] : null, v.n);
        if (r[0] > v.n) return -1;
        int from = (int) r[0], to = (int) Math.max(r[0], r[1]);
        return reverse ? lastIndexOf(v.b, from, to, nd) : indexOf(v.b, from, to, nd);
    }

    private static long count(PyObject self, PyObject[] a) {
        View v = view(self);
        byte[] nd = needle(a[0]);
        long[] r = Slices.range(a.length > 1 ? a[1] : null, a.length > 2 ? a[2] : null, v.n);
        if (r[0] > v.n) return 0;
        int from = (int) r[0], to = (int) Math.max(r[0], r[1]);
        if (nd.length == 0) return to - from + 1;
        long c = 0;
        int i = from;
        while ((i = indexOf(v.b, i, to, nd)) >= 0) {
            c++;
            i += nd.length;
        }
        return c;
    }

    private static PyObject startsOrEnds(PyObject self, PyObject[] a, boolean ends) {
        String fn = ends ? "endswith" : "startswith";
        View v = view(self);
        long[] r = Slices.range(a.length > 1 ? a[1] : null, a.length > 2 ? a[2] : null, v.n);
        PyObject p = a[0];
        if (p instanceof PyTuple t) {
            for (PyObject item : t.items) {
                if (!(item instanceof PyBytes || item instanceof PyByteArray)) {
                    throw Errors.typeError("a bytes-like object is required, not '%s'", item.type().name());
                }
                if (matches(v, bytesLike(item), r, ends)) return PyBool.TRUE;
            }
            return PyBool.FALSE;
        }
        if (!(p instanceof PyBytes || p instanceof PyByteArray)) {
            throw Errors.typeError("%s first arg must be bytes or a tuple of bytes, not %s", fn, p.type().name());
        }
        return PyBool.of(matches(v, bytesLike(p), r, ends));
    }

    private static boolean matches(View v, byte[] p, long[] r, boolean ends) {
        if (r[0] > v.n) return false;
        long from = r[0], to = Math.max(r[0], r[1]);
        if (to - from < p.length) return false;
        int at = (int) (ends ? to - p.length : from);
        for (int k = 0; k < p.length; k++) if (v.b[at + k] != p[k]) return false;
        return true;
    }

    // ---- split, join, strip -------------------------------------------------------------------

    private static final ArgParser SPLIT = ArgParser.of("split", 0, 0, "sep", "maxsplit");
    private static final ArgParser RSPLIT = ArgParser.of("rsplit", 0, 0, "sep", "maxsplit");

    private static PyList split(PyObject self, PyObject[] a, boolean reverse) {
        View v = view(self);
        long max = a[1] == null ? -1 : PyInt.asIndex(a[1]);
        if (max < 0) max = Long.MAX_VALUE;
        java.util.ArrayList<byte[]> parts = new java.util.ArrayList<>();
        if (a[0] == null || a[0] == PyNone.NONE) {
            if (!reverse) {
                int i = 0;
                while (true) {
                    while (i < v.n && isSpace(v.b[i])) i++;
                    if (i >= v.n) break;
                    if (max == 0) {
                        parts.add(v.copy(i, v.n)); // the rest keeps its trailing whitespace
                        break;
                    }
                    int j = i;
                    while (j < v.n && !isSpace(v.b[j])) j++;
                    parts.add(v.copy(i, j));
                    max--;
                    i = j;
                }
            } else {
                int i = v.n;
                while (true) {
                    while (i > 0 && isSpace(v.b[i - 1])) i--;
                    if (i <= 0) break;
                    if (max == 0) {
                        parts.add(0, v.copy(0, i)); // the rest keeps its leading whitespace
                        break;
                    }
                    int j = i;
                    while (j > 0 && !isSpace(v.b[j - 1])) j--;
                    parts.add(0, v.copy(j, i));
                    max--;
                    i = j;
                }
            }
        } else {
            byte[] sep = bytesLike(a[0]);
            if (sep.length == 0) throw Errors.valueError("empty separator");
            if (!reverse) {
                int start = 0, k;
                while (max > 0 && (k = indexOf(v.b, start, v.n, sep)) >= 0) {
                    parts.add(v.copy(start, k));
                    start = k + sep.length;
                    max--;
                }
                parts.add(v.copy(start, v.n));
            } else {
                int end = v.n, k;
                while (max > 0 && (k = lastIndexOf(v.b, 0, end, sep)) >= 0) {
                    parts.add(0, v.copy(k + sep.length, end));
                    end = k;
                    max--;
                }
                parts.add(0, v.copy(0, end));
            }
        }
        PyList out = new PyList(parts.size());
        for (byte[] p : parts) out.appendSteal(make(self, p));
        return out;
    }

    private static PyObject join(PyObject self, PyObject iterable) {
        View sep = view(self);
        PyObject it = Ops.iter(iterable);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PyObject x;
            int i = 0;
            while ((x = Ops.next(it)) != null) {
                try {
                    if (!(x instanceof PyBytes || x instanceof PyByteArray)) {
                        throw Errors.typeError("sequence item %d: expected a bytes-like object, %s found", i,
                                x.type().name());
                    }
                    if (i > 0) out.write(sep.b, 0, sep.n);
                    View xv = view(x);
                    out.write(xv.b, 0, xv.n);
                } finally {
                    RefCount.decref(x);
                }
                i++;
            }
        } finally {
            RefCount.decref(it);
        }
        return make(self, out.toByteArray());
    }

    private static PyObject strip(PyObject self, PyObject[] a, boolean left, boolean right) {
        View v = view(self);
        byte[] set = a.length == 0 || a[0] == PyNone.NONE ? null : bytesLike(a[0]);
        int i = 0, j = v.n;
        if (left) while (i < j && (set == null ? isSpace(v.b[i]) : contains(set, v.b[i]))) i++;
        if (right) while (j > i && (set == null ? isSpace(v.b[j - 1]) : contains(set, v.b[j - 1]))) j--;
        if (i == 0 && j == v.n && self.getClass() == PyBytes.class) return RefCount.newRef(self);
        return make(self, v.copy(i, j));
    }

    private static boolean contains(byte[] set, byte c) {
        for (byte s : set) if (s == c) return true;
        return false;
    }

    private static PyObject partition(PyObject self, PyObject sepO, boolean reverse) {
        View v = view(self);
        byte[] sep = bytesLike(sepO);
        if (sep.length == 0) throw Errors.valueError("empty separator");
        int k = reverse ? lastIndexOf(v.b, 0, v.n, sep) : indexOf(v.b, 0, v.n, sep);
        if (k < 0) {
            PyObject whole = make(self, v.copy(0, v.n));
            return reverse ? PyTuple.steal(make(self, new byte[0]), make(self, new byte[0]), whole)
                    : PyTuple.steal(whole, make(self, new byte[0]), make(self, new byte[0]));
        }
        return PyTuple.steal(make(self, v.copy(0, k)), make(self, sep.clone()), make(self, v.copy(k + sep.length, v.n)));
    }

    private static PyList splitlines(PyObject self, boolean keep) {
        View v = view(self);
        PyList out = new PyList();
        int i = 0;
        while (i < v.n) {
            int j = i;
            while (j < v.n && v.b[j] != '\n' && v.b[j] != '\r') j++;
            int eol = j;
            if (j < v.n) j += v.b[j] == '\r' && j + 1 < v.n && v.b[j + 1] == '\n' ? 2 : 1;
            out.appendSteal(make(self, v.copy(i, keep ? j : eol)));
            i = j;
        }
        return out;
    }

    // ---- transformations ----------------------------------------------------------------------

    @FunctionalInterface
    interface ByteMap {
        int map(int c, int prev);
    }

    private static PyObject mapBytes(PyObject self, ByteMap f) {
        View v = view(self);
        byte[] out = new byte[v.n];
        int prev = -1;
        for (int i = 0; i < v.n; i++) {
            int c = v.b[i] & 0xff;
            out[i] = (byte) f.map(c, prev);
            prev = c;
        }
        return make(self, out);
    }

    static int upper(int c) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static PyObject pad(PyObject self, PyObject[] a, char how, String name) {
        View v = view(self);
        long width = PyInt.asIndex(a[0]);
        byte fill = ' ';
        if (a.length > 1) {
            if (!((a[1] instanceof PyBytes || a[1] instanceof PyByteArray) && bytesLike(a[1]).length == 1)) {
                throw Errors.typeError("%s() argument 2 must be a byte string of length 1, not %s", name, a[1].type().name());
            }
            fill = bytesLike(a[1])[0];
        }
        if (width <= v.n) return make(self, v.copy(0, v.n));
        long marg = width - v.n;
        long left = switch (how) {
            case '<' -> 0;
            case '>' -> marg;
            default -> marg / 2 + (marg & width & 1);
        };
        byte[] out = new byte[(int) width];
        Arrays.fill(out, fill);
        System.arraycopy(v.b, 0, out, (int) left, v.n);
        return make(self, out);
    }

    private static PyObject replace(PyObject self, PyObject[] a) {
        View v = view(self);
        byte[] old = bytesLike(a[0]), rep = bytesLike(a[1]);
        long count = a.length > 2 ? PyInt.asIndex(a[2]) : -1;
        String s = new String(v.b, 0, v.n, java.nio.charset.StandardCharsets.ISO_8859_1);
        String r = StrMethods.replace(s, latin1(old), latin1(rep), count);
        return make(self, r.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static String latin1(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static PyObject translate(PyObject self, PyObject[] a) {
        View v = view(self);
        byte[] table = null;
        if (a[0] != PyNone.NONE) {
            table = bytesLike(a[0]);
            if (table.length != 256) throw Errors.valueError("translation table must be 256 characters long");
        }
        byte[] del = a.length > 1 ? bytesLike(a[1]) : new byte[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream(v.n);
        for (int i = 0; i < v.n; i++) {
            byte c = v.b[i];
            if (contains(del, c)) continue;
            out.write(table == null ? c : table[c & 0xff]);
        }
        return make(self, out.toByteArray());
    }

    /** bytes.hex([sep[, bytes_per_sep]]). */
    public static String hex(byte[] b, int n, PyObject sepO, PyObject perO) {
        String sep = null;
        if (sepO != null) {
            if (sepO instanceof PyStr s) sep = s.value;
            else if (sepO instanceof PyBytes || sepO instanceof PyByteArray) sep = latin1(bytesLike(sepO));
            else throw Errors.typeError("sep must be str or bytes.");
            if (sep.length() != 1) throw Errors.valueError("sep must be length 1.");
        }
        long per = perO == null ? 1 : PyInt.asIndex(perO);
        StringBuilder sb = new StringBuilder(n * 3);
        long group = Math.abs(per);
        for (int i = 0; i < n; i++) {
            if (sep != null && i > 0 && group > 0) {
                // positive: groups counted from the right; negative: from the left
                long pos = per > 0 ? n - i : i;
                if (pos % group == 0) sb.append(sep);
            }
            int c = b[i] & 0xff;
            sb.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
        }
        return sb.toString();
    }

    /** bytes.fromhex(string): pairs of hex digits, spaces between pairs allowed. */
    public static byte[] fromHex(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() / 2);
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c < 128 && isSpace(c)) {
                i++;
                continue;
            }
            int hi = c < 128 ? Character.digit(c, 16) : -1;
            if (hi < 0) throw nonHex(i);
            if (i + 1 >= n) throw nonHex(i + 1);
            char d = s.charAt(i + 1);
            int lo = d < 128 ? Character.digit(d, 16) : -1;
            if (lo < 0) throw nonHex(i + 1);
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toByteArray();
    }

    private static PyException nonHex(int pos) {
        return Errors.valueError("non-hexadecimal number found in fromhex() arg at position %d", pos);
    }

    private static PyObject all(PyObject self, java.util.function.IntPredicate p) {
        View v = view(self);
        if (v.n == 0) return PyBool.FALSE;
        for (int i = 0; i < v.n; i++) if (!p.test(v.b[i] & 0xff)) return PyBool.FALSE;
        return PyBool.TRUE;
    }

    private static PyObject isCase(PyObject self, boolean upper) {
        View v = view(self);
        boolean cased = false;
        for (int i = 0; i < v.n; i++) {
            int c = v.b[i] & 0xff;
            if (upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) return PyBool.FALSE;
            if (upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z')) cased = true;
        }
        return PyBool.of(cased);
    }

    private static PyObject istitle(PyObject self) {
        View v = view(self);
        boolean cased = false, prev = false;
        for (int i = 0; i < v.n; i++) {
            int c = v.b[i] & 0xff;
            if (c >= 'A' && c <= 'Z') {
                if (prev) return PyBool.FALSE;
                prev = cased = true;
            } else if (c >= 'a' && c <= 'z') {
                if (!prev) return PyBool.FALSE;
                prev = cased = true;
            } else {
                prev = false;
            }
        }
        return PyBool.of(cased);
    }

    private static PyObject expandtabs(PyObject self, long tabsize) {
        View v = view(self);
        ByteArrayOutputStream out = new ByteArrayOutputStream(v.n);
        long col = 0;
        for (int i = 0; i < v.n; i++) {
            byte c = v.b[i];
            if (c == '\t') {
                if (tabsize > 0) {
                    long k = tabsize - col % tabsize;
                    for (long j = 0; j < k; j++) out.write(' ');
                    col += k;
                }
            } else {
                out.write(c);
                col = c == '\n' || c == '\r' ? 0 : col + 1;
            }
        }
        return make(self, out.toByteArray());
    }

    // ---- install ------------------------------------------------------------------------------

    private static PyObject[] pos(String name, PyObject[] a, PyTuple kw, int min, int max) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("%s() takes no keyword arguments", name);
        return StrMethods.positional(name, a, kw, min, max);
    }

    private static final ArgParser DECODE = ArgParser.of("decode", 0, 0, "encoding", "errors");
    private static final ArgParser HEX = ArgParser.of("hex", 0, 0, "sep", "bytes_per_sep");
    private static final ArgParser SPLITLINES = ArgParser.of("splitlines", 0, 0, "keepends");
    private static final ArgParser EXPANDTABS = ArgParser.of("expandtabs", 0, 0, "tabsize");

    /** Defines the shared methods on bytes' or bytearray's type. */
    public static void install(PyType t) {
        PyMethodDescr.define(t, "decode", (Fn.FV) (o, a, kw) -> {
            PyObject[] p = DECODE.parse(a, kw);
            View v = view(o);
            String enc = p[0] == null ? "utf-8" : PyStr.argString(p[0], "decode", "encoding");
            String err = p[1] == null ? "strict" : PyStr.argString(p[1], "decode", "errors");
            return PyStr.of(Codecs.decode(v.b, 0, v.n, enc, err));
        });
        PyMethodDescr.define(t, "hex", (Fn.FV) (o, a, kw) -> {
            PyObject[] p = HEX.parse(a, kw);
            View v = view(o);
            return PyStr.of(hex(v.b, v.n, p[0], p[1]));
        });
        ClassMethodDescr.define(t, "fromhex", (cls, a, kw) -> {
            pos("fromhex", a, kw, 1, 1);
            if (!(a[0] instanceof PyStr s)) throw Errors.typeError("fromhex() argument must be str, not %s", a[0].type().name());
            byte[] b = fromHex(s.value);
            PyObject r = t == PyByteArray.TYPE ? PyByteArray.of(b) : PyBytes.of(b);
            if (cls == t) return r;
            try {
                return Ops.call(cls, r);
            } finally {
                RefCount.decref(r);
            }
        });
        PyMethodDescr.define(t, "find", (Fn.FV) (o, a, kw) -> PyInt.of(find(o, pos("find", a, kw, 1, 3), false)));
        PyMethodDescr.define(t, "rfind", (Fn.FV) (o, a, kw) -> PyInt.of(find(o, pos("rfind", a, kw, 1, 3), true)));
        PyMethodDescr.define(t, "index", (Fn.FV) (o, a, kw) -> {
            long r = find(o, pos("index", a, kw, 1, 3), false);
            if (r < 0) throw Errors.valueError("subsection not found");
            return PyInt.of(r);
        });
        PyMethodDescr.define(t, "rindex", (Fn.FV) (o, a, kw) -> {
            long r = find(o, pos("rindex", a, kw, 1, 3), true);
            if (r < 0) throw Errors.valueError("subsection not found");
            return PyInt.of(r);
        });
        PyMethodDescr.define(t, "count", (Fn.FV) (o, a, kw) -> PyInt.of(count(o, pos("count", a, kw, 1, 3))));
        PyMethodDescr.define(t, "startswith", (Fn.FV) (o, a, kw) -> startsOrEnds(o, pos("startswith", a, kw, 1, 3), false));
        PyMethodDescr.define(t, "endswith", (Fn.FV) (o, a, kw) -> startsOrEnds(o, pos("endswith", a, kw, 1, 3), true));
        PyMethodDescr.define(t, "split", (Fn.FV) (o, a, kw) -> split(o, SPLIT.parse(a, kw), false));
        PyMethodDescr.define(t, "rsplit", (Fn.FV) (o, a, kw) -> split(o, RSPLIT.parse(a, kw), true));
        PyMethodDescr.define(t, "splitlines", (Fn.FV) (o, a, kw) -> {
            PyObject[] p = SPLITLINES.parse(a, kw);
            return splitlines(o, p[0] != null && Ops.isTrue(p[0]));
        });
        PyMethodDescr.define(t, "join", (Fn.F1) BytesMethods::join);
        PyMethodDescr.define(t, "strip", (Fn.FV) (o, a, kw) -> strip(o, pos("strip", a, kw, 0, 1), true, true));
        PyMethodDescr.define(t, "lstrip", (Fn.FV) (o, a, kw) -> strip(o, pos("lstrip", a, kw, 0, 1), true, false));
        PyMethodDescr.define(t, "rstrip", (Fn.FV) (o, a, kw) -> strip(o, pos("rstrip", a, kw, 0, 1), false, true));
        PyMethodDescr.define(t, "partition", (Fn.F1) (o, s) -> partition(o, s, false));
        PyMethodDescr.define(t, "rpartition", (Fn.F1) (o, s) -> partition(o, s, true));
        PyMethodDescr.define(t, "replace", (Fn.FV) (o, a, kw) -> replace(o, pos("replace", a, kw, 2, 3)));
        PyMethodDescr.define(t, "translate", (Fn.FV) (o, a, kw) -> translate(o, pos("translate", a, kw, 1, 2)));
        PyMethodDescr.define(t, "center", (Fn.FV) (o, a, kw) -> pad(o, pos("center", a, kw, 1, 2), '^', "center"));
        PyMethodDescr.define(t, "ljust", (Fn.FV) (o, a, kw) -> pad(o, pos("ljust", a, kw, 1, 2), '<', "ljust"));
        PyMethodDescr.define(t, "rjust", (Fn.FV) (o, a, kw) -> pad(o, pos("rjust", a, kw, 1, 2), '>', "rjust"));
        PyMethodDescr.define(t, "zfill", (Fn.F1) (o, w) -> {
            View v = view(o);
            long width = PyInt.asIndex(w);
            if (width <= v.n) return make(o, v.copy(0, v.n));
            byte[] out = new byte[(int) width];
            Arrays.fill(out, (byte) '0');
            int fill = (int) (width - v.n);
            if (v.n > 0 && (v.b[0] == '+' || v.b[0] == '-')) {
                out[0] = v.b[0];
                System.arraycopy(v.b, 1, out, fill + 1, v.n - 1);
            } else {
                System.arraycopy(v.b, 0, out, fill, v.n);
            }
            return make(o, out);
        });
        PyMethodDescr.define(t, "expandtabs", (Fn.FV) (o, a, kw) -> {
            PyObject[] p = EXPANDTABS.parse(a, kw);
            return expandtabs(o, p[0] == null ? 8 : PyInt.asIndex(p[0]));
        });
        PyMethodDescr.define(t, "removeprefix", (Fn.F1) (o, p) -> {
            View v = view(o);
            byte[] pre = bytesLike(p);
            boolean has = pre.length > 0 && matches(v, pre, new long[] {0, v.n}, false);
            return make(o, v.copy(has ? pre.length : 0, v.n));
        });
        PyMethodDescr.define(t, "removesuffix", (Fn.F1) (o, p) -> {
            View v = view(o);
            byte[] suf = bytesLike(p);
            boolean has = suf.length > 0 && matches(v, suf, new long[] {0, v.n}, true);
            return make(o, v.copy(0, has ? v.n - suf.length : v.n));
        });
        PyMethodDescr.define(t, "upper", (Fn.F0) o -> mapBytes(o, (c, p) -> upper(c)));
        PyMethodDescr.define(t, "lower", (Fn.F0) o -> mapBytes(o, (c, p) -> lower(c)));
        PyMethodDescr.define(t, "swapcase", (Fn.F0) o -> mapBytes(o, (c, p) -> c >= 'a' && c <= 'z' ? c - 32
                : c >= 'A' && c <= 'Z' ? c + 32 : c));
        PyMethodDescr.define(t, "capitalize", (Fn.F0) o -> mapBytes(o, (c, p) -> p < 0 ? upper(c) : lower(c)));
        PyMethodDescr.define(t, "title", (Fn.F0) o -> mapBytes(o, (c, p) -> p >= 0 && isAlpha(p) ? lower(c) : upper(c)));
        PyMethodDescr.define(t, "isdigit", (Fn.F0) o -> all(o, BytesMethods::isDigit));
        PyMethodDescr.define(t, "isalpha", (Fn.F0) o -> all(o, BytesMethods::isAlpha));
        PyMethodDescr.define(t, "isalnum", (Fn.F0) o -> all(o, c -> isAlpha(c) || isDigit(c)));
        PyMethodDescr.define(t, "isspace", (Fn.F0) o -> all(o, BytesMethods::isSpace));
        PyMethodDescr.define(t, "isascii", (Fn.F0) o -> {
            View v = view(o);
            for (int i = 0; i < v.n; i++) if (v.b[i] < 0) return PyBool.FALSE;
            return PyBool.TRUE;
        });
        PyMethodDescr.define(t, "isupper", (Fn.F0) o -> isCase(o, true));
        PyMethodDescr.define(t, "islower", (Fn.F0) o -> isCase(o, false));
        PyMethodDescr.define(t, "istitle", (Fn.F0) BytesMethods::istitle);
        PyBuiltinFunction mk = PyBuiltinFunction.of("maketrans", null, (Fn.F2) (m, from, to) -> {
            byte[] f = bytesLike(from), g = bytesLike(to);
            if (f.length != g.length) throw Errors.valueError("maketrans arguments must have same length");
            byte[] table = new byte[256];
            for (int i = 0; i < 256; i++) table[i] = (byte) i;
            for (int i = 0; i < f.length; i++) table[f[i] & 0xff] = g[i];
            return PyBytes.of(table);
        });
        t.define("maketrans", RefCount.immortalize(mk));
    }
}
