package dev.gilt.interp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Python 3.12 behaviour that python3 (3.11) on the build machine cannot confirm, and the API modes. */
class ParserFeaturesTest {

    private static String eval(String src) {
        return AstDump.dump(Parser.parse(src, "<test>", Parser.Mode.EVAL));
    }

    private static Ast.Expr expr(String src) {
        return ((Ast.Expression) Parser.parse(src, "<test>", Parser.Mode.EVAL)).body();
    }

    private static String fv(String value, int conversion) {
        return "FormattedValue(value=" + value + ", conversion=" + conversion + ")";
    }

    @Test
    @DisplayName("3.12 f-strings may reuse their own quote inside replacement fields")
    void fstringQuoteReuse() {
        assertEquals("Expression(body=JoinedStr(values=[" + fv("Constant(value='a')", -1) + "]))", eval("f'{'a'}'"));
        assertEquals("Expression(body=JoinedStr(values=[" + fv("JoinedStr(values=["
                + fv("Name(id='x', ctx=Load())", -1) + "])", -1) + "]))", eval("f\"{f\"{x}\"}\""));
        assertEquals("Expression(body=JoinedStr(values=[" + fv("Call(func=Attribute(value=Constant(value='\\n'), "
                + "attr='join', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])", -1) + "]))",
                eval("f'{'\\n'.join(a)}'"));
    }

    @Test
    @DisplayName("the self-documenting form f'{x=}' adds the text and repr conversion")
    void fstringDebug() {
        assertEquals("Expression(body=JoinedStr(values=[Constant(value='a x = '), "
                + fv("Name(id='x', ctx=Load())", 'r') + "]))", eval("f'a{ x = }'"));
        assertEquals("Expression(body=JoinedStr(values=[Constant(value='x='), " + fv("Name(id='x', ctx=Load())", 's')
                + "]))", eval("f'{x=!s}'"));
        assertEquals("Expression(body=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', "
                + "ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>5')]))]))",
                eval("f'{x=:>5}'"));
    }

    @Test
    void fstringSpecsAndEscapes() {
        assertEquals("Expression(body=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), "
                + "conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), " + fv("Name(id='w', ctx=Load())", -1)
                + ", Constant(value='.'), " + fv("Name(id='p', ctx=Load())", -1) + "]))]))", eval("f'{x!r:>{w}.{p}}'"));
        assertEquals("Expression(body=JoinedStr(values=[Constant(value='{x}')]))", eval("f'{{x}}'"));
        assertEquals("Expression(body=JoinedStr(values=[Constant(value='•'), " + fv("Name(id='x', ctx=Load())", -1)
                + "]))", eval("f'\\N{BULLET}{x}'"));
        assertEquals("Expression(body=JoinedStr(values=[Constant(value='\\\\'), " + fv("Name(id='x', ctx=Load())", -1)
                + "]))", eval("rf'\\{x}'"));
        assertEquals("Expression(body=JoinedStr(values=[Constant(value='ab'), " + fv("Name(id='c', ctx=Load())", -1)
                + ", Constant(value='de')]))", eval("'a' f'b{c}d' 'e'"));
        assertEquals("Expression(body=JoinedStr(values=[]))", eval("f''"));
        assertEquals("Expression(body=JoinedStr(values=[" + fv("Compare(left=Name(id='a', ctx=Load()), ops=[NotEq()], "
                + "comparators=[Name(id='b', ctx=Load())])", -1) + "]))", eval("f'{a!=b}'"));
    }

    @Test
    @DisplayName("expressions inside f-strings carry their real source positions")
    void fstringPositions() {
        Ast.JoinedStr j = (Ast.JoinedStr) expr("f'ab{name!r}' ");
        assertEquals(new Ast.Pos(1, 0, 1, 13), j.pos());
        Ast.FormattedValue f = (Ast.FormattedValue) j.values().get(1);
        assertEquals(new Ast.Pos(1, 4, 1, 12), f.pos());
        assertEquals(new Ast.Pos(1, 5, 1, 9), f.value().pos());
        Ast.JoinedStr multi = (Ast.JoinedStr) expr("f'''\n  {a +\n b}'''");
        Ast.BinOp sum = (Ast.BinOp) ((Ast.FormattedValue) multi.values().get(1)).value();
        assertEquals(new Ast.Pos(2, 3, 3, 2), sum.pos());
    }

    @Test
    void evalMode() {
        assertEquals("Expression(body=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))", eval("1, 2\n\n"));
        assertThrows(ParseError.class, () -> eval("x = 1"));
        assertThrows(ParseError.class, () -> eval("*a"));
        assertThrows(ParseError.class, () -> eval(""));
    }

    @Test
    void singleMode() {
        assertEquals("Interactive(body=[Expr(value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))])",
                AstDump.dump(Parser.parse("1 + 2\n", "<stdin>", Parser.Mode.SINGLE)));
        assertEquals("Interactive(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])])",
                AstDump.dump(Parser.parse("if x:\n  pass\n\n", "<stdin>", Parser.Mode.SINGLE)));
        ParseError e = assertThrows(ParseError.class, () -> Parser.parse("x = 1\ny = 2\n", "<stdin>",
                Parser.Mode.SINGLE));
        assertEquals("multiple statements found while compiling a single statement @1:6", e.msg + " @" + e.line + ":"
                + e.col);
    }

    @Test
    @DisplayName("the REPL asks for more input exactly when CPython's shows '...'")
    void incompleteInput() {
        for (String more : List.of("x = (1,\n", "if x:\n", "if x:\n    pass\n", "if x: pass\n", "def f():\n", "@d\n",
                "'''abc\n", "x = 1 \\\n", "class A:\n  def f(self):\n", "try:\n  pass\n", "for x in y:\n  print(x\n",
                "f'''{x\n", "match x:\n", "if x:\n  pass\nelse:\n", "x = [\n\n")) {
            assertTrue(Parser.isIncomplete(more), more);
        }
        for (String done : List.of("x = 1\n", "if x:\n    pass\n\n", "x = 1 +\n", "x = )\n", "print('hi')\n", "",
                "x = 'abc\n", "a = [\n1,\n2\n]\n", "try:\n  pass\n\n", "if x:\n\n", "while True:\n  x = 1\n  \n")) {
            assertFalse(Parser.isIncomplete(done), done);
        }
    }

    @Test
    @DisplayName("match and case are keywords only where a match statement can start")
    void softKeywords() {
        assertInstanceOf(Ast.Assign.class, stmt("match = 1"));
        assertInstanceOf(Ast.ExprStmt.class, stmt("match(x)"));
        assertInstanceOf(Ast.ExprStmt.class, stmt("match[x]"));
        assertInstanceOf(Ast.AnnAssign.class, stmt("match: int = 1"));
        assertInstanceOf(Ast.Match.class, stmt("match (x):\n    case case: pass"));
        assertInstanceOf(Ast.Match.class, stmt("match -x, *y:\n    case _: pass"));
        assertInstanceOf(Ast.Assign.class, stmt("_ = case = match"));
    }

    private static Ast.Stmt stmt(String src) {
        return ((Ast.Module) Parser.parse(src, "<test>", Parser.Mode.EXEC)).body().get(0);
    }

    @Test
    @DisplayName("line endings \\r\\n and \\r read as \\n; a byte order mark is skipped")
    void lineEndings() {
        String a = AstDump.dump(Parser.parse("if x:\r\n  y = 1\r\n", "<test>", Parser.Mode.EXEC));
        String b = AstDump.dump(Parser.parse("\uFEFFif x:\r  y = 1\r", "<test>", Parser.Mode.EXEC));
        assertEquals(AstDump.dump(Parser.parse("if x:\n  y = 1\n", "<test>", Parser.Mode.EXEC)), a);
        assertEquals(a, b);
    }
}
