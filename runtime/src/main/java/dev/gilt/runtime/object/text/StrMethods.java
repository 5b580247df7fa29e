package dev.gilt.runtime.object.text;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.util.Locale;

/**
 * The methods of {@code str} (Objects/unicodeobject.c behaviour), installed into str's type
 * dict by {@link #install}. Indexes and lengths are code points; the work is done on the Java
 * String with char offsets converted at the edges for strings with astral characters.
 */
public final class StrMethods {
    private StrMethods() {}

    private static PyStr s(PyObject o) {
        return (PyStr) o;
    }

    /** Checks a positional-only signature; returns the args (CPython's messages). */
    static PyObject[] positional(String name, PyObject[] args, PyTuple kw, int min, int max) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("str.%s() takes no keyword arguments", name);
        int n = args.length;
        if (n < min) {
            if (min == max) {
                throw Errors.typeError("%s() takes exactly %s (%d given)", name, plural(min), n);
            }
            throw Errors.typeError("%s() takes at least %s (%d given)", name, plural(min), n);
        }
        if (n > max) {
            if (min == max) throw Errors.typeError("%s() takes exactly %s (%d given)", name, plural(max), n);
            throw Errors.typeError("%s() takes at most %s (%d given)", name, plural(max), n);
        }
        return args;
    }

    private static String plural(int n) {
        return n + (n == 1 ? " argument" : " arguments");
    }

    private static PyObject arg(PyObject[] a, int i) {
        return i < a.length ? a[i] : null;
    }

    /** A str argument: TypeError "must be str, not int". */
    static String str(PyObject o) {
        if (o instanceof PyStr x) return x.value;
        throw Errors.typeError("must be str, not %s", o.type().name());
    }

    static PyObject bool(boolean b) {
        return PyBool.of(b);
    }

    // ---- search -------------------------------------------------------------------------------

    /** {start, end} as char offsets for the optional slice arguments at a[i], a[i+1]. */
    private static int[] charRange(PyStr self, PyObject[] a, int i) {
        int n = self.length();
        long[] r = Slices.range(arg(a, i), arg(a, i + 1), n);
        if (r[0] > n) return null; // start past the end: nothing matches, not even ""
        int start = (int) r[0], end = (int) Math.max(r[1], r[0]);
        return new int[] {self.charIndex(start), self.charIndex(end)};
    }

    /** find/rfind in code points; -1 when absent. */
    static long find(PyStr self, String sub, PyObject[] a, boolean reverse) {
        int[] r = charRange(self, a, 1);
        if (r == null) return -1;
        String v = self.value;
        int k;
        if (sub.length() > r[1] - r[0]) return -1;
        if (!reverse) {
            k = v.indexOf(sub, r[0]);
            if (k < 0 || k + sub.length() > r[1]) return -1;
        } else {
            k = v.lastIndexOf(sub, r[1] - sub.length());
            if (k < r[0]) return -1;
        }
        return self.cpIndex(k);
    }

    static long count(PyStr self, String sub, PyObject[] a) {
        int[] r = charRange(self, a, 1);
        if (r == null) return 0;
        if (sub.isEmpty()) return self.cpIndex(r[1]) - self.cpIndex(r[0]) + 1;
        String v = self.value;
        long c = 0;
        int k = r[0];
        while ((k = v.indexOf(sub, k)) >= 0 && k + sub.length() <= r[1]) {
            c++;
            k += sub.length();
        }
        return c;
    }

    private static PyObject startsOrEnds(PyStr self, PyObject[] a, boolean ends) {
        String fn = ends ? "endswith" : "startswith";
        PyObject p = a[0];
        int[] r = charRange(self, a, 1);
        if (p instanceof PyTuple t) {
            for (PyObject item : t.items) {
                if (!(item instanceof PyStr ps)) {
                    throw Errors.typeError("tuple for %s must only contain str, not %s", fn, item.type().name());
                }
                if (r != null && matchesAt(self.value, ps.value, r, ends)) return PyBool.TRUE;
            }
            return PyBool.FALSE;
        }
        if (!(p instanceof PyStr ps)) {
            throw Errors.typeError("%s first arg must be str or a tuple of str, not %s", fn, p.type().name());
        }
        return bool(r != null && matchesAt(self.value, ps.value, r, ends));
    }

    private static boolean matchesAt(String v, String p, int[] r, boolean ends) {
        if (r[1] - r[0] < p.length()) return false;
        return ends ? v.startsWith(p, r[1] - p.length()) : v.startsWith(p, r[0]);
    }

    // ---- split and join -----------------------------------------------------------------------

    private static final ArgParser SPLIT = ArgParser.of("split", 0, 0, "sep", "maxsplit");
    private static final ArgParser RSPLIT = ArgParser.of("rsplit", 0, 0, "sep", "maxsplit");

    private static PyList split(PyStr self, PyObject[] a, boolean reverse) {
        PyObject sepO = a[0];
        long max = a[1] == null ? -1 : PyInt.asIndex(a[1]);
        if (max < 0) max = Long.MAX_VALUE;
        String v = self.value;
        PyList out = new PyList();
        if (sepO == null || sepO == PyNone.NONE) {
            if (!reverse) splitWhitespace(v, max, out);
            else rsplitWhitespace(v, max, out);
            return out;
        }
        if (!(sepO instanceof PyStr sepS)) throw Errors.typeError("must be str or None, not %s", sepO.type().name());
        String sep = sepS.value;
        if (sep.isEmpty()) throw Errors.valueError("empty separator");
        if (!reverse) {
            int start = 0, k;
            while (max > 0 && (k = v.indexOf(sep, start)) >= 0) {
                out.appendSteal(PyStr.of(v.substring(start, k)));
                start = k + sep.length();
                max--;
            }
            out.appendSteal(start == 0 && self.getClass() == PyStr.class ? RefCount.newRef(self) : PyStr.of(v.substring(start)));
        } else {
            int end = v.length(), k;
            java.util.ArrayList<String> parts = new java.util.ArrayList<>();
            while (max > 0 && end >= sep.length() && (k = v.lastIndexOf(sep, end - sep.length())) >= 0) {
                parts.add(v.substring(k + sep.length(), end));
                end = k;
                max--;
            }
            parts.add(v.substring(0, end));
            for (int i = parts.size() - 1; i >= 0; i--) out.appendSteal(PyStr.of(parts.get(i)));
        }
        return out;
    }

    private static void splitWhitespace(String v, long max, PyList out) {
        int n = v.length(), i = 0;
        while (true) {
            while (i < n && Unicode.isSpace(v.charAt(i))) i++;
            if (i >= n) return;
            if (max == 0) {
                out.appendSteal(PyStr.of(v.substring(i))); // the rest keeps its trailing whitespace
                return;
            }
            int j = i;
            while (j < n && !Unicode.isSpace(v.charAt(j))) j++;
            out.appendSteal(PyStr.of(v.substring(i, j)));
            max--;
            i = j;
        }
    }

    private static void rsplitWhitespace(String v, long max, PyList out) {
        java.util.ArrayList<String> parts = new java.util.ArrayList<>();
        int i = v.length();
        while (true) {
            while (i > 0 && Unicode.isSpace(v.charAt(i - 1))) i--;
            if (i <= 0) break;
            if (max == 0) {
                parts.add(v.substring(0, i)); // the rest keeps its leading whitespace
                break;
            }
            int j = i;
            while (j > 0 && !Unicode.isSpace(v.charAt(j - 1))) j--;
            parts.add(v.substring(j, i));
            max--;
            i = j;
        }
        for (int k = parts.size() - 1; k >= 0; k--) out.appendSteal(PyStr.of(parts.get(k)));
    }

    /** sep.join(iterable). */
    public static PyStr join(String sep, PyObject iterable) {
        PyObject it;
        try {
            it = Ops.iter(iterable);
        } catch (PyException e) {
            if (e.matches(PyExc.TypeError) && iterable.type().iter == null && iterable.type().getitem == null) {
                RefCount.decref(e.exc);
                throw Errors.typeError("can only join an iterable");
            }
            throw e;
        }
        StringBuilder sb = new StringBuilder();
        try {
            PyObject x;
            int i = 0;
            while ((x = Ops.next(it)) != null) {
                try {
                    if (!(x instanceof PyStr xs)) {
                        throw Errors.typeError("sequence item %d: expected str instance, %s found", i, x.type().name());
                    }
                    if (i > 0) sb.append(sep);
                    sb.append(xs.value);
                } finally {
                    RefCount.decref(x);
                }
                i++;
            }
        } finally {
            RefCount.decref(it);
        }
        return PyStr.of(sb.toString());
    }

    private static PyList splitlines(String v, boolean keep) {
        PyList out = new PyList();
        int n = v.length(), i = 0;
        while (i < n) {
            int j = i;
            while (j < n && !Unicode.isLineBreak(v.charAt(j))) j++;
            int eol = j;
            if (j < n) {
                if (v.charAt(j) == '\r' && j + 1 < n && v.charAt(j + 1) == '\n') j += 2;
                else j++;
            }
            out.appendSteal(PyStr.of(v.substring(i, keep ? j : eol)));
            i = j;
        }
        return out;
    }

    private static PyObject partition(PyStr self, PyObject sepO, boolean reverse) {
        String sep = str(sepO);
        if (sep.isEmpty()) throw Errors.valueError("empty separator");
        String v = self.value;
        int k = reverse ? v.lastIndexOf(sep) : v.indexOf(sep);
        if (k < 0) {
            PyStr whole = self.exact();
            return reverse ? PyTuple.steal(PyStr.EMPTY, PyStr.EMPTY, whole) : PyTuple.steal(whole, PyStr.EMPTY, PyStr.EMPTY);
        }
        return PyTuple.steal(PyStr.of(v.substring(0, k)), sepO instanceof PyStr ps ? ps.exact() : PyStr.of(sep),
                PyStr.of(v.substring(k + sep.length())));
    }

    // ---- strip, pad, replace ------------------------------------------------------------------

    private static PyObject strip(PyStr self, PyObject[] a, boolean left, boolean right, String name) {
        PyObject chars = arg(a, 0);
        String v = self.value;
        int i = 0, j = v.length();
        if (chars == null || chars == PyNone.NONE) {
            if (left) while (i < j && Unicode.isSpace(v.charAt(i))) i++;
            if (right) while (j > i && Unicode.isSpace(v.charAt(j - 1))) j--;
        } else if (chars instanceof PyStr cs) {
            String set = cs.value;
            if (left) {
                while (i < j) {
                    int c = v.codePointAt(i);
                    if (set.indexOf(c) < 0) break;
                    i += Character.charCount(c);
                }
            }
            if (right) {
                while (j > i) {
                    int c = v.codePointBefore(j);
                    if (set.indexOf(c) < 0) break;
                    j -= Character.charCount(c);
                }
            }
        } else {
            throw Errors.typeError("%s arg must be None or str", name);
        }
        if (i == 0 && j == v.length()) return self.exact();
        return PyStr.of(v.substring(i, j));
    }

    private static int fillChar(PyObject f) {
        if (f == null) return ' ';
        if (!(f instanceof PyStr fs)) {
            throw Errors.typeError("The fill character must be a unicode character, not %s", f.type().name());
        }
        if (fs.length() != 1) throw Errors.typeError("The fill character must be exactly one character long");
        return fs.value.codePointAt(0);
    }

    private static PyObject pad(PyStr self, PyObject[] a, char how) {
        long width = PyInt.asIndex(a[0]);
        int fill = fillChar(arg(a, 1));
        int len = self.length();
        if (width <= len) return self.exact();
        long marg = width - len;
        long left = switch (how) {
            case '<' -> 0;
            case '>' -> marg;
            default -> marg / 2 + (marg & width & 1);
        };
        String f = Character.toString(fill);
        return PyStr.of(f.repeat((int) left) + self.value + f.repeat((int) (marg - left)));
    }

    private static PyObject zfill(PyStr self, PyObject w) {
        long width = PyInt.asIndex(w);
        int len = self.length();
        if (width <= len) return self.exact();
        String v = self.value;
        String zeros = "0".repeat((int) (width - len));
        if (!v.isEmpty() && (v.charAt(0) == '+' || v.charAt(0) == '-')) {
            return PyStr.of(v.charAt(0) + zeros + v.substring(1));
        }
        return PyStr.of(zeros + v);
    }

    /** str.replace(old, new, count=-1). */
    public static String replace(String v, String old, String rep, long count) {
        if (count < 0) count = Long.MAX_VALUE;
        if (count == 0) return v;
        if (old.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            long done = 0;
            while (done < count) {
                sb.append(rep);
                done++;
                if (i >= v.length()) break;
                int c = v.codePointAt(i);
                sb.appendCodePoint(c);
                i += Character.charCount(c);
            }
            sb.append(v, i, v.length());
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder(v.length());
        int i = 0, k;
        while (count > 0 && (k = v.indexOf(old, i)) >= 0) {
            sb.append(v, i, k).append(rep);
            i = k + old.length();
            count--;
        }
        if (i == 0) return v;
        sb.append(v, i, v.length());
        return sb.toString();
    }

    private static String expandtabs(String v, long tabsize) {
        StringBuilder sb = new StringBuilder(v.length());
        long col = 0;
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\t') {
                if (tabsize > 0) {
                    long n = tabsize - col % tabsize;
                    sb.append(" ".repeat((int) n));
                    col += n;
                }
            } else {
                sb.appendCodePoint(c);
                col++;
                if (c == '\n' || c == '\r') col = 0;
            }
        }
        return sb.toString();
    }

    // ---- case ---------------------------------------------------------------------------------

    private static boolean isAsciiString(String v) {
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) >= 128) return false;
        return true;
    }

    /** Full title-case mapping of one code point (Java has only the simple one). */
    static String titleOf(int c) {
        int t = Character.toTitleCase(c);
        String up = Character.toString(c).toUpperCase(Locale.ROOT);
        if (up.codePointCount(0, up.length()) > 1 && t == Character.toUpperCase(c)) {
            // e.g. 'ß' -> 'Ss', 'ﬁ' -> 'Fi': first letter upper, the rest lower
            int first = up.codePointAt(0);
            return Character.toString(first) + up.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
        }
        return Character.toString(t);
    }

    public static String casefold(String v) {
        if (isAsciiString(v)) return v.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0x3c2) {
                sb.append('\u03c3'); // final sigma folds to sigma
            } else {
                sb.append(Character.toString(c).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    /**
     * The lowercase of the code point at char index i of v, applying the final-sigma rule (a
     * capital sigma after a cased letter and not before one becomes the final form), as Python.
     */
    private static String lowerAt(String v, int i, int c) {
        if (c == 0x3a3) return finalSigma(v, i) ? "\u03c2" : "\u03c3";
        return Character.toString(c).toLowerCase(Locale.ROOT);
    }

    private static boolean caseIgnorable(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.FORMAT
                || t == Character.MODIFIER_LETTER || t == Character.MODIFIER_SYMBOL || c == '\'' || c == '.' || c == ':'
                || c == 0xad || c == 0x2019;
    }

    private static boolean finalSigma(String v, int i) {
        int j = i;
        boolean before = false;
        while (j > 0) {
            int c = v.codePointBefore(j);
            j -= Character.charCount(c);
            if (caseIgnorable(c)) continue;
            before = Unicode.isCased(c);
            break;
        }
        if (!before) return false;
        j = i + 1;
        while (j < v.length()) {
            int c = v.codePointAt(j);
            j += Character.charCount(c);
            if (caseIgnorable(c)) continue;
            return !Unicode.isCased(c);
        }
        return true;
    }

    private static String capitalize(String v) {
        if (v.isEmpty()) return v;
        int c = v.codePointAt(0);
        StringBuilder sb = new StringBuilder(v.length()).append(titleOf(c));
        for (int i = Character.charCount(c); i < v.length(); ) {
            int d = v.codePointAt(i);
            sb.append(lowerAt(v, i, d));
            i += Character.charCount(d);
        }
        return sb.toString();
    }

    private static String title(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        boolean prevCased = false;
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            if (prevCased) sb.append(lowerAt(v, i, c));
            else sb.append(titleOf(c));
            i += Character.charCount(c);
            prevCased = Unicode.isCased(c);
        }
        return sb.toString();
    }

    private static String swapcase(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            String one = Character.toString(c);
            if (Character.isUpperCase(c)) sb.append(lowerAt(v, i, c));
            else if (Character.isLowerCase(c)) sb.append(one.toUpperCase(Locale.ROOT));
            else sb.append(one);
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    // ---- predicates ---------------------------------------------------------------------------

    @FunctionalInterface
    private interface CpTest {
        boolean test(int c);
    }

    private static PyObject all(PyStr self, CpTest t) {
        String v = self.value;
        if (v.isEmpty()) return PyBool.FALSE;
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            if (!t.test(c)) return PyBool.FALSE;
            i += Character.charCount(c);
        }
        return PyBool.TRUE;
    }

    private static PyObject isCase(String v, boolean upper) {
        boolean cased = false;
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isTitleCase(c)) return PyBool.FALSE;
            if (upper ? Character.isLowerCase(c) : Character.isUpperCase(c)) return PyBool.FALSE;
            if (upper ? Character.isUpperCase(c) : Character.isLowerCase(c)) cased = true;
        }
        return bool(cased);
    }

    private static PyObject istitle(String v) {
        boolean cased = false, prevCased = false;
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                if (prevCased) return PyBool.FALSE;
                prevCased = true;
                cased = true;
            } else if (Character.isLowerCase(c)) {
                if (!prevCased) return PyBool.FALSE;
                prevCased = true;
                cased = true;
            } else {
                prevCased = false;
            }
        }
        return bool(cased);
    }

    // ---- translate ----------------------------------------------------------------------------

    private static PyObject maketrans(PyObject[] args, PyTuple kw) {
        PyObject[] a = positional("maketrans", args, kw, 1, 3);
        PyDict d = new PyDict();
        try {
            if (a.length == 1) {
                if (!(a[0] instanceof PyDict src)) {
                    throw Errors.typeError("if you give only one argument to maketrans it must be a dict");
                }
                for (int i = 0; i < src.entrySlots(); i++) {
                    PyObject k = src.keyAt(i);
                    if (k == null) continue;
                    PyObject v = src.valueAt(i);
                    if (k instanceof PyStr ks) {
                        if (ks.length() != 1) throw Errors.valueError("string keys in translate table must be of length 1");
                        PyInt key = PyInt.of(ks.value.codePointAt(0));
                        d.setItem(key, v);
                        RefCount.decref(key);
                    } else if (k instanceof PyInt) {
                        d.setItem(k, v);
                    } else {
                        throw Errors.typeError("keys in translate table must be strings or integers");
                    }
                }
                return d;
            }
            if (!(a[0] instanceof PyStr x)) throw Errors.typeError("maketrans() argument 1 must be str, not %s", a[0].type().name());
            if (!(a[1] instanceof PyStr y)) throw Errors.typeError("maketrans() argument 2 must be str, not %s", a[1].type().name());
            if (x.length() != y.length()) {
                throw Errors.valueError("the first two maketrans arguments must have equal length");
            }
            int[] xs = x.value.codePoints().toArray(), ys = y.value.codePoints().toArray();
            for (int i = 0; i < xs.length; i++) {
                PyInt k = PyInt.of(xs[i]), v = PyInt.of(ys[i]);
                d.setItem(k, v);
                RefCount.decref(k);
                RefCount.decref(v);
            }
            if (a.length == 3) {
                if (!(a[2] instanceof PyStr z)) {
                    throw Errors.typeError("maketrans() argument 3 must be str, not %s", a[2].type().name());
                }
                z.value.codePoints().forEach(c -> {
                    PyInt k = PyInt.of(c);
                    d.setItem(k, PyNone.NONE);
                    RefCount.decref(k);
                });
            }
            return d;
        } catch (RuntimeException e) {
            RefCount.decref(d);
            throw e;
        }
    }

    private static PyObject translate(PyStr self, PyObject table) {
        String v = self.value;
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            i += Character.charCount(c);
            PyInt key = PyInt.of(c);
            PyObject r;
            try {
                r = Ops.getItem(table, key);
            } catch (PyException e) {
                if (!e.matches(PyExc.LookupError)) throw e;
                RefCount.decref(e.exc);
                sb.appendCodePoint(c);
                continue;
            } finally {
                RefCount.decref(key);
            }
            try {
                if (r == PyNone.NONE) continue;
                if (r instanceof PyInt ri) {
                    if (ri.big != null || ri.value < 0 || ri.value > 0x10ffff) {
                        throw Errors.valueError("character mapping must be in range(0x110000)");
                    }
                    sb.appendCodePoint((int) ri.value);
                } else if (r instanceof PyStr rs) {
                    sb.append(rs.value);
                } else {
                    throw Errors.typeError("character mapping must return integer, None or str");
                }
            } finally {
                RefCount.decref(r);
            }
        }
        return PyStr.of(sb.toString());
    }

    // ---- install ------------------------------------------------------------------------------

    private static final ArgParser ENCODE = ArgParser.of("encode", 0, 0, "encoding", "errors");
    private static final ArgParser SPLITLINES = ArgParser.of("splitlines", 0, 0, "keepends");
    private static final ArgParser EXPANDTABS = ArgParser.of("expandtabs", 0, 0, "tabsize");

    /** Defines str's methods on {@code t}. */
    public static void install(PyType t) {
        PyMethodDescr.define(t, "find", (Fn.FV) (o, a, kw) -> {
            positional("find", a, kw, 1, 3);
            return PyInt.of(find(s(o), str(a[0]), a, false));
        });
        PyMethodDescr.define(t, "rfind", (Fn.FV) (o, a, kw) -> {
            positional("rfind", a, kw, 1, 3);
            return PyInt.of(find(s(o), str(a[0]), a, true));
        });
        PyMethodDescr.define(t, "index", (Fn.FV) (o, a, kw) -> {
            positional("index", a, kw, 1, 3);
            long r = find(s(o), str(a[0]), a, false);
            if (r < 0) throw Errors.valueError("substring not found");
            return PyInt.of(r);
        });
        PyMethodDescr.define(t, "rindex", (Fn.FV) (o, a, kw) -> {
            positional("rindex", a, kw, 1, 3);
            long r = find(s(o), str(a[0]), a, true);
            if (r < 0) throw Errors.valueError("substring not found");
            return PyInt.of(r);
        });
        PyMethodDescr.define(t, "count", (Fn.FV) (o, a, kw) -> {
            positional("count", a, kw, 1, 3);
            return PyInt.of(count(s(o), str(a[0]), a));
        });
        PyMethodDescr.define(t, "startswith", (Fn.FV) (o, a, kw) -> startsOrEnds(s(o), positional("startswith", a, kw, 1, 3), false));
        PyMethodDescr.define(t, "endswith", (Fn.FV) (o, a, kw) -> startsOrEnds(s(o), positional("endswith", a, kw, 1, 3), true));
        PyMethodDescr.define(t, "split", (Fn.FV) (o, a, kw) -> split(s(o), SPLIT.parse(a, kw), false));
        PyMethodDescr.define(t, "rsplit", (Fn.FV) (o, a, kw) -> split(s(o), RSPLIT.parse(a, kw), true));
        PyMethodDescr.define(t, "splitlines", (Fn.FV) (o, a, kw) -> {
            PyObject[] p = SPLITLINES.parse(a, kw);
            return splitlines(s(o).value, p[0] != null && Ops.isTrue(p[0]));
        });
        PyMethodDescr.define(t, "join", (Fn.F1) (o, it) -> join(s(o).value, it));
        PyMethodDescr.define(t, "partition", (Fn.F1) (o, sep) -> partition(s(o), sep, false));
        PyMethodDescr.define(t, "rpartition", (Fn.F1) (o, sep) -> partition(s(o), sep, true));
        PyMethodDescr.define(t, "strip", (Fn.FV) (o, a, kw) -> strip(s(o), positional("strip", a, kw, 0, 1), true, true, "strip"));
        PyMethodDescr.define(t, "lstrip", (Fn.FV) (o, a, kw) -> strip(s(o), positional("lstrip", a, kw, 0, 1), true, false, "lstrip"));
        PyMethodDescr.define(t, "rstrip", (Fn.FV) (o, a, kw) -> strip(s(o), positional("rstrip", a, kw, 0, 1), false, true, "rstrip"));
        PyMethodDescr.define(t, "center", (Fn.FV) (o, a, kw) -> pad(s(o), positional("center", a, kw, 1, 2), '^'));
        PyMethodDescr.define(t, "ljust", (Fn.FV) (o, a, kw) -> pad(s(o), positional("ljust", a, kw, 1, 2), '<'));
        PyMethodDescr.define(t, "rjust", (Fn.FV) (o, a, kw) -> pad(s(o), positional("rjust", a, kw, 1, 2), '>'));
        PyMethodDescr.define(t, "zfill", (Fn.F1) (o, w) -> zfill(s(o), w));
        PyMethodDescr.define(t, "replace", (Fn.FV) (o, a, kw) -> {
            positional("replace", a, kw, 2, 3);
            if (!(a[0] instanceof PyStr x)) throw Errors.typeError("replace() argument 1 must be str, not %s", a[0].type().name());
            if (!(a[1] instanceof PyStr y)) throw Errors.typeError("replace() argument 2 must be str, not %s", a[1].type().name());
            long count = a.length > 2 ? PyInt.asIndex(a[2]) : -1;
            String r = replace(s(o).value, x.value, y.value, count);
            return r == s(o).value ? s(o).exact() : PyStr.of(r);
        });
        PyMethodDescr.define(t, "expandtabs", (Fn.FV) (o, a, kw) -> {
            PyObject[] p = EXPANDTABS.parse(a, kw);
            return PyStr.of(expandtabs(s(o).value, p[0] == null ? 8 : PyInt.asIndex(p[0])));
        });
        PyMethodDescr.define(t, "removeprefix", (Fn.F1) (o, p) -> {
            if (!(p instanceof PyStr ps)) throw Errors.typeError("removeprefix() argument must be str, not %s", p.type().name());
            String v = s(o).value;
            return v.startsWith(ps.value) && !ps.value.isEmpty() ? PyStr.of(v.substring(ps.value.length())) : s(o).exact();
        });
        PyMethodDescr.define(t, "removesuffix", (Fn.F1) (o, p) -> {
            if (!(p instanceof PyStr ps)) throw Errors.typeError("removesuffix() argument must be str, not %s", p.type().name());
            String v = s(o).value;
            return v.endsWith(ps.value) && !ps.value.isEmpty()
                    ? PyStr.of(v.substring(0, v.length() - ps.value.length())) : s(o).exact();
        });

        PyMethodDescr.define(t, "upper", (Fn.F0) o -> PyStr.of(s(o).value.toUpperCase(Locale.ROOT)));
        PyMethodDescr.define(t, "lower", (Fn.F0) o -> PyStr.of(s(o).value.toLowerCase(Locale.ROOT)));
        PyMethodDescr.define(t, "casefold", (Fn.F0) o -> PyStr.of(casefold(s(o).value)));
        PyMethodDescr.define(t, "capitalize", (Fn.F0) o -> PyStr.of(capitalize(s(o).value)));
        PyMethodDescr.define(t, "title", (Fn.F0) o -> PyStr.of(title(s(o).value)));
        PyMethodDescr.define(t, "swapcase", (Fn.F0) o -> PyStr.of(swapcase(s(o).value)));

        PyMethodDescr.define(t, "isascii", (Fn.F0) o -> bool(s(o).isAscii()));
        PyMethodDescr.define(t, "isdigit", (Fn.F0) o -> all(s(o), Unicode::isDigit));
        PyMethodDescr.define(t, "isdecimal", (Fn.F0) o -> all(s(o), Unicode::isDecimal));
        PyMethodDescr.define(t, "isnumeric", (Fn.F0) o -> all(s(o), Unicode::isNumeric));
        PyMethodDescr.define(t, "isalpha", (Fn.F0) o -> all(s(o), Unicode::isAlpha));
        PyMethodDescr.define(t, "isalnum", (Fn.F0) o -> all(s(o), Unicode::isAlnum));
        PyMethodDescr.define(t, "isspace", (Fn.F0) o -> all(s(o), Unicode::isSpace));
        PyMethodDescr.define(t, "isprintable", (Fn.F0) o -> s(o).value.isEmpty() ? PyBool.TRUE : all(s(o), Unicode::isPrintable));
        PyMethodDescr.define(t, "isidentifier", (Fn.F0) o -> bool(Unicode.isIdentifier(s(o).value)));
        PyMethodDescr.define(t, "isupper", (Fn.F0) o -> isCase(s(o).value, true));
        PyMethodDescr.define(t, "islower", (Fn.F0) o -> isCase(s(o).value, false));
        PyMethodDescr.define(t, "istitle", (Fn.F0) o -> istitle(s(o).value));

        PyMethodDescr.define(t, "encode", (Fn.FV) (o, a, kw) -> {
            PyObject[] p = ENCODE.parse(a, kw);
            String enc = p[0] == null ? "utf-8" : PyStr.argString(p[0], "encode", "encoding");
            String err = p[1] == null ? "strict" : PyStr.argString(p[1], "encode", "errors");
            return PyBytes.of(Codecs.encode(s(o).value, enc, err));
        });
        PyMethodDescr.define(t, "format", (Fn.FV) (o, a, kw) -> PyStr.of(StrFormatter.format(s(o).value, a, kw)));
        PyMethodDescr.define(t, "format_map", (Fn.F1) (o, m) -> PyStr.of(StrFormatter.formatMap(s(o).value, m)));
        PyMethodDescr.define(t, "translate", (Fn.F1) (o, table) -> translate(s(o), table));
        PyBuiltinFunction mk = PyBuiltinFunction.of("maketrans", null, (Fn.FV) (self, a, kw) -> maketrans(a, kw));
        t.define("maketrans", RefCount.immortalize(mk));
        PyMethodDescr.define(t, "__format__", (Fn.F1) (o, spec) -> PyStr.of(Formatting.formatStr(s(o), Formatting.specString(spec, o))));
        PyMethodDescr.define(t, "__getnewargs__", (Fn.F0) o -> PyTuple.steal(PyStr.of(s(o).value)));
        PyMethodDescr.define(t, "__sizeof__", (Fn.F0) o -> PyInt.of(49 + (long) s(o).length() * (s(o).isAscii() ? 1 : 4)));
    }
}
