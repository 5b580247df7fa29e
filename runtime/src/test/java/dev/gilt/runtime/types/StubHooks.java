package dev.gilt.runtime.types;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;

/** Interpreter hooks for tests: every method fails unless overridden. */
class StubHooks implements Interp.Hooks {
    @Override
    public PyObject compile(String source, String filename, String mode, int flags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PyObject eval(PyObject code, PyDict globals, PyObject locals) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PyDict currentGlobals() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PyObject currentLocals() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PyObject importModule(String name, PyDict globals, PyObject fromlist, int level) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PyObject buildClass(PyObject[] args, PyTuple kwnames) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PyObject[] superArgs() {
        return null;
    }
}
