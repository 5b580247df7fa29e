package dev.gilt.interp.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The caret anchors of a traceback line (CPython 3.11+'s {@code ~~^~~} under a binary operation
 * and {@code ~^^^} under a subscript), found with a small expression scanner: it tokenizes the
 * source segment, parses just enough of Python's expression grammar to know the outermost
 * node, and reports where its operator (or bracket) lies. Anything it does not understand yields
 * no anchors, which is what CPython does when the segment does not parse.
 */
public final class MiniAnchors {
    private record Tok(char kind, String text, int start, int end) {}

    /** Node kinds: 'B' binary op, 'S' subscript, 'O' other. */
    private record Node(char kind, int start, int end, int a, int b) {}

    private final List<Tok> toks;
    private final String src;
    private int p;

    private MiniAnchors(String src, List<Tok> toks) {
        this.src = src;
        this.toks = toks;
    }

    /** {leftEnd, rightStart} relative to {@code segment}, or null. */
    static int[] find(String segment) {
        List<Tok> t = tokenize(segment);
        if (t == null || t.isEmpty()) return null;
        MiniAnchors m = new MiniAnchors(segment, t);
        Node n = m.expr();
        if (n == null || m.p != t.size()) return null;
        if (n.kind == 'B') return binOpAnchors(segment, n.a, n.b);
        if (n.kind == 'S') return subscriptAnchors(segment, n.a, n.b);
        return null;
    }

    /**
     * CPython's anchors for a binary operation in {@code s}: the operator between the end of the
     * left operand and the start of the right one (skipping closing parentheses).
     */
    public static int[] binOpAnchors(String s, int leftEnd, int rightStart) {
        for (int i = leftEnd; i < rightStart; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) continue;
            int l = i, r = i + 1;
            if (i + 1 < rightStart && !Character.isWhitespace(s.charAt(i + 1))) r++;
            if (i + 1 < rightStart && c == ')') continue;
            return new int[] {l, r};
        }
        return null;
    }

    /** CPython's anchors for a subscript: from its '[' to just after its ']'. */
    public static int[] subscriptAnchors(String s, int valueEnd, int sliceEnd) {
        int l = valueEnd, r = sliceEnd + 1, n = s.length();
        while (l < n && s.charAt(l) != '[') l++;
        while (r < n && s.charAt(r) != ']') r++;
        if (r < n) r++;
        return new int[] {l, r};
    }

    // ---- tokens --------------------------------------------------------------------------------

    private static final String[] OPS3 = {"**=", "//=", ">>=", "<<=", "..."};
    private static final String[] OPS2 = {"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=",
        "*=", "/=", "%=", "&=", "|=", "^=", "@="};

    private static List<Tok> tokenize(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\\') {
                i++;
                continue;
            }
            if (c == '#') return null;
            int st = i;
            if (Character.isLetter(c) || c == '_' || c > 127) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) > 127)) i++;
                if (i < n && (s.charAt(i) == '\'' || s.charAt(i) == '"') && i - st <= 3
                        && s.substring(st, i).toLowerCase().matches("[rbuf]+")) {
                    i = skipString(s, i);
                    if (i < 0) return null;
                    out.add(new Tok('s', s.substring(st, i), st, i));
                } else {
                    out.add(new Tok('n', s.substring(st, i), st, i));
                }
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_'
                        || ((s.charAt(i) == '+' || s.charAt(i) == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
                    i++;
                }
                out.add(new Tok('0', s.substring(st, i), st, i));
                continue;
            }
            if (c == '\'' || c == '"') {
                i = skipString(s, i);
                if (i < 0) return null;
                out.add(new Tok('s', s.substring(st, i), st, i));
                continue;
            }
            String op = null;
            for (String o : OPS3) if (s.startsWith(o, i)) op = o;
            if (op == null) for (String o : OPS2) if (s.startsWith(o, i)) op = o;
            if (op == null) op = String.valueOf(c);
            i += op.length();
            out.add(new Tok('o', op, st, i));
        }
        return out;
    }

    private static int skipString(String s, int i) {
        char q = s.charAt(i);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
        String end = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
        i += end.length();
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (s.startsWith(end, i)) return i + end.length();
            i++;
        }
        return -1;
    }

    // ---- expressions ---------------------------------------------------------------------------

    private Tok peek() {
        return p < toks.size() ? toks.get(p) : null;
    }

    private boolean isOp(String o) {
        Tok t = peek();
        return t != null && t.kind == 'o' && t.text.equals(o);
    }

    private boolean isName(String n) {
        Tok t = peek();
        return t != null && t.kind == 'n' && t.text.equals(n);
    }

    private Node expr() {
        if (isName("lambda")) return null;
        Node n = binary(0);
        if (n == null) return null;
        if (isName("if")) {
            p++;
            if (binary(0) == null || !isName("else")) return null;
            p++;
            Node e = expr();
            if (e == null) return null;
            return new Node('O', n.start, e.end, 0, 0);
        }
        return n;
    }

    /** Precedence levels from loosest: or, and, not, comparison, |, ^, &, shifts, + -, * / // % @. */
    private static final List<Set<String>> LEVELS = List.of(Set.of("or"), Set.of("and"), Set.of(),
            Set.of("<", ">", "==", ">=", "<=", "!=", "in", "not", "is"), Set.of("|"), Set.of("^"), Set.of("&"),
            Set.of("<<", ">>"), Set.of("+", "-"), Set.of("*", "/", "//", "%", "@"));

    private Node binary(int level) {
        if (level == LEVELS.size()) return unary();
        if (level == 2) {
            if (isName("not")) {
                Tok t = peek();
                p++;
                Node n = binary(2);
                return n == null ? null : new Node('O', t.start, n.end, 0, 0);
            }
            return binary(3);
        }
        Node left = binary(level + 1);
        if (left == null) return null;
        while (true) {
            Tok t = peek();
            if (t == null || !(t.kind == 'o' || t.kind == 'n') || !LEVELS.get(level).contains(t.text)) return left;
            p++;
            if (level == 3 && (t.text.equals("not") || t.text.equals("is"))) {
                if (t.text.equals("not") && !isName("in")) return null;
                if (isName("in") || isName("not")) p++;
            }
            Node right = binary(level + 1);
            if (right == null) return null;
            char kind = level >= 4 ? 'B' : 'O';
            left = new Node(kind, left.start, right.end, left.end, right.start);
        }
    }

    private Node unary() {
        Tok t = peek();
        if (t != null && t.kind == 'o' && (t.text.equals("-") || t.text.equals("+") || t.text.equals("~"))) {
            p++;
            Node n = unary();
            return n == null ? null : new Node('O', t.start, n.end, 0, 0);
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (base == null) return null;
        if (isOp("**")) {
            p++;
            Node e = unary();
            if (e == null) return null;
            return new Node('B', base.start, e.end, base.end, e.start);
        }
        return base;
    }

    private Node primary() {
        if (isName("await")) p++;
        Node n = atom();
        while (n != null) {
            Tok t = peek();
            if (t == null || t.kind != 'o') return n;
            if (t.text.equals("(")) {
                int close = skipGroup();
                if (close < 0) return null;
                n = new Node('O', n.start, close, 0, 0);
            } else if (t.text.equals("[")) {
                int open = t.start;
                int close = skipGroup();
                if (close < 0) return null;
                // slice end: just before the closing bracket (trailing blanks excluded)
                int sliceEnd = close - 1;
                while (sliceEnd > open + 1 && Character.isWhitespace(src.charAt(sliceEnd - 1))) sliceEnd--;
                n = new Node('S', n.start, close, n.end, sliceEnd);
            } else if (t.text.equals(".")) {
                p++;
                Tok name = peek();
                if (name == null || name.kind != 'n') return null;
                p++;
                n = new Node('O', n.start, name.end, 0, 0);
            } else {
                return n;
            }
        }
        return null;
    }

    private Node atom() {
        Tok t = peek();
        if (t == null) return null;
        switch (t.kind) {
            case 'n', '0' -> {
                p++;
                return new Node('O', t.start, t.end, 0, 0);
            }
            case 's' -> {
                p++;
                int end = t.end;
                while (peek() != null && peek().kind == 's') end = toks.get(p++).end;
                return new Node('O', t.start, end, 0, 0);
            }
            default -> {
                if (t.text.equals("(") || t.text.equals("[") || t.text.equals("{")) {
                    int close = skipGroup();
                    if (close < 0) return null;
                    if (t.text.equals("(")) {
                        // A parenthesized expression's node excludes the parentheses.
                        return new Node('O', t.start + 1, close - 1, 0, 0);
                    }
                    return new Node('O', t.start, close, 0, 0);
                }
                if (t.text.equals("...")) {
                    p++;
                    return new Node('O', t.start, t.end, 0, 0);
                }
                return null;
            }
        }
    }

    /** Skips a bracketed group starting at the current token; returns the end offset after its closer. */
    private int skipGroup() {
        int depth = 0;
        while (p < toks.size()) {
            Tok t = toks.get(p++);
            if (t.kind != 'o') continue;
            switch (t.text) {
                case "(", "[", "{" -> depth++;
                case ")", "]", "}" -> {
                    if (--depth == 0) return t.end;
                }
                default -> {}
            }
        }
        return -1;
    }
}
