package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.RefCount;

/**
 * An exception instance ({@code BaseException} and every subclass, builtin or user-defined).
 * Attributes other than the standard ones live in {@link #dict} (e.g. OSError's errno, a user
 * exception's fields).
 */
public class PyBaseException extends PyGcObject implements HasDict {
    private PyType type;
    /** Owned references; null fields mean None/unset. */
    public PyTuple args;
    public PyObject traceback;
    public PyObject cause;
    public PyObject context;
    public boolean suppressContext;
    /** The instance __dict__ (created on demand). */
    public PyDict dict;

    /** Steals {@code args}. */
    public PyBaseException(PyType type, PyTuple args) {
        this.type = type;
        this.args = args == null ? PyTuple.EMPTY : args;
    }

    @Override
    public PyType type() {
        return type;
    }

    /**
     * Attributes of the exception's family, by index (OSError: errno, strerror, filename,
     * filename2; SyntaxError: msg, filename, lineno...; ImportError: msg, name, path...), set by
     * the exception's __init__ (see dev.gilt.runtime.types.ExceptionTypes). Owned; null entries
     * read as None; the whole array is null until __init__ sets any.
     */
    public PyObject[] fields;

    public PyDict dict() {
        if (dict == null) dict = new PyDict();
        return dict;
    }

    @Override
    public PyDict getDict(boolean create) {
        return create ? dict() : dict;
    }

    @Override
    public void setDict(PyDict d) {
        RefCount.xincref(d);
        PyDict old = dict;
        dict = d;
        RefCount.xdecref(old);
    }

    /** {@code __class__} assignment (the type system checks the layouts first). */
    public void setType(PyType t) {
        this.type = t;
    }

    /** A plain-Java rendering of the message for JVM-side diagnostics only. */
    public String messageForJava() {
        if (args.size() == 1) return String.valueOf(args.get(0));
        return String.valueOf(java.util.Arrays.toString(args.items));
    }

    @Override
    public void traverse(Visitor v) {
        if (args != null) v.visit(args);
        if (traceback != null) v.visit(traceback);
        if (cause != null) v.visit(cause);
        if (context != null) v.visit(context);
        if (dict != null) v.visit(dict);
        if (fields != null) for (PyObject f : fields) if (f != null) v.visit(f);
    }

    @Override
    public void releaseReferences() {
        PyObject a = args, t = traceback, c = cause, x = context, d = dict;
        args = PyTuple.EMPTY;
        traceback = cause = context = null;
        dict = null;
        if (a != PyTuple.EMPTY) RefCount.decref(a);
        RefCount.xdecref(t);
        RefCount.xdecref(c);
        RefCount.xdecref(x);
        RefCount.xdecref(d);
        PyObject[] f = fields;
        fields = null;
        if (f != null) for (PyObject o : f) RefCount.xdecref(o);
    }
}
