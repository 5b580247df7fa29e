package dev.gilt.stdlib.re;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.stdlib.util.Args;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code re} module over java.util.regex: Python's syntax is translated ({@link Translator}),
 * compiled patterns are cached (512 entries, least recently used first out), and errors are
 * {@code re.error} with CPython's messages and positions.
 */
public final class ReModule implements ModuleProvider {
    public static final PyType ERROR;

    static {
        PyType e = PyType.builtin("error", PyBaseException.class, PyExc.Exception);
        e.flags |= PyType.EXCEPTION | PyType.HAS_DICT;
        e.define("__module__", PyStr.intern("re"));
        ERROR = e;
    }

    @Override
    public String name() {
        return "re";
    }

    /** re.error(msg) with pattern/pos/lineno/colno attributes, formatted as CPython's. */
    static PyException error(String msg, PyObject pattern, int pos) {
        String full = msg;
        int lineno = 1, colno = pos + 1;
        if (pattern != null && pos >= 0) {
            String p = pattern instanceof PyStr ps ? ps.value
                    : pattern instanceof PyBytes pb ? new String(pb.value, StandardCharsets.ISO_8859_1) : "";
            int nl = 0, lastNl = -1;
            for (int k = 0; k < Math.min(pos, p.length()); k++) {
                if (p.charAt(k) == '\n') {
                    nl++;
                    lastNl = k;
                }
            }
            lineno = nl + 1;
            colno = pos - lastNl;
            full = p.indexOf('\n') >= 0 ? String.format("%s at position %d (line %d, column %d)", msg, pos, lineno, colno)
                    : String.format("%s at position %d", msg, pos);
        }
        PyBaseException be = new PyBaseException(ERROR, PyTuple.steal(PyStr.of(full)));
        var d = be.dict();
        PyStr m = PyStr.of(msg);
        d.setItem(PyStr.intern("msg"), m);
        RefCount.decref(m);
        d.setItem(PyStr.intern("pattern"), pattern == null ? PyNone.NONE : pattern);
        if (pos >= 0 && pattern != null) {
            d.setItem(PyStr.intern("pos"), PyInt.of(pos));
            d.setItem(PyStr.intern("lineno"), PyInt.of(lineno));
            d.setItem(PyStr.intern("colno"), PyInt.of(colno));
        } else {
            for (String k : new String[] {"pos", "lineno", "colno"}) d.setItem(PyStr.intern(k), PyNone.NONE);
        }
        return new PyException(be);
    }

    static final String[][] FLAG_NAMES = {{"TEMPLATE", "1"}, {"IGNORECASE", "2"}, {"LOCALE", "4"},
        {"MULTILINE", "8"}, {"DOTALL", "16"}, {"UNICODE", "32"}, {"VERBOSE", "64"}, {"DEBUG", "128"},
        {"ASCII", "256"}};

    static String flagNames(int flags) {
        StringBuilder sb = new StringBuilder();
        int rest = flags;
        for (String[] f : FLAG_NAMES) {
            int v = Integer.parseInt(f[1]);
            if ((flags & v) != 0) {
                if (sb.length() > 0) sb.append('|');
                sb.append("re.").append(f[0]);
                rest &= ~v;
            }
        }
        if (rest != 0) {
            if (sb.length() > 0) sb.append('|');
            sb.append(String.format("0x%x", rest));
        }
        return sb.toString();
    }

    private static final int CACHE_SIZE = 512;
    private static final Map<Object, PyPattern> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, PyPattern> e) {
            return size() > CACHE_SIZE;
        }
    };

    record Key(boolean bytes, String pattern, int flags) {}

    static PyPattern compile(PyObject pattern, PyObject flagsArg) {
        int flags = Args.isNone(flagsArg) ? 0 : Args.asInt(flagsArg);
        if (pattern instanceof PyPattern p) {
            if (flags != 0) throw Errors.valueError("cannot process flags argument with a compiled pattern");
            return p;
        }
        Key key;
        if (pattern instanceof PyStr s) {
            key = new Key(false, s.value, flags);
        } else if (pattern instanceof PyBytes b) {
            key = new Key(true, new String(b.value, StandardCharsets.ISO_8859_1), flags);
        } else {
            throw Errors.typeError("first argument must be string or compiled pattern");
        }
        synchronized (CACHE) {
            PyPattern p = CACHE.get(key);
            if (p != null) return p;
        }
        PyPattern p = PyPattern.compile(pattern, flags);
        synchronized (CACHE) {
            CACHE.put(key, p);
        }
        return p;
    }

    private static final ArgParser COMPILE = ArgParser.of("compile", 1, 0, "pattern", "flags");
    private static final ArgParser RUN = ArgParser.of("search", 2, 0, "pattern", "string", "flags");
    private static final ArgParser SUB = ArgParser.of("sub", 3, 0, "pattern", "repl", "string", "count", "flags");
    private static final ArgParser SPLIT = ArgParser.of("split", 2, 0, "pattern", "string", "maxsplit", "flags");

    private static final String SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f";

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() * 2);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (SPECIAL.indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("re");
        for (String[] f : FLAG_NAMES) m.setSteal(f[0], PyInt.of(Integer.parseInt(f[1])));
        String[][] shorts = {{"T", "TEMPLATE"}, {"I", "IGNORECASE"}, {"L", "LOCALE"}, {"M", "MULTILINE"},
            {"S", "DOTALL"}, {"U", "UNICODE"}, {"X", "VERBOSE"}, {"A", "ASCII"}};
        for (String[] s : shorts) m.set(s[0], m.get(s[1]));
        m.setSteal("NOFLAG", PyInt.of(0));
        m.set("error", ERROR);
        m.set("PatternError", ERROR);
        m.set("Pattern", PyPattern.TYPE);
        m.set("Match", PyMatch.TYPE);
        m.def("compile", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = COMPILE.parse(args, kw);
            return RefCount.newRef(compile(a[0], a[1]));
        });
        String[] modes = {"search", "match", "fullmatch"};
        for (int k = 0; k < 3; k++) {
            int mode = k;
            m.def(modes[k], (Fn.FV) (mod, args, kw) -> {
                PyObject[] a = RUN.parse(args, kw);
                return compile(a[0], a[2]).run(mode, a[1], null, null);
            });
        }
        m.def("findall", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = RUN.parse(args, kw);
            return Ops2.findall(compile(a[0], a[2]), a[1], null, null);
        });
        m.def("finditer", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = RUN.parse(args, kw);
            return Ops2.finditer(compile(a[0], a[2]), a[1], null, null);
        });
        m.def("split", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = SPLIT.parse(args, kw);
            return Ops2.split(compile(a[0], a[3]), a[1], a[2] == null ? 0 : Args.asLong(a[2]));
        });
        m.def("sub", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = SUB.parse(args, kw);
            return Ops2.sub(compile(a[0], a[4]), a[1], a[2], a[3] == null ? 0 : Args.asLong(a[3]), false);
        });
        m.def("subn", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = SUB.parse(args, kw);
            return Ops2.sub(compile(a[0], a[4]), a[1], a[2], a[3] == null ? 0 : Args.asLong(a[3]), true);
        });
        m.def("escape", (Fn.F1) (mod, p) -> {
            if (p instanceof PyStr s) return PyStr.of(escape(s.value));
            if (p instanceof PyBytes b) {
                return PyBytes.of(escape(new String(b.value, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
            }
            throw Errors.typeError("expected str or bytes, not %s", p.type().name());
        });
        m.def("purge", (Fn.F0) mod -> {
            synchronized (CACHE) {
                CACHE.clear();
            }
            return PyNone.NONE;
        });
        return m;
    }
}
