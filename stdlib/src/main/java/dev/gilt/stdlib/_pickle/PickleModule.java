package dev.gilt.stdlib._pickle;

import dev.gilt.interp.imp.Importer;
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
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyByteArray;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import java.util.List;

/**
 * {@code _pickle}: the pickle protocol in Java ({@link Pickler}, {@link Unpickler}). The module
 * {@code pickle} (lib/pickle.py) re-exports these functions and wraps the engines in the
 * {@code Pickler}/{@code Unpickler} classes, whose subclasses may define {@code persistent_id},
 * {@code reducer_override}, {@code dispatch_table}, {@code find_class} and
 * {@code persistent_load}.
 *
 * <p>The exception classes live here, as in CPython ({@code _pickle.PicklingError}).
 */
public final class PickleModule implements ModuleProvider {
    @Override
    public String name() {
        return "_pickle";
    }

    static volatile PyType pickleError, picklingError, unpicklingError;

    private static final ArgParser DUMPS = ArgParser.of("dumps", 1, 0, "obj", "protocol", "*", "fix_imports", "buffer_callback");
    private static final ArgParser DUMP = ArgParser.of("dump", 2, 0, "obj", "file", "protocol", "*", "fix_imports", "buffer_callback");
    private static final ArgParser LOADS = ArgParser.of("loads", 1, 1, "data", "*", "fix_imports", "encoding", "errors", "buffers");
    private static final ArgParser LOAD = ArgParser.of("load", 1, 0, "file", "*", "fix_imports", "encoding", "errors", "buffers");

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_pickle");
        ensureExceptions();
        m.set("PickleError", pickleError);
        m.set("PicklingError", picklingError);
        m.set("UnpicklingError", unpicklingError);
        m.setSteal("HIGHEST_PROTOCOL", PyInt.of(Op.HIGHEST_PROTOCOL));
        m.setSteal("DEFAULT_PROTOCOL", PyInt.of(Op.DEFAULT_PROTOCOL));
        m.set("PicklerMemo", MemoObject.TYPE);
        m.set("UnpicklerMemo", UnpicklerMemoObject.TYPE);

        m.def("dumps", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = DUMPS.parse(args, kw);
            int proto = checkProtocol(a[1]);
            Pickler p = new Pickler(proto, a[2] == null || Args.truth(a[2]), null);
            p.bufferCallback = a[3] == null || a[3] == PyNone.NONE ? null : a[3];
            try {
                p.dump(a[0]);
                return PyBytes.of(p.result());
            } finally {
                p.memo.clear();
            }
        });
        m.def("dump", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = DUMP.parse(args, kw);
            int proto = checkProtocol(a[2]);
            PyObject write = Ops.lookupAttr(a[1], PyStr.intern("write"));
            if (write == null) throw Errors.typeError("file must have a 'write' attribute");
            Pickler p = new Pickler(proto, a[3] == null || Args.truth(a[3]), null);
            p.bufferCallback = a[4] == null || a[4] == PyNone.NONE ? null : a[4];
            p.fileWrite = write;
            try {
                p.dump(a[0]);
                return PyNone.NONE;
            } finally {
                p.memo.clear();
                RefCount.decref(write);
            }
        });
        m.def("loads", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = LOADS.parse(args, kw);
            Unpickler u = newUnpickler(Unpickler.Reader.of(bytesOf(a[0])), a[1], a[2], a[3], a[4]);
            try {
                return u.load();
            } finally {
                u.memo.clear();
            }
        });
        m.def("load", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = LOAD.parse(args, kw);
            Unpickler u = newUnpickler(Unpickler.Reader.ofFile(a[0]), a[1], a[2], a[3], a[4]);
            try {
                return u.load();
            } finally {
                u.memo.clear();
            }
        });
        // The engines behind pickle.Pickler / pickle.Unpickler (lib/pickle.py).
        m.def("_check_protocol", (Fn.F1) (mod, p) -> PyInt.of(checkProtocol(p)));
        m.def("_dump_with", (Fn.F2) (mod, self, obj) -> {
            dumpWith(self, obj);
            return PyNone.NONE;
        });
        m.def("_load_with", (Fn.F2) (mod, self, custom) -> loadWith(self, Args.truth(custom)));
        m.def("_find_class", (Fn.FV) (mod, args, kw) -> {
            Args.count("find_class", args, 3, 4);
            int proto = args.length > 3 ? Args.asInt(args[3]) : Op.HIGHEST_PROTOCOL;
            return Unpickler.findClassDefault(Args.asStr(args[1], "module name"), Args.asStr(args[2], "global name"),
                    proto, Args.truth(args[0]));
        });
        return m;
    }

    // ---- the Pickler / Unpickler classes of pickle.py ----------------------------------------

    /** Pickler.dump: the engine configured from the Python object's attributes and hooks. */
    static void dumpWith(PyObject self, PyObject obj) {
        int proto = (int) Args.asLong(attr(self, "_proto"));
        boolean fix = Args.truth(attr(self, "_fix_imports"));
        PyObject memoObj = attr(self, "_memo");
        if (!(memoObj instanceof MemoObject mo)) throw Errors.typeError("Pickler memo is not set");
        Pickler p = new Pickler(proto, fix, mo.memo);
        PyObject write = Ops.getAttr(self, "_file_write");
        PyObject pers = Ops.lookupAttr(self, PyStr.intern("persistent_id"));
        PyObject ro = Ops.lookupAttr(self, PyStr.intern("reducer_override"));
        PyObject dt = Ops.lookupAttr(self, PyStr.intern("dispatch_table"));
        PyObject bc = Ops.lookupAttr(self, PyStr.intern("_buffer_callback"));
        try {
            p.fileWrite = write;
            p.persFunc = pers;
            p.reducerOverride = ro;
            p.dispatchTable = dt == PyNone.NONE ? null : dt;
            p.bufferCallback = bc == PyNone.NONE ? null : bc;
            p.dump(obj);
        } finally {
            RefCount.decref(write);
            RefCount.xdecref(pers);
            RefCount.xdecref(ro);
            RefCount.xdecref(dt);
            RefCount.xdecref(bc);
        }
    }

    static PyObject loadWith(PyObject self, boolean customFindClass) {
        PyObject file = attr(self, "_file");
        PyObject memoObj = attr(self, "_memo");
        if (!(memoObj instanceof UnpicklerMemoObject mo)) throw Errors.typeError("Unpickler memo is not set");
        Unpickler.Reader r;
        PyObject reader = Ops.lookupAttr(self, PyStr.intern("_reader"));
        if (reader instanceof ReaderObject ro) {
            r = ro.reader;
        } else {
            r = Unpickler.Reader.ofFile(file);
            ReaderObject ro = new ReaderObject(r);
            Ops.setAttr(self, PyStr.intern("_reader"), ro);
            RefCount.decref(ro);
        }
        RefCount.xdecref(reader);
        Unpickler u = new Unpickler(r, Args.truth(attr(self, "_fix_imports")), Args.asStr(attr(self, "_encoding"), "encoding"),
                Args.asStr(attr(self, "_errors"), "errors"), mo.memo);
        PyObject buffers = attr(self, "_buffers");
        PyObject pl = Ops.lookupAttr(self, PyStr.intern("persistent_load"));
        PyObject fc = customFindClass ? Ops.getAttr(self, "find_class") : null;
        try {
            u.buffers = buffers == PyNone.NONE ? null : Ops.iter(buffers);
            u.persistentLoad = pl;
            // Only an overriding find_class is called; the base class's is the engine's own.
            u.findClass = fc;
            return u.load();
        } finally {
            RefCount.xdecref(u.buffers);
            RefCount.xdecref(pl);
            RefCount.xdecref(fc);
        }
    }

    /** self.name (borrowed from the instance dict when possible; the object keeps it alive). */
    private static PyObject attr(PyObject self, String name) {
        PyObject v = Ops.getAttr(self, name);
        RefCount.decref(v); // the instance holds it
        return v;
    }

    private static Unpickler newUnpickler(Unpickler.Reader r, PyObject fix, PyObject enc, PyObject errors, PyObject buffers) {
        Unpickler u = new Unpickler(r, fix == null || Args.truth(fix),
                enc == null ? "ASCII" : Args.asStr(enc, "encoding"), errors == null ? "strict" : Args.asStr(errors, "errors"), null);
        if (buffers != null && buffers != PyNone.NONE) u.buffers = Ops.iter(buffers);
        return u;
    }

    static byte[] bytesOf(PyObject data) {
        if (data instanceof PyBytes b) return b.value;
        if (data instanceof PyByteArray ba) return ba.toByteArray();
        if (data instanceof PyStr) throw Errors.typeError("a bytes-like object is required, not 'str'");
        PyObject tb = Ops.lookupAttr(data, PyStr.intern("tobytes"));
        if (tb != null) {
            try {
                PyObject r = Ops.call(tb);
                try {
                    if (r instanceof PyBytes b) return b.value;
                } finally {
                    RefCount.decref(r);
                }
            } finally {
                RefCount.decref(tb);
            }
        }
        throw Errors.typeError("a bytes-like object is required, not '%s'", data.type().name());
    }

    /** None → DEFAULT_PROTOCOL; negative → HIGHEST_PROTOCOL; above 5 → ValueError. */
    static int checkProtocol(PyObject p) {
        if (p == null || p == PyNone.NONE) return Op.DEFAULT_PROTOCOL;
        long v = Args.asLong(p);
        if (v < 0) return Op.HIGHEST_PROTOCOL;
        if (v > Op.HIGHEST_PROTOCOL) throw Errors.valueError("pickle protocol must be <= %d", Op.HIGHEST_PROTOCOL);
        return (int) v;
    }

    // ---- exceptions ---------------------------------------------------------------------------

    static synchronized void ensureExceptions() {
        if (pickleError != null) return;
        pickleError = newException("PickleError", PyExc.Exception);
        picklingError = newException("PicklingError", pickleError);
        unpicklingError = newException("UnpicklingError", pickleError);
    }

    private static PyType newException(String name, PyType base) {
        PyDict ns = new PyDict();
        ns.setItem(PyStr.intern("__module__"), PyStr.intern("_pickle"));
        PyStr n = PyStr.of(name);
        PyTuple bases = PyTuple.of(base);
        try {
            return (PyType) Ops.call(PyType.TYPE, n, bases, ns);
        } finally {
            RefCount.decref(n);
            RefCount.decref(bases);
            RefCount.decref(ns);
        }
    }

    public static PyException picklingError(String fmt, Object... args) {
        ensureExceptions();
        return Errors.of(picklingError, args.length == 0 ? fmt : String.format(fmt, args));
    }

    public static PyException unpicklingError(String fmt, Object... args) {
        ensureExceptions();
        return Errors.of(unpicklingError, args.length == 0 ? fmt : String.format(fmt, args));
    }

    /** True if {@code e} is a PicklingError (or another pickling failure a caller may skip). */
    public static boolean isPicklingError(PyBaseException e) {
        ensureExceptions();
        return e.type().isSubtypeOf(picklingError);
    }

    // ---- helpers shared by the engines --------------------------------------------------------

    static String strRepr(String s) {
        return Args.reprString(s);
    }

    /** importlib.import_module(name): the module itself (new reference). */
    static PyObject importModule(String name) {
        return Importer.gcdImport(name);
    }

    /** builtins.NAME (new reference). */
    static PyObject builtin(String name) {
        Interp in = Interp.main();
        PyObject v = in.builtins.dict.getItemStr(PyStr.intern(name));
        if (v == null) throw Errors.systemError("builtins." + name + " is missing");
        return RefCount.newRef(v);
    }

    /** module.NAME (new reference). */
    static PyObject moduleAttr(String module, String name) {
        PyObject m = importModule(module);
        try {
            return Ops.getAttr(m, name);
        } finally {
            RefCount.decref(m);
        }
    }

    /** copyreg.NAME (new reference), or null when copyreg cannot be imported. */
    static PyObject copyregAttr(String name) {
        PyObject m;
        Interp in = Interp.main();
        PyObject cached = in.modules.getItemStr(PyStr.intern("copyreg"));
        if (cached != null) {
            m = RefCount.newRef(cached);
        } else {
            try {
                m = importModule("copyreg");
            } catch (PyException e) {
                RefCount.decref(e.exc);
                return null;
            }
        }
        try {
            return Ops.lookupAttr(m, PyStr.intern(name));
        } finally {
            RefCount.decref(m);
        }
    }

    /**
     * {@code _codecs.encode}, which protocols 0-2 use to rebuild bytes. Gilt has no _codecs
     * module, so this is a builtin function that pickles by reference as {@code _codecs.encode}
     * ({@link #CODECS_ENCODE} is recognised by the pickler) and that the unpickler returns for
     * that name.
     */
    static PyObject codecsEncode() {
        return RefCount.newRef(CODECS_ENCODE);
    }

    static final PyBuiltinFunction CODECS_ENCODE = RefCount.immortalize(PyBuiltinFunction.of("encode", null,
            (Fn.FV) (self, args, kw) -> {
                Args.count("encode", args, 1, 3);
                if (args.length == 1) return Ops.callMethod(args[0], "encode");
                if (args.length == 2) return Ops.callMethod(args[0], "encode", args[1]);
                return Ops.callMethod(args[0], "encode", args[1], args[2]);
            }));

    // ---- Python-visible holder objects --------------------------------------------------------

    /** The memo of a pickle.Pickler (persists across dump calls until clear_memo). */
    public static final class MemoObject extends PyObject {
        public static final PyType TYPE = Attr.install(PyType.builtin("PicklerMemo", MemoObject.class), "_pickle");
        final Pickler.Memo memo = new Pickler.Memo();

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public void releaseReferences() {
            memo.clear();
        }

        static {
            TYPE.newInstance = (type, args, kw) -> new MemoObject();
            TYPE.len = self -> ((MemoObject) self).memo.size();
            dev.gilt.runtime.object.PyMethodDescr.define(TYPE, "clear", (Fn.F0) self -> {
                ((MemoObject) self).memo.clear();
                return PyNone.NONE;
            });
        }
    }

    /** The memo of a pickle.Unpickler. */
    public static final class UnpicklerMemoObject extends PyObject {
        public static final PyType TYPE = Attr.install(PyType.builtin("UnpicklerMemo", UnpicklerMemoObject.class), "_pickle");
        final Unpickler.Memo memo = new Unpickler.Memo();

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public void releaseReferences() {
            memo.clear();
        }

        static {
            TYPE.newInstance = (type, args, kw) -> new UnpicklerMemoObject();
            TYPE.len = self -> ((UnpicklerMemoObject) self).memo.size();
            dev.gilt.runtime.object.PyMethodDescr.define(TYPE, "clear", (Fn.F0) self -> {
                ((UnpicklerMemoObject) self).memo.clear();
                return PyNone.NONE;
            });
        }
    }

    /** The buffered reader of a pickle.Unpickler over a file (kept across load calls). */
    static final class ReaderObject extends PyObject {
        static final PyType TYPE = Attr.install(PyType.builtin("UnpicklerReader", ReaderObject.class), "_pickle");
        final Unpickler.Reader reader;

        ReaderObject(Unpickler.Reader r) {
            this.reader = r;
        }

        @Override
        public PyType type() {
            return TYPE;
        }
    }

    /** f(*args, **kw) with kw a dict (borrowed arguments; new reference). */
    public static PyObject callWithKw(PyObject f, PyObject[] args, PyDict kw) {
        return Builtins.callWithKw(f, args, kw);
    }

    /** pickle.dumps(obj, protocol) for Java callers (fresh memo). */
    public static byte[] dumps(PyObject obj, int protocol) {
        Pickler p = new Pickler(protocol, true, null);
        try {
            p.dump(obj);
            return p.result();
        } finally {
            p.memo.clear();
        }
    }

    static List<String> splitDots(String s) {
        return List.of(s.split("\\.", -1));
    }
}
