package dev.gilt.stdlib._pickle;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyByteArray;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyEllipsis;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyFrozenSet;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyNotImplemented;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PySet;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.types.PyMethod;
import dev.gilt.interp.vm.PyFunction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pickling engine: writes an object graph in the pickle format, opcode for opcode as CPython
 * 3.12's C pickler ({@code _pickle.c}) does, so the bytes are identical for the same objects
 * (fixtures in the tests compare with python3.12 output) and load in CPython.
 *
 * <h2>What is saved how</h2>
 * None/bool/int/float are atoms (never memoized); str, bytes, bytearray, tuple, list, dict, set
 * and frozenset have their own opcodes; functions and classes are saved by reference (module +
 * qualified name, checked by importing it back); everything else goes through
 * {@code reducer_override}, the dispatch table (the pickler's or {@code copyreg.dispatch_table}),
 * {@code __reduce_ex__(protocol)} and {@link #saveReduce}. A {@link Hook} can take over the
 * reduction (multiprocessing's fork emulation sends {@code __main__} functions by value).
 *
 * <h2>Refcounts</h2>
 * Objects passed in are borrowed. The memo keeps one reference to every memoized object (as
 * CPython's memo does, so an object cannot die and be confused with a later one) until
 * {@link Memo#clear()}. Temporaries (reduce tuples, iterators) are released before returning.
 *
 * <h2>Framing (protocol 4+)</h2>
 * Output goes to {@link #buf}; a frame's 9-byte header is reserved where the frame starts and
 * filled (or dropped, for frames under 4 bytes) when the frame is committed: at the start of a
 * {@link #save} once the frame holds 64 KiB, before a large bytes/str payload (which is written
 * outside frames), and at the end. With a file, committed frames are written out as they close.
 */
public final class Pickler {
    /** Takes over the reduction of some objects (checked where reducer_override is). */
    public interface Hook {
        /** A reduce tuple (new reference) for {@code obj}, or null to pickle it normally. */
        PyObject reduce(Pickler p, PyObject obj);
    }

    /** One object, as CPython's interned constant, so repeated bytes reductions share a memo entry. */
    private static final PyStr LATIN1 = PyStr.intern("latin1");

    final int proto;
    final boolean bin;
    final boolean fixImports;
    final Memo memo;
    /** Borrowed for the duration of a dump; may be null. */
    PyObject persFunc, reducerOverride, dispatchTable, bufferCallback, fileWrite;
    Hook hook;

    private byte[] buf = new byte[256];
    private int len;
    private boolean framing;
    private int frameStart = -1;
    private int depth;

    Pickler(int proto, boolean fixImports, Memo memo) {
        this.proto = proto;
        this.bin = proto >= 1;
        this.fixImports = fixImports;
        this.memo = memo == null ? new Memo() : memo;
    }

    /** A pickler for {@code dumps} with a fresh memo; {@code hook} may be null. */
    public static Pickler forBytes(int proto, Hook hook) {
        Pickler p = new Pickler(proto, true, null);
        p.hook = hook;
        return p;
    }

    public int protocol() {
        return proto;
    }

    /** One complete pickle of {@code obj} (PROTO..STOP), keeping the memo for the next blob. */
    public byte[] dumpBlob(PyObject obj) {
        len = 0;
        try {
            dump(obj);
            return result();
        } finally {
            len = 0;
        }
    }

    public int memoSize() {
        return memo.size();
    }

    /** Forgets memo entries numbered {@code n} and above (after a failed blob). */
    public void memoTruncate(int n) {
        List<PyObject> drop = new ArrayList<>();
        for (var e : memo.map.entrySet()) if (e.getValue() >= n) drop.add(e.getKey());
        for (PyObject o : drop) {
            memo.map.remove(o);
            RefCount.decref(o);
        }
    }

    public void memoClear() {
        memo.clear();
    }

    // ---- the memo ---------------------------------------------------------------------------

    /** id(obj) -> memo index; owns a reference to every key. */
    public static final class Memo {
        final java.util.IdentityHashMap<PyObject, Integer> map = new java.util.IdentityHashMap<>();

        Integer get(PyObject o) {
            return map.get(o);
        }

        int put(PyObject o) {
            int idx = map.size();
            RefCount.incref(o);
            map.put(o, idx);
            return idx;
        }

        public int size() {
            return map.size();
        }

        public void clear() {
            List<PyObject> keys = new ArrayList<>(map.keySet());
            map.clear();
            for (PyObject k : keys) RefCount.decref(k);
        }
    }

    // ---- output -------------------------------------------------------------------------------

    private void ensure(int n) {
        if (len + n > buf.length) {
            int cap = Math.max(buf.length * 2, len + n);
            buf = java.util.Arrays.copyOf(buf, cap);
        }
    }

    private void startFrameIfNeeded() {
        if (framing && frameStart == -1) {
            ensure(Op.FRAME_HEADER_SIZE);
            frameStart = len;
            len += Op.FRAME_HEADER_SIZE;
        }
    }

    void write(byte b) {
        startFrameIfNeeded();
        ensure(1);
        buf[len++] = b;
    }

    void write(byte[] b, int off, int n) {
        startFrameIfNeeded();
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    private void writeAscii(String s) {
        write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void writeLE(byte op, long v, int n) {
        startFrameIfNeeded();
        ensure(1 + n);
        buf[len++] = op;
        for (int i = 0; i < n; i++) buf[len++] = (byte) (v >>> (8 * i));
    }

    /** Closes the open frame: fills its header, or drops the header when the frame is tiny. */
    private void commitFrame() {
        if (!framing || frameStart == -1) return;
        int frameLen = len - frameStart - Op.FRAME_HEADER_SIZE;
        if (frameLen >= Op.FRAME_SIZE_MIN) {
            buf[frameStart] = Op.FRAME;
            for (int i = 0; i < 8; i++) buf[frameStart + 1 + i] = (byte) ((long) frameLen >>> (8 * i));
        } else {
            System.arraycopy(buf, frameStart + Op.FRAME_HEADER_SIZE, buf, frameStart, frameLen);
            len -= Op.FRAME_HEADER_SIZE;
        }
        frameStart = -1;
        flushToFile();
    }

    /** With a file, hands everything committed so far to file.write. */
    private void flushToFile() {
        if (fileWrite == null || len == 0 || frameStart != -1) return;
        PyBytes b = PyBytes.of(java.util.Arrays.copyOf(buf, len));
        len = 0;
        try {
            RefCount.decref(Ops.call(fileWrite, b));
        } finally {
            RefCount.decref(b);
        }
    }

    /** A header and a payload; payloads of 64 KiB or more go outside frames, as CPython does. */
    private void writeBytes(byte[] header, int hlen, byte[] data, int off, int n) {
        boolean bypass = n >= Op.FRAME_SIZE_TARGET;
        boolean wasFraming = framing;
        if (bypass) {
            commitFrame();
            framing = false;
        }
        write(header, 0, hlen);
        write(data, off, n);
        framing = wasFraming;
        if (bypass) flushToFile();
    }

    private void opcodeBoundary() {
        if (!framing || frameStart == -1) return;
        int frameLen = len - frameStart - Op.FRAME_HEADER_SIZE;
        if (frameLen >= Op.FRAME_SIZE_TARGET) commitFrame();
    }

    /** The bytes written (after {@link #dump} with no file). */
    public byte[] result() {
        return java.util.Arrays.copyOf(buf, len);
    }

    // ---- dump -------------------------------------------------------------------------------

    /** Writes PROTO, the object and STOP; with a file, everything ends up written to it. */
    public void dump(PyObject obj) {
        try {
            if (proto >= 2) {
                write(Op.PROTO);
                write((byte) proto);
                if (proto >= 4) framing = true;
            }
            save(obj, false);
            write(Op.STOP);
            commitFrame();
            framing = false;
            flushToFile();
        } finally {
            framing = false;
            frameStart = -1;
        }
    }

    // ---- save ---------------------------------------------------------------------------------

    /** Saves {@code obj} (borrowed). {@code persSave}: obj is a persistent id being saved. */
    void save(PyObject obj, boolean persSave) {
        opcodeBoundary();
        if (!persSave && persFunc != null && savePers(obj)) return;
        PyType t = obj.type();
        if (obj == PyNone.NONE) {
            write(Op.NONE);
            return;
        }
        if (obj == PyBool.TRUE || obj == PyBool.FALSE) {
            saveBool(obj == PyBool.TRUE);
            return;
        }
        if (t == PyInt.TYPE) {
            saveLong((PyInt) obj);
            return;
        }
        if (t == PyFloat.TYPE) {
            saveFloat(((PyFloat) obj).value);
            return;
        }
        Integer m = memo.get(obj);
        if (m != null) {
            memoGet(m);
            return;
        }
        if (t == PyBytes.TYPE) {
            saveBytes((PyBytes) obj);
            return;
        }
        if (t == PyStr.TYPE) {
            saveUnicode((PyStr) obj);
            return;
        }
        if (++depth > recursionLimit()) {
            depth--;
            throw Errors.of(PyExc.RecursionError, "maximum recursion depth exceeded while pickling an object");
        }
        try {
            saveComplex(obj, t);
        } finally {
            depth--;
        }
    }

    private static int recursionLimit() {
        return 1000;
    }

    private void saveComplex(PyObject obj, PyType t) {
        if (t == PyType.DICT) {
            saveDict(obj);
            return;
        }
        if (t == PySet.TYPE) {
            saveSet(obj);
            return;
        }
        if (t == PyFrozenSet.TYPE) {
            saveFrozenSet(obj);
            return;
        }
        if (t == PyList.TYPE) {
            saveList((PyList) obj);
            return;
        }
        if (t == PyTuple.TYPE) {
            saveTuple((PyTuple) obj);
            return;
        }
        if (t == PyByteArray.TYPE) {
            saveByteArray((PyByteArray) obj);
            return;
        }
        if (obj == PickleModule.CODECS_ENCODE) {
            // Gilt has no _codecs module: write the name CPython uses, without the lookup check.
            PyStr mod = PyStr.of("_codecs"), name = PyStr.of("encode");
            try {
                if (proto >= 4) {
                    save(mod, false);
                    save(name, false);
                    write(Op.STACK_GLOBAL);
                } else {
                    writeTextGlobal("_codecs", "encode");
                }
            } finally {
                RefCount.decref(mod);
                RefCount.decref(name);
            }
            memoPut(obj);
            return;
        }
        PyObject rv = null;
        if (hook != null) rv = hook.reduce(this, obj);
        if (rv == null && reducerOverride != null) {
            rv = Ops.call(reducerOverride, obj);
            if (rv == PyNotImplemented.NOT_IMPLEMENTED) {
                RefCount.decref(rv);
                rv = null;
            }
        }
        if (rv == null) {
            if (t == PyType.TYPE) {
                saveType((PyType) obj);
                return;
            }
            if (t == PyFunction.TYPE) {
                saveGlobal(obj, null);
                return;
            }
            PyObject reduceFunc = dispatchFor(t);
            try {
                if (reduceFunc != null) {
                    rv = Ops.call(reduceFunc, obj);
                } else if (t.isSubtypeOf(PyType.TYPE)) {
                    saveGlobal(obj, null);
                    return;
                } else {
                    rv = Builtins.reduce(this, obj, t);
                }
            } finally {
                RefCount.xdecref(reduceFunc);
            }
        }
        try {
            if (rv instanceof PyStr s) {
                saveGlobal(obj, s);
                return;
            }
            if (!(rv instanceof PyTuple tup)) {
                throw PickleModule.picklingError("__reduce__ must return a string or tuple");
            }
            saveReduce(tup, obj);
        } finally {
            RefCount.decref(rv);
        }
    }

    /** The reduce function for type {@code t} from the dispatch table in use (new ref), or null. */
    private PyObject dispatchFor(PyType t) {
        if (dispatchTable == null) {
            PyObject table = PickleModule.copyregAttr("dispatch_table");
            try {
                if (table instanceof PyDict d) {
                    PyObject f = d.getItem(t);
                    return f == null ? null : RefCount.newRef(f);
                }
                return null;
            } finally {
                RefCount.xdecref(table);
            }
        }
        try {
            return Ops.getItem(dispatchTable, t);
        } catch (PyException e) {
            if (!e.matches(PyExc.KeyError)) throw e;
            RefCount.decref(e.exc);
            return null;
        }
    }

    private boolean savePers(PyObject obj) {
        PyObject pid = Ops.call(persFunc, obj);
        try {
            if (pid == PyNone.NONE) return false;
            if (bin) {
                save(pid, true);
                write(Op.BINPERSID);
            } else {
                String s = Ops.strString(pid);
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) > 127) throw PickleModule.picklingError("persistent IDs in protocol 0 must be ASCII strings");
                }
                write(Op.PERSID);
                writeAscii(s + "\n");
            }
            return true;
        } finally {
            RefCount.decref(pid);
        }
    }

    // ---- atoms --------------------------------------------------------------------------------

    private void saveBool(boolean b) {
        if (proto >= 2) {
            write(b ? Op.NEWTRUE : Op.NEWFALSE);
        } else {
            writeAscii(b ? "I01\n" : "I00\n");
        }
    }

    void saveLong(PyInt i) {
        if (i.big == null && i.value <= 0x7fffffffL && i.value >= -0x80000000L) {
            long v = i.value;
            if (bin) {
                if ((v & 0xffff0000L) != 0 || v < 0) {
                    writeLE(Op.BININT, v, 4);
                } else if ((v & 0xff00L) != 0) {
                    writeLE(Op.BININT2, v, 2);
                } else {
                    writeLE(Op.BININT1, v, 1);
                }
            } else {
                writeAscii("I" + v + "\n");
            }
            return;
        }
        BigInteger b = i.bigValue();
        if (proto >= 2) {
            byte[] le = encodeLong(b);
            if (le.length < 256) {
                byte[] h = {Op.LONG1, (byte) le.length};
                write(h);
            } else {
                writeLE(Op.LONG4, le.length, 4);
            }
            write(le);
        } else {
            writeAscii("L" + b + "L\n");
        }
    }

    /** Two's complement, little-endian, as few bytes as CPython's encode_long uses (never 0 bytes here). */
    static byte[] encodeLong(BigInteger x) {
        if (x.signum() == 0) return new byte[0];
        int nbits = x.abs().bitLength();
        int nbytes = (nbits >> 3) + 1;
        byte[] be = x.toByteArray(); // big-endian two's complement, minimal
        byte[] le = new byte[nbytes];
        byte fill = (byte) (x.signum() < 0 ? 0xff : 0);
        for (int k = 0; k < nbytes; k++) {
            int src = be.length - 1 - k;
            le[k] = src >= 0 ? be[src] : fill;
        }
        if (x.signum() < 0 && nbytes > 1 && le[nbytes - 1] == (byte) 0xff && (le[nbytes - 2] & 0x80) != 0) {
            return java.util.Arrays.copyOf(le, nbytes - 1);
        }
        return le;
    }

    private void saveFloat(double d) {
        if (bin) {
            long bits = Double.doubleToRawLongBits(d);
            startFrameIfNeeded();
            ensure(9);
            buf[len++] = Op.BINFLOAT;
            for (int k = 7; k >= 0; k--) buf[len++] = (byte) (bits >>> (8 * k));
        } else {
            PyFloat f = PyFloat.of(d);
            String r = Ops.reprString(f);
            RefCount.decref(f);
            if (r.indexOf('.') < 0 && r.indexOf('e') < 0 && !r.equals("inf") && !r.equals("-inf") && !r.equals("nan")) r += ".0";
            write(Op.FLOAT);
            writeAscii(r + "\n");
        }
    }

    // ---- strings and bytes ------------------------------------------------------------------

    private void saveBytes(PyBytes b) {
        if (proto < 3) {
            PyObject rv;
            if (b.value.length == 0) {
                rv = PyTuple.of(PyBytes.TYPE, PyTuple.EMPTY);
            } else {
                PyObject enc = PickleModule.codecsEncode();
                PyStr s = PyStr.of(new String(b.value, StandardCharsets.ISO_8859_1));
                PyTuple args = PyTuple.steal(s, LATIN1);
                rv = PyTuple.steal(enc, args);
            }
            try {
                saveReduce((PyTuple) rv, b);
            } finally {
                RefCount.decref(rv);
            }
            return;
        }
        byte[] v = b.value;
        int n = v.length;
        byte[] h = new byte[9];
        int hl;
        if (n <= 0xff) {
            h[0] = Op.SHORT_BINBYTES;
            h[1] = (byte) n;
            hl = 2;
        } else {
            h[0] = Op.BINBYTES;
            for (int k = 0; k < 4; k++) h[1 + k] = (byte) (n >>> (8 * k));
            hl = 5;
        }
        writeBytes(h, hl, v, 0, n);
        memoPut(b);
    }

    private void saveUnicode(PyStr s) {
        if (bin) {
            byte[] u = utf8Surrogatepass(s.value);
            int n = u.length;
            byte[] h = new byte[9];
            int hl;
            if (n <= 0xff && proto >= 4) {
                h[0] = Op.SHORT_BINUNICODE;
                h[1] = (byte) n;
                hl = 2;
            } else {
                h[0] = Op.BINUNICODE;
                for (int k = 0; k < 4; k++) h[1 + k] = (byte) (n >>> (8 * k));
                hl = 5;
            }
            writeBytes(h, hl, u, 0, n);
        } else {
            write(Op.UNICODE);
            write(rawUnicodeEscape(s.value));
            write((byte) '\n');
        }
        memoPut(s);
    }

    /** UTF-8 that keeps lone surrogates (CPython's 'surrogatepass'). */
    static byte[] utf8Surrogatepass(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                plain = false;
                break;
            }
        }
        if (plain) return s.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() * 3);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | (cp >> 6));
                out.write(0x80 | (cp & 0x3f));
            } else if (cp < 0x10000) {
                out.write(0xe0 | (cp >> 12));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            } else {
                out.write(0xf0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3f));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            }
        }
        return out.toByteArray();
    }

    /** Protocol 0 text: raw-unicode-escape, with backslash, newline, CR, NUL and ^Z escaped too. */
    static byte[] rawUnicodeEscape(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            String esc = null;
            if (cp >= 0x10000) {
                esc = String.format("\\U%08x", cp);
            } else if (cp >= 0x100) {
                esc = String.format("\\u%04x", cp);
            } else if (cp == '\\' || cp == '\n' || cp == '\r' || cp == 0 || cp == 0x1a) {
                esc = String.format("\\u%04x", cp);
            }
            if (esc != null) {
                out.writeBytes(esc.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write(cp);
            }
        }
        return out.toByteArray();
    }

    private void saveByteArray(PyByteArray b) {
        if (proto < 5) {
            PyObject rv;
            if (b.size == 0) {
                rv = PyTuple.of(PyByteArray.TYPE, PyTuple.EMPTY);
            } else {
                PyBytes bytes = PyBytes.of(b.toByteArray());
                rv = PyTuple.steal(RefCount.newRef(PyByteArray.TYPE), PyTuple.steal(bytes));
            }
            try {
                saveReduce((PyTuple) rv, b);
            } finally {
                RefCount.decref(rv);
            }
            return;
        }
        byte[] h = new byte[9];
        h[0] = Op.BYTEARRAY8;
        for (int k = 0; k < 8; k++) h[1 + k] = (byte) ((long) b.size >>> (8 * k));
        writeBytes(h, 9, b.buf, 0, b.size);
        memoPut(b);
    }

    // ---- memo opcodes -------------------------------------------------------------------------

    void memoPut(PyObject obj) {
        int idx = memo.put(obj);
        if (proto >= 4) {
            write(Op.MEMOIZE);
        } else if (!bin) {
            write(Op.PUT);
            writeAscii(idx + "\n");
        } else if (idx < 256) {
            byte[] h = {Op.BINPUT, (byte) idx};
            write(h);
        } else {
            writeLE(Op.LONG_BINPUT, idx, 4);
        }
    }

    private void memoGet(int idx) {
        if (!bin) {
            write(Op.GET);
            writeAscii(idx + "\n");
        } else if (idx < 256) {
            byte[] h = {Op.BINGET, (byte) idx};
            write(h);
        } else {
            writeLE(Op.LONG_BINGET, idx, 4);
        }
    }

    // ---- containers ---------------------------------------------------------------------------

    private void saveTuple(PyTuple t) {
        int n = t.size();
        if (n == 0) {
            if (proto >= 1) {
                write(Op.EMPTY_TUPLE);
            } else {
                write(Op.MARK);
                write(Op.TUPLE);
            }
            return;
        }
        if (n <= 3 && proto >= 2) {
            for (int i = 0; i < n; i++) save(t.get(i), false);
            Integer m = memo.get(t);
            if (m != null) {
                for (int i = 0; i < n; i++) write(Op.POP);
                memoGet(m);
                return;
            }
            write(n == 1 ? Op.TUPLE1 : n == 2 ? Op.TUPLE2 : Op.TUPLE3);
            memoPut(t);
            return;
        }
        write(Op.MARK);
        for (int i = 0; i < n; i++) save(t.get(i), false);
        Integer m = memo.get(t);
        if (m != null) {
            if (bin) {
                write(Op.POP_MARK);
            } else {
                for (int i = 0; i <= n; i++) write(Op.POP);
            }
            memoGet(m);
            return;
        }
        write(Op.TUPLE);
        memoPut(t);
    }

    private void saveList(PyList l) {
        if (bin) {
            write(Op.EMPTY_LIST);
        } else {
            write(Op.MARK);
            write(Op.LIST);
        }
        memoPut(l);
        if (l.size == 0) return;
        if (proto > 0) {
            batchListExact(l);
        } else {
            PyObject it = Ops.iter(l);
            try {
                batchList(it);
            } finally {
                RefCount.decref(it);
            }
        }
    }

    private void batchListExact(PyList l) {
        if (l.size == 1) {
            PyObject item = RefCount.newRef(l.items[0]);
            try {
                save(item, false);
            } finally {
                RefCount.decref(item);
            }
            write(Op.APPEND);
            return;
        }
        int total = 0;
        do {
            int thisBatch = 0;
            write(Op.MARK);
            while (total < l.size) {
                PyObject item = RefCount.newRef(l.items[total]);
                try {
                    save(item, false);
                } finally {
                    RefCount.decref(item);
                }
                total++;
                if (++thisBatch == Op.BATCHSIZE) break;
            }
            write(Op.APPENDS);
        } while (total < l.size);
    }

    /** APPEND/APPENDS for the items of an iterator (borrowed). */
    private void batchList(PyObject it) {
        if (proto == 0) {
            for (PyObject o; (o = Ops.next(it)) != null; ) {
                try {
                    save(o, false);
                } finally {
                    RefCount.decref(o);
                }
                write(Op.APPEND);
            }
            return;
        }
        int n;
        do {
            PyObject first = Ops.next(it);
            if (first == null) break;
            PyObject o;
            try {
                o = Ops.next(it);
                if (o == null) {
                    save(first, false);
                    write(Op.APPEND);
                    break;
                }
                write(Op.MARK);
                save(first, false);
            } finally {
                RefCount.decref(first);
            }
            n = 1;
            while (o != null) {
                try {
                    save(o, false);
                } finally {
                    RefCount.decref(o);
                }
                n++;
                if (n == Op.BATCHSIZE) break;
                o = Ops.next(it);
            }
            write(Op.APPENDS);
            if (n != Op.BATCHSIZE) break;
        } while (true);
    }

    private void saveDict(PyObject obj) {
        PyDict d = (PyDict) obj;
        if (bin) {
            write(Op.EMPTY_DICT);
        } else {
            write(Op.MARK);
            write(Op.DICT);
        }
        memoPut(d);
        if (d.size() == 0) return;
        if (proto > 0) {
            batchDictExact(d);
        } else {
            PyObject items = Ops.callMethod(d, "items");
            PyObject it;
            try {
                it = Ops.iter(items);
            } finally {
                RefCount.decref(items);
            }
            try {
                batchDict(it);
            } finally {
                RefCount.decref(it);
            }
        }
    }

    private void saveItem(PyDict d, int slot) {
        PyObject k = RefCount.newRef(d.keyAt(slot));
        PyObject v = RefCount.newRef(d.valueAt(slot));
        try {
            save(k, false);
            save(v, false);
        } finally {
            RefCount.decref(k);
            RefCount.decref(v);
        }
    }

    private void batchDictExact(PyDict d) {
        int size = d.size();
        if (size == 1) {
            for (int s = 0; s < d.entrySlots(); s++) {
                if (d.keyAt(s) != null) {
                    saveItem(d, s);
                    break;
                }
            }
            write(Op.SETITEM);
            return;
        }
        int slot = 0;
        int i;
        do {
            i = 0;
            write(Op.MARK);
            while (slot < d.entrySlots()) {
                int s = slot++;
                if (d.keyAt(s) == null) continue;
                saveItem(d, s);
                if (++i == Op.BATCHSIZE) break;
            }
            write(Op.SETITEMS);
            if (d.size() != size) throw Errors.runtimeError("dictionary changed size during iteration");
        } while (i == Op.BATCHSIZE);
    }

    /** SETITEM/SETITEMS for an iterator of (key, value) pairs (borrowed). */
    private void batchDict(PyObject it) {
        if (proto == 0) {
            for (PyObject o; (o = Ops.next(it)) != null; ) {
                try {
                    savePair(o);
                } finally {
                    RefCount.decref(o);
                }
                write(Op.SETITEM);
            }
            return;
        }
        int n;
        do {
            PyObject first = Ops.next(it);
            if (first == null) break;
            PyObject o;
            try {
                checkPair(first);
                o = Ops.next(it);
                if (o == null) {
                    savePair(first);
                    write(Op.SETITEM);
                    break;
                }
                write(Op.MARK);
                savePair(first);
            } finally {
                RefCount.decref(first);
            }
            n = 1;
            while (o != null) {
                try {
                    checkPair(o);
                    savePair(o);
                } finally {
                    RefCount.decref(o);
                }
                n++;
                if (n == Op.BATCHSIZE) break;
                o = Ops.next(it);
            }
            write(Op.SETITEMS);
            if (n != Op.BATCHSIZE) break;
        } while (true);
    }

    private static void checkPair(PyObject o) {
        if (!(o instanceof PyTuple t) || t.size() != 2) throw Errors.typeError("dict items iterator must return 2-tuples");
    }

    private void savePair(PyObject o) {
        checkPair(o);
        PyTuple t = (PyTuple) o;
        save(t.get(0), false);
        save(t.get(1), false);
    }

    private void saveSet(PyObject obj) {
        PySet s = (PySet) obj;
        if (proto < 4) {
            PyList items = s.toList();
            PyTuple rv = PyTuple.steal(RefCount.newRef(PySet.TYPE), PyTuple.steal(items));
            try {
                saveReduce(rv, s);
            } finally {
                RefCount.decref(rv);
            }
            return;
        }
        write(Op.EMPTY_SET);
        memoPut(s);
        int size = s.size();
        if (size == 0) return;
        List<PyObject> items = new ArrayList<>(size);
        s.forEachEntry((k, h) -> {
            RefCount.incref(k);
            items.add(k);
        });
        int pos = 0;
        int i;
        try {
            do {
                i = 0;
                write(Op.MARK);
                while (pos < items.size()) {
                    save(items.get(pos++), false);
                    if (++i == Op.BATCHSIZE) break;
                }
                write(Op.ADDITEMS);
                if (s.size() != size) throw Errors.runtimeError("set changed size during iteration");
            } while (i == Op.BATCHSIZE);
        } finally {
            for (PyObject k : items) RefCount.decref(k);
        }
    }

    private void saveFrozenSet(PyObject obj) {
        PyFrozenSet s = (PyFrozenSet) obj;
        if (proto < 4) {
            PyList items = s.toList();
            PyTuple rv = PyTuple.steal(RefCount.newRef(PyFrozenSet.TYPE), PyTuple.steal(items));
            try {
                saveReduce(rv, s);
            } finally {
                RefCount.decref(rv);
            }
            return;
        }
        write(Op.MARK);
        PyList items = s.toList();
        try {
            for (int i = 0; i < items.size; i++) save(items.items[i], false);
        } finally {
            RefCount.decref(items);
        }
        Integer m = memo.get(s);
        if (m != null) {
            write(Op.POP_MARK);
            memoGet(m);
            return;
        }
        write(Op.FROZENSET);
        memoPut(s);
    }

    // ---- globals ------------------------------------------------------------------------------

    private void saveType(PyType t) {
        PyObject singleton = t == PyNone.TYPE ? PyNone.NONE : t == PyEllipsis.TYPE ? PyEllipsis.ELLIPSIS
                : t == PyNotImplemented.TYPE ? PyNotImplemented.NOT_IMPLEMENTED : null;
        if (singleton != null) {
            PyTuple rv = PyTuple.of(PyType.TYPE, PyTuple.of(singleton));
            try {
                saveReduce(rv, t);
            } finally {
                RefCount.decref(rv);
            }
            return;
        }
        saveGlobal(t, null);
    }

    /**
     * Saves {@code obj} by reference: module and qualified name, after checking that importing
     * the module and looking the name up gives the same object (CPython's save_global).
     */
    void saveGlobal(PyObject obj, PyStr name) {
        PyStr globalName;
        if (name != null) {
            globalName = RefCount.newRef(name);
        } else {
            PyObject q = Ops.lookupAttr(obj, PyStr.intern("__qualname__"));
            if (q == null) q = Ops.getAttr(obj, PyStr.intern("__name__"));
            if (!(q instanceof PyStr qs)) {
                RefCount.decref(q);
                throw Errors.typeError("attribute name must be string");
            }
            globalName = qs;
        }
        try {
            String[] path = dottedPath(globalName.value);
            PyStr moduleObj = whichModule(obj, path);
            String moduleName = moduleObj.value;
            PyObject module;
            try {
                module = PickleModule.importModule(moduleName);
            } catch (PyException e) {
                RefCount.decref(e.exc);
                RefCount.decref(moduleObj);
                throw PickleModule.picklingError("Can't pickle %s: import of module %s failed",
                        Ops.reprString(obj), PickleModule.strRepr(moduleName));
            }
            PyObject parent = null;
            PyObject cls = null;
            try {
                PyObject cur = RefCount.newRef(module);
                for (String part : path) {
                    PyObject next = Ops.lookupAttr(cur, PyStr.of(part));
                    RefCount.xdecref(parent);
                    parent = cur;
                    cur = next;
                    if (cur == null) break;
                }
                cls = cur;
                if (cls == null) {
                    throw PickleModule.picklingError("Can't pickle %s: attribute lookup %s on %s failed",
                            Ops.reprString(obj), globalName.value, moduleName);
                }
                if (cls != obj) {
                    throw PickleModule.picklingError("Can't pickle %s: it's not the same object as %s.%s",
                            Ops.reprString(obj), moduleName, globalName.value);
                }
                String lastName = path[path.length - 1];
                if (proto >= 2) {
                    Integer code = extensionCode(moduleName, globalName.value);
                    if (code != null) {
                        int c = code;
                        if (c <= 0xff) {
                            byte[] h = {Op.EXT1, (byte) c};
                            write(h);
                        } else if (c <= 0xffff) {
                            writeLE(Op.EXT2, c, 2);
                        } else {
                            writeLE(Op.EXT4, c, 4);
                        }
                        return;
                    }
                }
                String gname = parent == module ? lastName : globalName.value;
                if (proto >= 4) {
                    // The very str objects CPython would save (module.__name__, the qualname), so
                    // repeated module names hit the memo exactly as there.
                    PyStr gn = path.length == 1 || parent != module ? RefCount.newRef(globalName) : PyStr.of(gname);
                    try {
                        save(moduleObj, false);
                        save(gn, false);
                    } finally {
                        RefCount.decref(gn);
                    }
                    write(Op.STACK_GLOBAL);
                } else if (parent != module) {
                    PyObject getattr = PickleModule.builtin("getattr");
                    PyTuple rv = PyTuple.steal(getattr, PyTuple.steal(RefCount.newRef(parent), PyStr.of(lastName)));
                    try {
                        saveReduce(rv, null);
                    } finally {
                        RefCount.decref(rv);
                    }
                } else {
                    writeTextGlobal(moduleName, gname);
                }
                memoPut(obj);
            } finally {
                RefCount.xdecref(cls);
                RefCount.xdecref(parent);
                RefCount.decref(module);
                RefCount.decref(moduleObj);
            }
        } finally {
            RefCount.decref(globalName);
        }
    }

    /** GLOBAL with module and name as text lines (protocols 0-3), with Python 2 names for 0-2. */
    void writeTextGlobal(String moduleName, String gname) {
        if (proto < 3 && fixImports) {
            String[] fixed = CompatNames.toPython2(moduleName, gname);
            moduleName = fixed[0];
            gname = fixed[1];
        }
        write(Op.GLOBAL);
        write(encodeIdent(moduleName, "module"));
        write((byte) '\n');
        write(encodeIdent(gname, "global"));
        write((byte) '\n');
    }

    private byte[] encodeIdent(String s, String what) {
        if (proto == 3) return s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                throw PickleModule.picklingError("can't pickle %s identifier '%s' using pickle protocol %d", what, s, proto);
            }
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A dotted name's parts; "<locals>" in it means the object cannot be found by name. */
    static String[] dottedPath(String name) {
        String[] parts = name.split("\\.", -1);
        for (String p : parts) {
            if (p.equals("<locals>")) {
                throw Errors.attributeError("Can't pickle local object %s", PickleModule.strRepr(name));
            }
        }
        return parts;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, PyStr> CFUNC_MODULES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The module name of builtin functions: in CPython one str object per module, distinct from
     * the interned name that builtin types report, which decides where the memo hits.
     */
    private static PyStr cfuncModuleName(String name) {
        return CFUNC_MODULES.computeIfAbsent(name, n -> RefCount.immortalize(new PyStr(n)));
    }

    /** obj.__module__, else the first module in sys.modules holding obj under that name. */
    private static PyStr whichModule(PyObject obj, String[] path) {
        PyObject m = Ops.lookupAttr(obj, PyStr.intern("__module__"));
        if (m != null && m != PyNone.NONE) {
            // Interned: CPython's module names are one shared object per module (so a repeated
            // module name is a memo hit there); Gilt may hand out equal copies.
            if (m instanceof PyStr s && s.type() == PyStr.TYPE) {
                PyStr in = obj instanceof PyBuiltinFunction ? cfuncModuleName(s.value) : PyStr.intern(s.value);
                RefCount.decref(m);
                return in;
            }
            try {
                return PyStr.of(Ops.strString(m));
            } finally {
                RefCount.decref(m);
            }
        }
        RefCount.xdecref(m);
        Interp in = Interp.main();
        PyDict modules = in.modules.copy();
        try {
            for (int i = 0; i < modules.entrySlots(); i++) {
                PyObject k = modules.keyAt(i);
                if (!(k instanceof PyStr ks)) continue;
                PyObject mod = modules.valueAt(i);
                if (ks.value.equals("__main__") || ks.value.equals("__mp_main__") || mod == null || mod == PyNone.NONE) continue;
                PyObject cur = RefCount.newRef(mod);
                for (String part : path) {
                    PyObject next;
                    try {
                        next = Ops.lookupAttr(cur, PyStr.of(part));
                    } catch (PyException e) {
                        RefCount.decref(e.exc);
                        next = null;
                    }
                    RefCount.decref(cur);
                    cur = next;
                    if (cur == null) break;
                }
                if (cur != null) {
                    RefCount.decref(cur);
                    if (cur == obj) return RefCount.newRef(ks);
                }
            }
        } finally {
            RefCount.decref(modules);
        }
        return PyStr.intern("__main__");
    }

    private static Integer extensionCode(String module, String name) {
        PyObject reg = PickleModule.copyregAttr("_extension_registry");
        try {
            if (!(reg instanceof PyDict d) || d.size() == 0) return null;
            PyTuple key = PyTuple.steal(PyStr.of(module), PyStr.of(name));
            try {
                PyObject code = d.getItem(key);
                if (code == null) return null;
                long c = dev.gilt.stdlib.util.Args.asLong(code);
                if (c <= 0 || c > 0x7fffffffL) throw PickleModule.picklingError("Can't pickle %s: extension code %d is out of range", name, c);
                return (int) c;
            } finally {
                RefCount.decref(key);
            }
        } finally {
            RefCount.xdecref(reg);
        }
    }

    // ---- reduce -------------------------------------------------------------------------------

    /**
     * Saves what a reduce tuple describes (CPython's save_reduce): NEWOBJ/NEWOBJ_EX for
     * copyreg.__newobj__/__newobj_ex__ at protocol 2+, else callable + args + REDUCE; memoizes
     * {@code obj} (may be null); then list items, dict items and the state (BUILD, or the
     * state setter called through REDUCE and popped).
     */
    void saveReduce(PyTuple args, PyObject obj) {
        int size = args.size();
        if (size < 2 || size > 6) {
            throw PickleModule.picklingError("tuple returned by __reduce__ must contain 2 through 6 elements");
        }
        PyObject callable = args.get(0);
        PyObject argtup = args.get(1);
        PyObject state = size > 2 ? args.get(2) : null;
        PyObject listitems = size > 3 ? args.get(3) : null;
        PyObject dictitems = size > 4 ? args.get(4) : null;
        PyObject stateSetter = size > 5 ? args.get(5) : null;
        if (callable.type().call == null) {
            throw PickleModule.picklingError("first item of the tuple returned by __reduce__ must be callable");
        }
        if (!(argtup instanceof PyTuple at)) {
            throw PickleModule.picklingError("second item of the tuple returned by __reduce__ must be a tuple");
        }
        if (state == PyNone.NONE) state = null;
        if (listitems == PyNone.NONE) listitems = null;
        else if (listitems != null && listitems.type().next == null) {
            throw PickleModule.picklingError("fourth element of the tuple returned by __reduce__ must be an iterator, not %s",
                    listitems.type().name());
        }
        if (dictitems == PyNone.NONE) dictitems = null;
        else if (dictitems != null && dictitems.type().next == null) {
            throw PickleModule.picklingError("fifth element of the tuple returned by __reduce__ must be an iterator, not %s",
                    dictitems.type().name());
        }
        if (stateSetter == PyNone.NONE) stateSetter = null;
        else if (stateSetter != null && stateSetter.type().call == null) {
            throw PickleModule.picklingError("sixth element of the tuple returned by __reduce__ must be a function, not %s",
                    stateSetter.type().name());
        }
        boolean newobj = false, newobjEx = false;
        if (proto >= 2) {
            PyObject n = Ops.lookupAttr(callable, PyStr.intern("__name__"));
            if (n instanceof PyStr ns) {
                newobjEx = ns.value.equals("__newobj_ex__");
                newobj = !newobjEx && ns.value.equals("__newobj__");
            }
            RefCount.xdecref(n);
        }
        if (newobjEx) {
            if (at.size() != 3) {
                throw PickleModule.picklingError("length of the NEWOBJ_EX argument tuple must be exactly 3, not %d", at.size());
            }
            PyObject cls = at.get(0), a = at.get(1), kw = at.get(2);
            if (!(cls instanceof PyType)) {
                throw PickleModule.picklingError("first item from NEWOBJ_EX argument tuple must be a class, not %s", cls.type().name());
            }
            if (!(a instanceof PyTuple)) {
                throw PickleModule.picklingError("second item from NEWOBJ_EX argument tuple must be a tuple, not %s", a.type().name());
            }
            if (!(kw instanceof PyDict)) {
                throw PickleModule.picklingError("third item from NEWOBJ_EX argument tuple must be a dict, not %s", kw.type().name());
            }
            if (proto >= 4) {
                save(cls, false);
                save(a, false);
                save(kw, false);
                write(Op.NEWOBJ_EX);
            } else {
                PyObject partial = PickleModule.moduleAttr("functools", "partial");
                PyTuple pa = (PyTuple) a;
                PyObject[] all = new PyObject[pa.size() + 2];
                all[0] = Ops.getAttr(cls, PyStr.intern("__new__"));
                all[1] = cls;
                System.arraycopy(pa.items, 0, all, 2, pa.size());
                PyObject p;
                try {
                    PyObject kwTuple = Builtins.callWithKw(partial, all, (PyDict) kw);
                    p = kwTuple;
                } finally {
                    RefCount.decref(all[0]);
                    RefCount.decref(partial);
                }
                try {
                    save(p, false);
                    save(PyTuple.EMPTY, false);
                    write(Op.REDUCE);
                } finally {
                    RefCount.decref(p);
                }
            }
        } else if (newobj) {
            if (at.size() < 1) throw PickleModule.picklingError("__newobj__ arglist is empty");
            PyObject cls = at.get(0);
            if (!(cls instanceof PyType)) throw PickleModule.picklingError("args[0] from __newobj__ args is not a type");
            if (obj != null) {
                PyObject oc = Ops.getAttr(obj, PyStr.intern("__class__"));
                boolean wrong = oc != cls;
                RefCount.decref(oc);
                if (wrong) throw PickleModule.picklingError("args[0] from __newobj__ args has the wrong class");
            }
            save(cls, false);
            PyTuple rest = PyTuple.fromArray(at.items, 1, at.size());
            try {
                save(rest, false);
            } finally {
                RefCount.decref(rest);
            }
            write(Op.NEWOBJ);
        } else {
            save(callable, false);
            save(argtup, false);
            write(Op.REDUCE);
        }
        if (obj != null) {
            Integer m = memo.get(obj);
            if (m != null) {
                write(Op.POP);
                memoGet(m);
                return;
            }
            memoPut(obj);
        }
        if (listitems != null) batchList(listitems);
        if (dictitems != null) batchDict(dictitems);
        if (state != null) {
            if (stateSetter == null) {
                save(state, false);
                write(Op.BUILD);
            } else {
                save(stateSetter, false);
                save(obj, false);
                save(state, false);
                write(Op.TUPLE2);
                write(Op.REDUCE);
                write(Op.POP);
            }
        }
    }

    /** Exposed to hooks: the base-class behaviour for an object (save by reference etc.). */
    public void saveObject(PyObject obj) {
        save(obj, false);
    }

    static boolean isModule(PyObject o) {
        return o instanceof PyModule;
    }

    static boolean isBuiltinFunction(PyObject o) {
        return o instanceof PyBuiltinFunction;
    }

    static boolean isMethodDescr(PyObject o) {
        return o instanceof PyMethodDescr;
    }

    static boolean isBoundMethod(PyObject o) {
        return o instanceof PyMethod;
    }

    static boolean isException(PyObject o) {
        return o instanceof PyBaseException;
    }
}
