package dev.gilt.stdlib.weakref;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.types.PyWeakProxy;
import dev.gilt.runtime.types.PyWeakRef;
import dev.gilt.runtime.types.WeakRefs;
import dev.gilt.stdlib.util.Args;

/**
 * {@code _weakref}: the weak reference types of the runtime (runtime/types PyWeakRef,
 * PyWeakProxy, WeakRefs) under their CPython names; lib/weakref.py builds the weak containers
 * and finalize on them.
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
        m.def("proxy", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("proxy", kw);
            Args.count("proxy", args, 1, 2);
            return PyWeakProxy.proxy(args[0], args.length > 1 ? args[1] : PyNone.NONE);
        });
        m.def("getweakrefcount", (Fn.F1) (mod, o) -> PyInt.of(WeakRefs.getWeakRefCount(o)));
        m.def("getweakrefs", (Fn.F1) (mod, o) -> WeakRefs.getWeakRefs(o));
        m.def("_remove_dead_weakref", (Fn.F2) (mod, d, key) -> {
            if (d instanceof PyDict dict) {
                var v = dict.getItem(key);
                if (v instanceof PyWeakRef r && isDead(r)) dict.delItem(key);
            }
            return PyNone.NONE;
        });
        return m;
    }

    static boolean isDead(PyWeakRef r) {
        return r.get() == null;
    }
}
