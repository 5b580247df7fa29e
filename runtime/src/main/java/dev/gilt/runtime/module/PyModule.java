package dev.gilt.runtime.module;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;

/** A module: a named namespace dict. */
public class PyModule extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("module", PyModule.class);

    /** The module's globals (owned). */
    public final PyDict dict;

    public PyModule(String name) {
        this(name, new PyDict());
    }

    /** Steals {@code dict}. */
    public PyModule(String name, PyDict dict) {
        this.dict = dict;
        PyStr n = PyStr.of(name);
        dict.setItem(PyStr.intern("__name__"), n);
        RefCount.decref(n);
        if (dict.getItemStr(PyStr.intern("__doc__")) == null) dict.setItem(PyStr.intern("__doc__"), PyNone.NONE);
    }

    public String name() {
        PyObject n = dict.getItemStr(PyStr.intern("__name__"));
        return n instanceof PyStr s ? s.value : "?";
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Sets a global; the dict takes its own reference (the caller keeps its own). */
    public void set(String name, PyObject value) {
        dict.setItem(PyStr.intern(name), value);
    }

    /** Sets a global, consuming the caller's reference to {@code value}. */
    public void setSteal(String name, PyObject value) {
        dict.setItem(PyStr.intern(name), value);
        RefCount.decref(value);
    }

    /** Borrowed global or null. */
    public PyObject get(String name) {
        return dict.getItemStr(PyStr.intern(name));
    }

    public void def(String name, Fn.F0 f) {
        setSteal(name, PyBuiltinFunction.of(name, this, f));
    }

    public void def(String name, Fn.F1 f) {
        setSteal(name, PyBuiltinFunction.of(name, this, f));
    }

    public void def(String name, Fn.F2 f) {
        setSteal(name, PyBuiltinFunction.of(name, this, f));
    }

    public void def(String name, Fn.F3 f) {
        setSteal(name, PyBuiltinFunction.of(name, this, f));
    }

    public void def(String name, Fn.FV f) {
        setSteal(name, PyBuiltinFunction.of(name, this, f));
    }

    @Override
    public void traverse(Visitor v) {
        v.visit(dict);
    }

    @Override
    public void releaseReferences() {
        dict.clear();
    }
}
