package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/** {@code Ellipsis} ({@code ...}); immortal. */
public final class PyEllipsis extends PyObject {
    public static final PyType TYPE = PyType.builtin("ellipsis", PyEllipsis.class);
    public static final PyEllipsis ELLIPSIS = RefCount.immortalize(new PyEllipsis());

    private PyEllipsis() {}

    @Override
    public PyType type() {
        return TYPE;
    }
}
