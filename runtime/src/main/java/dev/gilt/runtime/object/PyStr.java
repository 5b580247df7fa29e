package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.text.Codecs;
import dev.gilt.runtime.object.text.PercentFormat;
import dev.gilt.runtime.object.text.Slices;
import dev.gilt.runtime.object.text.StrMethods;
import dev.gilt.runtime.object.text.StrRepr;
import dev.gilt.runtime.ops.Ops;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code str}: an immutable sequence of code points, held as a Java String. Strings made with
 * {@link #intern} (identifiers, attribute names, constant strings that look like identifiers) are
 * unique per content and immortal, so attribute lookups can compare them by identity first.
 *
 * <p>Lengths and indexes are in code points. Most strings have no surrogate pairs, so a code
 * point index is a char index; that is detected once per string and cached ({@link #length}).
 * Strings with astral characters keep a lazily built code point array for indexing.
 *
 * <p>One-character strings of Latin-1 code points are cached and immortal, as in CPython.
 * Instances of Python subclasses are {@link Derived}. The methods live in {@link StrMethods}.
 */
public class PyStr extends PyObject {
    public static final PyType TYPE = PyType.builtin("str", PyStr.class);

    public final String value;
    /** Cached hash; 0 means not yet computed (a real hash of 0 is stored as 1). */
    private long hash;
    private boolean interned;
    /**
     * Code point count shifted left once, with bit 0 set when some char is a surrogate (so char
     * indexes differ from code point indexes); -1 until computed. One int, so a thread that
     * races the computation sees either nothing or both facts (free-threaded mode).
     */
    private int cpInfo = -1;
    /** Code points of a wide string, built on first indexing (volatile: safely published). */
    private volatile int[] cps;

    public PyStr(String value) {
        this.value = value;
    }

    private static final ConcurrentHashMap<String, PyStr> INTERNED = new ConcurrentHashMap<>();

    /** The interned, immortal string for {@code s}. */
    public static PyStr intern(String s) {
        PyStr p = INTERNED.get(s);
        if (p != null) return p;
        return INTERNED.computeIfAbsent(s, k -> {
            PyStr n = new PyStr(k);
            n.interned = true;
            return RefCount.immortalize(n);
        });
    }

    /** A new str (a new reference). */
    public static PyStr of(String s) {
        int n = s.length();
        if (n == 0) return EMPTY;
        if (n == 1 && s.charAt(0) < 256 && LATIN1 != null) {
            PyStr c = LATIN1[s.charAt(0)];
            if (c != null) return c;
        }
        return new PyStr(s);
    }

    public static final PyStr EMPTY = intern("");
    private static final PyStr[] LATIN1 = new PyStr[256];

    static {
        for (int c = 0; c < 256; c++) LATIN1[c] = intern(String.valueOf((char) c));
    }

    /** The one-character str for code point {@code cp} (a new reference; cached below 256). */
    public static PyStr ofCodePoint(int cp) {
        if (cp < 256 && LATIN1[cp] != null) return LATIN1[cp];
        return new PyStr(Character.toString(cp));
    }

    public boolean isInterned() {
        return interned;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The str hash (deterministic: Gilt does not randomize hashes). */
    public long pyHash() {
        long h = hash;
        if (h == 0) {
            h = hashOf(value);
            hash = h;
        }
        return h;
    }

    /** FNV-1a over UTF-16 units, mixed; never -1, and 0 only for the empty string (as CPython's hash('')). */
    public static long hashOf(String s) {
        if (s.isEmpty()) return 0;
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= (h >>> 29);
        if (h == -1 || h == 0) h = -2;
        return h;
    }

    /** Content equality for two strs (identity first). */
    public boolean contentEquals(PyStr o) {
        return this == o || (o.value.equals(value));
    }

    @Override
    public String toString() {
        return value;
    }

    // ---- code points ----------------------------------------------------------------------

    /** len(s): the number of code points. */
    public int length() {
        if (value.length() >= 1 << 30) return value.codePointCount(0, value.length()); // too long to cache
        return info() >>> 1;
    }

    private int info() {
        int n = cpInfo;
        if (n < 0) {
            if (value.length() >= 1 << 30) return (value.codePointCount(0, value.length()) == value.length() ? 0 : 1);
            String s = value;
            boolean w = false;
            for (int i = 0; i < s.length(); i++) {
                if (Character.isSurrogate(s.charAt(i))) {
                    w = true;
                    break;
                }
            }
            n = ((w ? s.codePointCount(0, s.length()) : s.length()) << 1) | (w ? 1 : 0);
            cpInfo = n;
        }
        return n;
    }

    /** True when code point indexes differ from char indexes (the string has surrogates). */
    public boolean isWide() {
        return (info() & 1) != 0;
    }

    /** True when every char is ASCII. */
    public boolean isAscii() {
        String s = value;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }

    /** The code points of a wide string (cached), or null for a narrow one. */
    private int[] codePoints() {
        if (!isWide()) return null;
        int[] c = cps;
        if (c == null) {
            c = value.codePoints().toArray();
            cps = c;
        }
        return c;
    }

    /** The code point at code point index i (0 <= i < length()). */
    public int codePointAtIndex(int i) {
        int[] c = codePoints();
        return c == null ? value.charAt(i) : c[i];
    }

    /** The char offset of code point index i (0 <= i <= length()). */
    public int charIndex(int i) {
        if (!isWide()) return i;
        return value.offsetByCodePoints(0, i);
    }

    /** The code point index of char offset k. */
    public int cpIndex(int k) {
        if (!isWide()) return k;
        return value.codePointCount(0, k);
    }

    /** Substring by code point indexes [start, end). */
    public String substringCp(int start, int end) {
        if (!isWide()) return value.substring(start, end);
        int a = value.offsetByCodePoints(0, start);
        int b = value.offsetByCodePoints(a, end - start);
        return value.substring(a, b);
    }

    /** Code point order comparison (CPython compares code points, not UTF-16 units). */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i), y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) return a.codePointAt(i) - b.codePointAt(i) > 0 ? 1 : -1;
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    // ---- subclasses -----------------------------------------------------------------------

    /** An instance of a Python subclass of str. */
    public static final class Derived extends PyStr implements HasDict {
        private final InstanceState st;

        public Derived(PyType type, String value) {
            super(value);
            this.st = new InstanceState(type);
        }

        @Override
        public PyType type() {
            return st.type;
        }

        @Override
        public PyDict getDict(boolean create) {
            return st.getDict(create);
        }

        @Override
        public void setDict(PyDict d) {
            st.setDict(d);
        }

        @Override
        public PyObject[] slotValues() {
            return st.slots;
        }

        @Override
        public void traverse(Visitor v) {
            st.traverse(v);
        }

        @Override
        public void releaseReferences() {
            st.release();
        }
    }

    /** A new reference to an exact str with this value (itself when already exact). */
    public PyStr exact() {
        if (getClass() == PyStr.class) return RefCount.newRef(this);
        return of(value);
    }

    // ---- str(): CPython's unicode_new -------------------------------------------------------

    private static final ArgParser NEW_ARGS = ArgParser.of("str", 0, 0, "object", "encoding", "errors");

    static PyObject newStr(PyType type, PyObject[] args, PyTuple kwnames) {
        PyInt.checkKeywords("str", kwnames, "object", "encoding", "errors");
        PyObject[] a = NEW_ARGS.parse(args, kwnames);
        PyStr s;
        if (a[0] == null) {
            s = EMPTY;
        } else if (a[1] == null && a[2] == null) {
            s = Ops.str(a[0]);
        } else {
            String enc = a[1] == null ? "utf-8" : argString(a[1], "str", "encoding");
            String err = a[2] == null ? "strict" : argString(a[2], "str", "errors");
            if (a[0] instanceof PyStr) throw Errors.typeError("decoding str is not supported");
            if (!(a[0] instanceof PyBytes || a[0] instanceof PyByteArray)) {
                throw Errors.typeError("decoding to str: need a bytes-like object, %s found", a[0].type().name());
            }
            s = of(Codecs.decode(PyBytes.bytesOf(a[0]), enc, err));
        }
        if (type == TYPE) return s;
        try {
            return new Derived(type, s.value);
        } finally {
            RefCount.decref(s);
        }
    }

    /** A str argument's value, or TypeError "fn() argument 'name' must be str, not int". */
    public static String argString(PyObject o, String fn, String name) {
        if (o instanceof PyStr s) return s.value;
        throw Errors.typeError("%s() argument '%s' must be str, not %s", fn, name, o.type().name());
    }

    // ---- slots ----------------------------------------------------------------------------

    private static PyStr self(PyObject o) {
        return (PyStr) o;
    }

    static PyObject getItem(PyObject o, PyObject key) {
        PyStr s = self(o);
        if (key instanceof PyInt || key.type().index != null && !Slices.isSlice(key)) {
            long i = PyInt.asIndex(key, dev.gilt.runtime.error.PyExc.IndexError);
            int n = s.length();
            if (i < 0) i += n;
            if (i < 0 || i >= n) throw Errors.indexError("string index out of range");
            return ofCodePoint(s.codePointAtIndex((int) i));
        }
        if (Slices.isSlice(key)) {
            int n = s.length();
            long[] r = Slices.indices(key, n);
            long start = r[0], step = r[2], len = r[3];
            if (len <= 0) return EMPTY;
            if (step == 1) {
                if (start == 0 && len == n && o.getClass() == PyStr.class) return RefCount.newRef(s);
                return of(s.substringCp((int) start, (int) (start + len)));
            }
            StringBuilder sb = new StringBuilder((int) len);
            for (long k = 0, i = start; k < len; k++, i += step) sb.appendCodePoint(s.codePointAtIndex((int) i));
            return of(sb.toString());
        }
        throw Errors.typeError("string indices must be integers, not '%s'", key.type().name());
    }

    static PyObject compare(PyObject a, PyObject b, int op) {
        if (!(b instanceof PyStr sb)) return PyNotImplemented.NOT_IMPLEMENTED;
        String x = self(a).value, y = sb.value;
        if (op == Ops.EQ) return PyBool.of(a == b || x.equals(y));
        if (op == Ops.NE) return PyBool.of(a != b && !x.equals(y));
        int c = compare(x, y);
        return PyBool.of(switch (op) {
            case Ops.LT -> c < 0;
            case Ops.LE -> c <= 0;
            case Ops.GT -> c > 0;
            default -> c >= 0;
        });
    }

    /** s * n (n an index): the repetition, "can't multiply sequence by non-int" otherwise. */
    static PyObject repeat(PyStr s, PyObject count) {
        long n = PyInt.asIndex(count);
        if (n <= 0 || s.value.isEmpty()) return EMPTY;
        if (n == 1 && s.getClass() == PyStr.class) return RefCount.newRef(s);
        if ((long) s.value.length() * n > Integer.MAX_VALUE - 16) throw Errors.overflow("repeated string is too long");
        return of(s.value.repeat((int) n));
    }

    /** A sequence type with its own repetition (CPython's sq_repeat), judged by its slots. */
    public static boolean isSequence(PyObject o) {
        PyType t = o.type();
        return t.len != null && t.getitem != null && t.nb[Ops.NB_MULTIPLY] != null;
    }

    /** Whether o can be a repeat count (has __index__). */
    private static boolean isIndex(PyObject o) {
        return o instanceof PyInt || o.type().index != null;
    }

    static {
        TYPE.repr = s -> of(StrRepr.repr(self(s).value));
        TYPE.str = s -> self(s).exact();
        TYPE.hash = s -> self(s).pyHash();
        TYPE.richcompare = PyStr::compare;
        TYPE.len = s -> self(s).length();
        TYPE.getitem = PyStr::getItem;
        TYPE.contains = (s, item) -> {
            if (!(item instanceof PyStr i)) {
                throw Errors.typeError("'in <string>' requires string as left operand, not %s", item.type().name());
            }
            return self(s).value.contains(i.value);
        };
        TYPE.iter = StrIterator::of;
        TYPE.newInstance = PyStr::newStr;
        TYPE.nb[Ops.NB_ADD] = (a, b) -> {
            if (!(a instanceof PyStr sa)) return PyNotImplemented.NOT_IMPLEMENTED;
            if (b instanceof PyStr sb) {
                if (sb.value.isEmpty() && a.getClass() == PyStr.class) return RefCount.newRef(a);
                if (sa.value.isEmpty() && b.getClass() == PyStr.class) return RefCount.newRef(b);
                return of(sa.value.concat(sb.value));
            }
            // CPython tries b's __radd__ before str's sq_concat raises.
            PyObject r = reflected(Ops.NB_ADD, a, b);
            if (r != null) return r;
            throw Errors.typeError("can only concatenate str (not \"%s\") to str", b.type().name());
        };
        TYPE.nb[Ops.NB_MULTIPLY] = (a, b) -> {
            if (a instanceof PyStr sa && isIndex(b)) return repeat(sa, b);
            if (b instanceof PyStr sb && isIndex(a)) return repeat(sb, a);
            if (a instanceof PyStr) {
                PyObject r = reflected(Ops.NB_MULTIPLY, a, b);
                if (r != null) return r;
                throw Errors.typeError("can't multiply sequence by non-int of type '%s'", b.type().name());
            }
            if (b instanceof PyStr) {
                // a (not an index) * str, reached as the reflected slot. A left-hand sequence
                // raises its own error naming str (as CPython's sq_repeat of the left operand).
                if (isSequence(a)) return PyNotImplemented.NOT_IMPLEMENTED;
                throw Errors.typeError("can't multiply sequence by non-int of type '%s'", a.type().name());
            }
            return PyNotImplemented.NOT_IMPLEMENTED;
        };
        TYPE.nb[Ops.NB_REMAINDER] = (a, b) -> {
            if (!(a instanceof PyStr sa)) return PyNotImplemented.NOT_IMPLEMENTED;
            return of(PercentFormat.formatStr(sa.value, b));
        };
        StrMethods.install(TYPE);
    }

    /**
     * The right operand's slot for {@code a OP b} when it is not str's own, tried before str
     * raises its sequence error; null when absent or NotImplemented.
     */
    private static PyObject reflected(int op, PyObject a, PyObject b) {
        Slots.Binary sb = b.type().nb[op];
        if (sb == null || sb == TYPE.nb[op] || b.type().isSubtypeOf(TYPE)) return null;
        PyObject r = sb.apply(a, b);
        return r == PyNotImplemented.NOT_IMPLEMENTED ? null : r;
    }

    // ---- iteration ------------------------------------------------------------------------

    /** iter(str): {@code str_ascii_iterator} for ASCII strings, {@code str_iterator} otherwise. */
    public static final class StrIterator extends PyGcObject {
        public static final PyType ASCII_TYPE = PyType.builtin("str_ascii_iterator", StrIterator.class);
        public static final PyType TYPE = PyType.builtin("str_iterator", StrIterator.class);

        static {
            for (PyType t : new PyType[] {ASCII_TYPE, TYPE}) {
                t.flags &= ~PyType.BASETYPE;
                t.iter = RefCount::newRef;
                t.next = it -> ((StrIterator) it).advance();
                PyMethodDescr.define(t, "__length_hint__", (Fn.F0) it -> PyInt.of(((StrIterator) it).remaining()));
            }
        }

        private PyStr str;
        private int index;
        private final PyType type;

        private StrIterator(PyStr s) {
            this.str = RefCount.newRef(s);
            this.type = s.isAscii() ? ASCII_TYPE : TYPE;
        }

        static PyObject of(PyObject s) {
            return new StrIterator((PyStr) s);
        }

        private PyObject advance() {
            PyStr s = str;
            if (s == null) return null;
            if (index < s.length()) return ofCodePoint(s.codePointAtIndex(index++));
            str = null;
            RefCount.decref(s);
            return null;
        }

        private int remaining() {
            return str == null ? 0 : str.length() - index;
        }

        @Override
        public PyType type() {
            return type;
        }

        @Override
        public void traverse(Visitor v) {
            if (str != null) v.visit(str);
        }

        @Override
        public void releaseReferences() {
            PyStr s = str;
            str = null;
            RefCount.xdecref(s);
        }
    }
}
