package dev.gilt.interp.launch;

import dev.gilt.runtime.thread.EvalBreaker;

/**
 * Ctrl-C: the JVM's SIGINT handler only raises {@link EvalBreaker#SIGNAL_PENDING}; the main
 * thread's eval loop then raises KeyboardInterrupt at its next check (RESUME or a backward jump),
 * as CPython's signal handler only "trips" a flag. Installed once, best effort: a JVM without
 * sun.misc.Signal keeps its default behaviour (the process ends).
 */
final class Signals {
    private Signals() {}

    private static boolean installed;

    static synchronized void install() {
        if (installed) return;
        installed = true;
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> {
                EvalBreaker.set(EvalBreaker.SIGNAL_PENDING);
                // Wakes the main thread out of sleep/lock/join waits (issue 3).
                dev.gilt.runtime.thread.Interrupts.signalArrived();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // No SIGINT handling on this platform: Ctrl-C ends the JVM.
        }
    }
}
