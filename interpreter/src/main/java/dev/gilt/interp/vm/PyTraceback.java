package dev.gilt.interp.vm;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;

/**
 * {@code traceback}: one entry of an exception's {@code __traceback__} chain. The VM prepends an
 * entry for each frame an exception passes through ({@link #addTo}), so the chain runs from the
 * outermost frame ({@code exc.__traceback__}) to the innermost ({@code tb_next} is None).
 *
 * <p>Owns its {@link #next} and {@link #frame}.
 */
public final class PyTraceback extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("traceback", PyTraceback.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.getattr = (self, name) -> {
            PyTraceback tb = (PyTraceback) self;
            return switch (name.value) {
                case "tb_next" -> VmSupport.orNone(tb.next);
                case "tb_frame" -> RefCount.newRef(tb.frame);
                case "tb_lineno" -> PyInt.of(tb.lineno());
                case "tb_lasti" -> PyInt.of(Positions.byteOffset(tb.frame.code, tb.lasti));
                default -> VmSupport.genericGetAttr(self, name, null);
            };
        };
        TYPE.setattr = (self, name, value) -> {
            PyTraceback tb = (PyTraceback) self;
            if (!name.value.equals("tb_next")) throw Errors.attributeError("readonly attribute");
            if (value == null) throw Errors.typeError("can't delete tb_next attribute");
            if (value != PyNone.NONE && !(value instanceof PyTraceback)) {
                throw Errors.typeError("expected traceback object or None, got '%s'", value.type().name());
            }
            for (PyObject c = value; c instanceof PyTraceback t; c = t.next) {
                if (t == tb) throw Errors.valueError("traceback loop detected");
            }
            PyTraceback old = tb.next;
            tb.next = value == PyNone.NONE ? null : RefCount.newRef((PyTraceback) value);
            RefCount.xdecref(old);
        };
    }

    public PyTraceback next;
    public Frame frame;
    /** Instruction index in the frame's code. */
    public final int lasti;

    /** Steals {@code next} (may be null) and {@code frame}. */
    public PyTraceback(PyTraceback next, Frame frame, int lasti) {
        this.next = next;
        this.frame = frame;
        this.lasti = lasti;
    }

    public int lineno() {
        int l = frame.code.lineOf(lasti);
        return l < 0 ? frame.code.firstlineno : l;
    }

    /** Prepends an entry for {@code f} at instruction {@code lasti} to {@code exc.__traceback__}. */
    public static void addTo(PyBaseException exc, Frame f, int lasti) {
        PyObject old = exc.traceback;
        PyTraceback next = old instanceof PyTraceback t ? t : null;
        if (old != null && next == null) RefCount.decref(old);
        exc.traceback = new PyTraceback(next, f.expose(), lasti);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public void traverse(Visitor v) {
        if (next != null) v.visit(next);
        if (frame != null) v.visit(frame);
    }

    @Override
    public void releaseReferences() {
        PyObject n = next, f = frame;
        next = null;
        frame = null;
        RefCount.xdecref(n);
        RefCount.xdecref(f);
    }
}
