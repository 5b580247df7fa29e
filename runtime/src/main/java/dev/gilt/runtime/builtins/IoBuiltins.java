package dev.gilt.runtime.builtins;

import static dev.gilt.runtime.builtins.Builtins.npos;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.io.StdStreams;
import dev.gilt.runtime.io.TextSink;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;

/** print, input, open. */
final class IoBuiltins {
    private IoBuiltins() {}

    static void define(PyModule m) {
        m.def("print", (Fn.FV) IoBuiltins::print);
        m.def("input", (Fn.FV) IoBuiltins::input);
        m.def("open", (Fn.FV) IoBuiltins::open);
    }

    /**
     * print(*objects, sep=' ', end='\n', file=None, flush=False). Writes to sys.stdout, looked up
     * at each call; a {@link TextSink} stream gets the whole line in one write (the fast path),
     * any other file object gets CPython's sequence of write() calls.
     */
    static PyObject print(PyObject self, PyObject[] args, PyTuple kw) {
        int np = npos(args, kw);
        String sep = " ", end = "\n";
        PyObject file = null;
        boolean flush = false;
        if (kw != null) {
            for (int i = 0; i < kw.size(); i++) {
                String k = ((PyStr) kw.get(i)).value;
                PyObject v = args[np + i];
                switch (k) {
                    case "sep" -> sep = textArg("sep", v, " ");
                    case "end" -> end = textArg("end", v, "\n");
                    case "file" -> file = v == PyNone.NONE ? null : v;
                    case "flush" -> flush = Ops.isTrue(v);
                    default -> throw Errors.typeError("'%s' is an invalid keyword argument for print()", k);
                }
            }
        }
        boolean owned = false;
        if (file == null) {
            file = StdStreams.sysAttr("stdout");
            owned = file != null;
            if (file == PyNone.NONE) {
                RefCount.decref(file);
                return PyNone.NONE; // print() is a no-op when sys.stdout is None
            }
        }
        try {
            if (file == null || file instanceof TextSink) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < np; i++) {
                    if (i > 0) sb.append(sep);
                    PyObject a = args[i];
                    sb.append(a instanceof PyStr s && a.type() == PyStr.TYPE ? s.value : Ops.strString(a));
                }
                sb.append(end);
                if (file == null) {
                    System.out.print(sb);
                    if (flush) System.out.flush();
                } else {
                    TextSink sink = (TextSink) file;
                    sink.write(sb.toString());
                    if (flush) sink.flush();
                }
                return PyNone.NONE;
            }
            for (int i = 0; i < np; i++) {
                if (i > 0) StdStreams.write(file, sep);
                StdStreams.write(file, Ops.strString(args[i]));
            }
            StdStreams.write(file, end);
            if (flush) RefCount.decref(Ops.callMethod(file, "flush"));
            return PyNone.NONE;
        } finally {
            if (owned) RefCount.decref(file);
        }
    }

    private static String textArg(String name, PyObject v, String dflt) {
        if (v == PyNone.NONE) return dflt;
        if (v instanceof PyStr s) return s.value;
        throw Errors.typeError("%s must be None or a string, not %s", name, v.type().name());
    }

    /** input(prompt=''): writes the prompt to sys.stdout, reads a line from sys.stdin. */
    static PyObject input(PyObject self, PyObject[] args, PyTuple kw) {
        Builtins.noKeywords("input", kw);
        if (args.length > 1) throw Errors.typeError("input expected at most 1 argument, got %d", args.length);
        PyObject stdin = StdStreams.sysAttr("stdin");
        PyObject stdout = StdStreams.sysAttr("stdout");
        try {
            if (stdin == PyNone.NONE) throw Errors.runtimeError("input(): lost sys.stdin");
            if (stdout == PyNone.NONE) throw Errors.runtimeError("input(): lost sys.stdout");
            if (args.length == 1) {
                String prompt = Ops.strString(args[0]);
                if (stdout == null) {
                    System.out.print(prompt);
                    System.out.flush();
                } else {
                    StdStreams.write(stdout, prompt);
                    if (stdout instanceof TextSink s) {
                        s.flush();
                    } else {
                        RefCount.decref(Ops.callMethod(stdout, "flush"));
                    }
                }
            } else if (stdout instanceof TextSink s) {
                s.flush();
            }
            String line;
            if (stdin == null) {
                line = readJavaStdin();
            } else {
                PyObject r = Ops.callMethod(stdin, "readline");
                try {
                    if (!(r instanceof PyStr rs)) throw Errors.typeError("object.readline() returned non-string");
                    line = rs.value;
                } finally {
                    RefCount.decref(r);
                }
            }
            if (line == null || line.isEmpty()) throw Errors.of(PyExc.EOFError, "EOF when reading a line");
            if (line.endsWith("\n")) line = line.substring(0, line.length() - 1);
            return PyStr.of(line);
        } finally {
            RefCount.xdecref(stdin);
            RefCount.xdecref(stdout);
        }
    }

    private static String readJavaStdin() {
        try {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = System.in.read()) != -1) {
                sb.append((char) c);
                if (c == '\n') break;
            }
            return sb.toString();
        } catch (java.io.IOException e) {
            throw Errors.of(PyExc.OSError, e.getMessage() == null ? "I/O error" : e.getMessage());
        }
    }

    /** open(...): the io module's open, found at call time (the stdlib provides io). */
    static PyObject open(PyObject self, PyObject[] args, PyTuple kw) {
        Interp in = Interp.main();
        PyObject io = in == null ? null : in.modules.getItemStr(PyStr.intern("io"));
        if (io != null) {
            RefCount.incref(io);
        } else {
            io = Builtins.hooks().importModule("io", null, null, 0);
        }
        try {
            PyObject f = Ops.getAttr(io, "open");
            try {
                return Ops.call(f, args, kw);
            } finally {
                RefCount.decref(f);
            }
        } finally {
            RefCount.decref(io);
        }
    }
}
