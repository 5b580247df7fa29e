package dev.gilt.stdlib._thread;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.HasDict;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Attr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code _thread._local} ({@code threading.local}): an object whose {@code __dict__} is different
 * in every thread. The generic attribute protocol reaches the dict through {@link HasDict}, so a
 * subclass's methods, properties and slots work as usual; only the instance dict is per thread.
 * The first time a thread touches the object, its dict is created and, when the class defines
 * {@code __init__}, {@code __init__} runs again with the arguments given at creation (CPython's
 * rule).
 *
 * <h2>Refcounts and threads</h2>
 * The object owns one dict per thread that used it (in {@link #dicts}, keyed by Java thread id)
 * and the creation arguments. A thread's dicts are dropped when the thread ends
 * ({@link #releaseThreadDicts()}, run by the thread itself) or when the object dies. The map is a
 * ConcurrentHashMap: threads add and remove their own entries concurrently.
 */
public final class PyLocal extends PyGcObject implements HasDict {
    public static final PyType TYPE = Attr.install(PyType.builtin("_local", PyLocal.class), "_thread");

    private static final ThreadLocal<List<PyLocal>> TOUCHED = ThreadLocal.withInitial(ArrayList::new);

    private final PyType type;
    private final ConcurrentHashMap<Long, PyDict> dicts = new ConcurrentHashMap<>();
    /** Creation arguments for __init__ in other threads (owned), or null. */
    private PyObject[] initArgs;
    private PyTuple initKw;

    PyLocal(PyType type, PyObject[] args, PyTuple kw) {
        this.type = type;
        if (args.length > 0) {
            initArgs = args.clone();
            for (PyObject a : initArgs) RefCount.incref(a);
            initKw = kw;
            if (kw != null) RefCount.incref(kw);
        }
        dictFor(Thread.currentThread().threadId(), false);
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyDict getDict(boolean create) {
        long tid = Thread.currentThread().threadId();
        PyDict d = dicts.get(tid);
        return d != null ? d : dictFor(tid, true);
    }

    /** Creates this thread's dict; runs __init__ when {@code init} and the class defines one. */
    private PyDict dictFor(long tid, boolean init) {
        PyDict d = new PyDict();
        dicts.put(tid, d);
        TOUCHED.get().add(this);
        if (init && hasOwnInit()) {
            PyObject[] a = initArgs == null ? new PyObject[0] : initArgs;
            PyObject initf = Ops.getAttr(type, PyStr.intern("__init__"));
            try {
                PyObject[] full = new PyObject[a.length + 1];
                full[0] = this;
                System.arraycopy(a, 0, full, 1, a.length);
                RefCount.decref(Ops.call(initf, full, initKw));
            } catch (RuntimeException e) {
                // CPython drops the half-made dict when __init__ fails.
                if (dicts.remove(tid, d)) RefCount.decref(d);
                throw e;
            } finally {
                RefCount.decref(initf);
            }
        }
        return d;
    }

    private boolean hasOwnInit() {
        return type.lookup("__init__") != PyType.OBJECT.lookup("__init__");
    }

    @Override
    public void setDict(PyDict d) {
        throw Errors.attributeError("'%s' object attribute '__dict__' is read-only", type.name());
    }

    /** At the end of a thread: drops that thread's dict from every local it touched. */
    static void releaseThreadDicts() {
        List<PyLocal> touched = TOUCHED.get();
        long tid = Thread.currentThread().threadId();
        for (PyLocal l : touched) {
            PyDict d = l.dicts.remove(tid);
            if (d != null) RefCount.decref(d);
        }
        TOUCHED.remove();
    }

    @Override
    public void traverse(Visitor v) {
        for (PyDict d : dicts.values()) v.visit(d);
        if (initArgs != null) for (PyObject a : initArgs) v.visit(a);
        if (initKw != null) v.visit(initKw);
    }

    @Override
    public void releaseReferences() {
        for (Long k : dicts.keySet()) {
            PyDict d = dicts.remove(k);
            if (d != null) RefCount.decref(d);
        }
        PyObject[] a = initArgs;
        initArgs = null;
        if (a != null) for (PyObject o : a) RefCount.decref(o);
        PyTuple kw = initKw;
        initKw = null;
        RefCount.xdecref(kw);
    }

    static {
        TYPE.flags |= PyType.HAS_DICT;
        TYPE.newInstance = (type, args, kw) -> {
            if (args.length > 0 && type.lookup("__init__") == PyType.OBJECT.lookup("__init__")) {
                throw Errors.typeError("Initialization arguments are not supported");
            }
            return new PyLocal(type, args, kw);
        };
    }
}
