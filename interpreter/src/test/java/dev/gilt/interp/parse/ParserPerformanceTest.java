package dev.gilt.interp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ParserPerformanceTest {

    @Test
    @DisplayName("10,000 lines lex and parse well under a second")
    void tenThousandLines() {
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        int perSample = (int) ParserRobustnessTest.SAMPLE.lines().count();
        while (lines < 10_000) {
            sb.append(ParserRobustnessTest.SAMPLE);
            lines += perSample;
        }
        String src = sb.toString();
        long best = Long.MAX_VALUE;
        Ast.Module m = null;
        // The first rounds include class loading and JIT warm-up; the budget applies to the best.
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            m = (Ast.Module) Parser.parse(src, "big.py", Parser.Mode.EXEC);
            best = Math.min(best, System.nanoTime() - t0);
        }
        assertEquals(5 * (lines / perSample), m.body().size(), "five top-level statements per sample");
        assertTrue(best < 1_000_000_000L, "best parse took " + best / 1_000_000 + " ms");
    }
}
