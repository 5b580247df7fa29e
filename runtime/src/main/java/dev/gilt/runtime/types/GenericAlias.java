package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyEllipsis;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code types.GenericAlias}: what {@code list[int]} makes (PEP 585). It prints as the
 * subscription, calls its origin, forwards other attributes to the origin, and is accepted as a
 * base class (its {@code __mro_entries__} gives the origin). Parameters (TypeVars) are not
 * tracked: {@code __parameters__} is always empty.
 *
 * <p>Refcounts: owns origin and args.
 */
public final class GenericAlias extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("types.GenericAlias", GenericAlias.class);

    static {
        TYPE.newInstance = (type, args, kw) -> {
            if (kw != null && kw.size() > 0) throw Errors.typeError("GenericAlias() takes no keyword arguments");
            if (args.length != 2) throw Errors.typeError("GenericAlias expected 2 arguments, got %d", args.length);
            return of(args[0], args[1]);
        };
        TYPE.repr = g -> PyStr.of(((GenericAlias) g).reprString());
        TYPE.call = (g, args, kw) -> Ops.call(((GenericAlias) g).origin, args, kw);
        TYPE.getattr = (g, name) -> {
            PyObject r = GenericAttr.getAttr(g, name);
            if (r != null) return r;
            String n = name.value;
            if (n.startsWith("__") && n.endsWith("__")) return null;
            return Ops.lookupAttr(((GenericAlias) g).origin, name);
        };
        TYPE.richcompare = (a, b, op) -> {
            if ((op != Ops.EQ && op != Ops.NE) || !(b instanceof GenericAlias gb)) return PyNotImplemented.NOT_IMPLEMENTED;
            GenericAlias ga = (GenericAlias) a;
            boolean eq = Ops.eqBool(ga.origin, gb.origin) && Ops.eqBool(ga.args, gb.args);
            return PyBool.of(op == Ops.EQ ? eq : !eq);
        };
        TYPE.hash = g -> {
            long h = Ops.hash(((GenericAlias) g).origin) ^ Ops.hash(((GenericAlias) g).args);
            return h == -1 ? -2 : h;
        };
        TYPE.nb[Ops.NB_OR] = UnionType::typeOr;
        PyGetSetDescr.define(TYPE, "__origin__", g -> RefCount.newRef(((GenericAlias) g).origin));
        PyGetSetDescr.define(TYPE, "__args__", g -> RefCount.newRef(((GenericAlias) g).args));
        PyGetSetDescr.define(TYPE, "__parameters__", g -> PyTuple.EMPTY);
        dev.gilt.runtime.object.PyMethodDescr.define(TYPE, "__mro_entries__",
                (dev.gilt.runtime.object.Fn.F1) (g, bases) -> PyTuple.of(((GenericAlias) g).origin));
        dev.gilt.runtime.object.PyMethodDescr.define(TYPE, "__instancecheck__",
                (dev.gilt.runtime.object.Fn.F1) (g, o) -> {
                    throw Errors.typeError("isinstance() argument 2 cannot be a parameterized generic");
                });
        dev.gilt.runtime.object.PyMethodDescr.define(TYPE, "__subclasscheck__",
                (dev.gilt.runtime.object.Fn.F1) (g, o) -> {
                    throw Errors.typeError("issubclass() argument 2 cannot be a parameterized generic");
                });
    }

    final PyObject origin;
    final PyTuple args;

    private GenericAlias(PyObject origin, PyTuple args) {
        this.origin = RefCount.newRef(origin);
        this.args = args;
    }

    /** {@code origin[args]} (args borrowed; a non-tuple is one argument). */
    public static GenericAlias of(PyObject origin, PyObject args) {
        PyTuple t = args instanceof PyTuple at && at.type() == PyTuple.TYPE ? RefCount.newRef(at) : PyTuple.of(args);
        return new GenericAlias(origin, t);
    }

    /** A {@code __class_getitem__} classmethod that makes GenericAlias objects, for builtin types. */
    public static PyClassMethod classGetItem(PyType owner) {
        return PyClassMethod.ofBuiltin(owner, "__class_getitem__", (cls, a, kw) -> {
            if (a.length != 1) throw Errors.typeError("__class_getitem__ expected 1 argument, got %d", a.length);
            return of(cls, a[0]);
        });
    }

    static String argRepr(PyObject a) {
        if (a == PyEllipsis.ELLIPSIS) return "...";
        if (a instanceof PyType t) {
            String mod = TypeSlots.moduleName(t);
            String q = t.isHeapType() ? t.qualname : TypeSlots.shortName(t);
            return mod == null || mod.equals("builtins") ? q : mod + "." + q;
        }
        return Ops.reprString(a);
    }

    private String reprString() {
        StringBuilder sb = new StringBuilder(argRepr(origin)).append('[');
        if (args.size() == 0) {
            sb.append("()");
        } else {
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(argRepr(args.get(i)));
            }
        }
        return sb.append(']').toString();
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(origin);
        v.visit(args);
    }
}
