package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.HasDict;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code property(fget=None, fset=None, fdel=None, doc=None)}: a data descriptor calling Python
 * functions to get, set and delete an attribute. The name it is stored under (recorded by
 * {@code __set_name__}) appears in the error messages, as in CPython 3.11+.
 *
 * <p>Refcounts: owns fget, fset, fdel and doc (null fields mean None).
 */
public final class PyProperty extends PyGcObject implements HasDict {
    public static final PyType TYPE = PyType.builtin("property", PyProperty.class);

    private static final ArgParser ARGS = ArgParser.of("property", 0, 0, "fget", "fset", "fdel", "doc");
    private static final PyStr DOC = PyStr.intern("__doc__");

    static {
        TYPE.newInstance = (type, args, kw) -> new PyProperty(type);
        TYPE.init = (self, args, kw) -> ((PyProperty) self).init(args, kw);
        TYPE.descrGet = (d, obj, type) -> ((PyProperty) d).get(obj);
        TYPE.descrSet = (d, obj, value) -> ((PyProperty) d).set(obj, value);
        PyGetSetDescr.define(TYPE, "fget", o -> noneIfNull(((PyProperty) o).fget));
        PyGetSetDescr.define(TYPE, "fset", o -> noneIfNull(((PyProperty) o).fset));
        PyGetSetDescr.define(TYPE, "fdel", o -> noneIfNull(((PyProperty) o).fdel));
        PyGetSetDescr.define(TYPE, "__doc__", o -> {
            PyProperty p = (PyProperty) o;
            if (p.dict != null) {
                PyObject d = p.dict.getItemStr(DOC);
                if (d != null) return RefCount.newRef(d);
            }
            return noneIfNull(p.doc);
        }, (o, v) -> {
            PyProperty p = (PyProperty) o;
            if (p.type != TYPE) {
                if (v == null) {
                    p.getDict(true).delItem(DOC);
                } else {
                    p.getDict(true).setItem(DOC, v);
                }
                return;
            }
            PyObject old = p.doc;
            p.doc = v == null || v == PyNone.NONE ? null : RefCount.newRef(v);
            RefCount.xdecref(old);
        });
        PyGetSetDescr.define(TYPE, "__isabstractmethod__", o -> {
            PyProperty p = (PyProperty) o;
            for (PyObject f : new PyObject[] {p.fget, p.fset, p.fdel}) {
                if (f == null) continue;
                PyObject v = Ops.lookupAttr(f, PyStr.intern("__isabstractmethod__"));
                if (v != null) {
                    boolean b = Ops.isTrue(v);
                    RefCount.decref(v);
                    if (b) return PyBool.TRUE;
                }
            }
            return PyBool.FALSE;
        });
        PyMethodDescr.define(TYPE, "getter", (Fn.F1) (self, f) -> ((PyProperty) self).copy(f, 0));
        PyMethodDescr.define(TYPE, "setter", (Fn.F1) (self, f) -> ((PyProperty) self).copy(f, 1));
        PyMethodDescr.define(TYPE, "deleter", (Fn.F1) (self, f) -> ((PyProperty) self).copy(f, 2));
        PyMethodDescr.define(TYPE, "__set_name__", (Fn.F2) (self, owner, name) -> {
            PyProperty p = (PyProperty) self;
            PyObject old = p.name;
            p.name = RefCount.newRef(name);
            RefCount.xdecref(old);
            return PyNone.NONE;
        });
    }

    private final PyType type;
    PyObject fget, fset, fdel, doc, name;
    /** The doc came from fget.__doc__ (so getter() refreshes it). */
    boolean getterDoc;
    private PyDict dict;

    private PyProperty(PyType type) {
        this.type = type;
    }

    /** {@code property(fget, fset, fdel, doc)}; arguments borrowed, null for None. */
    public static PyProperty of(PyObject fget, PyObject fset, PyObject fdel, PyObject doc) {
        PyProperty p = new PyProperty(TYPE);
        p.setAll(fget, fset, fdel, doc);
        return p;
    }

    private static PyObject noneIfNull(PyObject o) {
        return o == null ? PyNone.NONE : RefCount.newRef(o);
    }

    private static PyObject nn(PyObject o) {
        return o == null || o == PyNone.NONE ? null : o;
    }

    private void init(PyObject[] args, dev.gilt.runtime.object.PyTuple kw) {
        int nkw = kw == null ? 0 : kw.size();
        if (args.length - nkw > 4) {
            throw Errors.typeError("property() takes at most 4 arguments (%d given)", args.length - nkw);
        }
        for (int i = 0; i < nkw; i++) {
            String k = ((PyStr) kw.get(i)).value;
            if (!k.equals("fget") && !k.equals("fset") && !k.equals("fdel") && !k.equals("doc")) {
                throw Errors.typeError("'%s' is an invalid keyword argument for property()", k);
            }
        }
        PyObject[] a = ARGS.parse(args, kw);
        setAll(a[0], a[1], a[2], a[3]);
    }

    private void setAll(PyObject g, PyObject s, PyObject d, PyObject docArg) {
        PyObject og = fget, os = fset, od = fdel, odoc = doc;
        fget = nn(g) == null ? null : RefCount.newRef(g);
        fset = nn(s) == null ? null : RefCount.newRef(s);
        fdel = nn(d) == null ? null : RefCount.newRef(d);
        doc = nn(docArg) == null ? null : RefCount.newRef(docArg);
        getterDoc = false;
        if (doc == null && fget != null) {
            PyObject gd = null;
            try {
                gd = Ops.lookupAttr(fget, DOC);
            } catch (PyException e) {
                RefCount.decref(e.exc);
            }
            if (gd != null && gd != PyNone.NONE) {
                if (type == TYPE) {
                    doc = gd;
                    gd = null;
                } else {
                    getDict(true).setItem(DOC, gd);
                }
                getterDoc = true;
            }
            RefCount.xdecref(gd);
        }
        RefCount.xdecref(og);
        RefCount.xdecref(os);
        RefCount.xdecref(od);
        RefCount.xdecref(odoc);
    }

    /** getter/setter/deleter: a new property of the same type with one function replaced. */
    private PyObject copy(PyObject f, int which) {
        PyObject g = which == 0 ? f : fget, s = which == 1 ? f : fset, d = which == 2 ? f : fdel;
        PyObject docArg = getterDoc && which == 0 ? PyNone.NONE : (doc == null ? PyNone.NONE : doc);
        PyObject r;
        if (type == TYPE) {
            PyProperty p = new PyProperty(TYPE);
            p.setAll(g, s, d, docArg);
            r = p;
        } else {
            r = Ops.call(type, nz(g), nz(s), nz(d), docArg);
        }
        if (name != null && r instanceof PyProperty rp && rp.name == null) rp.name = RefCount.newRef(name);
        return r;
    }

    private static PyObject nz(PyObject o) {
        return o == null ? PyNone.NONE : o;
    }

    private String what(PyObject obj) {
        String n = name instanceof PyStr s && TypeNew.isIdentifier(s.value) ? " '" + s.value + "'"
                : name != null ? " " + Ops.reprString(name) : "";
        return "property" + n + " of '" + TypeSlots.shortName(obj.type()) + "' object";
    }

    PyObject get(PyObject obj) {
        if (obj == null) return RefCount.newRef(this);
        if (fget == null) throw Errors.attributeError("%s has no getter", what(obj));
        return Ops.call(fget, obj);
    }

    void set(PyObject obj, PyObject value) {
        if (value == null) {
            if (fdel == null) throw Errors.attributeError("%s has no deleter", what(obj));
            RefCount.decref(Ops.call(fdel, obj));
        } else {
            if (fset == null) throw Errors.attributeError("%s has no setter", what(obj));
            RefCount.decref(Ops.call(fset, obj, value));
        }
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyDict getDict(boolean create) {
        if (dict == null && create && (type.flags & PyType.HAS_DICT) != 0) dict = new PyDict();
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
        for (PyObject o : new PyObject[] {fget, fset, fdel, doc, name, dict}) if (o != null) v.visit(o);
    }

    @Override
    public void releaseReferences() {
        PyObject[] all = {fget, fset, fdel, doc, name, dict};
        fget = fset = fdel = doc = name = null;
        dict = null;
        for (PyObject o : all) RefCount.xdecref(o);
    }
}
