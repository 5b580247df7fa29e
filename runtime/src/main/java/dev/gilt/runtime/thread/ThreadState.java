package dev.gilt.runtime.thread;

import dev.gilt.runtime.gil.ThreadGilStats;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Per-thread interpreter state: the innermost running frame, the stack of exceptions being
 * handled (sys.exc_info), and the Python recursion depth. One per native thread that runs Gilt
 * code; reached through {@link #current()} or passed explicitly on hot paths.
 *
 * <p>Only the owning thread reads or writes these fields, except {@link #asyncExc} which other
 * threads may set (then they also raise the eval breaker).
 *
 * <h2>Identity</h2>
 * {@link #id} is the Java thread id truncated to an int: small, positive, never reused while the
 * process lives (Java thread ids are not recycled in practice), and it is also the biased
 * refcount owner tag: {@code RefCount.ownerTag() == ThreadState.current().id} under the biased
 * policy, so a decref can test ownership with {@code Thread.currentThread().threadId()} without a
 * thread-local lookup.
 *
 * <h2>Attached and detached (PEP 703)</h2>
 * A thread state is <em>attached</em> while its thread may run Python code or touch Python objects
 * (with the GIL on: while it holds the GIL), and <em>detached</em> otherwise: before it starts,
 * while it waits for the GIL, inside a blocking gap ({@code GlobalLock.releaseWhileBlocking}),
 * after it ended. {@link StopTheWorld} waits only for attached threads; a detached thread that
 * tries to attach during a stop waits until the world restarts.
 * <ul>
 *   <li>{@link #status} is written only by the owning thread (attach/detach) and read by the
 *       stop-the-world requester; both sides use volatile accesses, so either the requester sees
 *       ATTACHED and waits, or the attaching thread sees the stop and backs off (Dekker-style).
 *   <li>A new thread state is detached; the interpreter attaches it through
 *       {@code Gil.attach(ts)} when the thread starts and detaches it at exit ({@link #exit()}).
 * </ul>
 *
 * <h2>Registry</h2>
 * Every thread state is registered from construction until {@link #exit()} (or until its Java
 * thread is found dead): {@link #all()} lists them for sys._current_frames, threading.enumerate,
 * stop-the-world and statistics; {@link #byId} finds an owner for the biased refcount merge queue.
 */
public final class ThreadState {
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);
    private static final ConcurrentHashMap<Integer, ThreadState> REGISTRY = new ConcurrentHashMap<>();

    /** Status values of {@link #status}. */
    public static final int DETACHED = 0, ATTACHED = 1;

    /** Innermost frame (an interpreter Frame), or null. */
    public Object frame;
    /**
     * The exception currently being handled, or null. Owned by the innermost exception slot
     * (this field, or the running generator's frame), as CPython's exc_info: PUSH_EXC_INFO moves
     * the previous value to the stack and stores a new reference; POP_EXCEPT moves it back.
     */
    public PyObject handledException;
    /** Python call depth, checked against sys.getrecursionlimit(). */
    public int recursionDepth;
    /**
     * An exception another thread asked this one to raise (PyThreadState_SetAsyncExc), or null.
     * Holds a reference. Set through {@link #setAsyncExc}, taken through {@link #takeAsyncExc}.
     */
    public volatile PyObject asyncExc;
    public final Thread thread = Thread.currentThread();

    /** Small positive id; also the biased-refcount owner tag (see the class comment). */
    public final int id;
    /** The Python-visible thread name (threading.Thread.name); the Java thread's name until set. */
    public volatile String name;
    /** True while this thread holds the GIL; written by the lock implementations only. */
    public volatile boolean gilHeld;
    /** {@link #DETACHED} or {@link #ATTACHED}; written only by the owning thread. */
    volatile int status = DETACHED;
    /** Set by {@link #exit()}: the thread will run no more Python code. */
    volatile boolean exited;

    /**
     * Biased refcounts: objects this thread owns whose shared count went negative, waiting for
     * this thread to merge them (see {@link RefCount#mergeQueued}). Any thread may add.
     */
    public final ConcurrentLinkedQueue<PyObject> refMergeQueue = new ConcurrentLinkedQueue<>();

    // ---- owned by the GIL implementations (dev.gilt.runtime.gil) ---------------------------

    /** The lock {@link #gilStats} belongs to (a thread may meet several locks in tests). */
    public Object gilStatsOwner;
    /** Per-thread lock statistics of {@link #gilStatsOwner}; written by this thread only. */
    public ThreadGilStats gilStats;
    /** TicksGil: eval-breaker checks left before the next forced release. */
    public int gilTicks;

    /**
     * Free-threaded mode: the reclamation epoch this thread saw at its last quiescent point
     * (written by the owner only; see {@link FreeThreading}).
     */
    volatile long qsbrSeen;

    public static int recursionLimit = 1000;

    private static final VarHandle ASYNC_EXC;

    static {
        try {
            ASYNC_EXC = MethodHandles.lookup().findVarHandle(ThreadState.class, "asyncExc", PyObject.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ThreadState() {
        this.id = tagOf(thread);
        this.name = thread.getName();
        REGISTRY.put(id, this);
    }

    /** The owner tag of a Java thread: its id as a non-zero int. */
    public static int tagOf(Thread t) {
        int v = (int) t.threadId();
        return v == 0 ? 1 : v;
    }

    /** The current thread's state, created (detached, registered) on first use. */
    public static ThreadState current() {
        return CURRENT.get();
    }

    // ---- main thread ----------------------------------------------------------------------

    /** Declares this thread the main thread (signal handlers run here): {@link EvalBreaker#mainThread}. */
    public void markMain() {
        EvalBreaker.mainThread = thread;
    }

    /** Whether signal handlers run on this thread (any thread, until a main thread is marked). */
    public boolean isMain() {
        return EvalBreaker.isMainThread(thread);
    }

    /** The main thread's state, or null if none was marked (or it has exited). */
    public static ThreadState main() {
        Thread m = EvalBreaker.mainThread;
        return m == null ? null : REGISTRY.get(tagOf(m));
    }

    // ---- attach / detach ------------------------------------------------------------------

    /**
     * Marks this thread as running Python. If a stop-the-world is in progress, waits until the
     * world restarts first. Call only on the owning thread.
     */
    public void attach() {
        for (;;) {
            StopTheWorld.awaitRestart(this);
            status = ATTACHED;
            // A stop may have begun between the wait and the write; the requester may not have
            // seen us attached, so back off and wait again (see the class comment).
            if (!StopTheWorld.mustStop(this)) return;
            status = DETACHED;
            StopTheWorld.notifyDetached();
        }
    }

    /** Marks this thread as not running Python (it counts as stopped). Owning thread only. */
    public void detach() {
        status = DETACHED;
        FreeThreading.onDetach(this); // a quiescent point for deferred releases (issue 3)
        StopTheWorld.notifyDetached();
    }

    /** Detaches if attached; returns whether it was attached (to restore later). */
    public boolean detachIfAttached() {
        if (status != ATTACHED) return false;
        detach();
        return true;
    }

    public boolean isAttached() {
        return status == ATTACHED;
    }

    public boolean hasExited() {
        return exited;
    }

    /**
     * The thread is done running Python: detaches, merges refcounts queued for it, and leaves the
     * registry. The caller releases the GIL (if held) before calling this. Owning thread only;
     * nothing may touch Python objects on this thread afterwards.
     */
    public void exit() {
        if (status == ATTACHED) detach();
        exited = true;
        RefCount.mergeQueued(this);
        REGISTRY.remove(id, this);
        // Objects queued after our drain by a thread that still saw us alive: drain again (the
        // queuing side re-checks exited and drains too; RefCount makes double draining safe).
        RefCount.mergeQueued(this);
        CURRENT.remove();
    }

    // ---- async exceptions -----------------------------------------------------------------

    /**
     * Asks this thread to raise {@code exc} at its next eval-breaker check; steals the reference
     * to {@code exc} (null cancels a pending one). Any thread may call.
     */
    public void setAsyncExc(PyObject exc) {
        PyObject old = (PyObject) ASYNC_EXC.getAndSet(this, exc);
        if (exc != null) EvalBreaker.set(EvalBreaker.ASYNC_EXC);
        if (old != null) RefCount.decref(old);
    }

    /** Takes this thread's pending async exception (a reference the caller owns), or null. */
    public PyObject takeAsyncExc() {
        PyObject e = (PyObject) ASYNC_EXC.getAndSet(this, (PyObject) null);
        boolean any = false;
        for (ThreadState t : REGISTRY.values()) any |= t.asyncExc != null;
        if (!any) {
            EvalBreaker.clear(EvalBreaker.ASYNC_EXC);
            // A setter that stored after our scan re-sets the bit itself (it sets after storing).
            for (ThreadState t : REGISTRY.values()) {
                if (t.asyncExc != null) {
                    EvalBreaker.set(EvalBreaker.ASYNC_EXC);
                    break;
                }
            }
        }
        return e;
    }

    // ---- registry -------------------------------------------------------------------------

    /** The registered thread state with this id, or null (never registered, or exited). */
    public static ThreadState byId(int id) {
        return REGISTRY.get(id);
    }

    /**
     * Every registered thread state whose Java thread is alive. States of threads that died
     * without {@link #exit()} are removed here, and refcounts queued for them are merged.
     */
    public static List<ThreadState> all() {
        List<ThreadState> out = new ArrayList<>(REGISTRY.size());
        for (ThreadState t : REGISTRY.values()) {
            if (t.thread.isAlive()) {
                out.add(t);
            } else {
                reapDead(t);
            }
        }
        return out;
    }

    /** The registered thread states, live or not, without reaping (no side effects). */
    static Iterable<ThreadState> registered() {
        return REGISTRY.values();
    }

    /** Removes a thread state whose Java thread ended without calling {@link #exit()}. */
    static void reapDead(ThreadState t) {
        if (REGISTRY.remove(t.id, t)) {
            t.exited = true;
            t.status = DETACHED;
            RefCount.mergeQueued(t);
        }
    }

    /** True if the owner with this tag can no longer count (ended, exited or unknown). */
    public static boolean isDeadOwner(ThreadState t) {
        return t == null || t.exited || !t.thread.isAlive();
    }

    @Override
    public String toString() {
        return "ThreadState[" + id + " " + name + (gilHeld ? " gil" : "") + (status == ATTACHED ? " attached" : "") + "]";
    }
}
