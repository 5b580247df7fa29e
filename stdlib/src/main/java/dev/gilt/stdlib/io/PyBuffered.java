package dev.gilt.stdlib.io;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Prop;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * {@code BufferedReader}, {@code BufferedWriter} and {@code BufferedRandom}: one Java class over a
 * {@link PyFileIO}, with a read buffer and a write buffer (never both non-empty: switching
 * direction flushes or rewinds first).
 */
public final class PyBuffered extends PyIOBase implements BinaryLayer {
    /** Serialises threads using this object (see {@link IoLock}). */
    final IoLock ioLock = new IoLock();

    public static final PyType READER = Attr.install(PyType.builtin("BufferedReader", PyBuffered.class, BUFFERED), "_io");
    public static final PyType WRITER = Attr.install(PyType.builtin("BufferedWriter", PyBuffered.class, BUFFERED), "_io");
    public static final PyType RANDOM = Attr.install(PyType.builtin("BufferedRandom", PyBuffered.class, BUFFERED), "_io");

    public static final int DEFAULT_BUFFER_SIZE = 8192;

    private final PyType type;
    /** The raw file (owned). */
    PyFileIO raw;
    private final byte[] rbuf;
    private int rpos, rlen;
    private byte[] wbuf;
    private int wlen;

    PyBuffered(PyType type, PyFileIO raw, int size) {
        this.type = type;
        this.raw = RefCount.newRef(raw);
        int n = size > 0 ? size : DEFAULT_BUFFER_SIZE;
        this.rbuf = new byte[n];
        this.wbuf = new byte[n];
        IoModule.track(this);
    }

    /** The buffered object open() puts over {@code raw}. */
    static PyBuffered over(PyFileIO raw, int size) {
        PyType t = raw.readable && raw.writable ? RANDOM : raw.writable ? WRITER : READER;
        return new PyBuffered(t, raw, size);
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public boolean isClosed() {
        return raw == null || raw.isClosed();
    }

    // ---- BinaryLayer -----------------------------------------------------------------------

    /** Drops read-ahead (moving the raw position back to the logical one). */
    private void dropReadAhead() {
        if (rlen > rpos && raw.layerSeekable()) raw.seekBytes(-(long) (rlen - rpos), 1);
        rpos = rlen = 0;
    }

    private void flushWrites() {
        if (wlen > 0) {
            int n = wlen;
            wlen = 0;
            raw.writeBytes(wbuf, 0, n);
        }
    }

    @Override
    public int readInto(byte[] b, int off, int len) {
        ioLock.lock();
        try {
            return readIntoUnlocked(b, off, len);
        } finally {
            ioLock.unlock();
        }
    }

    private int readIntoUnlocked(byte[] b, int off, int len) {
        checkClosed();
        if (!raw.readable) throw unsupported("read");
        flushWrites();
        if (len == 0) return 0;
        if (rpos < rlen) {
            int n = Math.min(len, rlen - rpos);
            System.arraycopy(rbuf, rpos, b, off, n);
            rpos += n;
            return n;
        }
        if (len >= rbuf.length) return raw.readInto(b, off, len);
        if (!fill()) return -1;
        int n = Math.min(len, rlen - rpos);
        System.arraycopy(rbuf, rpos, b, off, n);
        rpos += n;
        return n;
    }

    /** One raw read into the empty buffer; false at end of file. */
    private boolean fill() {
        rpos = rlen = 0;
        int n = raw.readInto(rbuf, 0, rbuf.length);
        if (n <= 0) return false;
        rlen = n;
        return true;
    }

    @Override
    public void writeBytes(byte[] b, int off, int len) {
        ioLock.lock();
        try {
            writeBytesUnlocked(b, off, len);
        } finally {
            ioLock.unlock();
        }
    }

    private void writeBytesUnlocked(byte[] b, int off, int len) {
        checkClosed();
        if (!raw.writable) throw unsupported("write");
        if (rlen > rpos) dropReadAhead();
        rpos = rlen = 0;
        if (wlen + len > wbuf.length) {
            flushWrites();
            if (len >= wbuf.length) {
                raw.writeBytes(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, wbuf, wlen, len);
        wlen += len;
    }

    @Override
    public void flushBytes() {
        ioLock.lock();
        try {
            flushBytesUnlocked();
        } finally {
            ioLock.unlock();
        }
    }

    private void flushBytesUnlocked() {
        checkClosed();
        flushWrites();
        raw.flushBytes();
    }

    @Override
    public long seekBytes(long pos, int whence) {
        checkClosed();
        if (whence < 0 || whence > 2) throw Errors.valueError("whence value %d unsupported", whence);
        flushWrites();
        if (whence == 1) pos -= (rlen - rpos);
        rpos = rlen = 0;
        return raw.seekBytes(pos, whence);
    }

    @Override
    public long tellBytes() {
        checkClosed();
        return raw.tellBytes() - (rlen - rpos) + wlen;
    }

    @Override
    public void truncateBytes(long size) {
        checkClosed();
        flushWrites();
        dropReadAhead();
        raw.truncateBytes(size);
    }

    @Override
    public boolean layerReadable() {
        return raw.readable;
    }

    @Override
    public boolean layerWritable() {
        return raw.writable;
    }

    @Override
    public boolean layerSeekable() {
        return raw.layerSeekable();
    }

    // ---- reading helpers ---------------------------------------------------------------------

    byte[] read(long n) {
        ioLock.lock();
        try {
            return readUnlocked(n);
        } finally {
            ioLock.unlock();
        }
    }

    private byte[] readUnlocked(long n) {
        checkClosed();
        if (!raw.readable) throw unsupported("read");
        flushWrites();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (n < 0) {
            out.write(rbuf, rpos, rlen - rpos);
            rpos = rlen = 0;
            out.writeBytes(raw.readAllBytes());
            return out.toByteArray();
        }
        while (out.size() < n) {
            if (rpos >= rlen && !fill()) break;
            int k = (int) Math.min(n - out.size(), rlen - rpos);
            out.write(rbuf, rpos, k);
            rpos += k;
        }
        return out.toByteArray();
    }

    byte[] read1(long n) {
        ioLock.lock();
        try {
            return read1Unlocked(n);
        } finally {
            ioLock.unlock();
        }
    }

    private byte[] read1Unlocked(long n) {
        checkClosed();
        flushWrites();
        if (rpos >= rlen && !fill()) return new byte[0];
        int k = (int) (n < 0 ? rlen - rpos : Math.min(n, rlen - rpos));
        byte[] r = Arrays.copyOfRange(rbuf, rpos, rpos + k);
        rpos += k;
        return r;
    }

    byte[] peek() {
        ioLock.lock();
        try {
            return peekUnlocked();
        } finally {
            ioLock.unlock();
        }
    }

    private byte[] peekUnlocked() {
        checkClosed();
        flushWrites();
        if (rpos >= rlen) fill();
        return Arrays.copyOfRange(rbuf, rpos, rlen);
    }

    @Override
    public PyObject readline(long limit) {
        ioLock.lock();
        try {
            return readlineUnlocked(limit);
        } finally {
            ioLock.unlock();
        }
    }

    private PyObject readlineUnlocked(long limit) {
        checkClosed();
        if (!raw.readable) throw unsupported("read");
        flushWrites();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (limit < 0 || out.size() < limit) {
            if (rpos >= rlen && !fill()) break;
            int end = rpos;
            int max = limit < 0 ? rlen : (int) Math.min(rlen, rpos + (limit - out.size()));
            while (end < max && rbuf[end] != '\n') end++;
            boolean nl = end < max;
            if (nl) end++;
            out.write(rbuf, rpos, end - rpos);
            rpos = end;
            if (nl) break;
        }
        return PyBytes.of(out.toByteArray());
    }

    @Override
    public PyObject write(PyObject data) {
        byte[] b = Args.asBytes(data, "a bytes-like object is required, not");
        writeBytes(b, 0, b.length);
        return PyInt.of(b.length);
    }

    @Override
    protected boolean isEmpty(PyObject line) {
        return ((PyBytes) line).value.length == 0;
    }

    @Override
    protected long lengthOf(PyObject line) {
        return ((PyBytes) line).value.length;
    }

    // ---- PyIOBase ----------------------------------------------------------------------------

    @Override
    public void close() {
        if (raw == null || raw.isClosed()) return;
        try {
            flushWrites();
            raw.flushBytes();
        } finally {
            raw.close();
            IoModule.untrack(this);
        }
    }

    @Override
    public void flush() {
        flushBytes();
    }

    @Override
    public boolean readable() {
        checkClosed();
        return raw.readable;
    }

    @Override
    public boolean writable() {
        checkClosed();
        return raw.writable;
    }

    @Override
    public boolean seekable() {
        checkClosed();
        return raw.layerSeekable();
    }

    @Override
    public boolean isatty() {
        return raw.isatty();
    }

    @Override
    public int fileno() {
        return raw.fileno();
    }

    /** Flush at exit without raising (the process is ending). */
    void flushQuietly() {
        try {
            if (!isClosed()) flushBytes();
        } catch (RuntimeException e) {
            // nothing useful to do at exit
        }
    }

    @Override
    public void traverse(Visitor v) {
        if (raw != null) v.visit(raw);
    }

    @Override
    public void releaseReferences() {
        super.releaseReferences();
        PyFileIO r = raw;
        raw = null;
        RefCount.xdecref(r);
    }

    // ---- Python methods -------------------------------------------------------------------

    private static final ArgParser READ = ArgParser.of("read", 0, 1, "size");
    private static final ArgParser SEEK = ArgParser.of("seek", 1, 2, "target", "whence");
    private static final ArgParser TRUNCATE = ArgParser.of("truncate", 0, 1, "pos");
    private static final ArgParser NEW = ArgParser.of("BufferedReader", 1, 0, "raw", "buffer_size");

    static {
        for (PyType t : new PyType[] {READER, WRITER, RANDOM}) {
            t.repr = self -> {
                PyBuffered b = (PyBuffered) self;
                String tn = "_io." + b.type.name();
                if (b.raw == null) return PyStr.of("<" + tn + ">");
                return PyStr.of("<" + tn + " name=" + Args.repr(b.raw.name) + ">");
            };
            t.newInstance = (type, args, kw) -> {
                PyObject[] a = NEW.parse(args, kw);
                if (!(a[0] instanceof PyFileIO f)) {
                    throw Errors.typeError("%s() needs a FileIO object in Gilt, not %s", t.name(), a[0].type().name());
                }
                return new PyBuffered(t, f, a[1] == null ? DEFAULT_BUFFER_SIZE : Args.asInt(a[1]));
            };
            t.init = (self, args, kw) -> { };
        }
        PyType t = BUFFERED;
        PyMethodDescr.define(t, "read", (Fn.FV) (self, args, kw) ->
                PyBytes.of(((PyBuffered) self).read(sizeArg(READ.parse(args, kw)[0]))));
        PyMethodDescr.define(t, "read1", (Fn.FV) (self, args, kw) ->
                PyBytes.of(((PyBuffered) self).read1(sizeArg(READ.parse(args, kw)[0]))));
        PyMethodDescr.define(t, "peek", (Fn.FV) (self, args, kw) -> PyBytes.of(((PyBuffered) self).peek()));
        PyMethodDescr.define(t, "write", (Fn.F1) (self, b) -> ((PyIOBase) self).write(b));
        PyMethodDescr.define(t, "seek", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = SEEK.parse(args, kw);
            return PyInt.of(((BinaryLayer) self).seekBytes(Args.asLong(a[0]), a[1] == null ? 0 : Args.asInt(a[1])));
        });
        PyMethodDescr.define(t, "tell", (Fn.F0) self -> PyInt.of(((BinaryLayer) self).tellBytes()));
        PyMethodDescr.define(t, "truncate", (Fn.FV) (self, args, kw) -> {
            BinaryLayer f = (BinaryLayer) self;
            PyObject[] a = TRUNCATE.parse(args, kw);
            long size = Args.isNone(a[0]) ? f.tellBytes() : Args.asLong(a[0]);
            f.truncateBytes(size);
            return PyInt.of(size);
        });
        for (PyType bt : new PyType[] {READER, WRITER, RANDOM}) {
            Prop.define(bt, "raw", self -> RefCount.newRef(((PyBuffered) self).raw));
            Prop.define(bt, "name", self -> RefCount.newRef(((PyBuffered) self).raw.name));
            Prop.define(bt, "mode", self -> PyStr.of(((PyBuffered) self).raw.mode()));
        }
    }
}
