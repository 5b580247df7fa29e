package dev.gilt.stdlib.operator;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
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
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Iter;

/**
 * {@code operator}: the operators as functions (each one call into the shared {@link Ops}
 * protocol) and the itemgetter/attrgetter/methodcaller callables.
 */
public final class OperatorModule implements ModuleProvider {
    @Override
    public String name() {
        return "operator";
    }

    static void both(PyModule m, String name, Fn.F1 f) {
        m.def(name, f);
        String d = name.endsWith("_") ? name.substring(0, name.length() - 1) : name;
        m.set("__" + d + "__", m.get(name));
    }

    static void both(PyModule m, String name, Fn.F2 f) {
        m.def(name, f);
        String d = name.endsWith("_") ? name.substring(0, name.length() - 1) : name;
        m.set("__" + d + "__", m.get(name));
    }

    static void both(PyModule m, String name, Fn.F3 f) {
        m.def(name, f);
        m.set("__" + name + "__", m.get(name));
    }

    static PyObject abs(PyObject x) {
        Slots.Unary s = x.type().abs;
        if (s == null) throw Errors.typeError("bad operand type for abs(): '%s'", x.type().name());
        return s.apply(x);
    }

    static boolean isSequence(PyObject o) {
        return o.type().getitem != null && !(o.type().isSubtypeOf(PyType.DICT));
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("operator");
        String[] cmp = {"lt", "le", "eq", "ne", "gt", "ge"};
        int[] ops = {Ops.LT, Ops.LE, Ops.EQ, Ops.NE, Ops.GT, Ops.GE};
        for (int i = 0; i < cmp.length; i++) {
            int op = ops[i];
            both(m, cmp[i], (Fn.F2) (mod, a, b) -> Ops.richCompare(a, b, op));
        }
        both(m, "not_", (Fn.F1) (mod, a) -> PyBool.of(!Ops.isTrue(a)));
        m.def("truth", (Fn.F1) (mod, a) -> PyBool.of(Ops.isTrue(a)));
        m.def("is_", (Fn.F2) (mod, a, b) -> PyBool.of(a == b));
        m.def("is_not", (Fn.F2) (mod, a, b) -> PyBool.of(a != b));
        m.def("is_none", (Fn.F1) (mod, a) -> PyBool.of(a == PyNone.NONE));
        m.def("is_not_none", (Fn.F1) (mod, a) -> PyBool.of(a != PyNone.NONE));
        both(m, "abs", (Fn.F1) (mod, a) -> abs(a));
        both(m, "index", (Fn.F1) (mod, a) -> Ops.index(a));
        both(m, "neg", (Fn.F1) (mod, a) -> Ops.neg(a));
        both(m, "pos", (Fn.F1) (mod, a) -> Ops.pos(a));
        both(m, "inv", (Fn.F1) (mod, a) -> Ops.invert(a));
        both(m, "invert", (Fn.F1) (mod, a) -> Ops.invert(a));
        String[][] bin = {{"add", "0"}, {"and_", "1"}, {"floordiv", "2"}, {"lshift", "3"}, {"matmul", "4"},
            {"mul", "5"}, {"mod", "6"}, {"or_", "7"}, {"pow", "8"}, {"rshift", "9"}, {"sub", "10"},
            {"truediv", "11"}, {"xor", "12"}};
        for (String[] b : bin) {
            int op = Integer.parseInt(b[1]);
            both(m, b[0], (Fn.F2) (mod, x, y) -> Ops.binaryOp(op, x, y));
            String iname = "i" + (b[0].endsWith("_") ? b[0].substring(0, b[0].length() - 1) : b[0]);
            m.def(iname, (Fn.F2) (mod, x, y) -> Ops.inplaceOp(op, x, y));
            m.set("__" + iname + "__", m.get(iname));
        }
        both(m, "concat", (Fn.F2) (mod, a, b) -> {
            if (!isSequence(a)) throw Errors.typeError("'%s' object can't be concatenated", a.type().name());
            return Ops.add(a, b);
        });
        m.def("iconcat", (Fn.F2) (mod, a, b) -> {
            if (!isSequence(a)) throw Errors.typeError("'%s' object can't be concatenated", a.type().name());
            return Ops.inplaceOp(Ops.NB_ADD, a, b);
        });
        m.set("__iconcat__", m.get("iconcat"));
        both(m, "contains", (Fn.F2) (mod, a, b) -> PyBool.of(Ops.contains(a, b)));
        m.def("countOf", (Fn.F2) (mod, a, b) -> {
            long n = 0;
            try (Iter it = Iter.of(a)) {
                PyObject x;
                while ((x = it.next()) != null) {
                    if (x == b || Ops.compareBool(x, b, Ops.EQ)) n++;
                    RefCount.decref(x);
                }
            }
            return PyInt.of(n);
        });
        m.def("indexOf", (Fn.F2) (mod, a, b) -> {
            long i = 0;
            try (Iter it = Iter.of(a)) {
                PyObject x;
                while ((x = it.next()) != null) {
                    boolean eq = x == b || Ops.compareBool(x, b, Ops.EQ);
                    RefCount.decref(x);
                    if (eq) return PyInt.of(i);
                    i++;
                }
            }
            throw Errors.valueError("sequence.index(x): x not in sequence");
        });
        both(m, "getitem", (Fn.F2) (mod, a, b) -> Ops.getItem(a, b));
        both(m, "setitem", (Fn.F3) (mod, a, b, c) -> {
            Ops.setItem(a, b, c);
            return PyNone.NONE;
        });
        both(m, "delitem", (Fn.F2) (mod, a, b) -> {
            Ops.delItem(a, b);
            return PyNone.NONE;
        });
        m.def("length_hint", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("length_hint", kw);
            Args.count("length_hint", args, 1, 2);
            long dflt = args.length > 1 ? Args.asLong(args[1]) : 0;
            return PyInt.of(lengthHint(args[0], dflt));
        });
        m.def("call", (Fn.FV) (mod, args, kw) -> {
            if (args.length == 0 || (kw != null && args.length == kw.size())) {
                throw Errors.typeError("call() missing 1 required positional argument: 'obj'");
            }
            PyObject[] rest = new PyObject[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            return Ops.call(args[0], rest, kw);
        });
        m.set("__call__", m.get("call"));
        m.set("itemgetter", ItemGetter.TYPE);
        m.set("attrgetter", AttrGetter.TYPE);
        m.set("methodcaller", MethodCaller.TYPE);
        return m;
    }

    /** operator.length_hint (PEP 424). */
    public static long lengthHint(PyObject o, long dflt) {
        if (o.type().len != null) {
            try {
                return Ops.len(o);
            } catch (PyException e) {
                if (!e.matches(PyExc.TypeError)) throw e;
                RefCount.decref(e.exc);
            }
        }
        PyObject m = o.type().lookup("__length_hint__");
        if (m == null) return dflt;
        PyObject r;
        try {
            r = Ops.callMethod(o, "__length_hint__");
        } catch (PyException e) {
            if (!e.matches(PyExc.TypeError)) throw e;
            RefCount.decref(e.exc);
            return dflt;
        }
        try {
            if (r == PyNotImplemented.NOT_IMPLEMENTED) return dflt;
            if (!(r instanceof PyInt)) {
                throw Errors.typeError("__length_hint__ must be an integer, not %s", r.type().name());
            }
            long v = Args.asLong(r);
            if (v < 0) throw Errors.valueError("__length_hint__() should return >= 0");
            return v;
        } finally {
            RefCount.decref(r);
        }
    }

    /** A callable holding a tuple of references (the getters). */
    abstract static class Holder extends PyGcObject {
        PyObject[] items;

        Holder(PyObject[] items) {
            for (PyObject x : items) RefCount.incref(x);
            this.items = items;
        }

        @Override
        public void traverse(Visitor v) {
            if (items != null) for (PyObject x : items) v.visit(x);
        }

        @Override
        public void releaseReferences() {
            PyObject[] old = items;
            items = new PyObject[0];
            if (old != null) for (PyObject x : old) RefCount.decref(x);
        }

        String argsRepr() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < items.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(Args.repr(items[i]));
            }
            return sb.toString();
        }
    }

    /** operator.itemgetter(*items). */
    static final class ItemGetter extends Holder {
        static final PyType TYPE = Attr.install(PyType.builtin("itemgetter", ItemGetter.class), "operator");

        ItemGetter(PyObject[] items) {
            super(items);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        PyObject get(PyObject obj) {
            if (items.length == 1) return fetch(obj, items[0]);
            PyObject[] out = new PyObject[items.length];
            try {
                for (int i = 0; i < items.length; i++) out[i] = fetch(obj, items[i]);
            } catch (PyException e) {
                for (PyObject x : out) RefCount.xdecref(x);
                throw e;
            }
            return PyTuple.steal(out);
        }

        static PyObject fetch(PyObject obj, PyObject key) {
            if (key instanceof PyInt ki && ki.big == null && key.type() == PyInt.TYPE) {
                long i = ki.value;
                if (obj instanceof PyTuple t && obj.type() == PyTuple.TYPE) {
                    if (i < 0) i += t.items.length;
                    if (i >= 0 && i < t.items.length) return RefCount.newRef(t.items[(int) i]);
                } else if (obj instanceof PyList l && obj.type() == PyList.TYPE) {
                    if (i < 0) i += l.size;
                    if (i >= 0 && i < l.size) return RefCount.newRef(l.items[(int) i]);
                }
            }
            return Ops.getItem(obj, key);
        }

        static {
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.newInstance = (type, args, kw) -> {
                Args.noKw("itemgetter", kw);
                if (args.length == 0) throw Errors.typeError("itemgetter expected 1 argument, got 0");
                return new ItemGetter(args.clone());
            };
            TYPE.init = (self, args, kw) -> { };
            TYPE.call = (self, args, kw) -> {
                Args.noKw("itemgetter", kw);
                if (args.length != 1) throw Errors.typeError("itemgetter expected 1 argument, got %d", args.length);
                return ((ItemGetter) self).get(args[0]);
            };
            TYPE.repr = self -> PyStr.of("operator.itemgetter(" + ((ItemGetter) self).argsRepr() + ")");
            PyMethodDescr.define(TYPE, "__reduce__", (Fn.F0) self ->
                    PyTuple.steal(RefCount.newRef(TYPE), PyTuple.of(((ItemGetter) self).items)));
        }
    }

    /** operator.attrgetter(*attrs), with dotted names. */
    static final class AttrGetter extends Holder {
        static final PyType TYPE = Attr.install(PyType.builtin("attrgetter", AttrGetter.class), "operator");
        final String[][] paths;

        AttrGetter(PyObject[] names) {
            super(names);
            paths = new String[names.length][];
            for (int i = 0; i < names.length; i++) paths[i] = ((PyStr) names[i]).value.split("\\.", -1);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        static PyObject follow(PyObject obj, String[] path) {
            PyObject cur = RefCount.newRef(obj);
            for (String p : path) {
                PyObject next;
                try {
                    next = Ops.getAttr(cur, PyStr.intern(p));
                } finally {
                    RefCount.decref(cur);
                }
                cur = next;
            }
            return cur;
        }

        PyObject get(PyObject obj) {
            if (paths.length == 1) return follow(obj, paths[0]);
            PyObject[] out = new PyObject[paths.length];
            try {
                for (int i = 0; i < paths.length; i++) out[i] = follow(obj, paths[i]);
            } catch (PyException e) {
                for (PyObject x : out) RefCount.xdecref(x);
                throw e;
            }
            return PyTuple.steal(out);
        }

        static {
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.newInstance = (type, args, kw) -> {
                Args.noKw("attrgetter", kw);
                if (args.length == 0) throw Errors.typeError("attrgetter expected 1 argument, got 0");
                for (PyObject a : args) {
                    if (!(a instanceof PyStr)) throw Errors.typeError("attribute name must be a string");
                }
                return new AttrGetter(args.clone());
            };
            TYPE.init = (self, args, kw) -> { };
            TYPE.call = (self, args, kw) -> {
                Args.noKw("attrgetter", kw);
                if (args.length != 1) throw Errors.typeError("attrgetter expected 1 argument, got %d", args.length);
                return ((AttrGetter) self).get(args[0]);
            };
            TYPE.repr = self -> PyStr.of("operator.attrgetter(" + ((AttrGetter) self).argsRepr() + ")");
            PyMethodDescr.define(TYPE, "__reduce__", (Fn.F0) self ->
                    PyTuple.steal(RefCount.newRef(TYPE), PyTuple.of(((AttrGetter) self).items)));
        }
    }

    /** operator.methodcaller(name, *args, **kwargs). */
    static final class MethodCaller extends Holder {
        static final PyType TYPE = Attr.install(PyType.builtin("methodcaller", MethodCaller.class), "operator");
        /** items = [name, args..., kwvalues...]; kwnames names the trailing keyword values. */
        final PyTuple kwnames;

        MethodCaller(PyObject[] items, PyTuple kwnames) {
            super(items);
            this.kwnames = kwnames;
            RefCount.xincref(kwnames);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public void traverse(Visitor v) {
            super.traverse(v);
            if (kwnames != null) v.visit(kwnames);
        }

        static {
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.newInstance = (type, args, kw) -> {
                int nkw = kw == null ? 0 : kw.size();
                if (args.length - nkw < 1) {
                    throw Errors.typeError("methodcaller needs at least one argument, the method name");
                }
                if (!(args[0] instanceof PyStr)) throw Errors.typeError("method name must be a string");
                return new MethodCaller(args.clone(), nkw == 0 ? null : kw);
            };
            TYPE.init = (self, args, kw) -> { };
            TYPE.call = (self, args, kw) -> {
                Args.noKw("methodcaller", kw);
                if (args.length != 1) throw Errors.typeError("methodcaller expected 1 argument, got %d", args.length);
                MethodCaller mc = (MethodCaller) self;
                PyObject meth = Ops.getAttr(args[0], (PyStr) mc.items[0]);
                try {
                    PyObject[] rest = new PyObject[mc.items.length - 1];
                    System.arraycopy(mc.items, 1, rest, 0, rest.length);
                    return Ops.call(meth, rest, mc.kwnames);
                } finally {
                    RefCount.decref(meth);
                }
            };
            TYPE.repr = self -> {
                MethodCaller mc = (MethodCaller) self;
                int nkw = mc.kwnames == null ? 0 : mc.kwnames.size();
                StringBuilder sb = new StringBuilder("operator.methodcaller(");
                for (int i = 0; i < mc.items.length; i++) {
                    if (i > 0) sb.append(", ");
                    int k = i - (mc.items.length - nkw);
                    if (k >= 0) sb.append(((PyStr) mc.kwnames.get(k)).value).append('=');
                    sb.append(Args.repr(mc.items[i]));
                }
                return PyStr.of(sb.append(')').toString());
            };
        }
    }
}
