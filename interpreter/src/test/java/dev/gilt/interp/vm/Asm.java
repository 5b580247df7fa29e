package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.object.PyObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-only assembler: builds code objects by hand so the VM can be tested without the
 * compiler. Labels resolve to absolute instruction indexes; {@link #handler} adds an exception
 * table entry. Every instruction gets line {@link #line} (settable) and columns 0..1.
 */
final class Asm {
    private final List<int[]> ins = new ArrayList<>(); // {opcode ordinal, arg, labelRef or -1, line}
    private final List<String> labelRefs = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private final List<PyObject> consts = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<int[]> table = new ArrayList<>();
    private final List<String[]> tableLabels = new ArrayList<>();
    String name = "f";
    String filename = "<asm>";
    String[] varnames = {};
    String[] cellvars = {};
    String[] freevars = {};
    int argcount, posonly, kwonly, flags = PyCode.CO_OPTIMIZED | PyCode.CO_NEWLOCALS;
    int line = 1;
    int stacksize = 16;

    Asm(String name, String... varnames) {
        this.name = name;
        this.varnames = varnames;
    }

    Asm op(Opcode op) {
        return op(op, 0);
    }

    Asm op(Opcode op, int arg) {
        ins.add(new int[] {op.ordinal(), arg, -1, line});
        return this;
    }

    /** A jump-style instruction whose argument is the index of {@code label}. */
    Asm jump(Opcode op, String label) {
        labelRefs.add(label);
        ins.add(new int[] {op.ordinal(), 0, labelRefs.size() - 1, line});
        return this;
    }

    Asm label(String l) {
        labels.put(l, ins.size());
        return this;
    }

    int here() {
        return ins.size();
    }

    /** Index of a constant (added if new by identity). */
    int k(PyObject v) {
        for (int i = 0; i < consts.size(); i++) if (consts.get(i) == v) return i;
        consts.add(v);
        return consts.size() - 1;
    }

    Asm loadConst(PyObject v) {
        return op(Opcode.LOAD_CONST, k(v));
    }

    int name(String n) {
        int i = names.indexOf(n);
        if (i >= 0) return i;
        names.add(n);
        return names.size() - 1;
    }

    int local(String n) {
        for (int i = 0; i < varnames.length; i++) if (varnames[i].equals(n)) return i;
        throw new IllegalArgumentException(n);
    }

    /** Exception table entry: [from, to) handled at {@code target} with stack depth and lasti flag. */
    Asm handler(String from, String to, String target, int depth, boolean lasti) {
        tableLabels.add(new String[] {from, to, target});
        table.add(new int[] {depth, lasti ? 1 : 0});
        return this;
    }

    PyCode build() {
        int n = ins.size();
        int[] code = new int[n], lines = new int[n], endLines = new int[n], cols = new int[n], endCols = new int[n];
        for (int i = 0; i < n; i++) {
            int[] x = ins.get(i);
            int arg = x[2] >= 0 ? labels.get(labelRefs.get(x[2])) : x[1];
            code[i] = Opcode.encode(Opcode.values()[x[0]], arg);
            lines[i] = x[3];
            endLines[i] = x[3];
            cols[i] = 0;
            endCols[i] = 1;
        }
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            String[] l = tableLabels.get(i);
            rows.add(new int[] {labels.get(l[0]), labels.get(l[1]), labels.get(l[2]), table.get(i)[0], table.get(i)[1]});
        }
        rows.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] et = new int[rows.size() * 5];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, et, i * 5, 5);
        return new PyCode(name, name, filename, 1, argcount, posonly, kwonly, flags, stacksize, code,
                consts.toArray(new PyObject[0]), names.toArray(new String[0]), varnames, cellvars, freevars, lines,
                endLines, cols, endCols, et, null);
    }
}
