package dev.gilt.stdlib.util;

/**
 * How the stdlib runs a blocking operation (time.sleep, waits, blocking I/O): the global lock is
 * released around the operation and taken back afterwards (DESIGN.md "Blocking work releases the
 * lock"). {@link #strategy} is replaceable for tests and embedders.
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

    public static volatile Strategy strategy = op -> {
        try (var gap = dev.gilt.runtime.gil.Gil.get().releaseWhileBlocking(dev.gilt.runtime.thread.ThreadState.current())) {
            op.run();
        }
    };

    /** Runs {@code op} under the current strategy. */
    public static void run(Op op) throws InterruptedException {
        strategy.block(op);
    }
}
