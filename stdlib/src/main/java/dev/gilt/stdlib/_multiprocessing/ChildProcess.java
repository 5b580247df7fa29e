package dev.gilt.stdlib._multiprocessing;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.types.PyGetSetDescr;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Waits;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A started child process as the parent sees it (the "popen" of multiprocessing): its pid,
 * whether it still runs, its exit code, terminate (SIGTERM) and kill (SIGKILL). Waiting
 * releases the GIL and never outlasts the timeout.
 *
 * <h2>Exit codes</h2>
 * A JVM reports a death by signal N as 128+N. The child tells the broker its exit code just
 * before leaving, so 128+N with no (or a different) report means "killed by N" and becomes
 * -N as in CPython, while a child that really called sys.exit(137) still reports 137.
 */
final class ChildProcess extends PyObject {
    static final PyType TYPE = Attr.install(PyType.builtin("ChildProcess", ChildProcess.class), "_multiprocessing");

    final Process proc;
    final String token;
    private volatile Integer exitcode;

    ChildProcess(Process proc, String token) {
        this.proc = proc;
        this.token = token;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The exit code once the process has ended, else null (never blocks). */
    Integer poll() {
        Integer c = exitcode;
        if (c != null) return c;
        if (proc.isAlive()) return null;
        return finish(proc.exitValue());
    }

    private synchronized Integer finish(int raw) {
        if (exitcode != null) return exitcode;
        int code = raw;
        byte[] t = token.getBytes(StandardCharsets.UTF_8);
        Integer reported = null;
        try {
            Msg r = Channel.get().call(Broker.PROC_STATUS, t);
            if (r.arg(0) != 0) reported = (int) r.arg(1);
            Channel.get().call(Broker.PROC_FORGET, t);
        } catch (RuntimeException e) {
            // the broker is gone: keep the raw value
        }
        if (raw > 128 && raw < 128 + 65 && (reported == null || reported != raw)) code = -(raw - 128);
        exitcode = code;
        return code;
    }

    /** Waits up to {@code seconds} (negative: no limit); the exit code or null. */
    Integer waitFor(double seconds) {
        Integer c = poll();
        if (c != null) return c;
        long nanos = seconds < 0 ? -1 : (long) (seconds * 1e9);
        boolean ended = Waits.await(n -> {
            if (n < 0) {
                proc.waitFor();
                return true;
            }
            return proc.waitFor(n, TimeUnit.NANOSECONDS);
        }, nanos);
        return ended ? poll() : null;
    }

    static {
        TYPE.newInstance = (type, args, kw) -> {
            throw dev.gilt.runtime.error.Errors.typeError("cannot create '_multiprocessing.ChildProcess' instances");
        };
        PyGetSetDescr.define(TYPE, "pid", self -> PyInt.of(((ChildProcess) self).proc.pid()));
        PyGetSetDescr.define(TYPE, "token", self -> PyStr.of(((ChildProcess) self).token));
        PyMethodDescr.define(TYPE, "poll", (Fn.F0) self -> {
            Integer c = ((ChildProcess) self).poll();
            return c == null ? PyNone.NONE : PyInt.of(c);
        });
        PyMethodDescr.define(TYPE, "wait", (Fn.F1) (self, timeout) -> {
            double t = timeout == PyNone.NONE ? -1 : Math.max(0, dev.gilt.stdlib.util.Args.asDouble(timeout));
            Integer c = ((ChildProcess) self).waitFor(t);
            return c == null ? PyNone.NONE : PyInt.of(c);
        });
        PyMethodDescr.define(TYPE, "terminate", (Fn.F0) self -> {
            ((ChildProcess) self).proc.destroy();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "kill", (Fn.F0) self -> {
            ((ChildProcess) self).proc.destroyForcibly();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "is_alive", (Fn.F0) self -> PyBool.of(((ChildProcess) self).poll() == null));
    }

}
