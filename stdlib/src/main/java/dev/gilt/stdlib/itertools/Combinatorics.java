package dev.gilt.stdlib.itertools;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.stdlib.util.Args;
import java.util.List;

/** product, permutations, combinations, combinations_with_replacement: index walks over pools. */
final class Combinatorics {
    private Combinatorics() {}

    /** Pools are tuples of the inputs (owned in refs). */
    abstract static class Indexed extends ItIter {
        int[] indices;
        boolean first = true;
        boolean exhausted;

        Indexed(int nrefs) {
            super(nrefs);
        }

        PyObject[] pool(int i) {
            return ((PyTuple) refs[i]).items;
        }
    }

    /** product(*iterables, repeat=1). */
    static final class Product extends Indexed {
        static final PyType TYPE = type("product", Product.class);

        Product(PyTuple[] pools) {
            super(pools.length);
            for (int i = 0; i < pools.length; i++) setSteal(i, pools[i]);
            indices = new int[pools.length];
            for (PyTuple p : pools) if (p.size() == 0) exhausted = true;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            if (exhausted) return null;
            int n = refs.length;
            if (first) {
                first = false;
            } else {
                int i = n - 1;
                for (; i >= 0; i--) {
                    indices[i]++;
                    if (indices[i] < pool(i).length) break;
                    indices[i] = 0;
                }
                if (i < 0) {
                    exhausted = true;
                    return null;
                }
            }
            PyObject[] out = new PyObject[n];
            for (int i = 0; i < n; i++) out[i] = RefCount.newRef(pool(i)[indices[i]]);
            return PyTuple.steal(out);
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                int nkw = kw == null ? 0 : kw.size();
                long repeat = 1;
                for (int k = 0; k < nkw; k++) {
                    String name = ((PyStr) kw.get(k)).value;
                    if (!name.equals("repeat")) {
                        throw Errors.typeError("product() got an unexpected keyword argument '%s'", name);
                    }
                    repeat = Args.asLong(args[args.length - nkw + k]);
                    if (repeat < 0) throw Errors.valueError("repeat argument cannot be negative");
                }
                int npos = args.length - nkw;
                PyTuple[] base = new PyTuple[npos];
                try {
                    for (int i = 0; i < npos; i++) base[i] = tuple(args[i]);
                } catch (PyException e) {
                    for (PyTuple t : base) RefCount.xdecref(t);
                    throw e;
                }
                PyTuple[] pools = new PyTuple[(int) (npos * repeat)];
                for (int r = 0; r < repeat; r++) {
                    for (int i = 0; i < npos; i++) pools[r * npos + i] = RefCount.newRef(base[i]);
                }
                for (PyTuple t : base) RefCount.decref(t);
                return new Product(pools);
            };
        }
    }

    static PyTuple tuple(PyObject iterable) {
        List<PyObject> items = Args.toList(iterable);
        return Iters.tupleOf(items);
    }

    /** combinations(iterable, r) and combinations_with_replacement(iterable, r). */
    static final class Combinations extends Indexed {
        static final PyType TYPE = type("combinations", Combinations.class);
        static final PyType CWR = type("combinations_with_replacement", Combinations.class);
        static final ArgParser ARGS = ArgParser.of("combinations", 2, 0, "iterable", "r");
        static final ArgParser ARGS_CWR = ArgParser.of("combinations_with_replacement", 2, 0, "iterable", "r");
        final boolean replace;
        final int r;

        Combinations(PyTuple pool, int r, boolean replace) {
            super(1);
            setSteal(0, pool);
            this.r = r;
            this.replace = replace;
            indices = new int[r];
            if (!replace) {
                for (int i = 0; i < r; i++) indices[i] = i;
                if (r > pool.size()) exhausted = true;
            } else if (pool.size() == 0 && r > 0) {
                exhausted = true;
            }
        }

        @Override
        public PyType type() {
            return replace ? CWR : TYPE;
        }

        @Override
        protected PyObject step() {
            if (exhausted) return null;
            PyObject[] pool = pool(0);
            int n = pool.length;
            if (first) {
                first = false;
            } else {
                int i = r - 1;
                if (replace) {
                    while (i >= 0 && indices[i] == n - 1) i--;
                    if (i < 0) {
                        exhausted = true;
                        return null;
                    }
                    int v = indices[i] + 1;
                    for (int j = i; j < r; j++) indices[j] = v;
                } else {
                    while (i >= 0 && indices[i] == i + n - r) i--;
                    if (i < 0) {
                        exhausted = true;
                        return null;
                    }
                    indices[i]++;
                    for (int j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
                }
            }
            PyObject[] out = new PyObject[r];
            for (int i = 0; i < r; i++) out[i] = RefCount.newRef(pool[indices[i]]);
            return PyTuple.steal(out);
        }

        static {
            for (PyType t : new PyType[] {TYPE, CWR}) {
                boolean rep = t == CWR;
                t.newInstance = (type, args, kw) -> {
                    PyObject[] a = (rep ? ARGS_CWR : ARGS).parse(args, kw);
                    long r = Args.asLong(a[1]);
                    if (r < 0) throw Errors.valueError("r must be non-negative");
                    return new Combinations(tuple(a[0]), (int) r, rep);
                };
            }
        }
    }

    /** permutations(iterable, r=None). */
    static final class Permutations extends Indexed {
        static final PyType TYPE = type("permutations", Permutations.class);
        static final ArgParser ARGS = ArgParser.of("permutations", 1, 0, "iterable", "r");
        final int r;
        final int[] cycles;

        Permutations(PyTuple pool, int r) {
            super(1);
            setSteal(0, pool);
            int n = pool.size();
            this.r = r;
            indices = new int[n];
            for (int i = 0; i < n; i++) indices[i] = i;
            cycles = new int[Math.max(r, 0)];
            for (int i = 0; i < r; i++) cycles[i] = n - i;
            if (r > n) exhausted = true;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        protected PyObject step() {
            if (exhausted) return null;
            PyObject[] pool = pool(0);
            int n = pool.length;
            if (first) {
                first = false;
            } else {
                if (n == 0) {
                    exhausted = true;
                    return null;
                }
                int i = r - 1;
                for (; i >= 0; i--) {
                    cycles[i]--;
                    if (cycles[i] == 0) {
                        int t = indices[i];
                        System.arraycopy(indices, i + 1, indices, i, n - i - 1);
                        indices[n - 1] = t;
                        cycles[i] = n - i;
                    } else {
                        int j = cycles[i];
                        int t = indices[i];
                        indices[i] = indices[n - j];
                        indices[n - j] = t;
                        break;
                    }
                }
                if (i < 0) {
                    exhausted = true;
                    return null;
                }
            }
            PyObject[] out = new PyObject[r];
            for (int i = 0; i < r; i++) out[i] = RefCount.newRef(pool[indices[i]]);
            return PyTuple.steal(out);
        }

        static {
            TYPE.newInstance = (type, args, kw) -> {
                PyObject[] a = ARGS.parse(args, kw);
                PyTuple pool = tuple(a[0]);
                long r = a[1] == null || a[1] == PyNone.NONE ? pool.size() : Args.asLong(a[1]);
                if (r < 0) {
                    RefCount.decref(pool);
                    throw Errors.valueError("r must be non-negative");
                }
                return new Permutations(pool, (int) r);
            };
        }
    }
}
