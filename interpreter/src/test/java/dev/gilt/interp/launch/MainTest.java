package dev.gilt.interp.launch;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The command line")
class MainTest {
    @Test
    @DisplayName("stops option parsing at -c, -m and the script name")
    void parsesLikeCPython() {
        Main.Options o = Main.parse(new String[] {"-X", "gil=0", "-q", "-c", "print(1)", "-x", "y"});
        assertEquals("print(1)", o.command);
        assertEquals(List.of("-x", "y"), o.args);
        assertEquals(List.of("gil=0"), o.xoptions);
        assertTrue(o.quiet);
        Main.Options m = Main.parse(new String[] {"-Xshowrefcount", "-m", "dis", "file.py"});
        assertEquals("dis", m.module);
        assertEquals(List.of("file.py"), m.args);
        Main.Options f = Main.parse(new String[] {"-u", "prog.py", "-c", "arg"});
        assertEquals("prog.py", f.file);
        assertEquals(List.of("-c", "arg"), f.args);
        assertTrue(f.unbuffered);
        Main.Options c = Main.parse(new String[] {"-ic", "pass"});
        assertTrue(c.inspect);
        assertEquals("pass", c.command);
        Main.Options o2 = Main.parse(new String[] {"-OO", "-"});
        assertEquals(2, o2.optimize);
        assertEquals("-", o2.file);
    }

    @Test
    @DisplayName("rejects unknown options and missing arguments with CPython's messages")
    void errors() {
        assertEquals("Unknown option: -Z",
                assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"-Z"})).getMessage());
        assertEquals("Argument expected for the -c option",
                assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"-c"})).getMessage());
    }

    @Test
    @DisplayName("finds caret anchors with the real parser")
    void parserAnchors() {
        assertArrayEquals(new int[] {2, 3}, CompilerSetup.anchors("a / b"));
        assertArrayEquals(new int[] {3, 5}, CompilerSetup.anchors("a  ** b"));
        assertArrayEquals(new int[] {6, 7}, CompilerSetup.anchors("(a+b) * c"));
        assertArrayEquals(new int[] {1, 4}, CompilerSetup.anchors("x[5]"));
        assertNull(CompilerSetup.anchors("f(x)"));
        assertNull(CompilerSetup.anchors("a < b"));
    }

    @Test
    @DisplayName("decides REPL completeness without the parser when needed")
    void heuristic() {
        assertTrue(Repl.heuristicIncomplete("if x:\n"));
        assertTrue(Repl.heuristicIncomplete("f(1,\n"));
        assertFalse(Repl.heuristicIncomplete("x = 1\n"));
        assertFalse(Repl.heuristicIncomplete("if x:\n  y\n\n"));
    }
}
