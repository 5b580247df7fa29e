package dev.gilt.runtime.builtins;

import static dev.gilt.runtime.builtins.Builtins.keywords;
import static dev.gilt.runtime.builtins.Builtins.npos;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.Dunder;
import java.math.BigInteger;

/** abs, divmod, pow, round, sum, min, max, bin, oct, hex, chr, ord, hash. */
final class NumericBuiltins {
    private NumericBuiltins() {}

    static void define(PyModule m) {
        m.def("abs", (Fn.F1) (self, x) -> abs(x));
        m.def("divmod", (Fn.F2) (self, a, b) -> divmod(a, b));
        m.def("pow", (Fn.FV) NumericBuiltins::pow);
        m.def("round", (Fn.FV) NumericBuiltins::round);
        m.def("sum", (Fn.FV) NumericBuiltins::sum);
        m.def("min", (Fn.FV) (self, args, kw) -> minMax("min", Ops.LT, args, kw));
        m.def("max", (Fn.FV) (self, args, kw) -> minMax("max", Ops.GT, args, kw));
        m.def("bin", (Fn.F1) (self, x) -> radix(x, 2, "0b"));
        m.def("oct", (Fn.F1) (self, x) -> radix(x, 8, "0o"));
        m.def("hex", (Fn.F1) (self, x) -> radix(x, 16, "0x"));
        m.def("chr", (Fn.F1) (self, x) -> chr(x));
        m.def("ord", (Fn.F1) (self, x) -> ord(x));
        m.def("hash", (Fn.F1) (self, x) -> PyInt.of(Ops.hash(x)));
    }

    static PyObject abs(PyObject x) {
        Slots.Unary s = x.type().abs;
        if (s == null) throw Errors.typeError("bad operand type for abs(): '%s'", x.type().name());
        return s.apply(x);
    }

    private static final PyStr DIVMOD = PyStr.intern("__divmod__"), RDIVMOD = PyStr.intern("__rdivmod__");

    /** divmod(a, b): __divmod__ / __rdivmod__ with the binary-operator protocol. */
    static PyObject divmod(PyObject a, PyObject b) {
        PyType ta = a.type(), tb = b.type();
        PyObject ma = ta.lookup(DIVMOD);
        PyObject mb = ta == tb ? null : tb.lookup(RDIVMOD);
        if (mb != null && ma != null && tb.isSubtypeOf(ta) && mb != ta.lookup(RDIVMOD)) {
            PyObject r = Dunder.callDescr(mb, b, new PyObject[] {a}, null);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
            mb = null;
        }
        if (ma != null) {
            PyObject r = Dunder.callDescr(ma, a, new PyObject[] {b}, null);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        if (mb != null) {
            PyObject r = Dunder.callDescr(mb, b, new PyObject[] {a}, null);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        throw Errors.typeError("unsupported operand type(s) for divmod(): '%s' and '%s'", ta.name(), tb.name());
    }

    private static final String[] POW_NAMES = {"base", "exp", "mod"};

    static PyObject pow(PyObject self, PyObject[] args, PyTuple kw) {
        PyObject[] a = new PyObject[3];
        int np = npos(args, kw);
        if (np > 3) throw Errors.typeError("pow() takes at most 3 arguments (%d given)", np);
        System.arraycopy(args, 0, a, 0, np);
        PyObject[] k = keywords("pow", args, kw, POW_NAMES);
        for (int i = 0; i < 3; i++) {
            if (k[i] != null) {
                if (a[i] != null) {
                    throw Errors.typeError("argument for pow() given by name ('%s') and position (%d)", POW_NAMES[i], i + 1);
                }
                a[i] = k[i];
            }
        }
        if (a[0] == null) throw Errors.typeError("pow() missing required argument 'base' (pos 1)");
        if (a[1] == null) throw Errors.typeError("pow() missing required argument 'exp' (pos 2)");
        if (a[2] == null || a[2] == PyNone.NONE) return Ops.binaryOp(Ops.NB_POWER, a[0], a[1]);
        return ternaryPow(a[0], a[1], a[2]);
    }

    /** pow(a, b, c): the power3 slots of a, b and c in turn (CPython's ternary_op). */
    static PyObject ternaryPow(PyObject a, PyObject b, PyObject c) {
        Slots.Ternary sa = a.type().power3, sb = b.type().power3, sc = c.type().power3;
        if (sb == sa) sb = null;
        if (sa != null) {
            if (sb != null && b.type().isSubtypeOf(a.type())) {
                PyObject r = sb.apply(a, b, c);
                if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
                sb = null;
            }
            PyObject r = sa.apply(a, b, c);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        if (sb != null) {
            PyObject r = sb.apply(a, b, c);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        if (sc != null && sc != sa && sc != sb) {
            PyObject r = sc.apply(a, b, c);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        throw Errors.typeError("unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", a.type().name(),
                b.type().name(), c.type().name());
    }

    private static final PyStr ROUND = PyStr.intern("__round__");

    static PyObject round(PyObject self, PyObject[] args, PyTuple kw) {
        int np = npos(args, kw);
        PyObject[] k = keywords("round", args, kw, "number", "ndigits");
        if (np > 2) throw Errors.typeError("round() takes at most 2 arguments (%d given)", np);
        PyObject number = np > 0 ? args[0] : k[0];
        PyObject ndigits = np > 1 ? args[1] : k[1];
        if (number == null) throw Errors.typeError("round() missing required argument 'number' (pos 1)");
        PyObject m = Dunder.lookupSpecial(number, ROUND);
        if (m == null) throw Errors.typeError("type %s doesn't define __round__ method", number.type().name());
        try {
            return ndigits == null || ndigits == PyNone.NONE ? Ops.call(m) : Ops.call(m, ndigits);
        } finally {
            RefCount.decref(m);
        }
    }

    /** sum(iterable, /, start=0), with CPython 3.12's compensated float summation. */
    static PyObject sum(PyObject self, PyObject[] args, PyTuple kw) {
        int np = npos(args, kw);
        PyObject[] k = keywords("sum", args, kw, "start");
        if (np < 1) throw Errors.typeError("sum() takes at least 1 positional argument (0 given)");
        if (np > 2) throw Errors.typeError("sum() takes at most 2 arguments (%d given)", np);
        PyObject start = np > 1 ? args[1] : k[0];
        if (start != null) {
            String tn = start.type().name();
            if (start instanceof PyStr) throw Errors.typeError("sum() can't sum strings [use ''.join(seq) instead]");
            if (tn.equals("bytes")) throw Errors.typeError("sum() can't sum bytes [use b''.join(seq) instead]");
            if (tn.equals("bytearray")) throw Errors.typeError("sum() can't sum bytearray [use b''.join(seq) instead]");
        }
        PyObject it = Ops.iter(args[0]);
        PyObject result = start == null ? PyInt.of(0) : RefCount.newRef(start);
        try {
            PyObject item = null;
            // Fast path: exact ints that fit in a long.
            if (result.type() == PyInt.TYPE && !((PyInt) result).isBig()) {
                long acc = ((PyInt) result).value;
                while (true) {
                    item = Ops.next(it);
                    if (item == null) {
                        RefCount.decref(result);
                        return result = PyInt.of(acc);
                    }
                    if (item.type() == PyInt.TYPE && !((PyInt) item).isBig()) {
                        long v = ((PyInt) item).value;
                        long s = acc + v;
                        if (((acc ^ s) & (v ^ s)) < 0) break; // overflow: continue generically
                        acc = s;
                        RefCount.decref(item);
                        continue;
                    }
                    if (item.type() == PyFloat.TYPE) {
                        // CPython adds this item plainly (int + float), then sums compensated.
                        RefCount.decref(result);
                        result = PyFloat.of((double) acc + ((PyFloat) item).value);
                        RefCount.decref(item);
                        item = null;
                        break;
                    }
                    break;
                }
                if (!(result instanceof PyFloat)) {
                    RefCount.decref(result);
                    result = PyInt.of(acc);
                }
            }
            // Float path: Neumaier's compensated summation.
            if (result.type() == PyFloat.TYPE) {
                double f = ((PyFloat) result).value, c = 0.0;
                while (true) {
                    if (item == null) item = Ops.next(it);
                    if (item == null) {
                        if (c != 0.0 && Double.isFinite(c)) f += c;
                        RefCount.decref(result);
                        return result = PyFloat.of(f);
                    }
                    if (item.type() == PyFloat.TYPE) {
                        double x = ((PyFloat) item).value;
                        double t = f + x;
                        if (Math.abs(f) >= Math.abs(x)) {
                            c += (f - t) + x;
                        } else {
                            c += (x - t) + f;
                        }
                        f = t;
                        RefCount.decref(item);
                        item = null;
                        continue;
                    }
                    if (item.type() == PyInt.TYPE && !((PyInt) item).isBig()) {
                        f += (double) ((PyInt) item).value;
                        RefCount.decref(item);
                        item = null;
                        continue;
                    }
                    if (c != 0.0 && Double.isFinite(c)) f += c;
                    RefCount.decref(result);
                    result = PyFloat.of(f);
                    break;
                }
            }
            // Generic path.
            while (true) {
                if (item == null) item = Ops.next(it);
                if (item == null) return result;
                PyObject r = Ops.add(result, item);
                RefCount.decref(result);
                RefCount.decref(item);
                item = null;
                result = r;
            }
        } catch (PyException e) {
            RefCount.decref(result);
            throw e;
        } finally {
            RefCount.decref(it);
        }
    }

    /** min() and max(): one iterable or several arguments, key= and (for one iterable) default=. */
    static PyObject minMax(String name, int op, PyObject[] args, PyTuple kw) {
        int np = npos(args, kw);
        PyObject[] k = keywords(name, args, kw, "key", "default");
        PyObject key = k[0] == PyNone.NONE ? null : k[0];
        PyObject dflt = k[1];
        if (np == 0) throw Errors.typeError("%s expected at least 1 argument, got 0", name);
        if (np > 1 && dflt != null) {
            throw Errors.typeError("Cannot specify a default for %s() with multiple positional arguments", name);
        }
        PyObject it = np == 1 ? Ops.iter(args[0]) : Ops.iter(PyTuple.of(java.util.Arrays.copyOf(args, np)));
        PyObject best = null, bestKey = null;
        try {
            PyObject item;
            while ((item = Ops.next(it)) != null) {
                PyObject itemKey;
                try {
                    itemKey = key == null ? RefCount.newRef(item) : Ops.call(key, item);
                } catch (PyException e) {
                    RefCount.decref(item);
                    throw e;
                }
                if (best == null) {
                    best = item;
                    bestKey = itemKey;
                    continue;
                }
                boolean better;
                try {
                    better = Ops.compareBool(itemKey, bestKey, op);
                } catch (PyException e) {
                    RefCount.decref(item);
                    RefCount.decref(itemKey);
                    throw e;
                }
                if (better) {
                    RefCount.decref(best);
                    RefCount.decref(bestKey);
                    best = item;
                    bestKey = itemKey;
                } else {
                    RefCount.decref(item);
                    RefCount.decref(itemKey);
                }
            }
        } catch (PyException e) {
            RefCount.xdecref(best);
            RefCount.xdecref(bestKey);
            throw e;
        } finally {
            RefCount.decref(it);
        }
        if (best == null) {
            if (dflt != null) return RefCount.newRef(dflt);
            throw Errors.valueError("%s() iterable argument is empty", name);
        }
        RefCount.decref(bestKey);
        return best;
    }

    /** operator.index(x), with the exact-int fast path. */
    static PyObject index(PyObject x) {
        if (x instanceof PyInt && x.type() == PyInt.TYPE) return RefCount.newRef(x);
        return Ops.index(x);
    }

    static PyObject radix(PyObject x, int radix, String prefix) {
        PyObject i = index(x);
        try {
            BigInteger v = ((PyInt) i).bigValue();
            String digits = v.abs().toString(radix);
            return PyStr.of((v.signum() < 0 ? "-" : "") + prefix + digits);
        } finally {
            RefCount.decref(i);
        }
    }

    static PyObject chr(PyObject x) {
        PyObject i = index(x);
        long v;
        try {
            PyInt pi = (PyInt) i;
            if (pi.isBig()) throw Errors.overflow("Python int too large to convert to C int");
            v = pi.value;
        } finally {
            RefCount.decref(i);
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) throw Errors.overflow("Python int too large to convert to C int");
        if (v < 0 || v > 0x10ffff) throw Errors.valueError("chr() arg not in range(0x110000)");
        return PyStr.of(new String(Character.toChars((int) v)));
    }

    static PyObject ord(PyObject x) {
        if (x instanceof PyStr s) {
            int n = s.value.codePointCount(0, s.value.length());
            if (n != 1) throw Errors.typeError("ord() expected a character, but string of length %d found", n);
            return PyInt.of(s.value.codePointAt(0));
        }
        String tn = x.type().name();
        if (x.type().isSubtypeOf(bytesLike(x)) && (tn.equals("bytes") || tn.equals("bytearray")
                || x.type().isHeapType())) {
            long n = Ops.len(x);
            if (n != 1) throw Errors.typeError("ord() expected a character, but string of length %d found", n);
            PyInt zero = PyInt.of(0);
            return Ops.getItem(x, zero);
        }
        throw Errors.typeError("ord() expected string of length 1, but %s found", tn);
    }

    /** The bytes or bytearray type among x's bases, or a type x is not a subtype of. */
    private static PyType bytesLike(PyObject x) {
        for (PyType t : x.type().mro) {
            if (!t.isHeapType() && (t.name().equals("bytes") || t.name().equals("bytearray"))) return t;
        }
        return PyNone.TYPE;
    }
}
