package dev.gilt.stdlib;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Seqs;
import java.math.BigInteger;

/**
 * Test scaffolding: the few slots of int, float, str, list and tuple that stdlib unit tests need,
 * installed only where the runtime has not filled them yet (the numbers and containers engineers
 * fill them on main). Never used outside tests.
 */
final class MiniRuntime {
    private MiniRuntime() {}

    static void install() {
        if (PyType.TYPE.getattr == null) {
            PyType.TYPE.getattr = (t, name) -> {
                PyObject d = ((PyType) t).lookup(name);
                if (d == null) return null;
                if (d.type().descrGet != null) return d.type().descrGet.get(d, null, (PyType) t);
                return RefCount.newRef(d);
            };
        }
        if (PyType.TYPE.call == null) {
            // type.__call__: __new__ through the slot, then __init__
            PyType.TYPE.call = (t, args, kw) -> {
                PyType type = (PyType) t;
                if (type.newInstance == null) throw Errors.typeError("cannot create '%s' instances", type.name());
                PyObject o = type.newInstance.create(type, args, kw);
                if (type.init != null && o.type().isSubtypeOf(type)) type.init.init(o, args, kw);
                return o;
            };
        }
        install(PyInt.TYPE);
        install(PyBool.TYPE);
        if (PyFloat.TYPE.nb[Ops.NB_ADD] == null) {
            PyFloat.TYPE.nb[Ops.NB_ADD] = (a, b) -> {
                double x = a instanceof PyFloat f ? f.value : a instanceof PyInt i ? i.bigValue().doubleValue() : Double.NaN;
                double y = b instanceof PyFloat f ? f.value : b instanceof PyInt i ? i.bigValue().doubleValue() : Double.NaN;
                if (!(a instanceof PyFloat || a instanceof PyInt) || !(b instanceof PyFloat || b instanceof PyInt)) {
                    return PyNotImplemented.NOT_IMPLEMENTED;
                }
                return PyFloat.of(x + y);
            };
        }
        if (PyFloat.TYPE.richcompare == null) {
            PyFloat.TYPE.richcompare = (a, b, op) -> {
                double x = ((PyFloat) a).value;
                double y;
                if (b instanceof PyFloat f) y = f.value;
                else if (b instanceof PyInt i) y = i.bigValue().doubleValue();
                else return PyNotImplemented.NOT_IMPLEMENTED;
                return PyBool.of(cmp(Double.compare(x, y), op) && !Double.isNaN(x) && !Double.isNaN(y) || (op == Ops.NE && (Double.isNaN(x) || Double.isNaN(y))));
            };
            PyFloat.TYPE.hash = o -> {
                double d = ((PyFloat) o).value;
                if (d == Math.rint(d) && Math.abs(d) < 1e18) return (long) d == -1 ? -2 : (long) d;
                return Double.hashCode(d);
            };
        }
        if (PyStr.TYPE.richcompare == null) {
            PyStr.TYPE.richcompare = (a, b, op) -> {
                if (!(b instanceof PyStr sb)) return PyNotImplemented.NOT_IMPLEMENTED;
                return PyBool.of(cmp(((PyStr) a).value.compareTo(sb.value), op));
            };
            PyStr.TYPE.hash = o -> ((PyStr) o).pyHash();
            PyStr.TYPE.len = o -> ((PyStr) o).value.codePointCount(0, ((PyStr) o).value.length());
        }
        if (PyStr.TYPE.iter == null) {
            PyStr.TYPE.iter = o -> {
                String v = ((PyStr) o).value;
                PyObject[] chars = v.codePoints().mapToObj(c -> (PyObject) PyStr.of(new String(Character.toChars(c))))
                        .toArray(PyObject[]::new);
                return new Seqs.ArrayIter(PyTuple.steal(chars), chars, chars.length);
            };
        }
        if (PyList.TYPE.len == null) {
            PyList.TYPE.len = o -> ((PyList) o).size;
            PyList.TYPE.getitem = (o, k) -> {
                PyList l = (PyList) o;
                long i = ((PyInt) k).value;
                if (i < 0) i += l.size;
                if (i < 0 || i >= l.size) throw Errors.indexError("list index out of range");
                return RefCount.newRef(l.items[(int) i]);
            };
            PyList.TYPE.iter = o -> new Seqs.ArrayIter(o, ((PyList) o).items, ((PyList) o).size);
        }
        if (PyTuple.TYPE.len == null) {
            PyTuple.TYPE.len = o -> ((PyTuple) o).items.length;
            PyTuple.TYPE.richcompare = (a, b, op) -> {
                if (!(b instanceof PyTuple tb)) return PyNotImplemented.NOT_IMPLEMENTED;
                PyTuple ta = (PyTuple) a;
                return Seqs.compare(ta.items, ta.items.length, tb.items, tb.items.length, op);
            };
            PyTuple.TYPE.hash = o -> Seqs.hash(((PyTuple) o).items, ((PyTuple) o).items.length);
        }
    }

    private static void install(PyType t) {
        if (t.richcompare == null) {
            t.richcompare = (a, b, op) -> {
                if (b instanceof PyFloat f) {
                    double x = ((PyInt) a).bigValue().doubleValue();
                    return PyBool.of(cmp(Double.compare(x, f.value), op));
                }
                if (!(b instanceof PyInt ib)) return PyNotImplemented.NOT_IMPLEMENTED;
                return PyBool.of(cmp(((PyInt) a).bigValue().compareTo(ib.bigValue()), op));
            };
        }
        if (t.hash == null) {
            t.hash = o -> {
                BigInteger v = ((PyInt) o).bigValue();
                long h = v.mod(BigInteger.valueOf((1L << 61) - 1)).longValue();
                if (v.signum() < 0 && h != 0) h = -(((1L << 61) - 1) - h);
                return h == -1 ? -2 : h;
            };
        }
        if (t.index == null) t.index = RefCount::newRef;
        if (t.nb[Ops.NB_ADD] == null) {
            t.nb[Ops.NB_ADD] = (a, b) -> {
                if (!(a instanceof PyInt x)) return PyNotImplemented.NOT_IMPLEMENTED;
                if (b instanceof PyInt y) return PyInt.of(x.bigValue().add(y.bigValue()));
                if (b instanceof PyFloat f) return PyFloat.of(x.bigValue().doubleValue() + f.value);
                return PyNotImplemented.NOT_IMPLEMENTED;
            };
            t.nb[Ops.NB_MULTIPLY] = (a, b) -> {
                if (a instanceof PyInt x && b instanceof PyInt y) return PyInt.of(x.bigValue().multiply(y.bigValue()));
                return PyNotImplemented.NOT_IMPLEMENTED;
            };
        }
        if (t.bool == null) t.bool = o -> ((PyInt) o).bigValue().signum() != 0;
    }

    static boolean cmp(int c, int op) {
        return switch (op) {
            case Ops.LT -> c < 0;
            case Ops.LE -> c <= 0;
            case Ops.EQ -> c == 0;
            case Ops.NE -> c != 0;
            case Ops.GT -> c > 0;
            default -> c >= 0;
        };
    }

}
