package dev.gilt.runtime.builtins;

import static dev.gilt.runtime.builtins.Builtins.npos;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.Dunder;
import dev.gilt.runtime.types.GenericAttr;
import dev.gilt.runtime.types.InstanceChecks;

/**
 * Attribute and namespace builtins: getattr, setattr, hasattr, delattr, isinstance, issubclass,
 * callable, id, vars, dir, globals, locals, exec, eval, compile, __import__, __build_class__,
 * repr, ascii, format.
 */
final class ReflectBuiltins {
    private ReflectBuiltins() {}

    private static final ArgParser IMPORT = ArgParser.of("__import__", 1, 0, "name", "globals", "locals", "fromlist",
            "level");
    private static final ArgParser COMPILE = ArgParser.of("compile", 3, 0, "source", "filename", "mode", "flags",
            "dont_inherit", "optimize", "*", "_feature_version");
    private static final PyStr DICT = PyStr.intern("__dict__"), DIR = PyStr.intern("__dir__"),
            FORMAT = PyStr.intern("__format__"), BUILTINS = PyStr.intern("__builtins__");

    static void define(PyModule m) {
        m.def("getattr", (Fn.FV) ReflectBuiltins::getattr);
        m.def("setattr", (Fn.F3) (self, o, name, v) -> {
            Ops.setAttr(o, GenericAttr.checkName(name), v);
            return PyNone.NONE;
        });
        m.def("delattr", (Fn.F2) (self, o, name) -> {
            Ops.delAttr(o, GenericAttr.checkName(name));
            return PyNone.NONE;
        });
        m.def("hasattr", (Fn.F2) (self, o, name) -> {
            PyObject r = Ops.lookupAttr(o, GenericAttr.checkName(name));
            if (r == null) return PyBool.FALSE;
            RefCount.decref(r);
            return PyBool.TRUE;
        });
        m.def("isinstance", (Fn.F2) (self, o, cls) -> PyBool.of(InstanceChecks.isInstance(o, cls)));
        m.def("issubclass", (Fn.F2) (self, c, cls) -> PyBool.of(InstanceChecks.isSubclass(c, cls)));
        m.def("callable", (Fn.F1) (self, o) -> PyBool.of(o.type().call != null));
        m.def("id", (Fn.F1) (self, o) -> PyInt.of(dev.gilt.runtime.memory.RefCount.id(o)));
        m.def("repr", (Fn.F1) (self, o) -> Ops.repr(o));
        m.def("ascii", (Fn.F1) (self, o) -> PyStr.of(ascii(Ops.reprString(o))));
        m.def("format", (Fn.FV) ReflectBuiltins::format);
        m.def("vars", (Fn.FV) ReflectBuiltins::vars);
        m.def("dir", (Fn.FV) ReflectBuiltins::dir);
        m.def("globals", (Fn.F0) self -> RefCount.newRef(Builtins.currentGlobals()));
        m.def("locals", (Fn.F0) self -> Builtins.hooks().currentLocals());
        m.def("exec", (Fn.FV) (self, args, kw) -> execOrEval("exec", args, kw));
        m.def("eval", (Fn.FV) (self, args, kw) -> execOrEval("eval", args, kw));
        m.def("compile", (Fn.FV) ReflectBuiltins::compile);
        m.def("__import__", (Fn.FV) ReflectBuiltins::importFn);
        m.def("__build_class__", (Fn.FV) ReflectBuiltins::buildClass);
    }

    static PyObject getattr(PyObject self, PyObject[] args, PyTuple kw) {
        Builtins.noKeywords("getattr", kw);
        if (args.length < 2) throw Errors.typeError("getattr expected at least 2 arguments, got %d", args.length);
        if (args.length > 3) throw Errors.typeError("getattr expected at most 3 arguments, got %d", args.length);
        PyStr name = GenericAttr.checkName(args[1]);
        if (args.length == 2) return Ops.getAttr(args[0], name);
        PyObject r = Ops.lookupAttr(args[0], name);
        return r != null ? r : RefCount.newRef(args[2]);
    }

    /** ascii(): repr with non-ASCII characters escaped (x, u or U escapes). */
    static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                sb.append((char) cp);
            } else if (cp < 0x100) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.toString();
    }

    static PyObject format(PyObject self, PyObject[] args, PyTuple kw) {
        Builtins.noKeywords("format", kw);
        if (args.length < 1) throw Errors.typeError("format expected at least 1 argument, got 0");
        if (args.length > 2) throw Errors.typeError("format expected at most 2 arguments, got %d", args.length);
        PyObject spec = args.length > 1 ? args[1] : PyStr.EMPTY;
        if (!(spec instanceof PyStr)) {
            throw Errors.typeError("format() argument 2 must be str, not %s", spec.type().name());
        }
        return format(args[0], (PyStr) spec);
    }

    /** format(value, spec): value.__format__(spec), which must return a str. */
    static PyObject format(PyObject value, PyStr spec) {
        PyObject m = Dunder.lookupSpecial(value, FORMAT);
        if (m == null) {
            throw Errors.typeError("Type %s doesn't define __format__", value.type().name());
        }
        PyObject r;
        try {
            r = Ops.call(m, spec);
        } finally {
            RefCount.decref(m);
        }
        if (!(r instanceof PyStr)) {
            String tn = r.type().name();
            RefCount.decref(r);
            throw Errors.typeError("__format__ must return a str, not %s", tn);
        }
        return r;
    }

    static PyObject vars(PyObject self, PyObject[] args, PyTuple kw) {
        Builtins.noKeywords("vars", kw);
        if (args.length > 1) throw Errors.typeError("vars expected at most 1 argument, got %d", args.length);
        if (args.length == 0) return Builtins.hooks().currentLocals();
        PyObject d = Ops.lookupAttr(args[0], DICT);
        if (d == null) throw Errors.typeError("vars() argument must have __dict__ attribute");
        return d;
    }

    /** dir([object]): sorted names of the current scope, or of the object's __dir__(). */
    static PyObject dir(PyObject self, PyObject[] args, PyTuple kw) {
        Builtins.noKeywords("dir", kw);
        if (args.length > 1) throw Errors.typeError("dir expected at most 1 argument, got %d", args.length);
        PyObject names;
        if (args.length == 0) {
            PyObject loc = Builtins.hooks().currentLocals();
            try {
                names = Ops.callMethod(loc, "keys");
            } finally {
                RefCount.decref(loc);
            }
        } else {
            PyObject m = Dunder.lookupSpecial(args[0], DIR);
            if (m == null) throw Errors.typeError("object does not provide __dir__");
            try {
                names = Ops.call(m);
            } finally {
                RefCount.decref(m);
            }
        }
        try {
            return SeqBuiltins.sortedList(names, null, false);
        } finally {
            RefCount.decref(names);
        }
    }

    private static boolean isCode(PyObject o) {
        return o.type().name().equals("code");
    }

    private static String sourceText(String fname, PyObject src, String what) {
        if (src instanceof PyStr s) return s.value;
        String tn = src.type().name();
        if (tn.equals("bytes") || tn.equals("bytearray")) {
            PyObject d = Ops.callMethod(src, "decode");
            try {
                return ((PyStr) d).value;
            } finally {
                RefCount.decref(d);
            }
        }
        throw Errors.typeError("%s() arg 1 must be a %s object", fname, what);
    }

    static PyObject execOrEval(String fname, PyObject[] args, PyTuple kw) {
        int np = npos(args, kw);
        PyObject closure = null;
        if (kw != null) {
            for (int i = 0; i < kw.size(); i++) {
                String k = ((PyStr) kw.get(i)).value;
                if (fname.equals("exec") && k.equals("closure")) {
                    closure = args[np + i];
                } else if (k.equals("globals") || k.equals("locals")) {
                    throw Errors.typeError("%s() takes no keyword arguments", fname);
                } else {
                    throw Errors.typeError("%s() got an unexpected keyword argument '%s'", fname, k);
                }
            }
        }
        if (np < 1) throw Errors.typeError("%s expected at least 1 argument, got 0", fname);
        if (np > 3) throw Errors.typeError("%s expected at most 3 arguments, got %d", fname, np);
        PyObject src = args[0];
        PyObject g = np > 1 ? args[1] : PyNone.NONE;
        PyObject l = np > 2 ? args[2] : PyNone.NONE;
        if (g != PyNone.NONE && !(g instanceof PyDict)) {
            throw Errors.typeError(fname.equals("exec") ? "exec() globals must be a dict, not %s"
                    : "globals must be a real dict; try eval(expr, {}, mapping)", g.type().name());
        }
        if (l != PyNone.NONE && l.type().getitem == null) {
            throw Errors.typeError("locals must be a mapping");
        }
        Interp.Hooks h = Builtins.hooks();
        PyDict globals;
        PyObject locals;
        boolean ownLocals = false;
        if (g == PyNone.NONE) {
            globals = h.currentGlobals();
            if (l == PyNone.NONE) {
                locals = h.currentLocals();
                ownLocals = true;
            } else {
                locals = l;
            }
        } else {
            globals = (PyDict) g;
            locals = l == PyNone.NONE ? globals : l;
        }
        try {
            if (globals.getItemStr(BUILTINS) == null) {
                Interp in = Interp.main();
                if (in != null && in.builtins != null) globals.setItem(BUILTINS, in.builtins);
            }
            PyObject code;
            if (isCode(src)) {
                code = RefCount.newRef(src);
            } else {
                String text;
                try {
                    text = sourceText(fname, src, "string, bytes or code");
                } catch (PyException e) {
                    RefCount.decref(e.exc);
                    throw Errors.typeError("%s() arg 1 must be a string, bytes or code object", fname);
                }
                if (fname.equals("eval")) text = stripLeading(text);
                code = h.compile(text, "<string>", fname, 0);
            }
            try {
                PyObject r = h.eval(code, globals, locals);
                if (fname.equals("exec")) {
                    RefCount.xdecref(r);
                    return PyNone.NONE;
                }
                return r;
            } finally {
                RefCount.decref(code);
            }
        } finally {
            if (ownLocals) RefCount.xdecref(locals);
        }
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return s.substring(i);
    }

    static PyObject compile(PyObject self, PyObject[] args, PyTuple kw) {
        PyObject[] a = COMPILE.parse(args, kw);
        PyObject src = a[0];
        if (!(a[1] instanceof PyStr) && !a[1].type().name().equals("bytes")) {
            throw Errors.typeError("compile() argument 'filename' must be str, bytes or os.PathLike, not %s",
                    a[1].type().name());
        }
        String filename = Ops.strString(a[1]);
        if (!(a[2] instanceof PyStr modeS)) {
            throw Errors.typeError("compile() argument 'mode' must be str, not %s", a[2].type().name());
        }
        String mode = modeS.value;
        if (!mode.equals("exec") && !mode.equals("eval") && !mode.equals("single") && !mode.equals("func_type")) {
            throw Errors.valueError("compile() mode must be 'exec', 'eval' or 'single'");
        }
        int flags = a[3] == null ? 0 : (int) Builtins.indexLong(a[3]);
        if (isCode(src)) return RefCount.newRef(src);
        String text;
        try {
            text = sourceText("compile", src, "string, bytes or AST");
        } catch (PyException e) {
            RefCount.decref(e.exc);
            throw Errors.typeError("compile() arg 1 must be a string, bytes or AST object");
        }
        if (text.indexOf('\0') >= 0) throw Errors.of(PyExc.SyntaxError, "source code string cannot contain null bytes");
        return Builtins.hooks().compile(text, filename, mode, flags);
    }

    static PyObject importFn(PyObject self, PyObject[] args, PyTuple kw) {
        PyObject[] a = IMPORT.parse(args, kw);
        if (!(a[0] instanceof PyStr name)) {
            throw Errors.typeError("__import__() argument 1 must be str, not %s", a[0].type().name());
        }
        PyDict globals = a[1] instanceof PyDict d ? d : null;
        PyObject fromlist = a[3] == null ? PyTuple.EMPTY : a[3];
        int level = a[4] == null ? 0 : (int) Builtins.indexLong(a[4]);
        if (level < 0) throw Errors.valueError("level must be >= 0");
        if (name.value.isEmpty() && level == 0) throw Errors.valueError("Empty module name");
        return Builtins.hooks().importModule(name.value, globals, fromlist, level);
    }

    static PyObject buildClass(PyObject self, PyObject[] args, PyTuple kw) {
        int np = npos(args, kw);
        if (np < 2) throw Errors.typeError("__build_class__: not enough arguments");
        if (!args[0].type().name().equals("function")) throw Errors.typeError("__build_class__: func must be a function");
        if (!(args[1] instanceof PyStr)) throw Errors.typeError("__build_class__: name is not a string");
        return Builtins.hooks().buildClass(args, kw);
    }

}
