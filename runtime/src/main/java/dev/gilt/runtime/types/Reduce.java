package dev.gilt.runtime.types;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code object.__reduce_ex__}, {@code __reduce__} and {@code __getstate__}: the default pickling
 * protocol (CPython's typeobject.c reduce_newobj / copyreg._reduce_ex). The {@code copyreg} module
 * (stdlib) supplies {@code __newobj__} and {@code _reduce_ex}.
 */
final class Reduce {
    private Reduce() {}

    /** __getstate__: the instance dict (or None when empty), paired with the slot values if any. */
    static PyObject getState(PyObject self) {
        PyObject state = PyNone.NONE;
        PyDict d = GenericAttr.dictOf(self, false);
        if (d != null && d.size() > 0) state = RefCount.newRef(d);
        if (self.type() instanceof PyHeapType h && h.nslots > 0) {
            PyDict slots = new PyDict();
            for (int i = h.mro.length - 1; i >= 0; i--) {
                if (!(h.mro[i] instanceof PyHeapType m)) continue;
                for (String n : m.ownSlots) {
                    PyObject v = GenericAttr.getAttr(self, PyStr.intern(n));
                    if (v != null) {
                        slots.setItem(PyStr.intern(n), v);
                        RefCount.decref(v);
                    }
                }
            }
            if (slots.size() == 0) {
                RefCount.decref(slots);
                return state;
            }
            return PyTuple.steal(state, slots);
        }
        return state;
    }

    static PyObject reduceEx(PyObject self, int protocol) {
        PyObject reduce = self.type().lookup("__reduce__");
        PyObject objectReduce = PyType.OBJECT.dict.getItemStr(PyStr.intern("__reduce__"));
        if (reduce != null && reduce != objectReduce) {
            return Dunder.callDescr(reduce, self, new PyObject[0], null);
        }
        return reduce(self, protocol);
    }

    static PyObject reduce(PyObject self, int protocol) {
        PyObject copyreg = copyreg();
        try {
            if (protocol < 2) {
                PyObject p = PyInt.of(protocol);
                try {
                    return Ops.callMethod(copyreg, "_reduce_ex", self, p);
                } finally {
                    RefCount.decref(p);
                }
            }
            PyObject newobj = Ops.getAttr(copyreg, "__newobj__");
            PyObject args = newArgs(self);
            PyObject state = null;
            try {
                PyObject cls = self.type();
                PyTuple a = (PyTuple) args;
                PyObject[] all = new PyObject[a.size() + 1];
                all[0] = cls;
                System.arraycopy(a.items, 0, all, 1, a.size());
                PyTuple callArgs = PyTuple.of(all);
                state = Dunder.call(self, PyStr.intern("__getstate__"));
                PyObject listitems = self.type().isSubtypeOf(PyList.TYPE) ? Ops.iter(self) : RefCount.newRef(PyNone.NONE);
                PyObject dictitems;
                if (self.type().isSubtypeOf(PyType.DICT)) {
                    PyObject items = Ops.callMethod(self, "items");
                    dictitems = Ops.iter(items);
                    RefCount.decref(items);
                } else {
                    dictitems = RefCount.newRef(PyNone.NONE);
                }
                PyObject s = state;
                state = null;
                return PyTuple.steal(RefCount.newRef(newobj), callArgs, s, listitems, dictitems);
            } finally {
                RefCount.decref(newobj);
                RefCount.decref(args);
                RefCount.xdecref(state);
            }
        } finally {
            RefCount.decref(copyreg);
        }
    }

    private static PyObject newArgs(PyObject self) {
        PyObject gna = Dunder.lookupSpecial(self, "__getnewargs__");
        if (gna == null) return PyTuple.EMPTY;
        try {
            PyObject r = Ops.call(gna);
            if (!(r instanceof PyTuple)) {
                String tn = r.type().name();
                RefCount.decref(r);
                throw Errors.typeError("__getnewargs__ should return a tuple, not '%s'", tn);
            }
            return r;
        } finally {
            RefCount.decref(gna);
        }
    }

    private static PyObject copyreg() {
        Interp in = Interp.main();
        if (in != null) {
            PyObject m = in.modules.getItemStr(PyStr.intern("copyreg"));
            if (m != null) return RefCount.newRef(m);
            if (in.hooks != null) return in.hooks.importModule("copyreg", null, null, 0);
        }
        throw Errors.of(dev.gilt.runtime.error.PyExc.ModuleNotFoundError, "No module named 'copyreg'");
    }
}
