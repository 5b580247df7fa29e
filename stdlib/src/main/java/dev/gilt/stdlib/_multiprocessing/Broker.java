package dev.gilt.stdlib._multiprocessing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The broker: every cross-process object of multiprocessing (queues, locks and semaphores,
 * events, conditions, barriers, the mailboxes behind Pipe connections) lives here, in the root
 * process of a process tree, as plain Java state holding pickled bytes. Other processes reach it
 * over their channel ({@link BrokerServer}); the root's own Python threads call
 * {@link #handle} directly through a local endpoint. It never touches Python objects, so it
 * needs neither the GIL nor an interpreter thread.
 *
 * <h2>Why a broker (and not file locks or futexes in shared memory)</h2>
 * A blocked request is a waiter record, woken by the operation that satisfies it, so waits cost
 * no polling and time out exactly; a process that dies is noticed when its channel closes, and
 * its waiters and connection handles are dropped at once (a futex or file lock held by a killed
 * process would need recovery); and the JVM gives us sockets but no fork-inherited semaphores.
 * The price is a round trip per operation for children (~tens of microseconds on a Unix socket).
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>All state is guarded by this object's monitor. A request is handled entirely under it;
 *       replies it produces (to the requester or to waiters it wakes) are collected in
 *       {@link Out} and sent after the monitor is released, so a slow channel never stalls the
 *       broker.</li>
 *   <li>Every waiter is in exactly one wait list until it is completed, timed out, cancelled or
 *       its endpoint disconnects; {@link Waiter#done} makes completion happen once.</li>
 *   <li>A connection end's {@code handles} counts the live Connection objects for it across all
 *       processes (plus transfers in flight). When it drops to zero the mailbox it writes into is
 *       closed for writing: readers see EOF once it is empty.</li>
 * </ul>
 */
final class Broker {
    // ---- reply statuses ------------------------------------------------------------------------
    static final int OK = 0, TIMEOUT = 1, ERR_VALUE = 2, ERR_ASSERT = 3, ERR_EOF = 4, ERR_CLOSED = 5, BROKEN = 6,
            ERR_RUNTIME = 7;

    // ---- request ops ---------------------------------------------------------------------------
    static final int HELLO = 1, PROC_REGISTER = 2, PROC_EXIT = 3, PROC_STATUS = 4, PROC_FORGET = 5, CANCEL = 6,
            NEW = 7, FREE = 8;
    static final int Q_PUT = 10, Q_GET = 11, Q_SIZE = 12, Q_TASK_DONE = 13, Q_JOIN = 14;
    static final int SEM_ACQUIRE = 20, SEM_RELEASE = 21, SEM_INFO = 22;
    static final int EV_SET = 30, EV_CLEAR = 31, EV_IS_SET = 32, EV_WAIT = 33;
    static final int COND_WAIT = 40, COND_NOTIFY = 41;
    static final int BAR_WAIT = 50, BAR_ACTION_DONE = 51, BAR_ABORT = 52, BAR_RESET = 53, BAR_INFO = 54;
    static final int CONN_SEND = 60, CONN_RECV = 61, CONN_POLL = 62, CONN_CLOSE = 63, CONN_TRANSFER = 64,
            CONN_ADOPT = 65;
    static final int SHM_REGISTER = 70;

    // ---- object kinds for NEW ------------------------------------------------------------------
    static final int K_QUEUE = 1, K_SEM = 2, K_EVENT = 3, K_COND = 4, K_BARRIER = 5, K_PIPE = 6;
    /** Semaphore flavours. */
    static final int SEM_PLAIN = 0, SEM_LOCK = 1, SEM_RLOCK = 2;

    /** Where replies go: a socket channel, or the root's own waiting threads. */
    abstract static class Endpoint {
        final Map<Integer, Integer> handles = new HashMap<>();
        final List<Waiter> waiters = new ArrayList<>();
        String token;

        abstract void send(Msg reply);
    }

    /** A blocked request. */
    static final class Waiter {
        final Endpoint ep;
        final int reqId;
        ScheduledFuture<?> timer;
        boolean done;
        ArrayDeque<Waiter> list;
        // op-specific
        long pid, tid;
        int savedCount = 1;
        boolean notified;
        byte[] data;
        int index;
        Obj obj;
        int kind;

        Waiter(Endpoint ep, int reqId) {
            this.ep = ep;
            this.reqId = reqId;
        }
    }

    abstract static class Obj {
        final int id;

        Obj(int id) {
            this.id = id;
        }
    }

    static final class Queue extends Obj {
        final ArrayDeque<byte[]> items = new ArrayDeque<>();
        final int maxsize;
        int unfinished;
        final ArrayDeque<Waiter> getters = new ArrayDeque<>(), putters = new ArrayDeque<>(), joiners = new ArrayDeque<>();

        Queue(int id, int maxsize) {
            super(id);
            this.maxsize = maxsize;
        }

        boolean full() {
            return maxsize > 0 && items.size() >= maxsize;
        }
    }

    static final class Sem extends Obj {
        final int kind;
        int value;
        final int max;
        long ownerPid, ownerTid;
        int count;
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

        Sem(int id, int kind, int value, int max) {
            super(id);
            this.kind = kind;
            this.value = value;
            this.max = max;
        }

        boolean ownedBy(long pid, long tid) {
            return ownerPid == pid && ownerTid == tid && (kind == SEM_RLOCK ? count > 0 : value == 0);
        }
    }

    static final class Event extends Obj {
        boolean flag;
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

        Event(int id) {
            super(id);
        }
    }

    static final class Cond extends Obj {
        final Sem lock;
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

        Cond(int id, Sem lock) {
            super(id);
            this.lock = lock;
        }
    }

    static final class Barrier extends Obj {
        final int parties;
        final boolean hasAction;
        int count;
        boolean broken;
        boolean actionPending;
        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

        Barrier(int id, int parties, boolean hasAction) {
            super(id);
            this.parties = parties;
            this.hasAction = hasAction;
        }
    }

    /** Bytes sent to one connection end, waiting to be received. */
    static final class Mailbox {
        final ArrayDeque<byte[]> items = new ArrayDeque<>();
        final ArrayDeque<Waiter> receivers = new ArrayDeque<>();
        End writer;
        End reader;

        boolean eof() {
            return items.isEmpty() && (writer == null || writer.handles <= 0);
        }
    }

    /** One end of a Pipe: reads from {@code in}, writes to {@code out} (either may be null). */
    static final class End extends Obj {
        Mailbox in, out;
        int handles;

        End(int id) {
            super(id);
        }
    }

    static final class Transfer {
        final End end;
        final String token;

        Transfer(End end, String token) {
            this.end = end;
            this.token = token;
        }
    }

    static final class Proc {
        byte[] payload;
        Integer exitCode;
        boolean connected;
    }

    /** Replies produced under the monitor, sent after it is released. */
    static final class Out {
        final List<Waiter> to = new ArrayList<>();
        final List<Msg> msgs = new ArrayList<>();

        void add(Waiter w, Msg m) {
            to.add(w);
            msgs.add(m);
        }

        void flush() {
            for (int i = 0; i < to.size(); i++) to.get(i).ep.send(msgs.get(i));
        }
    }

    private final Map<Integer, Obj> objects = new HashMap<>();
    private final Map<String, Proc> procs = new HashMap<>();
    private final Map<Integer, Transfer> transfers = new HashMap<>();
    final List<String> shmFiles = new ArrayList<>();
    private int nextId = 1;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gilt-mp-broker-timer");
        t.setDaemon(true);
        return t;
    });

    // ---- entry points ----------------------------------------------------------------------------

    /** Handles one request from {@code ep}; replies (now or later) through endpoints. */
    void handle(Endpoint ep, Msg m) {
        Out out = new Out();
        synchronized (this) {
            try {
                dispatch(ep, m, out);
            } catch (RuntimeException e) {
                out.add(new Waiter(ep, m.id), Msg.reply(m.id, ERR_RUNTIME, utf8("broker: " + e)));
            }
        }
        out.flush();
    }

    /** The channel of {@code ep} closed: drop its waiters, handles and unadopted transfers. */
    void disconnected(Endpoint ep) {
        Out out = new Out();
        synchronized (this) {
            for (Waiter w : new ArrayList<>(ep.waiters)) drop(w);
            ep.waiters.clear();
            for (Map.Entry<Integer, Integer> h : ep.handles.entrySet()) {
                if (objects.get(h.getKey()) instanceof End e) releaseHandles(e, h.getValue(), out);
            }
            ep.handles.clear();
            if (ep.token != null) {
                Proc p = procs.get(ep.token);
                if (p != null) p.connected = false;
            }
        }
        out.flush();
    }

    private void dispatch(Endpoint ep, Msg m, Out out) {
        switch (m.op) {
            case HELLO -> {
                String token = m.text();
                Proc p = procs.get(token);
                ep.token = token;
                if (p == null || p.payload == null) {
                    reply(out, ep, m, ERR_RUNTIME, utf8("unknown child token"));
                    return;
                }
                p.connected = true;
                byte[] payload = p.payload;
                p.payload = null;
                reply(out, ep, m, OK, payload);
            }
            case PROC_REGISTER -> {
                byte[] d = m.data;
                int tl = (int) m.arg(0);
                String token = new String(d, 0, tl, StandardCharsets.UTF_8);
                Proc p = procs.computeIfAbsent(token, k -> new Proc());
                p.payload = java.util.Arrays.copyOfRange(d, tl, d.length);
                reply(out, ep, m, OK, null);
            }
            case PROC_EXIT -> {
                if (ep.token != null) procs.computeIfAbsent(ep.token, k -> new Proc()).exitCode = (int) m.arg(0);
                reply(out, ep, m, OK, null);
            }
            case PROC_STATUS -> {
                Proc p = procs.get(m.text());
                if (p == null || p.exitCode == null) reply(out, ep, m, OK, null, 0, 0);
                else reply(out, ep, m, OK, null, 1, p.exitCode);
            }
            case PROC_FORGET -> {
                String token = m.text();
                procs.remove(token);
                for (Iterator<Map.Entry<Integer, Transfer>> it = transfers.entrySet().iterator(); it.hasNext(); ) {
                    Transfer t = it.next().getValue();
                    if (token.equals(t.token)) {
                        it.remove();
                        releaseHandles(t.end, 1, out);
                    }
                }
                reply(out, ep, m, OK, null);
            }
            case CANCEL -> {
                int target = (int) m.arg(0);
                for (Waiter w : new ArrayList<>(ep.waiters)) {
                    if (w.reqId == target) {
                        drop(w);
                        out.add(w, Msg.reply(w.reqId, TIMEOUT, null));
                    }
                }
            }
            case NEW -> newObject(ep, m, out);
            case CONN_ADOPT -> {
                Transfer t = transfers.remove((int) m.arg(0));
                if (t == null) {
                    reply(out, ep, m, ERR_RUNTIME, utf8("connection handle was already taken"));
                } else {
                    ep.handles.merge(t.end.id, 1, Integer::sum);
                    reply(out, ep, m, OK, null, t.end.id);
                }
            }
            case FREE -> {
                objects.remove((int) m.arg(0));
                reply(out, ep, m, OK, null);
            }
            case SHM_REGISTER -> {
                shmFiles.add(m.text());
                reply(out, ep, m, OK, null);
            }
            default -> {
                Obj o = objects.get((int) m.arg(0));
                if (o == null) {
                    reply(out, ep, m, ERR_RUNTIME, utf8("multiprocessing object " + m.arg(0) + " does not exist"));
                    return;
                }
                switch (o) {
                    case Queue q -> queueOp(ep, m, q, out);
                    case Sem s -> semOp(ep, m, s, out);
                    case Event e -> eventOp(ep, m, e, out);
                    case Cond c -> condOp(ep, m, c, out);
                    case Barrier b -> barrierOp(ep, m, b, out);
                    case End e -> connOp(ep, m, e, out);
                    default -> reply(out, ep, m, ERR_RUNTIME, utf8("bad object"));
                }
            }
        }
    }

    private void newObject(Endpoint ep, Msg m, Out out) {
        int kind = (int) m.arg(0);
        int id = nextId++;
        switch (kind) {
            case K_QUEUE -> objects.put(id, new Queue(id, (int) m.arg(1)));
            case K_SEM -> objects.put(id, new Sem(id, (int) m.arg(1), (int) m.arg(2), (int) m.arg(3)));
            case K_EVENT -> objects.put(id, new Event(id));
            case K_COND -> {
                if (!(objects.get((int) m.arg(1)) instanceof Sem lock)) {
                    reply(out, ep, m, ERR_RUNTIME, utf8("condition without a lock"));
                    return;
                }
                objects.put(id, new Cond(id, lock));
            }
            case K_BARRIER -> objects.put(id, new Barrier(id, (int) m.arg(1), m.arg(2) != 0));
            case K_PIPE -> {
                boolean duplex = m.arg(1) != 0;
                End a = new End(id);
                End b = new End(nextId++);
                Mailbox toA = new Mailbox(), toB = new Mailbox();
                a.in = toA;
                toA.reader = a;
                if (duplex) {
                    b.in = toB;
                    toB.reader = b;
                    a.out = toB;
                    toB.writer = a;
                }
                b.out = toA;
                toA.writer = b;
                a.handles = 1;
                b.handles = 1;
                ep.handles.merge(a.id, 1, Integer::sum);
                ep.handles.merge(b.id, 1, Integer::sum);
                objects.put(a.id, a);
                objects.put(b.id, b);
                reply(out, ep, m, OK, null, a.id, b.id);
                return;
            }
            default -> {
                reply(out, ep, m, ERR_RUNTIME, utf8("bad kind"));
                return;
            }
        }
        reply(out, ep, m, OK, null, id);
    }

    // ---- waiting ---------------------------------------------------------------------------------

    private void reply(Out out, Endpoint ep, Msg m, int status, byte[] data, long... args) {
        out.add(new Waiter(ep, m.id), Msg.reply(m.id, status, data, args));
    }

    /** Parks a request in {@code list}; a non-negative timeout completes it with TIMEOUT. */
    private Waiter park(Endpoint ep, Msg m, ArrayDeque<Waiter> list, long timeoutMillis) {
        Waiter w = new Waiter(ep, m.id);
        w.list = list;
        list.add(w);
        ep.waiters.add(w);
        if (timeoutMillis >= 0) {
            w.timer = timers.schedule(() -> timedOut(w), timeoutMillis, TimeUnit.MILLISECONDS);
        }
        return w;
    }

    private void timedOut(Waiter w) {
        Out out = new Out();
        synchronized (this) {
            if (w.done) return;
            onTimeout(w, out);
        }
        out.flush();
    }

    /** What a timeout means depends on what the waiter waited for. */
    private void onTimeout(Waiter w, Out out) {
        if (w.obj instanceof Cond c && w.list == c.waiters) {
            // Condition.wait timed out: it still has to get its lock back before returning.
            w.list.remove(w);
            w.notified = false;
            w.timer = null;
            reacquire(c.lock, w, out);
            return;
        }
        if (w.obj instanceof Barrier b) {
            drop(w);
            out.add(w, Msg.reply(w.reqId, BROKEN, null));
            breakBarrier(b, out);
            return;
        }
        drop(w);
        out.add(w, Msg.reply(w.reqId, TIMEOUT, null));
    }

    /** Removes a waiter from wherever it waits, without replying. */
    private void drop(Waiter w) {
        if (w.done) return;
        w.done = true;
        if (w.list != null) w.list.remove(w);
        if (w.timer != null) w.timer.cancel(false);
        w.ep.waiters.remove(w);
    }

    private void complete(Waiter w, Out out, int status, byte[] data, long... args) {
        drop(w);
        out.add(w, Msg.reply(w.reqId, status, data, args));
    }

    private static long timeoutOf(Msg m, int idx) {
        return m.arg(idx);
    }

    // ---- queues ------------------------------------------------------------------------------------

    private void queueOp(Endpoint ep, Msg m, Queue q, Out out) {
        switch (m.op) {
            case Q_PUT -> {
                boolean block = m.arg(1) != 0;
                if (!q.full()) {
                    queuePut(q, m.data, out);
                    reply(out, ep, m, OK, null);
                } else if (!block) {
                    reply(out, ep, m, TIMEOUT, null);
                } else {
                    Waiter w = park(ep, m, q.putters, timeoutOf(m, 2));
                    w.data = m.data;
                    w.obj = q;
                }
            }
            case Q_GET -> {
                boolean block = m.arg(1) != 0;
                if (!q.items.isEmpty()) {
                    byte[] d = q.items.poll();
                    refillFromPutters(q, out);
                    reply(out, ep, m, OK, d);
                } else if (!block) {
                    reply(out, ep, m, TIMEOUT, null);
                } else {
                    park(ep, m, q.getters, timeoutOf(m, 2)).obj = q;
                }
            }
            case Q_SIZE -> reply(out, ep, m, OK, null, q.items.size(), q.unfinished);
            case Q_TASK_DONE -> {
                if (q.unfinished <= 0) {
                    reply(out, ep, m, ERR_VALUE, utf8("task_done() called too many times"));
                    return;
                }
                if (--q.unfinished == 0) {
                    for (Waiter w : new ArrayList<>(q.joiners)) complete(w, out, OK, null);
                }
                reply(out, ep, m, OK, null);
            }
            case Q_JOIN -> {
                if (q.unfinished == 0) reply(out, ep, m, OK, null);
                else park(ep, m, q.joiners, timeoutOf(m, 1)).obj = q;
            }
            default -> reply(out, ep, m, ERR_RUNTIME, utf8("bad queue op"));
        }
    }

    /** An item arrives: straight to the first waiting getter, else into the queue. */
    private void queuePut(Queue q, byte[] d, Out out) {
        q.unfinished++;
        Waiter g = q.getters.peek();
        if (g != null) {
            complete(g, out, OK, d);
        } else {
            q.items.add(d);
        }
    }

    private void refillFromPutters(Queue q, Out out) {
        while (!q.full() && !q.putters.isEmpty()) {
            Waiter p = q.putters.peek();
            byte[] d = p.data;
            complete(p, out, OK, null);
            queuePut(q, d, out);
        }
    }

    // ---- semaphores and locks ------------------------------------------------------------------

    private void semOp(Endpoint ep, Msg m, Sem s, Out out) {
        long pid = m.arg(1), tid = m.arg(2);
        switch (m.op) {
            case SEM_ACQUIRE -> {
                boolean block = m.arg(3) != 0;
                if (tryAcquire(s, pid, tid, 1, false)) {
                    reply(out, ep, m, OK, null);
                } else if (!block) {
                    reply(out, ep, m, TIMEOUT, null);
                } else {
                    Waiter w = park(ep, m, s.waiters, timeoutOf(m, 4));
                    w.pid = pid;
                    w.tid = tid;
                    w.obj = s;
                }
            }
            case SEM_RELEASE -> {
                String err = release(s, pid, tid, out);
                if (err == null) reply(out, ep, m, OK, null);
                else reply(out, ep, m, s.kind == SEM_RLOCK ? ERR_ASSERT : ERR_VALUE, utf8(err));
            }
            case SEM_INFO -> {
                boolean mine = s.ownedBy(pid, tid);
                reply(out, ep, m, OK, null, s.value, mine ? 1 : 0, s.kind == SEM_RLOCK ? s.count : (s.value == 0 ? 1 : 0),
                        s.ownerPid, s.ownerTid, s.waiters.size());
            }
            default -> reply(out, ep, m, ERR_RUNTIME, utf8("bad semaphore op"));
        }
    }

    /** Takes the semaphore if free; {@code queued}: the caller is the head waiter (FIFO fairness). */
    private boolean tryAcquire(Sem s, long pid, long tid, int restoreCount, boolean queued) {
        if (s.kind == SEM_RLOCK) {
            if (s.count > 0) {
                if (s.ownerPid == pid && s.ownerTid == tid) {
                    s.count += restoreCount;
                    return true;
                }
                return false;
            }
            if (!queued && !s.waiters.isEmpty()) return false;
            s.ownerPid = pid;
            s.ownerTid = tid;
            s.count = restoreCount;
            s.value = 0;
            return true;
        }
        if (s.value > 0 && (queued || s.waiters.isEmpty())) {
            s.value--;
            s.ownerPid = pid;
            s.ownerTid = tid;
            return true;
        }
        return false;
    }

    /** Releases once; returns CPython's error text or null. Wakes the next waiter. */
    private String release(Sem s, long pid, long tid, Out out) {
        if (s.kind == SEM_RLOCK) {
            if (s.count <= 0 || s.ownerPid != pid || s.ownerTid != tid) {
                return "attempt to release recursive lock not owned by thread";
            }
            if (--s.count > 0) return null;
            s.ownerPid = 0;
            s.ownerTid = 0;
            s.value = 1;
        } else {
            if (s.max >= 0 && s.value >= s.max) return "semaphore or lock released too many times";
            s.value++;
            if (s.kind == SEM_LOCK) {
                s.ownerPid = 0;
                s.ownerTid = 0;
            }
        }
        wakeSem(s, out);
        return null;
    }

    private void wakeSem(Sem s, Out out) {
        while (!s.waiters.isEmpty()) {
            Waiter w = s.waiters.peek();
            // Hand the lock to the first waiter (FIFO); it may be a Condition waiter getting its lock back.
            s.waiters.poll();
            w.list = null;
            if (!tryAcquire(s, w.pid, w.tid, w.savedCount, true)) {
                s.waiters.addFirst(w);
                w.list = s.waiters;
                return;
            }
            if (w.obj instanceof Cond) complete(w, out, OK, null, w.notified ? 1 : 0);
            else complete(w, out, OK, null);
        }
    }

    /** Queues {@code w} to take {@code lock} back (Condition.wait), completing it once held. */
    private void reacquire(Sem lock, Waiter w, Out out) {
        if (tryAcquire(lock, w.pid, w.tid, w.savedCount, false)) {
            complete(w, out, OK, null, w.notified ? 1 : 0);
            return;
        }
        w.list = lock.waiters;
        lock.waiters.add(w);
    }

    // ---- events --------------------------------------------------------------------------------------

    private void eventOp(Endpoint ep, Msg m, Event e, Out out) {
        switch (m.op) {
            case EV_SET -> {
                e.flag = true;
                for (Waiter w : new ArrayList<>(e.waiters)) complete(w, out, OK, null, 1);
                reply(out, ep, m, OK, null);
            }
            case EV_CLEAR -> {
                e.flag = false;
                reply(out, ep, m, OK, null);
            }
            case EV_IS_SET -> reply(out, ep, m, OK, null, e.flag ? 1 : 0);
            case EV_WAIT -> {
                long t = timeoutOf(m, 1);
                if (e.flag) reply(out, ep, m, OK, null, 1);
                else if (t == 0) reply(out, ep, m, OK, null, 0);
                else park(ep, m, e.waiters, t).obj = e;
            }
            default -> reply(out, ep, m, ERR_RUNTIME, utf8("bad event op"));
        }
    }

    // ---- conditions ----------------------------------------------------------------------------------

    private void condOp(Endpoint ep, Msg m, Cond c, Out out) {
        long pid = m.arg(1), tid = m.arg(2);
        Sem lock = c.lock;
        switch (m.op) {
            case COND_WAIT -> {
                if (!lock.ownedBy(pid, tid)) {
                    reply(out, ep, m, ERR_ASSERT, utf8("must acquire() condition before using wait()"));
                    return;
                }
                int saved = lock.kind == SEM_RLOCK ? lock.count : 1;
                // Release the lock completely, then wait to be notified.
                if (lock.kind == SEM_RLOCK) {
                    lock.count = 0;
                    lock.ownerPid = 0;
                    lock.ownerTid = 0;
                    lock.value = 1;
                } else {
                    lock.value++;
                    lock.ownerPid = 0;
                    lock.ownerTid = 0;
                }
                Waiter w = park(ep, m, c.waiters, timeoutOf(m, 3));
                w.pid = pid;
                w.tid = tid;
                w.savedCount = saved;
                w.obj = c;
                wakeSem(lock, out);
            }
            case COND_NOTIFY -> {
                if (!lock.ownedBy(pid, tid)) {
                    reply(out, ep, m, ERR_ASSERT, utf8("lock is not owned"));
                    return;
                }
                long n = m.arg(3);
                while ((n < 0 || n-- > 0) && !c.waiters.isEmpty()) {
                    Waiter w = c.waiters.poll();
                    if (w.timer != null) w.timer.cancel(false);
                    w.timer = null;
                    w.notified = true;
                    w.list = null;
                    reacquire(lock, w, out);
                }
                reply(out, ep, m, OK, null);
            }
            default -> reply(out, ep, m, ERR_RUNTIME, utf8("bad condition op"));
        }
    }

    // ---- barriers ------------------------------------------------------------------------------------

    private void barrierOp(Endpoint ep, Msg m, Barrier b, Out out) {
        switch (m.op) {
            case BAR_WAIT -> {
                if (b.broken) {
                    reply(out, ep, m, BROKEN, null);
                    return;
                }
                int index = b.count++;
                if (b.count == b.parties) {
                    if (b.hasAction) {
                        // The last one runs the action in Python, then reports BAR_ACTION_DONE;
                        // the others stay parked until then.
                        b.actionPending = true;
                        reply(out, ep, m, OK, null, index, 1);
                    } else {
                        releaseBarrier(b, out);
                        reply(out, ep, m, OK, null, index, 0);
                    }
                    return;
                }
                Waiter w = park(ep, m, b.waiting, timeoutOf(m, 1));
                w.obj = b;
                w.index = index;
            }
            case BAR_ACTION_DONE -> {
                b.actionPending = false;
                if (m.arg(1) != 0) releaseBarrier(b, out);
                else breakBarrier(b, out);
                reply(out, ep, m, OK, null);
            }
            case BAR_ABORT -> {
                breakBarrier(b, out);
                reply(out, ep, m, OK, null);
            }
            case BAR_RESET -> {
                breakBarrier(b, out);
                b.broken = false;
                b.count = 0;
                reply(out, ep, m, OK, null);
            }
            case BAR_INFO -> reply(out, ep, m, OK, null, b.parties, b.actionPending ? 0 : b.count, b.broken ? 1 : 0);
            default -> reply(out, ep, m, ERR_RUNTIME, utf8("bad barrier op"));
        }
    }

    private void releaseBarrier(Barrier b, Out out) {
        for (Waiter w : new ArrayList<>(b.waiting)) complete(w, out, OK, null, w.index, 0);
        b.count = 0;
    }

    private void breakBarrier(Barrier b, Out out) {
        b.broken = true;
        for (Waiter w : new ArrayList<>(b.waiting)) complete(w, out, BROKEN, null);
        b.count = 0;
    }

    // ---- connections ---------------------------------------------------------------------------------

    private void connOp(Endpoint ep, Msg m, End e, Out out) {
        switch (m.op) {
            case CONN_SEND -> {
                Mailbox box = e.out;
                if (box == null) {
                    reply(out, ep, m, ERR_CLOSED, utf8("connection is read-only"));
                } else if (box.reader == null || box.reader.handles <= 0) {
                    reply(out, ep, m, ERR_CLOSED, utf8("[Errno 32] Broken pipe"));
                } else {
                    Waiter r = null;
                    for (Waiter w : box.receivers) {
                        if (w.kind == CONN_RECV) {
                            r = w;
                            break;
                        }
                    }
                    if (r != null) {
                        complete(r, out, OK, m.data);
                    } else {
                        box.items.add(m.data);
                    }
                    // Pollers learn that data is there.
                    for (Waiter w : new ArrayList<>(box.receivers)) if (w.kind == CONN_POLL) complete(w, out, OK, null, 1);
                    reply(out, ep, m, OK, null);
                }
            }
            case CONN_RECV, CONN_POLL -> {
                Mailbox box = e.in;
                if (box == null) {
                    reply(out, ep, m, ERR_CLOSED, utf8("connection is write-only"));
                    return;
                }
                boolean poll = m.op == CONN_POLL;
                long timeout = poll ? m.arg(1) : (m.arg(1) != 0 ? m.arg(2) : 0);
                if (!box.items.isEmpty()) {
                    if (poll) reply(out, ep, m, OK, null, 1);
                    else reply(out, ep, m, OK, box.items.poll());
                } else if (box.eof()) {
                    if (poll) reply(out, ep, m, OK, null, 1);
                    else reply(out, ep, m, ERR_EOF, null);
                } else if (timeout == 0) {
                    if (poll) reply(out, ep, m, OK, null, 0);
                    else reply(out, ep, m, TIMEOUT, null);
                } else {
                    Waiter w = park(ep, m, box.receivers, timeout);
                    w.kind = m.op;
                    w.obj = e;
                }
            }
            case CONN_CLOSE -> {
                Integer held = ep.handles.get(e.id);
                if (held != null && held > 0) {
                    if (held == 1) ep.handles.remove(e.id);
                    else ep.handles.put(e.id, held - 1);
                    releaseHandles(e, 1, out);
                }
                reply(out, ep, m, OK, null);
            }
            case CONN_TRANSFER -> {
                e.handles++;
                int tid = nextId++;
                transfers.put(tid, new Transfer(e, m.data == null || m.data.length == 0 ? null : m.text()));
                reply(out, ep, m, OK, null, tid);
            }
            default -> reply(out, ep, m, ERR_RUNTIME, utf8("bad connection op"));
        }
    }

    /** {@code n} fewer live handles of {@code e}; at zero its peer's readers may see EOF. */
    private void releaseHandles(End e, int n, Out out) {
        e.handles -= n;
        if (e.handles > 0) return;
        Mailbox box = e.out;
        if (box != null && box.eof()) {
            for (Waiter w : new ArrayList<>(box.receivers)) {
                if (w.kind == CONN_POLL) complete(w, out, OK, null, 1);
                else complete(w, out, ERR_EOF, null);
            }
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
