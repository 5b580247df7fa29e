package dev.gilt.stdlib;

import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.stdlib.util.Args;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Parses and renders the Python literals used by CPython-generated test tables. */
public final class Literal {
    private final String s;
    private int i;

    private Literal(String s) {
        this.s = s;
    }

    public static PyObject parse(String text) {
        Literal l = new Literal(text.trim());
        PyObject o = l.value();
        return o;
    }

    /** Arguments separated by ';' at top level. */
    public static PyObject[] parseArgs(String text) {
        if (text.isEmpty()) return new PyObject[0];
        List<PyObject> out = new ArrayList<>();
        int depth = 0, start = 0;
        boolean inStr = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\'') inStr = !inStr;
            if (inStr) continue;
            if (c == '(' || c == '[') depth++;
            if (c == ')' || c == ']') depth--;
            if (c == ';' && depth == 0) {
                out.add(parse(text.substring(start, k)));
                start = k + 1;
            }
        }
        out.add(parse(text.substring(start)));
        return out.toArray(new PyObject[0]);
    }

    private PyObject value() {
        skip();
        char c = s.charAt(i);
        if (c == '(' || c == '[') {
            char close = c == '(' ? ')' : ']';
            i++;
            List<PyObject> items = new ArrayList<>();
            skip();
            while (s.charAt(i) != close) {
                items.add(value());
                skip();
                if (s.charAt(i) == ',') i++;
                skip();
            }
            i++;
            if (close == ')') return PyTuple.steal(items.toArray(new PyObject[0]));
            return PyList.steal(items.toArray(new PyObject[0]), items.size());
        }
        if (c == '\'') {
            int end = s.indexOf('\'', i + 1);
            String v = s.substring(i + 1, end);
            i = end + 1;
            return PyStr.of(v);
        }
        int start = i;
        while (i < s.length() && ",)]; ".indexOf(s.charAt(i)) < 0) i++;
        String tok = s.substring(start, i);
        switch (tok) {
            case "True": return PyBool.TRUE;
            case "False": return PyBool.FALSE;
            case "None": return PyNone.NONE;
            case "inf": return PyFloat.of(Double.POSITIVE_INFINITY);
            case "-inf": return PyFloat.of(Double.NEGATIVE_INFINITY);
            case "nan": return PyFloat.of(Double.NaN);
            default:
        }
        if (tok.contains(".") || tok.contains("e") || tok.contains("E")) return PyFloat.of(Double.parseDouble(tok));
        return PyInt.of(new BigInteger(tok));
    }

    private void skip() {
        while (i < s.length() && s.charAt(i) == ' ') i++;
    }

    /** CPython's repr for the values the tables contain. */
    public static String repr(PyObject o) {
        if (o instanceof PyTuple t && t.type() == PyTuple.TYPE) {
            StringBuilder sb = new StringBuilder("(");
            for (int k = 0; k < t.items.length; k++) {
                if (k > 0) sb.append(", ");
                sb.append(repr(t.items[k]));
            }
            if (t.items.length == 1) sb.append(',');
            return sb.append(')').toString();
        }
        if (o instanceof PyList l && l.type() == PyList.TYPE) {
            StringBuilder sb = new StringBuilder("[");
            for (int k = 0; k < l.size; k++) {
                if (k > 0) sb.append(", ");
                sb.append(repr(l.items[k]));
            }
            return sb.append(']').toString();
        }
        return Args.repr(o);
    }
}
