package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.Opcode.Intrinsic;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.imp.Importer;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;
import java.util.Arrays;

/** CALL_INTRINSIC_1's functions (CPython 3.12's intrinsics). Argument borrowed, result new. */
final class Intrinsics {
    private Intrinsics() {}

    static PyObject call(ThreadState ts, Frame f, int which, PyObject v) {
        switch (which) {
            case Intrinsic.PRINT:
                VmOps.display(v);
                return RefCount.newRef(PyNone.NONE);
            case Intrinsic.IMPORT_STAR:
                Importer.importStar(f.locals, v);
                return RefCount.newRef(PyNone.NONE);
            case Intrinsic.STOPITERATION_ERROR:
                return stopIterationError(f.code, v);
            case Intrinsic.ASYNC_GEN_WRAP:
                return new PyAsyncGenerator.Wrapped(v);
            case Intrinsic.UNARY_POSITIVE:
                return Ops.pos(v);
            case Intrinsic.LIST_TO_TUPLE: {
                PyList l = (PyList) v;
                PyObject[] items = Arrays.copyOf(l.items, l.size);
                for (PyObject o : items) RefCount.incref(o);
                return PyTuple.steal(items);
            }
            default:
                throw Errors.systemError("unknown intrinsic " + which);
        }
    }

    /**
     * PEP 479: a StopIteration escaping a generator's body becomes RuntimeError (and
     * StopAsyncIteration escaping an async generator's); other exceptions pass unchanged.
     */
    static PyObject stopIterationError(PyCode code, PyObject exc) {
        String msg = null;
        if (exc.type().isSubtypeOf(PyExc.StopIteration)) {
            msg = (code.flags & PyCode.CO_COROUTINE) != 0 ? "coroutine raised StopIteration"
                    : (code.flags & PyCode.CO_ASYNC_GENERATOR) != 0 ? "async generator raised StopIteration"
                    : "generator raised StopIteration";
        } else if ((code.flags & PyCode.CO_ASYNC_GENERATOR) != 0
                && exc.type().isSubtypeOf(PyExc.StopAsyncIteration)) {
            msg = "async generator raised StopAsyncIteration";
        }
        if (msg == null) return RefCount.newRef(exc);
        PyBaseException r = VmSupport.raise(PyExc.RuntimeError, msg).exc;
        r.cause = RefCount.newRef(exc);
        r.context = RefCount.newRef(exc);
        return r;
    }
}
