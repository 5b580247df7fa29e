package dev.gilt.runtime.object.collections;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyEllipsis;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code types.GenericAlias}, what {@code list[int]} or {@code dict[str, int]} evaluate to
 * (PEP 585), so annotations using builtin generics work. A minimal version: {@code __origin__},
 * {@code __args__}, {@code __parameters__} (always empty: type variables are not tracked), repr,
 * equality, hashing, calling (creates an instance of the origin) and {@code | None} unions.
 * Attribute forwarding to the origin and isinstance checks are not implemented.
 */
public final class GenericAlias extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("types.GenericAlias", GenericAlias.class);

    static {
        TYPE.repr = o -> PyStr.of(((GenericAlias) o).reprString());
        TYPE.call = (o, args, kw) -> Ops.call(((GenericAlias) o).origin, args, kw);
        TYPE.richcompare = (a, b, op) -> {
            if (!(b instanceof GenericAlias gb) || (op != Ops.EQ && op != Ops.NE)) return PyNotImplemented.NOT_IMPLEMENTED;
            GenericAlias ga = (GenericAlias) a;
            boolean eq = Ops.eqBool(ga.origin, gb.origin) && Ops.eqBool(ga.args, gb.args);
            return PyBool.of(eq == (op == Ops.EQ));
        };
        TYPE.hash = o -> Ops.hash(((GenericAlias) o).origin) ^ Ops.hash(((GenericAlias) o).args);
        TYPE.nb[Ops.NB_OR] = (a, b) -> {
            var or = PyType.TYPE.nb[Ops.NB_OR];
            return or == null ? PyNotImplemented.NOT_IMPLEMENTED : or.apply(a, b);
        };
        ReadOnlyAttr.define(TYPE, "__origin__", o -> RefCount.newRef(((GenericAlias) o).origin));
        ReadOnlyAttr.define(TYPE, "__args__", o -> RefCount.newRef(((GenericAlias) o).args));
        ReadOnlyAttr.define(TYPE, "__parameters__", o -> PyTuple.EMPTY);
    }

    private final PyObject origin;
    private final PyTuple args;

    /** {@code origin[args]}: a non-tuple argument becomes a 1-tuple. Both borrowed. */
    public GenericAlias(PyObject origin, PyObject args) {
        this.origin = RefCount.newRef(origin);
        this.args = args instanceof PyTuple t && t.getClass() == PyTuple.class ? RefCount.newRef(t) : PyTuple.of(args);
    }

    /** Defines {@code __class_getitem__} on a builtin generic type (list, dict, ...). */
    public static void defineClassGetItem(PyType t) {
        ClassMethodDescr.define(t, "__class_getitem__", (cls, a, kw) -> {
            if (a.length != 1) {
                throw dev.gilt.runtime.error.Errors.typeError("__class_getitem__() takes exactly one argument (%d given)", a.length);
            }
            return new GenericAlias(cls, a[0]);
        });
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    String reprString() {
        StringBuilder sb = new StringBuilder(argRepr(origin)).append('[');
        if (args.size() == 0) sb.append("()");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(argRepr(args.get(i)));
        }
        return sb.append(']').toString();
    }

    /** typing's repr rule: classes as module.qualname (builtins without module), ... as "...". */
    private static String argRepr(PyObject o) {
        if (o == PyEllipsis.ELLIPSIS) return "...";
        if (o instanceof GenericAlias g) return g.reprString();
        if (o instanceof PyList l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(argRepr(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (o instanceof PyType t) {
            PyObject mod = t.isHeapType() ? t.dict.getItemStr(PyStr.intern("__module__")) : null;
            String m = mod instanceof PyStr ms ? ms.value : "builtins";
            return m.equals("builtins") ? t.qualname : m + "." + t.qualname;
        }
        return Ops.reprString(o);
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(origin);
        v.visit(args);
    }

    private boolean released;

    @Override
    public void releaseReferences() {
        if (released) return;
        released = true;
        RefCount.decref(origin);
        RefCount.decref(args);
    }
}
