package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds call arguments to a function's parameters in a new frame, with CPython's rules and
 * messages (Python/ceval.c initialize_locals): positional parameters, *args, keywords, **kwargs,
 * defaults, keyword-only parameters, positional-only parameters.
 *
 * <h2>Refcounts</h2>
 * With {@code steal}, the arguments {@code a[off .. off+n)} are references owned by the caller's
 * value stack that move into the frame: each slot is set to null as its reference is taken, so
 * whatever is left non-null afterwards (on error) is still the caller's to release. Without
 * {@code steal} the arguments are borrowed and the frame takes new references.
 */
final class ArgBinder {
    private ArgBinder() {}

    /**
     * A new frame for {@code fn} with the arguments bound. {@code n} counts positional
     * arguments followed by the values of the keywords named by {@code kwnames} (may be null).
     */
    static Frame frameFor(PyFunction fn, PyObject[] a, int off, int n, PyTuple kwnames, boolean steal) {
        Frame f = new Frame(fn);
        PyCode co = fn.code;
        PyObject[] l = f.s;
        if (fn.simpleArgs && kwnames == null && n == co.argcount) {
            if (steal) {
                for (int i = 0; i < n; i++) {
                    l[i] = a[off + i];
                    a[off + i] = null;
                }
            } else {
                for (int i = 0; i < n; i++) l[i] = RefCount.newRef(a[off + i]);
            }
            return f;
        }
        try {
            bindSlow(fn, f, a, off, n, kwnames, steal);
        } catch (PyException e) {
            f.state = Frame.COMPLETED;
            Frame.release(f);
            throw e;
        }
        return f;
    }

    private static PyObject take(PyObject[] a, int i, boolean steal) {
        PyObject v = a[i];
        if (steal) {
            a[i] = null;
        } else {
            RefCount.incref(v);
        }
        return v;
    }

    private static void bindSlow(PyFunction fn, Frame f, PyObject[] a, int off, int n, PyTuple kwnames,
            boolean steal) {
        PyCode co = fn.code;
        PyObject[] l = f.s;
        int nkw = kwnames == null ? 0 : kwnames.size();
        int npos = n - nkw;
        int argcount = co.argcount;
        int total = argcount + co.kwonlyargcount;
        boolean varargs = (co.flags & PyCode.CO_VARARGS) != 0;
        boolean varkw = (co.flags & PyCode.CO_VARKEYWORDS) != 0;
        int varargsSlot = total;
        int varkwSlot = total + (varargs ? 1 : 0);

        PyDict kwdict = null;
        if (varkw) {
            kwdict = new PyDict();
            l[varkwSlot] = kwdict;
        }
        int ncopy = Math.min(npos, argcount);
        for (int i = 0; i < ncopy; i++) l[i] = take(a, off + i, steal);
        if (varargs) {
            int extra = npos - ncopy;
            PyObject[] rest = new PyObject[extra];
            for (int i = 0; i < extra; i++) rest[i] = take(a, off + ncopy + i, steal);
            l[varargsSlot] = PyTuple.steal(rest);
        }

        // Keyword arguments.
        List<String> posonlyAsKw = null;
        for (int k = 0; k < nkw; k++) {
            PyObject kn = kwnames.get(k);
            if (!(kn instanceof PyStr key)) throw Errors.typeError("%s() keywords must be strings", co.qualname);
            int idx = -1;
            String[] names = co.varnames;
            for (int j = co.posonlyargcount; j < total; j++) {
                if (names[j] == key.value) {
                    idx = j;
                    break;
                }
            }
            if (idx < 0) {
                for (int j = co.posonlyargcount; j < total; j++) {
                    if (names[j].equals(key.value)) {
                        idx = j;
                        break;
                    }
                }
            }
            int src = off + npos + k;
            if (idx < 0) {
                if (kwdict != null) {
                    if (kwdict.getItem(key) != null) {
                        throw Errors.typeError("%s() got multiple values for keyword argument '%s'", co.qualname,
                                key.value);
                    }
                    kwdict.setItem(key, a[src]);
                    if (steal) {
                        PyObject v = a[src];
                        a[src] = null;
                        RefCount.decref(v);
                    }
                    continue;
                }
                boolean isPosonly = false;
                for (int j = 0; j < co.posonlyargcount; j++) {
                    if (names[j].equals(key.value)) isPosonly = true;
                }
                if (isPosonly) {
                    if (posonlyAsKw == null) posonlyAsKw = new ArrayList<>();
                    posonlyAsKw.add(key.value);
                    continue;
                }
                throw Errors.typeError("%s() got an unexpected keyword argument '%s'", co.qualname, key.value);
            }
            if (l[idx] != null) {
                throw Errors.typeError("%s() got multiple values for argument '%s'", co.qualname, key.value);
            }
            l[idx] = take(a, src, steal);
        }
        if (posonlyAsKw != null) {
            throw Errors.typeError("%s() got some positional-only arguments passed as keyword arguments: '%s'",
                    co.qualname, String.join(", ", posonlyAsKw));
        }

        // Too many positional arguments.
        int ndef = fn.defaults == null ? 0 : fn.defaults.size();
        if (npos > argcount && !varargs) {
            int kwonlyGiven = 0;
            for (int i = argcount; i < total; i++) if (l[i] != null) kwonlyGiven++;
            throw tooManyPositional(co, npos, ndef, kwonlyGiven);
        }

        // Missing positional arguments, then defaults.
        int firstDefault = argcount - ndef;
        if (npos < argcount) {
            List<String> missing = null;
            for (int i = npos; i < firstDefault; i++) {
                if (l[i] == null) {
                    if (missing == null) missing = new ArrayList<>();
                    missing.add(co.varnames[i]);
                }
            }
            if (missing != null) throw missingArguments(co, missing, "positional");
            for (int i = Math.max(npos, firstDefault); i < argcount; i++) {
                if (l[i] == null) l[i] = RefCount.newRef(fn.defaults.get(i - firstDefault));
            }
        }

        // Keyword-only parameters.
        if (co.kwonlyargcount > 0) {
            List<String> missing = null;
            for (int i = argcount; i < total; i++) {
                if (l[i] != null) continue;
                String name = co.varnames[i];
                PyObject def = fn.kwdefaults == null ? null : fn.kwdefaults.getItemStr(PyStr.intern(name));
                if (def != null) {
                    l[i] = RefCount.newRef(def);
                } else {
                    if (missing == null) missing = new ArrayList<>();
                    missing.add(name);
                }
            }
            if (missing != null) throw missingArguments(co, missing, "keyword-only");
        }
    }

    private static PyException tooManyPositional(PyCode co, int given, int ndef, int kwonlyGiven) {
        int argcount = co.argcount;
        String sig;
        boolean plural;
        if (ndef > 0) {
            sig = "from " + (argcount - ndef) + " to " + argcount;
            plural = true;
        } else {
            sig = Integer.toString(argcount);
            plural = argcount != 1;
        }
        String kwonlySig = "";
        if (kwonlyGiven > 0) {
            kwonlySig = " positional argument" + (given != 1 ? "s" : "") + " (and " + kwonlyGiven
                    + " keyword-only argument" + (kwonlyGiven != 1 ? "s" : "") + ")";
        }
        return Errors.typeError("%s() takes %s positional argument%s but %d%s %s given", co.qualname, sig,
                plural ? "s" : "", given, kwonlySig, given == 1 && kwonlyGiven == 0 ? "was" : "were");
    }

    private static PyException missingArguments(PyCode co, List<String> names, String kind) {
        int n = names.size();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                if (n == 2) {
                    sb.append(" and ");
                } else if (i == n - 1) {
                    sb.append(", and ");
                } else {
                    sb.append(", ");
                }
            }
            sb.append('\'').append(names.get(i)).append('\'');
        }
        return Errors.typeError("%s() missing %d required %s argument%s: %s", co.qualname, n, kind,
                n == 1 ? "" : "s", sb);
    }
}
