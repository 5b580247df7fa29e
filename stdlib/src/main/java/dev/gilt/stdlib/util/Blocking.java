package dev.gilt.stdlib.util;

/**
 * How the stdlib runs a blocking operation (time.sleep, waits, blocking I/O). The GIL
 * implementation replaces {@link #strategy} at start-up with one that releases the global lock
 * around the operation and takes it back afterwards (DESIGN.md "Blocking work releases the
 * lock"); until then the operation simply runs.
 */
public final class Blocking {
    private Blocking() {}

    /** A blocking operation that may be interrupted. */
    @FunctionalInterface
    public interface Op {
        void run() throws InterruptedException;
    }

    @FunctionalInterface
    public interface Strategy {
        void block(Op op) throws InterruptedException;
    }

    public static volatile Strategy strategy = Op::run;

    /** Runs {@code op} under the current strategy. */
    public static void run(Op op) throws InterruptedException {
        strategy.block(op);
    }
}
