package dev.gilt.runtime.object;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;

/**
 * Test helpers: method calls through the type's descriptors (as the VM's attribute lookup will
 * do), a repr that also covers containers whose own repr lives in other rooms, and CPython's
 * rendering of exceptions as "Type: message".
 */
final class Py {
    private Py() {}

    /** obj.name(*args) via the descriptor found on type(obj). */
    static PyObject call(PyObject obj, String name, PyObject... args) {
        return callKw(obj, name, args, null);
    }

    static PyObject callKw(PyObject obj, String name, PyObject[] args, PyTuple kwnames) {
        PyObject d = obj.type().lookup(name);
        if (d == null) throw new AssertionError("no method " + name + " on " + obj.type().name());
        if (d instanceof PyMethodDescr m) return m.callUnbound(obj, args, kwnames);
        Slots.DescrGet g = d.type().descrGet;
        PyObject bound = g == null ? RefCount.newRef(d) : g.get(d, obj instanceof PyType ? null : obj,
                obj instanceof PyType t ? t : obj.type());
        try {
            return Ops.call(bound, args, kwnames);
        } finally {
            RefCount.decref(bound);
        }
    }

    /** The value of a getset attribute. */
    static PyObject attr(PyObject obj, String name) {
        PyObject d = obj.type().lookup(name);
        return d.type().descrGet.get(d, obj, obj.type());
    }

    /** repr(), with list/tuple/dict rendered here. */
    static String repr(PyObject o) {
        if (o instanceof PyList l) {
            StringBuilder sb = new StringBuilder("[");
            for (int k = 0; k < l.size(); k++) sb.append(k > 0 ? ", " : "").append(repr(l.get(k)));
            return sb.append(']').toString();
        }
        if (o instanceof PyTuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int k = 0; k < t.size(); k++) sb.append(k > 0 ? ", " : "").append(repr(t.get(k)));
            if (t.size() == 1) sb.append(',');
            return sb.append(')').toString();
        }
        if (o instanceof PyDict d) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (int k = 0; k < d.entrySlots(); k++) {
                if (d.keyAt(k) == null) continue;
                sb.append(first ? "" : ", ").append(repr(d.keyAt(k))).append(": ").append(repr(d.valueAt(k)));
                first = false;
            }
            return sb.append('}').toString();
        }
        if (o == PyNone.NONE) return "None";
        if (o == PyNotImplemented.NOT_IMPLEMENTED) return "NotImplemented";
        return Ops.reprString(o);
    }

    /** "Type: message" as CPython prints str(e) after the type name. */
    static String describe(PyException e) {
        PyBaseException x = e.exc;
        PyTuple args = x.args;
        String msg;
        if (e.matches(PyExc.UnicodeEncodeError) || e.matches(PyExc.UnicodeDecodeError)) {
            msg = unicodeMessage(x, e.matches(PyExc.UnicodeEncodeError));
        } else if (args.size() == 0) {
            msg = "";
        } else if (args.size() == 1) {
            msg = e.matches(PyExc.KeyError) ? repr(args.get(0)) : Ops.strString(args.get(0));
        } else {
            msg = repr(args);
        }
        return x.type().name() + ": " + msg;
    }

    private static String unicodeMessage(PyBaseException x, boolean encode) {
        String enc = ((PyStr) x.args.get(0)).value;
        PyObject obj = x.args.get(1);
        int start = (int) ((PyInt) x.args.get(2)).value, end = (int) ((PyInt) x.args.get(3)).value;
        String reason = ((PyStr) x.args.get(4)).value;
        if (encode) {
            PyStr s = (PyStr) obj;
            if (end == start + 1) {
                int c = s.codePointAtIndex(start);
                String esc = c < 0x100 ? String.format("\\x%02x", c) : c < 0x10000 ? String.format("\\u%04x", c)
                        : String.format("\\U%08x", c);
                return "'" + enc + "' codec can't encode character '" + esc + "' in position " + start + ": " + reason;
            }
            return "'" + enc + "' codec can't encode characters in position " + start + "-" + (end - 1) + ": " + reason;
        }
        byte[] b = ((PyBytes) obj).value;
        if (end == start + 1) {
            return "'" + enc + "' codec can't decode byte 0x" + String.format("%02x", b[start] & 0xff) + " in position "
                    + start + ": " + reason;
        }
        return "'" + enc + "' codec can't decode bytes in position " + start + "-" + (end - 1) + ": " + reason;
    }
}
