package dev.gilt.interp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Syntax errors one by one: CPython 3.12's message, kind and caret range (line, offset,
 * end line, end offset). Values were checked against python3 where 3.11 and 3.12 agree; f-string
 * errors follow 3.12, whose PEP 701 parser words them differently from 3.11.
 */
class ParserErrorTest {

    private static ParseError error(String src) {
        return assertThrows(ParseError.class, () -> Parser.parse(src, "f.py", Parser.Mode.EXEC));
    }

    private static void assertError(String src, String kind, String msg, int line, int col, int endLine, int endCol) {
        ParseError e = error(src);
        assertEquals(kind + ": " + msg + " @" + line + ":" + col + "-" + endLine + ":" + endCol,
                e.kind + ": " + e.msg + " @" + e.line + ":" + e.col + "-" + e.endLine + ":" + e.endCol);
    }

    private static void assertSyntax(String src, String msg, int line, int col, int endLine, int endCol) {
        assertError(src, "SyntaxError", msg, line, col, endLine, endCol);
    }

    @Test
    @DisplayName("an error carries the file name, the source line and Python's str()")
    void errorFields() {
        ParseError e = error("x = 1\ny = (1 2)\n");
        assertEquals("f.py", e.filename);
        assertEquals("y = (1 2)\n", e.text);
        assertEquals("invalid syntax. Perhaps you forgot a comma? (f.py, line 2)", e.getMessage());
        assertEquals(0, e.getStackTrace().length, "stack traces are not filled in");
    }

    @Test
    void brackets() {
        assertSyntax("x = (1,", "'(' was never closed", 1, 5, 1, 0);
        assertSyntax("x = [1, 2\n", "'[' was never closed", 1, 5, 1, 0);
        assertSyntax("def f():\n  x\nx = (\n", "'(' was never closed", 3, 5, 3, 0);
        assertSyntax("x = )", "unmatched ')'", 1, 5, 1, 5);
        assertSyntax("x\n)", "unmatched ')'", 2, 1, 2, 1);
        assertSyntax("x = (1]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 1, 7);
        assertSyntax("x = (1,\n2]", "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
                2, 2, 2, 2);
    }

    @Test
    @DisplayName("200 levels of brackets parse; the 201st is too many, and nothing overflows the stack")
    void deepNesting() {
        Parser.parse("(".repeat(200) + ")".repeat(200), "f", Parser.Mode.EXEC);
        assertSyntax("[".repeat(201), "too many nested parentheses", 1, 201, 1, 201);
        assertSyntax("(".repeat(1000) + ")".repeat(1000), "too many nested parentheses", 1, 201, 1, 201);
        Parser.parse("-".repeat(1000) + "1", "f", Parser.Mode.EXEC);
        Parser.parse("not ".repeat(1000) + "x", "f", Parser.Mode.EXEC);
        ParseError e = error("-".repeat(200_000) + "1");
        assertEquals("SyntaxError: Parser stack overflowed - Python source too complex to parse", e.kind + ": " + e.msg);
        error("lambda: ".repeat(100_000) + "1");
        error("x if y else ".repeat(100_000) + "1");
        error("await ".repeat(100_000) + "1");
    }

    @Test
    void commasAndJuxtaposition() {
        assertSyntax("[1 2]", "invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5);
        assertSyntax("f(a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 3, 1, 6);
        assertSyntax("d = {1: 2 3}", "invalid syntax. Perhaps you forgot a comma?", 1, 9, 1, 12);
        assertSyntax("x = 1 2", "invalid syntax", 1, 7, 1, 8);
        assertSyntax("print \"hello\"", "Missing parentheses in call to 'print'. Did you mean print(...)?",
                1, 1, 1, 14);
    }

    @Test
    void assignments() {
        assertSyntax("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?",
                1, 1, 1, 4);
        assertSyntax("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 1, 2);
        assertSyntax("[a, 1] = x", "cannot assign to literal", 1, 5, 1, 6);
        assertSyntax("x = f() = 1", "cannot assign to function call", 1, 5, 1, 8);
        assertSyntax("if x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 1, 9);
        assertSyntax("True = 1", "cannot assign to True", 1, 1, 1, 5);
        assertSyntax("x = yield = 1", "assignment to yield expression not possible", 1, 5, 1, 10);
        assertSyntax("(a, b) += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1, 1, 7);
        assertSyntax("x, y: int", "only single target (not tuple) can be annotated", 1, 1, 1, 2);
        assertSyntax("del f()", "cannot delete function call", 1, 5, 1, 8);
        assertSyntax("for 1 in x: pass", "cannot assign to literal", 1, 5, 1, 6);
        assertSyntax("(a.b := 1)", "cannot use assignment expressions with attribute", 1, 2, 1, 5);
    }

    @Test
    void callsAndParameters() {
        assertSyntax("f(a=1, b)", "positional argument follows keyword argument", 1, 9, 1, 10);
        assertSyntax("f(**k, a)", "positional argument follows keyword argument unpacking", 1, 9, 1, 10);
        assertSyntax("f(**k, *a)", "iterable argument unpacking follows keyword argument unpacking", 1, 8, 1, 9);
        assertSyntax("f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, 1, 7);
        assertSyntax("f(a for a in b, c)", "Generator expression must be parenthesized", 1, 3, 1, 15);
        assertSyntax("def f(a=1, b): pass", "parameter without a default follows parameter with a default",
                1, 12, 1, 13);
        assertSyntax("lambda x=1, y: 0", "parameter without a default follows parameter with a default",
                1, 13, 1, 14);
        assertSyntax("def f(*): pass", "named arguments must follow bare *", 1, 7, 1, 8);
        assertSyntax("def f(a=): pass", "expected default value expression", 1, 8, 1, 9);
    }

    @Test
    void blocksAndIndentation() {
        assertSyntax("if x\n", "expected ':'", 1, 5, 1, 5);
        assertSyntax("def f()\n", "expected ':'", 1, 8, 1, 8);
        assertSyntax("class A\n", "expected ':'", 1, 8, 1, 8);
        assertSyntax("try:\n  pass\nx = 1", "expected 'except' or 'finally' block", 3, 1, 3, 2);
        assertError("if x:\npass", "IndentationError", "expected an indented block after 'if' statement on line 1",
                2, 1, 2, 5);
        assertError("if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1",
                1, 6, 1, -1);
        assertError("def f():\n    if x:\ny", "IndentationError",
                "expected an indented block after 'if' statement on line 2", 3, 0, 3, -1);
        assertError("  x = 1", "IndentationError", "unexpected indent", 1, 2, 1, -1);
        assertError("if x:\n    a\n  b", "IndentationError", "unindent does not match any outer indentation level",
                3, 4, 3, -1);
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            deep.append(" ".repeat(i)).append("if x:\n");
        }
        assertError(deep + " ".repeat(100) + "pass\n", "IndentationError", "too many levels of indentation",
                101, 1, 101, 0);
        assertError("if x:\n\tpass\n        pass", "TabError", "inconsistent use of tabs and spaces in indentation",
                3, 1, 3, 0);
    }

    @Test
    void literals() {
        assertSyntax("x = 0777", "leading zeros in decimal integer literals are not permitted; "
                + "use an 0o prefix for octal integers", 1, 5, 1, 6);
        assertSyntax("x = 1__0", "invalid decimal literal", 1, 6, 1, 6);
        assertSyntax("x = 0x", "invalid hexadecimal literal", 1, 6, 1, 6);
        assertSyntax("x = 0b2", "invalid digit '2' in binary literal", 1, 7, 1, 7);
        assertSyntax("x = 1abc", "invalid decimal literal", 1, 5, 1, 5);
        assertSyntax("x = 'abc", "unterminated string literal (detected at line 1)", 1, 5, 1, 5);
        assertSyntax("x = '''abc\n\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5);
        assertSyntax("x = €", "invalid character '€' (U+20AC)", 1, 5, 1, 5);
        assertSyntax("x = a€b", "invalid character '€' (U+20AC)", 1, 6, 1, 6);
        assertSyntax("x = \u00a0", "invalid non-printable character U+00A0", 1, 5, 1, 5);
        assertSyntax("x = 'a' b'b'", "cannot mix bytes and nonbytes literals", 1, 13, 1, 13);
        assertSyntax("x = b'\u00e9'", "bytes can only contain ASCII literal characters", 1, 5, 1, 9);
        assertSyntax("x = '\\N{foo}'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: "
                + "unknown Unicode character name", 1, 14, 1, 14);
        assertSyntax("x = 1 \\ 2", "unexpected character after line continuation character", 1, 8, 1, 0);
        assertSyntax("x = 1 \\", "unexpected EOF while parsing", 1, 8, 1, -1);
        assertSyntax("x = 5 $ 2", "invalid syntax", 1, 7, 1, 8);
        assertSyntax("x = '\0'", "source code string cannot contain null bytes", 1, 0, 1, 0);
    }

    @Test
    @DisplayName("f-string errors use 3.12's PEP 701 wording")
    void fstrings() {
        assertSyntax("f'{x'", "f-string: expecting '}'", 1, 5, 1, 5);
        assertSyntax("f'{x:{y}'", "f-string: expecting '}'", 1, 9, 1, 9);
        assertSyntax("f'}'", "f-string: single '}' is not allowed", 1, 3, 1, 3);
        assertSyntax("f'{}'", "f-string: valid expression required before '}'", 1, 4, 1, 5);
        assertSyntax("f'{!r}'", "f-string: valid expression required before '!'", 1, 4, 1, 5);
        assertSyntax("f'{x!}'", "f-string: missing conversion character", 1, 6, 1, 7);
        assertSyntax("f'{x!z}'", "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'",
                1, 6, 1, 7);
        assertSyntax("f'{x;}'", "f-string: expecting '=', or '!', or ':', or '}'", 1, 5, 1, 6);
        assertSyntax("f'{lambda x: 1}'", "f-string: lambda expressions are not allowed without parentheses",
                1, 4, 1, 10);
        assertSyntax("x = f'abc", "unterminated f-string literal (detected at line 1)", 1, 5, 1, 5);
        assertSyntax("x = f'''abc\n", "unterminated triple-quoted f-string literal (detected at line 1)", 1, 5, 1, 5);
        assertSyntax("f'{x y}'", "invalid syntax. Perhaps you forgot a comma?", 1, 4, 1, 7);
    }

    @Test
    @DisplayName("hints that are new in 3.12")
    void newIn312() {
        assertSyntax("import a.b from c", "Did you mean to use 'from ... import ...' instead?", 1, 1, 1, 18);
        assertSyntax("f(*a=1)", "cannot assign to iterable argument unpacking", 1, 3, 1, 7);
    }

    @Test
    @DisplayName("a lexical error later in the file wins over a parser error, as in CPython")
    void lexerErrorsWin() {
        assertSyntax("f() = 1\nx = 'abc", "unterminated string literal (detected at line 2)", 2, 5, 2, 5);
        assertSyntax("x = 1 2\ny = €", "invalid character '€' (U+20AC)", 2, 5, 2, 5);
        assertSyntax("x = (\ny = 1 2", "'(' was never closed", 1, 5, 1, 0);
        assertSyntax("x = 1 2\ny = (", "invalid syntax", 1, 7, 1, 8);
    }

    @Test
    void incompleteFlag() {
        assertTrue(error("x = (1,").incomplete);
        assertTrue(error("if x:\n").incomplete);
        assertTrue(error("s = '''abc\n").incomplete);
        assertFalse(error("x = 1 +\n").incomplete);
        assertFalse(error("x = 'abc\n").incomplete);
        assertNull(error("x = '\0'").text);
    }

    @Test
    @DisplayName("type parameter syntax is refused until the AST can hold it")
    void typeParameters() {
        assertSyntax("type X = int", "type alias statements are not supported", 1, 1, 1, 5);
        assertSyntax("def f[T](x): pass", "type parameter lists are not supported", 1, 6, 1, 7);
        Parser.parse("type = 1\ntype(x)\n", "f", Parser.Mode.EXEC);
    }
}
