package dev.gilt.stdlib.re;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Prop;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code re.Pattern}: a compiled regular expression. The Java pattern comes from
 * {@link Translator}; {@code str} patterns match over Java strings directly, {@code bytes}
 * patterns over their Latin-1 decoding (one char per byte). Positions are converted between
 * code points (Python) and UTF-16 units (Java) only for strings with surrogate pairs.
 */
public final class PyPattern extends PyObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("Pattern", PyPattern.class), "re");

    final String source;
    final boolean bytes;
    final int flags;
    final Pattern java;
    final int groups;
    final Map<String, Integer> groupIndex;
    final String[] groupNames;

    PyPattern(String source, boolean bytes, int flags, Pattern java, int groups, Map<String, Integer> groupIndex) {
        this.source = source;
        this.bytes = bytes;
        this.flags = flags;
        this.java = java;
        this.groups = groups;
        this.groupIndex = groupIndex;
        this.groupNames = new String[groups + 1];
        for (var e : groupIndex.entrySet()) groupNames[e.getValue()] = e.getKey();
        RefCount.immortalize(this);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Compiles {@code pattern} (str or bytes) with Python flags. */
    static PyPattern compile(PyObject pattern, int flags) {
        boolean isBytes = pattern instanceof PyBytes;
        String src = isBytes ? new String(((PyBytes) pattern).value, StandardCharsets.ISO_8859_1)
                : Args.asStr(pattern, "first argument");
        if (isBytes && (flags & Translator.U) != 0) throw ReModule.error("cannot use UNICODE flag with a bytes pattern", null, -1);
        if (!isBytes && (flags & Translator.L) != 0) throw ReModule.error("cannot use LOCALE flag with a str pattern", null, -1);
        if ((flags & Translator.A) != 0 && (flags & Translator.U) != 0) {
            throw ReModule.error("ASCII and UNICODE flags are incompatible", null, -1);
        }
        Translator t = new Translator(src, flags);
        String javaRegex;
        try {
            javaRegex = t.translate();
        } catch (Translator.Error e) {
            throw ReModule.error(e.msg, pattern, e.pos);
        }
        int f = t.flags;
        if (!isBytes && (f & Translator.A) == 0) f |= Translator.U;
        int jf = Pattern.UNIX_LINES;
        boolean ascii = isBytes || (f & Translator.A) != 0;
        if ((f & Translator.I) != 0) jf |= Pattern.CASE_INSENSITIVE | (ascii ? 0 : Pattern.UNICODE_CASE);
        if ((f & Translator.M) != 0) jf |= Pattern.MULTILINE;
        if ((f & Translator.S) != 0) jf |= Pattern.DOTALL;
        if (!ascii) jf |= Pattern.UNICODE_CHARACTER_CLASS;
        Pattern p;
        try {
            p = Pattern.compile(javaRegex, jf);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw ReModule.error(e.getDescription() + " (Java regex)", pattern, Math.max(0, e.getIndex()));
        }
        return new PyPattern(src, isBytes, f, p, t.groups, t.groupIndex);
    }

    /** The subject as a Java string (checking str vs bytes). */
    String subject(PyObject s) {
        if (bytes) {
            if (s instanceof PyBytes b) return new String(b.value, StandardCharsets.ISO_8859_1);
            if (s instanceof PyStr) throw Errors.typeError("cannot use a bytes pattern on a string-like object");
            throw Errors.typeError("expected string or bytes-like object, got '%s'", s.type().name());
        }
        if (s instanceof PyStr st) return st.value;
        if (s instanceof PyBytes) throw Errors.typeError("cannot use a string pattern on a bytes-like object");
        throw Errors.typeError("expected string or bytes-like object, got '%s'", s.type().name());
    }

    /** A str or bytes result for a slice of the subject. */
    PyObject wrap(String s) {
        return bytes ? PyBytes.of(s.getBytes(StandardCharsets.ISO_8859_1)) : PyStr.of(s);
    }

    static boolean hasSurrogates(String s) {
        for (int k = 0; k < s.length(); k++) if (Character.isSurrogate(s.charAt(k))) return true;
        return false;
    }

    /** Python index → Java index. */
    static int toJava(String s, boolean surr, long cp) {
        if (cp <= 0) return 0;
        if (!surr) return (int) Math.min(cp, s.length());
        int cps = s.codePointCount(0, s.length());
        if (cp >= cps) return s.length();
        return s.offsetByCodePoints(0, (int) cp);
    }

    static long toPy(String s, boolean surr, int j) {
        return surr ? s.codePointCount(0, j) : j;
    }

    /** pos/endpos arguments normalised as Python does (negative counts from the end, clamped). */
    static long[] bounds(String s, boolean surr, PyObject pos, PyObject endpos) {
        long len = surr ? s.codePointCount(0, s.length()) : s.length();
        long p = Args.isNone(pos) ? 0 : Args.asLong(pos);
        long e = Args.isNone(endpos) ? len : Args.asLong(endpos);
        if (p < 0) p = Math.max(0, p + len);
        if (e < 0) e = Math.max(0, e + len);
        p = Math.min(p, len);
        e = Math.min(e, len);
        return new long[] {p, e};
    }

    /** A matcher over subject[:endpos] positioned at pos, or null when pos &gt; endpos. */
    Matcher matcher(String s, boolean surr, long pos, long endpos) {
        int jend = toJava(s, surr, endpos);
        String view = jend == s.length() ? s : s.substring(0, jend);
        Matcher m = java.matcher(view);
        int jpos = toJava(s, surr, pos);
        if (jpos > jend) return null;
        m.region(jpos, jend);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m;
    }

    static final int SEARCH = 0, MATCH = 1, FULLMATCH = 2;

    PyObject run(int mode, PyObject string, PyObject pos, PyObject endpos) {
        String s = subject(string);
        boolean surr = !bytes && hasSurrogates(s);
        long[] b = bounds(s, surr, pos, endpos);
        Matcher m = matcher(s, surr, b[0], b[1]);
        if (m == null) return PyNone.NONE;
        boolean ok = switch (mode) {
            case MATCH -> m.lookingAt();
            case FULLMATCH -> m.matches();
            default -> m.find();
        };
        if (!ok) return PyNone.NONE;
        return new PyMatch(this, string, s, surr, m.toMatchResult(), b[0], b[1]);
    }

    String repr() {
        String src = bytes ? Args.repr(PyBytes.of(source.getBytes(StandardCharsets.ISO_8859_1)))
                : Args.reprString(source);
        if (src.length() > 200) src = src.substring(0, 200);
        String fl = ReModule.flagNames(flags & ~(bytes ? 0 : Translator.U));
        return "re.compile(" + src + (fl.isEmpty() ? "" : ", " + fl) + ")";
    }

    // ---- Python methods -----------------------------------------------------------------------

    private static final ArgParser RUN = ArgParser.of("search", 1, 0, "string", "pos", "endpos");
    private static final ArgParser SUB = ArgParser.of("sub", 2, 0, "repl", "string", "count");
    private static final ArgParser SPLIT = ArgParser.of("split", 1, 0, "string", "maxsplit");

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.repr = self -> PyStr.of(((PyPattern) self).repr());
        TYPE.hash = self -> {
            PyPattern p = (PyPattern) self;
            long h = p.source.hashCode() * 31L + p.flags;
            return h == -1 ? -2 : h;
        };
        TYPE.richcompare = (a, b, op) -> {
            if (!(b instanceof PyPattern pb) || (op != Ops.EQ && op != Ops.NE)) return PyNotImplemented.NOT_IMPLEMENTED;
            PyPattern pa = (PyPattern) a;
            boolean eq = pa.source.equals(pb.source) && pa.flags == pb.flags && pa.bytes == pb.bytes;
            return PyBool.of(op == Ops.EQ ? eq : !eq);
        };
        String[] modes = {"search", "match", "fullmatch"};
        for (int k = 0; k < 3; k++) {
            int mode = k;
            PyMethodDescr.define(TYPE, modes[k], (Fn.FV) (self, args, kw) -> {
                PyObject[] a = RUN.parse(args, kw);
                return ((PyPattern) self).run(mode, a[0], a[1], a[2]);
            });
        }
        PyMethodDescr.define(TYPE, "findall", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = RUN.parse(args, kw);
            return Ops2.findall((PyPattern) self, a[0], a[1], a[2]);
        });
        PyMethodDescr.define(TYPE, "finditer", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = RUN.parse(args, kw);
            return Ops2.finditer((PyPattern) self, a[0], a[1], a[2]);
        });
        PyMethodDescr.define(TYPE, "split", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = SPLIT.parse(args, kw);
            return Ops2.split((PyPattern) self, a[0], a[1] == null ? 0 : Args.asLong(a[1]));
        });
        PyMethodDescr.define(TYPE, "sub", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = SUB.parse(args, kw);
            return Ops2.sub((PyPattern) self, a[0], a[1], a[2] == null ? 0 : Args.asLong(a[2]), false);
        });
        PyMethodDescr.define(TYPE, "subn", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = SUB.parse(args, kw);
            return Ops2.sub((PyPattern) self, a[0], a[1], a[2] == null ? 0 : Args.asLong(a[2]), true);
        });
        PyMethodDescr.define(TYPE, "__copy__", (Fn.F0) RefCount::newRef);
        PyMethodDescr.define(TYPE, "__deepcopy__", (Fn.F1) (self, memo) -> RefCount.newRef(self));
        PyMethodDescr.define(TYPE, "__class_getitem__", (Fn.F1) (self, item) -> RefCount.newRef(TYPE));
        Prop.define(TYPE, "pattern", self -> {
            PyPattern p = (PyPattern) self;
            return p.wrap(p.source);
        });
        Prop.define(TYPE, "flags", self -> PyInt.of(((PyPattern) self).flags));
        Prop.define(TYPE, "groups", self -> PyInt.of(((PyPattern) self).groups));
        Prop.define(TYPE, "groupindex", self -> {
            PyDict d = new PyDict();
            for (var e : ((PyPattern) self).groupIndex.entrySet()) {
                PyStr k = PyStr.of(e.getKey());
                PyInt v = PyInt.of(e.getValue());
                d.setItem(k, v);
                RefCount.decref(k);
                RefCount.decref(v);
            }
            return d;
        });
    }


}
