package dev.gilt.runtime.io;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.ops.Ops;

/**
 * Writing to {@code sys.stdout} / {@code sys.stderr} from Java: looks the stream up in the
 * {@code sys} module at call time (scripts may replace it), writes directly when it is a
 * {@link TextSink}, calls its {@code write} method otherwise, and falls back to the JVM's streams
 * when {@code sys} does not exist yet (start-up, unit tests) or the attribute is None.
 */
public final class StdStreams {
    private StdStreams() {}

    /** {@code sys.<name>} as a new reference, or null if there is no sys module or no such attribute. */
    public static PyObject sysAttr(String name) {
        Interp in = Interp.main();
        if (in == null) return null;
        PyObject sys = in.modules.getItemStr(PyStr.intern("sys"));
        if (sys == null) return null;
        return Ops.lookupAttr(sys, PyStr.intern(name));
    }

    /** Writes {@code text} to {@code file} (a stream object), using the fast path when possible. */
    public static void write(PyObject file, String text) {
        if (file instanceof TextSink s) {
            s.write(text);
            return;
        }
        PyStr t = PyStr.of(text);
        try {
            PyObject r = Ops.callMethod(file, "write", t);
            RefCount.decref(r);
        } finally {
            RefCount.decref(t);
        }
    }

    /** Writes to sys.stderr (or the JVM's stderr when sys.stderr is missing or None). */
    public static void writeErr(String text) {
        PyObject f = sysAttr("stderr");
        if (f == null || f == dev.gilt.runtime.object.PyNone.NONE) {
            System.err.print(text);
            System.err.flush();
            RefCount.xdecref(f);
            return;
        }
        try {
            write(f, text);
        } finally {
            RefCount.decref(f);
        }
    }

    /** Writes to sys.stdout (or the JVM's stdout when sys.stdout is missing). */
    public static void writeOut(String text) {
        PyObject f = sysAttr("stdout");
        if (f == null || f == dev.gilt.runtime.object.PyNone.NONE) {
            System.out.print(text);
            RefCount.xdecref(f);
            return;
        }
        try {
            write(f, text);
        } finally {
            RefCount.decref(f);
        }
    }
}
