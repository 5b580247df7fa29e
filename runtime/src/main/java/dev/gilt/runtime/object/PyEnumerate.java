package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.Indices;
import dev.gilt.runtime.ops.Ops;
import java.math.BigInteger;

/** {@code enumerate(iterable, start=0)}: (count, item) pairs; the count goes past the long range. */
public final class PyEnumerate extends SubclassableIterator {
    public static final PyType TYPE = PyType.builtin("enumerate", PyEnumerate.class);
    private static final ArgParser ARGS = ArgParser.of("enumerate", 1, 0, "iterable", "start");

    static {
        iteratorSlots(TYPE, o -> ((PyEnumerate) o).next());
        TYPE.newInstance = (type, args, kw) -> {
            int nkw = kw == null ? 0 : kw.size();
            if (args.length == 0) throw dev.gilt.runtime.error.Errors.typeError("enumerate() missing required argument 'iterable'");
            for (int k = 0; k < nkw; k++) {
                String name = ((PyStr) kw.get(k)).value;
                if (!name.equals("iterable") && !name.equals("start")) {
                    throw dev.gilt.runtime.error.Errors.typeError("'%s' is an invalid keyword argument for enumerate()", name);
                }
            }
            PyObject[] a = ARGS.parse(args, kw);
            return new PyEnumerate(type, a[0], a[1]);
        };
    }

    private PyObject it;
    private long index;
    /** The count once it no longer fits in a long; null before. */
    private BigInteger bigIndex;

    /** enumerate(iterable, start): start may be null for 0. */
    public PyEnumerate(PyType type, PyObject iterable, PyObject start) {
        super(type);
        if (start != null) {
            PyInt s = Indices.indexInt(start);
            if (s.big != null) bigIndex = s.big;
            else index = s.value;
            RefCount.decref(s);
        }
        this.it = Ops.iter(iterable);
    }

    public PyObject next() {
        if (it == null) return null;
        PyObject item = Ops.next(it);
        if (item == null) return null;
        PyObject count;
        if (bigIndex == null && index != Long.MAX_VALUE) {
            count = PyInt.of(index++);
        } else {
            if (bigIndex == null) bigIndex = BigInteger.valueOf(index);
            count = PyInt.of(bigIndex);
            bigIndex = bigIndex.add(BigInteger.ONE);
        }
        return PyTuple.steal(count, item);
    }

    @Override
    protected void traverseItems(Visitor v) {
        if (it != null) v.visit(it);
    }

    @Override
    protected void releaseItems() {
        PyObject i = it;
        it = null;
        RefCount.xdecref(i);
    }
}
