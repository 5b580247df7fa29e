package dev.gilt.runtime.object.text;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;

/**
 * str.format and str.format_map (PEP 3101, CPython's Objects/stringlib/unicode_format.h
 * behaviour): literal text with {{ and }} escapes, replacement fields
 * {@code {name.attr[key]!conv:spec}} with automatic or manual numbering, nested fields in the
 * spec (two levels), each field formatted through {@link Formatting#format}.
 */
public final class StrFormatter {
    private final PyObject[] args;
    private final int npos;
    private final PyTuple kwnames;
    /** format_map's mapping, or null for format. */
    private final PyObject mapping;
    /** 0 undecided, 1 automatic numbering, 2 manual. */
    private int numbering;
    private int nextAuto;

    private StrFormatter(PyObject[] args, int npos, PyTuple kwnames, PyObject mapping) {
        this.args = args;
        this.npos = npos;
        this.kwnames = kwnames;
        this.mapping = mapping;
    }

    /** fmt.format(*args, **kw) with the vectorcall convention of {@code Fn.FV}. */
    public static String format(String fmt, PyObject[] args, PyTuple kwnames) {
        int nkw = kwnames == null ? 0 : kwnames.size();
        StrFormatter f = new StrFormatter(args, args.length - nkw, kwnames, null);
        StringBuilder out = new StringBuilder(fmt.length() + 16);
        f.render(fmt, 2, out);
        return out.toString();
    }

    /** fmt.format_map(mapping). */
    public static String formatMap(String fmt, PyObject mapping) {
        StrFormatter f = new StrFormatter(new PyObject[0], 0, null, mapping);
        StringBuilder out = new StringBuilder(fmt.length() + 16);
        f.render(fmt, 2, out);
        return out.toString();
    }

    private void render(String s, int depth, StringBuilder out) {
        if (depth <= 0) throw Errors.valueError("Max string recursion exceeded");
        int n = s.length(), i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '{') {
                if (i + 1 < n && s.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                if (i + 1 >= n) throw Errors.valueError("Single '{' encountered in format string");
                i = field(s, i + 1, depth, out);
            } else if (c == '}') {
                if (i + 1 < n && s.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw Errors.valueError("Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** Parses and renders the field starting after its '{'; returns the index after its '}'. */
    private int field(String s, int i, int depth, StringBuilder out) {
        int n = s.length(), start = i;
        boolean bracket = false;
        while (i < n) {
            char c = s.charAt(i);
            if (bracket) {
                if (c == ']') bracket = false;
            } else if (c == '[') {
                bracket = true;
            } else if (c == '{') {
                throw Errors.valueError("unexpected '{' in field name");
            } else if (c == '}' || c == ':' || c == '!') {
                break;
            }
            i++;
        }
        if (i >= n) throw Errors.valueError("expected '}' before end of string");
        String name = s.substring(start, i);
        char conv = 0;
        if (s.charAt(i) == '!') {
            i++;
            if (i >= n) throw Errors.valueError("end of string while looking for conversion specifier");
            conv = s.charAt(i++);
            if (i >= n) throw Errors.valueError("unmatched '{' in format spec");
            if (s.charAt(i) != ':' && s.charAt(i) != '}') throw Errors.valueError("expected ':' after conversion specifier");
        }
        String spec = "";
        boolean nested = false;
        if (s.charAt(i) == ':') {
            int specStart = ++i, level = 1;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '{') {
                    level++;
                    nested = true;
                } else if (c == '}') {
                    if (--level == 0) break;
                }
                i++;
            }
            if (i >= n) throw Errors.valueError("unmatched '{' in format spec");
            spec = s.substring(specStart, i);
        }
        i++; // the closing '}'
        PyObject obj = resolve(name);
        try {
            if (conv != 0) {
                PyObject converted = switch (conv) {
                    case 'r' -> Ops.repr(obj);
                    case 's' -> Ops.str(obj);
                    case 'a' -> ascii(obj);
                    default -> throw Errors.valueError("Unknown conversion specifier %s",
                            conv < 128 ? String.valueOf(conv) : "\\x" + Integer.toHexString(conv));
                };
                RefCount.decref(obj);
                obj = converted;
            }
            if (nested) {
                StringBuilder sb = new StringBuilder();
                render(spec, depth - 1, sb);
                spec = sb.toString();
            }
            out.append(Formatting.format(obj, spec));
        } finally {
            RefCount.decref(obj);
        }
        return i;
    }

    /** ascii(o): repr(o) with non-ASCII characters escaped (builtins.ascii, !a). New reference. */
    public static PyStr ascii(PyObject o) {
        PyStr r = Ops.repr(o);
        try {
            String v = r.value;
            for (int i = 0; i < v.length(); i++) {
                if (v.charAt(i) >= 128) return PyStr.of(asciiOf(v));
            }
            return RefCount.newRef(r);
        } finally {
            RefCount.decref(r);
        }
    }

    /** Escapes every non-ASCII code point of {@code repr} with backslash escapes (x, u or U forms). */
    static String asciiOf(String repr) {
        StringBuilder sb = new StringBuilder(repr.length() + 8);
        for (int i = 0; i < repr.length(); ) {
            int c = repr.codePointAt(i);
            i += Character.charCount(c);
            if (c < 128) sb.append((char) c);
            else sb.append(Codecs.backslash(c));
        }
        return sb.toString();
    }

    /** The object a field name designates (a new reference). */
    private PyObject resolve(String name) {
        int n = name.length(), i = 0;
        while (i < n && name.charAt(i) != '.' && name.charAt(i) != '[') i++;
        String first = name.substring(0, i);
        PyObject obj;
        if (first.isEmpty()) {
            if (numbering == 2) {
                throw Errors.valueError("cannot switch from manual field specification to automatic field numbering");
            }
            numbering = 1;
            obj = positional(nextAuto++);
        } else if (isDigits(first)) {
            if (numbering == 1) {
                throw Errors.valueError("cannot switch from automatic field numbering to manual field specification");
            }
            numbering = 2;
            if (first.length() > 18) throw Errors.valueError("Too many decimal digits in format string");
            obj = positional(Long.parseLong(first));
        } else {
            obj = keyword(first);
        }
        try {
            while (i < n) {
                char c = name.charAt(i);
                if (c == '.') {
                    int j = ++i;
                    while (i < n && name.charAt(i) != '.' && name.charAt(i) != '[') i++;
                    if (i == j) throw Errors.valueError("Empty attribute in format string");
                    PyObject next = Ops.getAttr(obj, name.substring(j, i));
                    RefCount.decref(obj);
                    obj = next;
                } else if (c == '[') {
                    int j = ++i;
                    while (i < n && name.charAt(i) != ']') i++;
                    if (i >= n) throw Errors.valueError("Missing ']' in format string");
                    if (i == j) throw Errors.valueError("Empty attribute in format string");
                    String k = name.substring(j, i);
                    i++;
                    if (i < n && name.charAt(i) != '.' && name.charAt(i) != '[') {
                        throw Errors.valueError("Only '.' or '[' may follow ']' in format field specifier");
                    }
                    PyObject key = isDigits(k) && k.length() <= 18 ? PyInt.of(Long.parseLong(k)) : PyStr.of(k);
                    try {
                        PyObject next = Ops.getItem(obj, key);
                        RefCount.decref(obj);
                        obj = next;
                    } finally {
                        RefCount.decref(key);
                    }
                } else {
                    throw Errors.valueError("Only '.' or '[' may follow ']' in format field specifier");
                }
            }
            return obj;
        } catch (RuntimeException e) {
            RefCount.decref(obj);
            throw e;
        }
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private PyObject positional(long idx) {
        if (mapping != null) throw Errors.valueError("Format string contains positional fields");
        if (idx >= npos) {
            throw Errors.indexError("Replacement index " + idx + " out of range for positional args tuple");
        }
        return RefCount.newRef(args[(int) idx]);
    }

    private PyObject keyword(String name) {
        if (mapping != null) {
            PyStr key = PyStr.of(name);
            try {
                return Ops.getItem(mapping, key);
            } finally {
                RefCount.decref(key);
            }
        }
        if (kwnames != null) {
            for (int k = 0; k < kwnames.size(); k++) {
                if (((PyStr) kwnames.get(k)).value.equals(name)) return RefCount.newRef(args[npos + k]);
            }
        }
        PyStr key = PyStr.of(name);
        try {
            throw Errors.keyError(key);
        } finally {
            RefCount.decref(key);
        }
    }
}
