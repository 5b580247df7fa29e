package dev.gilt.stdlib.util;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.ops.Ops;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The process's current directory as Gilt sees it. A JVM cannot change its working directory, so
 * {@code os.chdir} moves this one and every path-taking function of the stdlib resolves relative
 * paths against it ({@link #resolve}).
 */
public final class Cwd {
    private Cwd() {}

    private static volatile Path cwd = Path.of("").toAbsolutePath().normalize();

    public static Path get() {
        return cwd;
    }

    public static void set(Path p) {
        cwd = p.toAbsolutePath().normalize();
    }

    /** {@code name} resolved against the current directory. */
    public static Path resolve(String name) {
        return cwd.resolve(name);
    }

    /**
     * os.fspath(p) as a Java string: str, bytes (decoded as UTF-8) or an object with
     * __fspath__. {@code fname} names the function in the TypeError.
     */
    public static String fspath(PyObject p, String fname, String argname) {
        if (p instanceof PyStr s) return s.value;
        if (p instanceof PyBytes b) return new String(b.value, StandardCharsets.UTF_8);
        PyObject m = p.type().lookup("__fspath__");
        if (m != null) {
            PyObject r = Ops.callMethod(p, "__fspath__");
            try {
                if (r instanceof PyStr s) return s.value;
                if (r instanceof PyBytes b) return new String(b.value, StandardCharsets.UTF_8);
                throw Errors.typeError("expected %s.__fspath__() to return str or bytes, not %s", p.type().name(),
                        r.type().name());
            } finally {
                RefCount.decref(r);
            }
        }
        if (fname == null) {
            throw Errors.typeError("expected str, bytes or os.PathLike object, not %s", p.type().name());
        }
        throw Errors.typeError("%s: %s should be string, bytes or os.PathLike, not %s", fname, argname, p.type().name());
    }
}
