package dev.gilt.stdlib.itertools;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;

/** groupby (with its _grouper sub-iterators) and tee. */
final class Grouping {
    private Grouping() {}

    /** groupby(iterable, key=None): refs = it, keyfunc, tgtkey, currkey, currvalue. */
    static final class GroupBy extends ItIter {
        static final PyType TYPE = type("groupby", GroupBy.class);
        static final ArgParser ARGS = ArgParser.of("groupby", 1, 0, "iterable", "key");
        static final int IT = 0, KEYFUNC = 1, TGT = 2, CURKEY = 3, CURVAL = 4;
        /** The grouper currently allowed to advance (older ones are exhausted). */
        Grouper current;

        GroupBy(PyObject it, PyObject keyfunc) {
            super(5);
            setSteal(IT, it);
            if (keyfunc != null && keyfunc != PyNone.NONE) set(KEYFUNC, keyfunc);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        /** Advances the input: false at its end. */
        boolean stepInput() {
            PyObject v = nextOf(IT);
            if (v == null) return false;
            PyObject k;
            if (refs[KEYFUNC] == null) {
                k = RefCount.newRef(v);
            } else {
                try {
                    k = Ops.call(refs[KEYFUNC], v);
                } catch (RuntimeException e) {
                    RefCount.decref(v);
                    throw e;
                }
            }
            setSteal(CURVAL, v);
            setSteal(CURKEY, k);
            return true;
        }

        @Override
        protected PyObject step() {
            current = null;
            // skip to the next key
            while (true) {
                if (refs[CURKEY] == null) {
                    if (!stepInput()) return null;
                } else if (refs[TGT] == null) {
                    break;
                } else {
                    if (!Ops.compareBool(refs[TGT], refs[CURKEY], Ops.EQ)) break;
                    if (!stepInput()) return null;
                }
            }
            set(TGT, refs[CURKEY]);
            Grouper g = new Grouper(this, refs[TGT]);
            current = g;
            return PyTuple.steal(RefCount.newRef(refs[CURKEY]), g);
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                PyObject[] a = ARGS.parse(args, kw);
                return new GroupBy(Ops.iter(a[0]), a[1]);
            };
        }
    }

    /** One group's items: valid while its groupby has not moved on. */
    static final class Grouper extends ItIter {
        static final PyType TYPE = type("_grouper", Grouper.class);

        Grouper(GroupBy parent, PyObject tgtkey) {
            super(2);
            set(0, parent);
            set(1, tgtkey);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            GroupBy gb = (GroupBy) refs[0];
            if (gb == null || gb.current != this) return null;
            if (gb.refs[GroupBy.CURVAL] == null) {
                if (!gb.stepInput()) return null;
            }
            if (!Ops.compareBool(refs[1], gb.refs[GroupBy.CURKEY], Ops.EQ)) return null;
            PyObject v = gb.refs[GroupBy.CURVAL];
            gb.refs[GroupBy.CURVAL] = null; // hand our reference to the caller
            return v;
        }
    }

    /** The buffer shared by the iterators tee() makes: a linked list of items. */
    static final class Link {
        boolean filled;
        /** Owned while some tee has still to read it; null once all have. */
        PyObject value;
        Link next;
        /** How many live tee iterators have not yet passed this link. */
        int pending;
    }

    /**
     * The source shared by tee iterators. Invariant: every filled link's {@code pending} equals
     * the number of live tees positioned at or before it; the link's value is released when it
     * drops to zero (all have read it, or the rest died).
     */
    static final class TeeSource {
        PyObject it;
        Link tail = new Link();
        int live;

        TeeSource(PyObject it) {
            this.it = it;
        }
    }

    /** One of the iterators from tee(iterable, n). */
    static final class Tee extends PyGcObject {
        static final PyType TYPE = ItIter.type("_tee", Tee.class);
        TeeSource src;
        Link at;

        Tee(TeeSource src, Link at) {
            this.src = src;
            this.at = at;
            src.live++;
            for (Link l = at; l.filled; l = l.next) l.pending++;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        private static void passed(Link l) {
            if (--l.pending == 0) {
                PyObject old = l.value;
                l.value = null;
                RefCount.xdecref(old);
            }
        }

        PyObject advance() {
            if (src == null) return null;
            if (!at.filled) {
                if (src.it == null) return null;
                PyObject v = Ops.next(src.it);
                if (v == null) {
                    PyObject it = src.it;
                    src.it = null;
                    RefCount.decref(it);
                    return null;
                }
                at.value = v;
                at.filled = true;
                at.pending = src.live;
                at.next = new Link();
                src.tail = at.next;
            }
            Link l = at;
            at = at.next;
            PyObject v = RefCount.newRef(l.value);
            passed(l);
            return v;
        }

        @Override
        public void traverse(Visitor v) {
            if (src != null && src.it != null) v.visit(src.it);
        }

        @Override
        public void releaseReferences() {
            TeeSource s = src;
            if (s == null) return;
            for (Link l = at; l.filled; l = l.next) passed(l);
            src = null;
            at = null;
            if (--s.live == 0 && s.it != null) {
                PyObject it = s.it;
                s.it = null;
                RefCount.decref(it);
            }
        }

        static {
            TYPE.next = o -> ((Tee) o).advance();
            PyMethodDescr.define(TYPE, "__next__", (Fn.F0) self -> {
                PyObject r = ((Tee) self).advance();
                if (r == null) throw Errors.stopIteration();
                return r;
            });
            PyMethodDescr.define(TYPE, "__copy__", (Fn.F0) self -> {
                Tee t = (Tee) self;
                if (t.src == null) return new Tee(new TeeSource(null), new Link());
                return new Tee(t.src, t.at);
            });
        }
    }

    /** tee(iterable, n=2). */
    static PyObject tee(PyObject iterable, long n) {
        if (n < 0) throw Errors.valueError("n must be >= 0");
        if (n == 0) return PyTuple.EMPTY;
        TeeSource src = new TeeSource(Ops.iter(iterable));
        PyObject[] out = new PyObject[(int) n];
        for (int i = 0; i < n; i++) out[i] = new Tee(src, src.tail);
        return PyTuple.steal(out);
    }


}
