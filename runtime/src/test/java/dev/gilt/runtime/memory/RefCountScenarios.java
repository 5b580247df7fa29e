package dev.gilt.runtime.memory;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.gilt.runtime.Config;
import dev.gilt.runtime.gil.Gil;
import dev.gilt.runtime.gil.GlobalLock;
import dev.gilt.runtime.gil.NoGil;
import dev.gilt.runtime.thread.EvalBreaker;
import dev.gilt.runtime.thread.ThreadState;
import dev.gilt.runtime.thread.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Child-JVM main for refcount policy tests (the policy is a static final chosen at class init).
 * Usage: {@code RefCountScenarios SCENARIO}; prints "OK ..." lines and exits 0, or prints
 * "FAIL ..." and exits 1. See RefCountPolicyTest for what each scenario claims.
 */
public final class RefCountScenarios {
    private RefCountScenarios() {}

    /** Each thread runs its share of a program this many times over: longer overlap, more races. */
    static final int ROUNDS = Integer.getInteger("rounds", 20);

    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "info" -> info();
                case "props" -> props(args.length > 1 ? Integer.parseInt(args[1]) : 30);
                case "dealloc-once" -> deallocOnce();
                case "biased-unit" -> biasedUnit();
                case "plain-race" -> plainRace();
                case "gc-stw" -> gcStopTheWorld();
                default -> throw new IllegalArgumentException(args[0]);
            }
        } catch (Throwable e) {
            System.out.println("FAIL " + e);
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
        System.out.flush();
        System.exit(0);
    }

    static void info() {
        System.out.println("policy=" + RefCount.policyName() + " gil=" + Config.GIL_NAME + " lab=" + RefCount.LAB
                + " warning=" + RefCount.labModeWarning());
        System.out.println("tag-agrees=" + (RefCount.ownerTag() == (RefCount.POLICY == RefCount.BIASED ? ThreadState.current().id : 0)));
        Probe p = new Probe();
        System.out.println("owner-is-creator=" + (p.refOwner == RefCount.ownerTag()));
    }

    // ---- property: random incref/decref/transfer programs end with exact counts -------------

    /** Runs one random program; returns null if every count was exact, else a description. */
    static String runProgram(int threads, int nobj, List<Integer> ops, GlobalLock gil) throws Exception {
        // Half the objects are created (owned) by worker 0, half by main: both owner paths run.
        Probe[] objs = new Probe[nobj];
        CountDownLatch created = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        @SuppressWarnings("unchecked")
        ConcurrentLinkedQueue<Probe>[] pool = new ConcurrentLinkedQueue[nobj];
        for (int i = 0; i < nobj; i++) pool[i] = new ConcurrentLinkedQueue<>();
        long[][] net = new long[threads][nobj]; // increfs minus decrefs per thread
        Workers w = new Workers();
        for (int t = 0; t < threads; t++) {
            int me = t;
            w.start("rc-" + t, () -> {
                ThreadState ts = ThreadState.current();
                if (me == 0) {
                    for (int i = 0; i < nobj; i += 2) objs[i] = new Probe();
                    created.countDown();
                }
                go.await();
                boolean took = gil.acquire(ts);
                ts.attach();
                long[] held = new long[nobj];
                if (me == 0) for (int i = 0; i < nobj; i += 2) held[i] = 1; // the creation reference
                int k = 0;
                for (int round = 0; round < ROUNDS; round++) for (int v : ops) {
                    if (Math.floorMod(v, threads) != me) continue;
                    int obj = (v >>> 2) % nobj;
                    int kind = (v >>> 6) % 4;
                    int burst = (v >>> 8) % 40 + 1;
                    Probe o = objs[obj];
                    switch (kind) {
                        case 0 -> {
                            for (int i = 0; i < burst; i++) RefCount.incref(o);
                            held[obj] += burst;
                            net[me][obj] += burst;
                        }
                        case 1 -> {
                            long n = Math.min(burst, held[obj]);
                            for (int i = 0; i < n; i++) RefCount.decref(o);
                            held[obj] -= n;
                            net[me][obj] -= n;
                        }
                        case 2 -> { // give references away (like putting the object in a queue)
                            long n = Math.min(burst, held[obj]);
                            for (int i = 0; i < n; i++) pool[obj].add(o);
                            held[obj] -= n;
                        }
                        default -> { // take references someone gave away
                            for (int i = 0; i < burst && pool[obj].poll() != null; i++) held[obj]++;
                        }
                    }
                    if ((++k & 7) == 0 && EvalBreaker.pending() != 0) EvalBreaker.handle(ts, gil);
                }
                // What this thread still holds goes to the pool for main to release.
                for (int i = 0; i < nobj; i++) for (long n = held[i]; n > 0; n--) pool[i].add(objs[i]);
                ts.detach();
                gil.release(ts, took);
                ts.exit();
            });
        }
        created.await();
        for (int i = 1; i < nobj; i += 2) objs[i] = new Probe();
        // Main anchors every object for the run, so no program can free one early.
        for (Probe o : objs) RefCount.incref(o);
        go.countDown();
        w.joinAll(60);
        StringBuilder err = new StringBuilder();
        ThreadState main = ThreadState.current();
        for (int i = 0; i < nobj; i++) {
            long expected = 2; // the creation reference and main's anchor
            for (int t = 0; t < threads; t++) expected += net[t][i];
            pool[i].add(objs[i]); // the anchor
            if (i % 2 == 1) pool[i].add(objs[i]); // main created it: the creation reference is main's
            RefCount.mergeQueued(main);
            long got = RefCount.count(objs[i]);
            if (got != expected) err.append("object ").append(i).append(": count ").append(got).append(" expected ").append(expected).append("; ");
            if (pool[i].size() != expected) err.append("object ").append(i).append(": pool ").append(pool[i].size()).append("; ");
            // Release everything: the object must die exactly once, at the last decref.
            Probe o = objs[i];
            while (pool[i].poll() != null) {
                if (o.releases.get() != 0) err.append("object ").append(i).append(" died early; ");
                RefCount.decref(o);
                RefCount.mergeQueued(main);
            }
            if (o.releases.get() != 1 || !RefCount.isFreed(o)) {
                err.append("object ").append(i).append(": releases ").append(o.releases.get()).append(" freed ").append(RefCount.isFreed(o)).append("; ");
            }
        }
        return err.isEmpty() ? null : err.toString();
    }

    static void props(int examples) {
        boolean locked = Config.GIL_ENABLED;
        GlobalLock gil = locked ? Gil.create(Config.GIL_NAME, Map.of("switchinterval", "0.0005")) : new NoGil();
        AtomicReference<String> lastFailure = new AtomicReference<>();
        qt().withExamples(examples).withShrinkCycles(20)
                .forAll(integers().between(1, 4), integers().between(1, 4),
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 300))
                .checkAssert((threads, nobj, ops) -> {
                    String r;
                    try {
                        r = runProgram(threads, nobj, ops, gil);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                    if (r != null) lastFailure.set(r);
                    check(r == null, "threads=" + threads + " objects=" + nobj + ": " + r);
                });
        System.out.println("OK props policy=" + RefCount.policyName() + " lock=" + gil.name() + " examples=" + examples);
    }

    // ---- exactly-once deallocation under contention ----------------------------------------

    static void deallocOnce() throws Exception {
        // With a GIL (the plain policy needs one) every thread takes it; without, nobody does.
        GlobalLock gil = Config.GIL_ENABLED ? Gil.create(Config.GIL_NAME, Map.of("switchinterval", "0.0005")) : new NoGil();
        int rounds = 30, nobj = 64, threads = 4;
        ThreadState main = ThreadState.current();
        for (int r = 0; r < rounds; r++) {
            Probe[] objs = new Probe[nobj];
            Probe[] children = new Probe[nobj];
            for (int i = 0; i < nobj; i++) {
                objs[i] = new Probe();
                children[i] = new Probe();
                objs[i].hold(children[i]);
                RefCount.decref(children[i]);
            }
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            Workers w = new Workers();
            for (int t = 0; t < threads; t++) {
                w.start("once-" + t, () -> {
                    ThreadState ts = ThreadState.current();
                    boolean took = gil.acquire(ts);
                    for (Probe o : objs) for (int k = 0; k < 3; k++) RefCount.incref(o);
                    gil.release(ts, took);
                    ready.countDown();
                    go.await();
                    took = gil.acquire(ts);
                    for (int k = 0; k < 3; k++) {
                        for (Probe o : objs) {
                            RefCount.decref(o);
                            if (EvalBreaker.pending() != 0) EvalBreaker.handle(ts, gil);
                        }
                    }
                    gil.release(ts, took);
                    ts.exit();
                });
            }
            ready.await();
            go.countDown();
            boolean took = gil.acquire(main);
            for (Probe o : objs) {
                RefCount.decref(o); // main's creation reference, concurrently with the workers
                if (EvalBreaker.pending() != 0) EvalBreaker.handle(main, gil);
            }
            gil.release(main, took);
            w.joinAll(60);
            RefCount.mergeQueued(main);
            for (int i = 0; i < nobj; i++) {
                check(objs[i].releases.get() == 1, "round " + r + " object " + i + " released " + objs[i].releases.get() + " times");
                check(RefCount.isFreed(objs[i]), "round " + r + " object " + i + " not freed (count " + RefCount.count(objs[i]) + ")");
                check(children[i].releases.get() == 1 && RefCount.isFreed(children[i]), "child " + i + " not freed once");
            }
        }
        System.out.println("OK dealloc-once policy=" + RefCount.policyName() + " lock=" + gil.name() + " rounds=" + rounds);
    }

    // ---- the biased machinery, step by step ---------------------------------------------------

    static int shared(Probe p) {
        return p.refShared;
    }

    static void biasedUnit() throws Exception {
        check(RefCount.POLICY == RefCount.BIASED, "run with -Dgilt.refcount=biased");
        ThreadState main = ThreadState.current();
        check(RefCount.ownerTag() == main.id, "owner tag is the thread state's id");

        // Owner counts locally.
        Probe a = new Probe();
        check(a.refOwner == main.id, "creator owns");
        RefCount.incref(a);
        check(a.refcnt == 2 && shared(a) == 0 && RefCount.count(a) == 2, "owner incref is local");

        // A non-owner counts in the shared word; a transfer (owner's ref dropped elsewhere) queues.
        Workers w = new Workers();
        w.start("other", () -> {
            ThreadState ts = ThreadState.current();
            RefCount.incref(a);
            check(a.refcnt == 2 && shared(a) >> 2 == 1, "non-owner incref is shared");
            RefCount.decref(a);
            RefCount.decref(a); // drops a reference main took: shared goes to -1, queued for main
            check((shared(a) & 3) == RefCount.SH_QUEUED && shared(a) >> 2 == -1, "queued: " + shared(a));
            check(RefCount.count(a) == 1, "count is local + shared");
            ts.exit();
        });
        w.joinAll(10);
        check(main.refMergeQueue.contains(a), "queued for its owner");
        check(EvalBreaker.isSet(EvalBreaker.MERGE_REFS), "the breaker asks the owner to merge");
        EvalBreaker.handle(main, new NoGil()); // the owner's next check
        check(!EvalBreaker.isSet(EvalBreaker.MERGE_REFS), "bit cleared once queues are empty");
        check((shared(a) & 3) == RefCount.SH_MERGED && shared(a) >> 2 == 1 && a.refOwner == 0 && a.refcnt == 0,
                "merged: " + shared(a) + " owner " + a.refOwner);
        // Now unowned: any thread's decref to zero deallocates, exactly once.
        RefCount.incref(a);
        check(shared(a) >> 2 == 2, "the former owner counts in the shared word too");
        RefCount.decref(a);
        Workers w2 = new Workers();
        w2.start("killer", () -> {
            RefCount.decref(a);
            ThreadState.current().exit();
        });
        w2.joinAll(10);
        check(a.releases.get() == 1 && RefCount.isFreed(a), "freed by the non-owner");

        // Owner's local count reaches zero while others hold references: merged, not freed.
        Probe b = new Probe();
        CountDownLatch took = new CountDownLatch(1);
        CountDownLatch dropped = new CountDownLatch(1);
        Workers w3 = new Workers();
        w3.start("holder", () -> {
            RefCount.incref(b);
            took.countDown();
            dropped.await();
            check(b.releases.get() == 0, "alive while held");
            RefCount.decref(b);
            check(b.releases.get() == 1, "the last holder frees it");
            ThreadState.current().exit();
        });
        took.await();
        RefCount.decref(b); // owner's last local reference
        check(b.releases.get() == 0 && (shared(b) & 3) == RefCount.SH_MERGED && RefCount.count(b) == 1, "merged at local zero");
        dropped.countDown();
        w3.joinAll(10);

        // An owner that exited: its leftover local count is merged by whoever drops the last refs.
        AtomicReference<Probe> orphan = new AtomicReference<>();
        Workers w4 = new Workers();
        w4.start("creator", () -> {
            Probe c = new Probe();
            RefCount.incref(c); // local 2: both references handed to main
            orphan.set(c);
            ThreadState.current().exit();
        });
        w4.joinAll(10);
        Probe c = orphan.get();
        check(RefCount.count(c) == 2, "count 2");
        RefCount.decref(c);
        check((shared(c) & 3) == RefCount.SH_MERGED && RefCount.count(c) == 1 && c.releases.get() == 0,
                "merged on the spot for a dead owner: " + shared(c));
        RefCount.decref(c);
        check(c.releases.get() == 1 && RefCount.isFreed(c), "and freed at zero");

        // Same, when the owner's Java thread simply ended without exit().
        Workers w5 = new Workers();
        w5.start("vanisher", () -> {
            Probe d = new Probe();
            orphan.set(d);
        });
        w5.joinAll(10);
        Probe d = orphan.get();
        RefCount.decref(d);
        check(d.releases.get() == 1 && RefCount.isFreed(d), "freed although its owner vanished");
        System.out.println("OK biased-unit");
    }

    // ---- cycle collection while other threads run (GIL off: stop the world) -----------------

    static void gcStopTheWorld() throws Exception {
        GlobalLock gil = Config.GIL_ENABLED ? Gil.create(Config.GIL_NAME, Map.of()) : new NoGil();
        int threads = 3, iterations = 3000;
        ConcurrentLinkedQueue<Probe> cycles = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Probe> live = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean sawEarlyFree = new java.util.concurrent.atomic.AtomicBoolean();
        Workers w = new Workers();
        for (int t = 0; t < threads; t++) {
            w.start("mutator-" + t, () -> {
                ThreadState ts = ThreadState.current();
                boolean took = gil.acquire(ts);
                ts.attach();
                Probe[] mine = new Probe[8];
                for (int i = 0; i < mine.length; i++) mine[i] = new Probe();
                for (int i = 0; i < iterations; i++) {
                    Probe a = new Probe(), b = new Probe();
                    a.hold(b);
                    b.hold(a);
                    RefCount.decref(a);
                    RefCount.decref(b); // now an unreachable cycle: only the collector can free it
                    cycles.add(a);
                    cycles.add(b);
                    Probe m = mine[i % mine.length];
                    RefCount.incref(m); // keep touching live objects
                    RefCount.decref(m);
                    for (Probe x : mine) if (RefCount.isFreed(x)) sawEarlyFree.set(true);
                    if (EvalBreaker.pending() != 0) {
                        PyObjectHolder.ignore(EvalBreaker.handle(ts, gil));
                    }
                }
                live.addAll(java.util.List.of(mine));
                ts.detach();
                gil.release(ts, took);
                ts.exit();
            });
        }
        ThreadState main = ThreadState.current();
        boolean took = gil.acquire(main);
        main.attach();
        int collections = 0;
        long collected = 0;
        while (w.failures().isEmpty() && anyAlive(w)) {
            collected += EvalBreaker.collectGarbage(main);
            collections++;
            try (var gap = gil.releaseWhileBlocking(main)) {
                Thread.sleep(2);
            }
        }
        w.joinAll(60);
        collected += EvalBreaker.collectGarbage(main);
        RefCount.mergeQueued(main);
        check(!sawEarlyFree.get(), "a live object was freed by a collection");
        int freed = 0;
        for (Probe p : cycles) if (RefCount.isFreed(p)) freed++;
        check(freed == cycles.size(), "cycles freed: " + freed + " of " + cycles.size());
        check(collected == cycles.size(), "each garbage object counted once: " + collected + " for " + cycles.size());
        for (Probe p : live) {
            check(!RefCount.isFreed(p) && p.releases.get() == 0, "live object survived");
            RefCount.decref(p);
            RefCount.mergeQueued(main);
            check(RefCount.isFreed(p), "live object freed at its last decref");
        }
        main.detach();
        gil.release(main, took);
        System.out.println("OK gc-stw policy=" + RefCount.policyName() + " lock=" + gil.name() + " collections=" + collections
                + " collected=" + collected + " cycles=" + cycles.size());
    }

    private static boolean anyAlive(Workers w) {
        return w.anyAlive();
    }

    /** Discards an (unexpected) async exception returned by the breaker. */
    static final class PyObjectHolder {
        static void ignore(dev.gilt.runtime.object.PyObject o) {
            if (o != null) RefCount.decref(o);
        }
    }

    // ---- the lab: plain counts without a GIL -------------------------------------------------

    static void plainRace() throws Exception {
        String warning = RefCount.labModeWarning();
        System.out.println("warning: " + warning);
        int threads = 2;
        int iterations = 200_000;
        RefCount.decref(new Probe()); // load the classes (types are blocks too) before counting
        long blocksBefore = RefCount.liveBlocks();
        Probe shared = new Probe(); // main holds the one reference
        CountDownLatch go = new CountDownLatch(1);
        Workers w = new Workers();
        for (int t = 0; t < threads; t++) {
            w.start("racer-" + t, () -> {
                go.await();
                for (int i = 0; i < iterations; i++) {
                    RefCount.incref(shared); // x = shared_obj  (a new reference)
                    RefCount.decref(shared); // del x
                }
            });
        }
        go.countDown();
        w.joinAll(60);
        long count = RefCount.count(shared);
        System.out.println("RESULT count=" + count + " expected=1 freed=" + RefCount.isFreed(shared) + " releases=" + shared.releases.get());
        if (count > 1) {
            // Lost decrements: the object can no longer die. Main drops its reference...
            RefCount.decref(shared);
            System.out.println("LEAK alive-after-last-decref=" + !RefCount.isFreed(shared) + " count=" + RefCount.count(shared)
                    + " blocks-delta=" + (RefCount.liveBlocks() - blocksBefore) + " " + RefCount.showRefcountLine());
        } else if (count == 1) {
            RefCount.decref(shared);
            System.out.println("EXACT freed=" + RefCount.isFreed(shared));
        } else {
            // Lost increments: counted too low. Touching it now is the use-after-free the lab shows.
            System.out.println("LOW");
            System.out.flush();
            RefCount.decref(shared);
            RefCount.decref(shared);
        }
    }
}
