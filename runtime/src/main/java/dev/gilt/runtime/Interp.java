package dev.gilt.runtime;

import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyObject;
import java.util.List;

/**
 * The interpreter state: one per process (child interpreters are separate processes). Holds
 * sys.modules, the builtins module, sys.path and argv, and the hooks through which runtime-level
 * code (builtins such as exec, compile, __import__, __build_class__, super) reaches the
 * interpreter module, which installs them at start-up ({@link Hooks}).
 */
public final class Interp {
    private static volatile Interp main;

    /** sys.modules (owned). */
    public final PyDict modules = new PyDict();
    /** The builtins module, set by whoever creates it at start-up. */
    public PyModule builtins;
    /** sys.path entries as Java strings, searched by the importer in order. */
    public final List<String> path = new java.util.concurrent.CopyOnWriteArrayList<>();
    public String[] argv = {""};
    public Hooks hooks;
    /** sys.path as a Python list, once sys exists (kept in sync by the sys module). */
    public PyList sysPath;
    /**
     * Work to do when the main program ends, before the process exits, run by the launcher in
     * registration order on the main thread: the threading module registers the wait for
     * non-daemon threads, the atexit module its callbacks. A hook's Python exception is reported
     * and the remaining hooks still run.
     */
    public final List<Runnable> atExit = new java.util.concurrent.CopyOnWriteArrayList<>();

    public static Interp main() {
        return main;
    }

    public static synchronized Interp init() {
        if (main == null) main = new Interp();
        return main;
    }

    /** What the runtime needs from the interpreter module. */
    public interface Hooks {
        /** compile(source, filename, mode, flags, dont_inherit): a code object. */
        PyObject compile(String source, String filename, String mode, int flags);

        /** exec/eval of a code object in the given namespaces (locals may be null). */
        PyObject eval(PyObject code, PyDict globals, PyObject locals);

        /** The globals dict of the innermost running frame (borrowed). */
        PyDict currentGlobals();

        /** locals() of the innermost running frame (new reference). */
        PyObject currentLocals();

        /** __import__(name, globals, locals, fromlist, level). */
        PyObject importModule(String name, PyDict globals, PyObject fromlist, int level);

        /** builtins.__build_class__(func, name, *bases, **kwds). */
        PyObject buildClass(PyObject[] args, dev.gilt.runtime.object.PyTuple kwnames);

        /** Zero-argument super(): (type, obj) from the calling frame's __class__ cell and first argument. */
        PyObject[] superArgs();

        /**
         * sys._getframe(depth): the frame object {@code depth} calls up from the caller of
         * _getframe (0 = that caller), as a new reference, or null when the stack is not that deep.
         */
        default PyObject frame(int depth) {
            return null;
        }
    }
}
