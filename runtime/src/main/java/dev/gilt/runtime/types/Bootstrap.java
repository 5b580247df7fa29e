package dev.gilt.runtime.types;

import dev.gilt.runtime.object.PyType;

/**
 * Installs the slots of {@code object} and {@code type} while {@link PyType} itself is being
 * initialised, before any other builtin type exists: every builtin type copies its base's slots
 * when it is created, so {@code object}'s generic attribute access, identity hash, default repr
 * and so on must be in place first.
 *
 * <p>Only method references are stored here. Creating one does not initialise the class it
 * names, so nothing in this method can re-enter a half-initialised class (PyStr, PyDict...).
 * Methods that live in the types' dicts ({@code object.__init_subclass__}, {@code type.mro}...)
 * are added later, when a type is first readied ({@link TypeReady}).
 */
public final class Bootstrap {
    private Bootstrap() {}

    /**
     * Slot functions are compared by identity elsewhere (is this type's {@code __new__} still
     * object's?), so the instances stored here are the reference ones: ObjectSlots and TypeNew
     * read them back from the types when they initialise.
     */
    public static void install(PyType object, PyType type, PyType dict) {
        object.repr = ObjectSlots::repr;
        object.str = ObjectSlots::str;
        object.hash = ObjectSlots::hash;
        object.richcompare = ObjectSlots::richcompare;
        object.getattr = GenericAttr::getAttr;
        object.setattr = GenericAttr::setAttr;
        object.newInstance = ObjectSlots::objectNew;
        object.init = ObjectSlots::objectInit;
        object.flags |= PyType.BASETYPE;

        type.repr = TypeSlots::repr;
        type.call = TypeSlots::call;
        type.getattr = TypeSlots::getAttr;
        type.setattr = TypeSlots::setAttr;
        type.newInstance = TypeNew::typeNew;
        type.init = TypeSlots::init;
        type.nb[dev.gilt.runtime.ops.Ops.NB_OR] = UnionType::typeOr;
        // Classes have a namespace (exposed as __dict__ by type itself) and weak references,
        // so metaclasses (subclasses of type) add neither a __dict__ nor a __weakref__ slot.
        type.flags |= PyType.WEAKREFABLE | PyType.HAS_DICT;
        type.inheritSlots(object);

        dict.inheritSlots(object);
        dict.hash = null; // dict is unhashable (CPython sets __hash__ = None)
    }
}
