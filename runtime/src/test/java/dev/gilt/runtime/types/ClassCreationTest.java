package dev.gilt.runtime.types;

import static dev.gilt.runtime.types.Py.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyCell;
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

@DisplayName("Class creation: type(name, bases, ns)")
class ClassCreationTest {
    @BeforeAll
    static void init() {
        Types.init();
    }

    @Test
    void aPlainClassHasTheCPythonDictLayout() {
        PyType a = cls("A", ns("__module__", s("__main__")));
        assertEquals("<class '__main__.A'>", repr(a));
        assertEquals("mappingproxy", a.type().lookup("__dict__") != null ? get(a, "__dict__").type().name() : "");
        PyDict d = a.dict;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.entrySlots(); i++) if (d.keyAt(i) != null) sb.append(d.keyAt(i)).append(',');
        assertEquals("__module__,__dict__,__weakref__,__doc__,", sb.toString());
        assertSame(PyNone.NONE, get(a, "__doc__"));
        assertEquals("A", str(get(a, "__name__")));
        assertEquals("A", str(get(a, "__qualname__")));
        assertEquals("__main__", str(get(a, "__module__")));
        assertEquals("(<class 'object'>,)", reprTuple(get(a, "__bases__")));
        assertEquals("(<class '__main__.A'>, <class 'object'>)", reprTuple(get(a, "__mro__")));
        assertSame(PyType.OBJECT, get(a, "__base__"));
    }

    private static String reprTuple(PyObject t) {
        PyTuple tt = (PyTuple) t;
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < tt.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(repr(tt.get(i)));
        }
        if (tt.size() == 1) sb.append(',');
        return sb.append(')').toString();
    }

    @Test
    void instancesGetADictAndAttributes() {
        PyType a = cls("A", ns("__module__", s("__main__"), "x", i(1)));
        PyObject o = call(a);
        assertTrue(o instanceof PyInstance);
        assertEquals(1, toLong(get(o, "x")));
        set(o, "x", i(2));
        assertEquals(2, toLong(get(o, "x")));
        assertEquals(1, toLong(get(a, "x")));
        assertEquals("AttributeError: 'A' object has no attribute 'y'", raises(() -> get(o, "y")));
        assertEquals("AttributeError: type object 'A' has no attribute 'y'", raises(() -> get(a, "y")));
        assertTrue(repr(o).startsWith("<__main__.A object at 0x"));
    }

    @Test
    void initAndNewArgumentRules() {
        PyType a = cls("A", ns("__module__", s("__main__")));
        assertEquals("TypeError: A() takes no arguments", raises(() -> call(a, i(1))));
        PyType b = cls("B", ns("__init__", fn2("__init__", (s, self, x) -> {
            set(self, "x", x);
            return PyNone.NONE;
        })));
        PyObject o = call(b, i(7));
        assertEquals(7, toLong(get(o, "x")));
        PyType c = cls("C", ns("__init__", fn1("__init__", (s, self) -> i(1))));
        assertEquals("TypeError: __init__() should return None, not 'int'", raises(() -> call(c)));
        assertEquals("TypeError: object.__new__() takes exactly one argument (the type to instantiate)",
                raises(() -> call(get(PyType.OBJECT, "__new__"), cls("D", ns("__new__", fn("__new__", (s, a2, kw) -> PyNone.NONE))), i(1))));
        // __new__ is an implicit staticmethod and receives the class
        PyObject[] seen = new PyObject[1];
        PyType e = cls("E", ns("__new__", fn("__new__", (s, args, kw) -> {
            seen[0] = args[0];
            return call(get(PyType.OBJECT, "__new__"), args[0]);
        })));
        assertTrue(e.dict.getItemStr(PyStr.intern("__new__")) instanceof PyStaticMethod);
        PyObject eo = call(e, i(1), i(2));
        assertSame(e, seen[0]);
        assertSame(e, eo.type());
    }

    @Test
    void metaclassConflictAndLayoutConflict() {
        PyType m1 = cls("M1", ns(), PyType.TYPE);
        PyType m2 = cls("M2", ns(), PyType.TYPE);
        PyType p = cls(m1, "P", new PyType[0], ns());
        PyType q = cls(m2, "Q", new PyType[0], ns());
        assertSame(m1, p.type());
        assertEquals("TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass"
                + " of the metaclasses of all its bases", raises(() -> cls("R", ns(), p, q)));
        assertEquals("TypeError: multiple bases have instance lay-out conflict",
                raises(() -> cls("X", ns(), PyExc.OSError, PyExc.ImportError)));
        assertEquals("TypeError: type 'NoneType' is not an acceptable base type",
                raises(() -> cls("X", ns(), PyNone.TYPE)));
        // The most derived metaclass wins even when type is called.
        PyType sub = cls("S", ns(), p);
        assertSame(m1, sub.type());
    }

    @Test
    void c3MroForDiamondsAndErrors() {
        PyType o = PyType.OBJECT;
        PyType a = cls("A", ns());
        PyType b = cls("B", ns(), a);
        PyType c = cls("C", ns(), a);
        PyType d = cls("D", ns(), b, c);
        assertArrayEquals(new PyType[] {d, b, c, a, o}, d.mro);
        assertEquals("TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B",
                raises(() -> cls("Z", ns(), a, b)));
        assertEquals("TypeError: duplicate base class A", raises(() -> cls("Z", ns(), a, a)));
        // the classic example from the C3 paper
        PyType fo = cls("F", ns()), e = cls("E", ns()), dd = cls("DD", ns());
        PyType k1 = cls("K1", ns(), a, b.base == a ? fo : fo, c.base == a ? e : e);
        assertEquals(5, k1.mro.length);
        assertNotNull(dd);
    }

    @Test
    void slotsGiveMemberDescriptorsAndNoDict() {
        PyType s = cls("S", ns("__module__", s("__main__"), "__slots__", PyTuple.of(s("b"), s("a"))));
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < s.dict.entrySlots(); k++) if (s.dict.keyAt(k) != null) sb.append(s.dict.keyAt(k)).append(',');
        assertEquals("__module__,__slots__,a,b,__doc__,", sb.toString());
        PyObject o = call(s);
        assertEquals("AttributeError: 'S' object has no attribute 'a'", raises(() -> get(o, "a")));
        set(o, "a", i(3));
        assertEquals(3, toLong(get(o, "a")));
        assertEquals("AttributeError: 'S' object has no attribute 'c'", raises(() -> set(o, "c", i(1))));
        assertEquals("<member 'a' of 'S' objects>", repr(get(s, "a")));
        assertEquals("ValueError: 'a' in __slots__ conflicts with class variable",
                raises(() -> cls("T", ns("__slots__", PyTuple.of(s("a")), "a", i(1)))));
        assertEquals("TypeError: __slots__ must be identifiers", raises(() -> cls("T", ns("__slots__", PyTuple.of(s("1a"))))));
        assertEquals("TypeError: __dict__ slot disallowed: we already got one",
                raises(() -> cls("T", ns("__slots__", PyTuple.of(s("__dict__"))), cls("U", ns()))));
        assertEquals("TypeError: nonempty __slots__ not supported for subtype of 'int'",
                raises(() -> cls("T", ns("__slots__", PyTuple.of(s("x"))), PyInt.TYPE)));
        // private names are mangled
        PyType m = cls("M", ns("__slots__", s("__x")));
        assertNotNull(m.dict.getItemStr(PyStr.intern("_M__x")));
        // inherited slots keep their positions
        PyType s2 = cls("S2", ns("__slots__", PyTuple.of(s("c"))), s);
        PyObject o2 = call(s2);
        set(o2, "a", i(1));
        set(o2, "c", i(2));
        assertEquals(1, toLong(get(o2, "a")));
        assertEquals(2, toLong(get(o2, "c")));
        assertEquals(3, ((PyInstance) o2).slots.length);
    }

    @Test
    void qualnameClasscellAndEqWithoutHash() {
        PyCell cell = new PyCell();
        PyType a = cls("A", ns("__qualname__", s("f.<locals>.A"), "__classcell__", cell,
                "__eq__", fn2("__eq__", (s, x, y) -> PyBool.TRUE)));
        assertEquals("f.<locals>.A", a.qualname);
        assertNull(a.dict.getItemStr(PyStr.intern("__qualname__")));
        assertNull(a.dict.getItemStr(PyStr.intern("__classcell__")));
        assertSame(a, cell.get());
        assertSame(PyNone.NONE, a.dict.getItemStr(PyStr.intern("__hash__")));
        PyObject o = call(a);
        assertEquals("TypeError: unhashable type: 'A'", raises(() -> Ops.hash(o)));
        assertEquals("TypeError: type __qualname__ must be a str, not int", raises(() -> cls("B", ns("__qualname__", i(1)))));
        assertEquals("TypeError: __classcell__ must be a nonlocal cell, not <class 'int'>",
                raises(() -> cls("B", ns("__classcell__", i(1)))));
    }

    @Test
    void setNameAndInitSubclassWithKeywords() {
        PyList log = new PyList();
        PyType desc = cls("Desc", ns("__set_name__", fn3("__set_name__", (s, self, owner, name) -> {
            log.append(name);
            return PyNone.NONE;
        })));
        PyObject d = call(desc);
        PyType base = cls("Base", ns("__init_subclass__", fn("__init_subclass__", (s, args, kw) -> {
            // args: cls, then keyword values
            log.append(args[0]);
            if (kw != null) for (int k = 0; k < kw.size(); k++) log.append(args[args.length - kw.size() + k]);
            return PyNone.NONE;
        })));
        assertTrue(base.dict.getItemStr(PyStr.intern("__init_subclass__")) instanceof PyClassMethod);
        PyType sub = cls(PyType.TYPE, "Sub", new PyType[] {base}, ns("attr", d), "flag", i(42));
        assertEquals(3, log.size());
        assertEquals("attr", str(log.get(0)));
        assertSame(sub, log.get(1));
        assertEquals(42, toLong(log.get(2)));
        assertEquals("TypeError: B.__init_subclass__() takes no keyword arguments",
                raises(() -> cls(PyType.TYPE, "B", new PyType[0], ns(), "x", i(1))));
    }

    @Test
    void typeCallForms() {
        assertSame(PyInt.TYPE, call(PyType.TYPE, i(5)));
        assertEquals("TypeError: type() takes 1 or 3 arguments", raises(() -> call(PyType.TYPE)));
        assertEquals("TypeError: type.__new__() argument 1 must be str, not int",
                raises(() -> call(PyType.TYPE, i(1), PyTuple.EMPTY, new PyDict())));
        assertEquals("TypeError: type.__new__() argument 2 must be tuple, not int",
                raises(() -> call(PyType.TYPE, s("a"), i(2), new PyDict())));
        assertEquals("TypeError: type.__new__() argument 3 must be dict, not int",
                raises(() -> call(PyType.TYPE, s("a"), PyTuple.EMPTY, i(3))));
    }

    @Test
    void classAttributeAssignmentUpdatesSlots() {
        PyType a = cls("A", ns());
        PyObject o = call(a);
        assertEquals("TypeError: object of type 'A' has no len()", raises(() -> Ops.len(o)));
        set(a, "__len__", fn1("__len__", (s, self) -> i(3)));
        assertEquals(3, Ops.len(o));
        PyType b = cls("B", ns(), a);
        assertEquals(3, Ops.len(call(b)));
        Ops.delAttr(a, PyStr.intern("__len__"));
        assertEquals("TypeError: object of type 'B' has no len()", raises(() -> Ops.len(call(b))));
        assertEquals("TypeError: cannot set 'x' attribute of immutable type 'int'", raises(() -> set(PyInt.TYPE, "x", i(1))));
    }
}
