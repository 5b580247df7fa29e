package dev.gilt.interp.launch;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.imp.Importer;
import dev.gilt.interp.vm.Interpreter;
import dev.gilt.interp.vm.Output;
import dev.gilt.interp.vm.TracebackPrinter;
import dev.gilt.interp.vm.VmHooks;
import dev.gilt.interp.vm.VmSupport;
import dev.gilt.runtime.Config;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.gil.Gil;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.ModuleRegistry;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the program the command line names, on the main interpreter thread: sets up the
 * interpreter (builtins, hooks, sys, __main__), runs {@code -c}, {@code -m}, a file, stdin or the
 * REPL, reports an uncaught exception as CPython does, and computes the exit status (0; 1 for an
 * uncaught exception; SystemExit's code; 130 after KeyboardInterrupt; 2 for a missing file).
 */
final class Launcher {
    private Launcher() {}

    /** Runs everything; returns the process exit status. Never throws. */
    static int run(Main.Options o) {
        int status;
        // The GIL (issue 3): an unknown -X gil name stops here; the main thread runs Python
        // holding the lock (attached) from now on, and other threads take turns with it.
        Gil.exitIfUnknown();
        String labWarning = RefCount.labModeWarning();
        if (labWarning != null) System.err.println(labWarning);
        ThreadState ts = ThreadState.current();
        ts.markMain();
        Gil.attach(ts);
        try {
            status = runProgram(o);
        } catch (PyException e) {
            status = handleUncaught(e.exc);
        } catch (Throwable t) {
            status = internalError(t);
        }
        try {
            status = finish(status);
        } catch (Throwable t) {
            status = internalError(t);
        }
        Gil.atExit();
        return status;
    }

    // ---- set-up --------------------------------------------------------------------------------

    /** Creates the interpreter state; {@code argv0} and {@code path0} are sys.argv[0] and sys.path[0]. */
    static Interp boot(List<String> argv, String path0, boolean ignoreEnv) {
        EvalBreaker.mainThread = Thread.currentThread();
        Signals.install();
        Interp in = Interp.init();
        in.argv = argv.toArray(new String[0]);
        in.path.clear();
        if (path0 != null) in.path.add(path0);
        String pp = ignoreEnv ? null : System.getenv("PYTHONPATH");
        if (pp != null && !pp.isEmpty()) {
            for (String p : pp.split(java.io.File.pathSeparator)) if (!p.isEmpty()) in.path.add(p);
        }
        in.path.add(Importer.RESOURCE_PREFIX.substring(0, Importer.RESOURCE_PREFIX.length() - 1));
        CompilerSetup.install();
        VmHooks.install(in);
        // sys first (other modules and the importer's sys.path reading use it), when it exists.
        ModuleProvider sys = ModuleRegistry.find("sys");
        if (sys != null) RefCount.decref(Importer.gcdImport("sys"));
        return in;
    }

    /** A fresh __main__ module in sys.modules. */
    static PyModule mainModule(Interp in, String file) {
        PyModule m = Importer.newModule("__main__", file, null);
        m.dict.setItem(PyStr.intern("__package__"), PyNone.NONE);
        in.modules.setItem(PyStr.intern("__main__"), m);
        RefCount.decref(m);
        return m;
    }

    private static int runProgram(Main.Options o) {
        List<String> argv = new ArrayList<>();
        boolean stdinTty = isTerminal();
        if (o.command != null) {
            argv.add("-c");
            argv.addAll(o.args);
            Interp in = boot(argv, "", o.ignoreEnv);
            PyModule main = mainModule(in, null);
            int st = exec(o.command, "<string>", main);
            return o.inspect ? Repl.run(main, true, stdinTty, st) : st;
        }
        if (o.module != null) {
            argv.add("-m");
            argv.addAll(o.args);
            Interp in = boot(argv, Path.of("").toAbsolutePath().toString(), o.ignoreEnv);
            int st = RunModule.run(in, o.module);
            return o.inspect ? Repl.run(mainOf(in), true, stdinTty, st) : st;
        }
        if (o.file != null && !o.file.equals("-")) {
            argv.add(o.file);
            argv.addAll(o.args);
            Path p = Path.of(o.file);
            Path dir = p.toAbsolutePath().getParent();
            try {
                dir = p.toRealPath().getParent();
            } catch (IOException | RuntimeException e) {
                // keep the absolute parent
            }
            Interp in = boot(argv, dir == null ? "" : dir.toString(), o.ignoreEnv);
            String source;
            try {
                source = Files.readString(p, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                System.err.println("gilt: can't open file '" + p.toAbsolutePath() + "': [Errno 2] No such file or directory");
                return 2;
            } catch (IOException e) {
                System.err.println("gilt: can't open file '" + p.toAbsolutePath() + "': [Errno 5] " + e.getMessage());
                return 2;
            }
            PyModule main = mainModule(in, o.file);
            int st = exec(source, o.file, main);
            return o.inspect ? Repl.run(main, true, stdinTty, st) : st;
        }
        // stdin: the REPL on a terminal (or with -i), else the piped program.
        argv.add(o.file == null ? "" : "-");
        argv.addAll(o.args);
        Interp in = boot(argv, "", o.ignoreEnv);
        PyModule main = mainModule(in, null);
        if (stdinTty || o.inspect) return Repl.run(main, o.quiet, stdinTty, 0);
        String source;
        try {
            source = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("gilt: can't read <stdin>: " + e.getMessage());
            return 2;
        }
        return exec(source, "<stdin>", main);
    }

    static PyModule mainOf(Interp in) {
        PyObject m = in.modules.getItemStr(PyStr.intern("__main__"));
        return m instanceof PyModule pm ? pm : mainModule(in, null);
    }

    /** Compiles and runs {@code source} in {@code main}; returns the exit status. */
    static int exec(String source, String filename, PyModule main) {
        try {
            PyCode code = VmHooks.compileSource(source, filename, "exec");
            RefCount.decref(Interpreter.runCode(ThreadState.current(), code, main.dict, main.dict));
            return 0;
        } catch (PyException e) {
            return handleUncaught(e.exc);
        }
    }

    static boolean isTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    // ---- uncaught exceptions and exit ------------------------------------------------------------

    /** Reports an exception that reached the top (or handles SystemExit); returns the exit status. */
    static int handleUncaught(PyBaseException exc) {
        if (exc.type().isSubtypeOf(PyExc.SystemExit)) return systemExitStatus(exc);
        printException(exc);
        return exc.type().isSubtypeOf(PyExc.KeyboardInterrupt) ? 130 : 1;
    }

    /** SystemExit: None -> 0, an int -> that, anything else is printed to stderr -> 1. */
    static int systemExitStatus(PyBaseException exc) {
        PyObject code;
        try {
            code = Ops.lookupAttr(exc, PyStr.intern("code"));
        } catch (PyException e) {
            code = null;
        }
        if (code == null) {
            int n = exc.args.size();
            code = RefCount.newRef(n == 0 ? PyNone.NONE : n == 1 ? exc.args.get(0) : exc.args);
        }
        try {
            if (code == PyNone.NONE) return 0;
            if (code instanceof PyInt i) return i.big != null ? -1 : (int) i.value;
            String text;
            try {
                text = Ops.strString(code);
            } catch (PyException e) {
                text = code instanceof PyTuple ? "<tuple>" : "<exit code>";
            }
            flushStdout();
            Output.stderr(text + "\n");
            return 1;
        } finally {
            RefCount.decref(code);
        }
    }

    /** Prints {@code exc} through sys.excepthook when the program replaced it, else directly. */
    static void printException(PyBaseException exc) {
        PyObject hook = Output.sysAttr("excepthook");
        PyObject dflt = Output.sysAttr("__excepthook__");
        if (hook != null && hook != dflt && hook != PyNone.NONE) {
            PyObject tb = exc.traceback == null ? PyNone.NONE : exc.traceback;
            try {
                RefCount.decref(Ops.call(hook, exc.type(), exc, tb));
                return;
            } catch (PyException e) {
                Output.stderr("Error in sys.excepthook:\n" + TracebackPrinter.format(e.exc)
                        + "\nOriginal exception was:\n");
                RefCount.decref(e.exc);
            }
        }
        Output.stderr(TracebackPrinter.format(exc) + TracebackPrinter.javaTrace(exc));
    }

    /** A Java exception outside any Python frame: reported as SystemError (status 1). */
    static int internalError(Throwable t) {
        if (t instanceof StackOverflowError) {
            System.err.println("RecursionError: maximum recursion depth exceeded");
            return 1;
        }
        StringBuilder sb = new StringBuilder("SystemError: internal error in Gilt: " + t + "\n");
        if (Config.JAVA_TRACE) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            sb.append(w);
        }
        System.out.flush();
        System.err.print(sb);
        System.err.flush();
        return 1;
    }

    /** End of the program: exit hooks (threads, atexit), flushing, -X showrefcount. */
    private static int finish(int status) {
        Interp in = Interp.main();
        if (in != null) {
            for (Runnable r : in.atExit) {
                try {
                    r.run();
                } catch (PyException e) {
                    if (e.matches(PyExc.SystemExit)) {
                        status = systemExitStatus(e.exc);
                    } else {
                        printException(e.exc);
                    }
                } catch (RuntimeException e) {
                    internalError(e);
                }
            }
        }
        flushStdout();
        flushStream("stderr");
        System.out.flush();
        System.err.flush();
        if (RefCount.COUNT_TOTALS) {
            System.err.println(RefCount.showRefcountLine());
            System.err.flush();
        }
        return status;
    }

    static void flushStdout() {
        flushStream("stdout");
        System.out.flush();
    }

    private static void flushStream(String name) {
        PyObject s = Output.sysAttr(name);
        if (s == null || s == PyNone.NONE) return;
        try {
            PyObject f = Ops.lookupAttr(s, PyStr.intern("flush"));
            if (f != null) {
                try {
                    RefCount.decref(Ops.call(f));
                } finally {
                    RefCount.decref(f);
                }
            }
        } catch (PyException e) {
            RefCount.decref(e.exc);
        }
    }

    /** For diagnostics: the text of an exception without printing it. */
    static String describe(PyBaseException e) {
        return e.type().name() + ": " + VmSupport.excStr(e);
    }
}
