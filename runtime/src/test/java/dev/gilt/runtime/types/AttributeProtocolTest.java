package dev.gilt.runtime.types;

import static dev.gilt.runtime.types.Py.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBool;
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

@DisplayName("Attribute protocol, isinstance/issubclass, type attributes")
class AttributeProtocolTest {
    @BeforeAll
    static void init() {
        Types.init();
    }

    @Test
    void moduleAttributesAndModuleGetattr() {
        PyModule m = new PyModule("mod");
        m.set("x", i(1));
        assertEquals(1, toLong(get(m, "x")));
        assertEquals("AttributeError: module 'mod' has no attribute 'y'", raises(() -> get(m, "y")));
        m.set("__getattr__", fn1("__getattr__", (s, name) -> PyStr.of("lazy " + ((PyStr) name).value)));
        assertEquals("lazy y", str(get(m, "y")));
        set(m, "z", i(3));
        assertEquals(3, toLong(m.get("z")));
        assertTrue(get(m, "__dict__") instanceof PyDict);
        assertEquals("<module 'mod'>", repr(m));
    }

    @Test
    void builtinInstancesWithoutDict() {
        assertEquals("AttributeError: 'int' object has no attribute 'x'", raises(() -> set(i(5000), "x", i(1))));
        PyObject o = call(PyType.OBJECT);
        assertEquals("AttributeError: 'object' object has no attribute 'x'", raises(() -> set(o, "x", i(1))));
        assertEquals("AttributeError: 'object' object has no attribute '__dict__'", raises(() -> get(o, "__dict__")));
        assertSame(PyType.OBJECT, get(o, "__class__"));
    }

    @Test
    void typeAttributes() {
        PyType a = cls("A", ns("__module__", s("m")));
        set(a, "__name__", s("B"));
        assertEquals("B", a.name());
        assertEquals("TypeError: can only assign string to B.__name__, not 'int'", raises(() -> set(a, "__name__", i(1))));
        assertEquals("TypeError: cannot set '__name__' attribute of immutable type 'int'",
                raises(() -> set(PyInt.TYPE, "__name__", s("x"))));
        assertEquals("int", str(get(PyInt.TYPE, "__name__")));
        assertEquals("builtins", str(get(PyInt.TYPE, "__module__")));
        assertEquals("m", str(get(a, "__module__")));
        assertEquals("type object 'int' has no attribute '__annotations__'".length() > 0,
                raises(() -> get(PyInt.TYPE, "__annotations__")).startsWith("AttributeError"));
        assertTrue(get(a, "__annotations__") instanceof PyDict);
        assertEquals("AttributeError: __abstractmethods__", raises(() -> get(a, "__abstractmethods__")));
        set(a, "__abstractmethods__", PyTuple.of(s("f")));
        assertEquals("TypeError: Can't instantiate abstract class B without an implementation for abstract method 'f'",
                raises(() -> call(a)));
        set(a, "__abstractmethods__", PyTuple.EMPTY);
        assertNotNull(call(a));
        PyList subs = (PyList) Ops.callMethod(a, "__subclasses__");
        assertEquals(0, subs.size());
        PyType c = cls("C", ns(), a);
        assertSame(c, ((PyList) Ops.callMethod(a, "__subclasses__")).get(0));
        assertTrue(get(PyType.TYPE, "__doc__") instanceof PyStr);
    }

    @Test
    void isinstanceThroughClassAndBasesProtocols() {
        PyType a = cls("A", ns());
        PyType b = cls("B", ns(), a);
        PyObject bo = call(b);
        assertTrue(InstanceChecks.isInstance(bo, a));
        assertTrue(InstanceChecks.isInstance(bo, PyTuple.of(PyInt.TYPE, PyTuple.of(a))));
        assertFalse(InstanceChecks.isInstance(bo, PyTuple.EMPTY));
        // an object lying about its __class__ (like a proxy)
        PyObject liar = call(cls("Liar", ns("__class__", call(PyProperty.TYPE, fn1("c", (s, self) -> b)))));
        assertTrue(InstanceChecks.isInstance(liar, a));
        // class-like objects with __bases__
        PyType fake = cls("Fake", ns("__bases__", PyTuple.EMPTY));
        PyObject fa = call(fake);
        PyObject fb = call(cls("Fake2", ns("__bases__", PyTuple.of(fa))));
        assertTrue(InstanceChecks.isSubclass(fb, fa));
        assertFalse(InstanceChecks.isSubclass(fa, fb));
        assertEquals("TypeError: issubclass() arg 1 must be a class", raises(() -> InstanceChecks.isSubclass(i(1), a)));
        // __subclasscheck__ on a metaclass
        PyType meta = cls("Meta", ns("__subclasscheck__", fn2("__subclasscheck__", (s, cls, sub) -> PyBool.TRUE)), PyType.TYPE);
        PyType any = cls(meta, "Any", new PyType[0], ns());
        assertTrue(InstanceChecks.isSubclass(PyInt.TYPE, any));
        assertSame(PyExc.ValueError, PyExc.ValueError);
    }

    @Test
    void builtinTypesGetSlotWrappersAndHashNone() {
        // list's own slots appear as slot wrappers, and list is unhashable through __hash__ = None
        if (PyList.TYPE.len != null) {
            assertEquals("<slot wrapper '__len__' of 'list' objects>", repr(get(PyList.TYPE, "__len__")));
        }
        if (PyList.TYPE.hash == null) assertSame(PyNone.NONE, get(PyList.TYPE, "__hash__"));
        assertSame(PyNone.NONE, get(PyType.DICT, "__hash__"));
        PyObject init = get(PyType.OBJECT, "__init__");
        assertEquals("wrapper_descriptor", init.type().name());
        assertEquals("object.__init__", str(get(init, "__qualname__")));
    }

    @Test
    void dirListsInstanceAndClassAttributes() {
        PyType a = cls("A", ns("m", fn1("m", (s, self) -> PyNone.NONE)));
        PyType b = cls("B", ns("n", i(1)), a);
        PyObject o = call(b);
        set(o, "z", i(1));
        PyList d = (PyList) Ops.callMethod(o, "__dir__");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int k = 0; k < d.size(); k++) names.add(str(d.get(k)));
        assertTrue(names.containsAll(java.util.List.of("z", "m", "n", "__init__", "__class__", "__dict__")), names.toString());
    }
}
