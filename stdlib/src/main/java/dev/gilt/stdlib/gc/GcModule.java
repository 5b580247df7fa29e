package dev.gilt.stdlib.gc;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.Gc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * {@code gc}: the interface to the cycle collector ({@link Gc}). Gilt keeps one generation, so
 * generations 0..2 all name the same full collection; counts and thresholds are CPython's three.
 * {@code gc.callbacks} are called with ("start", info) and ("stop", info) around each
 * gc.collect().
 */
public final class GcModule implements ModuleProvider {
    private static int debugFlags;

    @Override
    public String name() {
        return "gc";
    }

    private static final ArgParser COLLECT = ArgParser.of("collect", 0, 0, "generation");
    private static final ArgParser GET_OBJECTS = ArgParser.of("get_objects", 0, 0, "generation");

    /**
     * gc.collect() runs even while automatic collection is disabled (as CPython's); with the GIL
     * off it runs inside a stop-the-world, as EvalBreaker.collectGarbage does.
     */
    static int collectNow() {
        if (dev.gilt.runtime.Config.GIL_ENABLED) return Gc.collect();
        int[] n = {0};
        dev.gilt.runtime.thread.StopTheWorld.run(dev.gilt.runtime.thread.ThreadState.current(), () -> n[0] = Gc.collect());
        return n[0];
    }

    static PyDict info(int generation, int collected) {
        PyDict d = new PyDict();
        put(d, "generation", PyInt.of(generation));
        put(d, "collected", PyInt.of(collected));
        put(d, "uncollectable", PyInt.of(0));
        return d;
    }

    static void put(PyDict d, String k, PyObject v) {
        d.setItem(PyStr.intern(k), v);
        RefCount.decref(v);
    }

    static void runCallbacks(PyModule m, String phase, PyDict info) {
        PyObject cbs = m.get("callbacks");
        if (!(cbs instanceof PyList l) || l.size == 0) return;
        PyStr ph = PyStr.of(phase);
        try {
            for (PyObject cb : Args.toList(l)) {
                try {
                    RefCount.decref(Ops.call(cb, ph, info));
                } finally {
                    RefCount.decref(cb);
                }
            }
        } finally {
            RefCount.decref(ph);
        }
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("gc");
        m.setSteal("garbage", new PyList());
        m.setSteal("callbacks", new PyList());
        String[] dn = {"DEBUG_STATS", "DEBUG_COLLECTABLE", "DEBUG_UNCOLLECTABLE", "DEBUG_SAVEALL", "DEBUG_LEAK"};
        int[] dv = {1, 2, 4, 32, 38};
        for (int i = 0; i < dn.length; i++) m.setSteal(dn[i], PyInt.of(dv[i]));

        m.def("collect", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = COLLECT.parse(args, kw);
            int gen = a[0] == null ? 2 : Args.asInt(a[0]);
            if (gen < 0 || gen > 2) throw Errors.valueError("invalid generation");
            PyDict start = info(gen, 0);
            try {
                runCallbacks(m, "start", start);
            } finally {
                RefCount.decref(start);
            }
            int n = collectNow();
            PyDict stop = info(gen, n);
            try {
                runCallbacks(m, "stop", stop);
            } finally {
                RefCount.decref(stop);
            }
            return PyInt.of(n);
        });
        m.def("enable", (Fn.F0) mod -> {
            Gc.setEnabled(true);
            return PyNone.NONE;
        });
        m.def("disable", (Fn.F0) mod -> {
            Gc.setEnabled(false);
            return PyNone.NONE;
        });
        m.def("isenabled", (Fn.F0) mod -> PyBool.of(Gc.isEnabled()));
        m.def("get_count", (Fn.F0) mod -> {
            int[] c = Gc.getCount();
            return PyTuple.steal(PyInt.of(c[0]), PyInt.of(c[1]), PyInt.of(c[2]));
        });
        m.def("get_threshold", (Fn.F0) mod -> {
            int[] t = Gc.getThreshold();
            return PyTuple.steal(PyInt.of(t[0]), PyInt.of(t[1]), PyInt.of(t[2]));
        });
        m.def("set_threshold", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("set_threshold", kw);
            Args.count("set_threshold", args, 1, 3);
            int[] t = Gc.getThreshold();
            for (int i = 0; i < args.length; i++) t[i] = Args.asInt(args[i]);
            Gc.setThreshold(t[0], t[1], t[2]);
            return PyNone.NONE;
        });
        m.def("get_debug", (Fn.F0) mod -> PyInt.of(debugFlags));
        m.def("set_debug", (Fn.F1) (mod, f) -> {
            debugFlags = Args.asInt(f);
            return PyNone.NONE;
        });
        m.def("get_objects", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = GET_OBJECTS.parse(args, kw);
            if (a[0] != null && a[0] != PyNone.NONE) {
                int g = Args.asInt(a[0]);
                if (g < 0) throw Errors.valueError("generation parameter must be non-negative");
                if (g > 2) throw Errors.valueError("generation parameter cannot be greater than 2");
            }
            PyList out = new PyList();
            for (PyObject o : Gc.trackedObjects()) {
                if (RefCount.isFreed(o)) continue;
                out.append(o);
            }
            return out;
        });
        m.def("get_stats", (Fn.F0) mod -> {
            PyList out = new PyList();
            for (int g = 0; g < 3; g++) {
                PyDict d = new PyDict();
                put(d, "collections", PyInt.of(g == 2 ? Gc.collections() : 0));
                put(d, "collected", PyInt.of(g == 2 ? Gc.totalCollected() : 0));
                put(d, "uncollectable", PyInt.of(g == 2 ? Gc.totalUncollectable() : 0));
                out.appendSteal(d);
            }
            return out;
        });
        m.def("is_tracked", (Fn.F1) (mod, o) -> PyBool.of(Gc.isTracked(o)));
        m.def("is_finalized", (Fn.F1) (mod, o) -> PyBool.of((o.objFlags & RefCount.FLAG_FINALIZED) != 0));
        m.def("get_referents", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("get_referents", kw);
            PyList out = new PyList();
            for (PyObject o : args) o.traverse(out::append);
            return out;
        });
        m.def("get_referrers", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("get_referrers", kw);
            IdentityHashMap<PyObject, Boolean> targets = new IdentityHashMap<>();
            for (PyObject o : args) targets.put(o, Boolean.TRUE);
            PyList out = new PyList();
            List<PyObject> all = Gc.trackedObjects();
            for (PyObject o : all) {
                if (RefCount.isFreed(o)) continue;
                boolean[] hit = {false};
                o.traverse(r -> {
                    if (targets.containsKey(r)) hit[0] = true;
                });
                if (hit[0]) out.append(o);
            }
            return out;
        });
        m.def("freeze", (Fn.F0) mod -> PyNone.NONE);
        m.def("unfreeze", (Fn.F0) mod -> PyNone.NONE);
        m.def("get_freeze_count", (Fn.F0) mod -> PyInt.of(0));
        return m;
    }


}
