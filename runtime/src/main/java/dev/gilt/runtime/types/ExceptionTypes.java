package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.ops.Ops;
import java.util.HashMap;
import java.util.Map;

/**
 * The behaviour of exception objects (CPython's Objects/exceptions.c): BaseException's
 * {@code __new__}/{@code __init__} (args), {@code __str__}/{@code __repr__}, the traceback, cause
 * and context attributes, notes, and the extra attributes of the exception families that have
 * them (StopIteration.value, SystemExit.code, OSError's errno/strerror/filename and the errno to
 * subclass mapping, ImportError, NameError, AttributeError, SyntaxError, the Unicode errors).
 * Family attributes live in {@link PyBaseException#fields}.
 *
 * <p>{@link #install} runs at the end of PyExc's initialisation, so every exception type has its
 * slots before any exception exists; the dict entries are added when the types are readied.
 */
public final class ExceptionTypes {
    private ExceptionTypes() {}

    // Field layouts per family.
    static final int SI_VALUE = 0;
    static final int SE_CODE = 0;
    static final int IE_MSG = 0, IE_NAME = 1, IE_PATH = 2, IE_NAME_FROM = 3;
    static final int NE_NAME = 0;
    static final int AE_NAME = 0, AE_OBJ = 1;
    static final int OS_ERRNO = 0, OS_STRERROR = 1, OS_FILENAME = 2, OS_FILENAME2 = 3, OS_WINERROR = 4, OS_WRITTEN = 5;
    static final int SY_MSG = 0, SY_FILENAME = 1, SY_LINENO = 2, SY_OFFSET = 3, SY_TEXT = 4, SY_END_LINENO = 5,
            SY_END_OFFSET = 6, SY_PRINT = 7;
    static final int UE_ENCODING = 0, UE_OBJECT = 1, UE_START = 2, UE_END = 3, UE_REASON = 4;

    private static Slots.New baseNew, osNew;
    private static Slots.Init baseInit, osInit;

    /** Installs the slots of every builtin exception type. Called once, by PyExc. */
    public static void install() {
        PyType be = PyExc.BaseException;
        baseNew = (type, args, kw) -> new PyBaseException(type, PyTuple.of(positional(args, kw)));
        baseInit = (self, args, kw) -> {
            noKeywords(self.type(), kw);
            setArgs((PyBaseException) self, PyTuple.of(positional(args, kw)));
        };
        osNew = ExceptionTypes::osNew;
        osInit = ExceptionTypes::osInit;
        Map<PyType, Slots.New> news = new HashMap<>();
        Map<PyType, Slots.Init> inits = new HashMap<>();
        Map<PyType, Slots.Unary> strs = new HashMap<>();
        news.put(be, baseNew);
        inits.put(be, baseInit);
        strs.put(be, ExceptionTypes::baseStr);
        be.repr = ExceptionTypes::baseRepr;
        strs.put(PyExc.KeyError, ExceptionTypes::keyErrorStr);
        inits.put(PyExc.StopIteration, (self, args, kw) -> {
            baseInit.init(self, args, kw);
            PyBaseException e = (PyBaseException) self;
            setField(e, 1, SI_VALUE, e.args.size() > 0 ? e.args.get(0) : null);
        });
        inits.put(PyExc.SystemExit, (self, args, kw) -> {
            baseInit.init(self, args, kw);
            PyBaseException e = (PyBaseException) self;
            setFieldSteal(e, 1, SE_CODE, defaultCode(e));
        });
        inits.put(PyExc.ImportError, ExceptionTypes::importInit);
        strs.put(PyExc.ImportError, ExceptionTypes::importStr);
        inits.put(PyExc.NameError, (self, args, kw) -> kwInit(self, args, kw, "NameError", new String[] {"name"}, 1));
        inits.put(PyExc.AttributeError, (self, args, kw) ->
                kwInit(self, args, kw, "AttributeError", new String[] {"name", "obj"}, 2));
        news.put(PyExc.OSError, osNew);
        inits.put(PyExc.OSError, osInit);
        strs.put(PyExc.OSError, ExceptionTypes::osStr);
        inits.put(PyExc.SyntaxError, ExceptionTypes::syntaxInit);
        strs.put(PyExc.SyntaxError, ExceptionTypes::syntaxStr);
        inits.put(PyExc.UnicodeDecodeError, (self, args, kw) -> UnicodeErrors.init(self, args, kw, 0));
        inits.put(PyExc.UnicodeEncodeError, (self, args, kw) -> UnicodeErrors.init(self, args, kw, 1));
        inits.put(PyExc.UnicodeTranslateError, (self, args, kw) -> UnicodeErrors.init(self, args, kw, 2));
        strs.put(PyExc.UnicodeDecodeError, s -> UnicodeErrors.str(s, 0));
        strs.put(PyExc.UnicodeEncodeError, s -> UnicodeErrors.str(s, 1));
        strs.put(PyExc.UnicodeTranslateError, s -> UnicodeErrors.str(s, 2));
        // Definition order is a topological order: each type inherits what it does not define.
        PyType[] all = PyExc.all();
        java.util.Arrays.sort(all, java.util.Comparator.comparingInt(x -> x.mro.length));
        for (PyType t : all) {
            PyType b = t.base;
            boolean root = t == be;
            t.newInstance = news.getOrDefault(t, root ? null : b.newInstance);
            t.init = inits.getOrDefault(t, root ? null : b.init);
            t.str = strs.getOrDefault(t, root ? null : b.str);
            if (!root) t.repr = b.repr;
        }
    }

    /** Layout-extending families (they cannot be combined as bases). */
    static boolean extendsLayout(PyType t) {
        return t == PyExc.StopIteration || t == PyExc.SystemExit || t == PyExc.ImportError || t == PyExc.NameError
                || t == ExceptionGroups.BaseExceptionGroup
                || t == PyExc.AttributeError || t == PyExc.OSError || t == PyExc.SyntaxError || t == PyExc.UnicodeError;
    }

    private static PyObject[] positional(PyObject[] args, PyTuple kw) {
        int nkw = kw == null ? 0 : kw.size();
        return nkw == 0 ? args : java.util.Arrays.copyOf(args, args.length - nkw);
    }

    private static void noKeywords(PyType t, PyTuple kw) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("%s() takes no keyword arguments", TypeSlots.shortName(t));
    }

    /** Replaces e.args (steals {@code args}). */
    static void setArgs(PyBaseException e, PyTuple args) {
        PyTuple old = e.args;
        e.args = args;
        if (old != null) RefCount.decref(old);
    }

    static PyObject field(PyBaseException e, int i) {
        if (e.fields == null) fieldsFromArgs(e);
        return e.fields == null || i >= e.fields.length ? null : e.fields[i];
    }

    /**
     * An exception made without running its __init__ (Java code building it from args directly):
     * derive the family attributes from args, as __init__ would have, without changing args.
     */
    private static void fieldsFromArgs(PyBaseException e) {
        PyType t = e.type();
        PyObject[] a = e.args.items;
        int n = a.length;
        if (t.isSubtypeOf(PyExc.OSError)) {
            e.fields = new PyObject[6];
            if (n >= 2 && n <= 5) {
                setField(e, 6, OS_ERRNO, a[0]);
                setField(e, 6, OS_STRERROR, a[1]);
                if (n >= 3) setField(e, 6, OS_FILENAME, a[2]);
                if (n == 5) setField(e, 6, OS_FILENAME2, a[4]);
            }
        } else if (t.isSubtypeOf(PyExc.SyntaxError)) {
            e.fields = new PyObject[8];
            if (n >= 1) setField(e, 8, SY_MSG, a[0]);
            if (n == 2 && a[1] instanceof PyTuple info && info.size() >= 4 && info.size() <= 6) {
                for (int i = 0; i < info.size(); i++) setField(e, 8, SY_FILENAME + i, info.get(i));
            }
        } else if (t.isSubtypeOf(PyExc.ImportError)) {
            e.fields = new PyObject[4];
            if (n == 1) setField(e, 4, IE_MSG, a[0]);
        } else if (t.isSubtypeOf(PyExc.UnicodeError)) {
            e.fields = new PyObject[5];
            int off = t.isSubtypeOf(PyExc.UnicodeTranslateError) ? 0 : 1;
            if (n == 4 + off) {
                if (off == 1) setField(e, 5, UE_ENCODING, a[0]);
                for (int i = 0; i < 4; i++) setField(e, 5, UE_OBJECT + i, a[off + i]);
            }
        }
    }

    /** Sets field i (borrowed value, null for None), allocating {@code n} fields on first use. */
    static void setField(PyBaseException e, int n, int i, PyObject v) {
        RefCount.xincref(v == PyNone.NONE ? null : v);
        setFieldSteal(e, n, i, v == PyNone.NONE ? null : v);
    }

    static void setFieldSteal(PyBaseException e, int n, int i, PyObject v) {
        if (e.fields == null) e.fields = new PyObject[n];
        if (i >= e.fields.length) e.fields = java.util.Arrays.copyOf(e.fields, Math.max(n, i + 1));
        PyObject old = e.fields[i];
        e.fields[i] = v;
        RefCount.xdecref(old);
    }

    private static PyObject defaultCode(PyBaseException e) {
        int n = e.args.size();
        if (n == 0) return null;
        if (n == 1) return RefCount.newRef(e.args.get(0));
        return RefCount.newRef(e.args);
    }

    // ---- str / repr -----------------------------------------------------------------------

    static PyObject baseStr(PyObject self) {
        PyTuple a = ((PyBaseException) self).args;
        return switch (a.size()) {
            case 0 -> PyStr.EMPTY;
            case 1 -> Ops.str(a.get(0));
            default -> Ops.str(a);
        };
    }

    static PyObject baseRepr(PyObject self) {
        PyBaseException e = (PyBaseException) self;
        String name = TypeSlots.shortName(e.type());
        if (e.args.size() == 1) return PyStr.of(name + "(" + Ops.reprString(e.args.get(0)) + ")");
        if (e.args.size() == 0) return PyStr.of(name + "()");
        return PyStr.of(name + Ops.reprString(e.args));
    }

    static PyObject keyErrorStr(PyObject self) {
        PyTuple a = ((PyBaseException) self).args;
        if (a.size() == 1) return Ops.repr(a.get(0));
        return baseStr(self);
    }

    // ---- ImportError, NameError, AttributeError --------------------------------------------

    private static void importInit(PyObject self, PyObject[] args, PyTuple kw) {
        PyBaseException e = (PyBaseException) self;
        int nkw = kw == null ? 0 : kw.size();
        int npos = args.length - nkw;
        PyObject name = null, path = null, nameFrom = null;
        for (int i = 0; i < nkw; i++) {
            String k = ((PyStr) kw.get(i)).value;
            PyObject v = args[npos + i];
            switch (k) {
                case "name" -> name = v;
                case "path" -> path = v;
                case "name_from" -> nameFrom = v;
                default -> throw Errors.typeError("'%s' is an invalid keyword argument for %s()", k,
                        TypeSlots.shortName(self.type()));
            }
        }
        setArgs(e, PyTuple.of(java.util.Arrays.copyOf(args, npos)));
        setField(e, 4, IE_MSG, npos == 1 ? args[0] : null);
        setField(e, 4, IE_NAME, name);
        setField(e, 4, IE_PATH, path);
        setField(e, 4, IE_NAME_FROM, nameFrom);
    }

    private static PyObject importStr(PyObject self) {
        PyObject msg = field((PyBaseException) self, IE_MSG);
        if (msg != null) return Ops.str(msg);
        return baseStr(self);
    }

    private static void kwInit(PyObject self, PyObject[] args, PyTuple kw, String tname, String[] names, int n) {
        PyBaseException e = (PyBaseException) self;
        int nkw = kw == null ? 0 : kw.size();
        int npos = args.length - nkw;
        PyObject[] vals = new PyObject[names.length];
        for (int i = 0; i < nkw; i++) {
            String k = ((PyStr) kw.get(i)).value;
            int idx = java.util.Arrays.asList(names).indexOf(k);
            if (idx < 0) throw Errors.typeError("'%s' is an invalid keyword argument for %s()", k, TypeSlots.shortName(e.type()));
            vals[idx] = args[npos + i];
        }
        setArgs(e, PyTuple.of(java.util.Arrays.copyOf(args, npos)));
        for (int i = 0; i < names.length; i++) setField(e, n, i, vals[i]);
    }

    /** Records name and obj on an AttributeError the runtime raises (for "Did you mean" hints). */
    public static void setAttributeErrorContext(PyBaseException e, PyStr name, PyObject obj) {
        if (!e.type().isSubtypeOf(PyExc.AttributeError)) return;
        setField(e, 2, AE_NAME, name);
        setField(e, 2, AE_OBJ, obj);
    }

    // ---- OSError --------------------------------------------------------------------------

    private static final Map<Long, PyType> ERRNO_MAP = new HashMap<>();

    static {
        long[][] pairs = {{11, 0}, {114, 0}, {115, 0}, {10, 1}, {32, 2}, {108, 2}, {103, 3}, {111, 4}, {104, 5}, {17, 6},
            {2, 7}, {21, 8}, {20, 9}, {4, 10}, {13, 11}, {1, 11}, {3, 12}, {110, 13}};
        PyType[] targets = {PyExc.BlockingIOError, PyExc.ChildProcessError, PyExc.BrokenPipeError,
            PyExc.ConnectionAbortedError, PyExc.ConnectionRefusedError, PyExc.ConnectionResetError,
            PyExc.FileExistsError, PyExc.FileNotFoundError, PyExc.IsADirectoryError, PyExc.NotADirectoryError,
            PyExc.InterruptedError, PyExc.PermissionError, PyExc.ProcessLookupError, PyExc.TimeoutError};
        for (long[] p : pairs) ERRNO_MAP.put(p[0], targets[(int) p[1]]);
    }

    /** The OSError subclass CPython picks for an errno (OSError itself when none). */
    public static PyType osErrorTypeFor(long errno) {
        return ERRNO_MAP.getOrDefault(errno, PyExc.OSError);
    }

    /** A subclass that overrides __init__ but not __new__ parses its arguments in __init__. */
    private static boolean useInit(PyType t) {
        return t.init != osInit && t.newInstance == osNew;
    }

    private static PyObject osNew(PyType type, PyObject[] args, PyTuple kw) {
        PyObject[] pos = positional(args, kw);
        if (!useInit(type)) {
            noKeywords(type, kw);
            if (type == PyExc.OSError && pos.length >= 2 && pos[0] instanceof PyInt errno && !errno.isBig()) {
                type = osErrorTypeFor(errno.value);
            }
        }
        PyBaseException e = new PyBaseException(type, PyTuple.of(pos));
        if (!useInit(type)) osParse(e, pos);
        return e;
    }

    private static void osInit(PyObject self, PyObject[] args, PyTuple kw) {
        if (!useInit(self.type())) return; // __new__ did the work
        noKeywords(self.type(), kw);
        PyObject[] pos = positional(args, kw);
        setArgs((PyBaseException) self, PyTuple.of(pos));
        osParse((PyBaseException) self, pos);
    }

    private static void osParse(PyBaseException e, PyObject[] pos) {
        int n = pos.length;
        if (n < 2 || n > 5) return;
        setField(e, 6, OS_ERRNO, pos[0]);
        setField(e, 6, OS_STRERROR, pos[1]);
        if (n >= 3) {
            if (e.type().isSubtypeOf(PyExc.BlockingIOError) && pos[2] instanceof PyInt) {
                setField(e, 6, OS_WRITTEN, pos[2]);
            } else {
                setField(e, 6, OS_FILENAME, pos[2]);
                if (n >= 4) setField(e, 6, OS_WINERROR, pos[3]);
                if (n == 5) setField(e, 6, OS_FILENAME2, pos[4]);
                // With a filename, args keeps only (errno, strerror).
                setArgs(e, PyTuple.of(pos[0], pos[1]));
            }
        }
    }

    private static PyObject osStr(PyObject self) {
        PyBaseException e = (PyBaseException) self;
        PyObject errno = field(e, OS_ERRNO), strerror = field(e, OS_STRERROR);
        PyObject fn = field(e, OS_FILENAME), fn2 = field(e, OS_FILENAME2);
        if (fn != null) {
            String head = "[Errno " + Ops.strString(nz(errno)) + "] " + Ops.strString(nz(strerror)) + ": " + Ops.reprString(fn);
            if (fn2 != null) head += " -> " + Ops.reprString(fn2);
            return PyStr.of(head);
        }
        if (errno != null && strerror != null) {
            return PyStr.of("[Errno " + Ops.strString(errno) + "] " + Ops.strString(strerror));
        }
        return baseStr(self);
    }

    private static PyObject nz(PyObject o) {
        return o == null ? PyNone.NONE : o;
    }

    /** {@code OSError(errno, strerror[, filename])} of the mapped subclass, ready to throw. */
    public static PyException osError(int errno, String strerror, String filename) {
        PyType t = osErrorTypeFor(errno);
        PyObject en = PyInt.of(errno);
        PyObject se = PyStr.of(strerror);
        PyObject fn = filename == null ? null : PyStr.of(filename);
        try {
            PyObject[] a = fn == null ? new PyObject[] {en, se} : new PyObject[] {en, se, fn};
            return new PyException((PyBaseException) osNew(t, a, null));
        } finally {
            RefCount.decref(en);
            RefCount.decref(se);
            RefCount.xdecref(fn);
        }
    }

    // ---- SyntaxError ----------------------------------------------------------------------

    private static void syntaxInit(PyObject self, PyObject[] args, PyTuple kw) {
        noKeywords(self.type(), kw);
        PyBaseException e = (PyBaseException) self;
        setArgs(e, PyTuple.of(args));
        if (args.length >= 1) setField(e, 8, SY_MSG, args[0]);
        if (args.length == 2) {
            PyObject info = args[1];
            PyTuple t;
            if (info instanceof PyTuple it) {
                t = RefCount.newRef(it);
            } else {
                PyObject it = Ops.iter(info);
                PyList l = new PyList();
                PyObject x;
                while ((x = Ops.next(it)) != null) l.appendSteal(x);
                RefCount.decref(it);
                t = PyTuple.of(java.util.Arrays.copyOf(l.items, l.size));
                RefCount.decref(l);
            }
            try {
                int n = t.size();
                if (n < 4) throw Errors.typeError("function takes at least 4 arguments (%d given)", n);
                if (n > 6) throw Errors.typeError("function takes at most 6 arguments (%d given)", n);
                for (int i = 0; i < n; i++) setField(e, 8, SY_FILENAME + i, t.get(i));
            } finally {
                RefCount.decref(t);
            }
        }
    }

    private static PyObject syntaxStr(PyObject self) {
        PyBaseException e = (PyBaseException) self;
        PyObject msg = nz(field(e, SY_MSG));
        PyObject fn = field(e, SY_FILENAME), ln = field(e, SY_LINENO);
        String m = Ops.strString(msg);
        String file = fn instanceof PyStr fs ? basename(fs.value) : null;
        boolean haveLine = ln instanceof PyInt;
        if (file != null && haveLine) return PyStr.of(m + " (" + file + ", line " + ln + ")");
        if (file != null) return PyStr.of(m + " (" + file + ")");
        if (haveLine) return PyStr.of(m + " (line " + ln + ")");
        return PyStr.of(m);
    }

    private static String basename(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    /**
     * A SyntaxError (or subclass such as IndentationError) as the compiler raises it: args
     * {@code (msg, (filename, lineno, offset, text, end_lineno, end_offset))}; columns 1-based,
     * 0 / null for unknown.
     */
    public static PyException syntaxError(PyType type, String msg, String filename, int lineno, int offset, String text,
            int endLineno, int endOffset) {
        PyObject[] info = {filename == null ? PyNone.NONE : PyStr.of(filename), PyInt.of(lineno), PyInt.of(offset),
            text == null ? PyNone.NONE : PyStr.of(text), PyInt.of(endLineno), PyInt.of(endOffset)};
        PyTuple infoT = PyTuple.steal(info);
        PyStr m = PyStr.of(msg);
        try {
            PyBaseException e = new PyBaseException(type, PyTuple.EMPTY);
            syntaxInit(e, new PyObject[] {m, infoT}, null);
            return new PyException(e);
        } finally {
            RefCount.decref(m);
            RefCount.decref(infoT);
        }
    }

    // ---- helpers for other rooms ----------------------------------------------------------

    /** {@code StopIteration(value)} ready to throw (value borrowed). */
    public static PyException stopIteration(PyObject value) {
        PyBaseException e = new PyBaseException(PyExc.StopIteration, PyTuple.of(value));
        setField(e, 1, SI_VALUE, value);
        return new PyException(e);
    }

    /** An ImportError / ModuleNotFoundError with name and path set (either may be null). */
    public static PyException importError(PyType type, String msg, String name, String path) {
        PyStr m = PyStr.of(msg);
        PyBaseException e = new PyBaseException(type, PyTuple.of(m));
        setField(e, 4, IE_MSG, m);
        RefCount.decref(m);
        if (name != null) setFieldSteal(e, 4, IE_NAME, PyStr.of(name));
        if (path != null) setFieldSteal(e, 4, IE_PATH, PyStr.of(path));
        return new PyException(e);
    }

    /** NameError("name 'x' is not defined") with .name set. */
    public static PyException nameError(PyType type, String message, String name) {
        PyException ex = Errors.of(type, message);
        setFieldSteal(ex.exc, 1, NE_NAME, PyStr.of(name));
        return ex;
    }

    /** Appends a note to {@code e.__notes__} (add_note). */
    public static void addNote(PyBaseException e, String note) {
        PyStr n = PyStr.of(note);
        try {
            addNote(e, n);
        } finally {
            RefCount.decref(n);
        }
    }

    static void addNote(PyBaseException e, PyObject note) {
        if (!(note instanceof PyStr)) throw Errors.typeError("note must be a str, not '%s'", note.type().name());
        PyDict d = e.dict();
        PyObject notes = d.getItemStr(PyStr.intern("__notes__"));
        if (notes == null) {
            PyList l = new PyList();
            d.setItem(PyStr.intern("__notes__"), l);
            RefCount.decref(l);
            notes = l;
        }
        if (!(notes instanceof PyList nl)) throw Errors.typeError("Cannot add note: __notes__ is not a list");
        nl.append(note);
    }

    // ---- dict entries -----------------------------------------------------------------------


    /** BaseException's methods and attributes, added when it is readied. */
    static void defineMethods(PyType t) {
        PyMethodDescr.define(t, "__reduce__", (Fn.F0) self -> {
            PyBaseException e = (PyBaseException) self;
            if (e.dict == null || e.dict.size() == 0) return PyTuple.of(e.type(), e.args);
            return PyTuple.of(e.type(), e.args, e.dict);
        });
        PyMethodDescr.define(t, "__setstate__", (Fn.F1) (self, state) -> {
            if (state != PyNone.NONE) {
                if (!(state instanceof PyDict sd)) throw Errors.typeError("state is not a dictionary");
                for (int i = 0; i < sd.entrySlots(); i++) {
                    PyObject k = sd.keyAt(i);
                    if (k != null) Ops.setAttr(self, GenericAttr.checkName(k), sd.valueAt(i));
                }
            }
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "with_traceback", (Fn.F1) (self, tb) -> {
            setTraceback((PyBaseException) self, tb);
            return RefCount.newRef(self);
        });
        PyMethodDescr.define(t, "add_note", (Fn.F1) (self, note) -> {
            addNote((PyBaseException) self, note);
            return PyNone.NONE;
        });
        PyGetSetDescr.define(t, "args", self -> RefCount.newRef(((PyBaseException) self).args), (self, v) -> {
            if (v == null) throw Errors.typeError("args may not be deleted");
            setArgs((PyBaseException) self, toTuple(v));
        });
        PyGetSetDescr.define(t, "__traceback__", self -> none(((PyBaseException) self).traceback),
                (self, v) -> setTraceback((PyBaseException) self, v));
        PyGetSetDescr.define(t, "__context__", self -> none(((PyBaseException) self).context), (self, v) -> {
            if (v == null) throw Errors.typeError("__context__ may not be deleted");
            if (v != PyNone.NONE && !(v instanceof PyBaseException)) {
                throw Errors.typeError("exception context must be None or derive from BaseException");
            }
            PyBaseException e = (PyBaseException) self;
            PyObject old = e.context;
            e.context = v == PyNone.NONE ? null : RefCount.newRef(v);
            RefCount.xdecref(old);
        });
        PyGetSetDescr.define(t, "__cause__", self -> none(((PyBaseException) self).cause), (self, v) -> {
            if (v == null) throw Errors.typeError("__cause__ may not be deleted");
            if (v != PyNone.NONE && !(v instanceof PyBaseException)) {
                throw Errors.typeError("exception cause must be None or derive from BaseException");
            }
            PyBaseException e = (PyBaseException) self;
            PyObject old = e.cause;
            e.cause = v == PyNone.NONE ? null : RefCount.newRef(v);
            e.suppressContext = true;
            RefCount.xdecref(old);
        });
        PyGetSetDescr.define(t, "__suppress_context__", self -> PyBool.of(((PyBaseException) self).suppressContext),
                (self, v) -> {
                    if (v == null) throw Errors.typeError("can't delete __suppress_context__");
                    ((PyBaseException) self).suppressContext = Ops.isTrue(v);
                });
        InstanceAttrs.defineDictDescr(t);
        PyStr doc = PyStr.of("Common base class for all exceptions");
        t.define("__doc__", doc);
        RefCount.decref(doc);
    }

    private static PyTuple toTuple(PyObject v) {
        if (v instanceof PyTuple t && t.type() == PyTuple.TYPE) return RefCount.newRef(t);
        PyObject it = Ops.iter(v);
        PyList l = new PyList();
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) l.appendSteal(x);
            return PyTuple.of(java.util.Arrays.copyOf(l.items, l.size));
        } finally {
            RefCount.decref(it);
            RefCount.decref(l);
        }
    }

    private static void setTraceback(PyBaseException e, PyObject tb) {
        if (tb == null) throw Errors.typeError("__traceback__ may not be deleted");
        if (tb != PyNone.NONE && !tb.type().name().equals("traceback")) {
            throw Errors.typeError("__traceback__ must be a traceback or None");
        }
        PyObject old = e.traceback;
        e.traceback = tb == PyNone.NONE ? null : RefCount.newRef(tb);
        RefCount.xdecref(old);
    }

    private static PyObject none(PyObject o) {
        return o == null ? PyNone.NONE : RefCount.newRef(o);
    }

    /** Family attributes of the exception type {@code t}, added when it is readied. */
    static void defineFamilyMembers(PyType t) {
        if (t == PyExc.StopIteration) {
            member(t, "value", SI_VALUE, 1, e -> e.args.size() > 0 ? e.args.get(0) : null);
        } else if (t == PyExc.SystemExit) {
            member(t, "code", SE_CODE, 1, e -> {
                int n = e.args.size();
                return n == 0 ? null : n == 1 ? e.args.get(0) : e.args;
            });
        } else if (t == PyExc.ImportError) {
            member(t, "msg", IE_MSG, 4, null);
            member(t, "name", IE_NAME, 4, null);
            member(t, "path", IE_PATH, 4, null);
            member(t, "name_from", IE_NAME_FROM, 4, null);
        } else if (t == PyExc.NameError) {
            member(t, "name", NE_NAME, 1, null);
        } else if (t == PyExc.AttributeError) {
            member(t, "name", AE_NAME, 2, null);
            member(t, "obj", AE_OBJ, 2, null);
        } else if (t == PyExc.OSError) {
            member(t, "errno", OS_ERRNO, 6, null);
            member(t, "strerror", OS_STRERROR, 6, null);
            member(t, "filename", OS_FILENAME, 6, null);
            member(t, "filename2", OS_FILENAME2, 6, null);
        } else if (t == PyExc.BlockingIOError) {
            PyGetSetDescr.define(t, "characters_written", self -> {
                PyObject v = field((PyBaseException) self, OS_WRITTEN);
                if (v == null) throw Errors.attributeError("characters_written");
                return RefCount.newRef(v);
            }, (self, v) -> setField((PyBaseException) self, 6, OS_WRITTEN, v));
        } else if (t == PyExc.SyntaxError) {
            String[] names = {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset",
                "print_file_and_line"};
            for (int i = 0; i < names.length; i++) member(t, names[i], i, 8, null);
        } else if (t == PyExc.UnicodeError) {
            String[] names = {"encoding", "object", "start", "end", "reason"};
            for (int i = 0; i < names.length; i++) member(t, names[i], i, 5, null);
        }
    }

    interface Default {
        PyObject get(PyBaseException e);
    }

    private static void member(PyType t, String name, int idx, int n, Default dflt) {
        PyStr key = PyStr.intern(name);
        PyGetSetDescr.define(t, name, self -> {
            PyBaseException e = (PyBaseException) self;
            PyObject v = e.fields == null && dflt != null ? dflt.get(e) : field(e, idx);
            // Java code elsewhere may have stored the attribute in the instance dict instead.
            if (v == null && e.dict != null) v = e.dict.getItemStr(key);
            return v == null ? PyNone.NONE : RefCount.newRef(v);
        }, (self, v) -> {
            PyBaseException e = (PyBaseException) self;
            setField(e, n, idx, v);
            if (e.dict != null && e.dict.getItemStr(key) != null) e.dict.delItem(key);
        });
    }
}
