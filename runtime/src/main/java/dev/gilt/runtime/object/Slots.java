package dev.gilt.runtime.object;

/**
 * The shapes of a type's special-method slots (CPython's tp_* / nb_* / sq_* / mp_* functions).
 * A builtin type fills its slots with Java lambdas; a class statement fills them with wrappers that
 * call the class's dunder methods; a slot left null means "not supported" and {@code Ops} raises
 * CPython's TypeError. All follow the refcount conventions of {@link PyObject}: arguments
 * borrowed, results new references.
 */
public final class Slots {
    private Slots() {}

    @FunctionalInterface
    public interface Unary {
        PyObject apply(PyObject self);
    }

    @FunctionalInterface
    public interface Binary {
        /** May return {@link PyNotImplemented#NOT_IMPLEMENTED} (a new reference) for number slots. */
        PyObject apply(PyObject a, PyObject b);
    }

    @FunctionalInterface
    public interface Ternary {
        PyObject apply(PyObject a, PyObject b, PyObject c);
    }

    @FunctionalInterface
    public interface Bool {
        boolean test(PyObject self);
    }

    @FunctionalInterface
    public interface Length {
        long length(PyObject self);
    }

    @FunctionalInterface
    public interface Hash {
        /** Python hash value; never -1 (CPython maps -1 to -2). */
        long hash(PyObject self);
    }

    @FunctionalInterface
    public interface Contains {
        boolean contains(PyObject self, PyObject item);
    }

    @FunctionalInterface
    public interface Compare {
        /** op: 0 &lt;, 1 &lt;=, 2 ==, 3 !=, 4 &gt;, 5 &gt;= (CPython's Py_LT..Py_GE). May return NotImplemented. */
        PyObject compare(PyObject a, PyObject b, int op);
    }

    @FunctionalInterface
    public interface Next {
        /** The next item, or null when exhausted (without raising StopIteration). */
        PyObject next(PyObject self);
    }

    @FunctionalInterface
    public interface GetAttr {
        /** The attribute, or null if absent (the caller raises the standard AttributeError). */
        PyObject get(PyObject self, PyStr name);
    }

    @FunctionalInterface
    public interface SetAttr {
        /** value null means delete. */
        void set(PyObject self, PyStr name, PyObject value);
    }

    @FunctionalInterface
    public interface SetItem {
        /** value null means delete. */
        void set(PyObject self, PyObject key, PyObject value);
    }

    @FunctionalInterface
    public interface Call {
        /**
         * {@code args} holds the positional arguments followed by the values of the keyword
         * arguments named by {@code kwnames} (null when there are none), as CPython's vectorcall.
         */
        PyObject call(PyObject self, PyObject[] args, PyTuple kwnames);
    }

    @FunctionalInterface
    public interface DescrGet {
        /** {@code obj} null means access through the type. */
        PyObject get(PyObject descr, PyObject obj, PyType type);
    }

    @FunctionalInterface
    public interface DescrSet {
        /** value null means delete. */
        void set(PyObject descr, PyObject obj, PyObject value);
    }

    @FunctionalInterface
    public interface New {
        PyObject create(PyType type, PyObject[] args, PyTuple kwnames);
    }

    @FunctionalInterface
    public interface Init {
        void init(PyObject self, PyObject[] args, PyTuple kwnames);
    }
}
