package dev.gilt.runtime.types;

import static dev.gilt.runtime.types.Py.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.error.Errors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slots filled from dunder methods")
class SlotWrapperTest {
    @BeforeAll
    static void init() {
        Types.init();
    }

    @Test
    void reprStrAndTheirErrors() {
        PyType a = cls("A", ns("__repr__", fn1("__repr__", (s, self) -> PyStr.of("A!"))));
        PyObject o = call(a);
        assertEquals("A!", repr(o));
        assertEquals("A!", str(o)); // object.__str__ falls back to repr
        PyType b = cls("B", ns("__repr__", fn1("__repr__", (s, self) -> i(1))));
        assertEquals("TypeError: __repr__ returned non-string (type int)", raises(() -> repr(call(b))));
        assertEquals("TypeError: __str__ returned non-string (type int)", raises(() -> str(call(b))));
        PyType c = cls("C", ns("__str__", fn1("__str__", (s, self) -> PyStr.of("str!"))));
        assertEquals("str!", str(call(c)));
        assertTrue(repr(call(c)).startsWith("<C object at 0x"));
    }

    @Test
    void equalityHashAndNeDefault() {
        PyType p = cls("P", ns(
                "__init__", fn2("__init__", (s, self, v) -> {
                    set(self, "v", v);
                    return PyNone.NONE;
                }),
                "__eq__", fn2("__eq__", (s, self, other) -> {
                    if (!(Ops.isInstance(other, self.type()))) return PyNotImplemented.NOT_IMPLEMENTED;
                    return PyBool.of(toLong(get(self, "v")) == toLong(get(other, "v")));
                }),
                "__hash__", fn1("__hash__", (s, self) -> get(self, "v"))));
        PyObject x = call(p, i(3)), y = call(p, i(3)), z = call(p, i(4));
        assertTrue(Ops.compareBool(x, y, Ops.EQ));
        assertFalse(Ops.compareBool(x, y, Ops.NE)); // __ne__ inverts __eq__
        assertTrue(Ops.compareBool(x, z, Ops.NE));
        assertEquals(3, Ops.hash(x));
        assertFalse(Ops.compareBool(x, i(3), Ops.EQ)); // NotImplemented both ways -> identity
        assertEquals("TypeError: '<' not supported between instances of 'P' and 'P'",
                raises(() -> Ops.richCompare(x, y, Ops.LT)));
        PyType h = cls("H", ns("__hash__", fn1("__hash__", (s, self) -> PyStr.of("x"))));
        assertEquals("TypeError: __hash__ method should return an integer", raises(() -> Ops.hash(call(h))));
        PyType m1 = cls("M1", ns("__hash__", fn1("__hash__", (s, self) -> i(-1))));
        assertEquals(-2, Ops.hash(call(m1)));
        PyType u = cls("U", ns("__hash__", PyNone.NONE));
        assertEquals("TypeError: unhashable type: 'U'", raises(() -> Ops.hash(call(u))));
    }

    @Test
    void reflectedOperatorsFollowCPythonOrder() {
        PyList log = new PyList();
        PyType a = cls("A", ns(
                "__add__", fn2("__add__", (s, self, o) -> {
                    log.append(PyStr.of("A.add"));
                    return PyNotImplemented.NOT_IMPLEMENTED;
                }),
                "__radd__", fn2("__radd__", (s, self, o) -> {
                    log.append(PyStr.of("A.radd"));
                    return PyStr.of("A.radd");
                })));
        PyType b = cls("B", ns("__radd__", fn2("__radd__", (s, self, o) -> {
            log.append(PyStr.of("B.radd"));
            return PyStr.of("B.radd");
        })), a);
        // b is a subclass overriding __radd__: it goes first
        assertEquals("B.radd", str(Ops.add(call(a), call(b))));
        assertEquals(1, log.size());
        // int + A -> A.__radd__
        assertEquals("A.radd", str(Ops.add(i(1), call(a))));
        // A + int -> A.__add__ (NotImplemented), int's add does not apply -> TypeError
        log.releaseReferences();
        assertEquals("TypeError: unsupported operand type(s) for +: 'A' and 'int'", raises(() -> Ops.add(call(a), i(1))));
        PyType n = cls("N", ns("__neg__", fn1("__neg__", (s, self) -> PyStr.of("neg")),
                "__iadd__", fn2("__iadd__", (s, self, o) -> PyStr.of("iadd"))));
        assertEquals("neg", str(Ops.neg(call(n))));
        assertEquals("iadd", str(Ops.inplaceOp(Ops.NB_ADD, call(n), i(1))));
        assertEquals("TypeError: bad operand type for unary -: 'A'", raises(() -> Ops.neg(call(a))));
    }

    @Test
    void boolLenIndexAndFloatChecks() {
        PyType b = cls("B", ns("__bool__", fn1("__bool__", (s, self) -> i(1))));
        assertEquals("TypeError: __bool__ should return bool, returned int", raises(() -> Ops.isTrue(call(b))));
        PyType l = cls("L", ns("__len__", fn1("__len__", (s, self) -> i(-1))));
        assertEquals("ValueError: __len__() should return >= 0", raises(() -> Ops.len(call(l))));
        PyType l2 = cls("L2", ns("__len__", fn1("__len__", (s, self) -> PyStr.of("a"))));
        assertEquals("TypeError: 'str' object cannot be interpreted as an integer", raises(() -> Ops.len(call(l2))));
        PyType l3 = cls("L3", ns("__len__", fn1("__len__", (s, self) -> i(0))));
        assertFalse(Ops.isTrue(call(l3)));
        PyType ix = cls("IX", ns("__index__", fn1("__index__", (s, self) -> PyStr.of("a"))));
        assertEquals("TypeError: __index__ returned non-int (type str)", raises(() -> Ops.index(call(ix))));
        PyType fl = cls("FL", ns("__float__", fn1("__float__", (s, self) -> i(1))));
        assertEquals("TypeError: FL.__float__ returned non-float (type int)", raises(() -> call(fl).type().asFloat.apply(call(fl))));
    }

    @Test
    void iterationContainersAndCalls() {
        PyType it = cls("It", ns(
                "__iter__", fn1("__iter__", (s, self) -> dev.gilt.runtime.memory.RefCount.newRef(self)),
                "__next__", fn1("__next__", (s, self) -> {
                    long n = toLong(get(self, "n"));
                    if (n == 0) throw Errors.stopIteration();
                    set(self, "n", i(n - 1));
                    return i(n);
                })));
        PyObject o = call(it);
        set(o, "n", i(2));
        PyObject iter = Ops.iter(o);
        assertEquals(2, toLong(Ops.next(iter)));
        assertEquals(1, toLong(Ops.next(iter)));
        assertNull(Ops.next(iter));
        PyType c = cls("C", ns("__contains__", fn2("__contains__", (s, self, x) -> i(1)),
                "__call__", fn("__call__", (s, args, kw) -> i(args.length)),
                "__getitem__", fn2("__getitem__", (s, self, k) -> k)));
        PyObject co = call(c);
        assertTrue(Ops.contains(co, i(5)));
        assertEquals(3, toLong(call(co, i(1), i(2))));
        assertEquals(9, toLong(Ops.getItem(co, i(9))));
        PyType ni = cls("NI", ns("__iter__", PyNone.NONE));
        assertEquals("TypeError: 'NI' object is not iterable", raises(() -> Ops.iter(call(ni))));
    }

    @Test
    void getattrHookAndSetattrOverride() {
        PyType g = cls("G", ns("__getattr__", fn2("__getattr__", (s, self, name) -> {
            if (((PyStr) name).value.equals("magic")) return i(42);
            throw Errors.attributeError("no %s", name);
        })));
        PyObject o = call(g);
        assertEquals(42, toLong(get(o, "magic")));
        set(o, "real", i(1));
        assertEquals(1, toLong(get(o, "real")));
        assertEquals("AttributeError: no other", raises(() -> get(o, "other")));
        PyList seen = new PyList();
        PyType s = cls("S", ns("__setattr__", fn3("__setattr__", (x, self, name, v) -> {
            seen.append(name);
            // super().__setattr__ via object's slot wrapper
            return call(get(PyType.OBJECT, "__setattr__"), self, name, v);
        })));
        PyObject so = call(s);
        set(so, "a", i(5));
        assertEquals(1, seen.size());
        assertEquals(5, toLong(get(so, "a")));
        assertEquals("TypeError: can't apply this __setattr__ to type object",
                raises(() -> call(get(PyType.OBJECT, "__setattr__"), PyInt.TYPE, PyStr.of("x"), i(1))));
    }

    @Test
    void builtinSlotWrappersExist() {
        assertEquals("<slot wrapper '__init__' of 'object' objects>", repr(get(PyType.OBJECT, "__init__")));
        PyObject mw = get(call(PyType.OBJECT), "__eq__");
        assertTrue(repr(mw).startsWith("<method-wrapper '__eq__' of object object at 0x"));
        assertSame(PyNotImplemented.NOT_IMPLEMENTED, call(get(PyType.OBJECT, "__eq__"), i(1), i(2)));
        assertSame(PyNotImplemented.NOT_IMPLEMENTED, call(get(PyType.OBJECT, "__lt__"), i(1), i(2)));
        assertEquals("TypeError: descriptor '__init__' of 'object' object needs an argument",
                raises(() -> call(get(PyType.OBJECT, "__init__"))));
        assertEquals("TypeError: expected 1 argument, got 0", raises(() -> call(get(PyType.OBJECT, "__lt__"), i(1))));
        assertTrue(repr(get(PyType.OBJECT, "__new__")).startsWith("<built-in method __new__ of type object at"));
        assertEquals("TypeError: object.__new__(X): X is not a type object (int)",
                raises(() -> call(get(PyType.OBJECT, "__new__"), i(1))));
        assertSame(PyNone.NONE, PyExc.ValueError.lookup("__hash__") == null ? PyNone.NONE : PyNone.NONE);
    }

    @Test
    void delWrapperRunsOnceWhenTheLastReferenceGoes() {
        PyList log = new PyList();
        PyType d = cls("D", ns("__del__", fn1("__del__", (s, self) -> {
            log.append(PyStr.of("del"));
            return PyNone.NONE;
        })));
        assertTrue(d.hasFinalizer());
        PyObject o = call(d);
        dev.gilt.runtime.memory.RefCount.decref(o);
        assertEquals(1, log.size());
        assertTrue(dev.gilt.runtime.memory.RefCount.isFreed(o));
    }
}
