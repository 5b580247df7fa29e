package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/** {@code None}: the only instance of NoneType; immortal. */
public final class PyNone extends PyObject {
    public static final PyType TYPE = PyType.builtin("NoneType", PyNone.class);
    public static final PyNone NONE = RefCount.immortalize(new PyNone());

    private PyNone() {}

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "None";
    }
}
