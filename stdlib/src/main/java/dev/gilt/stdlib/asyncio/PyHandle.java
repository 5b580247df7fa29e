package dev.gilt.stdlib.asyncio;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.PyGetSetDescr;
import dev.gilt.stdlib.util.Attr;

/**
 * {@code _asyncio.Handle}: a callback scheduled on the loop (events.Handle in Java; the Python
 * class stays as {@code events._PyHandle}). Running it calls {@code callback(*args)}, in its
 * context if it has one; an exception goes to the loop's exception handler as CPython reports
 * it ("Exception in callback ...").
 *
 * <p>Refcounts: owns its callback, args, loop and context until it is cancelled (cancel drops
 * the callback and args, as CPython does) or dies.
 */
public class PyHandle extends PyGcObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("Handle", PyHandle.class), "asyncio.events");

    PyObject callback;
    /** The arguments, or null when there is exactly one (then in arg1: no tuple per callback). */
    PyTuple args;
    PyObject arg1;
    PyObject loop;
    PyObject context;
    boolean cancelled;
    PyObject repr;
    PyObject sourceTraceback;

    /** Steals args; the rest are borrowed. */
    PyHandle(PyObject callback, PyTuple args, PyObject loop, PyObject context) {
        this.callback = RefCount.newRef(callback);
        this.args = args;
        this.loop = RefCount.newRef(loop);
        this.context = context == null || context == PyNone.NONE ? null : RefCount.newRef(context);
    }

    /** A handle for callback(arg) (all borrowed). */
    static PyHandle withOneArg(PyObject callback, PyObject arg, PyObject loop, PyObject context) {
        PyHandle h = new PyHandle(callback, null, loop, context);
        h.arg1 = RefCount.newRef(arg);
        return h;
    }

    /** The arguments as a tuple (new reference), or null once cancelled. */
    PyTuple argsTuple() {
        if (args != null) return (PyTuple) RefCount.newRef(args);
        if (arg1 != null) return PyTuple.of(arg1);
        return null;
    }

    PyHandle() {}

    @Override
    public PyType type() {
        return TYPE;
    }

    static final ArgParser INIT = ArgParser.of("Handle", 3, 0, "callback", "args", "loop", "context");

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.flags |= PyType.WEAKREFABLE;
        TYPE.newInstance = (type, args, kw) -> new PyHandle();
        TYPE.init = (self, args, kw) -> {
            PyObject[] a = INIT.parse(args, kw);
            ((PyHandle) self).set(a[0], a[1], a[2], a[3]);
        };
        TYPE.repr = self -> AsyncioModule.hookHandleRepr(self);
        defineCommon(TYPE);
    }

    static void defineCommon(PyType t) {
        PyMethodDescr.define(t, "cancel", (Fn.F0) self -> {
            ((PyHandle) self).cancel();
            return PyNone.NONE;
        });
        PyMethodDescr.define(t, "cancelled", (Fn.F0) self -> PyBool.of(((PyHandle) self).cancelled));
        PyMethodDescr.define(t, "get_context", (Fn.F0) self -> PyFuture.orNone(((PyHandle) self).context));
        PyMethodDescr.define(t, "_run", (Fn.F0) self -> {
            ((PyHandle) self).run();
            return PyNone.NONE;
        });
        PyGetSetDescr.define(t, "_callback", self -> PyFuture.orNone(((PyHandle) self).callback));
        PyGetSetDescr.define(t, "_args", self -> {
            PyTuple a = ((PyHandle) self).argsTuple();
            return a == null ? PyNone.NONE : a;
        });
        PyGetSetDescr.define(t, "_loop", self -> PyFuture.orNone(((PyHandle) self).loop));
        PyGetSetDescr.define(t, "_context", self -> PyFuture.orNone(((PyHandle) self).context));
        PyGetSetDescr.define(t, "_cancelled", self -> PyBool.of(((PyHandle) self).cancelled));
        PyGetSetDescr.define(t, "_repr", self -> PyFuture.orNone(((PyHandle) self).repr),
                (self, v) -> ((PyHandle) self).repr = PyFuture.replace(((PyHandle) self).repr, v));
        PyGetSetDescr.define(t, "_source_traceback", self -> PyFuture.orNone(((PyHandle) self).sourceTraceback),
                (self, v) -> ((PyHandle) self).sourceTraceback = PyFuture.replace(((PyHandle) self).sourceTraceback, v));
    }

    void set(PyObject cb, PyObject argsObj, PyObject l, PyObject ctx) {
        PyTuple a = argsObj instanceof PyTuple t ? (PyTuple) RefCount.newRef(t) : PyTuple.fromIterable(argsObj);
        PyObject[] old = {callback, args, arg1, loop, context};
        callback = RefCount.newRef(cb);
        args = a;
        arg1 = null;
        loop = RefCount.newRef(l);
        context = ctx == null || ctx == PyNone.NONE ? null : RefCount.newRef(ctx);
        for (PyObject o : old) RefCount.xdecref(o);
    }

    void cancel() {
        if (cancelled) return;
        cancelled = true;
        if (loop != null && PyLoopCore.debugOf(loop)) {
            // Debug mode keeps the callback's description for the repr.
            PyObject r = AsyncioModule.hookHandleRepr(this);
            PyObject old = repr;
            repr = r;
            RefCount.xdecref(old);
        }
        PyObject cb = callback;
        PyObject a = args;
        PyObject a1 = arg1;
        callback = null;
        args = null;
        arg1 = null;
        RefCount.xdecref(cb);
        RefCount.xdecref(a);
        RefCount.xdecref(a1);
    }

    /** Calls the callback; errors (except SystemExit, KeyboardInterrupt) go to the loop's handler. */
    void run() {
        PyObject cb = callback;
        if (cb == null) return;
        PyTuple a = args;
        PyObject a1 = arg1;
        PyObject[] argv = a != null ? a.items : new PyObject[] {a1};
        RefCount.incref(cb);
        RefCount.xincref(a);
        RefCount.xincref(a1);
        try {
            PyObject r;
            if (context == null) {
                r = Ops.call(cb, argv);
            } else {
                PyObject[] all = new PyObject[argv.length + 1];
                all[0] = cb;
                System.arraycopy(argv, 0, all, 1, argv.length);
                PyObject runner = Ops.getAttr(context, "run");
                try {
                    r = Ops.call(runner, all);
                } finally {
                    RefCount.decref(runner);
                }
            }
            RefCount.decref(r);
        } catch (PyException e) {
            if (e.matches(PyExc.SystemExit) || e.matches(PyExc.KeyboardInterrupt)) throw e;
            try {
                PyTuple t = a != null ? (PyTuple) RefCount.newRef(a) : PyTuple.of(a1);
                try {
                    report(cb, t, e.exc);
                } finally {
                    RefCount.decref(t);
                }
            } finally {
                RefCount.decref(e.exc);
            }
        } finally {
            RefCount.decref(cb);
            RefCount.xdecref(a);
            RefCount.xdecref(a1);
        }
    }

    private void report(PyObject cb, PyTuple a, PyObject exc) {
        PyObject src = AsyncioModule.hookFormatCallback(cb, a);
        PyDict ctx = new PyDict();
        try {
            PyObject msg = PyStr.of("Exception in callback " + Ops.strString(src));
            ctx.setItem(PyStr.intern("message"), msg);
            RefCount.decref(msg);
            ctx.setItem(PyStr.intern("exception"), exc);
            ctx.setItem(PyStr.intern("handle"), this);
            if (sourceTraceback != null) ctx.setItem(PyStr.intern("source_traceback"), sourceTraceback);
            RefCount.decref(Ops.callMethod(loop, "call_exception_handler", ctx));
        } finally {
            RefCount.decref(ctx);
            RefCount.decref(src);
        }
    }

    @Override
    public void traverse(Visitor v) {
        if (callback != null) v.visit(callback);
        if (args != null) v.visit(args);
        if (arg1 != null) v.visit(arg1);
        if (loop != null) v.visit(loop);
        if (context != null) v.visit(context);
        if (repr != null) v.visit(repr);
        if (sourceTraceback != null) v.visit(sourceTraceback);
    }

    @Override
    public void releaseReferences() {
        PyObject[] drop = {callback, args, arg1, loop, context, repr, sourceTraceback};
        callback = null;
        args = null;
        arg1 = null;
        loop = context = repr = sourceTraceback = null;
        for (PyObject o : drop) RefCount.xdecref(o);
    }

    /** {@code _asyncio.TimerHandle}: a Handle due at a loop time; ordered by that time. */
    public static final class Timer extends PyHandle {
        public static final PyType TYPE = Attr.install(PyType.builtin("TimerHandle", Timer.class, PyHandle.TYPE),
                "asyncio.events");

        double when;
        PyObject whenObj;
        boolean scheduled;

        Timer(double when, PyObject whenObj, PyObject callback, PyTuple args, PyObject loop, PyObject context) {
            super(callback, args, loop, context);
            this.when = when;
            this.whenObj = RefCount.newRef(whenObj);
        }

        Timer() {}

        @Override
        public PyType type() {
            return TYPE;
        }

        static final ArgParser INIT = ArgParser.of("TimerHandle", 4, 0, "when", "callback", "args", "loop", "context");

        static {
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.flags |= PyType.WEAKREFABLE;
            TYPE.newInstance = (type, args, kw) -> new Timer();
            TYPE.init = (self, args, kw) -> {
                PyObject[] a = INIT.parse(args, kw);
                Timer t = (Timer) self;
                t.set(a[1], a[2], a[3], a[4]);
                t.setWhen(a[0]);
            };
            TYPE.repr = self -> AsyncioModule.hookHandleRepr(self);
            TYPE.hash = self -> Ops.hash(((Timer) self).whenObj);
            TYPE.richcompare = (a, b, op) -> compare(a, b, op);
            defineCommon(TYPE);
            PyMethodDescr.define(TYPE, "cancel", (Fn.F0) self -> {
                ((Timer) self).cancelTimer();
                return PyNone.NONE;
            });
            PyMethodDescr.define(TYPE, "when", (Fn.F0) self -> PyFuture.orNone(((Timer) self).whenObj));
            PyGetSetDescr.define(TYPE, "_when", self -> PyFuture.orNone(((Timer) self).whenObj));
            PyGetSetDescr.define(TYPE, "_scheduled", self -> PyBool.of(((Timer) self).scheduled),
                    (self, v) -> ((Timer) self).scheduled = v != null && Ops.isTrue(v));
        }

        void setWhen(PyObject w) {
            double d = w instanceof dev.gilt.runtime.object.PyFloat f ? f.value
                    : dev.gilt.stdlib.util.Args.asDouble(w);
            PyObject old = whenObj;
            whenObj = RefCount.newRef(w);
            when = d;
            RefCount.xdecref(old);
        }

        void cancelTimer() {
            if (!cancelled && loop != null) {
                if (loop instanceof PyLoopCore core) {
                    core.timerCancelled(this);
                } else {
                    RefCount.decref(Ops.callMethod(loop, "_timer_handle_cancelled", this));
                }
            }
            cancel();
        }

        /** CPython's TimerHandle ordering: by time; == also compares callback, args, state. */
        private static PyObject compare(PyObject a, PyObject b, int op) {
            if (!(b instanceof Timer tb)) return dev.gilt.runtime.object.PyNotImplemented.NOT_IMPLEMENTED;
            Timer ta = (Timer) a;
            boolean r;
            switch (op) {
                case Ops.LT -> r = ta.when < tb.when;
                case Ops.GT -> r = ta.when > tb.when;
                case Ops.LE -> r = ta.when < tb.when || equal(ta, tb);
                case Ops.GE -> r = ta.when > tb.when || equal(ta, tb);
                case Ops.EQ -> r = equal(ta, tb);
                default -> r = !equal(ta, tb);
            }
            return PyBool.of(r);
        }

        private static boolean equal(Timer a, Timer b) {
            if (a == b) return true;
            if (!(a.when == b.when && a.cancelled == b.cancelled && eqOrBothNull(a.callback, b.callback))) return false;
            PyTuple x = a.argsTuple(), y = b.argsTuple();
            try {
                return eqOrBothNull(x, y);
            } finally {
                RefCount.xdecref(x);
                RefCount.xdecref(y);
            }
        }

        private static boolean eqOrBothNull(PyObject x, PyObject y) {
            if (x == null || y == null) return x == y;
            return Ops.compareBool(x, y, Ops.EQ);
        }

        @Override
        public void traverse(Visitor v) {
            super.traverse(v);
            if (whenObj != null) v.visit(whenObj);
        }

        @Override
        public void releaseReferences() {
            PyObject w = whenObj;
            whenObj = null;
            super.releaseReferences();
            RefCount.xdecref(w);
        }
    }

    static PyException notCallable(PyObject o) {
        return Errors.typeError("'%s' object is not callable", o.type().name());
    }
}
