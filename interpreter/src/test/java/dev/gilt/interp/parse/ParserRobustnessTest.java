package dev.gilt.interp.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Malformed input of every sort must end in a {@link ParseError}: never another exception, never
 * a stack overflow, never a hang. Inputs come from seeded random generators, so a failure names
 * the seed and input that reproduce it.
 */
class ParserRobustnessTest {

    static final String SAMPLE = """
            import os, sys as system
            from .pkg import (a, b as c,)
            @decorator(arg=1)
            async def func(x, /, y: int = 2, *args, z, **kw) -> list[int]:
                global g
                async with open(x) as f, g() as (h, i):
                    async for item in f:
                        yield item
                return [i ** 2 for i in range(10) if i % 2 if not i] + {k: v for k, v in kw.items()}
            class C(Base, metaclass=Meta):
                attr: int = 0
                def method(self):
                    nonlocal q
                    try:
                        x = y = (1, *z)
                        a[1:2, ::3] += lambda p, *q, **r: p if q else r
                    except* (E1, E2) as err:
                        raise ValueError("bad") from err
                    else:
                        del a[0], b.c
                    finally:
                        assert x, f"msg {x!r:>{width}} {y=} {'nested'}"
                    while (n := next(it)) is not None: break
                    else: continue
            match command.split():
                case [action, *rest] if rest:
                    pass
                case {"key": 1 | 2 as v, **others}:
                    pass
                case Point(x=0, y=-1.5+2j) | None:
                    pass
                case _:
                    print(b'bytes' rb'\\raw', '''triple
            quoted''', 0x_ff, 1_000.5e-3, ...)
            """;

    private static final String[] FRAGMENTS = {
        "x", "y", "f", "match", "case", "_", "type", "print", "1", "0x1f", "1.5e3", "2j", "'s'", "b'b'", "f'{",
        "f'", "'", "\"\"\"", "{", "}", "(", ")", "[", "]", ":", ",", ";", ".", "...", "=", "==", ":=", "->", "+",
        "-", "*", "**", "/", "//", "%", "@", "|", "&", "^", "~", "<", ">", "<=", "!=", "!", "+=", "\\", "#c",
        "\n", "\n", "\n", "    ", "\t", " ", " ", " ", "if", "else", "elif", "for", "in", "not", "is", "and", "or",
        "while", "def", "class", "return", "yield", "from", "import", "as", "with", "try", "except", "finally",
        "raise", "lambda", "async", "await", "del", "global", "pass", "None", "True", "€", "\u00a0", "é", "0777",
        "1__0", "\r\n", "{x=}", "!r", "{x:{y}}", "*", "\\N{BULLET}", "'''", "$", "?", "\0",
    };

    private static void parseEverywhere(String src, String what) {
        for (Parser.Mode mode : Parser.Mode.values()) {
            try {
                Parser.parse(src, "<fuzz>", mode);
            } catch (ParseError e) {
                assertTrue(e.line >= 0 && e.msg != null && !e.msg.isEmpty(), what);
            } catch (Throwable t) {
                fail(what + " in mode " + mode + " threw " + t + " for input: " + escape(src), t);
            }
        }
        try {
            Parser.isIncomplete(src);
        } catch (Throwable t) {
            fail(what + " isIncomplete threw " + t + " for input: " + escape(src), t);
        }
    }

    private static String escape(String s) {
        return AstDump.repr(s);
    }

    @Test
    void sampleParses() {
        Parser.parse(SAMPLE, "<sample>", Parser.Mode.EXEC);
    }

    @Test
    @DisplayName("random token soups end in ParseError or a tree")
    void tokenSoup() {
        for (long seed = 1; seed <= 3000; seed++) {
            Random r = new Random(seed);
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
                if (r.nextInt(3) == 0) {
                    sb.append(' ');
                }
            }
            parseEverywhere(sb.toString(), "soup seed " + seed);
        }
    }

    @Test
    @DisplayName("a valid program with characters deleted, inserted or swapped ends in ParseError or a tree")
    void mutatedPrograms() {
        String alphabet = "()[]{}:;,.=+-*/'\"\\#\n\t fxy0123456789!@|&^~<>_jeb€\u00a0";
        for (long seed = 1; seed <= 1500; seed++) {
            Random r = new Random(seed);
            StringBuilder sb = new StringBuilder(SAMPLE);
            int edits = 1 + r.nextInt(4);
            for (int i = 0; i < edits; i++) {
                int at = r.nextInt(sb.length());
                switch (r.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    default -> {
                        int b = r.nextInt(sb.length());
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(b));
                        sb.setCharAt(b, c);
                    }
                }
            }
            parseEverywhere(sb.toString(), "mutation seed " + seed);
            // every prefix is an input the REPL may see
            String s = sb.toString();
            int cut = r.nextInt(s.length());
            parseEverywhere(s.substring(0, cut), "prefix seed " + seed);
        }
    }

    @Test
    @DisplayName("pathological nesting is refused without overflowing the Java stack")
    void deepNesting() {
        String[] openers = {"(", "[", "{", "-", "not ", "lambda: ", "x if y else ", "await ", "f(", "a[", "*",
            "f'{", "if x:\n" };
        for (String o : openers) {
            for (int depth : new int[] {50, 199, 200, 201, 1000, 100_000}) {
                parseEverywhere(o.repeat(depth) + "1", "nesting " + o.strip() + " x" + depth);
            }
        }
        StringBuilder indented = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            indented.append(" ".repeat(i)).append("if x:\n");
        }
        parseEverywhere(indented.append(" ".repeat(150)).append("pass\n").toString(), "deep blocks");
    }
}
