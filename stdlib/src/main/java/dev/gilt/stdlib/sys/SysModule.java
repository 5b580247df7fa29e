package dev.gilt.stdlib.sys;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.ModuleRegistry;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.stdlib.io.IoModule;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Exc;
import dev.gilt.stdlib.util.Namespace;
import dev.gilt.stdlib.util.StructSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code sys} module. It shares its mutable state with the interpreter: {@code sys.modules}
 * is {@link Interp#modules} itself, and {@code sys.path} is a list that the importer reads through
 * {@link Interp#sysPath} (set here), so assignments to sys.path entries are seen at the next
 * import. The standard streams are text files from {@code _io}; they implement
 * {@link dev.gilt.runtime.io.TextSink} so print() writes to them without a method call.
 */
public final class SysModule implements ModuleProvider {
    public static final String VERSION = "3.12.0";
    public static final String GILT_VERSION = "0.1.0";
    public static final int HEXVERSION = 0x030c00f0;

    /** sys.setswitchinterval's value in seconds; the GIL reads it through {@link #switchInterval()}. */
    private static volatile double switchInterval = parseSwitchInterval();
    /** sys.set_int_max_str_digits (0 = no limit). */
    public static volatile int intMaxStrDigits = 4300;
    private static volatile PyObject traceFunc = PyNone.NONE, profileFunc = PyNone.NONE;

    private static double parseSwitchInterval() {
        try {
            return Double.parseDouble(System.getProperty("gilt.switchinterval", "0.005"));
        } catch (NumberFormatException e) {
            return 0.005;
        }
    }

    /** The switch interval in seconds (sys.getswitchinterval()). */
    public static double switchInterval() {
        return switchInterval;
    }

    /** Called with the new interval (seconds) whenever sys.setswitchinterval changes it. */
    public static volatile java.util.function.DoubleConsumer onSwitchInterval = v -> {};

    @Override
    public String name() {
        return "sys";
    }

    static final StructSeq.Type VERSION_INFO = StructSeq.newType("sys", "version_info",
            new String[] {"major", "minor", "micro", "releaselevel", "serial"});
    static final StructSeq.Type FLAGS = StructSeq.newType("sys", "flags", new String[] {"debug", "inspect",
            "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment",
            "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
            "warn_default_encoding", "safe_path", "int_max_str_digits"});
    static final StructSeq.Type FLOAT_INFO = StructSeq.newType("sys", "float_info", new String[] {"max", "max_exp",
            "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"});
    static final StructSeq.Type INT_INFO = StructSeq.newType("sys", "int_info", new String[] {"bits_per_digit",
            "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"});
    static final StructSeq.Type HASH_INFO = StructSeq.newType("sys", "hash_info", new String[] {"width", "modulus",
            "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"});
    static final StructSeq.Type THREAD_INFO = StructSeq.newType("sys", "thread_info",
            new String[] {"name", "lock", "version"});

    private static PyObject i(long v) {
        return PyInt.of(v);
    }

    private static PyObject s(String v) {
        return PyStr.of(v);
    }

    private static PyObject f(double v) {
        return PyFloat.of(v);
    }

    public static PyObject versionInfo() {
        return StructSeq.make(VERSION_INFO, i(3), i(12), i(0), s("final"), i(0));
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("sys");
        m.setSteal("__doc__", s("This module provides access to some objects used or maintained by the\n"
                + "interpreter and to functions that interact strongly with the interpreter."));
        // --- state shared with the interpreter
        m.set("modules", interp.modules);
        PyList argv = new PyList();
        for (String a : interp.argv) argv.appendSteal(PyStr.of(a));
        m.setSteal("argv", argv);
        PyList orig = new PyList();
        orig.appendSteal(s("gilt"));
        for (String a : interp.argv) orig.appendSteal(PyStr.of(a));
        m.setSteal("orig_argv", orig);
        PyList path;
        if (interp.sysPath != null) {
            path = RefCount.newRef(interp.sysPath);
        } else {
            path = new PyList();
            for (String p : interp.path) path.appendSteal(PyStr.of(p));
            interp.sysPath = RefCount.newRef(path);
        }
        m.setSteal("path", path);
        m.setSteal("meta_path", new PyList());
        m.setSteal("path_hooks", new PyList());
        m.setSteal("path_importer_cache", new PyDict());
        m.setSteal("warnoptions", new PyList());
        PyDict xopts = new PyDict();
        String xs = System.getProperty("gilt.xoptions", "");
        for (String x : xs.split(",")) {
            if (x.isEmpty()) continue;
            int eq = x.indexOf('=');
            PyStr k = PyStr.of(eq < 0 ? x : x.substring(0, eq));
            PyObject v = eq < 0 ? PyBool.TRUE : PyStr.of(x.substring(eq + 1));
            xopts.setItem(k, v);
            RefCount.decref(k);
            RefCount.decref(v);
        }
        m.setSteal("_xoptions", xopts);

        // --- standard streams
        boolean unbuffered = Boolean.getBoolean("gilt.unbuffered") || notEmpty(System.getenv("PYTHONUNBUFFERED"));
        PyObject in = IoModule.stdStream(0, unbuffered), out = IoModule.stdStream(1, unbuffered),
                err = IoModule.stdStream(2, unbuffered);
        m.set("stdin", in);
        m.set("stdout", out);
        m.set("stderr", err);
        m.setSteal("__stdin__", in);
        m.setSteal("__stdout__", out);
        m.setSteal("__stderr__", err);

        // --- constants
        String version = VERSION + " (Gilt " + GILT_VERSION + ") [Java " + Runtime.version().feature() + "]";
        m.setSteal("version", s(version));
        m.setSteal("version_info", versionInfo());
        m.setSteal("hexversion", i(HEXVERSION));
        m.setSteal("api_version", i(1013));
        m.setSteal("implementation", new Namespace().setSteal("name", s("gilt")).setSteal("cache_tag", PyNone.NONE)
                .setSteal("version", StructSeq.make(VERSION_INFO, i(0), i(1), i(0), s("alpha"), i(0)))
                .setSteal("hexversion", i(0x000100a0)).setSteal("_multiarch", s("x86_64-linux-gnu")));
        m.setSteal("platform", s("linux"));
        m.setSteal("byteorder", s(java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? "little" : "big"));
        m.setSteal("maxsize", i(Long.MAX_VALUE));
        m.setSteal("maxunicode", i(0x10ffff));
        m.setSteal("float_info", StructSeq.make(FLOAT_INFO, f(Double.MAX_VALUE), i(1024), i(308), f(Double.MIN_NORMAL),
                i(-1021), i(-307), i(15), i(53), f(Math.ulp(1.0)), i(2), i(1)));
        m.setSteal("float_repr_style", s("short"));
        m.setSteal("int_info", StructSeq.make(INT_INFO, i(30), i(4), i(4300), i(640)));
        m.setSteal("hash_info", StructSeq.make(HASH_INFO, i(64), i((1L << 61) - 1), i(314159), i(0), i(1000003),
                s("fnv"), i(64), i(0), i(0)));
        m.setSteal("thread_info", StructSeq.make(THREAD_INFO, s("pthread"), s("mutex+cond"), PyNone.NONE));
        String home = System.getProperty("gilt.home", "");
        m.setSteal("executable", s(System.getProperty("gilt.executable", home.isEmpty() ? "" : home + "/bin/gilt")));
        m.setSteal("_base_executable", s(System.getProperty("gilt.executable", "")));
        for (String k : new String[] {"prefix", "base_prefix", "exec_prefix", "base_exec_prefix"}) {
            m.setSteal(k, s(home));
        }
        m.setSteal("platlibdir", s("lib"));
        m.setSteal("pycache_prefix", PyNone.NONE);
        m.setSteal("abiflags", s(""));
        m.setSteal("copyright", s("Copyright (c) Gilt authors.\nPython is Copyright (c) Python Software Foundation."));
        m.setSteal("dont_write_bytecode", PyBool.TRUE);
        boolean optimize = Boolean.getBoolean("gilt.optimize");
        m.setSteal("flags", StructSeq.make(FLAGS, i(0), i(Boolean.getBoolean("gilt.inspect") ? 1 : 0), i(0),
                i(optimize ? 1 : 0), i(1), i(0), i(0), i(0), i(0), i(0), i(Boolean.getBoolean("gilt.quiet") ? 1 : 0),
                i(0), i(0), PyBool.FALSE, i(1), i(0), PyBool.FALSE, i(-1)));
        m.setSteal("builtin_module_names", builtinModuleNames());
        m.setSteal("stdlib_module_names", stdlibModuleNames());

        defineFunctions(m);
        m.set("displayhook", m.get("__displayhook__"));
        m.set("excepthook", m.get("__excepthook__"));
        m.set("breakpointhook", m.get("__breakpointhook__"));
        m.set("unraisablehook", m.get("__unraisablehook__"));
        return m;
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    static PyTuple builtinModuleNames() {
        TreeSet<String> names = new TreeSet<>(ModuleRegistry.providers().keySet());
        names.add("builtins");
        names.add("sys");
        List<PyObject> out = new ArrayList<>();
        for (String n : names) out.add(PyStr.of(n));
        return PyTuple.steal(out.toArray(new PyObject[0]));
    }

    /** The names of the standard library (a tuple until frozenset lands in the runtime). */
    static PyObject stdlibModuleNames() {
        TreeSet<String> names = new TreeSet<>(ModuleRegistry.providers().keySet());
        names.addAll(List.of("abc", "argparse", "atexit", "bisect", "builtins", "collections", "contextlib", "copy",
                "dataclasses", "datetime", "dis", "enum", "functools", "gc", "heapq", "io", "itertools", "json",
                "keyword", "math", "operator", "os", "posixpath", "random", "re", "statistics", "string", "sys",
                "textwrap", "time", "traceback", "types", "typing", "warnings", "weakref"));
        List<PyObject> out = new ArrayList<>();
        for (String n : names) out.add(PyStr.of(n));
        return PyTuple.steal(out.toArray(new PyObject[0]));
    }

    private static final ArgParser GETFRAME = ArgParser.of("_getframe", 0, 1, "depth");
    private static final ArgParser EXIT = ArgParser.of("exit", 0, 1, "status");

    private static void defineFunctions(PyModule m) {
        m.def("exit", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = EXIT.parse(args, kw);
            PyObject code = a[0] == null ? null : a[0];
            PyObject[] eargs = code == null ? new PyObject[0] : new PyObject[] {code};
            throw Exc.make(PyExc.SystemExit, eargs, "code", code == null ? PyNone.NONE : code);
        });
        m.def("getrefcount", (Fn.F1) (mod, x) -> PyInt.of(RefCount.count(x)));
        m.def("getrecursionlimit", (Fn.F0) mod -> PyInt.of(ThreadState.recursionLimit));
        m.def("setrecursionlimit", (Fn.F1) (mod, x) -> {
            if (x instanceof PyFloat) throw Errors.typeError("'float' object cannot be interpreted as an integer");
            long n = Args.asLong(x);
            if (n < 1) throw Errors.valueError("recursion limit must be greater or equal than 1");
            int depth = ThreadState.current().recursionDepth;
            if (n <= depth) {
                throw Errors.of(PyExc.RecursionError, String.format(
                        "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, depth));
            }
            ThreadState.recursionLimit = (int) Math.min(n, Integer.MAX_VALUE);
            return PyNone.NONE;
        });
        m.def("getsizeof", (Fn.FV) (mod, args, kw) -> {
            Args.count("getsizeof", args, 1, 2);
            return PyInt.of(sizeOf(args[0]));
        });
        m.def("getdefaultencoding", (Fn.F0) mod -> s("utf-8"));
        m.def("getfilesystemencoding", (Fn.F0) mod -> s("utf-8"));
        m.def("getfilesystemencodeerrors", (Fn.F0) mod -> s("surrogateescape"));
        m.def("intern", (Fn.F1) (mod, x) -> {
            if (!(x instanceof PyStr st)) throw Errors.typeError("intern() argument must be str, not %s", x.type().name());
            return RefCount.newRef(PyStr.intern(st.value));
        });
        m.def("exc_info", (Fn.F0) mod -> {
            PyObject e = handled();
            if (e == null) return PyTuple.of(PyNone.NONE, PyNone.NONE, PyNone.NONE);
            PyObject tb = e instanceof PyBaseException be && be.traceback != null ? be.traceback : PyNone.NONE;
            return PyTuple.of(e.type(), e, tb);
        });
        m.def("exception", (Fn.F0) mod -> {
            PyObject e = handled();
            return e == null ? PyNone.NONE : RefCount.newRef(e);
        });
        m.def("_getframe", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = GETFRAME.parse(args, kw);
            int depth = a[0] == null ? 0 : Args.asInt(a[0]);
            Interp in = Interp.main();
            PyObject f = in == null || in.hooks == null ? null : in.hooks.frame(depth);
            if (f == null) f = walkFrames(depth);
            if (f == null) throw Errors.valueError("call stack is not deep enough");
            return f;
        });
        m.def("settrace", (Fn.F1) (mod, fn) -> {
            traceFunc = RefCount.newRef(fn);
            return PyNone.NONE;
        });
        m.def("gettrace", (Fn.F0) mod -> RefCount.newRef(traceFunc));
        m.def("setprofile", (Fn.F1) (mod, fn) -> {
            profileFunc = RefCount.newRef(fn);
            return PyNone.NONE;
        });
        m.def("getprofile", (Fn.F0) mod -> RefCount.newRef(profileFunc));
        m.def("getswitchinterval", (Fn.F0) mod -> PyFloat.of(switchInterval));
        m.def("setswitchinterval", (Fn.F1) (mod, x) -> {
            double v = Args.asDouble(x);
            if (!(v > 0)) throw Errors.valueError("switch interval must be strictly positive");
            switchInterval = v;
            onSwitchInterval.accept(v);
            return PyNone.NONE;
        });
        m.def("_is_gil_enabled", (Fn.F0) mod -> PyBool.of(Config.GIL_ENABLED));
        SysGil.install(m); // the lock's switch/check intervals and statistics (issue 3)
        m.def("get_int_max_str_digits", (Fn.F0) mod -> PyInt.of(intMaxStrDigits));
        m.def("set_int_max_str_digits", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = ArgParser.of("set_int_max_str_digits", 1, 0, "maxdigits").parse(args, kw);
            long v = Args.asLong(a[0]);
            if (v != 0 && v <= 640) throw Errors.valueError("maxdigits must be 0 or larger than 640");
            intMaxStrDigits = (int) Math.min(v, Integer.MAX_VALUE);
            dev.gilt.runtime.object.number.IntParse.maxStrDigits = intMaxStrDigits; // int()/str() read it
            return PyNone.NONE;
        });
        m.def("getallocatedblocks", (Fn.F0) mod -> PyInt.of(RefCount.liveBlocks()));
        m.def("is_finalizing", (Fn.F0) mod -> PyBool.FALSE);
        m.def("audit", (Fn.FV) (mod, args, kw) -> PyNone.NONE);
        m.def("addaudithook", (Fn.F1) (mod, hook) -> PyNone.NONE);
        m.def("call_tracing", (Fn.F2) (mod, fn, args) -> Ops.call(fn, ((PyTuple) args).items));
        m.def("__displayhook__", (Fn.F1) SysModule::displayhook);
        m.def("__excepthook__", (Fn.F3) (mod, t, v, tb) -> {
            excepthook(v);
            return PyNone.NONE;
        });
        m.def("__breakpointhook__", (Fn.FV) (mod, args, kw) -> PyNone.NONE);
        m.def("__unraisablehook__", (Fn.F1) (mod, u) -> {
            writeErr("Exception ignored in: " + Args.repr(u) + "\n");
            return PyNone.NONE;
        });
    }

    /**
     * The frame {@code depth} levels up from the innermost running one (the caller of
     * _getframe: builtins push no frame), following f_back; null when the stack is shallower.
     */
    static PyObject walkFrames(int depth) {
        if (depth < 0) return null;
        Object top = ThreadState.current().frame;
        if (!(top instanceof PyObject f)) return null;
        f = RefCount.newRef(f);
        for (int k = 0; k < depth; k++) {
            PyObject back = Ops.getAttr(f, "f_back");
            RefCount.decref(f);
            if (back == PyNone.NONE) return null;
            f = back;
        }
        return f;
    }

    private static PyObject handled() {
        PyObject e = ThreadState.current().handledException;
        return e == PyNone.NONE ? null : e;
    }

    private static PyObject sysAttr(String name) {
        Interp in = Interp.main();
        if (in == null) return null;
        PyObject sys = in.modules.getItemStr(PyStr.intern("sys"));
        return sys instanceof PyModule pm ? pm.get(name) : null;
    }

    /** sys.displayhook: print repr(value) to sys.stdout and bind builtins._ (unless value is None). */
    static PyObject displayhook(PyObject mod, PyObject value) {
        if (value == PyNone.NONE) return PyNone.NONE;
        Interp in = Interp.main();
        if (in != null && in.builtins != null) in.builtins.set("_", PyNone.NONE);
        String text = Args.repr(value) + "\n";
        PyObject out = sysAttr("stdout");
        if (out instanceof dev.gilt.runtime.io.TextSink ts) {
            ts.write(text);
        } else if (out != null && out != PyNone.NONE) {
            PyStr t = PyStr.of(text);
            try {
                RefCount.decref(Ops.callMethod(out, "write", t));
            } finally {
                RefCount.decref(t);
            }
        } else {
            throw Errors.runtimeError("lost sys.stdout");
        }
        if (in != null && in.builtins != null) in.builtins.set("_", value);
        return PyNone.NONE;
    }

    private static void writeErr(String text) {
        PyObject err = sysAttr("stderr");
        if (err instanceof dev.gilt.runtime.io.TextSink ts) {
            ts.write(text);
            ts.flush();
        } else {
            System.err.print(text);
            System.err.flush();
        }
    }

    /** The default excepthook: traceback.print_exception when importable, else "Type: message". */
    static void excepthook(PyObject value) {
        Interp in = Interp.main();
        if (in != null && in.hooks != null) {
            try {
                PyObject tbmod = in.hooks.importModule("traceback", null, PyNone.NONE, 0);
                try {
                    RefCount.decref(Ops.callMethod(tbmod, "print_exception", value));
                    return;
                } finally {
                    RefCount.decref(tbmod);
                }
            } catch (dev.gilt.runtime.error.PyException e) {
                RefCount.decref(e.exc);
            }
        }
        String msg = Ops.strString(value);
        writeErr(value.type().name() + (msg.isEmpty() ? "" : ": " + msg) + "\n");
    }

    /** A CPython-like (64-bit) size estimate for sys.getsizeof. */
    static long sizeOf(PyObject o) {
        PyObject m = o.type().lookup("__sizeof__");
        if (m != null && o.type().isHeapType()) {
            PyObject r = Ops.callMethod(o, "__sizeof__");
            try {
                long v = Args.asLong(r);
                if (v < 0) throw Errors.valueError("__sizeof__() should return >= 0");
                return v + (o instanceof PyGcObject ? 16 : 0);
            } finally {
                RefCount.decref(r);
            }
        }
        if (o instanceof PyBool) return 28;
        if (o instanceof PyInt n) {
            int bits = n.bigValue().abs().bitLength();
            return 24 + 4L * Math.max(1, (bits + 29) / 30);
        }
        if (o instanceof PyFloat) return 24;
        if (o == PyNone.NONE) return 16;
        if (o instanceof PyStr st) {
            int max = 0;
            for (int k = 0; k < st.value.length(); ) {
                int c = st.value.codePointAt(k);
                k += Character.charCount(c);
                max = Math.max(max, c);
            }
            int n = st.value.codePointCount(0, st.value.length());
            if (max < 128) return 49 + n;
            if (max < 256) return 73 + n;
            if (max < 65536) return 74 + 2L * n;
            return 76 + 4L * n;
        }
        if (o instanceof PyBytes b) return 33 + b.value.length;
        if (o instanceof PyTuple t) return 40 + 8L * t.items.length;
        if (o instanceof PyList l) return 56 + 8L * (l.size == 0 ? 0 : l.items.length);
        if (o instanceof PyDict d) return d.size() == 0 ? 64 : 64 + 160 + 24L * Math.max(0, d.size() - 5);
        if (o instanceof PyType) return 1688;
        return o instanceof PyGcObject ? 56 : 16;
    }
}
