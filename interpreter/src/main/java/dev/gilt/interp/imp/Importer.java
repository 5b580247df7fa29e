package dev.gilt.interp.imp;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.ops.Ops;

/** The import system (placeholder while the VM core is brought up). */
public final class Importer {
    private Importer() {}

    public static PyObject importName(PyDict globals, PyObject locals, String name, PyObject fromlist,
            PyObject level, PyDict builtins) {
        throw Errors.systemError("import not implemented yet");
    }

    public static PyObject importFrom(PyObject module, PyStr name) {
        return Ops.getAttr(module, name);
    }

    public static void importStar(PyObject locals, PyObject module) {
        throw Errors.systemError("import * not implemented yet");
    }
}
