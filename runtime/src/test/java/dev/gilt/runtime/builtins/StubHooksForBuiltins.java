package dev.gilt.runtime.builtins;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;

/** Hooks whose every method fails: for checking argument validation that happens before them. */
class StubHooksForBuiltins implements Interp.Hooks {
    public PyObject compile(String source, String filename, String mode, int flags) {
        throw new UnsupportedOperationException();
    }

    public PyObject eval(PyObject code, PyDict globals, PyObject locals) {
        throw new UnsupportedOperationException();
    }

    public PyDict currentGlobals() {
        throw new UnsupportedOperationException();
    }

    public PyObject currentLocals() {
        throw new UnsupportedOperationException();
    }

    public PyObject importModule(String name, PyDict globals, PyObject fromlist, int level) {
        throw new UnsupportedOperationException();
    }

    public PyObject buildClass(PyObject[] args, PyTuple kwnames) {
        throw new UnsupportedOperationException();
    }

    public PyObject[] superArgs() {
        return null;
    }
}
