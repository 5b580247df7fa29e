package dev.gilt.stdlib.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyTuple;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Values from CPython's _random (python3 -c "import _random; ..."). */
class RandomTest {
    @Test
    @DisplayName("seeded sequences equal CPython's")
    void seeded() {
        PyRandom r = new PyRandom();
        r.seed(BigInteger.valueOf(42));
        assertEquals(0.6394267984578837, r.random());
        assertEquals(0.025010755222666936, r.random());
        assertEquals(0.27502931836911926, r.random());
        assertEquals(BigInteger.valueOf(7), r.getrandbits(5));
        assertEquals(BigInteger.valueOf(599310825), r.getrandbits(32));
        assertEquals(new BigInteger("795100697393359315113"), r.getrandbits(70));
        r.seed(BigInteger.TWO.pow(100).add(BigInteger.valueOf(12345)));
        assertEquals(0.44487310994347073, r.random());
        r.seed(BigInteger.valueOf(-3));
        assertEquals(0.23796462709189137, r.random());
    }

    @Test
    @DisplayName("getstate has CPython's 625 words and setstate restores it")
    void state() {
        PyRandom r = new PyRandom();
        r.seed(BigInteger.ZERO);
        assertEquals(0.8444218515250481, r.random());
        PyTuple st = (PyTuple) r.getstate();
        assertEquals(625, st.size());
        assertEquals(1372342863L, ((PyInt) st.get(0)).value);
        assertEquals(3221959423L, ((PyInt) st.get(1)).value);
        assertEquals(2L, ((PyInt) st.get(624)).value);
        double next = r.random();
        PyRandom q = new PyRandom();
        q.setstate(st);
        assertEquals(next, q.random());
    }
}
