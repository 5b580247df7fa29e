package dev.gilt.interp.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Traceback entries")
class TracebackPrinterTest {
    private final TracebackPrinter.AnchorFinder saved = TracebackPrinter.anchorFinder;

    @AfterEach
    void restore() {
        TracebackPrinter.anchorFinder = saved;
    }

    /** One entry for a one-instruction code object whose instruction spans the given positions. */
    static String entry(String file, String source, int line, int col, int endLine, int endCol) {
        SourceCache.register(file, source);
        PyCode code = new PyCode("f", "f", file, 1, 0, 0, 0, 0, 1, new int[] {Opcode.encode(Opcode.NOP, 0)},
                new dev.gilt.runtime.object.PyObject[0], new String[0], new String[0], new String[0], new String[0],
                new int[] {line}, new int[] {endLine}, new int[] {col}, new int[] {endCol}, new int[0], null);
        StringBuilder sb = new StringBuilder();
        TracebackPrinter.formatEntry(sb, code, 0, line);
        return sb.toString();
    }

    @Test
    @DisplayName("marks a binary operation with ~ and its operator with ^")
    void binOp() {
        assertEquals("  File \"t1.py\", line 2, in f\n    return a / b\n           ~~^~~\n",
                entry("t1.py", "def f(a, b):\n    return a / b\n", 2, 11, 2, 16));
        assertEquals("  File \"t2.py\", line 1, in f\n    1/0\n    ~^~\n", entry("t2.py", "1/0\n", 1, 0, 1, 3));
        assertEquals("  File \"t3.py\", line 1, in f\n    x = a ** (b)\n        ~~^^~~~~\n",
                entry("t3.py", "x = a ** (b)\n", 1, 4, 1, 12));
    }

    @Test
    @DisplayName("marks a subscript's brackets with ^")
    void subscript() {
        assertEquals("  File \"s1.py\", line 1, in f\n    print(x[5])\n          ~^^^\n",
                entry("s1.py", "print(x[5])\n", 1, 6, 1, 10));
        assertEquals("  File \"s2.py\", line 1, in f\n    print(x [ \"a\" ] )\n          ~~^^^^^^^\n",
                entry("s2.py", "print(x [ \"a\" ] )\n", 1, 6, 1, 15));
    }

    @Test
    @DisplayName("underlines a call with ^ and omits carets that would span the whole line")
    void plainCarets() {
        assertEquals("  File \"c1.py\", line 1, in f\n    print(average([]))\n          ^^^^^^^^^^^\n",
                entry("c1.py", "print(average([]))\n", 1, 6, 1, 17));
        assertEquals("  File \"c2.py\", line 1, in f\n    f()\n", entry("c2.py", "  f()\n", 1, 2, 1, 5));
    }

    @Test
    @DisplayName("highlights a multi-line expression to the end of its first line")
    void multiLine() {
        assertEquals("  File \"m1.py\", line 2, in f\n    return (a\n            ^\n",
                entry("m1.py", "def f(a, b):\n    return (a\n      + b)\n", 2, 12, 3, 9));
    }

    @Test
    @DisplayName("prints no source line for <string>")
    void noSource() {
        assertEquals("  File \"<string>\", line 1, in f\n", entry("<string>", "x\n", 1, 0, 1, 1));
    }
}
