package dev.gilt.stdlib.util;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;

/**
 * Attribute access for the Java-implemented stdlib types (objects without an instance dict).
 *
 * <p>The type system owns the generic {@code object.__getattribute__}; it installs it on
 * {@code object} at start-up. Our types are created in static initialisers whose order relative to
 * that bootstrap is not fixed, so {@link #install} gives them slots that delegate to object's at
 * call time and fall back to a descriptor-only lookup while object has none (unit tests run
 * without the type system).
 */
public final class Attr {
    private Attr() {}

    private static final Slots.GetAttr GET = Attr::getattr;
    private static final Slots.SetAttr SET = Attr::setattr;

    /** Gives {@code t} delegating getattr/setattr slots and a {@code __module__}. */
    public static PyType install(PyType t, String module) {
        t.getattr = GET;
        t.setattr = SET;
        if (module != null) t.define("__module__", PyStr.intern(module));
        return t;
    }

    /** Generic lookup: type attribute through its descriptor, or null. */
    public static PyObject getattr(PyObject self, PyStr name) {
        Slots.GetAttr g = PyType.OBJECT.getattr;
        if (g != null && g != GET) return g.get(self, name);
        PyType t = self.type();
        PyObject d = t.lookup(name);
        if (d == null) return null;
        Slots.DescrGet dg = d.type().descrGet;
        if (dg != null) return dg.get(d, self, t);
        return RefCount.newRef(d);
    }

    /** Generic store: only data descriptors (these objects have no __dict__). */
    public static void setattr(PyObject self, PyStr name, PyObject value) {
        Slots.SetAttr s = PyType.OBJECT.setattr;
        if (s != null && s != SET) {
            s.set(self, name, value);
            return;
        }
        PyType t = self.type();
        PyObject d = t.lookup(name);
        if (d != null && d.type().descrSet != null) {
            d.type().descrSet.set(d, self, value);
            return;
        }
        if (d != null) {
            throw Errors.attributeError("'%s' object attribute '%s' is read-only", t.name(), name.value);
        }
        throw Errors.attributeError("'%s' object has no attribute '%s'", t.name(), name.value);
    }
}
