package dev.gilt.stdlib.re;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyGcObject;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Prop;
import java.util.regex.MatchResult;

/** {@code re.Match}: the result of a successful match (positions in code points). */
public final class PyMatch extends PyGcObject {
    public static final PyType TYPE = Attr.install(PyType.builtin("Match", PyMatch.class), "re");

    final PyPattern pattern;
    /** The subject as passed (owned). */
    PyObject string;
    final String s;
    final boolean surr;
    final MatchResult m;
    final long pos, endpos;

    PyMatch(PyPattern pattern, PyObject string, String s, boolean surr, MatchResult m, long pos, long endpos) {
        this.pattern = pattern;
        this.string = RefCount.newRef(string);
        this.s = s;
        this.surr = surr;
        this.m = m;
        this.pos = pos;
        this.endpos = endpos;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Group index for an int or name argument; IndexError("no such group") otherwise. */
    int index(PyObject g) {
        if (g instanceof PyStr name) {
            Integer k = pattern.groupIndex.get(name.value);
            if (k == null) throw Errors.indexError("no such group");
            return k;
        }
        if (Args.isIndex(g)) {
            long k;
            try {
                k = Args.asLong(g);
            } catch (dev.gilt.runtime.error.PyException e) {
                RefCount.decref(e.exc);
                throw Errors.indexError("no such group");
            }
            if (k < 0 || k > pattern.groups) throw Errors.indexError("no such group");
            return (int) k;
        }
        throw Errors.indexError("no such group");
    }

    int start(int g) {
        int j = m.start(g);
        return j < 0 ? -1 : (int) PyPattern.toPy(s, surr, j);
    }

    int end(int g) {
        int j = m.end(g);
        return j < 0 ? -1 : (int) PyPattern.toPy(s, surr, j);
    }

    /** The text of group g, or null when it did not take part. */
    String text(int g) {
        int a = m.start(g);
        return a < 0 ? null : s.substring(a, m.end(g));
    }

    PyObject group(int g, PyObject dflt) {
        String t = text(g);
        return t == null ? RefCount.newRef(dflt) : pattern.wrap(t);
    }

    int lastindex() {
        int best = -1;
        for (int g = 1; g <= pattern.groups; g++) {
            if (m.start(g) < 0) continue;
            if (best < 0) {
                best = g;
                continue;
            }
            int eb = m.end(best), ec = m.end(g);
            if (ec > eb || (ec == eb && m.start(g) >= eb)) best = g;
        }
        return best;
    }

    String repr() {
        return "<re.Match object; span=(" + start(0) + ", " + end(0) + "), match=" + Args.repr(group(0, PyNone.NONE)) + ">";
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

    private static final ArgParser GROUPS = ArgParser.of("groups", 0, 0, "default");

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.repr = self -> PyStr.of(((PyMatch) self).repr());
        TYPE.bool = self -> true;
        TYPE.getitem = (self, key) -> {
            PyMatch mt = (PyMatch) self;
            return mt.group(mt.index(key), PyNone.NONE);
        };
        PyMethodDescr.define(TYPE, "group", (Fn.FV) (self, args, kw) -> {
            Args.noKw("group", kw);
            PyMatch mt = (PyMatch) self;
            if (args.length == 0) return mt.group(0, PyNone.NONE);
            if (args.length == 1) return mt.group(mt.index(args[0]), PyNone.NONE);
            PyObject[] out = new PyObject[args.length];
            for (int k = 0; k < args.length; k++) out[k] = mt.group(mt.index(args[k]), PyNone.NONE);
            return PyTuple.steal(out);
        });
        PyMethodDescr.define(TYPE, "__getitem__", (Fn.F1) (self, key) -> TYPE.getitem.apply(self, key));
        PyMethodDescr.define(TYPE, "groups", (Fn.FV) (self, args, kw) -> {
            PyObject dflt = GROUPS.parse(args, kw)[0];
            if (dflt == null) dflt = PyNone.NONE;
            PyMatch mt = (PyMatch) self;
            PyObject[] out = new PyObject[mt.pattern.groups];
            for (int g = 1; g <= mt.pattern.groups; g++) out[g - 1] = mt.group(g, dflt);
            return PyTuple.steal(out);
        });
        PyMethodDescr.define(TYPE, "groupdict", (Fn.FV) (self, args, kw) -> {
            PyObject dflt = GROUPS.parse(args, kw)[0];
            if (dflt == null) dflt = PyNone.NONE;
            PyMatch mt = (PyMatch) self;
            PyDict d = new PyDict();
            for (var e : mt.pattern.groupIndex.entrySet()) {
                PyStr k = PyStr.of(e.getKey());
                PyObject v = mt.group(e.getValue(), dflt);
                d.setItem(k, v);
                RefCount.decref(k);
                RefCount.decref(v);
            }
            return d;
        });
        PyMethodDescr.define(TYPE, "start", (Fn.FV) (self, args, kw) -> {
            PyMatch mt = (PyMatch) self;
            return PyInt.of(mt.start(args.length == 0 ? 0 : mt.index(args[0])));
        });
        PyMethodDescr.define(TYPE, "end", (Fn.FV) (self, args, kw) -> {
            PyMatch mt = (PyMatch) self;
            return PyInt.of(mt.end(args.length == 0 ? 0 : mt.index(args[0])));
        });
        PyMethodDescr.define(TYPE, "span", (Fn.FV) (self, args, kw) -> {
            PyMatch mt = (PyMatch) self;
            int g = args.length == 0 ? 0 : mt.index(args[0]);
            return PyTuple.steal(PyInt.of(mt.start(g)), PyInt.of(mt.end(g)));
        });
        PyMethodDescr.define(TYPE, "expand", (Fn.F1) (self, template) -> {
            PyMatch mt = (PyMatch) self;
            Template t = Template.parse(mt.pattern, template);
            return mt.pattern.wrap(t.expand(mt));
        });
        PyMethodDescr.define(TYPE, "__copy__", (Fn.F0) dev.gilt.runtime.memory.RefCount::newRef);
        PyMethodDescr.define(TYPE, "__deepcopy__", (Fn.F1) (self, memo) -> RefCount.newRef(self));
        PyMethodDescr.define(TYPE, "__class_getitem__", (Fn.F1) (self, item) -> RefCount.newRef(TYPE));
        Prop.define(TYPE, "string", self -> RefCount.newRef(((PyMatch) self).string));
        Prop.define(TYPE, "re", self -> RefCount.newRef(((PyMatch) self).pattern));
        Prop.define(TYPE, "pos", self -> PyInt.of(((PyMatch) self).pos));
        Prop.define(TYPE, "endpos", self -> PyInt.of(((PyMatch) self).endpos));
        Prop.define(TYPE, "lastindex", self -> {
            int li = ((PyMatch) self).lastindex();
            return li < 0 ? PyNone.NONE : PyInt.of(li);
        });
        Prop.define(TYPE, "lastgroup", self -> {
            PyMatch mt = (PyMatch) self;
            int li = mt.lastindex();
            if (li < 0 || mt.pattern.groupNames[li] == null) return PyNone.NONE;
            return PyStr.of(mt.pattern.groupNames[li]);
        });
        Prop.define(TYPE, "regs", self -> {
            PyMatch mt = (PyMatch) self;
            PyObject[] out = new PyObject[mt.pattern.groups + 1];
            for (int g = 0; g <= mt.pattern.groups; g++) {
                out[g] = PyTuple.steal(PyInt.of(mt.start(g)), PyInt.of(mt.end(g)));
            }
            return PyTuple.steal(out);
        });
    }

}
