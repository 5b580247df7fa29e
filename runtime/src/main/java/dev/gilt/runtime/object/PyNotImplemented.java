package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/** {@code NotImplemented}; immortal. Returned by number and comparison slots to defer. */
public final class PyNotImplemented extends PyObject {
    public static final PyType TYPE = PyType.builtin("NotImplementedType", PyNotImplemented.class);
    public static final PyNotImplemented NOT_IMPLEMENTED = RefCount.immortalize(new PyNotImplemented());

    private PyNotImplemented() {}

    @Override
    public PyType type() {
        return TYPE;
    }
}
