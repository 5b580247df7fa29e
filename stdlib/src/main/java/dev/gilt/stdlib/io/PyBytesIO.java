package dev.gilt.stdlib.io;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import java.util.Arrays;

/** {@code io.BytesIO}: an in-memory binary file. */
public final class PyBytesIO extends PyIOBase implements BinaryLayer {
    public static final PyType TYPE = Attr.install(PyType.builtin("BytesIO", PyBytesIO.class, BUFFERED), "_io");

    private byte[] buf;
    private int size;
    private int pos;

    public PyBytesIO(byte[] initial) {
        buf = initial == null ? new byte[64] : Arrays.copyOf(initial, Math.max(64, initial.length));
        size = initial == null ? 0 : initial.length;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    public byte[] getvalue() {
        checkClosed();
        return Arrays.copyOf(buf, size);
    }

    @Override
    public int readInto(byte[] b, int off, int len) {
        checkClosed();
        if (pos >= size) return -1;
        int n = Math.min(len, size - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void writeBytes(byte[] b, int off, int len) {
        checkClosed();
        if (len == 0) return;
        int end = pos + len;
        if (end > buf.length) buf = Arrays.copyOf(buf, Math.max(end, buf.length * 2));
        if (pos > size) Arrays.fill(buf, size, pos, (byte) 0);
        System.arraycopy(b, off, buf, pos, len);
        pos = end;
        if (end > size) size = end;
    }

    @Override
    public void flushBytes() {
        checkClosed();
    }

    @Override
    public long seekBytes(long p, int whence) {
        checkClosed();
        switch (whence) {
            case 0 -> {
                if (p < 0) throw Errors.valueError("negative seek value %d", p);
            }
            case 1 -> p = Math.max(0, pos + p);
            case 2 -> p = Math.max(0, size + p);
            default -> throw Errors.valueError("invalid whence (%d, should be 0, 1 or 2)", whence);
        }
        pos = (int) Math.min(p, Integer.MAX_VALUE - 8);
        return pos;
    }

    @Override
    public long tellBytes() {
        checkClosed();
        return pos;
    }

    @Override
    public void truncateBytes(long n) {
        checkClosed();
        if (n < 0) throw Errors.valueError("negative size value %d", n);
        if (n < size) size = (int) n;
    }

    @Override
    public boolean layerReadable() {
        return true;
    }

    @Override
    public boolean layerWritable() {
        return true;
    }

    @Override
    public boolean layerSeekable() {
        return true;
    }

    public byte[] read(long n) {
        checkClosed();
        if (pos >= size) return new byte[0];
        int end = n < 0 ? size : (int) Math.min(size, pos + n);
        byte[] r = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return r;
    }

    @Override
    public PyObject readline(long limit) {
        checkClosed();
        if (pos >= size) return PyBytes.of(new byte[0]);
        int max = limit < 0 ? size : (int) Math.min(size, pos + limit);
        int i = pos;
        while (i < max && buf[i] != '\n') i++;
        if (i < max) i++;
        byte[] r = Arrays.copyOfRange(buf, pos, i);
        pos = i;
        return PyBytes.of(r);
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

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void flush() {
        checkClosed();
    }

    @Override
    public boolean readable() {
        checkClosed();
        return true;
    }

    @Override
    public boolean writable() {
        checkClosed();
        return true;
    }

    @Override
    public boolean seekable() {
        checkClosed();
        return true;
    }

    private static final ArgParser NEW = ArgParser.of("BytesIO", 0, 0, "initial_bytes");
    private static final ArgParser READ = ArgParser.of("read", 0, 1, "size");
    private static final ArgParser SEEK = ArgParser.of("seek", 1, 2, "pos", "whence");
    private static final ArgParser TRUNCATE = ArgParser.of("truncate", 0, 1, "size");

    static {
        TYPE.newInstance = (type, args, kw) -> {
            PyObject[] a = NEW.parse(args, kw);
            return new PyBytesIO(Args.isNone(a[0]) ? null : Args.asBytes(a[0], "a bytes-like object is required, not"));
        };
        TYPE.init = (self, args, kw) -> { };
        PyMethodDescr.define(TYPE, "getvalue", (Fn.F0) self -> PyBytes.of(((PyBytesIO) self).getvalue()));
        PyMethodDescr.define(TYPE, "read", (Fn.FV) (self, args, kw) ->
                PyBytes.of(((PyBytesIO) self).read(sizeArg(READ.parse(args, kw)[0]))));
        PyMethodDescr.define(TYPE, "read1", (Fn.FV) (self, args, kw) ->
                PyBytes.of(((PyBytesIO) self).read(sizeArg(READ.parse(args, kw)[0]))));
        PyMethodDescr.define(TYPE, "write", (Fn.F1) (self, b) -> ((PyBytesIO) self).write(b));
        PyMethodDescr.define(TYPE, "tell", (Fn.F0) self -> PyInt.of(((PyBytesIO) self).tellBytes()));
        PyMethodDescr.define(TYPE, "seek", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = SEEK.parse(args, kw);
            return PyInt.of(((PyBytesIO) self).seekBytes(Args.asLong(a[0]), a[1] == null ? 0 : Args.asInt(a[1])));
        });
        PyMethodDescr.define(TYPE, "truncate", (Fn.FV) (self, args, kw) -> {
            PyBytesIO b = (PyBytesIO) self;
            PyObject[] a = TRUNCATE.parse(args, kw);
            long n = Args.isNone(a[0]) ? b.tellBytes() : Args.asLong(a[0]);
            b.truncateBytes(n);
            return PyInt.of(n);
        });
    }
}
