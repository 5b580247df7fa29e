package dev.gilt.interp.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gilt.interp.parse.ParseError;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SyntaxErrors found by the symbol table and the code generator: message, line, 1-based offset
 * and end position exactly as CPython 3.12's {@code compile()} reports them (each expectation was
 * produced by python3.12).
 */
class CompileErrorTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                err("x = 1\nreturn 5\n", "'return' outside function", 2, 1, 2, 9),
                err("class C:\n    return 1\n", "'return' outside function", 2, 5, 2, 13),
                err("x = 1\nyield 5\n", "'yield' outside function", 2, 1, 2, 8),
                err("(yield from x)\n", "'yield' outside function", 1, 2, 1, 14),
                err("await x\n", "'await' outside function", 1, 1, 1, 8),
                err("def f():\n    await x\n", "'await' outside async function", 2, 5, 2, 12),
                err("if x:\n    break\n", "'break' outside loop", 2, 5, 2, 10),
                err("while x:\n    def f():\n        continue\n", "'continue' not properly in loop", 3, 9, 3, 17),
                err("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5, 3, 13),
                err("def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5, 2, 13),
                err("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5, 3, 13),
                err("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11),
                err("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5, 2, 15),
                err("class C:\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5, 2, 15),
                err("def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
                        "name 'x' is nonlocal and global", 4, 9, 4, 17),
                err("def f(a, b, a): pass\n", "duplicate argument 'a' in function definition", 1, 13, 1, 14),
                err("lambda a, a: 1\n", "duplicate argument 'a' in function definition", 1, 11, 1, 12),
                err("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", 3, 5, 3, 13),
                err("def f():\n    return [x async for x in y]\n",
                        "asynchronous comprehension outside of an asynchronous function", 2, 12, 2, 32),
                err("__debug__ = 1\n", "cannot assign to __debug__", 1, 1, 1, 10),
                err("a.__debug__ = 1\n", "cannot assign to __debug__", 1, 1, 1, 12),
                err("def f(__debug__): pass\n", "cannot assign to __debug__", 1, 7, 1, 16),
                err("f(__debug__=1)\n", "cannot assign to __debug__", 1, 3, 1, 14),
                err("del __debug__\n", "cannot delete __debug__", 1, 5, 1, 14),
                err("*a = 1\n", "starred assignment target must be in a list or tuple", 1, 1, 1, 3),
                err("a, *b, *c = d\n", "multiple starred expressions in assignment", 1, 1, 1, 10),
                err("a, ".repeat(300) + "*b = c\n", "too many expressions in star-unpacking assignment", 1, 1, 1, 903),
                err("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "default 'except:' must be last", 3, 1, 4, 9),
                err("[x for x in (y := [1])]\n",
                        "assignment expression cannot be used in a comprehension iterable expression", 1, 14, 1, 22),
                err("class C:\n    [(y := x) for x in z]\n",
                        "assignment expression within a comprehension cannot be used in a class body", 2, 7, 2, 8),
                err("[(x := 1) for x in y]\n", "assignment expression cannot rebind comprehension iteration variable 'x'",
                        1, 3, 1, 4),
                err("def f():\n    [(yield x) for x in y]\n", "'yield' inside list comprehension", 2, 7, 2, 14),
                err("def f():\n    from m import *\n", "import * only allowed at module level", 2, 19, 2, 20),
                err("def f():\n    async with x: pass\n", "'async with' outside async function", 2, 5, 2, 23),
                err("def f():\n    async for x in y: pass\n", "'async for' outside async function", 2, 5, 2, 27),
                err("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8, 1, 11),
                err("def f():\n    global x\n    x: int = 1\n", "annotated name 'x' can't be global", 3, 5, 3, 15),
                err("match x:\n    case y: pass\n    case 1: pass\n",
                        "name capture 'y' makes remaining patterns unreachable", 2, 10, 2, 11),
                err("match x:\n    case _: pass\n    case 1: pass\n", "wildcard makes remaining patterns unreachable",
                        2, 10, 2, 11),
                err("match x:\n    case [a, a]: pass\n", "multiple assignments to name 'a' in pattern", 2, 14, 2, 15),
                err("match x:\n    case [a] | b: pass\n", "alternative patterns bind different names", 2, 10, 2, 17),
                err("match x:\n    case {\"a\": 1, \"a\": 2}: pass\n", "mapping pattern checks duplicate key ('a')",
                        2, 10, 2, 26),
                err("match x:\n    case {1: _, True: _}: pass\n", "mapping pattern checks duplicate key (True)",
                        2, 10, 2, 25),
                err("match x:\n    case C(a=1, a=2): pass\n", "attribute name repeated in class pattern: a",
                        2, 19, 2, 20),
                err("for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
                        "'break', 'continue' and 'return' cannot appear in an except* block", 5, 9, 5, 14),
                err("def f():\n    try:\n        pass\n    except* E:\n        return 1\n",
                        "'break', 'continue' and 'return' cannot appear in an except* block", 5, 16, 5, 17),
                err("import os\nfrom __future__ import annotations\n",
                        "from __future__ imports must occur at the beginning of the file", 2, 1, 2, 35),
                // CPython leaves end_offset None for these (-1 here)
                err("from __future__ import braces\n", "not a chance", 1, 1, 1, -1),
                err("from __future__ import nope\n", "future feature nope is not defined", 1, 1, 1, -1),
                err("match x:\n    case a | b: pass\n", "name capture 'a' makes remaining patterns unreachable",
                        2, 10, 2, 11));
    }

    private static Arguments err(String src, String msg, int line, int col, int endLine, int endCol) {
        return Arguments.of(src, msg, line, col, endLine, endCol);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void reportsAsCPython(String src, String msg, int line, int col, int endLine, int endCol) {
        ParseError e = assertThrows(ParseError.class, () -> Compiler.compile(src, "x.py", Compiler.Mode.EXEC));
        assertEquals("SyntaxError", e.kind);
        assertEquals(msg, e.msg);
        assertEquals(line, e.line, "line");
        assertEquals(col, e.col, "offset");
        assertEquals(endLine, e.endLine, "end line");
        assertEquals(endCol, e.endCol, "end offset");
        assertEquals("x.py", e.filename);
        String[] lines = src.split("\n", -1);
        assertEquals(lines[line - 1] + "\n", e.text, "text is the offending source line");
    }
}
