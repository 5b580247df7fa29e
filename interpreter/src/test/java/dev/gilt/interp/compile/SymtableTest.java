package dev.gilt.interp.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilt.interp.compile.Symtable.Scope;
import dev.gilt.interp.compile.Symtable.ScopeKind;
import dev.gilt.interp.parse.Parser;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Scope classification, checked against what CPython 3.12's symtable module reports. */
class SymtableTest {
    private static Symtable build(String src) {
        return Symtable.build(Parser.parse(src, "t.py", Parser.Mode.EXEC), "t.py", (msg, pos) -> new IllegalStateException(msg));
    }

    /** The scope reached by following child names from the module. */
    private static Scope scope(Symtable st, String... path) {
        Scope s = st.top;
        for (String name : path) {
            Scope found = null;
            for (Scope c : s.children) if (c.name.equals(name)) found = c;
            if (found == null) throw new AssertionError("no child scope " + name + " in " + s.name);
            s = found;
        }
        return s;
    }

    @Test
    @DisplayName("locals, cells, free variables and implicit globals")
    void closures() {
        Symtable st = build("""
                g = 1
                def f(a):
                    b = a
                    def inner():
                        return a + g + len(b)
                    return inner
                """);
        Scope f = scope(st, "f"), inner = scope(st, "f", "inner");
        assertEquals(ScopeKind.CELL, f.scopeOf("a"), "a parameter captured by a child is a cell");
        assertEquals(ScopeKind.CELL, f.scopeOf("b"));
        assertEquals(ScopeKind.LOCAL, f.scopeOf("inner"));
        assertEquals(ScopeKind.FREE, inner.scopeOf("a"));
        assertEquals(ScopeKind.FREE, inner.scopeOf("b"));
        assertEquals(ScopeKind.GLOBAL_IMPLICIT, inner.scopeOf("g"));
        assertEquals(ScopeKind.GLOBAL_IMPLICIT, inner.scopeOf("len"));
        assertEquals(ScopeKind.LOCAL, st.top.scopeOf("g"));
        assertEquals(List.of("a"), f.params);
        assertTrue(inner.nested);
        assertFalse(f.nested);
    }

    @Test
    @DisplayName("global and nonlocal declarations")
    void declarations() {
        Symtable st = build("""
                def f():
                    global x
                    x = 1
                    y = 2
                    def g():
                        nonlocal y
                        y = 3
                    return g
                """);
        assertEquals(ScopeKind.GLOBAL_EXPLICIT, scope(st, "f").scopeOf("x"));
        assertEquals(ScopeKind.GLOBAL_EXPLICIT, st.top.scopeOf("x"), "global x in a function is explicit at module level too");
        assertEquals(ScopeKind.CELL, scope(st, "f").scopeOf("y"));
        assertEquals(ScopeKind.FREE, scope(st, "f", "g").scopeOf("y"));
    }

    @Test
    @DisplayName("class scopes: names are not visible to methods; __class__ cell for super()")
    void classes() {
        Symtable st = build("""
                def outer():
                    v = 1
                    class C:
                        v = 2
                        w = v
                        def m(self):
                            return v, super()
                    return C
                """);
        Scope c = scope(st, "outer", "C"), m = scope(st, "outer", "C", "m");
        assertEquals(ScopeKind.FREE, m.scopeOf("v"), "the method sees outer's v, not the class attribute");
        assertEquals(ScopeKind.FREE, m.scopeOf("__class__"));
        assertEquals(ScopeKind.GLOBAL_IMPLICIT, m.scopeOf("super"));
        assertTrue(c.needsClassClosure);
        assertEquals(ScopeKind.LOCAL, c.scopeOf("v"));
        assertTrue((c.flags("v") & Symtable.DEF_FREE_CLASS) != 0, "the class passes outer's v through to m");
        assertEquals(ScopeKind.CELL, scope(st, "outer").scopeOf("v"));
    }

    @Test
    @DisplayName("comprehensions: own scope, .0 parameter, walrus binds in the enclosing function")
    void comprehensions() {
        Symtable st = build("""
                def f(xs):
                    r = [(last := x) for x in xs if x]
                    return last
                """);
        Scope f = scope(st, "f"), comp = scope(st, "f", "listcomp");
        assertEquals(List.of(".0"), comp.params);
        assertEquals(ScopeKind.LOCAL, comp.scopeOf("x"));
        assertEquals(ScopeKind.FREE, comp.scopeOf("last"));
        assertEquals(ScopeKind.CELL, f.scopeOf("last"));
        assertNull(f.scopeOf("x"), "the iteration variable does not leak");
        assertEquals(ScopeKind.LOCAL, f.scopeOf("xs"), "the outermost iterable is evaluated in f");
        assertEquals(Symtable.Comprehension.LIST, comp.comprehension);
    }

    @Test
    @DisplayName("walrus at module level makes the comprehension's target global")
    void walrusModule() {
        Symtable st = build("[(y := i) for i in z]\n");
        assertEquals(ScopeKind.GLOBAL_EXPLICIT, scope(st, "listcomp").scopeOf("y"));
        assertEquals(ScopeKind.GLOBAL_EXPLICIT, st.top.scopeOf("y"));
    }

    @Test
    @DisplayName("generators, coroutines and async generators")
    void functionKinds() {
        Symtable st = build("""
                def g(): yield 1
                async def c(): await x
                async def ag(): yield 1
                e = (i for i in x)
                def v(*a, **k): pass
                """);
        assertTrue(scope(st, "g").generator);
        assertTrue(scope(st, "c").coroutine);
        assertFalse(scope(st, "c").generator);
        assertTrue(scope(st, "ag").generator && scope(st, "ag").coroutine);
        assertTrue(scope(st, "genexpr").generator);
        assertTrue(scope(st, "v").varargs && scope(st, "v").varkeywords);
        assertEquals(List.of("a", "k"), scope(st, "v").params);
    }

    @Test
    @DisplayName("private names are mangled inside classes")
    void mangling() {
        Symtable st = build("""
                class K:
                    __a = 1
                    def m(self, __b):
                        return __b
                """);
        assertEquals(ScopeKind.LOCAL, scope(st, "K").scopeOf("_K__a"));
        assertEquals(List.of("self", "_K__b"), scope(st, "K", "m").params);
        assertEquals("_K__x", Symtable.mangle("K", "__x"));
        assertEquals("__x__", Symtable.mangle("K", "__x__"));
        assertEquals("_K__x", Symtable.mangle("__K", "__x"));
        assertEquals("__x", Symtable.mangle("___", "__x"));
        assertEquals("x", Symtable.mangle("K", "x"));
    }

    @Test
    @DisplayName("imports bind the first component, or the alias")
    void imports() {
        Symtable st = build("import a.b.c\nimport d.e as f\nfrom g import h as i, j\n");
        for (String n : List.of("a", "f", "i", "j")) assertEquals(ScopeKind.LOCAL, st.top.scopeOf(n), n);
        assertNull(st.top.scopeOf("d"));
        assertNull(st.top.scopeOf("h"));
        assertTrue((st.top.flags("a") & Symtable.DEF_IMPORT) != 0);
    }
}
