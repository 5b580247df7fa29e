package dev.gilt.stdlib.re;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Attr;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * The scanning operations: findall, finditer, split, sub/subn. Successive matches come from
 * java.util.regex's find(), whose handling of empty matches (an empty match may follow a
 * non-empty one at the same position; after an empty match the search moves on by one
 * character) is Python 3.7+'s.
 */
final class Ops2 {
    private Ops2() {}

    static PyObject findall(PyPattern p, PyObject string, PyObject pos, PyObject endpos) {
        String s = p.subject(string);
        boolean surr = !p.bytes && PyPattern.hasSurrogates(s);
        long[] b = PyPattern.bounds(s, surr, pos, endpos);
        PyList out = new PyList();
        Matcher m = p.matcher(s, surr, b[0], b[1]);
        if (m == null) return out;
        while (m.find()) {
            if (p.groups == 0) {
                out.appendSteal(p.wrap(m.group()));
            } else if (p.groups == 1) {
                String g = m.group(1);
                out.appendSteal(p.wrap(g == null ? "" : g));
            } else {
                PyObject[] items = new PyObject[p.groups];
                for (int g = 1; g <= p.groups; g++) {
                    String t = m.group(g);
                    items[g - 1] = p.wrap(t == null ? "" : t);
                }
                out.appendSteal(PyTuple.steal(items));
            }
        }
        return out;
    }

    /** The iterator of finditer: yields Match objects. */
    static final class MatchIter extends PyGcObject {
        static final PyType TYPE = Attr.install(PyType.builtin("callable_iterator", MatchIter.class), "re");

        static {
            TYPE.iter = RefCount::newRef;
            TYPE.next = o -> ((MatchIter) o).advance();
            PyMethodDescr.define(TYPE, "__next__", (Fn.F0) self -> {
                PyObject r = ((MatchIter) self).advance();
                if (r == null) throw Errors.stopIteration();
                return r;
            });
            PyMethodDescr.define(TYPE, "__iter__", (Fn.F0) RefCount::newRef);
        }

        final PyPattern p;
        PyObject string;
        final String s;
        final boolean surr;
        final Matcher m;
        final long pos, endpos;

        MatchIter(PyPattern p, PyObject string, String s, boolean surr, Matcher m, long pos, long endpos) {
            this.p = p;
            this.string = RefCount.newRef(string);
            this.s = s;
            this.surr = surr;
            this.m = m;
            this.pos = pos;
            this.endpos = endpos;
        }

        PyObject advance() {
            if (m == null || string == null) return null;
            if (!m.find()) {
                releaseReferences();
                return null;
            }
            return new PyMatch(p, string, s, surr, m.toMatchResult(), pos, endpos);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public void traverse(Visitor v) {
            if (string != null) v.visit(string);
        }

        @Override
        public void releaseReferences() {
            PyObject x = string;
            string = null;
            RefCount.xdecref(x);
        }
    }

    static PyObject finditer(PyPattern p, PyObject string, PyObject pos, PyObject endpos) {
        String s = p.subject(string);
        boolean surr = !p.bytes && PyPattern.hasSurrogates(s);
        long[] b = PyPattern.bounds(s, surr, pos, endpos);
        return new MatchIter(p, string, s, surr, p.matcher(s, surr, b[0], b[1]), b[0], b[1]);
    }

    static PyObject split(PyPattern p, PyObject string, long maxsplit) {
        String s = p.subject(string);
        PyList out = new PyList();
        if (maxsplit < 0) {
            out.appendSteal(p.wrap(s));
            return out;
        }
        Matcher m = p.java.matcher(s);
        m.useTransparentBounds(true);
        int last = 0;
        long n = 0;
        while ((maxsplit == 0 || n < maxsplit) && m.find()) {
            out.appendSteal(p.wrap(s.substring(last, m.start())));
            for (int g = 1; g <= p.groups; g++) {
                String t = m.group(g);
                out.appendSteal(t == null ? PyNone.NONE : p.wrap(t));
            }
            last = m.end();
            n++;
        }
        out.appendSteal(p.wrap(s.substring(last)));
        return out;
    }

    static PyObject sub(PyPattern p, PyObject repl, PyObject string, long count, boolean withCount) {
        String s = p.subject(string);
        boolean surr = !p.bytes && PyPattern.hasSurrogates(s);
        boolean callable = !(repl instanceof PyStr) && !(repl instanceof PyBytes) && repl.type().call != null;
        Template template = callable ? null : Template.parse(p, repl);
        String literal = template == null ? null : template.literal();
        Matcher m = p.java.matcher(s);
        m.useTransparentBounds(true);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        long n = 0;
        while ((count <= 0 || n < count) && m.find()) {
            sb.append(s, last, m.start());
            if (literal != null) {
                sb.append(literal);
            } else if (template != null) {
                PyMatch mt = new PyMatch(p, string, s, surr, m.toMatchResult(), 0, s.length());
                try {
                    sb.append(template.expand(mt));
                } finally {
                    RefCount.decref(mt);
                }
            } else {
                PyMatch mt = new PyMatch(p, string, s, surr, m.toMatchResult(), 0, s.length());
                PyObject r;
                try {
                    r = Ops.call(repl, mt);
                } finally {
                    RefCount.decref(mt);
                }
                try {
                    if (p.bytes) {
                        if (!(r instanceof PyBytes rb)) {
                            throw Errors.typeError("expected a bytes-like object, %s found", r.type().name());
                        }
                        sb.append(new String(rb.value, StandardCharsets.ISO_8859_1));
                    } else {
                        if (!(r instanceof PyStr rs)) {
                            throw Errors.typeError("expected str instance, %s found", r.type().name());
                        }
                        sb.append(rs.value);
                    }
                } finally {
                    RefCount.decref(r);
                }
            }
            last = m.end();
            n++;
        }
        sb.append(s, last, s.length());
        PyObject result = p.wrap(sb.toString());
        if (!withCount) return result;
        return PyTuple.steal(result, PyInt.of(n));
    }
}
