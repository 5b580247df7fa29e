package dev.gilt.interp.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code gilt [options] [-c CMD | -m MODULE | FILE | -] [args]}: CPython's command line.
 *
 * <p>This class must not touch any Gilt runtime class: {@code -X} options become {@code gilt.*}
 * system properties that runtime classes read into {@code static final} fields (the GIL choice,
 * the refcount policy), so they must be set before the first of those classes loads. Main parses
 * the arguments with java.lang only, sets the properties, and only then hands over to
 * {@link Launcher} on a thread with a large stack (Python recursion nests Java calls).
 */
public final class Main {
    private Main() {}

    public static final String VERSION = "Gilt 0.1.0 (Python 3.12 compatible)";
    /** Stack of the main interpreter thread: deep Python recursion must end in RecursionError. */
    static final long MAIN_STACK = 1L << 30;

    /** What the command line asked for. Plain Java values only. */
    static final class Options {
        String command;          // -c
        String module;           // -m
        String file;             // FILE or "-"
        final List<String> args = new ArrayList<>();
        boolean inspect, quiet, unbuffered, version, help, ignoreEnv, safePath;
        int optimize;
        final List<String> xoptions = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
    }

    public static void main(String[] argv) {
        Options o;
        try {
            o = parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: gilt [option] ... [-c cmd | -m mod | file | -] [arg] ...");
            System.err.println("Try `gilt -h' for more information.");
            System.exit(2);
            return;
        }
        if (o.version) {
            System.out.println(VERSION);
            System.exit(0);
        }
        if (o.help) {
            System.out.print(usage());
            System.exit(0);
        }
        applyProperties(o);
        int[] status = {0};
        Thread main = new Thread(null, () -> status[0] = Launcher.run(o), "main", MAIN_STACK);
        main.start();
        try {
            main.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(status[0]);
    }

    /** Parses argv as CPython does: options up to -c/-m/FILE/-, the rest are the program's. */
    static Options parse(String[] argv) {
        Options o = new Options();
        int i = 0;
        while (i < argv.length) {
            String a = argv[i];
            if (a.equals("--version")) {
                o.version = true;
                i++;
                continue;
            }
            if (a.equals("--help") || a.equals("-?")) {
                o.help = true;
                i++;
                continue;
            }
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) break;
            // A cluster of one-letter options, possibly ending with one that takes an argument.
            int j = 1;
            boolean stop = false;
            while (j < a.length()) {
                char c = a.charAt(j++);
                switch (c) {
                    case 'c', 'm', 'X', 'W' -> {
                        String val;
                        if (j < a.length()) {
                            val = a.substring(j);
                        } else if (i + 1 < argv.length) {
                            val = argv[++i];
                        } else {
                            throw new IllegalArgumentException("Argument expected for the -" + c + " option");
                        }
                        j = a.length();
                        if (c == 'c') {
                            o.command = val;
                            stop = true;
                        } else if (c == 'm') {
                            o.module = val;
                            stop = true;
                        } else if (c == 'X') {
                            o.xoptions.add(val);
                        } else {
                            o.warnings.add(val);
                        }
                    }
                    case 'i' -> o.inspect = true;
                    case 'q' -> o.quiet = true;
                    case 'u' -> o.unbuffered = true;
                    case 'V' -> o.version = true;
                    case 'h' -> o.help = true;
                    case 'E' -> o.ignoreEnv = true;
                    case 'I' -> {
                        o.ignoreEnv = true;
                        o.safePath = true;
                    }
                    case 'P' -> o.safePath = true;
                    case 'O' -> o.optimize++;
                    case 'b', 'B', 'd', 's', 'S', 'v', 'x', 'R' -> { }
                    default -> throw new IllegalArgumentException("Unknown option: -" + c);
                }
            }
            i++;
            if (stop) break;
        }
        if (o.command == null && o.module == null && i < argv.length) o.file = argv[i++];
        while (i < argv.length) o.args.add(argv[i++]);
        return o;
    }

    /** Turns -X options and flags into gilt.* system properties (read by the runtime's static finals). */
    static void applyProperties(Options o) {
        for (String x : o.xoptions) {
            int eq = x.indexOf('=');
            String key = eq < 0 ? x : x.substring(0, eq);
            String val = eq < 0 ? "true" : x.substring(eq + 1);
            switch (key) {
                case "gil", "refcount", "refrace", "switchinterval", "giltrace", "jit", "trace" ->
                        System.setProperty("gilt." + key, val);
                case "showrefcount", "gilstats", "javatrace" -> System.setProperty("gilt." + key, "true");
                default -> { } // unknown -X options are kept for sys._xoptions only, as CPython does
            }
        }
        System.setProperty("gilt.xoptions", String.join("\u0001", o.xoptions));
        if (o.optimize > 0) System.setProperty("gilt.optimize", Integer.toString(o.optimize));
        if (o.ignoreEnv) System.setProperty("gilt.ignoreenv", "true");
        if (o.unbuffered) System.setProperty("gilt.unbuffered", "true");
        if (!o.warnings.isEmpty()) System.setProperty("gilt.warnoptions", String.join("\u0001", o.warnings));
    }

    static String usage() {
        return """
            usage: gilt [option] ... [-c cmd | -m mod | file | -] [arg] ...
            Options (and corresponding environment variables):
            -c cmd : program passed in as string (terminates option list)
            -E     : ignore PYTHON* environment variables (such as PYTHONPATH)
            -h     : print this help message and exit (also -? or --help)
            -i     : inspect interactively after running script; forces a prompt even
                     if stdin does not appear to be a terminal
            -m mod : run library module as a script (terminates option list)
            -O     : remove assert and __debug__-dependent statements
            -OO    : do -O changes and also discard docstrings
            -q     : don't print version and copyright messages on interactive startup
            -u     : force the stdout and stderr streams to be unbuffered
            -V     : print the version number and exit (also --version)
            -W arg : warning control; arg is action:message:category:module:lineno
            -X opt : set implementation-specific option:
                     -X gil=0|1|NAME      run without the GIL (0), with it (1), or with lock design NAME
                     -X refcount=plain|atomic|biased   reference count policy
                     -X refrace=widen     widen the race window of plain counts (labs)
                     -X switchinterval=S  GIL switch interval in seconds
                     -X showrefcount      print [N refs, M blocks] at exit
                     -X gilstats          print GIL statistics at exit
                     -X giltrace=FILE     write a Chrome/Perfetto trace of the GIL
                     -X jit=0|1           disable/enable the JIT tier
                     -X javatrace         show Java stack traces of internal errors
            Arguments:
            file   : program read from script file
            -      : program read from stdin (default; interactive mode if a tty)
            arg ...: arguments passed to program in sys.argv[1:]
            """;
    }
}
