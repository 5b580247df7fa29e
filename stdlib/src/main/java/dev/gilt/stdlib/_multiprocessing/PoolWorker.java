package dev.gilt.stdlib._multiprocessing;

import dev.gilt.interp.vm.TracebackPrinter;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib._pickle.PickleModule;
import dev.gilt.stdlib.util.Args;

/**
 * The loop of a worker process of {@code multiprocessing.Pool} and
 * {@code ProcessPoolExecutor}, in Java so a worker needs no Python module of its own (it starts
 * as fast as a bare child): take a task from the pool's task queue, run it, put the result on
 * the result queue, until a None task, or {@code maxtasks} tasks, then return.
 *
 * <h2>Messages</h2>
 * Task: {@code (job, i, kind, func, payload)}, kind 0 = call {@code func(*args, **kwargs)} with
 * payload {@code (args, kwargs)}, 1 = map a chunk {@code [func(x) for x in payload]}, 2 = starmap
 * a chunk. Result: {@code (job, i, ok, value)}: on success the value; on an Exception
 * {@code (exc, traceback_text)} so the parent can chain a RemoteTraceback as CPython does; when
 * the result or exception cannot be pickled, {@code ("__encoding__", repr(value), repr(error))}.
 * Before each task a worker reports {@code (job, i, None, pid)} ("started") when asked to, so an
 * executor knows which futures a dying worker took with it.
 */
final class PoolWorker {
    private PoolWorker() {}

    /** pool_worker(inq, outq, initializer, initargs, maxtasks, report_start). */
    static PyObject run(PyObject[] args) {
        Args.count("pool_worker", args, 5, 6);
        long inq = Args.asLong(args[0]), outq = Args.asLong(args[1]);
        PyObject init = args[2];
        long maxtasks = args[4] == PyNone.NONE ? -1 : Args.asLong(args[4]);
        boolean reportStart = args.length > 5 && Args.truth(args[5]);
        if (init != PyNone.NONE) {
            PyTuple ia = args[3] instanceof PyTuple t ? t : PyTuple.EMPTY;
            RefCount.decref(Ops.call(init, ia.items));
        }
        long done = 0;
        long pid = MultiprocessingModule.pid();
        while (maxtasks < 0 || done < maxtasks) {
            Msg r = MultiprocessingModule.ok(MultiprocessingModule.call(Broker.Q_GET, null, inq, 1, -1));
            if (r.op != Broker.OK) continue;
            PyObject task = MultiprocessingModule.loads(r.data);
            try {
                if (task == PyNone.NONE) break;
                PyTuple t = (PyTuple) task;
                if (reportStart) put(outq, PyTuple.of(t.get(0), t.get(1), PyNone.NONE, PyInt.of(pid)));
                PyObject result = runTask(t);
                put(outq, result);
            } finally {
                RefCount.decref(task);
            }
            done++;
        }
        return PyNone.NONE;
    }

    private static PyObject runTask(PyTuple t) {
        PyObject job = t.get(0), i = t.get(1);
        int kind = (int) Args.asLong(t.get(2));
        PyObject func = t.get(3), payload = t.get(4);
        PyObject value;
        try {
            value = switch (kind) {
                case 0 -> {
                    PyTuple p = (PyTuple) payload;
                    yield PickleModule.callWithKw(func, ((PyTuple) p.get(0)).items, (PyDict) p.get(1));
                }
                case 1, 2 -> {
                    PyObject it = Ops.iter(payload);
                    PyList out = new PyList();
                    try {
                        for (PyObject x; (x = Ops.next(it)) != null; ) {
                            try {
                                PyObject y = kind == 1 ? Ops.call(func, x) : Ops.call(func, starArgs(x));
                                out.appendSteal(y);
                            } finally {
                                RefCount.decref(x);
                            }
                        }
                    } catch (PyException e) {
                        RefCount.decref(out);
                        throw e;
                    } finally {
                        RefCount.decref(it);
                    }
                    yield out;
                }
                default -> throw dev.gilt.runtime.error.Errors.valueError("bad task kind %d", kind);
            };
        } catch (PyException e) {
            if (!e.exc.type().isSubtypeOf(PyExc.Exception)) throw e;
            String tb = "\n\"\"\"\n" + TracebackPrinter.format(e.exc) + "\"\"\"";
            PyObject v = PyTuple.steal(e.exc, PyStr.of(tb));
            return PyTuple.steal(RefCount.newRef(job), RefCount.newRef(i), RefCount.newRef(PyBool.FALSE), v);
        }
        return PyTuple.steal(RefCount.newRef(job), RefCount.newRef(i), RefCount.newRef(PyBool.TRUE), value);
    }

    private static PyObject[] starArgs(PyObject x) {
        if (x instanceof PyTuple t) return t.items.clone();
        PyObject tup = PyTuple.fromIterable(x);
        try {
            return ((PyTuple) tup).items.clone();
        } finally {
            RefCount.decref(tup);
        }
    }

    /** Puts a result (steals it); an unpicklable one is replaced by an encoding error record. */
    private static void put(long outq, PyObject result) {
        byte[] d;
        try {
            d = MultiprocessingModule.dumps(result);
        } catch (PyException e) {
            PyTuple r = (PyTuple) result;
            PyObject value = r.get(3);
            if (r.get(2) == PyBool.FALSE && value instanceof PyTuple vt && vt.size() == 2) value = vt.get(0);
            String reason;
            try {
                reason = Ops.reprString(e.exc);
            } finally {
                RefCount.decref(e.exc);
            }
            PyObject enc = PyTuple.steal(PyStr.of("__encoding__"), PyStr.of(safeRepr(value)), PyStr.of(reason));
            PyObject rec = PyTuple.steal(RefCount.newRef(r.get(0)), RefCount.newRef(r.get(1)), RefCount.newRef(PyBool.FALSE), enc);
            try {
                d = MultiprocessingModule.dumps(rec);
            } finally {
                RefCount.decref(rec);
            }
        } finally {
            RefCount.decref(result);
        }
        MultiprocessingModule.ok(MultiprocessingModule.call(Broker.Q_PUT, d, outq, 1, -1));
    }

    private static String safeRepr(PyObject o) {
        try {
            return Ops.reprString(o);
        } catch (PyException e) {
            RefCount.decref(e.exc);
            return "<unrepresentable object>";
        }
    }
}
