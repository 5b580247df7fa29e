package dev.gilt.stdlib.collections;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.FreeThreading;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Iter;
import dev.gilt.stdlib.util.Prop;
import dev.gilt.stdlib.util.Seqs;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * {@code collections.deque}: a ring buffer of owned references with O(1) appends and pops at both
 * ends and an optional maximum length (items fall off the other end). {@link #version} changes on
 * every mutation so iterators can raise "deque mutated during iteration", as CPython's do.
 *
 * <h2>Free threading</h2>
 * With the GIL off and more than one thread running ({@link #shared()}), every operation on the
 * ring buffer holds the deque's monitor for its pure-Java part (comparisons with {@code __eq__}
 * happen outside it, on references taken under it), and references the deque gives up are
 * released through {@link FreeThreading#decrefLater}. So appends and pops from several threads
 * (queue.SimpleQueue) are atomic and never throw a Java exception.
 */
public final class PyDeque extends PyGcObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("deque", PyDeque.class), "collections");
    static final PyType ITER = Attr.install(PyType.builtin("_deque_iterator", DequeIter.class), "_collections");
    static final PyType RITER = Attr.install(PyType.builtin("_deque_reverse_iterator", DequeIter.class), "_collections");

    private PyObject[] buf = new PyObject[8];
    private int head;
    private int size;
    /** -1 for unbounded. */
    final int maxlen;
    int version;

    public PyDeque(int maxlen) {
        this.maxlen = maxlen;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Whether operations lock: GIL off and more than one thread running. */
    static boolean shared() {
        return !Config.GIL_ENABLED && FreeThreading.shared;
    }

    /** Drops a reference the deque gave up: at once with the GIL, after readers moved on without. */
    private static void release(PyObject o) {
        if (o == null) return;
        if (Config.GIL_ENABLED) RefCount.decref(o);
        else FreeThreading.decrefLater(o);
    }

    /** Item i (0 = left end) as a new reference, or null when out of range; safe with the GIL off. */
    PyObject itemRef(int i) {
        if (shared()) {
            synchronized (this) {
                return i >= 0 && i < size ? RefCount.newRef(get(i)) : null;
            }
        }
        return i >= 0 && i < size ? RefCount.newRef(get(i)) : null;
    }

    public int size() {
        return size;
    }

    /** Borrowed item i (0 = left end). */
    public PyObject get(int i) {
        return buf[(head + i) & (buf.length - 1)];
    }

    private void set(int i, PyObject v) {
        buf[(head + i) & (buf.length - 1)] = v;
    }

    private void grow() {
        if (size < buf.length) return;
        PyObject[] nb = new PyObject[buf.length * 2];
        for (int i = 0; i < size; i++) nb[i] = get(i);
        buf = nb;
        head = 0;
    }

    /** append(x): increfs x; drops the leftmost item when full. */
    public void append(PyObject x) {
        if (shared()) {
            synchronized (this) {
                appendUnlocked(x);
            }
            return;
        }
        appendUnlocked(x);
    }

    private void appendUnlocked(PyObject x) {
        if (maxlen == 0) return;
        RefCount.incref(x);
        version++;
        if (size == maxlen) {
            PyObject old = get(0);
            set(0, null);
            head = (head + 1) & (buf.length - 1);
            size--;
            appendRaw(x);
            release(old);
            return;
        }
        appendRaw(x);
    }

    private void appendRaw(PyObject x) {
        grow();
        set(size, x);
        size++;
    }

    public void appendleft(PyObject x) {
        if (shared()) {
            synchronized (this) {
                appendleftUnlocked(x);
            }
            return;
        }
        appendleftUnlocked(x);
    }

    private void appendleftUnlocked(PyObject x) {
        if (maxlen == 0) return;
        RefCount.incref(x);
        version++;
        PyObject old = null;
        if (size == maxlen) {
            old = get(size - 1);
            set(size - 1, null);
            size--;
        }
        grow();
        head = (head - 1) & (buf.length - 1);
        buf[head] = x;
        size++;
        release(old);
    }

    /** pop(): the rightmost item, a new reference (the deque's reference handed over). */
    public PyObject pop() {
        if (shared()) {
            PyObject x;
            synchronized (this) {
                x = popUnlocked();
            }
            RefCount.incref(x); // the caller's own; the deque's is released once readers moved on
            FreeThreading.decrefLater(x);
            return x;
        }
        return popUnlocked();
    }

    private PyObject popUnlocked() {
        if (size == 0) throw Errors.indexError("pop from an empty deque");
        version++;
        PyObject x = get(size - 1);
        set(size - 1, null);
        size--;
        return x;
    }

    public PyObject popleft() {
        if (shared()) {
            PyObject x;
            synchronized (this) {
                x = popleftUnlocked();
            }
            RefCount.incref(x);
            FreeThreading.decrefLater(x);
            return x;
        }
        return popleftUnlocked();
    }

    private PyObject popleftUnlocked() {
        if (size == 0) throw Errors.indexError("pop from an empty deque");
        version++;
        PyObject x = buf[head];
        buf[head] = null;
        head = (head + 1) & (buf.length - 1);
        size--;
        return x;
    }

    public void clear() {
        if (shared()) {
            synchronized (this) {
                clearUnlocked();
            }
            return;
        }
        clearUnlocked();
    }

    private void clearUnlocked() {
        PyObject[] old = buf;
        int h = head, n = size;
        buf = new PyObject[8];
        head = 0;
        size = 0;
        version++;
        for (int i = 0; i < n; i++) release(old[(h + i) & (old.length - 1)]);
    }

    public void rotate(long n) {
        if (shared()) {
            synchronized (this) {
                rotateUnlocked(n);
            }
            return;
        }
        rotateUnlocked(n);
    }

    private void rotateUnlocked(long n) {
        if (size <= 1) return;
        int k = (int) Math.floorMod(n, (long) size);
        if (k == 0) return;
        version++;
        // right rotation by k: the last k items move to the front
        PyObject[] tmp = new PyObject[size];
        for (int i = 0; i < size; i++) tmp[(i + k) % size] = get(i);
        for (int i = 0; i < size; i++) set(i, tmp[i]);
    }

    public void reverse() {
        if (shared()) {
            synchronized (this) {
                reverseUnlocked();
            }
            return;
        }
        reverseUnlocked();
    }

    private void reverseUnlocked() {
        version++;
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            PyObject t = get(i);
            set(i, get(j));
            set(j, t);
        }
    }

    void extend(PyObject iterable, boolean left) {
        if (iterable == this) {
            List<PyObject> items = Args.toList(iterable);
            try {
                for (PyObject x : items) {
                    if (left) appendleft(x);
                    else append(x);
                }
            } finally {
                Args.decrefAll(items);
            }
            return;
        }
        try (Iter it = Iter.of(iterable)) {
            PyObject x;
            while ((x = it.next()) != null) {
                if (left) appendleft(x);
                else append(x);
                RefCount.decref(x);
            }
        }
    }

    long index(PyObject key) {
        long i = Args.asLong(key);
        if (i < 0) i += size;
        if (i < 0 || i >= size) throw Errors.indexError("deque index out of range");
        return i;
    }

    private static PyObject indexKey(PyObject key) {
        if (!Args.isIndex(key)) {
            throw Errors.typeError("sequence index must be integer, not '%s'", key.type().name());
        }
        return key;
    }

    void delAt(int i) {
        if (shared()) {
            synchronized (this) {
                if (i >= size) throw Errors.indexError("deque index out of range");
                delAtUnlocked(i);
            }
            return;
        }
        delAtUnlocked(i);
    }

    private void delAtUnlocked(int i) {
        version++;
        PyObject x = get(i);
        for (int k = i; k < size - 1; k++) set(k, get(k + 1));
        set(size - 1, null);
        size--;
        release(x);
    }

    void insert(long index, PyObject x) {
        if (shared()) {
            synchronized (this) {
                insertUnlocked(index, x);
            }
            return;
        }
        insertUnlocked(index, x);
    }

    private void insertUnlocked(long index, PyObject x) {
        if (maxlen >= 0 && size >= maxlen) throw Errors.indexError("deque already at its maximum size");
        long i = index;
        if (i < 0) i = Math.max(0, i + size);
        if (i > size) i = size;
        RefCount.incref(x);
        version++;
        grow();
        for (int k = size; k > i; k--) set(k, get(k - 1));
        set((int) i, x);
        size++;
    }

    /** The items as new references (the caller decrefs them). */
    PyObject[] snapshot() {
        if (shared()) {
            synchronized (this) {
                return snapshotUnlocked();
            }
        }
        return snapshotUnlocked();
    }

    private PyObject[] snapshotUnlocked() {
        PyObject[] a = new PyObject[size];
        for (int i = 0; i < size; i++) a[i] = RefCount.newRef(get(i));
        return a;
    }

    private static void decrefAll(PyObject[] a) {
        for (PyObject o : a) RefCount.decref(o);
    }

    private static final ThreadLocal<IdentityHashMap<PyObject, Boolean>> REPR = ThreadLocal.withInitial(IdentityHashMap::new);

    String repr() {
        var guard = REPR.get();
        if (guard.containsKey(this)) return "[...]";
        guard.put(this, Boolean.TRUE);
        try {
            StringBuilder sb = new StringBuilder("deque([");
            PyObject[] items = snapshot();
            try {
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) sb.append(", ");
                    sb.append(Args.repr(items[i]));
                }
            } finally {
                decrefAll(items);
            }
            sb.append(']');
            if (maxlen >= 0) sb.append(", maxlen=").append(maxlen);
            return sb.append(')').toString();
        } finally {
            guard.remove(this);
        }
    }

    @Override
    public void traverse(Visitor v) {
        for (int i = 0; i < size; i++) v.visit(get(i));
    }

    @Override
    public void releaseReferences() {
        clear();
    }

    /** Iterator over a deque (either direction). */
    static final class DequeIter extends PyGcObject {
        PyDeque d;
        final boolean reverse;
        final int version;
        int i;

        DequeIter(PyDeque d, boolean reverse) {
            this.d = RefCount.newRef(d);
            this.reverse = reverse;
            this.version = d.version;
        }

        @Override
        public PyType type() {
            return reverse ? RITER : ITER;
        }

        PyObject next() {
            if (d == null) return null;
            if (d.version != version) {
                PyDeque x = d;
                d = null;
                RefCount.decref(x);
                throw Errors.runtimeError("deque mutated during iteration");
            }
            if (i >= d.size) {
                PyDeque x = d;
                d = null;
                RefCount.decref(x);
                return null;
            }
            PyObject v = d.itemRef(reverse ? d.size - 1 - i : i);
            if (v == null) {
                PyDeque x = d;
                d = null;
                RefCount.decref(x);
                return null;
            }
            i++;
            return v;
        }

        @Override
        public void traverse(Visitor v) {
            if (d != null) v.visit(d);
        }

        @Override
        public void releaseReferences() {
            PyDeque x = d;
            d = null;
            RefCount.xdecref(x);
        }
    }

    // ---- Python-visible behaviour ------------------------------------------------------------

    private static final ArgParser NEW = ArgParser.of("deque", 0, 0, "iterable", "maxlen");

    static PyDeque make(PyObject iterable, PyObject maxlenArg) {
        int maxlen = -1;
        if (!Args.isNone(maxlenArg)) {
            long m = Args.asLong(maxlenArg);
            if (m < 0) throw Errors.valueError("maxlen must be non-negative");
            maxlen = (int) Math.min(m, Integer.MAX_VALUE);
        }
        PyDeque d = new PyDeque(maxlen);
        if (iterable != null) {
            try {
                d.extend(iterable, false);
            } catch (PyException e) {
                RefCount.decref(d);
                throw e;
            }
        }
        return d;
    }

    /** Item i == x, holding a reference to the item while comparing; false past the end. */
    private static boolean eqAt(PyDeque d, int i, PyObject x) {
        PyObject v = d.itemRef(i);
        if (v == null) return false;
        try {
            return Ops.compareBool(v, x, Ops.EQ);
        } finally {
            RefCount.decref(v);
        }
    }

    private static PyDeque copyOf(PyDeque d) {
        PyDeque c = new PyDeque(d.maxlen);
        PyObject[] items = d.snapshot();
        for (PyObject x : items) c.append(x);
        decrefAll(items);
        return c;
    }

    static {
        PyType t = TYPE;
        t.newInstance = (type, args, kw) -> {
            PyObject[] a = NEW.parse(args, kw);
            return make(a[0], a[1]);
        };
        t.init = (self, args, kw) -> { };
        t.repr = self -> PyStr.of(((PyDeque) self).repr());
        t.len = self -> ((PyDeque) self).size;
        t.bool = self -> ((PyDeque) self).size > 0;
        t.iter = self -> new DequeIter((PyDeque) self, false);
        t.getitem = (self, key) -> {
            PyDeque d = (PyDeque) self;
            PyObject v = d.itemRef((int) d.index(indexKey(key)));
            if (v == null) throw Errors.indexError("deque index out of range");
            return v;
        };
        t.setitem = (self, key, value) -> {
            PyDeque d = (PyDeque) self;
            int i = (int) d.index(indexKey(key));
            if (value == null) {
                d.delAt(i);
                return;
            }
            RefCount.incref(value);
            PyObject old;
            if (shared()) {
                synchronized (d) {
                    if (i >= d.size) {
                        RefCount.decref(value);
                        throw Errors.indexError("deque index out of range");
                    }
                    old = d.get(i);
                    d.set(i, value);
                }
            } else {
                old = d.get(i);
                d.set(i, value);
            }
            release(old);
        };
        t.contains = (self, x) -> {
            PyDeque d = (PyDeque) self;
            int v = d.version;
            for (int i = 0; i < d.size; i++) {
                if (eqAt(d, i, x)) return true;
                if (d.version != v) throw Errors.runtimeError("deque mutated during iteration");
            }
            return false;
        };
        t.richcompare = (a, b, op) -> {
            if (!(b instanceof PyDeque db)) return PyNotImplemented.NOT_IMPLEMENTED;
            PyDeque da = (PyDeque) a;
            PyObject[] x = da.snapshot(), y = db.snapshot();
            try {
                return Seqs.compare(x, x.length, y, y.length, op);
            } finally {
                decrefAll(x);
                decrefAll(y);
            }
        };
        t.nb[Ops.NB_ADD] = (a, b) -> {
            if (!(a instanceof PyDeque da)) return PyNotImplemented.NOT_IMPLEMENTED;
            if (!(b instanceof PyDeque db)) {
                throw Errors.typeError("can only concatenate deque (not \"%s\") to deque", b.type().name());
            }
            PyDeque c = copyOf(da);
            c.extend(db, false);
            return c;
        };
        t.nb[Ops.NB_MULTIPLY] = (a, b) -> {
            PyDeque d = a instanceof PyDeque da ? da : b instanceof PyDeque db ? db : null;
            PyObject n = d == a ? b : a;
            if (d == null || !Args.isIndex(n)) return PyNotImplemented.NOT_IMPLEMENTED;
            PyDeque c = new PyDeque(d.maxlen);
            long times = Args.asLong(n);
            PyObject[] items = d.snapshot();
            try {
                for (long k = 0; k < times; k++) for (PyObject x : items) c.append(x);
            } finally {
                decrefAll(items);
            }
            return c;
        };
        t.nbInplace[Ops.NB_ADD] = (a, b) -> {
            ((PyDeque) a).extend(b, false);
            return RefCount.newRef(a);
        };
        t.nbInplace[Ops.NB_MULTIPLY] = (a, b) -> {
            PyDeque d = (PyDeque) a;
            long times = Args.asLong(b);
            PyObject[] items = d.snapshot();
            try {
                if (times <= 0) d.clear();
                for (long k = 1; k < times; k++) for (PyObject x : items) d.append(x);
            } finally {
                for (PyObject x : items) RefCount.decref(x);
            }
            return RefCount.newRef(a);
        };
        ITER.iter = RefCount::newRef;
        ITER.next = self -> ((DequeIter) self).next();
        RITER.iter = RefCount::newRef;
        RITER.next = self -> ((DequeIter) self).next();

        PyMethodDescr.define(t, "append", (Fn.F1) (self, x) -> {
            ((PyDeque) self).append(x);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "appendleft", (Fn.F1) (self, x) -> {
            ((PyDeque) self).appendleft(x);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "pop", (Fn.F0) self -> ((PyDeque) self).pop());
        PyMethodDescr.define(t, "popleft", (Fn.F0) self -> ((PyDeque) self).popleft());
        PyMethodDescr.define(t, "extend", (Fn.F1) (self, x) -> {
            ((PyDeque) self).extend(x, false);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "extendleft", (Fn.F1) (self, x) -> {
            ((PyDeque) self).extend(x, true);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "clear", (Fn.F0) self -> {
            ((PyDeque) self).clear();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "rotate", (Fn.FV) (self, args, kw) -> {
            Args.noKw("rotate", kw);
            Args.count("rotate", args, 0, 1);
            ((PyDeque) self).rotate(args.length == 0 ? 1 : Args.asLong(args[0]));
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "reverse", (Fn.F0) self -> {
            ((PyDeque) self).reverse();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "count", (Fn.F1) (self, x) -> {
            PyDeque d = (PyDeque) self;
            int v = d.version;
            long n = 0;
            for (int i = 0; i < d.size; i++) {
                if (eqAt(d, i, x)) n++;
                if (d.version != v) throw Errors.runtimeError("deque mutated during iteration");
            }
            return PyInt.of(n);
        });
        PyMethodDescr.define(t, "index", (Fn.FV) (self, args, kw) -> {
            Args.noKw("index", kw);
            Args.count("index", args, 1, 3);
            PyDeque d = (PyDeque) self;
            long start = args.length > 1 ? Args.asLong(args[1]) : 0, stop = args.length > 2 ? Args.asLong(args[2]) : d.size;
            if (start < 0) start = Math.max(0, start + d.size);
            if (stop < 0) stop = Math.max(0, stop + d.size);
            stop = Math.min(stop, d.size);
            int v = d.version;
            for (long i = start; i < stop; i++) {
                if (eqAt(d, (int) i, args[0])) return PyInt.of(i);
                if (d.version != v) throw Errors.runtimeError("deque mutated during iteration");
            }
            throw Errors.valueError("%s is not in deque", Args.repr(args[0]));
        });
        PyMethodDescr.define(t, "insert", (Fn.F2) (self, i, x) -> {
            ((PyDeque) self).insert(Args.asLong(i), x);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "remove", (Fn.F1) (self, x) -> {
            PyDeque d = (PyDeque) self;
            for (int i = 0; i < d.size; i++) {
                if (eqAt(d, i, x)) {
                    d.delAt(i);
                    return PyNone.NONE;
                }
            }
            throw Errors.valueError("%s is not in deque", Args.repr(x));
        });
        PyMethodDescr.define(t, "copy", (Fn.F0) self -> copyOf((PyDeque) self));
        PyMethodDescr.define(t, "__copy__", (Fn.F0) self -> copyOf((PyDeque) self));
        PyMethodDescr.define(t, "__reversed__", (Fn.F0) self -> new DequeIter((PyDeque) self, true));
        PyMethodDescr.define(t, "__iter__", (Fn.F0) self -> new DequeIter((PyDeque) self, false));
        PyMethodDescr.define(t, "__len__", (Fn.F0) self -> PyInt.of(((PyDeque) self).size));
        PyMethodDescr.define(t, "__getitem__", (Fn.F1) (self, k) -> TYPE.getitem.apply(self, k));
        PyMethodDescr.define(t, "__contains__", (Fn.F1) (self, k) -> PyBool.of(TYPE.contains.contains(self, k)));
        PyMethodDescr.define(t, "__reduce__", (Fn.F0) self -> {
            PyDeque d = (PyDeque) self;
            PyList items = new PyList();
            PyObject[] snap = d.snapshot();
            for (PyObject x : snap) items.append(x);
            decrefAll(snap);
            PyObject ml = d.maxlen < 0 ? PyNone.NONE : PyInt.of(d.maxlen);
            return PyTuple.steal(RefCount.newRef(TYPE), PyTuple.steal(items, ml));
        });
        PyMethodDescr.define(t, "__class_getitem__", (Fn.F1) (self, item) -> RefCount.newRef(TYPE));
        Prop.define(t, "maxlen", self -> {
            int m = ((PyDeque) self).maxlen;
            return m < 0 ? PyNone.NONE : PyInt.of(m);
        });
        t.define("__hash__", PyNone.NONE);
        for (PyType it : new PyType[] {ITER, RITER}) {
            PyMethodDescr.define(it, "__next__", (Fn.F0) self -> {
                PyObject r = ((DequeIter) self).next();
                if (r == null) throw Errors.stopIteration();
                return r;
            });
            PyMethodDescr.define(it, "__iter__", (Fn.F0) RefCount::newRef);
            PyMethodDescr.define(it, "__length_hint__", (Fn.F0) self -> {
                DequeIter di = (DequeIter) self;
                return PyInt.of(di.d == null ? 0 : Math.max(0, di.d.size - di.i));
            });
        }
    }
}
