package dev.gilt.stdlib.itertools;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The infinite and the filtering iterators of itertools. */
final class Iters {
    private Iters() {}

    static PyTuple tupleOf(List<PyObject> items) {
        return PyTuple.steal(items.toArray(new PyObject[0]));
    }

    // ---- count -----------------------------------------------------------------------------

    /** count(start=0, step=1): refs[0] = current value, refs[1] = step. */
    static final class Count extends ItIter {
        static final PyType TYPE = type("count", Count.class);
        static final ArgParser ARGS = ArgParser.of("count", 0, 0, "start", "step");

        Count(PyObject start, PyObject step) {
            super(2);
            set(0, start);
            set(1, step);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            PyObject cur = refs[0], st = refs[1];
            PyObject next;
            if (cur.type() == PyInt.TYPE && st.type() == PyInt.TYPE && ((PyInt) cur).big == null && ((PyInt) st).big == null) {
                long a = ((PyInt) cur).value, b = ((PyInt) st).value;
                long s = a + b;
                next = ((a ^ s) & (b ^ s)) < 0 ? PyInt.of(BigInteger.valueOf(a).add(BigInteger.valueOf(b))) : PyInt.of(s);
            } else if (cur.type() == PyFloat.TYPE && st.type() == PyFloat.TYPE) {
                next = PyFloat.of(((PyFloat) cur).value + ((PyFloat) st).value);
            } else {
                next = Ops.add(cur, st);
            }
            PyObject r = RefCount.newRef(cur);
            setSteal(0, next);
            return r;
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                PyObject[] a = ARGS.parse(args, kw);
                PyObject start = a[0] == null ? PyInt.of(0) : a[0], step = a[1] == null ? PyInt.of(1) : a[1];
                for (PyObject o : new PyObject[] {start, step}) {
                    // CPython's PyNumber_Check: int, float, complex or anything with __index__/__int__/__float__
                    boolean number = o instanceof PyInt || o instanceof PyFloat || o.type().name().equals("complex")
                            || o.type().index != null || o.type().asInt != null || o.type().asFloat != null;
                    if (!number) {
                        throw Errors.typeError("a number is required");
                    }
                }
                return new Count(start, step);
            };
            TYPE.repr = self -> {
                Count c = (Count) self;
                boolean unitStep = c.refs[1] instanceof PyInt si && si.big == null && si.value == 1 && si.type() == PyInt.TYPE;
                return PyStr.of("count(" + Args.repr(c.refs[0]) + (unitStep ? "" : ", " + Args.repr(c.refs[1])) + ")");
            };
        }
    }

    // ---- cycle -----------------------------------------------------------------------------

    /** cycle(iterable): refs[0] = source iterator (until exhausted), refs[1] = saved items list. */
    static final class Cycle extends ItIter {
        static final PyType TYPE = type("cycle", Cycle.class);
        int index;

        Cycle(PyObject it) {
            super(2);
            setSteal(0, it);
            setSteal(1, new PyList());
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            PyList saved = (PyList) refs[1];
            if (refs[0] != null) {
                PyObject x = Ops.next(refs[0]);
                if (x != null) {
                    saved.append(x);
                    return x;
                }
                setSteal(0, null);
            }
            if (saved.size == 0) return null;
            PyObject x = saved.items[index];
            index = (index + 1) % saved.size;
            return RefCount.newRef(x);
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                Args.noKw("cycle", kw);
                Args.count("cycle", args, 1, 1);
                return new Cycle(Ops.iter(args[0]));
            };
        }
    }

    // ---- repeat ----------------------------------------------------------------------------

    /** repeat(object[, times]). */
    static final class Repeat extends ItIter {
        static final PyType TYPE = type("repeat", Repeat.class);
        static final ArgParser ARGS = ArgParser.of("repeat", 1, 0, "object", "times");
        long left; // -1 = forever

        Repeat(PyObject o, long times) {
            super(1);
            set(0, o);
            left = times;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            if (left == 0) return null;
            if (left > 0) left--;
            return RefCount.newRef(refs[0]);
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                PyObject[] a = ARGS.parse(args, kw);
                long times = a[1] == null ? -1 : Math.max(0, Args.asLong(a[1]));
                return new Repeat(a[0], times);
            };
            TYPE.repr = self -> {
                Repeat r = (Repeat) self;
                String obj = r.refs[0] == null ? "None" : Args.repr(r.refs[0]);
                return PyStr.of("repeat(" + obj + (r.left >= 0 ? ", " + r.left : "") + ")");
            };
            PyMethodDescr.define(TYPE, "__length_hint__", (Fn.F0) self -> {
                Repeat r = (Repeat) self;
                if (r.left < 0) throw Errors.typeError("len() of unsized object");
                return PyInt.of(r.left);
            });
        }
    }

    // ---- accumulate ------------------------------------------------------------------------

    /** accumulate(iterable, func=None, *, initial=None): refs = it, func, total. */
    static final class Accumulate extends ItIter {
        static final PyType TYPE = type("accumulate", Accumulate.class);
        static final ArgParser ARGS = ArgParser.of("accumulate", 1, 0, "iterable", "func", "*", "initial");
        boolean pendingInitial;

        Accumulate(PyObject it, PyObject func, PyObject initial) {
            super(3);
            setSteal(0, it);
            if (func != null && func != PyNone.NONE) set(1, func);
            if (initial != null && initial != PyNone.NONE) {
                set(2, initial);
                pendingInitial = true;
            }
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            if (pendingInitial) {
                pendingInitial = false;
                return RefCount.newRef(refs[2]);
            }
            PyObject x = nextOf(0);
            if (x == null) return null;
            if (refs[2] == null) {
                set(2, x);
                return x;
            }
            PyObject total;
            try {
                total = refs[1] == null ? Ops.add(refs[2], x) : Ops.call(refs[1], refs[2], x);
            } finally {
                RefCount.decref(x);
            }
            set(2, total);
            return total;
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                PyObject[] a = ARGS.parse(args, kw);
                return new Accumulate(Ops.iter(a[0]), a[1], a[2]);
            };
        }
    }

    // ---- chain -----------------------------------------------------------------------------

    /** chain(*iterables) / chain.from_iterable(iterable): refs[0] = source of iterables, refs[1] = current. */
    static final class Chain extends ItIter {
        static final PyType TYPE = type("chain", Chain.class);

        Chain(PyObject sources) {
            super(2);
            setSteal(0, sources);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            while (true) {
                if (refs[1] != null) {
                    PyObject x = Ops.next(refs[1]);
                    if (x != null) return x;
                    setSteal(1, null);
                }
                if (refs[0] == null) return null;
                PyObject src = Ops.next(refs[0]);
                if (src == null) return null;
                try {
                    setSteal(1, Ops.iter(src));
                } finally {
                    RefCount.decref(src);
                }
            }
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                Args.noKw("chain", kw);
                PyTuple t = PyTuple.of(args);
                try {
                    return new Chain(Ops.iter(t));
                } finally {
                    RefCount.decref(t);
                }
            };
            PyObject fromIterable = dev.gilt.runtime.object.PyBuiltinFunction.of("from_iterable", null,
                    (Fn.F1) (self, iterable) -> new Chain(Ops.iter(iterable)));
            TYPE.define("from_iterable", new ClassMethodLike(fromIterable));
            RefCount.decref(fromIterable);
        }
    }

    /** Exposes a builtin function on a type as if it were a classmethod (ignores the binding). */
    static final class ClassMethodLike extends PyObject {
        static final PyType TYPE = PyType.builtin("classmethod_descriptor", ClassMethodLike.class);
        final PyObject fn;

        ClassMethodLike(PyObject fn) {
            this.fn = RefCount.newRef(fn);
            RefCount.immortalize(this);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        static {
            TYPE.descrGet = (d, obj, t) -> RefCount.newRef(((ClassMethodLike) d).fn);
            TYPE.call = (d, args, kw) -> Ops.call(((ClassMethodLike) d).fn, args, kw);
        }
    }

    // ---- compress, dropwhile, takewhile, filterfalse, starmap ---------------------------------

    /** compress(data, selectors). */
    static final class Compress extends ItIter {
        static final PyType TYPE = type("compress", Compress.class);
        static final ArgParser ARGS = ArgParser.of("compress", 2, 0, "data", "selectors");

        Compress(PyObject data, PyObject sel) {
            super(2);
            setSteal(0, data);
            setSteal(1, sel);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            while (true) {
                PyObject d = nextOf(0);
                if (d == null) return null;
                PyObject s = nextOf(1);
                if (s == null) {
                    RefCount.decref(d);
                    return null;
                }
                boolean keep;
                try {
                    keep = Ops.isTrue(s);
                } finally {
                    RefCount.decref(s);
                }
                if (keep) return d;
                RefCount.decref(d);
            }
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                PyObject[] a = ARGS.parse(args, kw);
                PyObject d = Ops.iter(a[0]);
                PyObject s;
                try {
                    s = Ops.iter(a[1]);
                } catch (PyException e) {
                    RefCount.decref(d);
                    throw e;
                }
                return new Compress(d, s);
            };
        }
    }

    /** dropwhile / takewhile / filterfalse: refs = predicate, iterator. */
    static final class Predicated extends ItIter {
        static final PyType DROPWHILE = type("dropwhile", Predicated.class);
        static final PyType TAKEWHILE = type("takewhile", Predicated.class);
        static final PyType FILTERFALSE = type("filterfalse", Predicated.class);
        final PyType type;
        boolean dropping = true;

        Predicated(PyType type, PyObject pred, PyObject it) {
            super(2);
            this.type = type;
            set(0, pred);
            setSteal(1, it);
        }

        @Override
        public PyType type() {
            return type;
        }

        boolean test(PyObject x) {
            if (refs[0] == PyNone.NONE) return Ops.isTrue(x);
            PyObject r = Ops.call(refs[0], x);
            try {
                return Ops.isTrue(r);
            } finally {
                RefCount.decref(r);
            }
        }

        @Override
        protected PyObject step() {
            while (true) {
                PyObject x = nextOf(1);
                if (x == null) return null;
                boolean t;
                try {
                    if (type == DROPWHILE && !dropping) return x;
                    t = test(x);
                } catch (PyException e) {
                    RefCount.decref(x);
                    throw e;
                }
                if (type == DROPWHILE) {
                    if (!t) {
                        dropping = false;
                        return x;
                    }
                } else if (type == TAKEWHILE) {
                    if (t) return x;
                    RefCount.decref(x);
                    return null;
                } else if (!t) {
                    return x;
                }
                RefCount.decref(x);
            }
        }

        static {
            for (PyType t : new PyType[] {DROPWHILE, TAKEWHILE, FILTERFALSE}) {
                t.newInstance = (type, args, kw) -> {
                    Args.noKw(t.name(), kw);
                    Args.count(t.name(), args, 2, 2);
                    return new Predicated(t, args[0], Ops.iter(args[1]));
                };
            }
        }
    }

    /** starmap(function, iterable). */
    static final class Starmap extends ItIter {
        static final PyType TYPE = type("starmap", Starmap.class);

        Starmap(PyObject f, PyObject it) {
            super(2);
            set(0, f);
            setSteal(1, it);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            PyObject x = nextOf(1);
            if (x == null) return null;
            List<PyObject> argv;
            try {
                argv = Args.toList(x);
            } finally {
                RefCount.decref(x);
            }
            try {
                return Ops.call(refs[0], argv.toArray(new PyObject[0]));
            } finally {
                Args.decrefAll(argv);
            }
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                Args.noKw("starmap", kw);
                Args.count("starmap", args, 2, 2);
                return new Starmap(args[0], Ops.iter(args[1]));
            };
        }
    }

    // ---- islice ----------------------------------------------------------------------------

    /** islice(iterable, stop) / islice(iterable, start, stop[, step]). */
    static final class Islice extends ItIter {
        static final PyType TYPE = type("islice", Islice.class);
        long next, stop, stepBy, pos;

        Islice(PyObject it, long start, long stop, long step) {
            super(1);
            setSteal(0, it);
            this.next = start;
            this.stop = stop;
            this.stepBy = step;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            if (refs[0] == null) return null;
            if (stop >= 0 && next >= stop) {
                // consume up to the stop (or, for an empty slice, the start) as CPython does
                while (pos < next) {
                    PyObject x = nextOf(0);
                    if (x == null) break;
                    RefCount.decref(x);
                    pos++;
                }
                return null;
            }
            while (pos < next) {
                PyObject x = nextOf(0);
                if (x == null) return null;
                RefCount.decref(x);
                pos++;
            }
            PyObject x = nextOf(0);
            if (x == null) return null;
            pos++;
            long n = next + stepBy;
            next = (stop >= 0 && n > stop) ? stop : n;
            return x;
        }

        static long index(PyObject o, String msg) {
            if (o == null || o == PyNone.NONE) return -1;
            long v;
            try {
                v = Args.asLong(o);
            } catch (PyException e) {
                RefCount.decref(e.exc);
                throw Errors.valueError(msg);
            }
            if (v < 0) throw Errors.valueError(msg);
            return v;
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                Args.noKw("islice", kw);
                Args.count("islice", args, 2, 4);
                long start = 0, stop, step = 1;
                if (args.length == 2) {
                    stop = index(args[1], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
                } else {
                    String msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
                    start = Math.max(0, index(args[1], msg));
                    stop = index(args[2], msg);
                    if (args.length == 4 && args[3] != PyNone.NONE) {
                        long s;
                        try {
                            s = Args.asLong(args[3]);
                        } catch (PyException e) {
                            RefCount.decref(e.exc);
                            s = -1;
                        }
                        if (s < 1) throw Errors.valueError("Step for islice() must be a positive integer or None.");
                        step = s;
                    }
                }
                return new Islice(Ops.iter(args[0]), start, stop, step);
            };
        }
    }

    // ---- pairwise, batched, zip_longest --------------------------------------------------------

    /** pairwise(iterable): refs = it, previous item. */
    static final class Pairwise extends ItIter {
        static final PyType TYPE = type("pairwise", Pairwise.class);

        Pairwise(PyObject it) {
            super(2);
            setSteal(0, it);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            if (refs[1] == null) {
                PyObject first = nextOf(0);
                if (first == null) return null;
                setSteal(1, first);
            }
            PyObject x = nextOf(0);
            if (x == null) return null;
            PyTuple pair = PyTuple.of(refs[1], x);
            setSteal(1, x);
            return pair;
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                Args.noKw("pairwise", kw);
                Args.count("pairwise", args, 1, 1);
                return new Pairwise(Ops.iter(args[0]));
            };
        }
    }

    /** batched(iterable, n): tuples of n items (the last may be shorter). */
    static final class Batched extends ItIter {
        static final PyType TYPE = type("batched", Batched.class);
        static final ArgParser ARGS = ArgParser.of("batched", 2, 0, "iterable", "n");
        final long n;

        Batched(PyObject it, long n) {
            super(1);
            setSteal(0, it);
            this.n = n;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            List<PyObject> batch = new ArrayList<>();
            try {
                while (batch.size() < n) {
                    PyObject x = nextOf(0);
                    if (x == null) break;
                    batch.add(x);
                }
            } catch (PyException e) {
                Args.decrefAll(batch);
                throw e;
            }
            if (batch.isEmpty()) return null;
            return tupleOf(batch);
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                PyObject[] a = ARGS.parse(args, kw);
                long n = Args.asLong(a[1]);
                if (n < 1) throw Errors.valueError("n must be at least one");
                return new Batched(Ops.iter(a[0]), n);
            };
        }
    }

    /** zip_longest(*iterables, fillvalue=None): refs = fillvalue, then one iterator per input. */
    static final class ZipLongest extends ItIter {
        static final PyType TYPE = type("zip_longest", ZipLongest.class);
        int active;

        ZipLongest(PyObject fill, PyObject[] its) {
            super(its.length + 1);
            set(0, fill);
            for (int i = 0; i < its.length; i++) setSteal(i + 1, its[i]);
            active = its.length;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            int n = refs.length - 1;
            if (n == 0 || active == 0) return null;
            PyObject[] out = new PyObject[n];
            try {
                for (int i = 0; i < n; i++) {
                    PyObject x = refs[i + 1] == null ? null : Ops.next(refs[i + 1]);
                    if (x == null) {
                        if (refs[i + 1] != null) {
                            setSteal(i + 1, null);
                            active--;
                            if (active == 0) {
                                for (PyObject o : out) RefCount.xdecref(o);
                                return null;
                            }
                        }
                        x = RefCount.newRef(refs[0]);
                    }
                    out[i] = x;
                }
            } catch (PyException e) {
                for (PyObject o : out) RefCount.xdecref(o);
                throw e;
            }
            return PyTuple.steal(out);
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                int nkw = kw == null ? 0 : kw.size();
                PyObject fill = PyNone.NONE;
                for (int k = 0; k < nkw; k++) {
                    String name = ((PyStr) kw.get(k)).value;
                    if (!name.equals("fillvalue")) {
                        throw Errors.typeError("zip_longest() got an unexpected keyword argument '%s'", name);
                    }
                    fill = args[args.length - nkw + k];
                }
                int npos = args.length - nkw;
                PyObject[] its = new PyObject[npos];
                try {
                    for (int i = 0; i < npos; i++) its[i] = Ops.iter(args[i]);
                } catch (PyException e) {
                    for (PyObject o : its) RefCount.xdecref(o);
                    throw e;
                }
                return new ZipLongest(fill, its);
            };
        }
    }
}
