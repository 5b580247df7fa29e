package dev.gilt.runtime.builtins;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.PyWeakProxy;
import dev.gilt.runtime.types.PyWeakRef;
import dev.gilt.runtime.types.WeakRefs;

/**
 * {@code _weakref}: the weak reference core as CPython's C module exposes it (ref, proxy,
 * getweakrefcount, getweakrefs, the reference and proxy types, _remove_dead_weakref). The
 * {@code weakref} module (WeakValueDictionary, finalize...) is written on top of it.
 */
public final class WeakrefModule implements ModuleProvider {
    @Override
    public String name() {
        return "_weakref";
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_weakref");
        m.set("ref", PyWeakRef.TYPE);
        m.set("ReferenceType", PyWeakRef.TYPE);
        m.set("ProxyType", PyWeakProxy.PROXY);
        m.set("CallableProxyType", PyWeakProxy.CALLABLE);
        m.def("getweakrefcount", (Fn.F1) (self, o) -> PyInt.of(WeakRefs.getWeakRefCount(o)));
        m.def("getweakrefs", (Fn.F1) (self, o) -> WeakRefs.getWeakRefs(o));
        m.def("proxy", (Fn.FV) (self, args, kw) -> {
            Builtins.noKeywords("proxy", kw);
            if (args.length < 1 || args.length > 2) {
                throw Errors.typeError("proxy expected at most 2 arguments, got %d", args.length);
            }
            return PyWeakProxy.proxy(args[0], args.length > 1 ? args[1] : null);
        });
        m.def("_remove_dead_weakref", (Fn.F2) (self, d, key) -> {
            // Deletes d[key] only if its value is a dead weak reference (WeakValueDictionary).
            PyObject v;
            try {
                v = Ops.getItem(d, key);
            } catch (dev.gilt.runtime.error.PyException e) {
                if (!e.matches(dev.gilt.runtime.error.PyExc.KeyError)) throw e;
                dev.gilt.runtime.memory.RefCount.decref(e.exc);
                return PyNone.NONE;
            }
            boolean dead = v instanceof PyWeakRef w && w.get() == null;
            dev.gilt.runtime.memory.RefCount.decref(v);
            if (dead) Ops.delItem(d, key);
            return PyNone.NONE;
        });
        return m;
    }
}
