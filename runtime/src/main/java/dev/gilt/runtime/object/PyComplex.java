package dev.gilt.runtime.object;

/**
 * {@code complex}: a pair of doubles. Minimal placeholder written for the compiler's constants; the
 * full implementation (arithmetic slots, methods) replaces this file.
 */
public class PyComplex extends PyObject {
    public static final PyType TYPE = PyType.builtin("complex", PyComplex.class);

    public final double real, imag;

    protected PyComplex(double real, double imag) {
        this.real = real;
        this.imag = imag;
    }

    public static PyComplex of(double real, double imag) {
        return new PyComplex(real, imag);
    }

    @Override
    public PyType type() {
        return TYPE;
    }
}
