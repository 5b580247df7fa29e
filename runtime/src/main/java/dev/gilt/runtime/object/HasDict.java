package dev.gilt.runtime.object;

/**
 * An object with a per-instance attribute dict ({@code __dict__}) that the generic attribute
 * protocol ({@code object.__getattribute__}, {@code object.__setattr__}) reads and writes:
 * instances of user classes, including instances of user subclasses of builtin types (a
 * {@code class L(list)} instance is a Java list object that implements this), functions,
 * exceptions.
 *
 * <p>A builtin type whose subclass instances carry a dict implements this on the Java class used
 * for those instances (see {@link InstanceState} for a ready-made holder of type, dict and
 * {@code __slots__} values).
 */
public interface HasDict {
    /**
     * The instance dict, a borrowed reference. When {@code create} is true a missing dict is
     * created (and owned by the object); when false, null may be returned for "no dict yet".
     */
    PyDict getDict(boolean create);

    /** {@code obj.__dict__ = d}: {@code d} is borrowed (the object increfs it and drops the old one). */
    void setDict(PyDict d);

    /**
     * The array holding this object's {@code __slots__} values (owned entries, null = unset), or
     * null when its class declares no slots. Member descriptors index into it.
     */
    default PyObject[] slotValues() {
        return null;
    }
}
