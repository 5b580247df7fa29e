package dev.gilt.interp.bytecode;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyComplex;
import dev.gilt.runtime.object.PyEllipsis;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constants of one code object under construction, deduplicated the way CPython does: two
 * constants share a slot only if they have the same type and the same value ({@code 1}, {@code 1.0}
 * and {@code True} stay distinct, {@code 0.0} and {@code -0.0} too); tuples compare element-wise
 * by the same rule; code objects by identity.
 *
 * <p>Refcounts: the pool holds one reference to each value it stores ({@link #add} increfs);
 * {@link #toArray} hands those references to the code object.
 */
public final class ConstPool {
    private final List<PyObject> values = new ArrayList<>();
    private final Map<Object, Integer> index = new HashMap<>();

    /** The slot of {@code value}, adding it if absent (borrowed argument). */
    public int add(PyObject value) {
        Object k = key(value);
        Integer i = index.get(k);
        if (i != null) return i;
        RefCount.incref(value);
        values.add(value);
        index.put(k, values.size() - 1);
        return values.size() - 1;
    }

    /** Adds {@code value} and releases the caller's reference to it (steals). */
    public int addSteal(PyObject value) {
        int i = add(value);
        RefCount.decref(value);
        return i;
    }

    /** Borrowed constant at slot {@code i}. */
    public PyObject get(int i) {
        return values.get(i);
    }

    public int size() {
        return values.size();
    }

    /**
     * Keeps only the slots in {@code keep} (in their current order) and returns the old-to-new
     * index map (-1 for removed slots). Removed values are released.
     */
    int[] compact(boolean[] keep) {
        int[] map = new int[values.size()];
        List<PyObject> kept = new ArrayList<>();
        index.clear();
        for (int i = 0; i < values.size(); i++) {
            PyObject v = values.get(i);
            if (keep[i]) {
                map[i] = kept.size();
                index.put(key(v), kept.size());
                kept.add(v);
            } else {
                map[i] = -1;
                RefCount.decref(v);
            }
        }
        values.clear();
        values.addAll(kept);
        return map;
    }

    /** The values, with the pool's references transferred to the caller. */
    PyObject[] toArray() {
        return values.toArray(new PyObject[0]);
    }

    /** Equality key for a constant: same key iff CPython would share the constant. */
    static Object key(PyObject v) {
        if (v instanceof PyBool b) return b.value != 0 ? Boolean.TRUE : Boolean.FALSE;
        if (v instanceof PyInt i) return new Key("int", i.bigValue());
        if (v instanceof PyFloat f) return new Key("float", Double.doubleToRawLongBits(f.value));
        if (v instanceof PyStr s) return new Key("str", s.value);
        if (v instanceof PyBytes b) return new Key("bytes", new BytesKey(b.value));
        if (v instanceof PyComplex c) {
            return new Key("complex", List.of(Double.doubleToRawLongBits(c.real), Double.doubleToRawLongBits(c.imag)));
        }
        if (v instanceof PyTuple t) {
            List<Object> ks = new ArrayList<>(t.size());
            for (PyObject o : t.items) ks.add(key(o));
            return new Key("tuple", ks);
        }
        if (v == PyNone.NONE || v == PyEllipsis.ELLIPSIS) return v;
        return new Identity(v);
    }

    private record Key(String type, Object value) {}

    private record Identity(PyObject o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    private record BytesKey(byte[] b) {
        @Override
        public boolean equals(Object other) {
            return other instanceof BytesKey k && Arrays.equals(k.b, b);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(b);
        }
    }

    /** Truth value of a constant (for folding {@code LOAD_CONST; POP_JUMP_IF_*}). */
    static boolean isTrue(PyObject v) {
        if (v instanceof PyInt i) return i.isBig() || i.value != 0;
        if (v instanceof PyFloat f) return f.value != 0.0;
        if (v instanceof PyStr s) return !s.value.isEmpty();
        if (v instanceof PyBytes b) return b.value.length != 0;
        if (v instanceof PyComplex c) return c.real != 0.0 || c.imag != 0.0;
        if (v instanceof PyTuple t) return t.size() != 0;
        return v != PyNone.NONE;
    }
}
