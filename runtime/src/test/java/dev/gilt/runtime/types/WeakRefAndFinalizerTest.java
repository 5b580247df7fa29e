package dev.gilt.runtime.types;

import static dev.gilt.runtime.types.Py.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.Gc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Weak references and __del__")
class WeakRefAndFinalizerTest {
    @BeforeAll
    static void init() {
        Types.init();
    }

    @Test
    void refReturnsReferentUntilItDies() {
        PyType a = cls("A", ns());
        PyObject o = call(a);
        PyWeakRef r = PyWeakRef.ref(o, null);
        assertSame(o, deref(r));
        assertEquals(1, WeakRefs.getWeakRefCount(o));
        assertSame(r, PyWeakRef.ref(o, null)); // the basic reference is shared
        assertEquals(1, RefCount.count(o)); // the weakref does not count
        assertTrue(repr(r).startsWith("<weakref at 0x"));
        assertTrue(repr(r).contains("; to 'A' at 0x"));
        RefCount.decref(o);
        assertSame(PyNone.NONE, call(r));
        assertTrue(repr(r).endsWith("; dead>"));
    }

    @Test
    void callbacksRunNewestFirstWithTheWeakref() {
        PyType a = cls("A", ns());
        PyObject o = call(a);
        PyList log = new PyList();
        PyWeakRef r1 = PyWeakRef.ref(o, fn1("cb1", (s, w) -> {
            log.append(PyStr.of("cb1"));
            log.append(w);
            return PyNone.NONE;
        }));
        PyWeakRef r2 = PyWeakRef.ref(o, fn1("cb2", (s, w) -> {
            log.append(PyStr.of("cb2"));
            return PyNone.NONE;
        }));
        assertNotSame(r1, r2);
        RefCount.decref(o);
        assertEquals("cb2", str(log.get(0)));
        assertEquals("cb1", str(log.get(1)));
        assertSame(r1, log.get(2));
    }

    @Test
    void callbackErrorsAreReportedNotRaised() {
        PyType a = cls("A", ns());
        PyObject o = call(a);
        PyWeakRef r = PyWeakRef.ref(o, fn1("bad", (s, w) -> {
            throw Errors.zeroDivision("division by zero");
        }));
        String err = captureStderr(() -> RefCount.decref(o));
        assertTrue(err.startsWith("Exception ignored in: <function bad at 0x"), err);
        assertTrue(err.endsWith("ZeroDivisionError: division by zero\n"), err);
        assertNotNull(r);
    }

    @Test
    void unreferenceableTypesAndHash() {
        assertEquals("TypeError: cannot create weak reference to 'int' object", raises(() -> PyWeakRef.ref(i(1000), null)));
        PyType a = cls("A", ns("__hash__", fn1("__hash__", (s, self) -> i(77))));
        PyObject o = call(a);
        PyWeakRef r = PyWeakRef.ref(o, null);
        assertEquals(77, Ops.hash(r));
        RefCount.decref(o);
        assertEquals(77, Ops.hash(r)); // cached
        PyObject gone = call(a);
        PyWeakRef dead = PyWeakRef.ref(gone, null);
        RefCount.decref(gone);
        assertEquals("TypeError: weak object has gone away", raises(() -> Ops.hash(dead)));
        PyType s = cls("S", ns("__slots__", dev.gilt.runtime.object.PyTuple.EMPTY));
        assertEquals("TypeError: cannot create weak reference to 'S' object", raises(() -> PyWeakRef.ref(call(s), null)));
    }

    @Test
    void proxyForwardsAndFailsWhenDead() {
        PyType a = cls("A", ns());
        PyObject o = call(a);
        set(o, "x", i(5));
        PyWeakRef p = PyWeakProxy.proxy(o, null);
        assertEquals(5, toLong(get(p, "x")));
        set(p, "y", i(6));
        assertEquals(6, toLong(get(o, "y")));
        assertEquals("TypeError: unhashable type: 'weakref.ProxyType'", raises(() -> Ops.hash(p)));
        RefCount.decref(o);
        assertEquals("ReferenceError: weakly-referenced object no longer exists", raises(() -> get(p, "x")));
    }

    @Test
    void cyclesAreCollectedWithWeakrefsClearedAndDelRunOnce() {
        PyList log = new PyList();
        PyType d = cls("D", ns("__del__", fn1("__del__", (s, self) -> {
            log.append(PyStr.of("del"));
            return PyNone.NONE;
        })));
        PyObject x = call(d), y = call(d);
        set(x, "other", y);
        set(y, "other", x);
        PyWeakRef rx = PyWeakRef.ref(x, fn1("cb", (s, w) -> {
            log.append(PyStr.of("cb"));
            return PyNone.NONE;
        }));
        RefCount.decref(x);
        RefCount.decref(y);
        assertEquals(0, log.size());
        assertSame(x, deref(rx)); // still alive: only the cycle holds it
        Gc.collect();
        int dels = 0, cbs = 0;
        for (int k = 0; k < log.size(); k++) {
            if (str(log.get(k)).equals("del")) dels++;
            else cbs++;
        }
        assertEquals(2, dels);
        assertEquals(1, cbs);
        assertSame(PyNone.NONE, call(rx));
        Gc.collect();
        assertEquals(3, log.size());
    }

    @Test
    void resurrectionInDelKeepsTheObjectAndDelDoesNotRunTwice() {
        PyList keep = new PyList();
        PyList log = new PyList();
        PyType d = cls("D", ns("__del__", fn1("__del__", (s, self) -> {
            log.append(PyStr.of("del"));
            keep.append(self);
            return PyNone.NONE;
        })));
        PyObject o = call(d);
        RefCount.decref(o);
        assertEquals(1, log.size());
        assertFalse(RefCount.isFreed(o));
        keep.releaseReferences();
        assertEquals(1, log.size());
        assertTrue(RefCount.isFreed(o));
    }

    @Test
    void delErrorsAreReported() {
        PyType d = cls("D", ns("__del__", fn1("__del__", (s, self) -> {
            throw Errors.valueError("oops");
        })));
        PyObject o = call(d);
        String err = captureStderr(() -> RefCount.decref(o));
        assertTrue(err.startsWith("Exception ignored in: <function __del__ at 0x"), err);
        assertTrue(err.endsWith("ValueError: oops\n"), err);
        assertTrue(RefCount.isFreed(o));
        assertNotNull(PyInt.TYPE);
    }

    /** Calls the weakref and drops the new reference the call returned. */
    static PyObject deref(PyWeakRef r) {
        PyObject v = call(r);
        RefCount.decref(v);
        return v;
    }

    static String captureStderr(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString();
    }
}
