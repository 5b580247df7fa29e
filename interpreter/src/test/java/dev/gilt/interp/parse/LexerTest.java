package dev.gilt.interp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LexerTest {

    /** Token kinds (and values of names, numbers and f-string text), space separated. */
    private static String tokens(String src) {
        Lexer lx = new Lexer(src, "<test>");
        List<String> out = new ArrayList<>();
        for (;;) {
            Token t = lx.next();
            String s = t.kind.name();
            if (t.kind == Token.Kind.NAME || t.kind == Token.Kind.NUMBER || t.kind == Token.Kind.FSTRING_MIDDLE) {
                s += "(" + t.value + ")";
            }
            out.add(s);
            if (t.kind == Token.Kind.ENDMARKER) {
                return String.join(" ", out);
            }
        }
    }

    private static Object number(String literal) {
        Ast.Expression e = (Ast.Expression) Parser.parse(literal, "<test>", Parser.Mode.EVAL);
        return ((Ast.Constant) e.body()).value();
    }

    private static Object string(String literal) {
        Ast.Expression e = (Ast.Expression) Parser.parse(literal, "<test>", Parser.Mode.EVAL);
        Object v = ((Ast.Constant) e.body()).value();
        return v instanceof Ast.Bytes b ? new String(b.value(), java.nio.charset.StandardCharsets.ISO_8859_1) : v;
    }

    @Test
    @DisplayName("blocks become INDENT and DEDENT; blank and comment lines do not count")
    void indentation() {
        assertEquals("IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE DEDENT NAME(z) NEWLINE ENDMARKER",
                tokens("if x:\n    y\n\n  # comment\nz\n"));
        assertEquals("IF NAME(a) COLON NEWLINE INDENT IF NAME(b) COLON NEWLINE INDENT NAME(c) NEWLINE DEDENT DEDENT "
                + "ENDMARKER", tokens("if a:\n\tif b:\n\t\tc"));
    }

    @Test
    @DisplayName("newlines inside brackets and after a backslash join lines")
    void implicitAndExplicitJoining() {
        assertEquals("NAME(x) EQUAL LPAR NUMBER(1) COMMA NUMBER(2) RPAR NEWLINE ENDMARKER", tokens("x = (1,\n  2)\n"));
        assertEquals("NAME(x) EQUAL NUMBER(1) PLUS NUMBER(2) NEWLINE ENDMARKER", tokens("x = 1 + \\\n  2\n"));
    }

    @Test
    void operators() {
        assertEquals("COLONEQUAL RARROW DOUBLESTAREQUAL DOUBLESLASHEQUAL ATEQUAL ELLIPSIS LEFTSHIFTEQUAL "
                + "RIGHTSHIFTEQUAL NOTEQUAL EXCLAMATION LESSEQUAL GREATEREQUAL EQEQUAL DOT NEWLINE ENDMARKER",
                tokens(":= -> **= //= @= ... <<= >>= != ! <= >= == ."));
    }

    @Test
    @DisplayName("keywords are tokens of their own; soft keywords stay names")
    void keywords() {
        assertEquals("NAME(match) NAME(case) NAME(_) NAME(type) NAME(print) NONE TRUE AWAIT ASYNC NEWLINE ENDMARKER",
                tokens("match case _ type print None True await async"));
    }

    @Test
    @DisplayName("identifiers may use Unicode letters and are NFKC-normalised")
    void unicodeIdentifiers() {
        assertEquals("NAME(héllo) NAME(变量) NAME(fi) NEWLINE ENDMARKER", tokens("héllo 变量 ﬁ"));
    }

    @Test
    void numbers() {
        assertEquals(1000L, number("1_000"));
        assertEquals(255L, number("0xff"));
        assertEquals(255L, number("0XF_F"));
        assertEquals(8L, number("0o10"));
        assertEquals(5L, number("0b101"));
        assertEquals(0L, number("00"));
        assertEquals(Long.MAX_VALUE, number("9223372036854775807"));
        assertEquals(new BigInteger("9223372036854775808"), number("9223372036854775808"));
        assertEquals(new BigInteger("ffffffffffffffffffff", 16), number("0xffffffffffffffffffff"));
        assertEquals(1.5e-3, number("1.5e-3"));
        assertEquals(1.0, number("1."));
        assertEquals(0.5, number(".5"));
        assertEquals(9.5, number("09.5"));
        assertEquals(Double.POSITIVE_INFINITY, number("1e400"));
        assertEquals(new Ast.Imaginary(3.0), number("3j"));
        assertEquals(new Ast.Imaginary(1.5), number("1.5J"));
        assertEquals(new Ast.Imaginary(9.0), number("09j"));
    }

    @Test
    @DisplayName("a number may run into a keyword that can follow it, as CPython allows")
    void numberThenKeyword() {
        assertEquals("NUMBER(1) IF NAME(x) ELSE NUMBER(2) NEWLINE ENDMARKER", tokens("1if x else 2"));
        assertEquals("NUMBER(1) OR NUMBER(2) NEWLINE ENDMARKER", tokens("1or 2"));
        assertEquals("NUMBER(15) OR NAME(x) NEWLINE ENDMARKER", tokens("0xfor x"));
    }

    @Test
    void strings() {
        assertEquals("a\nb\t\\'\"\u0007\b\f\u000b\0A\u00e9\u2022\ud83d\ude00x",
                string("'a\\nb\\t\\\\\\'\\\"\\a\\b\\f\\v\\0\\x41\\u00e9\\N{BULLET}\\U0001F600' 'x'"));
        assertEquals("\\d", string("'\\d'"));
        assertEquals("\\n", string("r'\\n'"));
        assertEquals("it's", string("\"it's\""));
        assertEquals("a\nb", string("'''a\nb'''"));
        assertEquals("ab", string("'a\\\nb'"));
        assertEquals("A\n\u00ff", string("b'\\x41\\n\\377'"));
        assertEquals("\\x00", string("rb'\\x00'"));
        assertEquals("xy", string("u'x' U\"y\""));
        assertEquals("S", string("'\\123'"));
        // names Java's Character.codePointOf does not know: derived ideograph and syllable names, aliases
        assertEquals("\u6574\uac01\n\u00a0", string("'\\N{CJK UNIFIED IDEOGRAPH-6574}\\N{HANGUL SYLLABLE GAG}"
                + "\\N{LINE FEED}\\N{NBSP}'"));
    }

    @Test
    @DisplayName("an f-string is split into literal parts and fields tokenised as code")
    void fstringTokens() {
        assertEquals("FSTRING_START FSTRING_MIDDLE(a) LBRACE NAME(b) EXCLAMATION NAME(r) COLON FSTRING_MIDDLE(>) "
                + "LBRACE NAME(w) RBRACE RBRACE FSTRING_MIDDLE(c{}) FSTRING_END NEWLINE ENDMARKER",
                tokens("f'a{b!r:>{w}}c{{}}'"));
        assertEquals("FSTRING_START LBRACE FSTRING_START LBRACE NAME(x) RBRACE FSTRING_END RBRACE FSTRING_END "
                + "NEWLINE ENDMARKER", tokens("f'{f'{x}'}'"));
        assertEquals("FSTRING_START LBRACE NAME(x) COLON FSTRING_MIDDLE(=10) RBRACE FSTRING_END NEWLINE ENDMARKER",
                tokens("f'{x:=10}'"));
        assertEquals("FSTRING_START LBRACE LPAR NAME(x) COLONEQUAL NUMBER(10) RPAR RBRACE FSTRING_END NEWLINE "
                + "ENDMARKER", tokens("f'{(x:=10)}'"));
    }

    @Test
    @DisplayName("token positions count code points, not UTF-16 units")
    void positions() {
        Lexer lx = new Lexer("s = '😀' + x\n", "<test>");
        lx.next();
        lx.next();
        Token str = lx.next();
        assertEquals(4, str.col);
        assertEquals(7, str.endCol);
        lx.next();
        Token x = lx.next();
        assertEquals(10, x.col);
    }

    @Test
    void tabsCountToMultiplesOfEight() {
        // a tab after 4 spaces reaches column 8, the same as 8 spaces, but differs in the
        // one-column view: CPython calls that inconsistent.
        ParseError e = assertThrows(ParseError.class, () -> tokens("if x:\n    \ty\n        z\n"));
        assertEquals("TabError", e.kind);
        assertEquals("IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE INDENT NAME(z) NEWLINE DEDENT DEDENT ENDMARKER",
                tokens("if x:\n\ty\n\t        z\n"));
    }
}
