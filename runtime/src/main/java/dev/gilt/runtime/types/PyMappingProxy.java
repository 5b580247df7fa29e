package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code mappingproxy}: a read-only view of a mapping, what {@code cls.__dict__} returns. Every
 * read is delegated to the underlying mapping; there is no way to write through it.
 *
 * <p>Refcounts: owns the mapping.
 */
public final class PyMappingProxy extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("mappingproxy", PyMappingProxy.class);

    private static final ArgParser NEW = ArgParser.of("mappingproxy", 1, 0, "mapping");

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.newInstance = (type, args, kw) -> {
            PyObject m = NEW.parse(args, kw)[0];
            if (m.type().getitem == null || m instanceof PyList || m instanceof PyTuple) {
                throw Errors.typeError("mappingproxy() argument must be a mapping, not %s", m.type().name());
            }
            return of(m);
        };
        TYPE.getitem = (self, k) -> Ops.getItem(((PyMappingProxy) self).mapping, k);
        TYPE.len = self -> Ops.len(((PyMappingProxy) self).mapping);
        TYPE.iter = self -> Ops.iter(((PyMappingProxy) self).mapping);
        TYPE.contains = (self, k) -> Ops.contains(((PyMappingProxy) self).mapping, k);
        TYPE.repr = self -> PyStr.of("mappingproxy(" + Ops.reprString(((PyMappingProxy) self).mapping) + ")");
        TYPE.str = self -> Ops.str(((PyMappingProxy) self).mapping);
        TYPE.hash = self -> Ops.hash(((PyMappingProxy) self).mapping);
        TYPE.richcompare = (a, b, op) -> {
            PyObject other = b instanceof PyMappingProxy pb ? pb.mapping : b;
            return Ops.richCompare(((PyMappingProxy) a).mapping, other, op);
        };
        TYPE.nb[Ops.NB_OR] = (a, b) -> {
            if (!(a instanceof PyMappingProxy) && !(b instanceof PyMappingProxy)) return PyNotImplemented.NOT_IMPLEMENTED;
            PyObject x = a instanceof PyMappingProxy pa ? pa.mapping : a;
            PyObject y = b instanceof PyMappingProxy pb ? pb.mapping : b;
            return Ops.binaryOp(Ops.NB_OR, x, y);
        };
        PyMethodDescr.define(TYPE, "keys", (Fn.F0) self -> Ops.callMethod(((PyMappingProxy) self).mapping, "keys"));
        PyMethodDescr.define(TYPE, "values", (Fn.F0) self -> Ops.callMethod(((PyMappingProxy) self).mapping, "values"));
        PyMethodDescr.define(TYPE, "items", (Fn.F0) self -> Ops.callMethod(((PyMappingProxy) self).mapping, "items"));
        PyMethodDescr.define(TYPE, "copy", (Fn.F0) self -> Ops.callMethod(((PyMappingProxy) self).mapping, "copy"));
        PyMethodDescr.define(TYPE, "get", (Fn.FV) (self, args, kw) -> {
            if (kw != null && kw.size() > 0) throw Errors.typeError("get() takes no keyword arguments");
            if (args.length < 1 || args.length > 2) {
                throw Errors.typeError("get expected at least 1 argument, got %d", args.length);
            }
            PyObject m = ((PyMappingProxy) self).mapping;
            PyObject getm = Ops.getAttr(m, "get");
            try {
                return Ops.call(getm, args, null);
            } finally {
                RefCount.decref(getm);
            }
        });
        PyMethodDescr.define(TYPE, "__reversed__", (Fn.F0) self -> Ops.callMethod(((PyMappingProxy) self).mapping,
                "__reversed__"));
    }

    private PyObject mapping;

    private PyMappingProxy(PyObject mapping) {
        this.mapping = RefCount.newRef(mapping);
    }

    /** A new proxy of {@code mapping} (borrowed). */
    public static PyMappingProxy of(PyObject mapping) {
        return new PyMappingProxy(mapping);
    }

    /** The proxied mapping (borrowed). */
    public PyObject mapping() {
        return mapping;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public void traverse(Visitor v) {
        if (mapping != null) v.visit(mapping);
    }

    @Override
    public void releaseReferences() {
        PyObject m = mapping;
        mapping = null;
        RefCount.xdecref(m);
    }
}
