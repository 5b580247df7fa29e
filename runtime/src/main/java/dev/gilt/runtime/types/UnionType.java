package dev.gilt.runtime.types;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code types.UnionType}: what {@code int | str} makes (PEP 604). Usable with isinstance and
 * issubclass; its {@code __args__} are the member types, deduplicated, with None for NoneType.
 */
public final class UnionType extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("types.UnionType", UnionType.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.newInstance = null;
        TYPE.nb[Ops.NB_OR] = UnionType::typeOr;
        TYPE.repr = u -> {
            StringBuilder sb = new StringBuilder();
            for (PyObject a : ((UnionType) u).args.items) {
                if (sb.length() > 0) sb.append(" | ");
                sb.append(argRepr(a));
            }
            return PyStr.of(sb.toString());
        };
        TYPE.richcompare = (a, b, op) -> {
            if ((op != Ops.EQ && op != Ops.NE) || !(b instanceof UnionType ub)) return PyNotImplemented.NOT_IMPLEMENTED;
            UnionType ua = (UnionType) a;
            boolean eq = sameSet(ua.args, ub.args);
            return PyBool.of(op == Ops.EQ ? eq : !eq);
        };
        TYPE.hash = u -> {
            long h = 0;
            for (PyObject a : ((UnionType) u).args.items) h ^= Ops.hash(a);
            return h == -1 ? -2 : h;
        };
        PyGetSetDescr.define(TYPE, "__args__", u -> RefCount.newRef(((UnionType) u).args));
    }

    final PyTuple args;

    private UnionType(PyTuple args) {
        this.args = args;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The member types (borrowed tuple). */
    public PyTuple args() {
        return args;
    }

    private static String argRepr(PyObject a) {
        if (a == PyNone.NONE || a == PyNone.TYPE) return "None";
        return GenericAlias.argRepr(a);
    }

    private static boolean sameSet(PyTuple a, PyTuple b) {
        if (a.size() != b.size()) return false;
        outer:
        for (PyObject x : a.items) {
            for (PyObject y : b.items) if (x == y) continue outer;
            return false;
        }
        return true;
    }

    private static boolean unionable(PyObject o) {
        return o == PyNone.NONE || o instanceof PyType || o instanceof UnionType
                || o.type().name().equals("types.GenericAlias");
    }

    /** {@code a | b} for types, None and unions; NotImplemented otherwise. */
    static PyObject typeOr(PyObject a, PyObject b) {
        if (!unionable(a) || !unionable(b)) return PyNotImplemented.NOT_IMPLEMENTED;
        List<PyObject> out = new ArrayList<>();
        add(out, a);
        add(out, b);
        if (out.size() == 1) return RefCount.newRef(out.get(0));
        return new UnionType(PyTuple.of(out.toArray(new PyObject[0])));
    }

    private static void add(List<PyObject> out, PyObject o) {
        if (o instanceof UnionType u) {
            for (PyObject x : u.args.items) add(out, x);
            return;
        }
        if (o == PyNone.NONE) o = PyNone.TYPE;
        for (PyObject x : out) if (x == o) return;
        out.add(o);
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(args);
    }
}
