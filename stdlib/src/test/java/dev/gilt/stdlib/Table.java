package dev.gilt.stdlib;

import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.ops.Ops;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Runs a CPython-generated case table (src/test/python/gen_*.py): lines {@code fn|args|expected}
 * where args are ';'-separated Python literals and expected is a repr or {@code !Type: message}.
 */
public final class Table {
    private Table() {}

    /** Returns the lines that differ (an accepted difference, per {@code tolerated}, is skipped). */
    public static List<String> run(String module, String resource, BiPredicate<String[], String> tolerated) throws Exception {
        List<String> failures = new ArrayList<>();
        try (var r = new BufferedReader(new InputStreamReader(Table.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] parts = line.split("\t", 3);
                int bar = parts[2].length();
                PyObject f = Py.fn(module, parts[0]);
                String got;
                try {
                    got = Literal.repr(Ops.call(f, Literal.parseArgs(parts[1])));
                } catch (PyException e) {
                    got = "!" + e.exc.type().name() + ": " + Py.message(e);
                }
                if (got.equals(parts[2]) || bar < 0) continue;
                if (tolerated != null && tolerated.test(parts, got)) continue;
                failures.add(parts[0] + "(" + parts[1] + ") = " + got + ", CPython " + parts[2]);
            }
        }
        return failures;
    }
}
