package dev.gilt.runtime.object.collections;

import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.ops.Ops;

/**
 * The stable sort behind {@code list.sort} and {@code sorted}: a natural merge sort in the shape
 * of CPython's timsort (runs found by count_run, short runs extended by binary insertion to
 * minrun, runs merged under the classic stack invariants), without galloping.
 *
 * <p>Only {@code <} is asked, through {@link LessThan}, which may throw a PyException at any
 * point (a key of the wrong type, a user {@code __lt__} that raises). The arrays are a permutation
 * of their input at every moment, so an exception leaves every reference exactly once in the
 * arrays (no leak, no duplicate): the caller still owns them all.
 *
 * <p>For lists of n &lt; 64 the comparisons asked are exactly the ones CPython asks (count_run
 * then binary insertion), so a {@code __lt__} that prints produces the same output.
 */
public final class Sorting {
    private Sorting() {}

    /** The one comparison the sort asks: {@code a < b}. May throw PyException. */
    @FunctionalInterface
    public interface LessThan {
        boolean lt(PyObject a, PyObject b);
    }

    /** Python's {@code <} (PyObject_RichCompareBool with Py_LT). */
    public static final LessThan PYTHON_LT = (a, b) -> {
        PyObject r = Ops.richCompare(a, b, Ops.LT);
        try {
            return Ops.isTrue(r);
        } finally {
            RefCount.decref(r);
        }
    };

    private static final LessThan INT_LT = (a, b) -> ((PyInt) a).value < ((PyInt) b).value;
    private static final LessThan FLOAT_LT = (a, b) -> ((PyFloat) a).value < ((PyFloat) b).value;
    private static final LessThan STR_LT = (a, b) -> compareCodePoints(((PyStr) a).value, ((PyStr) b).value) < 0;

    /**
     * The comparison to use for {@code keys[0..n)}: a Java one when every key is an exact small
     * int, an exact float or an exact str (same answers as Python's {@code <}, no calls), else
     * {@link #PYTHON_LT}.
     */
    public static LessThan chooseLessThan(PyObject[] keys, int n) {
        if (n < 2) return PYTHON_LT;
        Class<?> c = keys[0].getClass();
        if (c == PyInt.class) {
            for (int i = 0; i < n; i++) {
                if (keys[i].getClass() != PyInt.class || ((PyInt) keys[i]).big != null) return PYTHON_LT;
            }
            return keys[0].type() == PyInt.TYPE ? INT_LT : PYTHON_LT;
        }
        if (c == PyFloat.class) {
            for (int i = 0; i < n; i++) if (keys[i].getClass() != PyFloat.class) return PYTHON_LT;
            return keys[0].type() == PyFloat.TYPE ? FLOAT_LT : PYTHON_LT;
        }
        if (c == PyStr.class) {
            for (int i = 0; i < n; i++) if (keys[i].getClass() != PyStr.class) return PYTHON_LT;
            return keys[0].type() == PyStr.TYPE ? STR_LT : PYTHON_LT;
        }
        return PYTHON_LT;
    }

    /** Compares two Java strings by Unicode code point (Python's str order), not UTF-16 unit. */
    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        if (i == n) return Integer.compare(a.length(), b.length());
        char ca = a.charAt(i), cb = b.charAt(i);
        if (!Character.isSurrogate(ca) && !Character.isSurrogate(cb)) return Character.compare(ca, cb);
        // Inside or at a surrogate pair: step back to the pair's start and compare code points.
        if (i > 0 && Character.isHighSurrogate(a.charAt(i - 1))
                && (Character.isLowSurrogate(ca) || Character.isLowSurrogate(cb))) {
            i--;
        }
        return Integer.compare(a.codePointAt(i), b.codePointAt(i));
    }

    /**
     * Sorts {@code keys[0..n)} stably by {@code lt}, applying the same permutation to
     * {@code values[0..n)} when values is not null.
     */
    public static void sort(PyObject[] keys, PyObject[] values, int n, LessThan lt) {
        if (n < 2) return;
        if (n >= RADIX_MIN && (lt == INT_LT || lt == FLOAT_LT) && radixSort(keys, values, n, lt == FLOAT_LT)) return;
        new State(keys, values, n, lt).run();
    }

    /** Below this many items the comparison sort is as fast. */
    private static final int RADIX_MIN = 256;

    /**
     * Stable LSD radix sort for keys that are all exact ints or all exact floats: no Python code
     * can run during such a sort, so only the resulting order is observable, and a stable sort by
     * the numeric value gives exactly the order Python's sort gives. Floats map to longs whose
     * signed order is the float order, with -0.0 folded into 0.0 (they are equal in Python).
     * Returns false (nothing changed) when a float key is a NaN: NaN is unordered, and CPython's
     * result then depends on its merge pattern, which the comparison sort reproduces.
     */
    private static boolean radixSort(PyObject[] keys, PyObject[] values, int n, boolean floats) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            if (floats) {
                double d = ((PyFloat) keys[i]).value;
                if (Double.isNaN(d)) return false;
                long bits = d == 0.0 ? 0L : Double.doubleToRawLongBits(d);
                v[i] = bits < 0 ? ~bits ^ Long.MIN_VALUE : bits;
            } else {
                v[i] = ((PyInt) keys[i]).value;
            }
        }
        int[] idx = new int[n], tmp = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            // Skip passes where every key has the same digit (common for small ints).
            long first = digit(v[0], shift);
            boolean same = true;
            for (int i = 1; i < n && same; i++) same = digit(v[i], shift) == first;
            if (same) continue;
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) count[(int) digit(v[idx[i]], shift)]++;
            int sum = 0;
            for (int b = 0; b < count.length; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) tmp[count[(int) digit(v[idx[i]], shift)]++] = idx[i];
            int[] t = idx;
            idx = tmp;
            tmp = t;
        }
        PyObject[] k2 = new PyObject[n];
        for (int i = 0; i < n; i++) k2[i] = keys[idx[i]];
        System.arraycopy(k2, 0, keys, 0, n);
        if (values != null) {
            for (int i = 0; i < n; i++) k2[i] = values[idx[i]];
            System.arraycopy(k2, 0, values, 0, n);
        }
        return true;
    }

    /** The 16-bit digit of a signed key at {@code shift}, the top one with the sign flipped. */
    private static long digit(long key, int shift) {
        if (shift == 48) key ^= Long.MIN_VALUE;
        return (key >>> shift) & 0xFFFF;
    }

    private static final class State {
        final PyObject[] k, v;
        final int n;
        final LessThan lt;
        final int[] runBase = new int[85], runLen = new int[85];
        int stack;
        PyObject[] tmpK, tmpV;

        State(PyObject[] k, PyObject[] v, int n, LessThan lt) {
            this.k = k;
            this.v = v;
            this.n = n;
            this.lt = lt;
        }

        void run() {
            int minrun = minrun(n);
            int lo = 0, remaining = n;
            while (remaining > 0) {
                int len = countRun(lo, lo + remaining);
                if (len < minrun) {
                    int force = Math.min(remaining, minrun);
                    binarySort(lo, lo + force, lo + len);
                    len = force;
                }
                runBase[stack] = lo;
                runLen[stack] = len;
                stack++;
                mergeCollapse();
                lo += len;
                remaining -= len;
            }
            while (stack > 1) {
                int i = stack - 2;
                if (i > 0 && runLen[i - 1] < runLen[i + 1]) i--;
                mergeAt(i);
            }
        }

        static int minrun(int n) {
            int r = 0;
            while (n >= 64) {
                r |= n & 1;
                n >>= 1;
            }
            return n + r;
        }

        /** Length of the run at lo; a strictly descending run is reversed in place. */
        int countRun(int lo, int hi) {
            if (lo + 1 == hi) return 1;
            int i = lo + 1;
            if (lt.lt(k[i], k[i - 1])) {
                for (i++; i < hi; i++) if (!lt.lt(k[i], k[i - 1])) break;
                reverse(lo, i);
            } else {
                for (i++; i < hi; i++) if (lt.lt(k[i], k[i - 1])) break;
            }
            return i - lo;
        }

        void reverse(int lo, int hi) {
            for (int a = lo, b = hi - 1; a < b; a++, b--) {
                PyObject t = k[a];
                k[a] = k[b];
                k[b] = t;
                if (v != null) {
                    t = v[a];
                    v[a] = v[b];
                    v[b] = t;
                }
            }
        }

        /** [lo, start) is sorted; inserts each of [start, hi) by binary search. */
        void binarySort(int lo, int hi, int start) {
            for (; start < hi; start++) {
                PyObject pivot = k[start];
                PyObject pv = v == null ? null : v[start];
                int l = lo, r = start;
                while (l < r) {
                    int p = l + ((r - l) >> 1);
                    if (lt.lt(pivot, k[p])) r = p;
                    else l = p + 1;
                }
                // No exception can happen from here on for this element.
                System.arraycopy(k, l, k, l + 1, start - l);
                k[l] = pivot;
                if (v != null) {
                    System.arraycopy(v, l, v, l + 1, start - l);
                    v[l] = pv;
                }
            }
        }

        void mergeCollapse() {
            while (stack > 1) {
                int i = stack - 2;
                if ((i > 0 && runLen[i - 1] <= runLen[i] + runLen[i + 1])
                        || (i > 1 && runLen[i - 2] <= runLen[i - 1] + runLen[i])) {
                    if (runLen[i - 1] < runLen[i + 1]) i--;
                } else if (runLen[i] > runLen[i + 1]) {
                    break;
                }
                mergeAt(i);
            }
        }

        void mergeAt(int i) {
            int baseA = runBase[i], lenA = runLen[i], lenB = runLen[i + 1];
            runLen[i] = lenA + lenB;
            if (i == stack - 3) {
                runBase[i + 1] = runBase[i + 2];
                runLen[i + 1] = runLen[i + 2];
            }
            stack--;
            if (lenA <= lenB) mergeLo(baseA, lenA, lenB);
            else mergeHi(baseA, lenA, lenB);
        }

        void ensureTmp(int n) {
            if (tmpK == null || tmpK.length < n) {
                tmpK = new PyObject[Math.max(n, 16)];
                if (v != null) tmpV = new PyObject[tmpK.length];
            }
        }

        /** Merges [base, base+lenA) and the run after it; A is the shorter and goes to tmp. */
        void mergeLo(int base, int lenA, int lenB) {
            ensureTmp(lenA);
            System.arraycopy(k, base, tmpK, 0, lenA);
            if (v != null) System.arraycopy(v, base, tmpV, 0, lenA);
            int a = 0, b = base + lenA, end = base + lenA + lenB, dest = base;
            try {
                while (a < lenA && b < end) {
                    if (lt.lt(k[b], tmpK[a])) {
                        k[dest] = k[b];
                        if (v != null) v[dest] = v[b];
                        b++;
                    } else {
                        k[dest] = tmpK[a];
                        if (v != null) v[dest] = tmpV[a];
                        a++;
                    }
                    dest++;
                }
            } finally {
                // Whatever is left of A fills exactly the gap before b (also on exception).
                int left = lenA - a;
                System.arraycopy(tmpK, a, k, dest, left);
                if (v != null) System.arraycopy(tmpV, a, v, dest, left);
                java.util.Arrays.fill(tmpK, 0, lenA, null);
                if (v != null) java.util.Arrays.fill(tmpV, 0, lenA, null);
            }
        }

        /** Merges from the right; B is the shorter and goes to tmp. */
        void mergeHi(int base, int lenA, int lenB) {
            ensureTmp(lenB);
            int baseB = base + lenA;
            System.arraycopy(k, baseB, tmpK, 0, lenB);
            if (v != null) System.arraycopy(v, baseB, tmpV, 0, lenB);
            int a = baseB - 1, b = lenB - 1, dest = baseB + lenB - 1;
            try {
                while (b >= 0 && a >= base) {
                    if (lt.lt(tmpK[b], k[a])) {
                        k[dest] = k[a];
                        if (v != null) v[dest] = v[a];
                        a--;
                    } else {
                        k[dest] = tmpK[b];
                        if (v != null) v[dest] = tmpV[b];
                        b--;
                    }
                    dest--;
                }
            } finally {
                // Remaining B items tmp[0..b] fill exactly the gap (a, dest].
                System.arraycopy(tmpK, 0, k, dest - b, b + 1);
                if (v != null) System.arraycopy(tmpV, 0, v, dest - b, b + 1);
                java.util.Arrays.fill(tmpK, 0, lenB, null);
                if (v != null) java.util.Arrays.fill(tmpV, 0, lenB, null);
            }
        }
    }
}
