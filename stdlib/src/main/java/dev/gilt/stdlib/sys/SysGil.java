package dev.gilt.stdlib.sys;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.gil.Gil;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.stdlib.util.Args;
import java.util.List;
import java.util.Map;

/**
 * The GIL's face in {@code sys}: {@code _is_gil_enabled}, {@code get/setswitchinterval} (the
 * process-wide lock's), {@code get/setcheckinterval} (the {@code ticks} design's period; removed
 * from CPython in 3.9, kept because DESIGN.md asks for it) and {@code _gil_stats()}, a dict built
 * from {@code Gil.get().stats().toMap()}.
 */
final class SysGil {
    private SysGil() {}

    static void install(PyModule m) {
        m.def("_is_gil_enabled", (Fn.F0) mod -> PyBool.of(Gil.get().enabled()));
        m.def("getswitchinterval", (Fn.F0) mod -> PyFloat.of(Gil.get().getSwitchInterval()));
        m.def("setswitchinterval", (Fn.F1) (mod, x) -> {
            double v = Args.asDouble(x);
            if (!(v > 0)) throw Errors.valueError("switch interval must be strictly positive");
            Gil.get().setSwitchInterval(v);
            SysModule.onSwitchInterval.accept(v);
            return PyNone.NONE;
        });
        m.def("getcheckinterval", (Fn.F0) mod -> PyInt.of(Gil.get().getCheckInterval()));
        m.def("setcheckinterval", (Fn.F1) (mod, x) -> {
            long n = Args.asLong(x);
            // CPython 2/3.8 accepted any int; a period below one check means "every check".
            Gil.get().setCheckInterval((int) Math.max(1, Math.min(Integer.MAX_VALUE, n)));
            return PyNone.NONE;
        });
        m.def("_gil_stats", (Fn.F0) mod -> toPython(Gil.get().stats().toMap()));
    }

    /** Plain Java values (String, numbers, Boolean, List, Map) to a new Python reference. */
    static PyObject toPython(Object v) {
        if (v == null) return PyNone.NONE;
        if (v instanceof String s) return PyStr.of(s);
        if (v instanceof Boolean b) return PyBool.of(b);
        if (v instanceof Double d) return PyFloat.of(d);
        if (v instanceof Float f) return PyFloat.of(f);
        if (v instanceof Number n) return PyInt.of(n.longValue());
        if (v instanceof List<?> l) {
            PyList out = new PyList(l.size());
            for (Object o : l) out.appendSteal(toPython(o));
            return out;
        }
        if (v instanceof Map<?, ?> mp) {
            PyDict d = new PyDict(mp.size());
            for (Map.Entry<?, ?> e : mp.entrySet()) {
                PyObject k = toPython(String.valueOf(e.getKey()));
                PyObject val = toPython(e.getValue());
                d.setItem(k, val);
                RefCount.decref(k);
                RefCount.decref(val);
            }
            return d;
        }
        return PyStr.of(v.toString());
    }
}
