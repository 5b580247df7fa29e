package dev.gilt.runtime.object;

import static dev.gilt.runtime.object.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.object.collections.GenericAlias;
import dev.gilt.runtime.ops.Ops;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** list[int] and friends (PEP 585), as used in annotations. */
class GenericAliasTest {
    @BeforeAll
    static void setUp() {
        install();
    }

    private static PyObject alias(PyType t, PyObject arg) {
        PyObject cg = t.lookup("__class_getitem__");
        PyObject bound = cg.type().descrGet.get(cg, null, t);
        return Ops.call(bound, arg);
    }

    @Test
    @DisplayName("repr, __origin__/__args__, equality and calling")
    void basics() {
        PyObject li = alias(PyList.TYPE, PyInt.TYPE);
        assertEquals("list[int]", repr(li));
        assertSame(GenericAlias.TYPE, li.type());
        assertEquals("types.GenericAlias", li.type().name());
        PyObject nested = alias(PyType.DICT, PyTuple.of(PyStr.TYPE, li));
        assertEquals("dict[str, list[int]]", repr(nested));
        assertEquals("tuple[int, ...]", repr(alias(PyTuple.TYPE, PyTuple.of(PyInt.TYPE, PyEllipsis.ELLIPSIS))));
        assertEquals("tuple[()]", repr(alias(PyTuple.TYPE, PyTuple.EMPTY)));
        assertEquals("set[str]", repr(alias(PySet.TYPE, PyStr.TYPE)));
        assertEquals("frozenset[int]", repr(alias(PyFrozenSet.TYPE, PyInt.TYPE)));
        assertEquals("enumerate[int]", repr(alias(PyEnumerate.TYPE, PyInt.TYPE)));
        assertTrue(Ops.compareBool(li, alias(PyList.TYPE, PyInt.TYPE), Ops.EQ));
        assertFalse(Ops.compareBool(li, alias(PyList.TYPE, PyStr.TYPE), Ops.EQ));
        assertEquals(Ops.hash(li), Ops.hash(alias(PyList.TYPE, PyInt.TYPE)));
        PyObject origin = GenericAlias.TYPE.lookup("__origin__");
        assertSame(PyList.TYPE, origin.type().descrGet.get(origin, li, GenericAlias.TYPE));
        PyObject l = PyType.TYPE.call == null ? PyList.fromIterable(tupleOfInts(1, 2)) : Ops.call(li, tupleOfInts(1, 2));
        assertEquals("[1, 2]", repr(l));
    }
}
