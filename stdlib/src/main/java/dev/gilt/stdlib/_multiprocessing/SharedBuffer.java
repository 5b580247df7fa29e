package dev.gilt.stdlib._multiprocessing;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Memory shared between processes: a file under /dev/shm mapped read-write (MAP_SHARED) into
 * every process that opens it, read and written with native byte order as the C types that
 * multiprocessing's typecodes name. Value and Array (multiprocessing.sharedctypes) sit on top.
 *
 * <h2>Memory ordering</h2>
 * Each store is followed and each load preceded by a full fence; the cross-process lock that
 * guards compound updates (get_lock()) is a broker round trip, itself ordered by the socket
 * system calls, so a value written under the lock is seen by the next holder.
 *
 * <p>The file is unlinked when the root process exits (registered with the broker); children
 * keep their mappings until they exit.
 */
final class SharedBuffer extends PyObject {
    static final PyType TYPE = Attr.install(PyType.builtin("SharedBuffer", SharedBuffer.class), "_multiprocessing");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    final String path;
    final int size;
    final MappedByteBuffer buf;

    private SharedBuffer(String path, int size, MappedByteBuffer buf) {
        this.path = path;
        this.size = size;
        this.buf = buf;
        buf.order(ByteOrder.nativeOrder());
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    static SharedBuffer create(int size) {
        Path dir = Path.of("/dev/shm");
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) dir = Path.of(System.getProperty("java.io.tmpdir"));
        Path p = dir.resolve("gilt-mp-" + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet() + "-"
                + Long.toHexString(System.nanoTime() & 0xffffff));
        SharedBuffer b = open(p.toString(), size, true);
        Channel.get().call(Broker.SHM_REGISTER, Broker.utf8(p.toString()));
        return b;
    }

    static SharedBuffer open(String path, int size, boolean create) {
        try (FileChannel fc = create
                ? FileChannel.open(Path.of(path), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(Path.of(path), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int n = Math.max(size, 1);
            if (create) fc.truncate(n);
            return new SharedBuffer(path, size, fc.map(FileChannel.MapMode.READ_WRITE, 0, n));
        } catch (IOException e) {
            throw Errors.of(dev.gilt.runtime.error.PyExc.OSError, "cannot map shared memory " + path + ": " + e.getMessage());
        }
    }

    /** Size in bytes of one item of {@code typecode} (CPython's array/ctypes sizes on Linux x86-64). */
    static int itemSize(String tc) {
        return switch (tc) {
            case "c", "b", "B", "?" -> 1;
            case "h", "H" -> 2;
            case "i", "I", "f", "u" -> 4;
            case "l", "L", "q", "Q", "d" -> 8;
            default -> throw Errors.typeError("this type has no size");
        };
    }

    private void check(int off, int n) {
        if (off < 0 || off + n > size) throw Errors.indexError("shared memory offset out of range");
    }

    PyObject get(String tc, int off) {
        check(off, itemSize(tc));
        VarHandle.fullFence();
        return switch (tc) {
            case "c" -> PyBytes.of(new byte[] {buf.get(off)});
            case "b" -> PyInt.of(buf.get(off));
            case "B" -> PyInt.of(buf.get(off) & 0xff);
            case "?" -> PyBool.of(buf.get(off) != 0);
            case "h" -> PyInt.of(buf.getShort(off));
            case "H" -> PyInt.of(buf.getShort(off) & 0xffff);
            case "i" -> PyInt.of(buf.getInt(off));
            case "I" -> PyInt.of(buf.getInt(off) & 0xffffffffL);
            case "u" -> PyStr.ofCodePoint(buf.getInt(off));
            case "f" -> PyFloat.of(buf.getFloat(off));
            case "d" -> PyFloat.of(buf.getDouble(off));
            case "l", "q" -> PyInt.of(buf.getLong(off));
            case "L", "Q" -> {
                long v = buf.getLong(off);
                yield v >= 0 ? PyInt.of(v) : PyInt.of(java.math.BigInteger.valueOf(v).add(java.math.BigInteger.ONE.shiftLeft(64)));
            }
            default -> throw Errors.typeError("this type has no size");
        };
    }

    void set(String tc, int off, PyObject v) {
        check(off, itemSize(tc));
        switch (tc) {
            case "c" -> {
                if (!(v instanceof PyBytes b) || b.value.length != 1) {
                    throw Errors.typeError("one character bytes, bytearray or integer expected");
                }
                buf.put(off, b.value[0]);
            }
            case "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q" -> {
                long x = tc.equals("?") ? (Args.truth(v) ? 1 : 0) : intValue(v, tc);
                switch (itemSize(tc)) {
                    case 1 -> buf.put(off, (byte) x);
                    case 2 -> buf.putShort(off, (short) x);
                    case 4 -> buf.putInt(off, (int) x);
                    default -> buf.putLong(off, x);
                }
            }
            case "u" -> {
                if (!(v instanceof PyStr s) || s.value.codePointCount(0, s.value.length()) != 1) {
                    throw Errors.typeError("unicode string expected instead of %s instance", v.type().name());
                }
                buf.putInt(off, s.value.codePointAt(0));
            }
            case "f" -> buf.putFloat(off, (float) Args.asDouble(v));
            case "d" -> buf.putDouble(off, Args.asDouble(v));
            default -> throw Errors.typeError("this type has no size");
        }
        VarHandle.fullFence();
    }

    /** ctypes' integer conversion: floats are refused; values wrap to the type's width. */
    private static long intValue(PyObject v, String tc) {
        if (v instanceof PyFloat) throw Errors.typeError("int expected instead of float");
        if (!(v instanceof PyInt i)) throw Errors.typeError("an integer is required (got type %s)", v.type().name());
        return i.big == null ? i.value : i.big.longValue();
    }

    static {
        TYPE.newInstance = (type, args, kw) -> {
            throw Errors.typeError("cannot create '_multiprocessing.SharedBuffer' instances");
        };
        PyMethodDescr.define(TYPE, "get", (Fn.F2) (self, tc, off) ->
                ((SharedBuffer) self).get(Args.asStr(tc, "typecode"), Args.asInt(off)));
        PyMethodDescr.define(TYPE, "set", (Fn.F3) (self, tc, off, v) -> {
            ((SharedBuffer) self).set(Args.asStr(tc, "typecode"), Args.asInt(off), v);
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "get_many", (Fn.FV) (self, args, kw) -> {
            Args.count("get_many", args, 3, 3);
            SharedBuffer b = (SharedBuffer) self;
            String tc = Args.asStr(args[0], "typecode");
            int off = Args.asInt(args[1]), n = Args.asInt(args[2]);
            int sz = itemSize(tc);
            PyList l = new PyList(n);
            for (int i = 0; i < n; i++) l.appendSteal(b.get(tc, off + i * sz));
            return l;
        });
        PyMethodDescr.define(TYPE, "read", (Fn.F2) (self, off, n) -> {
            SharedBuffer b = (SharedBuffer) self;
            int o = Args.asInt(off), k = Args.asInt(n);
            b.check(o, k);
            byte[] out = new byte[k];
            VarHandle.fullFence();
            b.buf.get(o, out);
            return PyBytes.of(out);
        });
        PyMethodDescr.define(TYPE, "write", (Fn.F2) (self, off, data) -> {
            SharedBuffer b = (SharedBuffer) self;
            byte[] d = Args.asBytes(data, "data");
            int o = Args.asInt(off);
            b.check(o, d.length);
            b.buf.put(o, d);
            VarHandle.fullFence();
            return PyNone.NONE;
        });
        PyMethodDescr.define(TYPE, "__reduce__", (Fn.F0) self -> {
            SharedBuffer b = (SharedBuffer) self;
            PyObject f = RefCount.newRef(MultiprocessingModule.function("_shm_open"));
            return dev.gilt.runtime.object.PyTuple.steal(f, dev.gilt.runtime.object.PyTuple.steal(PyStr.of(b.path), PyInt.of(b.size)));
        });
        dev.gilt.runtime.types.PyGetSetDescr.define(TYPE, "size", self -> PyInt.of(((SharedBuffer) self).size));
        dev.gilt.runtime.types.PyGetSetDescr.define(TYPE, "path", self -> PyStr.of(((SharedBuffer) self).path));
    }
}
