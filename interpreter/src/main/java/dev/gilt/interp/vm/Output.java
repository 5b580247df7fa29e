package dev.gilt.interp.vm;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.ops.Ops;

/**
 * Text the VM writes for the user (tracebacks, warnings): through {@code sys.stdout} /
 * {@code sys.stderr} when the sys module provides them, so that redirection and ordering with
 * the program's own output work; through Java's streams before sys exists.
 */
public final class Output {
    private Output() {}

    public static void stderr(String text) {
        write("stderr", text, System.err);
    }

    public static void stdout(String text) {
        write("stdout", text, System.out);
    }

    private static void write(String which, String text, java.io.PrintStream fallback) {
        PyObject stream = sysAttr(which);
        if (stream != null && stream != dev.gilt.runtime.object.PyNone.NONE) {
            PyStr s = PyStr.of(text);
            try {
                RefCount.decref(Ops.callMethod(stream, "write", s));
                PyObject fl = Ops.lookupAttr(stream, PyStr.intern("flush"));
                if (fl != null) {
                    try {
                        RefCount.decref(Ops.call(fl));
                    } finally {
                        RefCount.decref(fl);
                    }
                }
                return;
            } catch (PyException e) {
                RefCount.decref(e.exc);
            } finally {
                RefCount.decref(s);
            }
        }
        fallback.print(text);
        fallback.flush();
    }

    /** sys.NAME (borrowed) or null when sys is not loaded. */
    public static PyObject sysAttr(String name) {
        Interp in = Interp.main();
        if (in == null) return null;
        PyObject sys = in.modules.getItemStr(PyStr.intern("sys"));
        return sys instanceof PyModule m ? m.get(name) : null;
    }
}
