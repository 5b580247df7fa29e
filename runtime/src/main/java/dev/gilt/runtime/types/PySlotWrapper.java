package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * {@code wrapper_descriptor}: a builtin type's slot seen as a method in its dict, e.g.
 * {@code int.__add__}, {@code object.__init__}, {@code list.__len__} (CPython's slot wrappers).
 * Calling it runs the slot function of {@link #owner} (read at call time), so
 * {@code object.__ne__(a, b)} and {@code super().__setitem__(k, v)} reach the builtin code.
 * Bound to an instance it becomes a {@code method-wrapper}. Immortal.
 */
public final class PySlotWrapper extends PyObject {
    public static final PyType TYPE = PyType.builtin("wrapper_descriptor", PySlotWrapper.class);
    public static final PyType METHOD_WRAPPER = PyType.builtin("method-wrapper", Bound.class);

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.flags |= PyType.METHOD_DESCRIPTOR;
        TYPE.descrGet = (d, obj, type) -> obj == null ? d : ((PySlotWrapper) d).bind(obj);
        TYPE.call = (d, args, kw) -> {
            PySlotWrapper w = (PySlotWrapper) d;
            if (args.length == 0 || (kw != null && args.length == kw.size())) {
                throw Errors.typeError("descriptor '%s' of '%s' object needs an argument", w.name, w.owner.name());
            }
            return w.call(args[0], java.util.Arrays.copyOfRange(args, 1, args.length), kw);
        };
        TYPE.repr = d -> PyStr.of("<slot wrapper '" + ((PySlotWrapper) d).name + "' of '" + ((PySlotWrapper) d).owner.name()
                + "' objects>");
        METHOD_WRAPPER.flags &= ~PyType.BASETYPE;
        METHOD_WRAPPER.call = (m, args, kw) -> ((Bound) m).descr.call(((Bound) m).self, args, kw);
        METHOD_WRAPPER.repr = m -> {
            Bound b = (Bound) m;
            return PyStr.of("<method-wrapper '" + b.descr.name + "' of " + b.self.type().name() + " object at 0x"
                    + Long.toHexString(RefCount.id(b.self)) + ">");
        };
        METHOD_WRAPPER.richcompare = (a, b, op) -> {
            if ((op != Ops.EQ && op != Ops.NE) || !(b instanceof Bound bb)) {
                return dev.gilt.runtime.object.PyNotImplemented.NOT_IMPLEMENTED;
            }
            Bound ba = (Bound) a;
            boolean eq = ba.descr == bb.descr && ba.self == bb.self;
            return PyBool.of(op == Ops.EQ ? eq : !eq);
        };
        METHOD_WRAPPER.hash = m -> {
            Bound b = (Bound) m;
            return (ObjectSlots.hash(b.self) * 31 + b.descr.name.hashCode()) == -1 ? -2
                    : ObjectSlots.hash(b.self) * 31 + b.descr.name.hashCode();
        };
    }

    public final PyType owner;
    public final String name;
    /** The slot group (SlotTable.G_*). */
    final int group;
    /** Which member of the group: the comparison op, 1 for reflected / delete forms, else 0. */
    final int variant;

    PySlotWrapper(PyType owner, String name, int group, int variant) {
        this.owner = owner;
        this.name = name;
        this.group = group;
        this.variant = variant;
        RefCount.immortalize(this);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    PyObject bind(PyObject obj) {
        checkSelf(obj);
        return new Bound(this, obj);
    }

    private void checkSelf(PyObject self) {
        if (!self.type().isSubtypeOf(owner)) {
            throw Errors.typeError("descriptor '%s' requires a '%s' object but received a '%s'", name, owner.name(),
                    self.type().name());
        }
    }

    private void noKw(PyTuple kw) {
        if (kw != null && kw.size() > 0) throw Errors.typeError("wrapper %s() takes no keyword arguments", name);
    }

    private static void nargs(PyObject[] args, int n) {
        if (args.length != n) {
            throw Errors.typeError("expected %d argument%s, got %d", n, n == 1 ? "" : "s", args.length);
        }
    }

    /** Runs the wrapped slot of {@link #owner} on {@code self}. */
    PyObject call(PyObject self, PyObject[] args, PyTuple kw) {
        checkSelf(self);
        PyType o = owner;
        int g = group;
        if (g == SlotTable.G_INIT) {
            o.init.init(self, args, kw);
            return PyNone.NONE;
        }
        if (g == SlotTable.G_CALL) return o.call.call(self, args, kw);
        noKw(kw);
        switch (g) {
            case SlotTable.G_REPR:
                nargs(args, 0);
                return o.repr.apply(self);
            case SlotTable.G_STR:
                nargs(args, 0);
                return o.str.apply(self);
            case SlotTable.G_HASH:
                nargs(args, 0);
                return PyInt.of(o.hash.hash(self));
            case SlotTable.G_RICHCMP:
                nargs(args, 1);
                return o.richcompare.compare(self, args[0], variant);
            case SlotTable.G_ITER:
                nargs(args, 0);
                return o.iter.apply(self);
            case SlotTable.G_NEXT: {
                nargs(args, 0);
                PyObject r = o.next.next(self);
                if (r == null) throw Errors.stopIteration();
                return r;
            }
            case SlotTable.G_GETATTR: {
                nargs(args, 1);
                PyStr n = GenericAttr.checkName(args[0]);
                PyObject r = o.getattr.get(self, n);
                if (r == null) throw Errors.noAttribute(self, n.value);
                return r;
            }
            case SlotTable.G_SETATTR:
                if (variant == 0) {
                    nargs(args, 2);
                    checkSetattrTarget(self);
                    o.setattr.set(self, GenericAttr.checkName(args[0]), args[1]);
                } else {
                    nargs(args, 1);
                    checkSetattrTarget(self);
                    o.setattr.set(self, GenericAttr.checkName(args[0]), null);
                }
                return PyNone.NONE;
            case SlotTable.G_DESCR_GET: {
                if (args.length < 1 || args.length > 2) {
                    throw Errors.typeError("expected 1 or 2 arguments, got %d", args.length);
                }
                PyObject obj = args[0] == PyNone.NONE ? null : args[0];
                PyObject tp = args.length > 1 && args[1] != PyNone.NONE ? args[1] : null;
                if (obj == null && tp == null) throw Errors.typeError("__get__(None, None) is invalid");
                return o.descrGet.get(self, obj, tp instanceof PyType t ? t : obj == null ? null : obj.type());
            }
            case SlotTable.G_DESCR_SET:
                if (variant == 0) {
                    nargs(args, 2);
                    o.descrSet.set(self, args[0], args[1]);
                } else {
                    nargs(args, 1);
                    o.descrSet.set(self, args[0], null);
                }
                return PyNone.NONE;
            case SlotTable.G_NEG:
                nargs(args, 0);
                return o.neg.apply(self);
            case SlotTable.G_POS:
                nargs(args, 0);
                return o.pos.apply(self);
            case SlotTable.G_INVERT:
                nargs(args, 0);
                return o.invert.apply(self);
            case SlotTable.G_ABS:
                nargs(args, 0);
                return o.abs.apply(self);
            case SlotTable.G_INDEX:
                nargs(args, 0);
                return o.index.apply(self);
            case SlotTable.G_INT:
                nargs(args, 0);
                return o.asInt.apply(self);
            case SlotTable.G_FLOAT:
                nargs(args, 0);
                return o.asFloat.apply(self);
            case SlotTable.G_BOOL:
                nargs(args, 0);
                return PyBool.of(o.bool.test(self));
            case SlotTable.G_LEN:
                nargs(args, 0);
                return PyInt.of(o.len.length(self));
            case SlotTable.G_GETITEM:
                nargs(args, 1);
                return o.getitem.apply(self, args[0]);
            case SlotTable.G_SETITEM:
                if (variant == 0) {
                    nargs(args, 2);
                    o.setitem.set(self, args[0], args[1]);
                } else {
                    nargs(args, 1);
                    o.setitem.set(self, args[0], null);
                }
                return PyNone.NONE;
            case SlotTable.G_CONTAINS:
                nargs(args, 1);
                return PyBool.of(o.contains.contains(self, args[0]));
            case SlotTable.G_AWAIT:
                nargs(args, 0);
                return o.await.apply(self);
            case SlotTable.G_AITER:
                nargs(args, 0);
                return o.aiter.apply(self);
            case SlotTable.G_ANEXT:
                nargs(args, 0);
                return o.anext.apply(self);
            case SlotTable.G_DEL:
                nargs(args, 0);
                return PyNone.NONE;
            default:
                break;
        }
        if (g >= SlotTable.G_NB && g < SlotTable.G_NBI) {
            int op = g - SlotTable.G_NB;
            if (op == Ops.NB_POWER && args.length == 2 && variant == 0) {
                if (o.power3 == null) return dev.gilt.runtime.object.PyNotImplemented.NOT_IMPLEMENTED;
                return o.power3.apply(self, args[0], args[1]);
            }
            if (op == Ops.NB_POWER && args.length == 2 && variant == 1) {
                if (o.power3 == null) return dev.gilt.runtime.object.PyNotImplemented.NOT_IMPLEMENTED;
                return o.power3.apply(args[0], self, args[1]);
            }
            nargs(args, 1);
            return variant == 0 ? o.nb[op].apply(self, args[0]) : o.nb[op].apply(args[0], self);
        }
        if (g >= SlotTable.G_NBI && g < SlotTable.G_COUNT) {
            nargs(args, 1);
            return o.nbInplace[g - SlotTable.G_NBI].apply(self, args[0]);
        }
        throw Errors.systemError("bad slot wrapper " + name);
    }

    /** CPython's hackcheck: object.__setattr__ cannot bypass a type's own setattr on types. */
    private void checkSetattrTarget(PyObject self) {
        if (self instanceof PyType && owner != PyType.TYPE && !owner.isSubtypeOf(PyType.TYPE)) {
            throw Errors.typeError("can't apply this %s to type object", name);
        }
    }

    /** {@code method-wrapper}: a slot wrapper bound to an instance. */
    public static final class Bound extends dev.gilt.runtime.object.PyGcObject {
        final PySlotWrapper descr;
        PyObject self;

        Bound(PySlotWrapper descr, PyObject self) {
            this.descr = descr;
            this.self = RefCount.newRef(self);
        }

        @Override
        public PyType type() {
            return METHOD_WRAPPER;
        }

        @Override
        public void traverse(Visitor v) {
            if (self != null) v.visit(self);
        }

        @Override
        public void releaseReferences() {
            PyObject s = self;
            self = null;
            RefCount.xdecref(s);
        }
    }
}
