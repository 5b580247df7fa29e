package dev.gilt.interp.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * End to end: programs compiled by the Gilt compiler and run by the VM print what CPython prints
 * (expected outputs checked with python3). These exercise the stack discipline, exception tables,
 * cells and closures, generators and unwinding that the golden disassembly tests only show.
 */
class CompileRunTest {
    private static void check(String src, String expected) {
        assertEquals(expected, RunSupport.run(src), src);
    }

    @Test
    @DisplayName("arithmetic, names, chained comparison, boolean operators")
    void basics() {
        check("""
                a = 3
                b = a * 4 + 1
                out(a, b, a < b < 20, a < b < 5, 1 < 2 > 3)
                t, f = a > 0, a < 0
                out(t and b, f and b, f or b, t or b, not t)
                out(b if a > 2 else -b, b if a > 5 else -b)
                x = 10
                x += 5
                x //= 2
                out(x, -x, x % 4, 2 ** 10, 7 - 9)
                s = 'ab' 'cd'
                out(s, (1, 2.5, None, True), [a, b])
                """, """
                3 13 True False False
                13 False 13 True False
                13 -13
                7 -7 3 1024 -2
                abcd (1, 2.5, None, True) [3, 13]
                """);
    }

    @Test
    @DisplayName("loops with break, continue and else")
    void loops() {
        check("""
                t = 0
                for i in rng(10):
                    if i == 2:
                        continue
                    if i == 6:
                        break
                    t += i
                else:
                    out('no')
                out(t)
                n = 0
                while n < 5:
                    n += 1
                else:
                    out('else', n)
                for i in rng(2):
                    for j in rng(3):
                        if j == 1: break
                        out(i, j)
                for i in rng(0):
                    pass
                else:
                    out('empty else')
                a, *b, c = seq(1, 2, 3, 4)
                out(a, b, c)
                (p, q), r = seq(seq(5, 6), 7)
                out(p, q, r)
                """, """
                13
                else 5
                0 0
                1 0
                empty else
                1 [2, 3] 4
                5 6 7
                """);
    }

    @Test
    @DisplayName("functions: defaults, keywords, star arguments, closures, nonlocal, decorators")
    void functions() {
        check("""
                def f(a, b=2, *args, c, d=4, **kw):
                    return (a, b, args, c, d, size(kw))
                out(f(1, c=3))
                out(f(1, 5, 6, 7, c=3, d=9, e=1, g=2))
                t = (10, 20)
                out(f(*t, c=1))
                out(f(*seq(1, 2, 3), **{'c': 0, 'z': 1}))
                def counter():
                    n = 0
                    def inc():
                        nonlocal n
                        n += 1
                        return n
                    return inc
                c = counter()
                c(); c()
                out(c())
                g = lambda x, y=1: x * y
                out(g(3), g(3, y=4))
                def twice(fn):
                    def w(*a):
                        return fn(*a) * 2
                    return w
                @twice
                @twice
                def h(x):
                    return x + 1
                out(h(1))
                def pos(a, /, b, *, c):
                    return a + b + c
                out(pos(1, b=2, c=3))
                """, """
                (1, 2, (), 3, 4, 0)
                (1, 5, (6, 7), 3, 9, 2)
                (10, 20, (), 1, 4, 0)
                (1, 2, (3,), 0, 4, 1)
                3
                3 12
                8
                6
                """);
    }

    @Test
    @DisplayName("try/except/else/finally and unwinding through finally")
    void exceptions() {
        check("""
                def f(x):
                    try:
                        if x == 0:
                            raise exc(ValueError, 'zero')
                        r = 10 // x
                    except ValueError as e:
                        out('VE', arg0(e))
                        return -1
                    except ZeroDivisionError:
                        out('ZDE')
                    else:
                        out('else', r)
                        return r
                    finally:
                        out('finally', x)
                    return 0
                out(f(0))
                out(f(5))
                def g():
                    for i in rng(3):
                        try:
                            if i == 1:
                                continue
                            if i == 2:
                                break
                        finally:
                            out('fin', i)
                    return 'done'
                out(g())
                try:
                    try:
                        raise exc(KeyError, 'k')
                    finally:
                        out('inner finally')
                except KeyError as e:
                    out('caught', arg0(e))
                try:
                    e = 1
                    raise ValueError
                except ValueError as e:
                    pass
                try:
                    e
                except NameError:
                    out('e unbound')
                def h():
                    try:
                        return 'try'
                    finally:
                        out('h finally')
                out(h())
                def k():
                    try:
                        raise exc(ValueError, 1)
                    except ValueError:
                        raise exc(KeyError, 2)
                try:
                    k()
                except KeyError as e:
                    out('chained', arg0(e))
                def r():
                    try:
                        raise exc(ValueError, 'v')
                    except ValueError:
                        raise
                try:
                    r()
                except ValueError as e:
                    out('reraised', arg0(e))
                """, """
                VE zero
                finally 0
                -1
                else 2
                finally 5
                2
                fin 0
                fin 1
                fin 2
                done
                inner finally
                caught k
                e unbound
                h finally
                try
                chained 2
                reraised v
                """);
    }

    @Test
    @DisplayName("generators, yield from, send, comprehensions")
    void generators() {
        check("""
                def gen(n):
                    for i in rng(n):
                        x = yield i
                        if x == 'hi':
                            out('got', x)
                    return 'end'
                def outer():
                    r = yield from gen(3)
                    out('r', r)
                    yield 99
                out([v for v in outer()])
                g = gen(2)
                out(nxt(g))
                out(g.send('hi'))
                out([x * y for x in rng(3) for y in rng(3) if x != y])
                out([k for k in (x + 1 for x in rng(3))])
                def cells():
                    fs = [lambda: i for i in rng(3)]
                    return [f() for f in each(fs)]
                out(cells())
                out([(w := v) for v in rng(3)], w)
                """, """
                r end
                [0, 1, 2, 99]
                0
                got hi
                1
                [0, 0, 0, 2, 0, 2]
                [1, 2, 3]
                [2, 2, 2]
                [0, 1, 2] 2
                """);
    }
}
