package dev.gilt.runtime.memory;

import dev.gilt.runtime.thread.ThreadState;

/**
 * Not a test: single-thread cost of the refcount policy in use (run in a JVM per policy):
 * {@code java -Dgilt.refcount=biased -cp ... dev.gilt.runtime.memory.RefCountBench}.
 * Measures incref/decref pairs on a live object and allocate-then-free cycles.
 */
public final class RefCountBench {
    private RefCountBench() {}

    public static void main(String[] args) {
        ThreadState.current();
        Probe p = new Probe();
        long best = Long.MAX_VALUE, bestAlloc = Long.MAX_VALUE;
        int n = 20_000_000;
        for (int rep = 0; rep < 7; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                RefCount.incref(p);
                RefCount.incref(p);
                RefCount.decref(p);
                RefCount.decref(p);
            }
            best = Math.min(best, System.nanoTime() - t0);
            t0 = System.nanoTime();
            for (int i = 0; i < n / 20; i++) RefCount.decref(new Probe());
            bestAlloc = Math.min(bestAlloc, System.nanoTime() - t0);
        }
        System.out.printf("%s: %.2f ns per incref+decref, %.1f ns per allocate+free%n",
                RefCount.policyName(), best / (2.0 * n), bestAlloc / (n / 20.0));
    }
}
