package dev.gilt.runtime.types;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;
import dev.gilt.runtime.ops.Ops;

/**
 * Calling special methods the way the interpreter does (CPython's lookup_maybe_method and
 * vectorcall_method): the method is looked up on the type, never the instance, and bound to the
 * instance through its descriptor protocol; function-like descriptors (types flagged
 * {@link PyType#METHOD_DESCRIPTOR}) are called with the instance prepended instead of being bound,
 * which saves the bound-method object.
 *
 * <p>Refcounts: arguments borrowed; results new references. The looked-up descriptor is held
 * (incref'd) for the duration of the call, since the call may rebind the class attribute.
 */
public final class Dunder {
    private Dunder() {}

    /** Calls {@code descr} (found on {@code type(self)}) as a method of {@code self}. */
    public static PyObject callDescr(PyObject descr, PyObject self, PyObject[] args, PyTuple kwnames) {
        PyType dt = descr.type();
        RefCount.incref(descr);
        try {
            if ((dt.flags & PyType.METHOD_DESCRIPTOR) != 0) {
                PyObject[] a = new PyObject[args.length + 1];
                a[0] = self;
                System.arraycopy(args, 0, a, 1, args.length);
                return Ops.call(descr, a, kwnames);
            }
            Slots.DescrGet g = dt.descrGet;
            if (g == null) return Ops.call(descr, args, kwnames);
            PyObject bound = g.get(descr, self, self.type());
            try {
                return Ops.call(bound, args, kwnames);
            } finally {
                RefCount.decref(bound);
            }
        } finally {
            RefCount.decref(descr);
        }
    }

    /** {@code type(self).name(self, *args)}, or null when the type has no such attribute. */
    public static PyObject callMaybe(PyObject self, PyStr name, PyObject... args) {
        PyObject descr = self.type().lookup(name);
        if (descr == null) return null;
        return callDescr(descr, self, args, null);
    }

    /** Like {@link #callMaybe} but returns NotImplemented (a new reference) when absent. */
    public static PyObject callOrNotImplemented(PyObject self, PyStr name, PyObject... args) {
        PyObject descr = self.type().lookup(name);
        if (descr == null) return PyNotImplemented.NOT_IMPLEMENTED;
        return callDescr(descr, self, args, null);
    }

    /** {@code type(self).name(self, *args)}; raises AttributeError(name) when absent, as CPython. */
    public static PyObject call(PyObject self, PyStr name, PyObject... args) {
        PyObject descr = self.type().lookup(name);
        if (descr == null) throw dev.gilt.runtime.error.Errors.attributeError(name.value);
        return callDescr(descr, self, args, null);
    }

    /**
     * The special method bound to {@code self} (new reference), or null: CPython's
     * _PyObject_LookupSpecial, used by with-statements, format(), round(), dir()...
     */
    public static PyObject lookupSpecial(PyObject self, PyStr name) {
        PyObject descr = self.type().lookup(name);
        if (descr == null) return null;
        Slots.DescrGet g = descr.type().descrGet;
        if (g == null) return RefCount.newRef(descr);
        return g.get(descr, self, self.type());
    }

    public static PyObject lookupSpecial(PyObject self, String name) {
        return lookupSpecial(self, PyStr.intern(name));
    }
}
