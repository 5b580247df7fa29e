package dev.gilt.stdlib.atexit;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.Unraisable;
import dev.gilt.stdlib.util.Args;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code atexit}: callbacks run when the program ends, last registered first. The module adds
 * one hook to {@link Interp#atExit}, which the launcher runs after the main program. A
 * callback's exception is reported as "Exception ignored in atexit callback: ..." and the others
 * still run; a SystemExit from a callback is reported the same way (as CPython does).
 */
public final class AtexitModule implements ModuleProvider {
    /** One registration: func, args, kwnames (values at the end of args). All owned. */
    record Entry(PyObject func, PyObject[] args, PyTuple kwnames) {}

    private static final List<Entry> CALLBACKS = new ArrayList<>();

    @Override
    public String name() {
        return "atexit";
    }

    static synchronized void runAll() {
        while (true) {
            Entry e;
            synchronized (CALLBACKS) {
                if (CALLBACKS.isEmpty()) return;
                e = CALLBACKS.remove(CALLBACKS.size() - 1);
            }
            try {
                RefCount.decref(Ops.call(e.func, e.args, e.kwnames));
            } catch (PyException ex) {
                String where;
                try {
                    where = Args.repr(e.func);
                } catch (PyException re) {
                    RefCount.decref(re.exc);
                    where = "<object repr() failed>";
                }
                Unraisable.report(e.func, ex, "Exception ignored in atexit callback: " + where);
            } finally {
                release(e);
            }
        }
    }

    static void release(Entry e) {
        RefCount.decref(e.func);
        for (PyObject a : e.args) RefCount.decref(a);
        RefCount.xdecref(e.kwnames);
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("atexit");
        interp.atExit.add(AtexitModule::runAll);
        m.def("register", (Fn.FV) (mod, args, kw) -> {
            int nkw = kw == null ? 0 : kw.size();
            if (args.length - nkw < 1) {
                throw Errors.typeError("register() takes at least 1 argument (0 given)");
            }
            PyObject func = args[0];
            if (func.type().call == null) throw Errors.typeError("the first argument must be callable");
            PyObject[] rest = new PyObject[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            for (PyObject a : rest) RefCount.incref(a);
            RefCount.incref(func);
            if (kw != null) RefCount.incref(kw);
            synchronized (CALLBACKS) {
                CALLBACKS.add(new Entry(func, rest, nkw == 0 ? null : kw));
            }
            return RefCount.newRef(func);
        });
        m.def("unregister", (Fn.F1) (mod, func) -> {
            List<Entry> dropped = new ArrayList<>();
            synchronized (CALLBACKS) {
                for (int i = CALLBACKS.size() - 1; i >= 0; i--) {
                    Entry e = CALLBACKS.get(i);
                    if (e.func == func || Ops.compareBool(e.func, func, Ops.EQ)) dropped.add(CALLBACKS.remove(i));
                }
            }
            for (Entry e : dropped) release(e);
            return PyNone.NONE;
        });
        m.def("_run_exitfuncs", (Fn.F0) mod -> {
            runAll();
            return PyNone.NONE;
        });
        m.def("_clear", (Fn.F0) mod -> {
            List<Entry> all;
            synchronized (CALLBACKS) {
                all = new ArrayList<>(CALLBACKS);
                CALLBACKS.clear();
            }
            for (Entry e : all) release(e);
            return PyNone.NONE;
        });
        m.def("_ncallbacks", (Fn.F0) mod -> {
            synchronized (CALLBACKS) {
                return PyInt.of(CALLBACKS.size());
            }
        });
        return m;
    }

}
