package dev.gilt.runtime.types;

import static dev.gilt.runtime.types.Py.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Descriptors: property, staticmethod, classmethod, bound methods, super")
class DescriptorTest {
    @BeforeAll
    static void init() {
        Types.init();
    }

    @Test
    void propertyGetSetDeleteAndMessages() {
        PyObject getter = fn1("x", (s, self) -> i(10));
        PyObject prop = call(PyProperty.TYPE, getter);
        PyType p = cls("P", ns("__module__", s("__main__"), "x", prop));
        PyObject o = call(p);
        assertEquals(10, toLong(get(o, "x")));
        assertEquals("AttributeError: property 'x' of 'P' object has no setter", raises(() -> set(o, "x", i(1))));
        assertEquals("AttributeError: property 'x' of 'P' object has no deleter",
                raises(() -> Ops.delAttr(o, PyStr.intern("x"))));
        assertSame(prop, get(p, "x"));
        // setter() returns a new property that keeps the getter and the name
        PyList stored = new PyList();
        PyObject withSetter = Ops.callMethod(prop, "setter", fn2("x", (s, self, v) -> {
            stored.append(v);
            return PyNone.NONE;
        }));
        assertNotSame(prop, withSetter);
        set(p, "x", withSetter);
        set(o, "x", i(7));
        assertEquals(7, toLong(stored.get(0)));
        assertSame(getter, get(withSetter, "fget"));
        PyObject bare = call(PyProperty.TYPE);
        assertEquals("AttributeError: property of 'int' object has no getter",
                raises(() -> Ops.callMethod(bare, "__get__", i(1))));
        PyType q = cls("Q", ns("y", call(PyProperty.TYPE)));
        assertEquals("AttributeError: property 'y' of 'Q' object has no getter", raises(() -> get(call(q), "y")));
        assertEquals("TypeError: property() takes at most 4 arguments (5 given)",
                raises(() -> call(PyProperty.TYPE, i(1), i(2), i(3), i(4), i(5))));
    }

    @Test
    void dataDescriptorBeatsInstanceDictButMethodsDoNot() {
        PyObject prop = call(PyProperty.TYPE, fn1("x", (s, self) -> i(1)));
        PyType a = cls("A", ns("x", prop, "m", fn1("m", (s, self) -> i(2))));
        PyObject o = call(a);
        PyDict d = GenericAttr.dictOf(o, true);
        d.setItem(PyStr.intern("x"), i(100));
        d.setItem(PyStr.intern("m"), i(200));
        assertEquals(1, toLong(get(o, "x")));
        assertEquals(200, toLong(get(o, "m")));
    }

    @Test
    void boundMethodsCompareAndRepr() {
        PyType a = cls("A", ns("__module__", s("__main__"), "f", fn1("f", (s, self) -> i(5))));
        ((Py.Func) a.dict.getItemStr(PyStr.intern("f"))).qualname = "A.f";
        PyObject o = call(a);
        PyObject m1 = get(o, "f"), m2 = get(o, "f");
        assertTrue(m1 instanceof PyMethod);
        assertNotSame(m1, m2);
        assertTrue(Ops.compareBool(m1, m2, Ops.EQ));
        assertEquals(Ops.hash(m1), Ops.hash(m2));
        assertFalse(Ops.compareBool(m1, get(call(a), "f"), Ops.EQ));
        assertEquals(5, toLong(call(m1)));
        assertTrue(repr(m1).startsWith("<bound method A.f of <__main__.A object at 0x"));
        assertSame(o, get(m1, "__self__"));
        assertEquals("f", str(get(m1, "__name__")));
    }

    @Test
    void staticAndClassMethods() {
        PyObject f = fn("f", (s, args, kw) -> PyTuple.of(args));
        PyType a = cls("A", ns("sm", PyStaticMethod.of(f), "cm", PyClassMethod.of(f)));
        PyObject o = call(a);
        assertSame(f, get(a, "sm"));
        assertSame(f, get(o, "sm"));
        PyTuple r = (PyTuple) call(get(o, "cm"), i(1));
        assertSame(a, r.get(0));
        assertEquals(1, toLong(r.get(1)));
        PyType b = cls("B", ns(), a);
        assertSame(b, ((PyTuple) call(get(b, "cm"))).get(0));
        assertSame(f, get(a.dict.getItemStr(PyStr.intern("cm")), "__func__"));
        assertSame(f, get(a.dict.getItemStr(PyStr.intern("cm")), "__wrapped__"));
        assertEquals("f", str(get(a.dict.getItemStr(PyStr.intern("sm")), "__name__")));
        assertTrue(repr(PyStaticMethod.of(f)).startsWith("<staticmethod(<function f at 0x"));
        // staticmethod objects are callable since 3.10
        assertEquals(2, ((PyTuple) call(PyStaticMethod.of(f), i(1), i(2))).size());
    }

    @Test
    void superWalksTheMroAfterTheClass() {
        PyType a = cls("A", ns("who", fn1("who", (s, self) -> PyStr.of("A")),
                "cm", PyClassMethod.of(fn1("cm", (s, cls) -> cls))));
        PyType b = cls("B", ns("who", fn1("who", (s, self) -> PyStr.of("B"))), a);
        PyType c = cls("C", ns("who", fn1("who", (s, self) -> PyStr.of("C"))), a);
        PyType d = cls("D", ns(), b, c);
        PyObject o = call(d);
        assertEquals("C", str(call(get(PySuper.of(b, o), "who"))));
        assertEquals("A", str(call(get(PySuper.of(c, o), "who"))));
        assertSame(d, call(get(PySuper.of(b, o), "cm")));
        assertSame(d, call(get(PySuper.of(b, d), "cm")));
        assertEquals("<super: <class 'B'>, <D object>>", repr(PySuper.of(b, o)));
        assertEquals("AttributeError: 'super' object has no attribute 'nope'", raises(() -> get(PySuper.of(b, o), "nope")));
        assertEquals("TypeError: super(type, obj): obj must be an instance or subtype of type",
                raises(() -> call(PySuper.TYPE, b, i(1))));
        assertEquals("TypeError: super() argument 1 must be a type, not int", raises(() -> call(PySuper.TYPE, i(1), o)));
        // super().__init__() reaches object.__init__
        assertSame(PyNone.NONE, call(get(PySuper.of(d, o), "__init__")));
    }

    @Test
    void zeroArgumentSuperUsesTheHooks() {
        Interp in = Interp.init();
        Interp.Hooks old = in.hooks;
        PyType a = cls("A", ns("v", i(1)));
        PyType b = cls("B", ns(), a);
        PyObject o = call(b);
        in.hooks = new StubHooks() {
            @Override
            public PyObject[] superArgs() {
                return new PyObject[] {b, o};
            }
        };
        try {
            PyObject s = call(PySuper.TYPE);
            assertEquals(1, toLong(get(s, "v")));
        } finally {
            in.hooks = old;
        }
        if (old == null) assertEquals("RuntimeError: super(): no arguments", raises(() -> call(PySuper.TYPE)));
    }

    @Test
    void classDictIsAReadOnlyMappingProxy() {
        org.junit.jupiter.api.Assumptions.assumeTrue(PyType.DICT.getitem != null, "needs dict's slots (containers)");
        PyType a = cls("A", ns("x", i(1)));
        PyObject mp = get(a, "__dict__");
        assertEquals("mappingproxy", mp.type().name());
        assertEquals(1, toLong(Ops.getItem(mp, PyStr.intern("x"))));
        assertEquals("TypeError: 'mappingproxy' object does not support item assignment",
                raises(() -> Ops.setItem(mp, PyStr.intern("y"), i(1))));
        assertTrue(Ops.contains(mp, PyStr.intern("x")));
    }

    @Test
    void instanceDictAttributeAndClassAssignment() {
        PyType a = cls("A", ns());
        PyType b = cls("B", ns());
        PyType s = cls("S", ns("__slots__", PyTuple.of(s("q"))));
        PyObject o = call(a);
        set(o, "z", i(1));
        PyObject d = get(o, "__dict__");
        assertEquals(1, toLong(((PyDict) d).getItemStr(PyStr.intern("z"))));
        set(o, "__class__", b);
        assertSame(b, o.type());
        assertEquals("TypeError: __class__ assignment: 'S' object layout differs from 'B'", raises(() -> set(o, "__class__", s)));
        assertEquals("TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses",
                raises(() -> set(o, "__class__", PyInt.TYPE)));
        assertEquals("TypeError: __dict__ must be set to a dictionary, not a 'int'", raises(() -> set(o, "__dict__", i(1))));
        assertEquals("AttributeError: 'S' object has no attribute '__dict__'", raises(() -> get(call(s), "__dict__")));
        RefCount.decref(o);
    }

    @Test
    void genericAliasesFromClassGetItem() {
        PyObject la = Ops.getItem(PyList.TYPE, PyInt.TYPE);
        assertEquals("list[int]", repr(la));
        assertSame(PyList.TYPE, get(la, "__origin__"));
        assertEquals("dict[str, list[int]]", repr(Ops.getItem(PyType.DICT, PyTuple.of(dev.gilt.runtime.object.PyStr.TYPE, la))));
        assertEquals("list[int] | None", repr(Ops.binaryOp(Ops.NB_OR, la, PyNone.NONE)));
        assertEquals("TypeError: isinstance() argument 2 cannot be a parameterized generic",
                raises(() -> InstanceChecks.isInstance(new PyList(), la)));
        PyType box = cls("Box", ns("__class_getitem__", fn2("__class_getitem__", (s, cls, item) -> PyTuple.of(cls, item))));
        assertTrue(box.dict.getItemStr(PyStr.intern("__class_getitem__")) instanceof PyClassMethod);
        PyTuple r = (PyTuple) Ops.getItem(box, PyInt.TYPE);
        assertSame(box, r.get(0));
        assertSame(PyInt.TYPE, r.get(1));
    }
}
