package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;

/**
 * Python-visible attributes of code objects ({@code co_name}, {@code co_varnames},
 * {@code co_positions()}, ...), installed on {@link PyCode#TYPE} at start-up unless someone
 * else (the bytecode package) already gave the type a getattr slot.
 */
public final class CodeAttrs {
    private CodeAttrs() {}

    public static synchronized void install() {
        PyType t = PyCode.TYPE;
        // Install unless the bytecode package gave code objects their own attribute lookup.
        if (t.getattr != null && t.getattr != PyType.OBJECT.getattr) return;
        t.getattr = (self, name) -> get((PyCode) self, name);
        t.repr = self -> {
            PyCode c = (PyCode) self;
            return PyStr.of("<code object " + c.name + " at 0x" + Long.toHexString(RefCount.id(c)) + ", file \""
                    + c.filename + "\", line " + c.firstlineno + ">");
        };
        t.hash = self -> RefCount.id(self) >>> 4;
        PyMethodDescr.define(t, "co_positions", (Fn.F0) self -> positions((PyCode) self));
        PyMethodDescr.define(t, "co_lines", (Fn.F0) self -> lines((PyCode) self));
    }

    private static PyObject strs(String[] a) {
        PyObject[] items = new PyObject[a.length];
        for (int i = 0; i < a.length; i++) items[i] = PyStr.intern(a[i]);
        return PyTuple.of(items);
    }

    static PyObject get(PyCode c, PyStr name) {
        return switch (name.value) {
            case "co_name" -> PyStr.intern(c.name);
            case "co_qualname" -> PyStr.intern(c.qualname);
            case "co_filename" -> PyStr.of(c.filename);
            case "co_firstlineno" -> PyInt.of(c.firstlineno);
            case "co_argcount" -> PyInt.of(c.argcount);
            case "co_posonlyargcount" -> PyInt.of(c.posonlyargcount);
            case "co_kwonlyargcount" -> PyInt.of(c.kwonlyargcount);
            case "co_nlocals" -> PyInt.of(c.nlocals);
            case "co_stacksize" -> PyInt.of(c.stacksize);
            case "co_flags" -> PyInt.of(c.flags);
            case "co_varnames" -> strs(c.varnames);
            case "co_cellvars" -> strs(c.cellvars);
            case "co_freevars" -> strs(c.freevars);
            case "co_names" -> strs(c.names);
            case "co_consts" -> PyTuple.of(c.consts);
            default -> VmSupport.genericGetAttr(c, name, null);
        };
    }

    /** co_positions(): (line, end_line, col, end_col) per 2-byte code unit, caches included. */
    static PyObject positions(PyCode c) {
        PyList out = new PyList();
        for (int i = 0; i < c.code.length; i++) {
            int units = 1 + Opcode.of(c.code[i]).cacheEntries;
            PyObject t = c.lines[i] < 0 ? PyTuple.of(PyNone.NONE, PyNone.NONE, PyNone.NONE, PyNone.NONE)
                    : PyTuple.steal(PyInt.of(c.lines[i]), PyInt.of(c.endLines[i]), opt(c.cols[i]), opt(c.endCols[i]));
            for (int u = 0; u < units; u++) out.append(t);
            RefCount.decref(t);
        }
        return iterOf(out);
    }

    private static PyObject opt(int v) {
        return v < 0 ? PyNone.NONE : PyInt.of(v);
    }

    /** co_lines(): (start, end, line) byte ranges, merging neighbours on the same line. */
    static PyObject lines(PyCode c) {
        PyList out = new PyList();
        int start = 0, off = 0, cur = Integer.MIN_VALUE;
        for (int i = 0; i < c.code.length; i++) {
            int line = c.lines[i];
            if (i > 0 && line != cur) {
                out.appendSteal(PyTuple.steal(PyInt.of(start), PyInt.of(off), opt(cur)));
                start = off;
            }
            cur = line;
            off += 2 * (1 + Opcode.of(c.code[i]).cacheEntries);
        }
        if (c.code.length > 0) out.appendSteal(PyTuple.steal(PyInt.of(start), PyInt.of(off), opt(cur)));
        return iterOf(out);
    }

    private static PyObject iterOf(PyList l) {
        try {
            return dev.gilt.runtime.ops.Ops.iter(l);
        } finally {
            RefCount.decref(l);
        }
    }
}
