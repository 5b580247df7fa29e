package dev.gilt.runtime.object;

import dev.gilt.runtime.error.Errors;

/**
 * Binds positional and keyword arguments of a Java builtin to named parameters, with CPython's
 * error messages. Immutable and shareable: build one per builtin in a static field.
 *
 * <pre>
 *   static final ArgParser SORTED = ArgParser.of("sorted", 1, 1, "iterable", "key", "reverse");
 *   PyObject[] a = SORTED.parse(args, kwnames);   // a[i] null where not given (borrowed)
 * </pre>
 */
public final class ArgParser {
    private final String fname;
    private final String[] names;
    /** Parameters [0, posOnly) are positional-only. */
    private final int posOnly;
    /** Parameters [kwOnlyStart, n) are keyword-only. */
    private final int kwOnlyStart;
    /** Parameters [0, required) must be given. */
    private final int required;

    private ArgParser(String fname, int posOnly, int kwOnlyStart, int required, String[] names) {
        this.fname = fname;
        this.names = names;
        this.posOnly = posOnly;
        this.kwOnlyStart = kwOnlyStart;
        this.required = required;
    }

    /**
     * @param required how many leading parameters are mandatory
     * @param posOnly how many leading parameters are positional-only
     * @param names all parameter names; keyword-only ones after a "*" entry
     */
    public static ArgParser of(String fname, int required, int posOnly, String... names) {
        int star = -1;
        for (int i = 0; i < names.length; i++) if (names[i].equals("*")) star = i;
        if (star >= 0) {
            String[] n = new String[names.length - 1];
            System.arraycopy(names, 0, n, 0, star);
            System.arraycopy(names, star + 1, n, star, names.length - star - 1);
            return new ArgParser(fname, posOnly, star, required, n);
        }
        return new ArgParser(fname, posOnly, names.length, required, names);
    }

    /** Returns one slot per parameter: the borrowed argument or null if not given. */
    public PyObject[] parse(PyObject[] args, PyTuple kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.size();
        int npos = args.length - nkw;
        PyObject[] out = new PyObject[names.length];
        if (npos > kwOnlyStart) {
            if (kwOnlyStart == required && required == names.length) {
                throw Errors.typeError("%s() takes exactly %d argument%s (%d given)", fname, required,
                        required == 1 ? "" : "s", npos);
            }
            throw Errors.typeError("%s() takes at most %d argument%s (%d given)", fname, kwOnlyStart,
                    kwOnlyStart == 1 ? "" : "s", npos);
        }
        System.arraycopy(args, 0, out, 0, npos);
        for (int k = 0; k < nkw; k++) {
            String kw = ((PyStr) kwnames.get(k)).value;
            int idx = -1;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(kw)) {
                    idx = i;
                    break;
                }
            }
            if (idx < 0 || idx < posOnly) {
                if (idx >= 0) {
                    throw Errors.typeError("%s() got some positional-only arguments passed as keyword arguments: '%s'",
                            fname, kw);
                }
                throw Errors.typeError("%s() got an unexpected keyword argument '%s'", fname, kw);
            }
            if (out[idx] != null) {
                throw Errors.typeError("argument for %s() given by name ('%s') and position (%d)", fname, kw, idx + 1);
            }
            out[idx] = args[npos + k];
        }
        for (int i = 0; i < required; i++) {
            if (out[i] == null) {
                if (i < posOnly || npos < i) {
                    throw Errors.typeError("%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
                }
                throw Errors.typeError("%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            }
        }
        return out;
    }
}
