package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.HasDict;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code staticmethod} and {@code classmethod} share this layout: a wrapped callable, an instance
 * dict that receives the callable's {@code __name__}, {@code __qualname__}, {@code __doc__},
 * {@code __module__} and {@code __annotations__} (as CPython 3.10+ does), and {@code __func__} /
 * {@code __wrapped__}. They differ only in {@code __get__}.
 */
abstract class WrappingDescr extends PyGcObject implements HasDict {
    final PyType type;
    PyObject callable;
    PyDict dict;

    WrappingDescr(PyType type, PyObject callable) {
        this.type = type;
        this.callable = callable == null ? null : RefCount.newRef(callable);
    }

    private static final String[] WRAPPED = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"};

    /** Copies the callable's identifying attributes into our dict (functools.wraps semantics). */
    void copyAttributes() {
        for (String a : WRAPPED) {
            PyObject v;
            try {
                v = Ops.lookupAttr(callable, PyStr.intern(a));
            } catch (PyException e) {
                RefCount.decref(e.exc);
                continue;
            }
            if (v != null) {
                getDict(true).setItem(PyStr.intern(a), v);
                RefCount.decref(v);
            }
        }
    }

    static void setUp(PyType t, String kind) {
        t.flags |= PyType.HAS_DICT | PyType.BASETYPE;
        PyGetSetDescr.define(t, "__func__", o -> RefCount.newRef(((WrappingDescr) o).callableOrRaise()));
        PyGetSetDescr.define(t, "__wrapped__", o -> RefCount.newRef(((WrappingDescr) o).callableOrRaise()));
        PyGetSetDescr.define(t, "__isabstractmethod__", o -> {
            PyObject c = ((WrappingDescr) o).callable;
            if (c == null) return PyBool.FALSE;
            PyObject v = Ops.lookupAttr(c, PyStr.intern("__isabstractmethod__"));
            if (v == null) return PyBool.FALSE;
            boolean b = Ops.isTrue(v);
            RefCount.decref(v);
            return PyBool.of(b);
        });
        InstanceAttrs.defineDictDescr(t);
        t.repr = o -> {
            WrappingDescr w = (WrappingDescr) o;
            return PyStr.of("<" + kind + "(" + (w.callable == null ? "NULL" : Ops.reprString(w.callable)) + ")>");
        };
        t.init = (self, args, kw) -> {
            if (kw != null && kw.size() > 0) throw Errors.typeError("%s() takes no keyword arguments", kind);
            if (args.length != 1) throw Errors.typeError("%s expected 1 argument, got %d", kind, args.length);
            WrappingDescr w = (WrappingDescr) self;
            PyObject old = w.callable;
            w.callable = RefCount.newRef(args[0]);
            RefCount.xdecref(old);
            w.copyAttributes();
        };
    }

    PyObject callableOrRaise() {
        if (callable == null) throw Errors.runtimeError("uninitialized " + type.name() + " object");
        return callable;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyDict getDict(boolean create) {
        if (dict == null && create) dict = new PyDict();
        return dict;
    }

    @Override
    public void setDict(PyDict d) {
        RefCount.xincref(d);
        PyDict old = dict;
        dict = d;
        RefCount.xdecref(old);
    }

    @Override
    public void traverse(Visitor v) {
        if (callable != null) v.visit(callable);
        if (dict != null) v.visit(dict);
    }

    @Override
    public void releaseReferences() {
        PyObject c = callable;
        PyDict d = dict;
        callable = null;
        dict = null;
        RefCount.xdecref(c);
        RefCount.xdecref(d);
    }
}

