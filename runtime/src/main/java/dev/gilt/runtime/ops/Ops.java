package dev.gilt.runtime.ops;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.object.Slots;

/**
 * The abstract object protocol (CPython's Objects/abstract.c and object.c): the semantics every
 * tier shares. A VM case, a JIT emitter and a builtin all call these. Fast paths for the common
 * exact builtin types live in the callers (the VM's specialised instructions) or at the top of a
 * method; everything else dispatches through the type's slots.
 *
 * <p>Refcounts: arguments borrowed, results new references (see {@link PyObject}).
 */
public final class Ops {
    private Ops() {}

    /** Binary operator symbols by NB_* index (0..12), for error messages. */
    public static final String[] NB_SYMBOLS = {"+", "&", "//", "<<", "@", "*", "%", "|", "** or pow()", ">>", "-", "/", "^"};
    public static final String[] NB_INPLACE_SYMBOLS = {"+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
    public static final int NB_ADD = 0, NB_AND = 1, NB_FLOOR_DIVIDE = 2, NB_LSHIFT = 3, NB_MATRIX_MULTIPLY = 4,
            NB_MULTIPLY = 5, NB_REMAINDER = 6, NB_OR = 7, NB_POWER = 8, NB_RSHIFT = 9, NB_SUBTRACT = 10,
            NB_TRUE_DIVIDE = 11, NB_XOR = 12;
    public static final int LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5;
    private static final String[] CMP_SYMBOLS = {"<", "<=", "==", "!=", ">", ">="};
    private static final int[] SWAPPED = {GT, GE, EQ, NE, LT, LE};

    // ---- numbers --------------------------------------------------------------------------

    /**
     * {@code a OP b} for NB_* index {@code op} (CPython's binary_op1): the right operand's slot
     * goes first when its type is a proper subtype of the left's; NotImplemented from both sides
     * raises TypeError.
     */
    public static PyObject binaryOp(int op, PyObject a, PyObject b) {
        PyObject r = binaryOp1(op, a, b);
        if (r != null) return r;
        if (op == NB_ADD || op == NB_MULTIPLY) {
            // Sequence concatenation/repetition are reached through nb slots in Gilt's builtins.
        }
        throw Errors.unsupported(NB_SYMBOLS[op], a, b);
    }

    /** Like binaryOp but returns null instead of raising when both sides say NotImplemented. */
    public static PyObject binaryOp1(int op, PyObject a, PyObject b) {
        PyType ta = a.type(), tb = b.type();
        Slots.Binary sa = ta.nb[op];
        Slots.Binary sb = tb == ta ? null : tb.nb[op];
        if (sb == sa) sb = null;
        if (sa != null) {
            if (sb != null && tb.isSubtypeOf(ta)) {
                PyObject r = sb.apply(a, b);
                if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
                sb = null;
            }
            PyObject r = sa.apply(a, b);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        if (sb != null) {
            PyObject r = sb.apply(a, b);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        return null;
    }

    /** {@code a OP= b}: the in-place slot of a first, then the binary protocol. */
    public static PyObject inplaceOp(int op, PyObject a, PyObject b) {
        Slots.Binary si = a.type().nbInplace[op];
        if (si != null) {
            PyObject r = si.apply(a, b);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        PyObject r = binaryOp1(op, a, b);
        if (r != null) return r;
        throw Errors.unsupported(NB_INPLACE_SYMBOLS[op], a, b);
    }

    public static PyObject add(PyObject a, PyObject b) {
        return binaryOp(NB_ADD, a, b);
    }

    public static PyObject sub(PyObject a, PyObject b) {
        return binaryOp(NB_SUBTRACT, a, b);
    }

    public static PyObject mul(PyObject a, PyObject b) {
        return binaryOp(NB_MULTIPLY, a, b);
    }

    public static PyObject neg(PyObject v) {
        Slots.Unary s = v.type().neg;
        if (s == null) throw Errors.typeError("bad operand type for unary -: '%s'", v.type().name());
        return s.apply(v);
    }

    public static PyObject pos(PyObject v) {
        Slots.Unary s = v.type().pos;
        if (s == null) throw Errors.typeError("bad operand type for unary +: '%s'", v.type().name());
        return s.apply(v);
    }

    public static PyObject invert(PyObject v) {
        Slots.Unary s = v.type().invert;
        if (s == null) throw Errors.typeError("bad operand type for unary ~: '%s'", v.type().name());
        return s.apply(v);
    }

    /** {@code operator.index(v)}: an int (new reference) or TypeError. */
    public static PyObject index(PyObject v) {
        Slots.Unary s = v.type().index;
        if (s == null) {
            throw Errors.typeError("'%s' object cannot be interpreted as an integer", v.type().name());
        }
        return s.apply(v);
    }

    // ---- truth, identity, comparison ------------------------------------------------------

    /** bool(v) (CPython's PyObject_IsTrue): __bool__, then __len__, else true. */
    public static boolean isTrue(PyObject v) {
        if (v == PyBool.TRUE) return true;
        if (v == PyBool.FALSE || v == PyNone.NONE) return false;
        PyType t = v.type();
        if (t.bool != null) return t.bool.test(v);
        if (t.len != null) return t.len.length(v) != 0;
        return true;
    }

    /** Rich comparison (CPython's do_richcompare), returning a new reference. */
    public static PyObject richCompare(PyObject a, PyObject b, int op) {
        PyType ta = a.type(), tb = b.type();
        boolean checkedReverse = false;
        if (ta != tb && tb.isSubtypeOf(ta) && tb.richcompare != null) {
            checkedReverse = true;
            PyObject r = tb.richcompare.compare(b, a, SWAPPED[op]);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        if (ta.richcompare != null) {
            PyObject r = ta.richcompare.compare(a, b, op);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        if (!checkedReverse && tb.richcompare != null) {
            PyObject r = tb.richcompare.compare(b, a, SWAPPED[op]);
            if (r != PyNotImplemented.NOT_IMPLEMENTED) return r;
        }
        switch (op) {
            case EQ:
                return PyBool.of(a == b);
            case NE:
                return PyBool.of(a != b);
            default:
                throw Errors.notOrderable(CMP_SYMBOLS[op], a, b);
        }
    }

    /** Comparison as a Java boolean (identity implies equality for EQ/NE, as CPython's PyObject_RichCompareBool). */
    public static boolean compareBool(PyObject a, PyObject b, int op) {
        if (a == b) {
            if (op == EQ) return true;
            if (op == NE) return false;
        }
        PyObject r = richCompare(a, b, op);
        try {
            return isTrue(r);
        } finally {
            RefCount.decref(r);
        }
    }

    public static boolean eqBool(PyObject a, PyObject b) {
        return compareBool(a, b, EQ);
    }

    /** hash(v) (never -1). */
    public static long hash(PyObject v) {
        Slots.Hash h = v.type().hash;
        if (h == null) throw Errors.unhashable(v);
        return h.hash(v);
    }

    // ---- text -----------------------------------------------------------------------------

    /** repr(v) as a new str. */
    public static PyStr repr(PyObject v) {
        Slots.Unary s = v.type().repr;
        if (s == null) return PyStr.of(defaultRepr(v));
        PyObject r = s.apply(v);
        if (r instanceof PyStr ps) return ps;
        String tn = r.type().name();
        RefCount.decref(r);
        throw Errors.typeError("__repr__ returned non-string (type %s)", tn);
    }

    /** str(v) as a new str. */
    public static PyStr str(PyObject v) {
        if (v instanceof PyStr s && v.type() == PyStr.TYPE) return RefCount.newRef(s);
        Slots.Unary s = v.type().str;
        if (s == null) return repr(v);
        PyObject r = s.apply(v);
        if (r instanceof PyStr ps) return ps;
        String tn = r.type().name();
        RefCount.decref(r);
        throw Errors.typeError("__str__ returned non-string (type %s)", tn);
    }

    /** Java convenience: repr(v) as a Java String. */
    public static String reprString(PyObject v) {
        PyStr s = repr(v);
        String out = s.value;
        RefCount.decref(s);
        return out;
    }

    /** Java convenience: str(v) as a Java String. */
    public static String strString(PyObject v) {
        PyStr s = str(v);
        String out = s.value;
        RefCount.decref(s);
        return out;
    }

    /** {@code <__main__.A object at 0x7f...>} */
    public static String defaultRepr(PyObject v) {
        PyType t = v.type();
        PyObject mod = t.dict.getItemStr(PyStr.intern("__module__"));
        String prefix = mod instanceof PyStr ms && !ms.value.equals("builtins") ? ms.value + "." : "";
        return "<" + prefix + t.qualname + " object at 0x" + Long.toHexString(RefCount.id(v)) + ">";
    }

    // ---- attributes -----------------------------------------------------------------------

    /** getattr(o, name): new reference, or AttributeError. */
    public static PyObject getAttr(PyObject o, PyStr name) {
        // Call the slot directly: an AttributeError it raises (a __getattr__'s own message)
        // must reach the caller unchanged.
        Slots.GetAttr g = o.type().getattr;
        PyObject r = g == null ? null : g.get(o, name);
        if (r == null) throw Errors.noAttribute(o, name.value);
        return r;
    }

    public static PyObject getAttr(PyObject o, String name) {
        return getAttr(o, PyStr.intern(name));
    }

    /** getattr(o, name) or null when absent (an AttributeError raised by the lookup counts as absent). */
    public static PyObject lookupAttr(PyObject o, PyStr name) {
        Slots.GetAttr g = o.type().getattr;
        if (g == null) return null;
        try {
            return g.get(o, name);
        } catch (PyException e) {
            if (e.matches(PyExc.AttributeError)) {
                RefCount.decref(e.exc);
                return null;
            }
            throw e;
        }
    }

    /** setattr(o, name, value). */
    public static void setAttr(PyObject o, PyStr name, PyObject value) {
        Slots.SetAttr s = o.type().setattr;
        if (s == null) {
            if (o.type().getattr == null || o.type().lookup(name) == null) {
                throw Errors.attributeError("'%s' object has no attribute '%s'", o.type().name(), name.value);
            }
            throw Errors.attributeError("'%s' object attribute '%s' is read-only", o.type().name(), name.value);
        }
        s.set(o, name, value);
    }

    /** delattr(o, name). */
    public static void delAttr(PyObject o, PyStr name) {
        Slots.SetAttr s = o.type().setattr;
        if (s == null) throw Errors.noAttribute(o, name.value);
        s.set(o, name, null);
    }

    // ---- calls ----------------------------------------------------------------------------

    /** f(*args) with keyword values at the end named by kwnames (may be null). */
    public static PyObject call(PyObject f, PyObject[] args, PyTuple kwnames) {
        Slots.Call c = f.type().call;
        if (c == null) throw Errors.notCallable(f);
        return c.call(f, args, kwnames);
    }

    public static PyObject call(PyObject f, PyObject... args) {
        return call(f, args, null);
    }

    /** o.name(*args): looks the method up and calls it. */
    public static PyObject callMethod(PyObject o, String name, PyObject... args) {
        PyObject m = getAttr(o, name);
        try {
            return call(m, args, null);
        } finally {
            RefCount.decref(m);
        }
    }

    // ---- iteration ------------------------------------------------------------------------

    /** iter(o) as a new reference. */
    public static PyObject iter(PyObject o) {
        Slots.Unary s = o.type().iter;
        if (s == null) {
            if (o.type().getitem != null) return SequenceIterator.of(o);
            throw Errors.notIterable(o);
        }
        PyObject it = s.apply(o);
        if (it.type().next == null) {
            String tn = it.type().name();
            RefCount.decref(it);
            throw Errors.typeError("iter() returned non-iterator of type '%s'", tn);
        }
        return it;
    }

    /** next(it): a new reference, or null when exhausted (StopIteration is not raised). */
    public static PyObject next(PyObject it) {
        Slots.Next n = it.type().next;
        if (n == null) throw Errors.typeError("'%s' object is not an iterator", it.type().name());
        try {
            return n.next(it);
        } catch (PyException e) {
            // A next slot may end with StopIteration(value) (a generator returning a value, as
            // CPython's tp_iternext does); for an iteration that is just the end.
            if (!e.matches(PyExc.StopIteration)) throw e;
            RefCount.decref(e.exc);
            return null;
        }
    }

    // ---- containers -----------------------------------------------------------------------

    public static long len(PyObject o) {
        Slots.Length s = o.type().len;
        if (s == null) throw Errors.typeError("object of type '%s' has no len()", o.type().name());
        return s.length(o);
    }

    public static PyObject getItem(PyObject o, PyObject key) {
        Slots.Binary s = o.type().getitem;
        if (s == null) {
            if (o instanceof PyType t) {
                PyObject cg = t.lookup("__class_getitem__");
                if (cg != null) return classGetItem(t, key);
            }
            throw Errors.notSubscriptable(o);
        }
        return s.apply(o, key);
    }

    private static PyObject classGetItem(PyType t, PyObject key) {
        PyObject m = getAttr(t, "__class_getitem__");
        try {
            return call(m, key);
        } finally {
            RefCount.decref(m);
        }
    }

    public static void setItem(PyObject o, PyObject key, PyObject value) {
        Slots.SetItem s = o.type().setitem;
        if (s == null) throw Errors.typeError("'%s' object does not support item assignment", o.type().name());
        s.set(o, key, value);
    }

    public static void delItem(PyObject o, PyObject key) {
        Slots.SetItem s = o.type().setitem;
        if (s == null) throw Errors.typeError("'%s' object does not support item deletion", o.type().name());
        s.set(o, key, null);
    }

    /** {@code item in container} (__contains__, else iteration). */
    public static boolean contains(PyObject container, PyObject item) {
        Slots.Contains s = container.type().contains;
        if (s != null) return s.contains(container, item);
        PyObject it;
        try {
            it = iter(container);
        } catch (PyException e) {
            if (e.matches(PyExc.TypeError) && container.type().iter == null && container.type().getitem == null) {
                RefCount.decref(e.exc);
                throw Errors.typeError("argument of type '%s' is not iterable", container.type().name());
            }
            throw e;
        }
        try {
            PyObject x;
            while ((x = next(it)) != null) {
                boolean eq = compareBool(x, item, EQ);
                RefCount.decref(x);
                if (eq) return true;
            }
            return false;
        } finally {
            RefCount.decref(it);
        }
    }

    /** isinstance(o, t) for a single type (no __instancecheck__). */
    public static boolean isInstance(PyObject o, PyType t) {
        return o.type().isSubtypeOf(t);
    }
}
