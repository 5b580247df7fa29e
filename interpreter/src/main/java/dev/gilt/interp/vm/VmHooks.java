package dev.gilt.interp.vm;

import dev.gilt.runtime.object.PyCell;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.imp.Importer;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.ModuleRegistry;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * The interpreter's side of {@link Interp.Hooks}: what builtins such as compile, exec, eval,
 * globals, locals, __import__, __build_class__ and super() need from the VM. {@link #install}
 * also makes sure the builtins module has {@code __build_class__} and {@code __import__}.
 */
public final class VmHooks implements Interp.Hooks {

    /** Source to code object; installed by the launcher (the compiler lives beside the VM). */
    public interface SourceCompiler {
        /** mode: "exec", "eval" or "single". Raises SyntaxError as a PyException. */
        PyCode compile(String source, String filename, String mode, int flags);
    }

    public static volatile SourceCompiler compiler;

    /** Compiles with the installed compiler (SystemError if none is installed). */
    public static PyCode compileSource(String source, String filename, String mode) {
        SourceCompiler c = compiler;
        if (c == null) throw Errors.systemError("no compiler is installed");
        return c.compile(source, filename, mode, 0);
    }

    /** OSError subclass for a failed file operation, as CPython words it. */
    public static PyException osError(IOException e, String path) {
        PyType t;
        int errno;
        String msg;
        if (e instanceof NoSuchFileException) {
            t = PyExc.FileNotFoundError;
            errno = 2;
            msg = "No such file or directory";
        } else if (e instanceof AccessDeniedException) {
            t = PyExc.PermissionError;
            errno = 13;
            msg = "Permission denied";
        } else {
            t = PyExc.OSError;
            errno = 5;
            msg = e.getMessage() == null ? "Input/output error" : e.getMessage();
        }
        return dev.gilt.runtime.types.ExceptionTypes.osError(errno, msg, path);
    }

    /**
     * Installs the hooks, creates the builtins module if nobody did (from a "builtins" module
     * provider when there is one), and adds {@code __build_class__} / {@code __import__} to it if
     * missing.
     */
    public static void install(Interp in) {
        in.hooks = new VmHooks();
        // __del__ and weakref-callback errors from the runtime print with the VM's tracebacks.
        dev.gilt.runtime.types.Unraisable.reporter = Unraisable::report;
        dev.gilt.runtime.memory.Gc.collectRequest = VmHooks::gcRequested;
        // Runtime-level reports (threading.excepthook, __del__ errors) print full tracebacks.
        dev.gilt.runtime.types.Unraisable.formatter = TracebackPrinter::format;
        CodeAttrs.install();
        if (in.builtins == null) {
            ModuleProvider p = ModuleRegistry.find("builtins");
            in.builtins = p != null ? p.create(in) : new PyModule("builtins");
        }
        PyModule b = in.builtins;
        if (b.get("__build_class__") == null) {
            b.def("__build_class__", (Fn.FV) (self, args, kw) -> BuildClass.build(args, kw));
        }
        if (b.get("__import__") == null) {
            b.def("__import__", (Fn.FV) (self, args, kw) -> importBuiltin(args, kw));
        }
        Importer.defaultImportFunc = b.get("__import__");
        if (in.modules.getItemStr(PyStr.intern("builtins")) == null) in.modules.setItem(PyStr.intern("builtins"), b);
    }

    private static final ArgParser IMPORT_ARGS = ArgParser.of("__import__", 1, 0, "name", "globals", "locals",
            "fromlist", "level");

    private static PyObject importBuiltin(PyObject[] args, PyTuple kw) {
        PyObject[] a = IMPORT_ARGS.parse(args, kw);
        if (!(a[0] instanceof PyStr name)) throw Errors.typeError("__import__() argument 1 must be str, not %s",
                a[0].type().name());
        PyDict g = a[1] instanceof PyDict d ? d : null;
        int level = a[4] instanceof PyInt i ? (int) i.value : 0;
        return Importer.importModule(name.value, g, a[3], level);
    }

    // ---- automatic cycle collection ------------------------------------------------------

    /** Threshold crossings since the last automatic collection (one per tracked allocation). */
    private static int gcPending;
    /** Objects tracked after the last automatic collection. */
    static long gcLastLive;

    /**
     * The collector's generation-0 threshold was crossed. Gc collects everything at once (one
     * generation), so collecting every 2000 allocations would make a growing heap quadratic;
     * like CPython's rule for full collections, wait until the new objects are a quarter of the
     * live ones, then ask the eval loop to collect at its next check.
     */
    static void gcRequested() {
        if (++gcPending > gcLastLive / 4) EvalBreaker.set(EvalBreaker.GC_REQUESTED);
    }

    /** Runs an automatic collection (from the eval breaker). */
    static void autoCollect(dev.gilt.runtime.thread.ThreadState ts) {
        gcPending = 0;
        // With the GIL off the collection runs inside a stop-the-world (EvalBreaker does both).
        EvalBreaker.collectGarbage(ts);
        gcLastLive = dev.gilt.runtime.memory.Gc.trackedObjects().size();
    }

    // ---- Interp.Hooks ------------------------------------------------------------------------

    @Override
    public PyObject compile(String source, String filename, String mode, int flags) {
        SourceCompiler c = compiler;
        if (c == null) throw Errors.systemError("no compiler is installed");
        return c.compile(source, filename, mode, flags);
    }

    @Override
    public PyObject eval(PyObject code, PyDict globals, PyObject locals) {
        if (!(code instanceof PyCode c)) throw Errors.typeError("expected a code object");
        if (globals.getItemStr(PyFunction.S_BUILTINS) == null) {
            Interp in = Interp.main();
            if (in != null && in.builtins != null) globals.setItem(PyFunction.S_BUILTINS, in.builtins);
        }
        if (c.nfree() > 0) {
            throw Errors.typeError("code object passed to exec() may not contain free variables");
        }
        return Interpreter.runCode(ThreadState.current(), c, globals, locals == null ? globals : locals);
    }

    private static Frame current() {
        return ThreadState.current().frame instanceof Frame f ? f : null;
    }

    @Override
    public PyDict currentGlobals() {
        Frame f = current();
        if (f != null) return f.globals;
        Interp in = Interp.main();
        PyObject m = in == null ? null : in.modules.getItemStr(PyStr.intern("__main__"));
        return m instanceof PyModule pm ? pm.dict : null;
    }

    @Override
    public PyObject currentLocals() {
        Frame f = current();
        if (f == null) {
            PyDict g = currentGlobals();
            return g == null ? new PyDict() : RefCount.newRef(g);
        }
        return f.fLocals();
    }

    @Override
    public PyObject importModule(String name, PyDict globals, PyObject fromlist, int level) {
        return Importer.importModule(name, globals, fromlist, level);
    }

    @Override
    public PyObject buildClass(PyObject[] args, PyTuple kwnames) {
        return BuildClass.build(args, kwnames);
    }

    /**
     * Zero-argument super(): {@code [__class__, first argument]} of the calling frame, both
     * borrowed (the frame keeps them alive for the duration of the call).
     */
    @Override
    public PyObject[] superArgs() {
        Frame f = current();
        if (f == null) throw Errors.runtimeError("super(): no current frame");
        PyCode co = f.code;
        if (co.argcount == 0 && (co.flags & PyCode.CO_VARARGS) == 0) throw Errors.runtimeError("super(): no arguments");
        PyObject first = f.s[0];
        if (first instanceof PyCell cell && (co.localsplusKinds[0] & PyCode.KIND_CELL) != 0) first = cell.get();
        if (first == null) throw Errors.runtimeError("super(): arg[0] deleted");
        int n = co.nlocalsplus();
        for (int i = co.nlocals; i < n; i++) {
            if ((co.localsplusKinds[i] & PyCode.KIND_FREE) != 0 && co.localsplusNames[i].equals("__class__")) {
                PyObject c = f.s[i] instanceof PyCell cell ? cell.get() : null;
                if (c == null) throw Errors.runtimeError("super(): empty __class__ cell");
                if (!(c instanceof PyType)) {
                    throw Errors.runtimeError("super(): __class__ is not a type (" + c.type().name() + ")");
                }
                return new PyObject[] {c, first};
            }
        }
        throw Errors.runtimeError("super(): __class__ cell not found");
    }

    /** None-safe string attribute read used by the launcher. */
    static String str(PyObject o) {
        return o instanceof PyStr s ? s.value : o == null || o == PyNone.NONE ? null : o.toString();
    }
}
