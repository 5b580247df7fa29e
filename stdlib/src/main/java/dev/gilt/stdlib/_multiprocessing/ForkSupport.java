package dev.gilt.stdlib._multiprocessing;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.vm.PyFunction;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyCell;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.PyClassMethod;
import dev.gilt.runtime.types.PyHeapType;
import dev.gilt.runtime.types.PyProperty;
import dev.gilt.runtime.types.PyStaticMethod;
import dev.gilt.stdlib._pickle.Pickler;
import dev.gilt.stdlib.util.Args;

/**
 * The emulated {@code fork} start method. A JVM cannot fork, so a child receives what fork would
 * have given it that matters to Python code: the parent's {@code __main__} globals. They travel
 * as pickles, with one extension ({@link Hook}): what {@code __main__} defines (functions,
 * classes, their closures and code) goes by value, and modules go by name (re-imported), so a
 * script without an {@code if __name__ == "__main__":} guard behaves as under Linux's fork.
 *
 * <h2>Snapshot format (built by {@link #snapshot}, read by {@link ChildMain})</h2>
 * One pickler with one memo pickles each global as its own blob, so a value that cannot be
 * pickled (or that fails to load in the child) is left out alone; the shared memo keeps
 * identity between globals (a = b = [] stays one list). Each blob records the memo size after
 * it, so the child can realign MEMOIZE numbering after a blob that failed to load. Names left
 * out become placeholders in the child that raise NameError, naming the reason, when touched.
 */
final class ForkSupport {
    private ForkSupport() {}

    /** Globals of __main__ that describe the module itself rather than the program's state. */
    private static boolean skipName(String n) {
        return n.equals("__builtins__") || n.equals("__name__") || n.equals("__loader__") || n.equals("__spec__")
                || n.equals("__package__") || n.equals("__cached__");
    }

    static PyDict mainDict() {
        PyObject m = Interp.main().modules.getItemStr(PyStr.intern("__main__"));
        if (m instanceof PyModule pm) return pm.dict;
        throw Errors.runtimeError("no __main__ module");
    }

    /** Reduces __main__'s own objects by value and modules by name. */
    static final class Hook implements Pickler.Hook {
        final PyDict main = mainDict();

        @Override
        public PyObject reduce(Pickler p, PyObject obj) {
            if (obj instanceof PyFunction f && f.globals == main) return reduceFunction(f);
            if (obj instanceof PyHeapType t && isMainClass(t)) return reduceClass(t);
            if (obj instanceof PyModule m) return tuple(fn("_import_module"), PyTuple.steal(PyStr.of(m.name())));
            if (obj instanceof PyCode c) return tuple(fn("_code_load"), PyTuple.steal(PyBytes.of(CodeMarshal.dump(c))));
            if (obj instanceof PyCell c) {
                PyObject v = c.get();
                if (v == null) return tuple(fn("_cell_new"), RefCount.newRef(PyTuple.EMPTY));
                return PyTuple.steal(fn("_cell_new"), RefCount.newRef(PyTuple.EMPTY), PyTuple.of(v),
                        RefCount.newRef(PyNone.NONE), RefCount.newRef(PyNone.NONE), fn("_cell_set"));
            }
            if (obj instanceof PyProperty) {
                PyObject[] parts = new PyObject[4];
                String[] names = {"fget", "fset", "fdel", "__doc__"};
                for (int i = 0; i < 4; i++) parts[i] = Ops.getAttr(obj, names[i]);
                return tuple(RefCount.newRef(PyProperty.TYPE), PyTuple.steal(parts));
            }
            if (obj instanceof PyStaticMethod || obj instanceof PyClassMethod) {
                PyObject f = Ops.getAttr(obj, "__func__");
                return tuple(RefCount.newRef(obj.type()), PyTuple.steal(f));
            }
            return null;
        }

        private static boolean isMainClass(PyHeapType t) {
            PyObject m = t.dict.getItemStr(PyStr.intern("__module__"));
            return m instanceof PyStr s && s.value.equals("__main__");
        }
    }

    private static PyTuple tuple(PyObject a, PyObject b) {
        return PyTuple.steal(a, b);
    }

    /** _multiprocessing.NAME (new reference): the reconstructors live in the module. */
    private static PyObject fn(String name) {
        return RefCount.newRef(MultiprocessingModule.function(name));
    }

    private static PyObject orNone(PyObject o) {
        return RefCount.newRef(o == null ? PyNone.NONE : o);
    }

    /** function -> (_fn_new, (code, name), state, None, None, _fn_fill). */
    static PyObject reduceFunction(PyFunction f) {
        PyObject state = PyTuple.steal(RefCount.newRef(f.qualname), orNone(f.module), orNone(f.defaults), orNone(f.kwdefaults),
                orNone(f.closure), orNone(f.dict), orNone(f.annotations), orNone(f.doc));
        return PyTuple.steal(fn("_fn_new"), PyTuple.of(f.code, f.name), state, RefCount.newRef(PyNone.NONE),
                RefCount.newRef(PyNone.NONE), fn("_fn_fill"));
    }

    /** class -> (_class_new, (meta, name, bases, qualname, slots), namespace, None, None, _class_fill). */
    static PyObject reduceClass(PyHeapType t) {
        PyType meta = t.type();
        if (meta != PyType.TYPE && !meta.name().equals("ABCMeta")) {
            throw dev.gilt.stdlib._pickle.PickleModule.picklingError(
                    "cannot send class %s defined in __main__ to a child: its metaclass %s cannot be rebuilt there", t.name(), meta.name());
        }
        PyObject slots = t.dict.getItemStr(PyStr.intern("__slots__"));
        PyDict ns = new PyDict();
        java.util.Set<String> slotNames = new java.util.HashSet<>(java.util.List.of(t.ownSlots()));
        PyDict d = t.dict;
        for (int i = 0; i < d.entrySlots(); i++) {
            PyObject k = d.keyAt(i);
            if (!(k instanceof PyStr ks)) continue;
            String n = ks.value;
            if (n.equals("__dict__") || n.equals("__weakref__") || n.equals("__module__") || n.equals("__qualname__")
                    || n.equals("__slots__") || n.equals("__slotnames__") || slotNames.contains(n)) {
                continue;
            }
            ns.setItem(k, d.valueAt(i));
        }
        PyObject bases = Ops.getAttr(t, "__bases__");
        PyObject args = PyTuple.steal(RefCount.newRef(meta), PyStr.of(t.name()), bases, PyStr.of(t.qualname), orNone(slots));
        return PyTuple.steal(fn("_class_new"), args, ns, RefCount.newRef(PyNone.NONE), RefCount.newRef(PyNone.NONE),
                fn("_class_fill"));
    }

    // ---- reconstructors (module functions of _multiprocessing) ------------------------------------

    static void define(PyModule m) {
        m.def("_fn_new", (Fn.F2) (mod, code, name) -> {
            if (!(code instanceof PyCode c)) throw Errors.typeError("_fn_new needs a code object");
            PyFunction f = new PyFunction(c, mainDict());
            Ops.setAttr(f, PyStr.intern("__name__"), name);
            return f;
        });
        m.def("_fn_fill", (Fn.F2) (mod, fo, state) -> {
            PyFunction f = (PyFunction) fo;
            PyTuple s = (PyTuple) state;
            Ops.setAttr(f, PyStr.intern("__qualname__"), s.get(0));
            Ops.setAttr(f, PyStr.intern("__module__"), s.get(1));
            Ops.setAttr(f, PyStr.intern("__defaults__"), s.get(2));
            Ops.setAttr(f, PyStr.intern("__kwdefaults__"), s.get(3));
            if (s.get(4) instanceof PyTuple cl) {
                PyTuple old = f.closure;
                f.closure = RefCount.newRef(cl);
                RefCount.xdecref(old);
            }
            if (s.get(5) instanceof PyDict dd) Ops.setAttr(f, PyStr.intern("__dict__"), dd);
            if (s.get(6) != PyNone.NONE) Ops.setAttr(f, PyStr.intern("__annotations__"), s.get(6));
            Ops.setAttr(f, PyStr.intern("__doc__"), s.get(7));
            return PyNone.NONE;
        });
        m.def("_class_new", (Fn.FV) (mod, args, kw) -> {
            Args.count("_class_new", args, 5, 5);
            PyDict ns = new PyDict();
            try {
                ns.setItem(PyStr.intern("__module__"), PyStr.intern("__main__"));
                ns.setItem(PyStr.intern("__qualname__"), args[3]);
                if (args[4] != PyNone.NONE) ns.setItem(PyStr.intern("__slots__"), args[4]);
                return Ops.call(args[0], args[1], args[2], ns);
            } finally {
                RefCount.decref(ns);
            }
        });
        m.def("_class_fill", (Fn.F2) (mod, cls, ns) -> {
            PyDict d = (PyDict) ns;
            for (int i = 0; i < d.entrySlots(); i++) {
                PyObject k = d.keyAt(i);
                if (!(k instanceof PyStr ks)) continue;
                try {
                    Ops.setAttr(cls, ks, d.valueAt(i));
                } catch (PyException e) {
                    RefCount.decref(e.exc); // a read-only class attribute: keep what type() made
                }
            }
            return PyNone.NONE;
        });
        m.def("_code_load", (Fn.F1) (mod, b) -> CodeMarshal.load(((PyBytes) b).value));
        m.def("_cell_new", (Fn.F0) mod -> new PyCell());
        m.def("_cell_set", (Fn.F2) (mod, c, st) -> {
            ((PyCell) c).set(((PyTuple) st).get(0));
            return PyNone.NONE;
        });
        m.def("_import_module", (Fn.F1) (mod, name) -> dev.gilt.interp.imp.Importer.gcdImport(Args.asStr(name, "name")));
    }

    // ---- the snapshot --------------------------------------------------------------------------------

    /**
     * The fork payload body: every global of __main__ that pickles (by the rules above), the
     * names that do not with the reason, then {@code last} (the process's target and
     * arguments), all with one memo.
     */
    static byte[] snapshot(PyObject last) {
        PyDict main = mainDict().copy();
        Pickler p = Pickler.forBytes(4, new Hook());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream o = new java.io.DataOutputStream(out);
        java.util.List<String[]> failed = new java.util.ArrayList<>();
        try {
            java.util.List<Object[]> blobs = new java.util.ArrayList<>();
            for (int i = 0; i < main.entrySlots(); i++) {
                PyObject k = main.keyAt(i);
                if (!(k instanceof PyStr ks) || skipName(ks.value)) continue;
                int before = p.memoSize();
                try {
                    byte[] b = p.dumpBlob(main.valueAt(i));
                    blobs.add(new Object[] {ks.value, b, p.memoSize()});
                } catch (PyException e) {
                    p.memoTruncate(before);
                    failed.add(new String[] {ks.value, describe(e)});
                    RefCount.decref(e.exc);
                }
            }
            byte[] lastBlob = p.dumpBlob(last);
            o.writeInt(blobs.size());
            for (Object[] b : blobs) {
                o.writeUTF((String) b[0]);
                byte[] data = (byte[]) b[1];
                o.writeInt((Integer) b[2]);
                o.writeInt(data.length);
                o.write(data);
            }
            o.writeInt(failed.size());
            for (String[] f : failed) {
                o.writeUTF(f[0]);
                o.writeUTF(f[1]);
            }
            o.writeInt(lastBlob.length);
            o.write(lastBlob);
            o.flush();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            p.memoClear();
            RefCount.decref(main);
        }
    }

    static String describe(PyException e) {
        String msg;
        try {
            msg = Ops.strString(e.exc);
        } catch (PyException e2) {
            RefCount.decref(e2.exc);
            msg = "";
        }
        return msg.isEmpty() ? e.exc.type().name() : msg;
    }

    static boolean isBuiltinFunction(PyObject o) {
        return o instanceof PyBuiltinFunction;
    }
}
