package dev.gilt.stdlib.util;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPython's "struct sequence": a tuple whose items also have names (sys.version_info,
 * time.struct_time, os.stat_result, sys.flags...). The visible items are the tuple; a type may add
 * hidden fields reachable only by name (struct_time's tm_zone, stat_result's float st_mtime). A
 * hidden field may reuse a visible field's name, and then wins for attribute access.
 *
 * <p>Tuple behaviour (len, indexing, iteration, comparison, hashing) is provided here, delegating
 * to the tuple type's slots where they exist so slicing and concatenation follow tuple's.
 */
public final class StructSeq extends PyTuple {
    /** A struct-sequence type: its field names and display name ("time.struct_time"). */
    public static final class Type extends PyType {
        final String[] visible;
        final String[] hidden;
        final String fullName;
        final Map<String, Integer> index = new HashMap<>();

        Type(String module, String name, String[] visible, String[] hidden) {
            super(name, StructSeq.class, PyTuple.TYPE);
            this.visible = visible;
            this.hidden = hidden;
            this.fullName = module + "." + name;
            for (int i = 0; i < visible.length; i++) if (visible[i] != null) index.put(visible[i], i);
            for (int i = 0; i < hidden.length; i++) index.put(hidden[i], visible.length + i);
            define("__module__", PyStr.intern(module));
            define("n_sequence_fields", PyInt.of(visible.length));
            define("n_fields", PyInt.of(visible.length + hidden.length));
            int unnamed = 0;
            for (int i = 0; i < visible.length; i++) {
                String v = visible[i];
                if (v == null || List.of(hidden).contains(v)) unnamed++;
            }
            define("n_unnamed_fields", PyInt.of(unnamed));
            installSlots(this);
            Attr.install(this, null);
            for (var e : index.entrySet()) {
                final int k = e.getValue();
                Prop.define(this, e.getKey(), self -> RefCount.newRef(((StructSeq) self).field(k)));
            }
        }

        public int size() {
            return visible.length + hidden.length;
        }
    }

    final Type stype;
    /** Hidden fields (owned). */
    final PyObject[] extra;

    private StructSeq(Type t, PyObject[] items, PyObject[] extra) {
        super(items);
        this.stype = t;
        this.extra = extra;
    }

    /**
     * A new struct-sequence type. {@code visible} names the tuple items (null for an item that has
     * no attribute), {@code hidden} the extra named fields.
     */
    public static Type newType(String module, String name, String[] visible, String... hidden) {
        return new Type(module, name, visible, hidden);
    }

    /** A new instance that steals {@code values} (visible items then hidden ones; missing hidden = None). */
    public static StructSeq make(Type t, PyObject... values) {
        int nv = t.visible.length;
        PyObject[] items = new PyObject[nv];
        System.arraycopy(values, 0, items, 0, nv);
        PyObject[] extra = new PyObject[t.hidden.length];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = nv + i < values.length ? values[nv + i] : PyNone.NONE;
        }
        return new StructSeq(t, items, extra);
    }

    PyObject field(int i) {
        return i < items.length ? items[i] : extra[i - items.length];
    }

    @Override
    public PyType type() {
        return stype;
    }

    @Override
    public void traverse(Visitor v) {
        super.traverse(v);
        for (PyObject o : extra) if (o != null) v.visit(o);
    }

    @Override
    public void releaseReferences() {
        super.releaseReferences();
        for (int i = 0; i < extra.length; i++) {
            PyObject o = extra[i];
            if (o != null) {
                extra[i] = null;
                RefCount.decref(o);
            }
        }
    }

    private static void installSlots(Type t) {
        t.repr = self -> {
            StructSeq s = (StructSeq) self;
            StringBuilder sb = new StringBuilder(s.stype.fullName).append('(');
            for (int i = 0; i < s.items.length; i++) {
                if (i > 0) sb.append(", ");
                String n = s.stype.visible[i];
                if (n == null) n = "unnamed_" + i;
                sb.append(n).append('=').append(Args.repr(s.items[i]));
            }
            return PyStr.of(sb.append(')').toString());
        };
        t.len = self -> ((PyTuple) self).items.length;
        t.getitem = (self, key) -> {
            if (PyTuple.TYPE.getitem != null) return PyTuple.TYPE.getitem.apply(self, key);
            PyObject[] it = ((PyTuple) self).items;
            long i = Args.asLong(key);
            if (i < 0) i += it.length;
            if (i < 0 || i >= it.length) throw Errors.indexError("tuple index out of range");
            return RefCount.newRef(it[(int) i]);
        };
        t.iter = self -> {
            if (PyTuple.TYPE.iter != null) return PyTuple.TYPE.iter.apply(self);
            PyTuple tu = (PyTuple) self;
            return new Seqs.ArrayIter(tu, tu.items, tu.items.length);
        };
        t.contains = (self, x) -> {
            for (PyObject o : ((PyTuple) self).items) if (Ops.compareBool(o, x, Ops.EQ)) return true;
            return false;
        };
        t.richcompare = (a, b, op) -> {
            if (!(b instanceof PyTuple tb)) return PyNotImplemented.NOT_IMPLEMENTED;
            PyTuple ta = (PyTuple) a;
            return Seqs.compare(ta.items, ta.items.length, tb.items, tb.items.length, op);
        };
        t.hash = self -> {
            PyTuple tu = (PyTuple) self;
            return Seqs.hash(tu.items, tu.items.length);
        };
        t.newInstance = (type, args, kw) -> {
            if (args.length < 1) throw Errors.typeError("%s() missing required argument 'sequence' (pos 1)", t.fullName);
            List<PyObject> vals = Args.toList(args[0]);
            int n = vals.size(), min = t.visible.length, max = t.size();
            if (n < min) {
                Args.decrefAll(vals);
                throw Errors.typeError("%s() takes an at least %d-sequence (%d-sequence given)", t.fullName, min, n);
            }
            if (n > max) {
                Args.decrefAll(vals);
                throw Errors.typeError("%s() takes an at most %d-sequence (%d-sequence given)", t.fullName, max, n);
            }
            return make(t, vals.toArray(new PyObject[0]));
        };
        t.init = (self, args, kw) -> { };
    }
}
