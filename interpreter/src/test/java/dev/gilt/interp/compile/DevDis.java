package dev.gilt.interp.compile;

import dev.gilt.interp.bytecode.Disassembler;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.parse.ParseError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Development aid (not a test): {@code DevDis FILE.ast.json FILENAME [SOURCE]} compiles the AST
 * JSON made by astjson.py and prints the disassembly, to diff against {@code python3.12 -m dis}.
 */
public final class DevDis {
    private static void positions(PyCode c) {
        System.out.println("CODE " + c.qualname);
        for (int i = 0; i < c.code.length; i++) {
            System.out.printf("  %-24s %d %d %d %d%n", dev.gilt.interp.bytecode.Opcode.of(c.code[i]).name(), c.lines[i],
                    c.endLines[i], c.cols[i], c.endCols[i]);
        }
        for (var k : c.consts) if (k instanceof PyCode n) positions(n);
    }

    private static String tup(String[] a) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < a.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append('\'').append(a[i]).append('\'');
        }
        if (a.length == 1) sb.append(',');
        return sb.append(')').toString();
    }

    private static void meta(PyCode c) {
        System.out.println(String.join(" | ", c.qualname, "" + c.stacksize, "" + c.flags, "" + c.argcount,
                "" + c.posonlyargcount, "" + c.kwonlyargcount, tup(c.varnames), tup(c.cellvars), tup(c.freevars),
                tup(c.names)));
        for (var k : c.consts) if (k instanceof PyCode n) meta(n);
    }

    public static void main(String[] args) throws Exception {
        String src = args.length > 2 ? Files.readString(Path.of(args[2]), StandardCharsets.UTF_8) : null;
        try {
            PyCode code;
            if (args[0].endsWith(".py")) {
                code = Compiler.compile(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8), args[1],
                        Compiler.Mode.valueOf(System.getProperty("mode", "EXEC")));
            } else {
                String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
                code = Compiler.compile(AstJson.parse(json), args[1], Compiler.Mode.EXEC, 0, 0, src);
            }
            if (System.getProperty("positions") != null) positions(code);
            else if (System.getProperty("meta") != null) meta(code);
            else System.out.print(Disassembler.render(code));
        } catch (ParseError e) {
            System.out.println(e.kind + ": " + e.msg + " (line " + e.line + ", offset " + e.col + ")");
        }
    }
}
