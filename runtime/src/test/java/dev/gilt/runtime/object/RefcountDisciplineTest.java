package dev.gilt.runtime.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.text.Formatting;
import dev.gilt.runtime.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The refcount contract of the number and text types: arguments are borrowed, results are new
 * references. For each operation, decref'ing the result must leave every operand's count where it
 * was (a leak or an extra decref shows as a difference), including when the operation raises.
 */
class RefcountDisciplineTest {
    private static PyObject[] operands;

    private static void check(String what, Supplier<PyObject> op) {
        long[] before = new long[operands.length];
        for (int i = 0; i < operands.length; i++) before[i] = RefCount.count(operands[i]);
        try {
            PyObject r = op.get();
            assertTrue(RefCount.count(r) >= 1, what + ": result must be a live reference");
            RefCount.decref(r);
        } catch (PyException e) {
            RefCount.decref(e.exc);
        }
        for (int i = 0; i < operands.length; i++) {
            assertEquals(before[i], RefCount.count(operands[i]), what + ": count of operand " + i + " changed");
        }
    }

    @Test
    @DisplayName("operations on int, float, complex, str and bytes keep their operands' counts")
    void borrowedArgumentsNewResults() {
        PyInt big = PyInt.of(new java.math.BigInteger("123456789012345678901234567890"));
        PyInt mid = PyInt.of(1000);
        PyFloat f = PyFloat.of(2.5);
        PyComplex z = PyComplex.of(1, 2);
        PyStr s = PyStr.of("Hello, World");
        PyStr sep = PyStr.of(", ");
        PyStr spec = PyStr.of(">20,.2f");
        PyBytes b = PyBytes.of(new byte[] {'a', 'b', ',', 'c'});
        PyByteArray ba = PyByteArray.of(new byte[] {'x', 'y', 'z'});
        PyStr fmt = PyStr.of("{0} {1!r} {2:>5}");
        PyStr pct = PyStr.of("%s|%d|%5.1f");
        PyTuple args = PyTuple.of(s, mid, f);
        PyTuple words = PyTuple.of(s, sep);
        operands = new PyObject[] {big, mid, f, z, s, sep, spec, b, ba, fmt, pct, args, words};
        List<String> names = new ArrayList<>();
        for (int op = 0; op < 13; op++) {
            final int o = op;
            if (op == Ops.NB_MATRIX_MULTIPLY) continue;
            for (PyObject x : new PyObject[] {big, mid, f, z}) {
                for (PyObject y : new PyObject[] {big, mid, f, z, s}) {
                    check(Ops.NB_SYMBOLS[op] + " " + x.type().name() + " " + y.type().name(), () -> Ops.binaryOp(o, x, y));
                }
            }
        }
        for (PyObject x : new PyObject[] {big, mid, f, z, s, b, ba}) {
            check("repr " + x.type().name(), () -> Ops.repr(x));
            check("str " + x.type().name(), () -> Ops.str(x));
            for (int c = 0; c < 6; c++) {
                final int cmp = c;
                for (PyObject y : new PyObject[] {big, f, s, b}) check("cmp", () -> Ops.richCompare(x, y, cmp));
            }
        }
        check("neg", () -> Ops.neg(big));
        check("pos int", () -> Ops.pos(mid));
        check("pos float", () -> Ops.pos(f));
        check("index", () -> Ops.index(big));
        check("int(float)", () -> PyInt.TYPE.newInstance.create(PyInt.TYPE, new PyObject[] {f}, null));
        check("int(int)", () -> PyInt.TYPE.newInstance.create(PyInt.TYPE, new PyObject[] {big}, null));
        check("float(str)", () -> PyFloat.TYPE.newInstance.create(PyFloat.TYPE, new PyObject[] {PyStr.intern("1.5")}, null));
        check("complex(z)", () -> PyComplex.TYPE.newInstance.create(PyComplex.TYPE, new PyObject[] {z}, null));
        check("str(big)", () -> PyStr.TYPE.newInstance.create(PyStr.TYPE, new PyObject[] {big}, null));
        check("bytes(b)", () -> PyBytes.TYPE.newInstance.create(PyBytes.TYPE, new PyObject[] {b}, null));
        check("format float", () -> Formatting.format(f, spec));
        check("format int", () -> Formatting.format(big, spec));
        check("format str", () -> Formatting.format(s, PyStr.EMPTY));
        check("str.format", () -> Py.call(fmt, "format", s, big, f));
        check("str %", () -> Ops.binaryOp(Ops.NB_REMAINDER, pct, args));
        check("split", () -> Py.call(s, "split", sep));
        check("join", () -> Py.call(sep, "join", words));
        check("join error", () -> Py.call(sep, "join", args));
        check("partition", () -> Py.call(s, "partition", sep));
        check("replace", () -> Py.call(s, "replace", sep, s));
        check("strip none", () -> Py.call(s, "strip"));
        check("getitem", () -> Ops.getItem(s, mid));
        check("getitem ok", () -> Ops.getItem(s, PyInt.of(3)));
        check("slice", () -> Ops.getItem(s, new PySlice(PyNone.NONE, PyNone.NONE, PyNone.NONE)));
        check("iter", () -> {
            PyObject it = Ops.iter(s);
            PyObject x;
            while ((x = Ops.next(it)) != null) RefCount.decref(x);
            return it;
        });
        check("encode", () -> Py.call(s, "encode"));
        check("decode", () -> Py.call(b, "decode"));
        check("bytes split", () -> Py.call(b, "split", PyBytes.of(new byte[] {','})));
        check("bytearray +", () -> Ops.add(ba, b));
        check("bytearray slice", () -> Ops.getItem(ba, new PySlice(PyInt.of(1), PyNone.NONE, PyNone.NONE)));
        check("divmod", () -> Py.call(big, "__divmod__", mid));
        check("round", () -> Py.call(f, "__round__", mid));
        check("to_bytes", () -> Py.call(mid, "to_bytes", PyInt.of(4), PyStr.intern("big")));
        check("as_integer_ratio", () -> Py.call(f, "as_integer_ratio"));
        check("hex", () -> Py.call(f, "hex"));
        check("contains", () -> PyBool.of(Ops.contains(s, sep)));
        check("hash", () -> PyInt.of(Ops.hash(big) + Ops.hash(f) + Ops.hash(z) + Ops.hash(s) + Ops.hash(b)));
        assertTrue(names.isEmpty());
    }
}
