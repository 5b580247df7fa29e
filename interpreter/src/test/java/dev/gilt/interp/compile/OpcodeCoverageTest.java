package dev.gilt.interp.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.object.PyObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Walks every {@link Opcode} and checks that the compiler emits it somewhere in the golden corpus
 * plus a few extra snippets, or that it is listed here as one the compiler never emits.
 */
class OpcodeCoverageTest {
    /** Instructions the compiler does not emit (yet), with the reason. */
    static final Set<Opcode> NOT_EMITTED = EnumSet.noneOf(Opcode.class);

    private static final List<String> EXTRA = List.of(
            "del x\n",
            "def f():\n    global g\n    del g\n",
            "def f(a):\n    del a\n",
            "def f(a):\n    def g(): return a\n    del a\n",
            "from m import *\n",
            "x = 1 if y is not None else 2\n",
            "x = -a, not a, ~a, +a\n");

    private static void collect(PyCode c, Set<Opcode> seen) {
        for (int w : c.code) seen.add(Opcode.of(w));
        for (PyObject k : c.consts) if (k instanceof PyCode n) collect(n, seen);
    }

    @Test
    @DisplayName("every opcode is emitted by the compiler or listed as not emitted")
    void everyOpcodeAccountedFor() throws IOException, URISyntaxException {
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        Path dir = Path.of(OpcodeCoverageTest.class.getResource("golden").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".py")).toList()) {
                collect(Compiler.compile(Files.readString(p), p.getFileName().toString(), Compiler.Mode.EXEC), seen);
            }
        }
        for (String src : EXTRA) collect(Compiler.compile(src, "x.py", Compiler.Mode.EXEC), seen);
        collect(Compiler.compile("x + 1\n", "<stdin>", Compiler.Mode.SINGLE), seen);
        Set<Opcode> missing = EnumSet.allOf(Opcode.class);
        missing.removeAll(seen);
        assertEquals(NOT_EMITTED, missing, "opcodes never emitted");
    }
}
