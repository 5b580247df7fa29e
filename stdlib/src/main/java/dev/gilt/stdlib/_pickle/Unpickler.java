package dev.gilt.stdlib._pickle;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyByteArray;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyFrozenSet;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PySet;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The unpickling engine: runs the pickle machine over protocols 0 to 5 with CPython 3.12's
 * error messages ("pickle data was truncated", "could not find MARK", "invalid load key, 'x'.",
 * "Memo value not found at index N"...).
 *
 * <h2>Refcounts</h2>
 * The stack and the memo own one reference per entry; {@link #load} returns a new reference and
 * releases whatever is left on the stack (after an error too).
 */
public final class Unpickler {
    Reader in;
    final boolean fixImports;
    final String encoding, errors;
    final Memo memo;
    /** Hooks (borrowed; may be null): an overriding find_class, persistent_load, an iterator of buffers. */
    PyObject findClass, persistentLoad, buffers;

    private PyObject[] stack = new PyObject[16];
    private int sp;
    private int[] marks = new int[8];
    private int nmarks;
    private int fence;
    private int proto;

    Unpickler(Reader in, boolean fixImports, String encoding, String errors, Memo memo) {
        this.in = in;
        this.fixImports = fixImports;
        this.encoding = encoding;
        this.errors = errors;
        this.memo = memo == null ? new Memo() : memo;
    }

    /** Loads from bytes (for internal users such as multiprocessing); new reference. */
    public static PyObject loads(byte[] data) {
        Unpickler u = new Unpickler(Reader.of(data), true, "ASCII", "strict", null);
        try {
            return u.load();
        } finally {
            u.memo.clear();
        }
    }

    /**
     * Several pickles read with one memo (multiprocessing's fork snapshot): each blob is loaded
     * with MEMOIZE numbering starting at {@code memoNext}; new reference.
     */
    public static Unpickler session() {
        return new Unpickler(Reader.of(new byte[0]), true, "ASCII", "strict", null);
    }

    public PyObject loadBlob(byte[] data, int memoNext) {
        in = Reader.of(data);
        memo.next = memoNext;
        return load();
    }

    public void close() {
        memo.clear();
    }

    /** index -> object; owns its values. */
    public static final class Memo {
        PyObject[] items = new PyObject[32];
        int size;
        /** The index MEMOIZE uses next (one past the highest index stored). */
        long next;

        PyObject get(long i) {
            return i >= 0 && i < items.length ? items[(int) i] : null;
        }

        void put(long i, PyObject o) {
            if (i >= Integer.MAX_VALUE) throw Errors.of(PyExc.MemoryError);
            int idx = (int) i;
            if (idx >= items.length) items = Arrays.copyOf(items, Math.max(items.length * 2, idx + 1));
            RefCount.incref(o);
            PyObject old = items[idx];
            items[idx] = o;
            if (idx >= next) next = idx + 1L;
            if (old == null) size++;
            else RefCount.decref(old);
        }

        int size() {
            return size;
        }

        void clear() {
            PyObject[] old = items;
            items = new PyObject[32];
            size = 0;
            next = 0;
            for (PyObject o : old) RefCount.xdecref(o);
        }
    }

    // ---- input ----------------------------------------------------------------------------------

    /** Bytes to unpickle, from memory or from a file object (read/readline/peek). */
    abstract static class Reader {
        byte[] data;
        int pos, limit;

        static Reader of(byte[] data) {
            Reader r = new Reader() {
                @Override
                boolean fill(int n) {
                    return false;
                }

                @Override
                byte[] readLineMore() {
                    return null;
                }
            };
            r.data = data;
            r.limit = data.length;
            return r;
        }

        static Reader ofFile(PyObject file) {
            PyObject read = Ops.lookupAttr(file, PyStr.intern("read"));
            PyObject readline = Ops.lookupAttr(file, PyStr.intern("readline"));
            if (read == null || readline == null) {
                RefCount.xdecref(read);
                RefCount.xdecref(readline);
                throw Errors.typeError("file must have 'read' and 'readline' attributes");
            }
            return new FileReader(read, readline);
        }

        /** Makes {@code n} more bytes available at {@code pos}; false at the end of the input. */
        abstract boolean fill(int n);

        /** A whole line from the underlying file (buffer exhausted), or null. */
        abstract byte[] readLineMore();

        /** Called with the size of a frame just announced. */
        void frame(long n) {
            if (limit - pos < n && !fill((int) n)) throw PickleModule.unpicklingError("pickle exhausted before end of frame");
        }

        int opcode() {
            if (pos >= limit && !fill(1)) return -1;
            return data[pos++] & 0xff;
        }

        void need(int n) {
            if (limit - pos < n && !fill(n)) throw PickleModule.unpicklingError("pickle data was truncated");
        }

        int u8() {
            need(1);
            return data[pos++] & 0xff;
        }

        long le(int n) {
            need(n);
            long v = 0;
            for (int i = 0; i < n; i++) v |= (long) (data[pos + i] & 0xff) << (8 * i);
            pos += n;
            return v;
        }

        byte[] bytes(long n) {
            if (n > Integer.MAX_VALUE - 16) throw Errors.of(PyExc.MemoryError);
            need((int) n);
            byte[] b = Arrays.copyOfRange(data, pos, pos + (int) n);
            pos += (int) n;
            return b;
        }

        /** A line without its '\n'; "pickle data was truncated" when there is no newline. */
        byte[] line() {
            for (int i = pos; i < limit; i++) {
                if (data[i] == '\n') {
                    byte[] b = Arrays.copyOfRange(data, pos, i);
                    pos = i + 1;
                    return b;
                }
            }
            if (pos < limit) {
                // A frame never splits a line; a file without frames reads whole lines below.
                throw PickleModule.unpicklingError("pickle data was truncated");
            }
            byte[] l = readLineMore();
            if (l == null || l.length == 0 || l[l.length - 1] != '\n') throw PickleModule.unpicklingError("pickle data was truncated");
            return Arrays.copyOf(l, l.length - 1);
        }
    }

    /** Reads from a Python file object: exactly what is needed, or a whole frame at once. */
    static final class FileReader extends Reader {
        final PyObject read, readline;

        FileReader(PyObject read, PyObject readline) {
            this.read = read;
            this.readline = readline;
            data = new byte[0];
        }

        @Override
        boolean fill(int n) {
            int have = limit - pos;
            int want = n - have;
            PyObject arg = PyInt.of(want);
            PyObject r;
            try {
                r = Ops.call(read, arg);
            } finally {
                RefCount.decref(arg);
            }
            byte[] got;
            try {
                got = PickleModule.bytesOf(r);
            } finally {
                RefCount.decref(r);
            }
            byte[] nd = new byte[have + got.length];
            System.arraycopy(data, pos, nd, 0, have);
            System.arraycopy(got, 0, nd, have, got.length);
            data = nd;
            pos = 0;
            limit = nd.length;
            return got.length >= want;
        }

        @Override
        byte[] readLineMore() {
            PyObject r = Ops.call(readline);
            try {
                return PickleModule.bytesOf(r);
            } finally {
                RefCount.decref(r);
            }
        }
    }

    // ---- the stack --------------------------------------------------------------------------------

    private void push(PyObject o) {
        if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
        stack[sp++] = o;
    }

    private PyObject pop() {
        if (sp <= fence) throw PickleModule.unpicklingError("unpickling stack underflow");
        PyObject o = stack[--sp];
        stack[sp] = null;
        return o;
    }

    private PyObject top() {
        if (sp <= fence) throw PickleModule.unpicklingError("unpickling stack underflow");
        return stack[sp - 1];
    }

    private void pushMark() {
        if (nmarks == marks.length) marks = Arrays.copyOf(marks, nmarks * 2);
        marks[nmarks++] = sp;
        fence = sp;
    }

    /** Pops the last mark; returns the stack index where its items start. */
    private int popMark() {
        if (nmarks == 0) throw PickleModule.unpicklingError("could not find MARK");
        int m = marks[--nmarks];
        fence = nmarks > 0 ? marks[nmarks - 1] : 0;
        return m;
    }

    /** The items above the last mark, as a new array of owned references; the stack drops them. */
    private PyObject[] popToMark() {
        int m = popMark();
        PyObject[] items = Arrays.copyOfRange(stack, m, sp);
        Arrays.fill(stack, m, sp, null);
        sp = m;
        return items;
    }

    private void releaseStack() {
        for (int i = 0; i < sp; i++) RefCount.xdecref(stack[i]);
        sp = 0;
        nmarks = 0;
        fence = 0;
    }

    // ---- load -------------------------------------------------------------------------------------

    /** Runs the machine to STOP; returns the object (new reference). */
    public PyObject load() {
        sp = 0;
        nmarks = 0;
        fence = 0;
        try {
            for (;;) {
                int op = in.opcode();
                if (op < 0) throw Errors.of(PyExc.EOFError, "Ran out of input");
                if (op == (Op.STOP & 0xff)) {
                    PyObject r = pop();
                    return r;
                }
                step((byte) op);
            }
        } finally {
            releaseStack();
        }
    }

    private void step(byte op) {
        switch (op) {
            case Op.PROTO -> {
                int p = in.u8();
                if (p > Op.HIGHEST_PROTOCOL) throw Errors.valueError("unsupported pickle protocol: %d", p);
                proto = p;
            }
            case Op.FRAME -> {
                long n = in.le(8);
                if (n > Integer.MAX_VALUE) throw Errors.overflow("FRAME length exceeds system's maximum of " + Integer.MAX_VALUE + " bytes");
                in.frame(n);
            }
            case Op.NONE -> push(PyNone.NONE);
            case Op.NEWTRUE -> push(PyBool.TRUE);
            case Op.NEWFALSE -> push(PyBool.FALSE);
            case Op.BININT -> push(PyInt.of((int) in.le(4)));
            case Op.BININT1 -> push(PyInt.of(in.u8()));
            case Op.BININT2 -> push(PyInt.of(in.le(2)));
            case Op.LONG1 -> push(decodeLong(in.bytes(in.u8())));
            case Op.LONG4 -> {
                long n = (int) in.le(4);
                if (n < 0) throw PickleModule.unpicklingError("LONG pickle has negative byte count");
                push(decodeLong(in.bytes(n)));
            }
            case Op.INT -> loadInt();
            case Op.LONG -> {
                String s = ascii(in.line());
                if (s.endsWith("L")) s = s.substring(0, s.length() - 1);
                push(parseInt(s, 10));
            }
            case Op.BINFLOAT -> {
                in.need(8);
                long bits = 0;
                for (int i = 0; i < 8; i++) bits = (bits << 8) | (in.data[in.pos + i] & 0xff);
                in.pos += 8;
                push(PyFloat.of(Double.longBitsToDouble(bits)));
            }
            case Op.FLOAT -> {
                PyStr s = PyStr.of(ascii(in.line()));
                try {
                    push(Ops.call(PyFloat.TYPE, s));
                } finally {
                    RefCount.decref(s);
                }
            }
            case Op.SHORT_BINUNICODE -> push(decodeUtf8(in.bytes(in.u8())));
            case Op.BINUNICODE -> push(decodeUtf8(in.bytes(in.le(4))));
            case Op.BINUNICODE8 -> push(decodeUtf8(in.bytes(size8())));
            case Op.UNICODE -> push(PyStr.of(rawUnicodeUnescape(in.line())));
            case Op.SHORT_BINBYTES -> push(PyBytes.of(in.bytes(in.u8())));
            case Op.BINBYTES -> push(PyBytes.of(in.bytes(in.le(4))));
            case Op.BINBYTES8 -> push(PyBytes.of(in.bytes(size8())));
            case Op.BYTEARRAY8 -> push(PyByteArray.of(in.bytes(size8())));
            case Op.SHORT_BINSTRING -> push(decodeString(in.bytes(in.u8())));
            case Op.BINSTRING -> {
                long n = (int) in.le(4);
                if (n < 0) throw PickleModule.unpicklingError("BINSTRING pickle has negative byte count");
                push(decodeString(in.bytes(n)));
            }
            case Op.STRING -> push(decodeString(unquote(in.line())));
            case Op.EMPTY_TUPLE -> push(PyTuple.EMPTY);
            case Op.TUPLE1, Op.TUPLE2, Op.TUPLE3 -> {
                int n = op == Op.TUPLE1 ? 1 : op == Op.TUPLE2 ? 2 : 3;
                if (sp - fence < n) throw PickleModule.unpicklingError("unpickling stack underflow");
                PyObject[] items = Arrays.copyOfRange(stack, sp - n, sp);
                Arrays.fill(stack, sp - n, sp, null);
                sp -= n;
                push(PyTuple.steal(items));
            }
            case Op.TUPLE -> push(PyTuple.steal(popToMark()));
            case Op.EMPTY_LIST -> push(new PyList());
            case Op.LIST -> {
                PyObject[] items = popToMark();
                push(PyList.steal(items, items.length));
            }
            case Op.EMPTY_DICT -> push(new PyDict());
            case Op.DICT -> {
                PyObject[] items = popToMark();
                try {
                    if ((items.length & 1) != 0) throw PickleModule.unpicklingError("odd number of items for DICT");
                    PyDict d = new PyDict();
                    push(d);
                    for (int i = 0; i < items.length; i += 2) d.setItem(items[i], items[i + 1]);
                } finally {
                    for (PyObject o : items) RefCount.decref(o);
                }
            }
            case Op.EMPTY_SET -> push(new PySet());
            case Op.FROZENSET -> {
                PyObject[] items = popToMark();
                PyTuple t = PyTuple.steal(items);
                try {
                    push(PyFrozenSet.fromIterable(t));
                } finally {
                    RefCount.decref(t);
                }
            }
            case Op.APPEND -> {
                PyObject v = pop();
                try {
                    append(top(), new PyObject[] {v});
                } finally {
                    RefCount.decref(v);
                }
            }
            case Op.APPENDS -> {
                PyObject[] items = popToMark();
                try {
                    append(top(), items);
                } finally {
                    for (PyObject o : items) RefCount.decref(o);
                }
            }
            case Op.SETITEM -> {
                PyObject v = pop();
                PyObject k;
                try {
                    k = pop();
                } catch (PyException e) {
                    RefCount.decref(v);
                    throw e;
                }
                try {
                    Ops.setItem(top(), k, v);
                } finally {
                    RefCount.decref(k);
                    RefCount.decref(v);
                }
            }
            case Op.SETITEMS -> {
                PyObject[] items = popToMark();
                try {
                    if ((items.length & 1) != 0) throw PickleModule.unpicklingError("odd number of items for SETITEMS");
                    PyObject d = top();
                    for (int i = 0; i < items.length; i += 2) Ops.setItem(d, items[i], items[i + 1]);
                } finally {
                    for (PyObject o : items) RefCount.decref(o);
                }
            }
            case Op.ADDITEMS -> {
                PyObject[] items = popToMark();
                try {
                    PyObject s = top();
                    if (s.type() == PySet.TYPE) {
                        for (PyObject o : items) ((PySet) s).add(o);
                    } else {
                        PyObject add = Ops.getAttr(s, "add");
                        try {
                            for (PyObject o : items) RefCount.decref(Ops.call(add, o));
                        } finally {
                            RefCount.decref(add);
                        }
                    }
                } finally {
                    for (PyObject o : items) RefCount.decref(o);
                }
            }
            case Op.MARK -> pushMark();
            case Op.POP -> {
                if (sp > fence) {
                    RefCount.xdecref(pop());
                } else if (nmarks > 0) {
                    popMark();
                } else {
                    throw PickleModule.unpicklingError("unpickling stack underflow");
                }
            }
            case Op.POP_MARK -> {
                PyObject[] items = popToMark();
                for (PyObject o : items) RefCount.decref(o);
            }
            case Op.DUP -> push(RefCount.newRef(top()));
            case Op.GET -> memoGet(parseLong(ascii(in.line())));
            case Op.BINGET -> memoGet(in.u8());
            case Op.LONG_BINGET -> memoGet(in.le(4));
            case Op.PUT -> {
                long i = parseLong(ascii(in.line()));
                if (i < 0) throw Errors.valueError("negative PUT argument");
                memo.put(i, top());
            }
            case Op.BINPUT -> memo.put(in.u8(), top());
            case Op.LONG_BINPUT -> {
                long i = (int) in.le(4);
                if (i < 0) throw Errors.valueError("negative LONG_BINPUT argument");
                memo.put(i, top());
            }
            case Op.MEMOIZE -> memo.put(memo.next, top());
            case Op.GLOBAL -> {
                String module = utf8(in.line());
                String name = utf8(in.line());
                push(findClass(module, name));
            }
            case Op.STACK_GLOBAL -> {
                PyObject name = pop();
                PyObject module;
                try {
                    module = pop();
                } catch (PyException e) {
                    RefCount.decref(name);
                    throw e;
                }
                try {
                    if (!(module instanceof PyStr ms) || module.type() != PyStr.TYPE || !(name instanceof PyStr ns)
                            || name.type() != PyStr.TYPE) {
                        throw PickleModule.unpicklingError("STACK_GLOBAL requires str");
                    }
                    push(findClass(ms.value, ns.value));
                } finally {
                    RefCount.decref(name);
                    RefCount.decref(module);
                }
            }
            case Op.EXT1 -> push(extension(in.u8()));
            case Op.EXT2 -> push(extension(in.le(2)));
            case Op.EXT4 -> push(extension((int) in.le(4)));
            case Op.REDUCE -> {
                PyObject args = pop();
                try {
                    PyObject f = top();
                    if (!(args instanceof PyTuple t)) throw Errors.typeError("argument list must be a tuple");
                    PyObject r = Ops.call(f, t.items);
                    replaceTop(r);
                } finally {
                    RefCount.decref(args);
                }
            }
            case Op.NEWOBJ -> {
                PyObject args = pop();
                try {
                    PyObject cls = top();
                    replaceTop(newObj("NEWOBJ", cls, args, null));
                } finally {
                    RefCount.decref(args);
                }
            }
            case Op.NEWOBJ_EX -> {
                PyObject kwargs = pop();
                PyObject args = null;
                try {
                    args = pop();
                    PyObject cls = top();
                    replaceTop(newObj("NEWOBJ_EX", cls, args, kwargs));
                } finally {
                    RefCount.decref(kwargs);
                    RefCount.xdecref(args);
                }
            }
            case Op.OBJ -> {
                PyObject[] items = popToMark();
                try {
                    if (items.length == 0) throw PickleModule.unpicklingError("unpickling stack underflow");
                    push(instantiate(items[0], Arrays.copyOfRange(items, 1, items.length)));
                } finally {
                    for (PyObject o : items) RefCount.decref(o);
                }
            }
            case Op.INST -> {
                String module = ascii(in.line());
                String name = ascii(in.line());
                PyObject cls = findClass(module, name);
                PyObject[] items = popToMark();
                try {
                    push(instantiate(cls, items));
                } finally {
                    RefCount.decref(cls);
                    for (PyObject o : items) RefCount.decref(o);
                }
            }
            case Op.BUILD -> {
                PyObject state = pop();
                try {
                    build(top(), state);
                } finally {
                    RefCount.decref(state);
                }
            }
            case Op.PERSID -> {
                PyStr pid = PyStr.of(ascii(in.line()));
                try {
                    push(persistent(pid));
                } finally {
                    RefCount.decref(pid);
                }
            }
            case Op.BINPERSID -> {
                PyObject pid = pop();
                try {
                    push(persistent(pid));
                } finally {
                    RefCount.decref(pid);
                }
            }
            case Op.NEXT_BUFFER -> {
                if (buffers == null) {
                    throw PickleModule.unpicklingError("pickle stream refers to out-of-band data but no *buffers* argument was given");
                }
                PyObject b = Ops.next(buffers);
                if (b == null) throw PickleModule.unpicklingError("not enough out-of-band buffers");
                push(b);
            }
            case Op.READONLY_BUFFER -> top();
            default -> {
                int c = op & 0xff;
                if (c >= 0x20 && c <= 0x7e && c != '\'' && c != '\\') {
                    throw PickleModule.unpicklingError("invalid load key, '%c'.", (char) c);
                }
                throw PickleModule.unpicklingError("invalid load key, '\\x%02x'.", c);
            }
        }
    }

    private long size8() {
        long n = in.le(8);
        if (n < 0 || n > Integer.MAX_VALUE) throw Errors.overflow("length exceeds the maximum");
        return n;
    }

    private void replaceTop(PyObject r) {
        PyObject old = stack[sp - 1];
        stack[sp - 1] = r;
        RefCount.decref(old);
    }

    private void memoGet(long i) {
        PyObject o = memo.get(i);
        if (o == null) throw PickleModule.unpicklingError("Memo value not found at index %d", i);
        push(RefCount.newRef(o));
    }

    // ---- values ---------------------------------------------------------------------------------

    static PyInt decodeLong(byte[] le) {
        if (le.length == 0) return PyInt.of(0);
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) be[i] = le[le.length - 1 - i];
        BigInteger b = new BigInteger(be);
        return b.bitLength() < 64 ? PyInt.of(b.longValue()) : PyInt.of(b);
    }

    private void loadInt() {
        String s = ascii(in.line());
        if (s.equals("01")) {
            push(PyBool.TRUE);
        } else if (s.equals("00")) {
            push(PyBool.FALSE);
        } else {
            push(parseInt(s, 0));
        }
    }

    private static PyObject parseInt(String s, int base) {
        PyStr str = PyStr.of(s.strip());
        PyInt b = PyInt.of(base);
        try {
            return Ops.call(PyInt.TYPE, str, b);
        } finally {
            RefCount.decref(str);
            RefCount.decref(b);
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw Errors.valueError("invalid literal for int() with base 10: %s", Args.reprString(s));
        }
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** UTF-8 with lone surrogates allowed (the pickler writes them with 'surrogatepass'). */
    static PyStr decodeUtf8(byte[] b) {
        boolean ascii = true;
        for (byte x : b) {
            if (x < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) return PyStr.of(new String(b, StandardCharsets.ISO_8859_1));
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int cp, n;
            if (c < 0x80) {
                cp = c;
                n = 1;
            } else if (c >= 0xc2 && c < 0xe0 && i + 1 < b.length && cont(b[i + 1])) {
                cp = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
                n = 2;
            } else if (c >= 0xe0 && c < 0xf0 && i + 2 < b.length && cont(b[i + 1]) && cont(b[i + 2])) {
                cp = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
                n = 3;
                if (cp < 0x800) throw decodeError(b, i);
            } else if (c >= 0xf0 && c < 0xf5 && i + 3 < b.length && cont(b[i + 1]) && cont(b[i + 2]) && cont(b[i + 3])) {
                cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
                n = 4;
                if (cp < 0x10000 || cp > 0x10ffff) throw decodeError(b, i);
            } else {
                throw decodeError(b, i);
            }
            sb.appendCodePoint(cp);
            i += n;
        }
        return PyStr.of(sb.toString());
    }

    private static boolean cont(byte x) {
        return (x & 0xc0) == 0x80;
    }

    private static PyException decodeError(byte[] b, int i) {
        return Errors.of(PyExc.UnicodeDecodeError, String.format("'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[i] & 0xff, i));
    }

    /** raw-unicode-escape: \\uXXXX and \\UXXXXXXXX escapes, other bytes are Latin-1. */
    static String rawUnicodeUnescape(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c == '\\' && i + 1 < b.length && (b[i + 1] == 'u' || b[i + 1] == 'U')) {
                int n = b[i + 1] == 'u' ? 4 : 8;
                if (i + 2 + n <= b.length) {
                    String hex = new String(b, i + 2, n, StandardCharsets.ISO_8859_1);
                    try {
                        int cp = Integer.parseUnsignedInt(hex, 16);
                        sb.appendCodePoint(cp);
                        i += 1 + n;
                        continue;
                    } catch (IllegalArgumentException e) {
                        throw Errors.of(PyExc.UnicodeDecodeError, "'rawunicodeescape' codec can't decode bytes: truncated \\uXXXX escape");
                    }
                }
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    /** The body of a protocol 0 STRING argument: quotes removed, escapes decoded. */
    private static byte[] unquote(byte[] line) {
        int n = line.length;
        while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\r' || line[n - 1] == '\t')) n--;
        if (n < 2 || line[0] != line[n - 1] || (line[0] != '\'' && line[0] != '"')) {
            throw PickleModule.unpicklingError("the STRING opcode argument must be quoted");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(n);
        for (int i = 1; i < n - 1; i++) {
            int c = line[i] & 0xff;
            if (c != '\\' || i + 1 >= n - 1) {
                out.write(c);
                continue;
            }
            int e = line[++i] & 0xff;
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'v' -> out.write(11);
                case '\\', '\'', '"' -> out.write(e);
                case '\n' -> { }
                case 'x' -> {
                    if (i + 2 < n - 1 + 1) {
                        out.write(Integer.parseInt(new String(line, i + 1, 2, StandardCharsets.ISO_8859_1), 16));
                        i += 2;
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int k = 0;
                        while (k < 2 && i + 1 < n - 1 && line[i + 1] >= '0' && line[i + 1] <= '7') {
                            v = v * 8 + (line[++i] - '0');
                            k++;
                        }
                        out.write(v & 0xff);
                    } else {
                        out.write('\\');
                        out.write(e);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** A Python 2 str: bytes with encoding='bytes', else decoded with encoding and errors. */
    private PyObject decodeString(byte[] b) {
        if (encoding.equals("bytes")) return PyBytes.of(b);
        String enc = encoding.toLowerCase().replace('-', '_');
        if (errors.equals("strict")) {
            if (enc.equals("ascii")) {
                for (int i = 0; i < b.length; i++) {
                    if (b[i] < 0) {
                        throw Errors.of(PyExc.UnicodeDecodeError, String.format(
                                "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", b[i] & 0xff, i));
                    }
                }
                return PyStr.of(new String(b, StandardCharsets.ISO_8859_1));
            }
            if (enc.equals("latin1") || enc.equals("latin_1") || enc.equals("iso_8859_1")) {
                return PyStr.of(new String(b, StandardCharsets.ISO_8859_1));
            }
        }
        PyBytes bytes = PyBytes.of(b);
        PyStr e = PyStr.of(encoding);
        PyStr er = PyStr.of(errors);
        try {
            return Ops.callMethod(bytes, "decode", e, er);
        } finally {
            RefCount.decref(bytes);
            RefCount.decref(e);
            RefCount.decref(er);
        }
    }

    // ---- objects ----------------------------------------------------------------------------------

    /** APPEND/APPENDS: list.extend for exact lists, else obj.extend(items) or obj.append per item. */
    private static void append(PyObject list, PyObject[] items) {
        if (list.type() == PyList.TYPE) {
            for (PyObject o : items) ((PyList) list).append(o);
            return;
        }
        PyObject extend = Ops.lookupAttr(list, PyStr.intern("extend"));
        if (extend != null) {
            PyList l = new PyList();
            for (PyObject o : items) l.append(o);
            try {
                RefCount.decref(Ops.call(extend, l));
            } finally {
                RefCount.decref(l);
                RefCount.decref(extend);
            }
            return;
        }
        PyObject app = Ops.getAttr(list, "append");
        try {
            for (PyObject o : items) RefCount.decref(Ops.call(app, o));
        } finally {
            RefCount.decref(app);
        }
    }

    private static PyObject newObj(String op, PyObject cls, PyObject args, PyObject kwargs) {
        if (!(cls instanceof PyType t)) {
            throw PickleModule.unpicklingError("%s class argument must be a type, not %s", op, cls.type().name());
        }
        if (!(args instanceof PyTuple at)) {
            throw PickleModule.unpicklingError("%s args argument must be a tuple, not %s", op, args.type().name());
        }
        if (kwargs != null && !(kwargs instanceof PyDict)) {
            throw PickleModule.unpicklingError("NEWOBJ_EX kwargs argument must be a dict, not %s", kwargs.type().name());
        }
        PyObject newf = Ops.getAttr(t, "__new__");
        try {
            PyObject[] all = new PyObject[at.size() + 1];
            all[0] = t;
            System.arraycopy(at.items, 0, all, 1, at.size());
            if (kwargs != null && ((PyDict) kwargs).size() > 0) return Builtins.callWithKw(newf, all, (PyDict) kwargs);
            return Ops.call(newf, all);
        } finally {
            RefCount.decref(newf);
        }
    }

    /** OBJ / INST: cls(*args), or cls.__new__(cls) for a class without arguments or __getinitargs__. */
    private static PyObject instantiate(PyObject cls, PyObject[] args) {
        if (args.length == 0 && cls instanceof PyType t && t.lookup("__getinitargs__") == null) {
            PyObject newf = Ops.getAttr(t, "__new__");
            try {
                return Ops.call(newf, t);
            } finally {
                RefCount.decref(newf);
            }
        }
        return Ops.call(cls, args);
    }

    private static void build(PyObject inst, PyObject state) {
        PyObject setstate = Ops.lookupAttr(inst, PyStr.intern("__setstate__"));
        if (setstate != null) {
            try {
                RefCount.decref(Ops.call(setstate, state));
            } finally {
                RefCount.decref(setstate);
            }
            return;
        }
        PyObject slotstate = null;
        if (state instanceof PyTuple t && t.size() == 2) {
            state = t.get(0);
            slotstate = t.get(1);
        }
        if (state != PyNone.NONE) {
            if (!(state instanceof PyDict sd)) throw PickleModule.unpicklingError("state is not a dictionary");
            PyObject dict = Ops.getAttr(inst, "__dict__");
            try {
                for (int i = 0; i < sd.entrySlots(); i++) {
                    PyObject k = sd.keyAt(i);
                    if (k == null) continue;
                    PyObject key = k instanceof PyStr ks && k.type() == PyStr.TYPE ? PyStr.intern(ks.value) : k;
                    Ops.setItem(dict, key, sd.valueAt(i));
                }
            } finally {
                RefCount.decref(dict);
            }
        }
        if (slotstate != null && slotstate != PyNone.NONE) {
            if (!(slotstate instanceof PyDict ss)) throw PickleModule.unpicklingError("slot state is not a dictionary");
            for (int i = 0; i < ss.entrySlots(); i++) {
                PyObject k = ss.keyAt(i);
                if (k == null) continue;
                if (!(k instanceof PyStr ks)) throw Errors.typeError("attribute name must be string, not '%s'", k.type().name());
                Ops.setAttr(inst, ks, ss.valueAt(i));
            }
        }
    }

    private PyObject persistent(PyObject pid) {
        if (persistentLoad == null) {
            throw PickleModule.unpicklingError("A load persistent id instruction was encountered, but no persistent_load function was specified.");
        }
        return Ops.call(persistentLoad, pid);
    }

    private PyObject extension(long code) {
        PyObject cache = PickleModule.copyregAttr("_extension_cache");
        PyObject inv = PickleModule.copyregAttr("_inverted_registry");
        PyInt key = PyInt.of(code);
        try {
            if (cache instanceof PyDict c) {
                PyObject o = c.getItem(key);
                if (o != null) return RefCount.newRef(o);
            }
            PyObject pair = inv instanceof PyDict d ? d.getItem(key) : null;
            if (!(pair instanceof PyTuple t) || t.size() != 2) {
                if (code <= 0) throw PickleModule.unpicklingError("EXT specifies code <= 0");
                throw Errors.valueError("unregistered extension code %d", code);
            }
            PyObject o = findClass(Args.asStr(t.get(0), "module"), Args.asStr(t.get(1), "name"));
            if (cache instanceof PyDict c) c.setItem(key, o);
            return o;
        } finally {
            RefCount.decref(key);
            RefCount.xdecref(cache);
            RefCount.xdecref(inv);
        }
    }

    /** The object a GLOBAL/STACK_GLOBAL names (new reference), through an overriding find_class if any. */
    private PyObject findClass(String module, String name) {
        if (findClass != null) {
            PyStr m = PyStr.of(module), n = PyStr.of(name);
            try {
                return Ops.call(findClass, m, n);
            } finally {
                RefCount.decref(m);
                RefCount.decref(n);
            }
        }
        return findClassDefault(module, name, proto, fixImports);
    }

    /** Unpickler.find_class: imports the module and looks the (dotted, protocol 4+) name up. */
    static PyObject findClassDefault(String module, String name, int proto, boolean fixImports) {
        if (proto < 3 && fixImports) {
            String[] fixed = CompatNames.toPython3(module, name);
            module = fixed[0];
            name = fixed[1];
        }
        if (module.equals("_codecs") && name.equals("encode")) {
            try {
                return PickleModule.moduleAttr(module, name);
            } catch (PyException e) {
                RefCount.decref(e.exc);
                return PickleModule.codecsEncode();
            }
        }
        PyObject mod = PickleModule.importModule(module);
        try {
            if (proto >= 4) {
                String[] parts = name.split("\\.", -1);
                PyObject cur = RefCount.newRef(mod);
                for (String part : parts) {
                    if (part.equals("<locals>")) {
                        RefCount.decref(cur);
                        throw Errors.attributeError("Can't get local attribute %s on %s", Args.reprString(name), Ops.reprString(mod));
                    }
                    PyObject next = Ops.lookupAttr(cur, PyStr.of(part));
                    RefCount.decref(cur);
                    if (next == null) {
                        throw Errors.attributeError("Can't get attribute %s on %s", Args.reprString(name), Ops.reprString(mod));
                    }
                    cur = next;
                }
                return cur;
            }
            return Ops.getAttr(mod, PyStr.of(name));
        } finally {
            RefCount.decref(mod);
        }
    }
}
