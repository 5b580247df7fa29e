package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.thread.ThreadState;

/** Shared helpers for VM tests: globals with a few test builtins, running module code. */
final class VmTestSupport {
    private VmTestSupport() {}

    static {
        Interp.init();
    }

    /** Fresh module globals with getrefcount(x) (as sys.getrefcount: the raw count). */
    static PyDict globals() {
        PyDict g = new PyDict();
        g.setItem(PyStr.intern("__name__"), PyStr.intern("__main__"));
        PyBuiltinFunction grc = PyBuiltinFunction.of("getrefcount", null, (Fn.F1) (self, x) -> PyInt.of(RefCount.count(x)));
        g.setItem(PyStr.intern("getrefcount"), grc);
        RefCount.decref(grc);
        return g;
    }

    static PyObject run(PyCode code, PyDict globals) {
        return Interpreter.runCode(ThreadState.current(), code, globals, globals);
    }

    static long intResult(PyObject o) {
        return ((PyInt) o).value;
    }

    /** Runs code expected to raise; returns the exception. */
    static PyException raises(PyCode code, PyDict globals) {
        try {
            PyObject r = run(code, globals);
            throw new AssertionError("expected an exception, got " + r);
        } catch (PyException e) {
            return e;
        }
    }
}
