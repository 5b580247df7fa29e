package dev.gilt.interp.compile;

import dev.gilt.interp.bytecode.Disassembler;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.vm.Interpreter;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.thread.ThreadState;

/**
 * Test-only: compiles Python source with the Gilt compiler and runs it in the VM with a few test
 * builtins that do not depend on the (separately written) builtins module: {@code out(*args)}
 * records its arguments (ints, floats, strs, None, bools, tuples and lists formatted as Python's
 * str() would), {@code rng(n)} returns {@code [0, ..., n-1]}, and the common exception types.
 */
final class RunSupport {
    private RunSupport() {}

    static {
        Interp.init();
    }

    /** Output of {@code out(...)} calls, one line per call. */
    static String run(String src) {
        StringBuilder sb = new StringBuilder();
        PyDict g = globals(sb);
        PyCode code = Compiler.compile(src, "<test>", Compiler.Mode.EXEC);
        try {
            PyObject r = Interpreter.runCode(ThreadState.current(), code, g, g);
            RefCount.decref(r);
        } catch (PyException e) {
            PyBaseException exc = e.exc;
            sb.append("!").append(exc.type().name());
            if (exc.args != null && exc.args.size() > 0) sb.append(": ").append(fmt(exc.args.get(0)));
            sb.append('\n');
        } catch (RuntimeException | Error e) {
            throw new AssertionError(e + "\n" + Disassembler.render(code), e);
        }
        return sb.toString();
    }

    static PyDict globals(StringBuilder sb) {
        PyDict g = new PyDict();
        g.setItem(PyStr.intern("__name__"), PyStr.intern("__main__"));
        def(g, "out", PyBuiltinFunction.of("out", null, (Fn.FV) (self, args, kw) -> {
            for (int i = 0; i < args.length; i++) {
                if (i > 0) sb.append(' ');
                sb.append(fmt(args[i]));
            }
            sb.append('\n');
            return PyNone.NONE;
        }));
        def(g, "rng", PyBuiltinFunction.of("rng", null, (Fn.F1) (self, n) -> {
            long k = ((PyInt) n).value;
            PyObject[] items = new PyObject[(int) k];
            for (int i = 0; i < k; i++) items[i] = PyInt.of(i);
            return new TestIter(items);
        }));
        def(g, "seq", PyBuiltinFunction.of("seq", null, (Fn.FV) (self, args, kw) -> {
            for (PyObject a : args) RefCount.incref(a);
            return new TestIter(args.clone());
        }));
        def(g, "each", PyBuiltinFunction.of("each", null, (Fn.F1) (self, o) -> {
            PyList l = (PyList) o;
            PyObject[] items = new PyObject[l.size()];
            for (int i = 0; i < items.length; i++) items[i] = RefCount.newRef(l.get(i));
            return new TestIter(items);
        }));
        def(g, "exc", PyBuiltinFunction.of("exc", null, (Fn.F2) (self, t, v) ->
                new PyBaseException((PyType) t, PyTuple.of(v))));
        def(g, "size", PyBuiltinFunction.of("size", null, (Fn.F1) (self, o) -> {
            if (o instanceof PyDict d) return PyInt.of(d.size());
            if (o instanceof PyTuple t) return PyInt.of(t.size());
            if (o instanceof PyList l) return PyInt.of(l.size());
            return PyInt.of(-1);
        }));
        def(g, "arg0", PyBuiltinFunction.of("arg0", null, (Fn.F1) (self, o) -> {
            PyBaseException e = (PyBaseException) o;
            return e.args.size() > 0 ? RefCount.newRef(e.args.get(0)) : PyNone.NONE;
        }));
        def(g, "nxt", PyBuiltinFunction.of("nxt", null, (Fn.F1) (self, it) -> {
            PyObject v = dev.gilt.runtime.ops.Ops.next(it);
            return v == null ? PyStr.intern("<stop>") : v;
        }));
        for (PyType t : new PyType[] {PyExc.Exception, PyExc.ValueError, PyExc.KeyError, PyExc.RuntimeError,
            PyExc.StopIteration, PyExc.ZeroDivisionError, PyExc.TypeError, PyExc.AssertionError, PyExc.NameError,
            PyExc.UnboundLocalError, PyExc.IndexError, PyExc.BaseException}) {
            g.setItem(PyStr.intern(t.name()), t);
        }
        return g;
    }

    /** An iterator over fixed items (builtin containers may not be iterable yet on this branch). */
    static final class TestIter extends PyObject {
        static final PyType TYPE = PyType.builtin("test_iterator", TestIter.class);

        static {
            TYPE.iter = RefCount::newRef;
            TYPE.next = o -> ((TestIter) o).advance();
        }

        private final PyObject[] items;
        private int i;

        /** Steals the references in {@code items}. */
        TestIter(PyObject[] items) {
            this.items = items;
        }

        private PyObject advance() {
            if (i >= items.length) return null;
            PyObject v = items[i];
            items[i++] = null;
            return v;
        }

        @Override
        public PyType type() {
            return TYPE;
        }
    }

    private static void def(PyDict g, String name, PyObject v) {
        g.setItem(PyStr.intern(name), v);
        RefCount.decref(v);
    }

    /** Python's str() for the simple values tests print. */
    static String fmt(PyObject o) {
        if (o instanceof PyStr s) return s.value;
        return repr(o);
    }

    static String repr(PyObject o) {
        if (o == PyNone.NONE) return "None";
        if (o instanceof PyBool b) return b.value != 0 ? "True" : "False";
        if (o instanceof PyInt i) return i.toString();
        if (o instanceof PyFloat f) return Disassembler.floatRepr(f.value, true);
        if (o instanceof PyStr s) return Disassembler.strRepr(s.value);
        if (o instanceof PyTuple t) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(repr(t.get(i)));
            }
            if (t.size() == 1) sb.append(',');
            return sb.append(')').toString();
        }
        if (o instanceof PyList l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(repr(l.get(i)));
            }
            return sb.append(']').toString();
        }
        return "<" + o.type().name() + ">";
    }
}
