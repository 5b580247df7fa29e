package dev.gilt.runtime.object;

import static dev.gilt.runtime.object.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.ops.Ops;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays random operation sequences on lists and dicts recorded with python3
 * (seq_cases.txt, made by gen_seq_cases.py) and compares the final repr: slice assignment and
 * deletion with any bounds and steps, insert clamping, in-place repeat, sort; dict insertion,
 * deletion, popitem and update interleavings (entry reuse, resizes, compaction).
 */
class ReplayTest {
    @BeforeAll
    static void setUp() {
        install();
    }

    @TestFactory
    Stream<DynamicTest> replaysMatchCPython() throws Exception {
        List<String[]> cases = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                ReplayTest.class.getResourceAsStream("/containers/seq_cases.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) cases.add(line.split("\t", -1));
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c[0] + " " + (c[1].length() > 60 ? c[1].substring(0, 60) : c[1]), () -> {
            install();
            assertEquals(c[2], c[0].equals("list") ? replayList(c[1]) : replayDict(c[1]));
        }));
    }

    private static PyObject obj(String s) {
        return s.equals("_") ? PyNone.NONE : PyInt.of(Long.parseLong(s));
    }

    private static PyList vals(String s) {
        PyList l = new PyList();
        if (!s.isEmpty()) for (String v : s.split("/")) l.appendSteal(PyInt.of(Long.parseLong(v)));
        return l;
    }

    private static String replayList(String ops) {
        PyList l = new PyList();
        for (String op : ops.split(";")) {
            int colon = op.indexOf(':');
            String name = op.substring(0, colon), arg = op.substring(colon + 1);
            String[] a = arg.split(",", -1);
            switch (name) {
                case "init" -> {
                    if (!arg.isEmpty()) for (String v : a) l.appendSteal(PyInt.of(Long.parseLong(v)));
                }
                case "append" -> call(l, "append", obj(a[0]));
                case "insert" -> call(l, "insert", obj(a[0]), obj(a[1]));
                case "pop" -> RefCount.decref(call(l, "pop", obj(a[0])));
                case "setslice" -> Ops.setItem(l, new PySlice(obj(a[0]), obj(a[1]), obj(a[2])), vals(a[3]));
                case "delslice" -> Ops.delItem(l, new PySlice(obj(a[0]), obj(a[1]), obj(a[2])));
                case "extend" -> call(l, "extend", vals(a[0]));
                case "remove" -> call(l, "remove", obj(a[0]));
                case "reverse" -> call(l, "reverse");
                case "imul" -> Ops.inplaceOp(Ops.NB_MULTIPLY, l, obj(a[0]));
                case "setitem" -> Ops.setItem(l, obj(a[0]), i(50));
                case "sort" -> l.sort(null, a[0].equals("1"));
                default -> throw new AssertionError(name);
            }
        }
        return repr(l);
    }

    private static String replayDict(String ops) {
        PyDict d = new PyDict();
        for (String op : ops.split(";")) {
            if (op.isEmpty()) continue;
            int colon = op.indexOf(':');
            String name = op.substring(0, colon), arg = op.substring(colon + 1);
            String[] a = arg.split(",", -1);
            switch (name) {
                case "set" -> Ops.setItem(d, obj(a[0]), obj(a[1]));
                case "del" -> Ops.delItem(d, obj(a[0]));
                case "pop" -> RefCount.decref(call(d, "pop", obj(a[0]), PyNone.NONE));
                case "popitem" -> RefCount.decref(call(d, "popitem"));
                case "setdefault" -> RefCount.decref(call(d, "setdefault", obj(a[0]), i(-1)));
                case "update" -> {
                    PyDict u = new PyDict();
                    for (String k : a[0].split("/")) u.setItem(obj(k), PyInt.of(Long.parseLong(k) * 2));
                    call(d, "update", u);
                }
                case "clear" -> call(d, "clear");
                default -> throw new AssertionError(name);
            }
        }
        return repr(d);
    }
}
