package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/**
 * The per-instance state of an instance of a user class whose layout is a builtin type's: its
 * class, its {@code __dict__} (created lazily) and its {@code __slots__} values. A builtin type's
 * subclass-instance Java class holds one of these and delegates to it:
 *
 * <pre>
 *   final class ListSub extends PyList implements HasDict {
 *       final InstanceState st;
 *       ListSub(PyType t) { st = new InstanceState(t); }
 *       public PyType type() { return st.type; }
 *       public PyDict getDict(boolean c) { return st.getDict(c); }
 *       public void setDict(PyDict d) { st.setDict(d); }
 *       public PyObject[] slotValues() { return st.slots; }
 *       public void traverse(Visitor v) { super.traverse(v); st.traverse(v); }
 *       public void releaseReferences() { super.releaseReferences(); st.release(); }
 *   }
 * </pre>
 *
 * Refcounts: owns the dict and every slot value; the class is immortal (not counted).
 */
public final class InstanceState {
    public PyType type;
    public PyDict dict;
    public PyObject[] slots;

    public InstanceState(PyType type) {
        this.type = type;
        int n = dev.gilt.runtime.types.PyHeapType.slotCount(type);
        if (n > 0) slots = new PyObject[n];
    }

    /** Borrowed; created when {@code create} and absent, unless the class has no __dict__. */
    public PyDict getDict(boolean create) {
        if (dict == null && create && (type.flags & PyType.HAS_DICT) != 0) dict = new PyDict();
        return dict;
    }

    public void setDict(PyDict d) {
        RefCount.xincref(d);
        PyDict old = dict;
        dict = d;
        RefCount.xdecref(old);
    }

    public void traverse(PyObject.Visitor v) {
        if (dict != null) v.visit(dict);
        if (slots != null) for (PyObject o : slots) if (o != null) v.visit(o);
    }

    public void release() {
        PyDict d = dict;
        dict = null;
        RefCount.xdecref(d);
        if (slots != null) {
            for (int i = 0; i < slots.length; i++) {
                PyObject o = slots[i];
                slots[i] = null;
                RefCount.xdecref(o);
            }
        }
    }
}
