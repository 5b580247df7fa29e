package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.collections.Indices;
import dev.gilt.runtime.object.collections.Sequences;
import dev.gilt.runtime.object.collections.SliceIndices;
import dev.gilt.runtime.ops.Ops;

/**
 * The Python face of {@link PyList}: slots and methods of {@code list}, installed into its type by
 * PyList's static initialiser. Storage and the operations on it stay in PyList.
 */
final class ListMethods {
    private ListMethods() {}

    static void install(PyType t) {
        t.hash = null;
        t.define("__hash__", PyNone.NONE);
        t.repr = o -> PyStr.of(((PyList) o).reprString());
        t.richcompare = (a, b, op) -> a instanceof PyList la && b instanceof PyList lb
                ? la.compareWith(lb, op) : PyNotImplemented.NOT_IMPLEMENTED;
        t.iter = o -> new PyListIterator((PyList) o);
        t.len = o -> ((PyList) o).size;
        t.bool = o -> ((PyList) o).size != 0;
        t.getitem = ListMethods::getItem;
        t.setitem = ListMethods::setItem;
        t.contains = (o, x) -> ((PyList) o).contains(x);
        t.nb[Ops.NB_ADD] = ListMethods::add;
        t.nbInplace[Ops.NB_ADD] = ListMethods::inplaceAdd;
        t.nb[Ops.NB_MULTIPLY] = ListMethods::mul;
        t.nbInplace[Ops.NB_MULTIPLY] = ListMethods::inplaceMul;
        t.newInstance = (type, args, kw) -> type == PyList.TYPE ? new PyList() : new PyList.Sub(type);
        t.init = ListMethods::init;

        PyMethodDescr.define(t, "append", (Fn.F1) (self, x) -> {
            ((PyList) self).append(x);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "extend", (Fn.F1) (self, x) -> {
            ((PyList) self).extend(x);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "insert", (Fn.F2) (self, i, x) -> {
            ((PyList) self).insert(Indices.asSsizeArg(i), x);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "remove", (Fn.F1) (self, x) -> {
            ((PyList) self).remove(x);
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "pop", (Fn.FV) ListMethods::pop);
        PyMethodDescr.define(t, "clear", (Fn.F0) self -> {
            ((PyList) self).clear();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "index", (Fn.FV) ListMethods::index);
        PyMethodDescr.define(t, "count", (Fn.F1) (self, x) -> PyInt.of(((PyList) self).count(x)));
        PyMethodDescr.define(t, "sort", (Fn.FV) ListMethods::sort);
        PyMethodDescr.define(t, "reverse", (Fn.F0) self -> {
            ((PyList) self).reverse();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "copy", (Fn.F0) self -> {
            PyList l = (PyList) self;
            return l.slice(0, l.size);
        });
        PyMethodDescr.define(t, "__getitem__", (Fn.F1) ListMethods::getItem);
        PyMethodDescr.define(t, "__reversed__", (Fn.F0) self -> new PyListIterator.Reverse((PyList) self));
        PyMethodDescr.define(t, "__sizeof__", (Fn.F0) self -> PyInt.of(40L + 8L * ((PyList) self).items.length));
    }

    /** list.__init__(self, iterable=()) */
    static void init(PyObject self, PyObject[] args, PyTuple kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.size();
        if (nkw > 0) throw Errors.typeError("list() takes no keyword arguments");
        if (args.length > 1) throw Errors.typeError("list expected at most 1 argument, got %d", args.length);
        PyList l = (PyList) self;
        l.clear();
        if (args.length == 1) l.extend(args[0]);
    }

    static PyObject getItem(PyObject self, PyObject key) {
        PyList l = (PyList) self;
        if (Indices.isIndex(key)) return l.getItem(Indices.asSubscript(key));
        if (key instanceof PySlice s) {
            SliceIndices si = SliceIndices.of(s, l.size);
            int n = (int) si.length();
            if (si.step() == 1) return l.slice((int) si.start(), (int) si.start() + n);
            PyList out = new PyList(n);
            for (int i = 0; i < n; i++) out.appendSteal(RefCount.newRef(l.items[(int) si.at(i)]));
            return out;
        }
        throw Errors.typeError("list indices must be integers or slices, not %s", key.type().name());
    }

    /** {@code l[key] = value}, or {@code del l[key]} when value is null. */
    static void setItem(PyObject self, PyObject key, PyObject value) {
        PyList l = (PyList) self;
        if (Indices.isIndex(key)) {
            long i = Indices.asSubscript(key);
            if (i < 0) i += l.size;
            if (i < 0 || i >= l.size) throw Errors.indexError("list assignment index out of range");
            if (value == null) l.delItem((int) i);
            else l.setItem((int) i, value);
            return;
        }
        if (!(key instanceof PySlice s)) {
            throw Errors.typeError("list indices must be integers or slices, not %s", key.type().name());
        }
        SliceIndices raw = SliceIndices.unpack(s);
        SliceIndices si = raw.adjust(l.size);
        if (si.step() == 1) {
            PyObject[] src = value == null ? new PyObject[0] : PyList.assignSource(l, value, "can only assign an iterable");
            l.assignSlice(si.start(), si.stop(), src, src.length);
            return;
        }
        if (value == null) {
            l.deleteExtended(si);
            return;
        }
        PyObject[] src = PyList.assignSource(l, value, "must assign iterable to extended slice");
        // Materialising the source may have run Python code that resized the list.
        si = raw.adjust(l.size);
        if (src.length != si.length()) {
            Sequences.decrefAll(src, src.length);
            throw Errors.valueError("attempt to assign sequence of size %d to extended slice of size %d",
                    src.length, si.length());
        }
        l.assignExtended(si, src);
    }

    static PyObject add(PyObject a, PyObject b) {
        if (!(a instanceof PyList la)) return PyNotImplemented.NOT_IMPLEMENTED;
        if (b instanceof PyList lb) {
            long n = (long) la.size + lb.size;
            if (n > Sequences.MAX_SIZE) throw Sequences.tooBig();
            PyList out = new PyList((int) n);
            out.extend(la);
            out.extend(lb);
            return out;
        }
        PyObject r = Sequences.tryRightSlot(Ops.NB_ADD, a, b, PyList.TYPE.nb[Ops.NB_ADD]);
        if (r != null) return r;
        throw Errors.typeError("can only concatenate list (not \"%s\") to list", b.type().name());
    }

    /** {@code l += x}: the right operand's __radd__ first (as CPython's binary_iop1), then extend. */
    static PyObject inplaceAdd(PyObject a, PyObject b) {
        PyList la = (PyList) a;
        if (b.getClass() != PyList.class && b.getClass() != PyTuple.class) {
            PyObject r = Sequences.tryRightSlot(Ops.NB_ADD, a, b, PyList.TYPE.nb[Ops.NB_ADD]);
            if (r != null) return r;
        }
        la.extend(b);
        return RefCount.newRef(la);
    }

    static PyObject mul(PyObject a, PyObject b) {
        if (a instanceof PyList la) {
            if (b.getClass() == PyInt.class) return repeat(la, Indices.asSize(b));
            PyObject r = Sequences.tryRightSlot(Ops.NB_MULTIPLY, a, b, PyList.TYPE.nb[Ops.NB_MULTIPLY]);
            if (r != null) return r;
            if (Indices.isIndex(b)) return repeat(la, Indices.asSize(b));
            throw Sequences.cantMultiply(b);
        }
        if (Indices.isIndex(a)) return repeat((PyList) b, Indices.asSize(a));
        throw Sequences.cantMultiply(a);
    }

    static PyList repeat(PyList l, long n) {
        int m = l.size;
        if (n <= 0 || m == 0) return new PyList();
        if (n > Sequences.MAX_SIZE / m) throw Sequences.tooBig();
        PyList out = new PyList((int) (m * n));
        for (long r = 0; r < n; r++) {
            for (int i = 0; i < m; i++) out.appendSteal(RefCount.newRef(l.items[i]));
        }
        return out;
    }

    static PyObject inplaceMul(PyObject a, PyObject b) {
        PyList la = (PyList) a;
        if (b.getClass() != PyInt.class) {
            PyObject r = Sequences.tryRightSlot(Ops.NB_MULTIPLY, a, b, PyList.TYPE.nb[Ops.NB_MULTIPLY]);
            if (r != null) return r;
            if (!Indices.isIndex(b)) throw Sequences.cantMultiply(b);
        }
        la.inplaceRepeat(Indices.asSize(b));
        return RefCount.newRef(la);
    }

    static PyObject pop(PyObject self, PyObject[] args, PyTuple kw) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("list.pop() takes no keyword arguments");
        if (args.length > 1) throw Errors.typeError("pop expected at most 1 argument, got %d", args.length);
        long i = args.length == 0 ? -1 : Indices.asSsizeArg(args[0]);
        return ((PyList) self).pop(i);
    }

    static PyObject index(PyObject self, PyObject[] args, PyTuple kw) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("list.index() takes no keyword arguments");
        if (args.length < 1) throw Errors.typeError("index expected at least 1 argument, got %d", args.length);
        if (args.length > 3) throw Errors.typeError("index expected at most 3 arguments, got %d", args.length);
        long start = Indices.sliceIndexNotNone(args.length > 1 ? args[1] : null, 0);
        long stop = Indices.sliceIndexNotNone(args.length > 2 ? args[2] : null, Long.MAX_VALUE);
        return PyInt.of(((PyList) self).index(args[0], start, stop));
    }

    /** list.sort(*, key=None, reverse=False), with CPython's argument-clinic messages. */
    static PyObject sort(PyObject self, PyObject[] args, PyTuple kw) {
        int nkw = kw == null ? 0 : kw.size();
        if (args.length - nkw > 0) throw Errors.typeError("sort() takes no positional arguments");
        if (nkw > 2) throw Errors.typeError("sort() takes at most 2 keyword arguments (%d given)", nkw);
        PyObject key = null, reverse = null;
        for (int k = 0; k < nkw; k++) {
            String name = ((PyStr) kw.get(k)).value;
            PyObject v = args[args.length - nkw + k];
            if (name.equals("key")) key = v;
            else if (name.equals("reverse")) reverse = v;
            else throw Errors.typeError("'%s' is an invalid keyword argument for sort()", name);
        }
        ((PyList) self).sort(key, reverse != null && intFlag(reverse));
        return PyNone.NONE;
    }

    /** An int-like flag argument (CPython's "bool(accept={int})"): 0 is false. */
    static boolean intFlag(PyObject o) {
        if (o instanceof PyInt i) return i.big != null || i.value != 0;
        if (!Indices.isIndex(o)) throw Errors.typeError("'%s' object cannot be interpreted as an integer", o.type().name());
        return Indices.bigIndex(o).signum() != 0;
    }
}
