package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code bool}: a subclass of int with exactly two immortal instances. Arithmetic is int's
 * (inherited slots) except {@code & | ^} between two bools, which stay bools. Not subclassable.
 */
public final class PyBool extends PyInt {
    public static final PyType TYPE = PyType.builtin("bool", PyBool.class, PyInt.TYPE);
    public static final PyBool TRUE = RefCount.immortalize(new PyBool(1));
    public static final PyBool FALSE = RefCount.immortalize(new PyBool(0));

    private static final PyStr TRUE_STR = PyStr.intern("True"), FALSE_STR = PyStr.intern("False");

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.inheritSlots(PyInt.TYPE);
        TYPE.repr = v -> v == TRUE ? TRUE_STR : FALSE_STR;
        TYPE.newInstance = (type, args, kw) -> {
            if (kw != null && kw.size() > 0) throw Errors.typeError("bool() takes no keyword arguments");
            if (args.length > 1) throw Errors.typeError("bool expected at most 1 argument, got %d", args.length);
            return of(args.length == 1 && Ops.isTrue(args[0]));
        };
        TYPE.nb[Ops.NB_AND] = logical(Ops.NB_AND);
        TYPE.nb[Ops.NB_OR] = logical(Ops.NB_OR);
        TYPE.nb[Ops.NB_XOR] = logical(Ops.NB_XOR);
    }

    private static Slots.Binary logical(int op) {
        Slots.Binary intSlot = PyInt.TYPE.nb[op];
        return (a, b) -> {
            if (a instanceof PyBool x && b instanceof PyBool y) {
                boolean p = x.value != 0, q = y.value != 0;
                return of(op == Ops.NB_AND ? p & q : op == Ops.NB_OR ? p | q : p ^ q);
            }
            return intSlot.apply(a, b);
        };
    }

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
