package dev.gilt.runtime.types;

import dev.gilt.runtime.object.PyType;

/**
 * A class made by a {@code class} statement or a call {@code type(name, bases, dict)}: a
 * {@link PyType} that also records its metaclass and the layout its instances have
 * ({@code __slots__}). Created only by {@link TypeNew}; immortal like every type.
 */
public final class PyHeapType extends PyType {
    /** The metaclass: what {@code type(cls)} returns ({@code type} or a subclass of it). */
    PyType metatype;
    /** The slot names this class itself declares (mangled, in member order). */
    String[] ownSlots = new String[0];
    /** Slot array length of instances: inherited slots first, then {@link #ownSlots}. */
    int nslots;
    /** The type whose layout instances have (CPython's solid base). */
    PyType solid;

    PyHeapType(PyType metatype, String name, Class<?> javaClass, PyType base, PyType[] bases) {
        super(name, javaClass, base, bases, true);
        this.metatype = metatype;
        this.flags |= READY;
    }

    @Override
    public PyType type() {
        return metatype;
    }

    /** Number of {@code __slots__} values an instance of {@code t} holds (0 for builtin types). */
    public static int slotCount(PyType t) {
        return t instanceof PyHeapType h ? h.nslots : 0;
    }

    /** The slot names declared by this class itself. */
    public String[] ownSlots() {
        return ownSlots.clone();
    }
}
