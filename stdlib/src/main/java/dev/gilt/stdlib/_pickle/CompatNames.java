package dev.gilt.stdlib._pickle;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Python 2 names for protocols 0-2 with {@code fix_imports=True}: what a Python 3 pickler writes
 * so Python 2 can load it, and the way back when loading. The common entries of CPython's
 * name tables (builtins, exceptions, copyreg, queue, a few renamed functions); a name not listed
 * passes through unchanged.
 */
final class CompatNames {
    private CompatNames() {}

    private static final Map<String, String> MODULE_2TO3 = Map.of("__builtin__", "builtins", "copy_reg", "copyreg",
            "Queue", "queue", "cPickle", "pickle", "UserDict", "collections", "exceptions", "builtins");
    private static final Map<String, String> MODULE_3TO2 = Map.of("builtins", "__builtin__", "copyreg", "copy_reg",
            "queue", "Queue", "_pickle", "pickle");

    /** (module, name) pairs renamed between the versions: py3 key -> py2 value. */
    private static final Map<String, String[]> NAME_3TO2 = new HashMap<>();
    private static final Map<String, String[]> NAME_2TO3 = new HashMap<>();

    private static final Set<String> EXCEPTIONS = Set.of("ArithmeticError", "AssertionError", "AttributeError",
            "BaseException", "BufferError", "BytesWarning", "DeprecationWarning", "EOFError", "EnvironmentError",
            "Exception", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
            "ImportWarning", "IndentationError", "IndexError", "KeyError", "KeyboardInterrupt", "LookupError",
            "MemoryError", "NameError", "NotImplementedError", "OSError", "OverflowError",
            "PendingDeprecationWarning", "ReferenceError", "RuntimeError", "RuntimeWarning", "StopIteration",
            "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TypeError",
            "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError",
            "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError");
    private static final Set<String> OSERROR_SUBCLASSES = Set.of("BrokenPipeError", "ChildProcessError",
            "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
            "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
            "PermissionError", "ProcessLookupError", "TimeoutError");

    private static void pair(String m3, String n3, String m2, String n2, boolean back) {
        NAME_3TO2.put(m3 + "\n" + n3, new String[] {m2, n2});
        if (back) NAME_2TO3.put(m2 + "\n" + n2, new String[] {m3, n3});
    }

    static {
        pair("builtins", "range", "__builtin__", "xrange", true);
        pair("functools", "reduce", "__builtin__", "reduce", true);
        pair("builtins", "chr", "__builtin__", "unichr", true);
        pair("builtins", "str", "__builtin__", "unicode", true);
        pair("builtins", "int", "__builtin__", "long", true);
        pair("builtins", "zip", "itertools", "izip", true);
        pair("builtins", "map", "itertools", "imap", true);
        pair("builtins", "filter", "itertools", "ifilter", true);
        pair("itertools", "filterfalse", "itertools", "ifilterfalse", true);
        pair("itertools", "zip_longest", "itertools", "izip_longest", true);
        pair("collections", "UserDict", "UserDict", "IterableUserDict", true);
        pair("collections", "UserList", "UserList", "UserList", true);
        pair("collections", "UserString", "UserString", "UserString", true);
        for (String e : EXCEPTIONS) pair("builtins", e, "exceptions", e, true);
        for (String e : OSERROR_SUBCLASSES) pair("builtins", e, "exceptions", "OSError", false);
        pair("builtins", "ModuleNotFoundError", "exceptions", "ImportError", false);
        NAME_2TO3.put("__builtin__\nintern", new String[] {"sys", "intern"});
        NAME_2TO3.put("__builtin__\nbasestring", new String[] {"builtins", "str"});
        NAME_2TO3.put("exceptions\nStandardError", new String[] {"builtins", "Exception"});
    }

    /** [module, name] as written for Python 2. */
    static String[] toPython2(String module, String name) {
        String[] n = NAME_3TO2.get(module + "\n" + name);
        if (n != null) return n;
        String m = MODULE_3TO2.get(module);
        return new String[] {m == null ? module : m, name};
    }

    /** [module, name] a Python 2 pickle means in Python 3. */
    static String[] toPython3(String module, String name) {
        String[] n = NAME_2TO3.get(module + "\n" + name);
        if (n != null) return n;
        String m = MODULE_2TO3.get(module);
        return new String[] {m == null || module.equals("exceptions") ? (m == null ? module : m) : m, name};
    }
}
