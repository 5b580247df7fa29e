package dev.gilt.interp.vm;

import dev.gilt.runtime.object.PyCell;
import static dev.gilt.interp.bytecode.Opcode.*;
import static dev.gilt.interp.vm.VmTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The eval loop")
class InterpreterTest {

    private static PyFunction function(PyCode code, PyDict g) {
        return new PyFunction(code, g);
    }

    @Test
    @DisplayName("runs a counting while loop with int fast paths")
    void whileLoop() {
        Asm a = new Asm("loop", "i", "total");
        a.op(RESUME).loadConst(PyInt.of(0)).op(STORE_FAST, 0).loadConst(PyInt.of(0)).op(STORE_FAST, 1);
        a.label("top").op(LOAD_FAST, 0).loadConst(PyInt.of(100)).op(COMPARE_OP, Compare.LT).jump(POP_JUMP_IF_FALSE, "end");
        a.op(LOAD_FAST, 1).op(LOAD_FAST, 0).op(BINARY_OP, BinaryOps.ADD + BinaryOps.INPLACE).op(STORE_FAST, 1);
        a.op(LOAD_FAST, 0).loadConst(PyInt.of(1)).op(BINARY_OP, BinaryOps.ADD).op(STORE_FAST, 0);
        a.jump(JUMP_BACKWARD, "top");
        a.label("end").op(LOAD_FAST, 1).op(RETURN_VALUE);
        assertEquals(4950, intResult(run(a.build(), globals())));
    }

    @Test
    @DisplayName("computes int and float arithmetic like CPython")
    void arithmetic() {
        long[][] cases = {{7, 2, BinaryOps.FLOOR_DIVIDE, 3}, {-7, 2, BinaryOps.FLOOR_DIVIDE, -4}, {-7, 2, BinaryOps.REMAINDER, 1},
            {7, -2, BinaryOps.REMAINDER, -1}, {2, 10, BinaryOps.POWER, 1024}, {1, 62, BinaryOps.LSHIFT, 1L << 62},
            {-1, 100, BinaryOps.RSHIFT, -1}, {6, 3, BinaryOps.XOR, 5}};
        for (long[] c : cases) {
            Asm a = new Asm("m");
            a.loadConst(PyInt.of(c[0])).loadConst(PyInt.of(c[1])).op(BINARY_OP, (int) c[2]).op(RETURN_VALUE);
            assertEquals(c[3], intResult(run(a.build(), globals())), "case " + java.util.Arrays.toString(c));
        }
        Asm a = new Asm("m");
        a.loadConst(PyInt.of(1)).loadConst(PyInt.of(4)).op(BINARY_OP, BinaryOps.TRUE_DIVIDE).op(RETURN_VALUE);
        assertEquals(0.25, ((PyFloat) run(a.build(), globals())).value);
        Asm b = new Asm("m");
        b.loadConst(PyFloat.of(1.5)).loadConst(PyFloat.of(2.0)).op(BINARY_OP, BinaryOps.MULTIPLY).op(UNARY_NEGATIVE)
                .op(RETURN_VALUE);
        assertEquals(-3.0, ((PyFloat) run(b.build(), globals())).value);
    }

    @Test
    @DisplayName("calls Python functions with positional, default and keyword arguments")
    void calls() {
        PyDict g = globals();
        Asm f = new Asm("f", "x", "y");
        f.argcount = 2;
        f.op(RESUME).op(LOAD_FAST, 0).op(LOAD_FAST, 1).op(BINARY_OP, BinaryOps.SUBTRACT).op(RETURN_VALUE);
        PyFunction fn = function(f.build(), g);
        fn.defaults = PyTuple.of(PyInt.of(10));
        g.setItem(PyStr.intern("f"), fn);
        Asm m = new Asm("<module>");
        int fi = m.name("f");
        m.op(LOAD_GLOBAL, fi << 1 | 1).loadConst(PyInt.of(5)).op(KW_NAMES, m.k(PyTuple.of(PyStr.intern("y"))))
                .loadConst(PyInt.of(2)).op(CALL, 2).op(RETURN_VALUE);
        assertEquals(3, intResult(run(m.build(), g)));
        Asm m2 = new Asm("<module>");
        m2.op(LOAD_GLOBAL, m2.name("f") << 1 | 1).loadConst(PyInt.of(5)).op(CALL, 1).op(RETURN_VALUE);
        assertEquals(-5, intResult(run(m2.build(), g)));
    }

    @Test
    @DisplayName("reports argument errors with CPython's messages")
    void argumentErrors() {
        PyDict g = globals();
        Asm f = new Asm("f", "a", "b", "k", "args", "kw");
        f.argcount = 2;
        f.kwonly = 1;
        f.flags |= PyCode.CO_VARKEYWORDS;
        f.op(RETURN_CONST, f.k(PyNone.NONE));
        PyFunction fn = function(f.build(), g);
        assertMessage("f() missing 2 required positional arguments: 'a' and 'b'", () -> fn.call(new PyObject[0], null));
        assertMessage("f() missing 1 required keyword-only argument: 'k'",
                () -> fn.call(new PyObject[] {PyInt.of(1), PyInt.of(2)}, null));
        assertMessage("f() takes 2 positional arguments but 3 were given",
                () -> fn.call(new PyObject[] {PyInt.of(1), PyInt.of(2), PyInt.of(3)}, null));
        assertMessage("f() got multiple values for argument 'a'",
                () -> fn.call(new PyObject[] {PyInt.of(1), PyInt.of(2)}, PyTuple.of(PyStr.intern("a"))));
        // **kw collects unknown keywords
        fn.call(new PyObject[] {PyInt.of(1), PyInt.of(2), PyInt.of(3), PyInt.of(4)},
                PyTuple.of(PyStr.intern("k"), PyStr.intern("zz")));

        Asm p = new Asm("p", "a", "b");
        p.argcount = 2;
        p.posonly = 2;
        p.op(RETURN_CONST, p.k(PyNone.NONE));
        PyFunction pf = function(p.build(), g);
        assertMessage("p() got some positional-only arguments passed as keyword arguments: 'a, b'",
                () -> pf.call(new PyObject[] {PyInt.of(1), PyInt.of(2)}, PyTuple.of(PyStr.intern("a"), PyStr.intern("b"))));
        assertMessage("p() got an unexpected keyword argument 'z'",
                () -> pf.call(new PyObject[] {PyInt.of(1), PyInt.of(2), PyInt.of(3)}, PyTuple.of(PyStr.intern("z"))));

        Asm z = new Asm("z");
        z.op(RETURN_CONST, z.k(PyNone.NONE));
        PyFunction zf = function(z.build(), g);
        assertMessage("z() takes 0 positional arguments but 1 was given", () -> zf.call(new PyObject[] {PyInt.of(1)}, null));

        Asm o = new Asm("o", "a", "b");
        o.argcount = 2;
        o.kwonly = 0;
        o.op(RETURN_CONST, o.k(PyNone.NONE));
        PyFunction of = function(o.build(), g);
        of.defaults = PyTuple.of(PyInt.of(1));
        assertMessage("o() takes from 1 to 2 positional arguments but 3 were given",
                () -> of.call(new PyObject[] {PyInt.of(1), PyInt.of(2), PyInt.of(3)}, null));
    }

    private static void assertMessage(String msg, Runnable r) {
        try {
            r.run();
            fail("expected TypeError: " + msg);
        } catch (PyException e) {
            assertEquals(PyExc.TypeError, e.type());
            assertEquals(msg, VmSupport.excStr(e.exc));
        }
    }

    @Test
    @DisplayName("passes arguments by moving references: getrefcount sees 2 at module level, 3 in a callee")
    void refcountsOfArguments() {
        PyDict g = globals();
        PyList lst = new PyList();
        g.setItem(PyStr.intern("a"), lst);
        RefCount.decref(lst);
        Asm m = new Asm("<module>");
        m.op(LOAD_GLOBAL, m.name("getrefcount") << 1 | 1).op(LOAD_GLOBAL, m.name("a") << 1).op(CALL, 1).op(RETURN_VALUE);
        assertEquals(2, intResult(run(m.build(), g)));

        Asm f = new Asm("f", "x");
        f.argcount = 1;
        f.op(RESUME).op(LOAD_GLOBAL, f.name("getrefcount") << 1 | 1).op(LOAD_FAST, 0).op(CALL, 1).op(RETURN_VALUE);
        g.setItem(PyStr.intern("f"), function(f.build(), g));
        Asm m2 = new Asm("<module>");
        m2.op(LOAD_GLOBAL, m2.name("f") << 1 | 1).op(LOAD_GLOBAL, m2.name("a") << 1).op(CALL, 1).op(RETURN_VALUE);
        assertEquals(3, intResult(run(m2.build(), g)));
        assertEquals(1, RefCount.count(lst), "the callee's frame released its argument");
    }

    /** A builtin that raises ValueError("boom"). */
    private static PyBuiltinFunction boom() {
        return PyBuiltinFunction.of("boom", null, (Fn.F0) self -> {
            throw Errors.valueError("boom");
        });
    }

    @Test
    @DisplayName("catches exceptions through the exception table and restores the handled exception")
    void tryExcept() {
        PyDict g = globals();
        g.setItem(PyStr.intern("boom"), boom());
        Asm a = new Asm("f");
        a.op(RESUME);
        a.label("t0").op(LOAD_GLOBAL, a.name("boom") << 1 | 1).op(CALL, 0).op(POP_TOP).label("t1");
        a.op(RETURN_CONST, a.k(PyInt.of(0)));
        a.label("h").op(PUSH_EXC_INFO).loadConst(PyExc.ValueError).op(CHECK_EXC_MATCH).jump(POP_JUMP_IF_FALSE, "re");
        a.label("h0").op(POP_TOP).op(POP_EXCEPT).op(RETURN_CONST, a.k(PyInt.of(42)));
        a.label("re").op(RERAISE, 0).label("h1");
        a.label("cleanup").op(COPY, 3).op(POP_EXCEPT).op(RERAISE, 1);
        a.handler("t0", "t1", "h", 0, false);
        a.handler("h", "h1", "cleanup", 1, true);
        ThreadState ts = ThreadState.current();
        assertEquals(42, intResult(run(a.build(), g)));
        assertNull(ts.handledException);
    }

    @Test
    @DisplayName("builds tracebacks innermost-last and chains __context__ when raising in a handler")
    void tracebackAndContext() {
        PyDict g = globals();
        g.setItem(PyStr.intern("boom"), boom());
        Asm inner = new Asm("inner");
        inner.line = 5;
        inner.op(RESUME).op(LOAD_GLOBAL, inner.name("boom") << 1 | 1).op(CALL, 0).op(RETURN_VALUE);
        g.setItem(PyStr.intern("inner"), function(inner.build(), g));
        // outer: try: inner() except: raise KeyError
        Asm a = new Asm("outer");
        a.line = 10;
        a.op(RESUME);
        a.label("t0").op(LOAD_GLOBAL, a.name("inner") << 1 | 1).op(CALL, 0).op(RETURN_VALUE).label("t1");
        a.line = 12;
        a.label("h").op(PUSH_EXC_INFO).loadConst(PyExc.KeyError).op(RAISE_VARARGS, 1).label("h1");
        a.label("cleanup").op(COPY, 3).op(POP_EXCEPT).op(RERAISE, 1);
        a.handler("t0", "t1", "h", 0, false);
        a.handler("h", "h1", "cleanup", 1, true);
        PyException e = raises(a.build(), g);
        assertEquals(PyExc.KeyError, e.type());
        PyTraceback tb = (PyTraceback) e.exc.traceback;
        assertEquals("outer", tb.frame.code.name);
        assertEquals(12, tb.lineno());
        assertNull(tb.next);
        PyBaseException ctx = (PyBaseException) e.exc.context;
        assertEquals(PyExc.ValueError, ctx.type());
        PyTraceback ctb = (PyTraceback) ctx.traceback;
        assertEquals("outer", ctb.frame.code.name);
        assertEquals(10, ctb.lineno());
        assertEquals("inner", ctb.next.frame.code.name);
        assertEquals(5, ctb.next.lineno());
        assertNull(ThreadState.current().handledException);
        String text = TracebackPrinter.format(e.exc);
        assertTrue(text.contains("During handling of the above exception, another exception occurred:"), text);
        assertTrue(text.endsWith("KeyError\n"), text);
        assertTrue(text.contains("  File \"<asm>\", line 5, in inner\n"), text);
    }

    @Test
    @DisplayName("raise X from Y sets __cause__ and __suppress_context__")
    void raiseFrom() {
        Asm a = new Asm("f");
        a.loadConst(PyExc.KeyError).loadConst(PyExc.ValueError).op(RAISE_VARARGS, 2);
        PyException e = raises(a.build(), globals());
        assertEquals(PyExc.ValueError, ((PyBaseException) e.exc.cause).type());
        assertTrue(e.exc.suppressContext);
        Asm b = new Asm("f");
        b.loadConst(PyExc.KeyError).loadConst(PyNone.NONE).op(RAISE_VARARGS, 2);
        PyException e2 = raises(b.build(), globals());
        assertNull(e2.exc.cause);
        assertTrue(e2.exc.suppressContext);
        Asm c = new Asm("f");
        c.loadConst(PyInt.of(1)).op(RAISE_VARARGS, 1);
        assertEquals("exceptions must derive from BaseException", VmSupport.excStr(raises(c.build(), globals()).exc));
        Asm d = new Asm("f");
        d.op(RAISE_VARARGS, 0);
        assertEquals("No active exception to reraise", VmSupport.excStr(raises(d.build(), globals()).exc));
    }

    @Test
    @DisplayName("makes closures over cells")
    void closures() {
        PyDict g = globals();
        Asm inner = new Asm("inner");
        inner.freevars = new String[] {"x"};
        inner.op(COPY_FREE_VARS, 1).op(RESUME).op(LOAD_DEREF, 0).op(RETURN_VALUE);
        Asm outer = new Asm("outer");
        outer.cellvars = new String[] {"x"};
        outer.op(MAKE_CELL, 0).op(RESUME).loadConst(PyInt.of(7)).op(STORE_DEREF, 0).op(LOAD_CLOSURE, 0)
                .op(BUILD_TUPLE, 1).loadConst(inner.build()).op(MAKE_FUNCTION, 8).op(RETURN_VALUE);
        PyFunction of = function(outer.build(), g);
        PyObject innerFn = of.call(new PyObject[0], null);
        assertInstanceOf(PyFunction.class, innerFn);
        assertEquals(7, intResult(Ops.call(innerFn)));
        PyCell cell = (PyCell) ((PyFunction) innerFn).closure.get(0);
        assertEquals(7, intResult(cell.get()));
        Asm un = new Asm("inner2");
        un.freevars = new String[] {"x"};
        un.op(COPY_FREE_VARS, 1).op(LOAD_DEREF, 0).op(RETURN_VALUE);
        PyFunction unbound = function(un.build(), g);
        unbound.closure = PyTuple.steal(new PyCell());
        PyException e = assertThrows(PyException.class, () -> unbound.call(new PyObject[0], null));
        assertEquals("cannot access free variable 'x' where it is not associated with a value in enclosing scope",
                VmSupport.excStr(e.exc));
    }

    private static PyCode genCode(String name) {
        Asm a = new Asm(name);
        a.flags |= PyCode.CO_GENERATOR;
        a.op(RETURN_GENERATOR).op(POP_TOP).op(RESUME, 0);
        a.loadConst(PyInt.of(1)).op(YIELD_VALUE).op(RESUME, 1).op(POP_TOP);
        a.loadConst(PyInt.of(2)).op(YIELD_VALUE).op(RESUME, 1).op(POP_TOP);
        a.op(RETURN_CONST, a.k(PyInt.of(3)));
        return a.build();
    }

    @Test
    @DisplayName("runs generators: yields, return value in StopIteration, exhaustion")
    void generators() {
        PyDict g = globals();
        PyFunction gf = function(genCode("gen"), g);
        PyGenerator gen = (PyGenerator) gf.call(new PyObject[0], null);
        assertEquals("generator", gen.type().name());
        PyException notNone = assertThrows(PyException.class, () -> gen.sendValue(PyInt.of(5)));
        assertEquals("can't send non-None value to a just-started generator", VmSupport.excStr(notNone.exc));
        assertEquals(1, intResult(gen.nextOrNull()));
        assertEquals(2, intResult(gen.sendValue(PyNone.NONE)));
        PyException stop = assertThrows(PyException.class, () -> gen.sendValue(PyNone.NONE));
        assertEquals(PyExc.StopIteration, stop.type());
        assertEquals(3, intResult(stop.exc.args.get(0)));
        assertNull(gen.frame);
        assertNull(gen.nextOrNull());
    }

    @Test
    @DisplayName("delegates with yield from (SEND) and receives the sub-generator's return value")
    void yieldFrom() {
        PyDict g = globals();
        g.setItem(PyStr.intern("inner"), function(genCode("inner"), g));
        Asm a = new Asm("outer");
        a.flags |= PyCode.CO_GENERATOR;
        a.op(RETURN_GENERATOR).op(POP_TOP).op(RESUME, 0);
        a.op(LOAD_GLOBAL, a.name("inner") << 1 | 1).op(CALL, 0).op(GET_YIELD_FROM_ITER).loadConst(PyNone.NONE);
        a.label("send").jump(SEND, "exit").op(YIELD_VALUE).op(RESUME, 2).jump(JUMP_BACKWARD_NO_INTERRUPT, "send");
        a.label("exit").op(END_SEND).loadConst(PyInt.of(100)).op(BINARY_OP, BinaryOps.ADD).op(RETURN_VALUE);
        PyGenerator gen = (PyGenerator) function(a.build(), g).call(new PyObject[0], null);
        assertEquals(1, intResult(gen.nextOrNull()));
        assertNotNull(gen.yieldFrom());
        assertEquals(2, intResult(gen.nextOrNull()));
        PyObject r = gen.resume(ThreadState.current(), PyNone.NONE, null);
        assertTrue(gen.lastReturned);
        assertEquals(103, intResult(r));
    }

    @Test
    @DisplayName("closing a generator raises GeneratorExit inside it; ignoring it is a RuntimeError")
    void closeGenerator() {
        PyDict g = globals();
        PyGenerator gen = (PyGenerator) function(genCode("gen"), g).call(new PyObject[0], null);
        assertEquals(1, intResult(gen.nextOrNull()));
        assertSame(PyNone.NONE, gen.close());
        assertNull(gen.frame);
        // def h(): while True: try: yield 1 except GeneratorExit: pass   -> ignores GeneratorExit
        Asm a = new Asm("h");
        a.flags |= PyCode.CO_GENERATOR;
        a.op(RETURN_GENERATOR).op(POP_TOP).op(RESUME, 0);
        a.label("top").label("t0").loadConst(PyInt.of(1)).op(YIELD_VALUE).op(RESUME, 1).op(POP_TOP).label("t1")
                .jump(JUMP_BACKWARD, "top");
        a.label("h").op(PUSH_EXC_INFO).op(POP_TOP).op(POP_EXCEPT).jump(JUMP_BACKWARD, "top");
        a.handler("t0", "t1", "h", 0, false);
        PyGenerator h = (PyGenerator) function(a.build(), g).call(new PyObject[0], null);
        assertEquals(1, intResult(h.nextOrNull()));
        PyException e = assertThrows(PyException.class, h::close);
        assertEquals("generator ignored GeneratorExit", VmSupport.excStr(e.exc));
    }

    @Test
    @DisplayName("raises RecursionError at the recursion limit and unwinds the depth counter")
    void recursionLimit() {
        PyDict g = globals();
        Asm f = new Asm("f");
        f.op(RESUME).op(LOAD_GLOBAL, f.name("f") << 1 | 1).op(CALL, 0).op(RETURN_VALUE);
        g.setItem(PyStr.intern("f"), function(f.build(), g));
        ThreadState ts = ThreadState.current();
        int before = ts.recursionDepth;
        int limit = ThreadState.recursionLimit;
        ThreadState.recursionLimit = 60;
        try {
            Asm m = new Asm("<module>");
            m.op(LOAD_GLOBAL, m.name("f") << 1 | 1).op(CALL, 0).op(RETURN_VALUE);
            PyException e = raises(m.build(), g);
            assertEquals(PyExc.RecursionError, e.type());
            assertEquals("maximum recursion depth exceeded", VmSupport.excStr(e.exc));
            String text = TracebackPrinter.format(e.exc);
            assertTrue(text.contains("[Previous line repeated 56 more times]"), text);
        } finally {
            ThreadState.recursionLimit = limit;
        }
        assertEquals(before, ts.recursionDepth);
    }

    @Test
    @DisplayName("raises NameError and UnboundLocalError with CPython's messages")
    void nameErrors() {
        Asm a = new Asm("<module>");
        a.op(LOAD_GLOBAL, a.name("nope") << 1).op(RETURN_VALUE);
        assertEquals("name 'nope' is not defined", VmSupport.excStr(raises(a.build(), globals()).exc));
        Asm b = new Asm("f", "x");
        b.op(LOAD_FAST, 0).op(RETURN_VALUE);
        PyException e = raises(b.build(), globals());
        assertEquals(PyExc.UnboundLocalError, e.type());
        assertEquals("cannot access local variable 'x' where it is not associated with a value", VmSupport.excStr(e.exc));
        Asm c = new Asm("<module>");
        c.loadConst(PyInt.of(3)).op(STORE_NAME, c.name("v")).op(LOAD_NAME, c.name("v")).op(RETURN_VALUE);
        assertEquals(3, intResult(run(c.build(), globals())));
    }

    @Test
    @DisplayName("caches LOAD_GLOBAL and sees rebinding, deletion and builtins shadowing")
    void globalCache() {
        PyDict g = globals();
        PyDict b = new PyDict();
        b.setItem(PyStr.intern("v"), PyInt.of(1));
        g.setItem(PyStr.intern("__builtins__"), b);
        Asm f = new Asm("f");
        f.op(LOAD_GLOBAL, f.name("v") << 1).op(RETURN_VALUE);
        PyFunction fn = function(f.build(), g);
        assertEquals(1, intResult(fn.call(new PyObject[0], null)));
        assertEquals(1, intResult(fn.call(new PyObject[0], null)));
        g.setItem(PyStr.intern("v"), PyInt.of(2));
        assertEquals(2, intResult(fn.call(new PyObject[0], null)));
        g.setItem(PyStr.intern("v"), PyInt.of(3));
        assertEquals(3, intResult(fn.call(new PyObject[0], null)));
        g.delItem(PyStr.intern("v"));
        assertEquals(1, intResult(fn.call(new PyObject[0], null)));
        b.setItem(PyStr.intern("v"), PyInt.of(4));
        assertEquals(4, intResult(fn.call(new PyObject[0], null)));
    }

    @Test
    @DisplayName("unpacks sequences and builds containers")
    void unpackAndBuild() {
        Asm a = new Asm("f", "x", "y", "z");
        a.loadConst(PyInt.of(1)).loadConst(PyInt.of(2)).loadConst(PyInt.of(3)).op(BUILD_LIST, 3)
                .op(UNPACK_EX, 1).op(STORE_FAST, 0).op(STORE_FAST, 1).op(LOAD_FAST, 1).op(RETURN_VALUE);
        PyList rest = (PyList) run(a.build(), globals());
        assertEquals(2, rest.size);
        assertEquals(2, intResult(rest.get(0)));
        Asm b = new Asm("f", "x", "y");
        b.loadConst(PyInt.of(1)).loadConst(PyInt.of(2)).op(BUILD_TUPLE, 2).op(UNPACK_SEQUENCE, 2)
                .op(STORE_FAST, 0).op(STORE_FAST, 1).op(LOAD_FAST, 0).op(LOAD_FAST, 1)
                .op(BINARY_OP, BinaryOps.SUBTRACT).op(RETURN_VALUE);
        assertEquals(-1, intResult(run(b.build(), globals())));
        Asm c = new Asm("f");
        c.loadConst(PyInt.of(1)).op(BUILD_TUPLE, 1).op(UNPACK_SEQUENCE, 2).op(RETURN_VALUE);
        assertEquals("not enough values to unpack (expected 2, got 1)", VmSupport.excStr(raises(c.build(), globals()).exc));
        Asm d = new Asm("f");
        d.loadConst(PyStr.intern("k")).loadConst(PyInt.of(9)).op(BUILD_MAP, 1).op(RETURN_VALUE);
        PyDict dict = (PyDict) run(d.build(), globals());
        assertEquals(9, intResult(dict.getItem(PyStr.intern("k"))));
        Asm e = new Asm("f");
        e.loadConst(PyStr.of("a")).loadConst(PyStr.of("b")).op(BUILD_STRING, 2).op(RETURN_VALUE);
        assertEquals("ab", ((PyStr) run(e.build(), globals())).value);
    }

    @Test
    @DisplayName("IS_OP, CONTAINS_OP and conditional jumps")
    void compareAndJumps() {
        Asm a = new Asm("f");
        a.loadConst(PyNone.NONE).jump(POP_JUMP_IF_NOT_NONE, "bad").loadConst(PyNone.NONE).loadConst(PyNone.NONE)
                .op(IS_OP, 0).jump(POP_JUMP_IF_FALSE, "bad").loadConst(PyBool.TRUE).op(UNARY_NOT)
                .jump(POP_JUMP_IF_TRUE, "bad").op(RETURN_CONST, a.k(PyInt.of(1)));
        a.label("bad").op(RETURN_CONST, a.k(PyInt.of(0)));
        assertEquals(1, intResult(run(a.build(), globals())));
    }

    @Test
    @DisplayName("keeps its int opcode table in step with Opcode")
    void opTableMatchesOpcode() {
        Op.verify();
    }

    @Test
    @DisplayName("fuses a comparison with the conditional jump after it")
    void compareAndBranch() {
        Asm a = new Asm("f", "x");
        a.loadConst(PyInt.of(3)).loadConst(PyInt.of(4)).op(COMPARE_OP, Compare.LT).jump(POP_JUMP_IF_FALSE, "no")
                .loadConst(PyFloat.of(1.5)).loadConst(PyFloat.of(0.5)).op(COMPARE_OP, Compare.GT)
                .jump(POP_JUMP_IF_TRUE, "yes").label("no").op(RETURN_CONST, a.k(PyInt.of(0)));
        a.label("yes").loadConst(PyInt.of(1)).loadConst(PyInt.of(1)).op(COMPARE_OP, Compare.NE).op(RETURN_VALUE);
        assertSame(PyBool.FALSE, run(a.build(), globals()));
    }

    @Test
    @DisplayName("has a case for every opcode (none falls through to 'unknown opcode')")
    void everyOpcodeHasACase() {
        for (Opcode op : Opcode.values()) {
            Asm a = new Asm("probe", "v0");
            a.cellvars = new String[] {"c0"};
            a.freevars = new String[] {};
            for (int i = 0; i < 6; i++) a.loadConst(PyNone.NONE);
            int arg = switch (op.argKind) {
                case JUMP -> a.here() + 2;
                case CONST -> a.k(PyTuple.EMPTY);
                case NAME, GLOBAL, ATTR -> a.name("x");
                default -> 1;
            };
            if (op == RESUME || op == COPY_FREE_VARS) arg = 0;
            if (op == SWAP || op == BUILD_SLICE) arg = 2;
            a.op(op, arg).op(RETURN_CONST, a.k(PyNone.NONE)).op(RETURN_CONST, a.k(PyNone.NONE));
            try {
                RefCount.xdecref(run(a.build(), globals()));
            } catch (PyException e) {
                String msg = VmSupport.excStr(e.exc);
                assertFalse(msg.contains("unknown opcode"), op + ": " + msg);
            }
        }
    }
}
