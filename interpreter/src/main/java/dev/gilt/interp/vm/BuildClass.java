package dev.gilt.interp.vm;

import dev.gilt.runtime.object.PyCell;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code builtins.__build_class__(func, name, *bases, metaclass=None, **kwds)}: runs a class
 * body and calls the metaclass, as CPython's bltinmodule.c does — __mro_entries__, metaclass
 * calculation, __prepare__, {@code __orig_bases__}, and the {@code __class__} cell check.
 */
final class BuildClass {
    private BuildClass() {}

    private static final PyStr S_METACLASS = PyStr.intern("metaclass"), S_MRO_ENTRIES = PyStr.intern("__mro_entries__"),
            S_PREPARE = PyStr.intern("__prepare__"), S_ORIG_BASES = PyStr.intern("__orig_bases__"),
            S_CLASSCELL = PyStr.intern("__classcell__");

    static PyObject build(PyObject[] args, PyTuple kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.size();
        int npos = args.length - nkw;
        if (npos < 2) throw Errors.typeError("__build_class__: not enough arguments");
        if (!(args[0] instanceof PyFunction func)) throw Errors.typeError("__build_class__: func must be a function");
        if (!(args[1] instanceof PyStr name)) throw Errors.typeError("__build_class__: name is not a string");
        PyObject[] origBases = Arrays.copyOfRange(args, 2, npos);

        // Keywords other than metaclass go to __prepare__ and the metaclass call.
        PyObject meta = null;
        List<PyObject> kwVals = new ArrayList<>();
        List<PyObject> kwNames = new ArrayList<>();
        for (int i = 0; i < nkw; i++) {
            PyObject k = kwnames.get(i);
            if (k instanceof PyStr ks && ks.value.equals("metaclass")) {
                meta = args[npos + i];
            } else {
                kwNames.add(k);
                kwVals.add(args[npos + i]);
            }
        }
        PyTuple kwt = kwNames.isEmpty() ? null : PyTuple.of(kwNames.toArray(new PyObject[0]));
        PyTuple bases = resolveMroEntries(origBases);
        PyObject ns = null;
        try {
            boolean isClass;
            if (meta == null) {
                meta = bases.size() == 0 ? PyType.TYPE : bases.get(0).type();
                isClass = true;
            } else {
                isClass = meta instanceof PyType;
            }
            if (isClass) meta = calculateMeta((PyType) meta, bases);
            RefCount.incref(meta);
            try {
                ns = prepare(meta, name, bases, kwVals, kwt);
                PyObject cell = runBody(func, ns);
                try {
                    if (bases.items != origBases && !Arrays.equals(bases.items, origBases)) {
                        PyTuple ob = PyTuple.of(origBases);
                        try {
                            Ops.setItem(ns, S_ORIG_BASES, ob);
                        } finally {
                            RefCount.decref(ob);
                        }
                    }
                    PyObject[] margs = new PyObject[3 + kwVals.size()];
                    margs[0] = name;
                    margs[1] = bases;
                    margs[2] = ns;
                    for (int i = 0; i < kwVals.size(); i++) margs[3 + i] = kwVals.get(i);
                    PyObject cls = VmOps.call(meta, margs, kwt);
                    checkClassCell(cell, cls, name);
                    return cls;
                } finally {
                    RefCount.xdecref(cell);
                }
            } finally {
                RefCount.decref(meta);
            }
        } finally {
            RefCount.xdecref(ns);
            RefCount.decref(bases);
            RefCount.xdecref(kwt);
        }
    }

    /** PEP 560: bases that are not classes may substitute themselves via __mro_entries__. */
    private static PyTuple resolveMroEntries(PyObject[] bases) {
        boolean any = false;
        for (PyObject b : bases) if (!(b instanceof PyType) && b.type().lookup(S_MRO_ENTRIES) != null) any = true;
        if (!any) return PyTuple.of(bases);
        PyTuple orig = PyTuple.of(bases);
        List<PyObject> out = new ArrayList<>();
        try {
            for (PyObject b : bases) {
                if (b instanceof PyType || b.type().lookup(S_MRO_ENTRIES) == null) {
                    out.add(RefCount.newRef(b));
                    continue;
                }
                PyObject r = Ops.callMethod(b, "__mro_entries__", orig);
                try {
                    if (!(r instanceof PyTuple t)) throw Errors.typeError("__mro_entries__ must return a tuple");
                    for (PyObject o : t.items) out.add(RefCount.newRef(o));
                } finally {
                    RefCount.decref(r);
                }
            }
        } catch (PyException e) {
            for (PyObject o : out) RefCount.decref(o);
            throw e;
        } finally {
            RefCount.decref(orig);
        }
        return PyTuple.steal(out.toArray(new PyObject[0]));
    }

    /** The most derived metaclass among {@code meta} and the bases' types (CPython's _PyType_CalculateMetaclass). */
    static PyType calculateMeta(PyType meta, PyTuple bases) {
        PyType winner = meta;
        for (PyObject b : bases.items) {
            PyType t = b.type();
            if (winner.isSubtypeOf(t)) continue;
            if (t.isSubtypeOf(winner)) {
                winner = t;
                continue;
            }
            throw Errors.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                    + "subclass of the metaclasses of all its bases");
        }
        return winner;
    }

    private static PyObject prepare(PyObject meta, PyStr name, PyTuple bases, List<PyObject> kwVals, PyTuple kwt) {
        PyObject prep = Ops.lookupAttr(meta, S_PREPARE);
        if (prep == null) return new PyDict();
        PyObject ns;
        try {
            PyObject[] pargs = new PyObject[2 + kwVals.size()];
            pargs[0] = name;
            pargs[1] = bases;
            for (int i = 0; i < kwVals.size(); i++) pargs[2 + i] = kwVals.get(i);
            ns = VmOps.call(prep, pargs, kwt);
        } finally {
            RefCount.decref(prep);
        }
        if (!(ns instanceof PyDict) && ns.type().getitem == null) {
            String mn = meta instanceof PyType t ? t.name() + ".__prepare__()" : "<metaclass>.__prepare__()";
            String tn = ns.type().name();
            RefCount.decref(ns);
            throw Errors.typeError("%s must return a mapping, not %s", mn, tn);
        }
        return ns;
    }

    /** Runs the class body with {@code ns} as its locals; returns what it returns (the __class__ cell or None). */
    private static PyObject runBody(PyFunction func, PyObject ns) {
        Frame f = new Frame(func, ns);
        return Interpreter.runFunctionFrame(ThreadState.current(), f);
    }

    private static void checkClassCell(PyObject cell, PyObject cls, PyStr name) {
        if (!(cell instanceof PyCell c)) return;
        if (c.get() == null && cls instanceof PyType t) {
            // The type system did not consume __classcell__: do its part here.
            c.set(cls);
            if (t.dict.getItemStr(S_CLASSCELL) != null) t.dict.delItem(S_CLASSCELL);
        }
        if (c.get() != cls) {
            RefCount.decref(cls);
            throw Errors.typeError("__class__ set to %s defining '%s' as %s", Ops.reprString(c.get()), name.value,
                    Ops.reprString(cls));
        }
    }
}
