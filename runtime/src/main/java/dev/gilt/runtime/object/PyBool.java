package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/** {@code bool}: a subclass of int with exactly two immortal instances. */
public final class PyBool extends PyInt {
    public static final PyType TYPE = PyType.builtin("bool", PyBool.class, PyInt.TYPE);
    public static final PyBool TRUE = RefCount.immortalize(new PyBool(1));
    public static final PyBool FALSE = RefCount.immortalize(new PyBool(0));

    private PyBool(long v) {
        super(v);
    }

    public static PyBool of(boolean b) {
        return b ? TRUE : FALSE;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return value != 0 ? "True" : "False";
    }
}
