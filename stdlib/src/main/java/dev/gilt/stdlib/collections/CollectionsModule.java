package dev.gilt.stdlib.collections;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Iter;

/**
 * {@code _collections}: the parts of collections that want Java speed — deque and the counting
 * loop of Counter (_count_elements). collections/__init__.py builds the rest on them.
 */
public final class CollectionsModule implements ModuleProvider {
    @Override
    public String name() {
        return "_collections";
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_collections");
        m.set("deque", PyDeque.TYPE);
        m.set("_deque_iterator", PyDeque.ITER);
        m.set("_deque_reverse_iterator", PyDeque.RITER);
        m.def("_count_elements", (Fn.F2) (mod, mapping, iterable) -> {
            boolean exactDict = mapping.type() == dev.gilt.runtime.object.PyType.DICT;
            PyInt one = PyInt.of(1);
            try (Iter it = Iter.of(iterable)) {
                PyObject x;
                while ((x = it.next()) != null) {
                    try {
                        if (exactDict) {
                            PyDict d = (PyDict) mapping;
                            PyObject old = d.getItem(x);
                            PyObject n = old == null ? RefCount.newRef(one) : Ops.add(old, one);
                            d.setItem(x, n);
                            RefCount.decref(n);
                        } else {
                            PyObject old = Ops.callMethod(mapping, "get", x, PyInt.of(0));
                            PyObject n = Ops.add(old, one);
                            RefCount.decref(old);
                            Ops.setItem(mapping, x, n);
                            RefCount.decref(n);
                        }
                    } finally {
                        RefCount.decref(x);
                    }
                }
            }
            return PyNone.NONE;
        });
        return m;
    }

}
