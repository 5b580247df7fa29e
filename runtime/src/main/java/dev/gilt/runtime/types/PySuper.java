package dev.gilt.runtime.types;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;

/**
 * {@code super(type, obj)}, {@code super(type, type2)} and zero-argument {@code super()} (whose
 * arguments the interpreter supplies through {@link Interp.Hooks#superArgs}): attribute lookup
 * along the MRO of {@code type(obj)} (or {@code type2}) starting after {@code type}, binding what
 * it finds to {@code obj}.
 *
 * <p>Refcounts: owns type, obj and objType.
 */
public final class PySuper extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("super", PySuper.class);

    private static final PyStr CLASS = PyStr.intern("__class__");

    static {
        TYPE.newInstance = (type, args, kw) -> new PySuper(type);
        TYPE.init = (self, args, kw) -> ((PySuper) self).init(args, kw);
        TYPE.getattr = (self, name) -> ((PySuper) self).getAttr(name);
        TYPE.descrGet = (self, obj, type) -> {
            PySuper s = (PySuper) self;
            if (obj == null || s.obj != null) return RefCount.newRef(s);
            PySuper n = new PySuper(TYPE);
            n.set(s.thisType, obj);
            return n;
        };
        TYPE.repr = self -> {
            PySuper s = (PySuper) self;
            String t = s.thisType == null ? "NULL" : "<class '" + s.thisType.name() + "'>";
            if (s.objType != null) {
                return PyStr.of("<super: " + t + ", <" + s.objType.name() + " object>>");
            }
            return PyStr.of("<super: " + t + ", NULL>");
        };
        PyGetSetDescr.define(TYPE, "__thisclass__", o -> none(((PySuper) o).thisType));
        PyGetSetDescr.define(TYPE, "__self__", o -> none(((PySuper) o).obj));
        PyGetSetDescr.define(TYPE, "__self_class__", o -> none(((PySuper) o).objType));
    }

    private static PyObject none(PyObject o) {
        return o == null ? PyNone.NONE : RefCount.newRef(o);
    }

    private final PyType type;
    PyType thisType;
    PyObject obj;
    PyType objType;

    private PySuper(PyType type) {
        this.type = type;
    }

    /** {@code super(t, obj)} as a new reference. */
    public static PySuper of(PyType t, PyObject obj) {
        PySuper s = new PySuper(TYPE);
        s.set(t, obj);
        return s;
    }

    private void init(PyObject[] args, PyTuple kw) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("super() takes no keyword arguments");
        PyObject t, o = null;
        if (args.length == 0) {
            Interp in = Interp.main();
            PyObject[] a = in == null || in.hooks == null ? null : in.hooks.superArgs();
            if (a == null) throw Errors.runtimeError("super(): no arguments");
            t = a[0];
            o = a[1];
        } else {
            if (args.length > 2) throw Errors.typeError("super() takes at most 2 arguments (%d given)", args.length);
            t = args[0];
            if (args.length == 2 && args[1] != PyNone.NONE) o = args[1];
        }
        if (!(t instanceof PyType tt)) {
            throw Errors.typeError("super() argument 1 must be a type, not %s", t.type().name());
        }
        set(tt, o);
    }

    private void set(PyType t, PyObject o) {
        PyType ot = null;
        if (o != null) ot = checkObj(t, o);
        PyObject oldObj = obj;
        thisType = t;
        obj = o == null ? null : RefCount.newRef(o);
        objType = ot;
        RefCount.xdecref(oldObj);
    }

    /** CPython's supercheck: the type whose MRO is searched. */
    private static PyType checkObj(PyType t, PyObject o) {
        if (o instanceof PyType ot && ot.isSubtypeOf(t)) return ot;
        if (o.type().isSubtypeOf(t)) return o.type();
        PyObject cls = dev.gilt.runtime.ops.Ops.lookupAttr(o, CLASS);
        if (cls != null) {
            RefCount.decref(cls);
            if (cls instanceof PyType ct && ct != o.type() && ct.isSubtypeOf(t)) return ct;
        }
        throw Errors.typeError("super(type, obj): obj must be an instance or subtype of type");
    }

    private PyObject getAttr(PyStr name) {
        if (objType != null && !name.value.equals("__class__")) {
            PyObject r = lookupIn(objType, thisType, obj == objType ? null : obj, name);
            if (r != null) return r;
        }
        return GenericAttr.getAttr(this, name);
    }

    /** Looks {@code name} up in {@code start}'s MRO after {@code after}, bound to {@code obj}. */
    private static PyObject lookupIn(PyType start, PyType after, PyObject obj, PyStr name) {
        PyType[] mro = start.mro;
        int i = 0;
        while (i < mro.length && mro[i] != after) i++;
        for (i++; i < mro.length; i++) {
            PyType m = mro[i];
            if ((m.flags & PyType.READY) == 0) TypeReady.ready(m);
            PyObject res = m.dict.getItemStr(name);
            if (res != null) {
                Slots.DescrGet g = res.type().descrGet;
                if (g != null) return g.get(res, obj, start);
                return RefCount.newRef(res);
            }
        }
        return null;
    }

    /** {@code super(t, t).name} for class creation (__init_subclass__): new reference or null. */
    static PyObject lookupAfter(PyType t, PyType obj, PyStr name) {
        return lookupIn(t, t, null, name);
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public void traverse(Visitor v) {
        if (obj != null) v.visit(obj);
    }

    @Override
    public void releaseReferences() {
        PyObject o = obj;
        obj = null;
        RefCount.xdecref(o);
    }
}
