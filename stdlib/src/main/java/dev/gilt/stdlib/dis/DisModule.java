package dev.gilt.stdlib.dis;

import dev.gilt.interp.bytecode.Disassembler;
import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;

/**
 * {@code _gilt_dis}: the compiler's disassembler (the single {@link Opcode} table) for
 * lib/dis.py: rendering in CPython 3.12's layout, the opcode names, and a raw instruction list.
 */
public final class DisModule implements ModuleProvider {
    @Override
    public String name() {
        return "_gilt_dis";
    }

    static PyCode code(PyObject o) {
        if (o instanceof PyCode c) return c;
        throw Errors.typeError("expected a code object, not %s", o.type().name());
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_gilt_dis");
        m.def("render", (Fn.F1) (mod, c) -> PyStr.of(Disassembler.render(code(c))));
        m.def("render_one", (Fn.F1) (mod, c) -> {
            StringBuilder sb = new StringBuilder();
            Disassembler.renderOne(code(c), sb);
            return PyStr.of(sb.toString());
        });
        m.def("code_repr", (Fn.F1) (mod, c) -> PyStr.of(Disassembler.codeRepr(code(c))));
        PyList names = new PyList();
        for (Opcode op : Opcode.values()) names.appendSteal(PyStr.of(op.name()));
        m.setSteal("opnames", names);
        m.def("instructions", (Fn.F1) (mod, c) -> {
            PyCode co = code(c);
            int[] off = Disassembler.offsets(co);
            PyList out = new PyList();
            for (int i = 0; i < co.code.length; i++) {
                Opcode op = Opcode.of(co.code[i]);
                int arg = Opcode.arg(co.code[i]);
                boolean hasArg = op.argKind != Opcode.Arg.NONE;
                out.appendSteal(PyTuple.steal(PyStr.of(op.name()), PyInt.of(op.ordinal()),
                        hasArg ? PyInt.of(arg) : PyNone.NONE, PyInt.of(off[i]), PyInt.of(co.lineOf(i)),
                        PyBool.of(op.isJump())));
            }
            return out;
        });
        return m;
    }
}
