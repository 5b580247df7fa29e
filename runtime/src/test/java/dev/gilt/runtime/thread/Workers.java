package dev.gilt.runtime.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** Starts test threads and joins them with a deadline, rethrowing the first failure. */
public final class Workers {
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /** A task that may throw. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    public Thread start(String name, Task task) {
        Thread t = new Thread(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return t;
    }

    /** Joins every thread within {@code seconds} in total; fails on a timeout or a failure. */
    public void joinAll(long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Thread t : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) t.join(left);
            if (t.isAlive()) {
                for (Thread u : threads) u.interrupt();
                throw new AssertionError("thread " + t.getName() + " did not finish in " + seconds + " s; state "
                        + t.getState() + "\n" + stack(t));
            }
        }
        Throwable f = failures.peek();
        if (f instanceof Exception e) throw e;
        if (f instanceof Error e) throw e;
    }

    private static String stack(Thread t) {
        StringBuilder b = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) b.append("  at ").append(e).append('\n');
        return b.toString();
    }

    public boolean anyAlive() {
        for (Thread t : threads) if (t.isAlive()) return true;
        return false;
    }

    public List<Throwable> failures() {
        return new ArrayList<>(failures);
    }
}
