package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.HasDict;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code weakref.ref} ({@code weakref.ReferenceType}): a reference that does not keep its referent
 * alive. Calling it returns the referent, or None once the referent died; the optional callback
 * runs (with the weakref as argument) when the referent dies. Subclassable (the stdlib's
 * {@code KeyedRef} adds a slot), so instances may carry a type, dict and slot values.
 *
 * <p>Refcounts: the referent is NOT counted; the callback is owned until it runs.
 */
public class PyWeakRef extends PyGcObject implements HasDict {
    public static final PyType TYPE = PyType.builtin("weakref.ReferenceType", PyWeakRef.class);

    static {
        TYPE.flags |= PyType.WEAKREFABLE;
        TYPE.newInstance = PyWeakRef::newInstance;
        TYPE.init = (self, args, kw) -> parseArgs("__init__", args, kw);
        TYPE.call = (self, args, kw) -> {
            if (args.length > 0) {
                throw Errors.typeError("%s() takes no arguments (%d given)", "weakref", args.length);
            }
            PyObject r = ((PyWeakRef) self).referent;
            return r == null ? PyNone.NONE : RefCount.newRef(r);
        };
        TYPE.hash = o -> ((PyWeakRef) o).hashValue();
        TYPE.richcompare = PyWeakRef::compare;
        TYPE.repr = o -> {
            PyWeakRef w = (PyWeakRef) o;
            String head = "<weakref at 0x" + Long.toHexString(RefCount.id(w));
            PyObject r = w.referent;
            if (r == null) return PyStr.of(head + "; dead>");
            String extra = "";
            try {
                PyObject n = Ops.lookupAttr(r, PyStr.intern("__name__"));
                if (n instanceof PyStr ns) extra = " (" + ns.value + ")";
                RefCount.xdecref(n);
            } catch (PyException e) {
                RefCount.decref(e.exc);
            }
            return PyStr.of(head + "; to '" + r.type().name() + "' at 0x" + Long.toHexString(RefCount.id(r)) + extra + ">");
        };
        PyGetSetDescr.define(TYPE, "__callback__", o -> {
            PyObject c = ((PyWeakRef) o).callback;
            return c == null ? PyNone.NONE : RefCount.newRef(c);
        });
    }

    /** The referent (not counted), null once it died. */
    PyObject referent;
    /** Owned; null when none or already called. */
    PyObject callback;
    private long hash = -1;
    private final PyType type;
    private PyDict dict;
    private PyObject[] slots;

    protected PyWeakRef(PyType type, PyObject referent, PyObject callback) {
        this.type = type;
        this.referent = referent;
        this.callback = callback == null || callback == PyNone.NONE ? null : RefCount.newRef(callback);
        int n = PyHeapType.slotCount(type);
        if (n > 0) slots = new PyObject[n];
    }

    private static PyObject[] parseArgs(String fn, PyObject[] args, PyTuple kw) {
        int nkw = kw == null ? 0 : kw.size();
        if (nkw > 0 && fn.equals("__new__")) throw Errors.typeError("ref() takes no keyword arguments");
        int n = args.length - nkw;
        if (n < 1) throw Errors.typeError("%s expected at least 1 argument, got %d", fn, n);
        if (n > 2) throw Errors.typeError("%s expected at most 2 arguments, got %d", fn, n);
        return args;
    }

    static PyObject newInstance(PyType type, PyObject[] args, PyTuple kw) {
        parseArgs("__new__", args, kw);
        PyObject obj = args[0];
        PyObject cb = args.length > 1 ? args[1] : null;
        return ref(type, obj, cb);
    }

    /** {@code weakref.ref(obj, callback)}: a new reference (reused when there is no callback). */
    public static PyWeakRef ref(PyObject obj, PyObject callback) {
        return ref(TYPE, obj, callback);
    }

    static PyWeakRef ref(PyType type, PyObject obj, PyObject callback) {
        WeakRefs.checkReferenceable(obj);
        if ((callback == null || callback == PyNone.NONE) && type == TYPE) {
            PyWeakRef existing = WeakRefs.findBasic(obj, type);
            if (existing != null) return RefCount.newRef(existing);
        }
        PyWeakRef r = new PyWeakRef(type, obj, callback);
        WeakRefs.register(r);
        return r;
    }

    /** The referent (borrowed), or null when dead. */
    public PyObject get() {
        return referent;
    }

    private long hashValue() {
        if (hash != -1) return hash;
        if (referent == null) throw Errors.typeError("weak object has gone away");
        hash = Ops.hash(referent);
        return hash;
    }

    private static PyObject compare(PyObject a, PyObject b, int op) {
        if ((op != Ops.EQ && op != Ops.NE) || !(b instanceof PyWeakRef wb)) return PyNotImplemented.NOT_IMPLEMENTED;
        PyWeakRef wa = (PyWeakRef) a;
        PyObject ra = wa.referent, rb = wb.referent;
        if (ra == null || rb == null) {
            boolean same = a == b;
            return PyBool.of(op == Ops.EQ ? same : !same);
        }
        return Ops.richCompare(ra, rb, op);
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
    public PyObject[] slotValues() {
        return slots;
    }

    @Override
    public void traverse(Visitor v) {
        if (callback != null) v.visit(callback);
        if (dict != null) v.visit(dict);
        if (slots != null) for (PyObject o : slots) if (o != null) v.visit(o);
    }

    @Override
    public void releaseReferences() {
        WeakRefs.unregister(this);
        referent = null;
        PyObject c = callback;
        callback = null;
        RefCount.xdecref(c);
        PyDict d = dict;
        dict = null;
        RefCount.xdecref(d);
        if (slots != null) {
            for (int i = 0; i < slots.length; i++) {
                PyObject o = slots[i];
                slots[i] = null;
                RefCount.xdecref(o);
            }
        }
    }
}
