package dev.gilt.runtime.builtins;

import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyObject;

/** Builtin-function stand-ins for tests (they do not bind as methods: used as metaclass hooks via the class). */
final class PyBuiltinStub {
    private PyBuiltinStub() {}

    /** __instancecheck__(cls, obj) -> True, as a staticmethod-like callable taking both arguments. */
    static final PyObject ALWAYS_TRUE = dev.gilt.runtime.types.PyStaticMethod.of(
            PyBuiltinFunction.of("__instancecheck__", null, (Fn.F1) (self, x) -> PyBool.TRUE));
}
