package dev.gilt.stdlib._multiprocessing;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.imp.Importer;
import dev.gilt.interp.vm.Interpreter;
import dev.gilt.interp.vm.Output;
import dev.gilt.interp.vm.VmHooks;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.stdlib._pickle.Unpickler;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Cwd;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The life of a child interpreter, run by {@code _multiprocessing._child_main()} (the command
 * the launcher gives the child JVM): connect to the broker, fetch the payload registered for our
 * token, prepare (sys.path, sys.argv, current directory; for spawn, run the parent's main file as
 * {@code __mp_main__}; for fork, restore the {@code __main__} snapshot), run the target, report
 * the exit code, and leave through SystemExit so the launcher flushes streams and runs atexit
 * hooks as at any exit.
 *
 * <p>Exit codes as CPython's {@code Process._bootstrap}: 0; SystemExit's code (None → 0, an int →
 * it, anything else printed to stderr → 1); an uncaught exception is printed as
 * "Process NAME:" plus its traceback, → 1.
 */
final class ChildMain {
    private ChildMain() {}

    /** Set when the child is leaving on purpose: the channel closing then is not an orphaning. */
    static volatile boolean exiting;
    /** The preparation data of this child (owned; null in the root process). */
    static volatile PyDict info;
    /** True while a spawned child runs the parent's main module (starting processes is an error then). */
    static volatile boolean bootstrapping;

    static final int MODE_FORK = 0, MODE_SPAWN = 1;

    static PyObject run() {
        String sock = System.getenv(ChildLauncher.ENV_BROKER);
        String token = System.getenv(ChildLauncher.ENV_TOKEN);
        if (sock == null || token == null) throw Errors.runtimeError("_child_main() outside a multiprocessing child");
        Channel.Remote ch;
        try {
            ch = Channel.connect(Path.of(sock));
        } catch (IOException e) {
            System.err.println("gilt: child process cannot reach its parent: " + e.getMessage());
            return exit(1);
        }
        Msg boot = ch.call(Broker.HELLO, token.getBytes(StandardCharsets.UTF_8));
        if (boot.op != Broker.OK) {
            System.err.println("gilt: child process was not expected by its parent: " + boot.text());
            return exit(1);
        }
        int code;
        try {
            code = bootstrap(boot.data);
        } catch (PyException e) {
            code = report(e, null);
        }
        flushStreams();
        try {
            ch.call(Broker.PROC_EXIT, null, code);
        } catch (PyException e) {
            RefCount.decref(e.exc);
        }
        return exit(code);
    }

    private static PyObject exit(int code) {
        exiting = true;
        PyObject c = PyInt.of(code);
        try {
            throw Errors.withArgs(PyExc.SystemExit, c);
        } finally {
            RefCount.decref(c);
        }
    }

    private static int bootstrap(byte[] payload) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int mode;
        byte[] prep, body;
        try {
            mode = in.readInt();
            prep = new byte[in.readInt()];
            in.readFully(prep);
            body = in.readAllBytes();
        } catch (IOException e) {
            throw Errors.runtimeError("bad child payload");
        }
        PyObject p = Unpickler.loads(prep);
        if (!(p instanceof PyDict d)) throw Errors.runtimeError("bad child preparation data");
        info = d;
        prepare(d);
        String name = str(d, "name", "Process");
        PyObject part;
        if (mode == MODE_SPAWN) {
            String mainPath = str(d, "main_path", null);
            if (mainPath != null) {
                int st = runMainAsMpMain(mainPath, name);
                if (st != 0) return st;
            }
            part = Unpickler.loads(body);
        } else {
            part = restoreSnapshot(body);
        }
        try {
            return runPart(part, name);
        } finally {
            RefCount.decref(part);
        }
    }

    private static String str(PyDict d, String key, String dflt) {
        PyObject v = d.getItemStr(PyStr.intern(key));
        return v instanceof PyStr s ? s.value : dflt;
    }

    /** sys.path, sys.argv and the current directory as in the parent. */
    private static void prepare(PyDict d) {
        PyObject sysPath = d.getItemStr(PyStr.intern("sys_path"));
        PyObject sys = Importer.gcdImport("sys");
        try {
            if (sysPath instanceof PyList l) {
                PyObject cur = Ops.getAttr(sys, "path");
                try {
                    Ops.callMethod(cur, "clear");
                    RefCount.decref(Ops.callMethod(cur, "extend", l));
                } finally {
                    RefCount.decref(cur);
                }
                Interp in = Interp.main();
                in.path.clear();
                for (int i = 0; i < l.size; i++) if (l.items[i] instanceof PyStr s) in.path.add(s.value);
            }
            PyObject argv = d.getItemStr(PyStr.intern("sys_argv"));
            if (argv instanceof PyList l) {
                PyObject cur = Ops.getAttr(sys, "argv");
                try {
                    RefCount.decref(Ops.callMethod(cur, "clear"));
                    RefCount.decref(Ops.callMethod(cur, "extend", l));
                } finally {
                    RefCount.decref(cur);
                }
            }
        } finally {
            RefCount.decref(sys);
        }
        String cwd = str(d, "cwd", null);
        if (cwd != null && Files.isDirectory(Path.of(cwd))) Cwd.set(Path.of(cwd));
    }

    /**
     * spawn: the parent's main file runs again as module {@code __mp_main__}, which is also
     * {@code sys.modules['__main__']} (code under {@code if __name__ == "__main__":} does not
     * run; the target's functions are found there by name).
     */
    private static int runMainAsMpMain(String mainPath, String name) {
        Interp in = Interp.main();
        PyModule m = Importer.newModule("__mp_main__", mainPath, null);
        in.modules.setItem(PyStr.intern("__mp_main__"), m);
        in.modules.setItem(PyStr.intern("__main__"), m);
        RefCount.decref(m);
        String source;
        try {
            source = Files.readString(Cwd.resolve(mainPath));
        } catch (IOException e) {
            System.err.println("gilt: can't open file '" + mainPath + "': [Errno 2] No such file or directory");
            return 1;
        }
        bootstrapping = true;
        try {
            PyCode code = VmHooks.compileSource(source, mainPath, "exec");
            RefCount.decref(Interpreter.runCode(ThreadState.current(), code, m.dict, m.dict));
            return 0;
        } catch (PyException e) {
            return report(e, name);
        } finally {
            bootstrapping = false;
        }
    }

    /** fork: the __main__ globals that came over, then the process part (returned, new reference). */
    private static PyObject restoreSnapshot(byte[] body) {
        PyDict main = ForkSupport.mainDict();
        Unpickler u = Unpickler.session();
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
            int n = in.readInt();
            int memoNext = 0;
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int memoAfter = in.readInt();
                byte[] blob = new byte[in.readInt()];
                in.readFully(blob);
                try {
                    PyObject v = u.loadBlob(blob, memoNext);
                    main.setItem(PyStr.intern(name), v);
                    RefCount.decref(v);
                } catch (PyException e) {
                    setPlaceholder(main, name, ForkSupport.describe(e));
                    RefCount.decref(e.exc);
                }
                memoNext = memoAfter;
            }
            int f = in.readInt();
            for (int i = 0; i < f; i++) setPlaceholder(main, in.readUTF(), in.readUTF());
            byte[] last = new byte[in.readInt()];
            in.readFully(last);
            return u.loadBlob(last, memoNext);
        } catch (IOException e) {
            throw Errors.runtimeError("bad fork snapshot");
        } finally {
            u.close();
        }
    }

    private static void setPlaceholder(PyDict main, String name, String why) {
        Unavailable u = new Unavailable(name, why);
        main.setItem(PyStr.intern(name), u);
        RefCount.decref(u);
    }

    /** ('call', target, args, kwargs) or ('obj', process) → the exit code. */
    private static int runPart(PyObject part, String name) {
        if (!(part instanceof PyTuple t) || t.size() < 2 || !(t.get(0) instanceof PyStr kind)) {
            throw Errors.runtimeError("bad process description");
        }
        try {
            if (kind.value.equals("call")) {
                PyObject target = t.get(1);
                if (target != PyNone.NONE) {
                    PyTuple args = (PyTuple) t.get(2);
                    PyDict kw = (PyDict) t.get(3);
                    RefCount.decref(dev.gilt.stdlib._pickle.PickleModule.callWithKw(target, args.items, kw));
                }
                return 0;
            }
            // A Process object (a subclass may override run()): its _bootstrap_child runs it.
            RefCount.decref(Ops.callMethod(t.get(1), "run"));
            return 0;
        } catch (PyException e) {
            return report(e, name);
        }
    }

    /** SystemExit → its code; anything else is printed as CPython's _bootstrap does → 1. */
    static int report(PyException e, String name) {
        PyBaseException exc = e.exc;
        try {
            if (exc.type().isSubtypeOf(PyExc.SystemExit)) return systemExitCode(exc);
            flushStreams();
            if (name != null) Output.stderr("Process " + name + ":\n");
            PyObject hook = Output.sysAttr("excepthook");
            if (hook != null && hook != PyNone.NONE) {
                PyObject tb = exc.traceback == null ? PyNone.NONE : exc.traceback;
                try {
                    RefCount.decref(Ops.call(hook, exc.type(), exc, tb));
                } catch (PyException e2) {
                    RefCount.decref(e2.exc);
                    Output.stderr(dev.gilt.interp.vm.TracebackPrinter.format(exc));
                }
            } else {
                Output.stderr(dev.gilt.interp.vm.TracebackPrinter.format(exc));
            }
            flushStreams();
            return 1;
        } finally {
            RefCount.decref(exc);
        }
    }

    private static int systemExitCode(PyBaseException exc) {
        PyObject code = Ops.lookupAttr(exc, PyStr.intern("code"));
        try {
            if (code == null || code == PyNone.NONE) return 0;
            if (code instanceof PyInt i) return i.big != null ? -1 : (int) i.value;
            flushStreams();
            Output.stderr(Args.repr(code).equals("") ? "" : Ops.strString(code) + "\n");
            return 1;
        } finally {
            RefCount.xdecref(code);
        }
    }

    static void flushStreams() {
        for (String n : new String[] {"stdout", "stderr"}) {
            PyObject s = Output.sysAttr(n);
            if (s == null || s == PyNone.NONE) continue;
            try {
                RefCount.decref(Ops.callMethod(s, "flush"));
            } catch (PyException e) {
                RefCount.decref(e.exc);
            }
        }
        System.out.flush();
        System.err.flush();
    }
}
