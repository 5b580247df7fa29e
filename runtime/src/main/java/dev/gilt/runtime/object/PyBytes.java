package dev.gilt.runtime.object;

/**
 * {@code bytes}: an immutable byte string. Minimal placeholder written for the compiler's constants;
 * the full implementation (methods, slots, subclassing) replaces this file.
 */
public class PyBytes extends PyObject {
    public static final PyType TYPE = PyType.builtin("bytes", PyBytes.class);

    /** The bytes; never mutated. */
    public final byte[] value;

    protected PyBytes(byte[] value) {
        this.value = value;
    }

    /** A new bytes object holding {@code value} (not copied: the caller must not mutate it). */
    public static PyBytes of(byte[] value) {
        return new PyBytes(value);
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
