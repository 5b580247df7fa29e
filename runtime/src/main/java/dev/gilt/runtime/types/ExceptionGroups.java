package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code BaseExceptionGroup} and {@code ExceptionGroup} (PEP 654): a message and a non-empty
 * tuple of exceptions, with {@code subgroup}, {@code split} and {@code derive}. ExceptionGroup
 * has two bases (BaseExceptionGroup and Exception), so it is built here rather than in PyExc.
 * The message and the exceptions live in {@link PyBaseException#fields}.
 */
public final class ExceptionGroups {
    private ExceptionGroups() {}

    static final int EG_MESSAGE = 0, EG_EXCEPTIONS = 1;

    /** Builtin type with several bases (only ExceptionGroup needs one). */
    private static final class MultiBaseType extends PyType {
        MultiBaseType(String name, Class<?> javaClass, PyType base, PyType[] bases) {
            super(name, javaClass, base, bases, false);
            this.mro = TypeNew.c3(this);
            for (PyType b : bases) b.addSubclass(this);
            inheritSlots(base);
            dev.gilt.runtime.memory.RefCount.immortalize(this);
        }
    }

    public static final PyType BaseExceptionGroup;
    public static final PyType ExceptionGroup;

    static {
        BaseExceptionGroup = PyType.builtin("BaseExceptionGroup", PyBaseException.class, PyExc.BaseException);
        BaseExceptionGroup.flags |= PyType.EXCEPTION | PyType.HAS_DICT;
        BaseExceptionGroup.newInstance = ExceptionGroups::newGroup;
        BaseExceptionGroup.init = (self, args, kw) -> {
            if (kw != null && kw.size() > 0) {
                throw Errors.typeError("%s() takes no keyword arguments", TypeSlots.shortName(self.type()));
            }
        };
        BaseExceptionGroup.str = ExceptionGroups::str;
        ExceptionGroup = new MultiBaseType("ExceptionGroup", PyBaseException.class, BaseExceptionGroup,
                new PyType[] {BaseExceptionGroup, PyExc.Exception});
        ExceptionGroup.flags |= PyType.EXCEPTION | PyType.HAS_DICT;
    }

    /** Called when BaseExceptionGroup is readied: its methods and attributes. */
    static void defineMethods(PyType t) {
        PyGetSetDescr.define(t, "message", self -> none(field(self, EG_MESSAGE)));
        PyGetSetDescr.define(t, "exceptions", self -> none(field(self, EG_EXCEPTIONS)));
        PyMethodDescr.define(t, "derive", (Fn.F1) (self, excs) -> derive(self, excs));
        PyMethodDescr.define(t, "subgroup", (Fn.F1) (self, cond) -> {
            PyObject[] r = split(self, cond, false);
            return r[0] == null ? PyNone.NONE : r[0];
        });
        PyMethodDescr.define(t, "split", (Fn.F1) (self, cond) -> {
            PyObject[] r = split(self, cond, true);
            return PyTuple.steal(r[0] == null ? PyNone.NONE : r[0], r[1] == null ? PyNone.NONE : r[1]);
        });
        t.define("__class_getitem__", GenericAlias.classGetItem(t));
    }

    private static PyObject field(PyObject self, int i) {
        PyObject[] f = ((PyBaseException) self).fields;
        return f == null ? null : f[i];
    }

    private static PyObject none(PyObject o) {
        return o == null ? PyNone.NONE : RefCount.newRef(o);
    }

    /** BaseExceptionGroup.__new__(cls, message, exceptions). */
    static PyObject newGroup(PyType type, PyObject[] args, PyTuple kw) {
        int nkw = kw == null ? 0 : kw.size();
        int npos = args.length - nkw;
        if (nkw > 0 && type.init == BaseExceptionGroup.init) {
            throw Errors.typeError("%s() takes no keyword arguments", TypeSlots.shortName(type));
        }
        if (npos != 2) {
            throw Errors.typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", npos);
        }
        if (!(args[0] instanceof PyStr)) {
            throw Errors.typeError("BaseExceptionGroup.__new__() argument 1 must be str, not %s", args[0].type().name());
        }
        PyObject seq = args[1];
        if (seq.type().getitem == null || seq.type().len == null || seq.type().isSubtypeOf(PyType.DICT)) {
            throw Errors.typeError("second argument (exceptions) must be a sequence");
        }
        List<PyObject> items = new ArrayList<>();
        PyObject it = Ops.iter(seq);
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) items.add(x);
        } finally {
            RefCount.decref(it);
        }
        try {
            if (items.isEmpty()) throw Errors.valueError("second argument (exceptions) must be a non-empty sequence");
            boolean allExceptions = true;
            for (int i = 0; i < items.size(); i++) {
                PyObject e = items.get(i);
                if (!(e instanceof PyBaseException)) {
                    throw Errors.valueError("Item %d of second argument (exceptions) is not an exception", i);
                }
                if (!e.type().isSubtypeOf(PyExc.Exception)) allExceptions = false;
            }
            if (type == BaseExceptionGroup) {
                if (allExceptions) type = ExceptionGroup;
            } else if (type == ExceptionGroup) {
                if (!allExceptions) throw Errors.typeError("Cannot nest BaseExceptions in an ExceptionGroup");
            } else if (!allExceptions && type.isSubtypeOf(PyExc.Exception)) {
                throw Errors.typeError("Cannot nest BaseExceptions in a '%s'", type.name());
            }
            PyBaseException g = new PyBaseException(type, PyTuple.of(args[0], seq));
            g.fields = new PyObject[] {RefCount.newRef(args[0]), PyTuple.of(items.toArray(new PyObject[0]))};
            return g;
        } finally {
            for (PyObject o : items) RefCount.decref(o);
        }
    }

    static PyObject str(PyObject self) {
        PyObject msg = field(self, EG_MESSAGE);
        PyObject excs = field(self, EG_EXCEPTIONS);
        int n = excs instanceof PyTuple t ? t.size() : 0;
        return PyStr.of((msg == null ? "" : Ops.strString(msg)) + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")");
    }

    static PyObject derive(PyObject self, PyObject excs) {
        PyObject msg = field(self, EG_MESSAGE);
        return Ops.call(BaseExceptionGroup, msg == null ? PyStr.EMPTY : msg, excs);
    }

    /** Does leaf or group {@code e} match the condition (a type, a tuple of types, or a predicate)? */
    private static boolean matches(PyObject e, PyObject cond) {
        if (cond instanceof PyType || cond instanceof PyTuple) {
            if (cond instanceof PyType ct && !ct.isSubtypeOf(PyExc.BaseException)) {
                throw Errors.typeError("expected an exception type, a tuple of exception types, or a callable (other than a class)");
            }
            return InstanceChecks.isInstance(e, cond);
        }
        if (cond.type().call == null) {
            throw Errors.typeError("expected an exception type, a tuple of exception types, or a callable (other than a class)");
        }
        PyObject r = Ops.call(cond, e);
        try {
            return Ops.isTrue(r);
        } finally {
            RefCount.decref(r);
        }
    }

    /** [match, rest] (new references or null); rest only computed when {@code wantRest}. */
    static PyObject[] split(PyObject self, PyObject cond, boolean wantRest) {
        if (matches(self, cond)) return new PyObject[] {RefCount.newRef(self), null};
        PyTuple excs = (PyTuple) field(self, EG_EXCEPTIONS);
        List<PyObject> match = new ArrayList<>(), rest = new ArrayList<>();
        try {
            for (PyObject e : excs.items) {
                if (e.type().isSubtypeOf(BaseExceptionGroup)) {
                    PyObject[] sub = split(e, cond, wantRest);
                    if (sub[0] != null) match.add(sub[0]);
                    if (sub[1] != null) rest.add(sub[1]);
                } else if (matches(e, cond)) {
                    match.add(RefCount.newRef(e));
                } else if (wantRest) {
                    rest.add(RefCount.newRef(e));
                }
            }
            PyObject m = match.isEmpty() ? null : derived(self, match);
            PyObject r = rest.isEmpty() ? null : derived(self, rest);
            return new PyObject[] {m, r};
        } finally {
            for (PyObject o : match) RefCount.decref(o);
            for (PyObject o : rest) RefCount.decref(o);
        }
    }

    /** self.derive(items) with self's traceback, cause, context and notes copied over. */
    private static PyObject derived(PyObject self, List<PyObject> items) {
        PyList l = new PyList(items.size());
        for (PyObject o : items) l.append(o);
        PyObject g;
        try {
            g = Ops.callMethod(self, "derive", l);
        } finally {
            RefCount.decref(l);
        }
        if (!(g instanceof PyBaseException ng)) {
            RefCount.decref(g);
            throw Errors.typeError("derive must return an instance of BaseExceptionGroup");
        }
        PyBaseException src = (PyBaseException) self;
        ng.traceback = src.traceback == null ? null : RefCount.newRef(src.traceback);
        ng.cause = src.cause == null ? null : RefCount.newRef(src.cause);
        ng.context = src.context == null ? null : RefCount.newRef(src.context);
        ng.suppressContext = src.suppressContext;
        if (src.dict != null) {
            PyObject notes = src.dict.getItemStr(PyStr.intern("__notes__"));
            if (notes != null) {
                PyDict d = ng.dict();
                d.setItem(PyStr.intern("__notes__"), notes);
            }
        }
        return ng;
    }

    /** Forces the types into existence (the builtins module lists them). */
    public static PyType[] types() {
        return new PyType[] {BaseExceptionGroup, ExceptionGroup};
    }
}
