package dev.gilt.runtime.object;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the literal syntax of the expectation files (see src/test/resources/expect/pycases.py):
 * Python reprs of None/bool/int/float/str/bytes, tuples (a,b,), lists [a,b], dicts {k:v},
 * C(re,im) for complex and BA(b'..') for bytearray. Returns new references.
 */
final class Lit {
    private final String s;
    private int i;

    private Lit(String s) {
        this.s = s;
    }

    static PyObject parse(String text) {
        Lit p = new Lit(text);
        PyObject v = p.value();
        if (p.i != text.length()) throw new IllegalArgumentException("trailing text in literal: " + text);
        return v;
    }

    private boolean at(String t) {
        return s.startsWith(t, i);
    }

    private PyObject value() {
        char c = s.charAt(i);
        if (at("None")) {
            i += 4;
            return PyNone.NONE;
        }
        if (at("True")) {
            i += 4;
            return PyBool.TRUE;
        }
        if (at("False")) {
            i += 5;
            return PyBool.FALSE;
        }
        if (at("C(")) {
            i += 2;
            double re = number();
            expect(',');
            double im = number();
            expect(')');
            return PyComplex.of(re, im);
        }
        if (at("BA(")) {
            i += 3;
            PyBytes b = (PyBytes) value();
            expect(')');
            return PyByteArray.of(b.value);
        }
        if (c == '\'' || c == '"') return PyStr.of(string());
        if (c == 'b' && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
            i++;
            String t = string();
            byte[] b = new byte[t.length()];
            for (int k = 0; k < b.length; k++) b[k] = (byte) t.charAt(k);
            return PyBytes.of(b);
        }
        if (c == '(' || c == '[') {
            char close = c == '(' ? ')' : ']';
            i++;
            List<PyObject> items = new ArrayList<>();
            while (s.charAt(i) != close) {
                items.add(value());
                if (s.charAt(i) == ',') i++;
            }
            i++;
            PyObject[] arr = items.toArray(new PyObject[0]);
            return c == '(' ? PyTuple.steal(arr) : PyList.steal(arr, arr.length);
        }
        if (c == '{') {
            i++;
            PyDict d = new PyDict();
            while (s.charAt(i) != '}') {
                PyObject k = value();
                expect(':');
                PyObject v = value();
                d.setItem(k, v);
                if (s.charAt(i) == ',') i++;
            }
            i++;
            return d;
        }
        int start = i;
        while (i < s.length() && "+-0123456789.eEinfa_xX".indexOf(s.charAt(i)) >= 0) i++;
        String tok = s.substring(start, i);
        if (tok.contains(".") || tok.contains("e") || tok.contains("inf") || tok.contains("nan")) {
            return PyFloat.of(toDouble(tok));
        }
        return PyInt.of(new BigInteger(tok));
    }

    private double number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eEinfa".indexOf(s.charAt(i)) >= 0) i++;
        return toDouble(s.substring(start, i));
    }

    private static double toDouble(String tok) {
        return switch (tok) {
            case "nan" -> Double.NaN;
            case "-nan" -> Double.longBitsToDouble(0xfff8000000000000L);
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(tok);
        };
    }

    private void expect(char c) {
        if (s.charAt(i) != c) throw new IllegalArgumentException("expected " + c + " at " + i + " in " + s);
        i++;
    }

    /** A Python string literal body with its escapes (the quote char at i). */
    private String string() {
        char q = s.charAt(i++);
        StringBuilder sb = new StringBuilder();
        while (s.charAt(i) != q) {
            char c = s.charAt(i++);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\', '\'', '"' -> sb.append(e);
                case 'x' -> {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                case 'U' -> {
                    sb.appendCodePoint(Integer.parseInt(s.substring(i, i + 8), 16));
                    i += 8;
                }
                default -> throw new IllegalArgumentException("escape \\" + e + " in " + s);
            }
        }
        i++;
        return sb.toString();
    }
}
