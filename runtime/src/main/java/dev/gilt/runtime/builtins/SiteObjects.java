package dev.gilt.runtime.builtins;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.io.StdStreams;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;

/**
 * The objects CPython's site module adds to builtins: {@code exit} and {@code quit}
 * ({@code _sitebuiltins.Quitter}), {@code help}, {@code copyright}, {@code credits},
 * {@code license} ({@code _sitebuiltins._Printer}); plus {@code breakpoint}, which is a no-op
 * here (Gilt has no debugger).
 */
final class SiteObjects {
    private SiteObjects() {}

    /** An object whose repr and call are given by Java code. */
    static final class SiteObject extends PyObject {
        final PyType type;
        final String repr;
        final Fn.FV call;

        SiteObject(PyType type, String repr, Fn.FV call) {
            this.type = type;
            this.repr = repr;
            this.call = call;
        }

        @Override
        public PyType type() {
            return type;
        }
    }

    static final PyType QUITTER = siteType("_sitebuiltins.Quitter");
    static final PyType PRINTER = siteType("_sitebuiltins._Printer");
    static final PyType HELPER = siteType("_sitebuiltins._Helper");

    private static PyType siteType(String name) {
        PyType t = PyType.builtin(name, SiteObject.class);
        t.flags &= ~PyType.BASETYPE;
        t.newInstance = null;
        t.repr = o -> PyStr.of(((SiteObject) o).repr);
        t.call = (o, args, kw) -> ((SiteObject) o).call.call(o, args, kw);
        return t;
    }

    private static final String COPYRIGHT = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
            + "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
            + "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n"
            + "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";
    private static final String CREDITS = "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n"
            + "    for supporting Python development.  See www.python.org for more information.";
    private static final String LICENSE = "Gilt is a Python-compatible language for the JVM; Python is distributed under "
            + "the PSF License Agreement.\nSee https://docs.python.org/3/license.html for the full license text.";

    static void define(PyModule m) {
        for (String name : new String[] {"exit", "quit"}) {
            m.setSteal(name, new SiteObject(QUITTER, "Use " + name + "() or Ctrl-D (i.e. EOF) to exit",
                    (self, args, kw) -> quit(name, args, kw)));
        }
        m.setSteal("copyright", printer(COPYRIGHT));
        m.setSteal("credits", printer(CREDITS));
        m.setSteal("license", new SiteObject(PRINTER, "Type license() to see the full license text",
                (self, args, kw) -> {
                    StdStreams.writeOut(LICENSE + "\n");
                    return PyNone.NONE;
                }));
        m.setSteal("help", new SiteObject(HELPER,
                "Type help() for interactive help, or help(object) for help about object.", SiteObjects::help));
        m.def("breakpoint", (Fn.FV) (self, args, kw) -> PyNone.NONE);
    }

    private static SiteObject printer(String text) {
        return new SiteObject(PRINTER, text, (self, args, kw) -> {
            StdStreams.writeOut(text + "\n");
            return PyNone.NONE;
        });
    }

    private static PyObject quit(String name, PyObject[] args, PyTuple kw) {
        Builtins.noKeywords(name, kw);
        if (args.length > 1) throw Errors.typeError("Quitter.__call__() takes from 1 to 2 positional arguments but %d were given", args.length + 1);
        PyObject code = args.length == 1 ? args[0] : PyNone.NONE;
        PyBaseException e = new PyBaseException(PyExc.SystemExit, PyTuple.of(code));
        throw new dev.gilt.runtime.error.PyException(e);
    }

    /** help(obj): a short description (Gilt has no pydoc): the object's repr and docstring. */
    private static PyObject help(PyObject self, PyObject[] args, PyTuple kw) {
        if (args.length == 0) {
            StdStreams.writeOut("Gilt has no interactive help; use help(object) to see an object's docstring.\n");
            return PyNone.NONE;
        }
        PyObject o = args[0];
        StringBuilder sb = new StringBuilder("Help on ").append(Ops.reprString(o)).append(":\n\n");
        PyObject doc = Ops.lookupAttr(o, PyStr.intern("__doc__"));
        if (doc instanceof PyStr ds) sb.append(ds.value).append('\n');
        RefCount.xdecref(doc);
        StdStreams.writeOut(sb.toString());
        return PyNone.NONE;
    }
}
