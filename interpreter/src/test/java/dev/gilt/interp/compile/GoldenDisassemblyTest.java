package dev.gilt.interp.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilt.interp.bytecode.Disassembler;
import dev.gilt.interp.bytecode.PyCode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden disassembly: every {@code golden/NAME.py} compiles to the text in {@code NAME.dis}
 * (code object addresses written as 0xADDR). Each .dis was produced by Gilt and compared line by
 * line with {@code python3.12 -m dis NAME.py}; the differences that remain are deliberate and listed
 * in golden/README.md. Run with {@code -Dgilt.golden.update=SRC_DIR} to rewrite the .dis files.
 */
class GoldenDisassemblyTest {
    static String render(PyCode code) {
        return Disassembler.render(code).replaceAll("0x[0-9a-f]+", "0xADDR");
    }

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenDisassemblyTest.class.getResource("golden").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        String update = System.getProperty("gilt.golden.update");
        return files.stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
            String src = Files.readString(py, StandardCharsets.UTF_8);
            String name = py.getFileName().toString();
            String actual = render(Compiler.compile(src, name, Compiler.Mode.EXEC));
            String disName = name.replace(".py", ".dis");
            if (update != null) {
                Files.writeString(Path.of(update, disName), actual, StandardCharsets.UTF_8);
                return;
            }
            Path dis = py.resolveSibling(disName);
            assertEquals(Files.readString(dis, StandardCharsets.UTF_8), actual, name);
        }));
    }
}
