package dev.gilt.interp.launch;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.vm.Interpreter;
import dev.gilt.interp.vm.Output;
import dev.gilt.interp.vm.VmHooks;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * The interactive prompt: {@code >>> } and {@code ... } prompts (sys.ps1/sys.ps2), multi-line
 * blocks (the parser decides when input is complete), expression statements echoed through
 * sys.displayhook (SINGLE mode's INTRINSIC_PRINT), tracebacks printed and the session continued.
 * Uses JLine with a history file (~/.gilt_history) on a terminal, plain line reading otherwise
 * (prompts then go to stderr, as CPython's).
 */
final class Repl {
    private Repl() {}

    /** Is this source the start of a statement that needs more lines? Installed from the parser. */
    static volatile Predicate<String> incomplete = Repl::heuristicIncomplete;

    /** Line source: JLine or plain stdin. */
    interface Input extends AutoCloseable {
        /** A line without its newline, or null at end of input. Throws {@link Interrupted} on Ctrl-C. */
        String read(String prompt) throws IOException;

        @Override
        void close();
    }

    /** Ctrl-C while reading a line. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super(null, null, false, false);
        }
    }

    static int run(PyModule main, boolean quiet, boolean tty, int status) {
        // Interactive mode defines sys.ps1 and sys.ps2, as CPython does.
        PyObject sys = dev.gilt.runtime.Interp.main().modules.getItemStr(PyStr.intern("sys"));
        if (sys instanceof PyModule sm) {
            if (sm.get("ps1") == null) sm.setSteal("ps1", PyStr.of(">>> "));
            if (sm.get("ps2") == null) sm.setSteal("ps2", PyStr.of("... "));
        }
        if (!quiet) {
            Output.stderr(Main.VERSION + " on Java " + Runtime.version().feature() + "\n"
                    + "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
        }
        try (Input in = tty ? JLineInput.open() : plain()) {
            StringBuilder buf = new StringBuilder();
            while (true) {
                String prompt = prompt(buf.isEmpty() ? "ps1" : "ps2", buf.isEmpty() ? ">>> " : "... ");
                String line;
                try {
                    line = in.read(prompt);
                } catch (Interrupted e) {
                    Output.stderr("\nKeyboardInterrupt\n");
                    buf.setLength(0);
                    continue;
                }
                if (line == null) {
                    if (!tty) Output.stderr("\n");
                    if (!buf.isEmpty()) runSource(main, buf.toString());
                    return status;
                }
                buf.append(line).append('\n');
                String src = buf.toString();
                if (incomplete.test(src)) continue;
                buf.setLength(0);
                if (src.isBlank()) continue;
                Integer exit = runSource(main, src);
                if (exit != null) return exit;
            }
        } catch (IOException e) {
            Output.stderr("gilt: error reading input: " + e.getMessage() + "\n");
            return 1;
        }
    }

    /** Compiles and runs one input in SINGLE mode; returns an exit status if the program exited. */
    private static Integer runSource(PyModule main, String src) {
        EvalBreaker.clear(EvalBreaker.SIGNAL_PENDING);
        try {
            PyCode code = VmHooks.compileSource(src, "<stdin>", "single");
            RefCount.decref(Interpreter.runCode(ThreadState.current(), code, main.dict, main.dict));
        } catch (PyException e) {
            if (e.matches(PyExc.SystemExit)) return Launcher.systemExitStatus(e.exc);
            Launcher.printException(e.exc);
            RefCount.decref(e.exc);
        } finally {
            Launcher.flushStdout();
        }
        return null;
    }

    private static String prompt(String name, String dflt) {
        PyObject p = Output.sysAttr(name);
        if (p == null) return dflt;
        if (p instanceof PyStr s) return s.value;
        try {
            return dev.gilt.runtime.ops.Ops.strString(p);
        } catch (PyException e) {
            RefCount.decref(e.exc);
            return dflt;
        }
    }

    private static Input plain() {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new Input() {
            @Override
            public String read(String prompt) throws IOException {
                Output.stderr(prompt);
                return br.readLine();
            }

            @Override
            public void close() {}
        };
    }

    /**
     * Until the parser is connected: open brackets, an unterminated triple-quoted string, a
     * trailing backslash or colon, or an indented block not yet closed by an empty line.
     */
    static boolean heuristicIncomplete(String src) {
        int depth = 0;
        boolean inTriple = false;
        char tq = 0;
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (inTriple) {
                if (c == tq && src.startsWith(String.valueOf(tq).repeat(3), i)) {
                    inTriple = false;
                    i += 2;
                }
                continue;
            }
            if (c == '#') {
                while (i < src.length() && src.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                if (src.startsWith(String.valueOf(c).repeat(3), i)) {
                    inTriple = true;
                    tq = c;
                    i += 2;
                    continue;
                }
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != c && src.charAt(j) != '\n') {
                    if (src.charAt(j) == '\\') j++;
                    j++;
                }
                i = j;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            if (c == ')' || c == ']' || c == '}') depth--;
        }
        if (inTriple || depth > 0) return true;
        String trimmed = src.stripTrailing();
        if (trimmed.endsWith("\\")) return true;
        String[] lines = src.split("\n", -1);
        String first = lines[0].strip();
        boolean block = first.endsWith(":") || lines.length > 2 && Character.isWhitespace(lines[1].isEmpty() ? 'x' : lines[1].charAt(0));
        if (!block) return trimmed.endsWith(":");
        return !src.endsWith("\n\n") && !(lines.length >= 2 && lines[lines.length - 2].isBlank());
    }
}
