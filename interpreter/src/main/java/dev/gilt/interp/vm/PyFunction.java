package dev.gilt.interp.vm;

import dev.gilt.runtime.types.PyMethod;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.thread.ThreadState;

/**
 * {@code function}: a code object with its globals, defaults and closure (MAKE_FUNCTION).
 * Calling one binds the arguments into a new {@link Frame} ({@link ArgBinder}) and runs it with
 * {@link Interpreter#run}; reading one through an instance binds it into a {@link PyMethod}.
 *
 * <p>Every PyObject field is an owned reference (null where Python sees None, except
 * {@link #name} and {@link #qualname} which are always set).
 */
public final class PyFunction extends PyGcObject {
    public static final PyType TYPE = PyType.builtin("function", PyFunction.class);

    static final PyStr S_NAME = PyStr.intern("__name__"), S_QUALNAME = PyStr.intern("__qualname__"),
            S_DOC = PyStr.intern("__doc__"), S_MODULE = PyStr.intern("__module__"),
            S_BUILTINS = PyStr.intern("__builtins__");

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.flags |= PyType.HAS_DICT;
        TYPE.call = (self, args, kw) -> ((PyFunction) self).call(args, kw);
        TYPE.descrGet = (self, obj, type) -> obj == null || obj == PyNone.NONE
                ? RefCount.newRef(self) : new PyMethod(self, obj);
        TYPE.repr = self -> PyStr.of("<function " + ((PyFunction) self).qualname.value + " at 0x"
                + Long.toHexString(RefCount.id(self)) + ">");
        TYPE.getattr = (self, name) -> ((PyFunction) self).getAttr(name);
        TYPE.setattr = (self, name, value) -> ((PyFunction) self).setAttr(name, value);
        TYPE.hash = self -> RefCount.id(self) >>> 4;
    }

    public PyCode code;
    public PyDict globals;
    public PyDict builtins;
    public PyStr name;
    public PyStr qualname;
    public PyObject doc;
    public PyObject module;
    public PyTuple defaults;
    public PyDict kwdefaults;
    public PyTuple closure;
    public PyObject annotations;
    public PyDict dict;

    /** True when calls may copy positional arguments straight into the frame (see ArgBinder). */
    boolean simpleArgs;

    /**
     * A new function for {@code code} in {@code globals} (borrowed; the function keeps its own
     * reference). {@code __module__} comes from {@code globals['__name__']}, the builtins from
     * {@code globals['__builtins__']} (a module or dict) or the interpreter's builtins module.
     */
    public PyFunction(PyCode code, PyDict globals) {
        this.code = code;
        this.globals = RefCount.newRef(globals);
        this.builtins = RefCount.newRef(builtinsFor(globals));
        this.name = PyStr.intern(code.name);
        this.qualname = PyStr.intern(code.qualname);
        this.doc = code.doc == null ? null : RefCount.newRef(code.doc);
        PyObject m = globals.getItemStr(S_NAME);
        this.module = m == null ? null : RefCount.newRef(m);
        updateSimple();
    }

    /** The builtins dict that code running in {@code globals} sees (borrowed). */
    public static PyDict builtinsFor(PyDict globals) {
        PyObject b = globals.getItemStr(S_BUILTINS);
        if (b instanceof PyModule m) return m.dict;
        if (b instanceof PyDict d) return d;
        Interp in = Interp.main();
        if (in != null && in.builtins != null) return in.builtins.dict;
        return EMPTY_BUILTINS;
    }

    private static final PyDict EMPTY_BUILTINS = RefCount.immortalize(new PyDict());

    void updateSimple() {
        PyCode c = code;
        simpleArgs = (c.flags & (PyCode.CO_VARARGS | PyCode.CO_VARKEYWORDS)) == 0 && c.kwonlyargcount == 0;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Calls with borrowed arguments (the {@code call} slot). */
    public PyObject call(PyObject[] args, PyTuple kwnames) {
        ThreadState ts = ThreadState.current();
        Frame f = ArgBinder.frameFor(this, args, 0, args.length, kwnames, false);
        return Interpreter.runFunctionFrame(ts, f);
    }

    // ---- attributes ------------------------------------------------------------------------

    private PyObject getAttr(PyStr n) {
        switch (n.value) {
            case "__name__": return RefCount.newRef(name);
            case "__qualname__": return RefCount.newRef(qualname);
            case "__doc__": return VmSupport.orNone(doc);
            case "__module__": return VmSupport.orNone(module);
            case "__defaults__": return VmSupport.orNone(defaults);
            case "__kwdefaults__": return VmSupport.orNone(kwdefaults);
            case "__code__": return RefCount.newRef(code);
            case "__globals__": return RefCount.newRef(globals);
            case "__builtins__": return RefCount.newRef(builtins);
            case "__closure__": return VmSupport.orNone(closure);
            case "__dict__": return RefCount.newRef(dict());
            case "__annotations__":
                if (annotations == null) annotations = new PyDict();
                return RefCount.newRef(annotations);
            default:
                return VmSupport.genericGetAttr(this, n, dict);
        }
    }

    public PyDict dict() {
        if (dict == null) dict = new PyDict();
        return dict;
    }

    private void setAttr(PyStr n, PyObject v) {
        switch (n.value) {
            case "__name__" -> {
                if (!(v instanceof PyStr s)) throw Errors.typeError("__name__ must be set to a string object");
                PyStr old = name;
                name = RefCount.newRef(s);
                RefCount.decref(old);
            }
            case "__qualname__" -> {
                if (!(v instanceof PyStr s)) throw Errors.typeError("__qualname__ must be set to a string object");
                PyStr old = qualname;
                qualname = RefCount.newRef(s);
                RefCount.decref(old);
            }
            case "__doc__" -> doc = swap(doc, v);
            case "__module__" -> module = swap(module, v);
            case "__defaults__" -> {
                if (v != null && v != PyNone.NONE && !(v instanceof PyTuple)) {
                    throw Errors.typeError("__defaults__ must be set to a tuple object");
                }
                defaults = (PyTuple) swap(defaults, v == PyNone.NONE ? null : v);
            }
            case "__kwdefaults__" -> {
                if (v != null && v != PyNone.NONE && !(v instanceof PyDict)) {
                    throw Errors.typeError("__kwdefaults__ must be set to a dict object");
                }
                kwdefaults = (PyDict) swap(kwdefaults, v == PyNone.NONE ? null : v);
            }
            case "__code__" -> {
                if (!(v instanceof PyCode c)) throw Errors.typeError("__code__ must be set to a code object");
                if (c.nfree() != (closure == null ? 0 : closure.size())) {
                    throw Errors.valueError("%s() requires a code object with %d free vars, not %d", name.value,
                            closure == null ? 0 : closure.size(), c.nfree());
                }
                code = c;
                updateSimple();
            }
            case "__dict__" -> {
                if (!(v instanceof PyDict d)) {
                    throw Errors.typeError("__dict__ must be set to a dictionary, not a '%s'",
                            v == null ? "NoneType" : v.type().name());
                }
                dict = (PyDict) swap(dict, d);
            }
            case "__annotations__" -> {
                if (v != null && v != PyNone.NONE && !(v instanceof PyDict)) {
                    throw Errors.typeError("__annotations__ must be set to a dict object");
                }
                annotations = swap(annotations, v == PyNone.NONE ? null : v);
            }
            case "__globals__", "__closure__", "__builtins__" -> throw Errors.attributeError("readonly attribute");
            default -> {
                if (v == null) {
                    if (dict == null || !dict.delItem(n)) throw Errors.noAttribute(this, n.value);
                } else {
                    dict().setItem(n, v);
                }
            }
        }
    }

    private static PyObject swap(PyObject old, PyObject v) {
        RefCount.xincref(v);
        RefCount.xdecref(old);
        return v;
    }

    // ---- gc --------------------------------------------------------------------------------

    @Override
    public void traverse(Visitor v) {
        if (globals != null) v.visit(globals);
        if (builtins != null) v.visit(builtins);
        if (doc != null) v.visit(doc);
        if (module != null) v.visit(module);
        if (defaults != null) v.visit(defaults);
        if (kwdefaults != null) v.visit(kwdefaults);
        if (closure != null) v.visit(closure);
        if (annotations != null) v.visit(annotations);
        if (dict != null) v.visit(dict);
    }

    @Override
    public void releaseReferences() {
        // A frame running this function holds its own references to globals and builtins, so
        // clearing them here (cycle collection) cannot pull them from under running code.
        PyObject a = doc, b = module, c = defaults, d = kwdefaults, e = closure, g = annotations, h = dict;
        PyObject gl = globals, bl = builtins;
        globals = null;
        builtins = null;
        doc = module = annotations = null;
        defaults = null;
        kwdefaults = null;
        closure = null;
        dict = null;
        RefCount.xdecref(a);
        RefCount.xdecref(b);
        RefCount.xdecref(c);
        RefCount.xdecref(d);
        RefCount.xdecref(e);
        RefCount.xdecref(g);
        RefCount.xdecref(h);
        RefCount.xdecref(gl);
        RefCount.xdecref(bl);
    }
}
