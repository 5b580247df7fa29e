package dev.gilt.stdlib.traceback;

import dev.gilt.interp.vm.PyTraceback;
import dev.gilt.interp.vm.TracebackPrinter;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyStr;

/**
 * {@code _gilt_traceback}: the interpreter's own traceback printer (the one that reports uncaught
 * exceptions, with 3.11+ caret lines) for lib/traceback.py, so that traceback.format_exc() prints
 * exactly what an uncaught exception would.
 */
public final class TracebackModule implements ModuleProvider {
    @Override
    public String name() {
        return "_gilt_traceback";
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_gilt_traceback");
        m.def("format_exception", (Fn.F1) (mod, exc) -> {
            if (!(exc instanceof PyBaseException be)) {
                throw Errors.typeError("format_exception() expects an exception, not %s", exc.type().name());
            }
            return PyStr.of(TracebackPrinter.format(be));
        });
        m.def("format_tb", (Fn.F1) (mod, tb) -> {
            if (tb == PyNone.NONE) return PyStr.of("");
            if (!(tb instanceof PyTraceback t)) {
                throw Errors.typeError("format_tb() expects a traceback, not %s", tb.type().name());
            }
            StringBuilder sb = new StringBuilder();
            TracebackPrinter.formatEntries(sb, t);
            return PyStr.of(sb.toString());
        });
        return m;
    }
}
