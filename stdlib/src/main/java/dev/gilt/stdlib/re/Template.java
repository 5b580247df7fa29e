package dev.gilt.stdlib.re;

import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.stdlib.util.Args;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A replacement template of re.sub / Match.expand: literal text with \1, \g<1>, \g<name> group
 * references and the usual character escapes, parsed once and checked as CPython's
 * parse_template does.
 */
final class Template {
    /** Literal strings and Integer group numbers, in order. */
    final List<Object> parts = new ArrayList<>();

    static Template parse(PyPattern p, PyObject template) {
        String t;
        if (p.bytes) {
            if (!(template instanceof PyBytes b)) {
                throw dev.gilt.runtime.error.Errors.typeError("expected a bytes-like object, %s found",
                        template.type().name());
            }
            t = new String(b.value, StandardCharsets.ISO_8859_1);
        } else {
            t = Args.asStr(template, "expected str instance, " + template.type().name() + " found;");
        }
        Template r = new Template();
        StringBuilder lit = new StringBuilder();
        int n = t.length();
        for (int i = 0; i < n; ) {
            char c = t.charAt(i);
            if (c != '\\') {
                lit.append(c);
                i++;
                continue;
            }
            int start = i;
            if (i + 1 >= n) throw ReModule.error("bad escape (end of pattern)", template, start);
            char e = t.charAt(i + 1);
            i += 2;
            if (e == 'g') {
                if (i >= n || t.charAt(i) != '<') throw ReModule.error("missing <", template, i);
                int close = t.indexOf('>', i + 1);
                if (close < 0) throw ReModule.error("missing >, unterminated name", template, i + 1);
                String name = t.substring(i + 1, close);
                if (name.isEmpty()) throw ReModule.error("missing group name", template, i + 1);
                int g;
                if (name.chars().allMatch(Character::isDigit) && name.chars().allMatch(ch -> ch < 128)) {
                    g = Integer.parseInt(name);
                    if (g > p.groups) throw ReModule.error("invalid group reference " + g, template, i + 1);
                } else {
                    if (!Translator.isIdentifier(name)) {
                        throw ReModule.error("bad character in group name '" + name + "'", template, i + 1);
                    }
                    Integer gi = p.groupIndex.get(name);
                    if (gi == null) throw dev.gilt.runtime.error.Errors.indexError("unknown group name '" + name + "'");
                    g = gi;
                }
                r.flush(lit);
                r.parts.add(g);
                i = close + 1;
                continue;
            }
            if (e == '0') {
                int v = 0, k = 0;
                while (k < 2 && i < n && t.charAt(i) >= '0' && t.charAt(i) <= '7') {
                    v = v * 8 + (t.charAt(i) - '0');
                    i++;
                    k++;
                }
                lit.append((char) v);
                continue;
            }
            if (e >= '1' && e <= '9') {
                int g = e - '0';
                if (i < n && Character.isDigit(t.charAt(i))) {
                    // three octal digits are an octal escape
                    if (e <= '7' && t.charAt(i) <= '7' && i + 1 < n && t.charAt(i + 1) >= '0' && t.charAt(i + 1) <= '7') {
                        int v = Integer.parseInt(t.substring(start + 1, i + 2), 8);
                        if (v > 0377) {
                            throw ReModule.error("octal escape value \\" + t.substring(start + 1, i + 2)
                                    + " outside of range 0-0o377", template, start);
                        }
                        lit.append((char) v);
                        i += 2;
                        continue;
                    }
                    g = g * 10 + (t.charAt(i) - '0');
                    i++;
                }
                if (g > p.groups) throw ReModule.error("invalid group reference " + g, template, start + 1);
                r.flush(lit);
                r.parts.add(g);
                continue;
            }
            switch (e) {
                case 'n' -> lit.append('\n');
                case 't' -> lit.append('\t');
                case 'r' -> lit.append('\r');
                case 'f' -> lit.append('\f');
                case 'v' -> lit.append((char) 0x0b);
                case 'a' -> lit.append((char) 0x07);
                case 'b' -> lit.append((char) 0x08);
                case '\\' -> lit.append('\\');
                default -> {
                    if (e < 128 && Character.isLetterOrDigit(e)) {
                        throw ReModule.error("bad escape \\" + e, template, start);
                    }
                    lit.append('\\').append(e);
                }
            }
        }
        r.flush(lit);
        return r;
    }

    private void flush(StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(lit.toString());
            lit.setLength(0);
        }
    }

    /** A literal template (no group references) as one string, else null. */
    String literal() {
        if (parts.isEmpty()) return "";
        if (parts.size() == 1 && parts.get(0) instanceof String s) return s;
        return null;
    }

    String expand(PyMatch m) {
        StringBuilder sb = new StringBuilder();
        for (Object o : parts) {
            if (o instanceof String s) {
                sb.append(s);
            } else {
                String g = m.text((Integer) o);
                if (g != null) sb.append(g);
            }
        }
        return sb.toString();
    }
}
