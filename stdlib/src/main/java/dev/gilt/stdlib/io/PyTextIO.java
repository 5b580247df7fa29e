package dev.gilt.stdlib.io;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.io.TextSink;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Codecs;
import dev.gilt.stdlib.util.Prop;
import java.nio.charset.Charset;

/**
 * {@code _io.TextIOWrapper}: text over a binary layer (a buffered file or BytesIO).
 *
 * <h2>Reading</h2>
 * Bytes are decoded a chunk at a time into {@link #rd}, <em>untranslated</em>; newline translation
 * happens as characters are consumed. Keeping the raw text makes {@link #tell} exact: the byte
 * position of {@code rd[0]} is {@link #rdStartByte}, so the position of the next unread character
 * is that plus the encoded length of {@code rd[0:rdPos]} (CPython returns an opaque cookie; for
 * stateless codecs such as UTF-8 it is this byte offset too).
 *
 * <h2>Writing</h2>
 * Text collects in {@link #pending} and is encoded when it passes {@link #CHUNK} characters, at
 * flush, or at each newline when line-buffered. Switching from reading to writing first moves the
 * binary position back to {@link #tell()} and drops the read-ahead.
 */
public final class PyTextIO extends PyIOBase implements TextSink {
    /** Serialises threads using this object (see {@link IoLock}). */
    final IoLock ioLock = new IoLock();

    public static final PyType TYPE = Attr.install(PyType.builtin("TextIOWrapper", PyTextIO.class, TEXT), "_io");

    static final int CHUNK = 8192;

    /** The binary object beneath (owned). */
    PyObject buffer;
    BinaryLayer bin;
    String encoding;
    String errors;
    /** null = universal newlines; "" = recognise all, translate none; else the one newline. */
    String newline;
    boolean lineBuffering, writeThrough;
    /** The mode attribute set by open(), or null. */
    String mode;
    private Charset cs;
    private Codecs.Decoder decoder;
    private Codecs.Encoder encoder;
    private boolean readTranslate, readUniversal;
    /** Newline to write for '\n', or null for none. */
    private String writeNl;
    private boolean detached;

    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder rd = new StringBuilder();
    private int rdPos;
    private long rdStartByte = -1;
    private boolean eof;
    /** Newline kinds seen (universal mode): 1 = \r, 2 = \n, 4 = \r\n. */
    private int seenNl;

    PyTextIO(PyObject buffer, String encoding, String errors, String newline, boolean lineBuffering, boolean writeThrough) {
        if (!(buffer instanceof BinaryLayer b)) {
            throw Errors.typeError("TextIOWrapper() in Gilt needs a binary file object, not %s", buffer.type().name());
        }
        this.buffer = RefCount.newRef(buffer);
        this.bin = b;
        configure(encoding == null ? "UTF-8" : encoding, errors, newline, true);
        this.lineBuffering = lineBuffering;
        this.writeThrough = writeThrough;
        IoModule.track(this);
    }

    private void configure(String encoding, String errors, String newline, boolean setNewline) {
        Charset c = Codecs.charset(encoding); // LookupError before anything changes
        if (setNewline && newline != null && !newline.isEmpty() && !newline.equals("\n") && !newline.equals("\r")
                && !newline.equals("\r\n")) {
            throw Errors.valueError("illegal newline value: %s", newline);
        }
        this.encoding = encoding;
        this.errors = errors == null ? "strict" : errors;
        this.cs = c;
        this.decoder = new Codecs.Decoder(encoding, this.errors);
        this.encoder = new Codecs.Encoder(encoding, this.errors);
        if (setNewline) {
            this.newline = newline;
            readUniversal = newline == null || newline.isEmpty();
            readTranslate = newline == null;
            writeNl = newline == null || newline.isEmpty() || newline.equals("\n") ? null : newline;
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isClosed() {
        if (detached) return false;
        return ((PyIOBase) buffer).isClosed();
    }

    private void checkAttached() {
        if (detached) throw Errors.valueError("underlying buffer has been detached");
    }

    @Override
    protected void checkClosed() {
        checkAttached();
        super.checkClosed();
    }

    // ---- writing ---------------------------------------------------------------------------

    /** TextSink: the fast path of print(). */
    @Override
    public void write(String s) {
        ioLock.lock();
        try {
            writeUnlocked(s);
        } finally {
            ioLock.unlock();
        }
    }

    private void writeUnlocked(String s) {
        checkClosed();
        if (!bin.layerWritable()) throw unsupported("not writable");
        if (rdPos < rd.length() || decoder.pendingBytes() > 0 || eof) rewindReadAhead();
        boolean hasNl = lineBuffering && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0);
        if (writeNl != null && s.indexOf('\n') >= 0) s = s.replace("\n", writeNl);
        pending.append(s);
        if (hasNl) {
            flush();
        } else if (pending.length() >= CHUNK || writeThrough) {
            flushPending();
        }
    }

    private void flushPending() {
        if (pending.length() == 0) return;
        String s = pending.toString();
        pending.setLength(0);
        byte[] b = encoder.encode(s);
        bin.writeBytes(b, 0, b.length);
    }

    @Override
    public void flush() {
        ioLock.lock();
        try {
            flushUnlocked();
        } finally {
            ioLock.unlock();
        }
    }

    private void flushUnlocked() {
        checkClosed();
        flushPending();
        bin.flushBytes();
    }

    /** Flush at exit without raising. */
    void flushQuietly() {
        try {
            if (!detached && !isClosed()) flush();
        } catch (RuntimeException e) {
            // the process is ending
        }
    }

    @Override
    public PyObject write(PyObject data) {
        if (!(data instanceof PyStr s)) {
            throw Errors.typeError("write() argument must be str, not %s", data.type().name());
        }
        write(s.value);
        return PyInt.of(s.value.codePointCount(0, s.value.length()));
    }

    // ---- reading ---------------------------------------------------------------------------

    private void resetRead() {
        rd.setLength(0);
        rdPos = 0;
        rdStartByte = -1;
        eof = false;
        decoder.reset();
    }

    /** Moves the binary position back to the logical one and forgets decoded text. */
    private void rewindReadAhead() {
        if (bin.layerSeekable()) {
            long pos = tellInternal();
            bin.seekBytes(pos, 0);
        }
        resetRead();
    }

    /** Decodes one more chunk into rd; false at end of file with nothing added. */
    private boolean readChunk() {
        if (eof) return false;
        if (rdPos > 0 && rdPos >= rd.length() / 2) {
            if (rdStartByte >= 0) rdStartByte += Codecs.encodedLength(cs, rd, 0, rdPos);
            rd.delete(0, rdPos);
            rdPos = 0;
        }
        if (rd.length() == 0 && decoder.pendingBytes() == 0) {
            rdStartByte = bin.layerSeekable() ? bin.tellBytes() : -1;
        }
        byte[] b = new byte[CHUNK];
        int n = bin.readInto(b, 0, CHUNK);
        int before = rd.length();
        if (n <= 0) {
            eof = true;
            decoder.decode(b, 0, 0, true, rd);
            return rd.length() > before;
        }
        decoder.decode(b, 0, n, false, rd);
        return true;
    }

    private void checkReadable() {
        checkClosed();
        if (!bin.layerReadable()) throw unsupported("not readable");
        if (pending.length() > 0) flushPending();
        eof = false; // a file may grow between reads (tail -f): look again
    }

    private void noteNl(int kind) {
        seenNl |= kind;
    }

    /** Reads n characters (all when n &lt; 0), translating newlines. */
    public String read(long n) {
        ioLock.lock();
        try {
            return readUnlocked(n);
        } finally {
            ioLock.unlock();
        }
    }

    private String readUnlocked(long n) {
        checkReadable();
        if (n < 0) {
            while (readChunk()) { }
            String s = rd.substring(rdPos);
            rdStartByte = rdStartByte < 0 ? -1 : rdStartByte + Codecs.encodedLength(cs, rd, 0, rd.length());
            rd.setLength(0);
            rdPos = 0;
            if (readUniversal) {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\r') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                            noteNl(4);
                            i++;
                        } else noteNl(1);
                    } else if (c == '\n') noteNl(2);
                }
            }
            if (readTranslate && s.indexOf('\r') >= 0) s = s.replace("\r\n", "\n").replace('\r', '\n');
            return s;
        }
        StringBuilder out = new StringBuilder();
        while (out.length() < n) {
            if (rdPos >= rd.length() && !readChunk()) break;
            if (rdPos >= rd.length()) continue;
            char c = rd.charAt(rdPos);
            if (c == '\r' && readTranslate) {
                if (rdPos + 1 >= rd.length() && !eof) {
                    readChunk();
                    continue;
                }
                if (rdPos + 1 < rd.length() && rd.charAt(rdPos + 1) == '\n') {
                    rdPos += 2;
                    noteNl(4);
                } else {
                    rdPos++;
                    noteNl(1);
                }
                out.append('\n');
                continue;
            }
            if (c == '\n') noteNl(2);
            out.append(c);
            rdPos++;
        }
        return out.toString();
    }

    /** One line (with its ending), at most {@code limit} characters when limit &gt;= 0. */
    public String readLine(long limit) {
        ioLock.lock();
        try {
            return readLineUnlocked(limit);
        } finally {
            ioLock.unlock();
        }
    }

    private String readLineUnlocked(long limit) {
        checkReadable();
        StringBuilder out = new StringBuilder();
        while (limit < 0 || out.length() < limit) {
            if (rdPos >= rd.length()) {
                if (!readChunk()) break;
                continue;
            }
            if (readUniversal) {
                // fast scan to the next \r or \n
                int end = rdPos;
                int max = limit < 0 ? rd.length() : (int) Math.min(rd.length(), rdPos + (limit - out.length()));
                while (end < max) {
                    char c = rd.charAt(end);
                    if (c == '\n' || c == '\r') break;
                    end++;
                }
                out.append(rd, rdPos, end);
                rdPos = end;
                if (end >= max) continue;
                char c = rd.charAt(rdPos);
                if (c == '\n') {
                    noteNl(2);
                    out.append('\n');
                    rdPos++;
                    return out.toString();
                }
                // '\r': look ahead for '\n'
                if (rdPos + 1 >= rd.length() && !eof) {
                    if (readChunk()) continue;
                }
                if (rdPos + 1 < rd.length() && rd.charAt(rdPos + 1) == '\n') {
                    noteNl(4);
                    out.append(readTranslate ? "\n" : "\r\n");
                    rdPos += 2;
                } else {
                    noteNl(1);
                    out.append(readTranslate ? '\n' : '\r');
                    rdPos++;
                }
                return out.toString();
            }
            char c = rd.charAt(rdPos++);
            out.append(c);
            if (newline.equals("\n") && c == '\n') return out.toString();
            if (newline.equals("\r") && c == '\r') return out.toString();
            if (newline.equals("\r\n") && c == '\n' && out.length() >= 2 && out.charAt(out.length() - 2) == '\r') {
                return out.toString();
            }
        }
        return out.toString();
    }

    @Override
    public PyObject readline(long limit) {
        return PyStr.of(readLine(limit));
    }

    @Override
    protected boolean isEmpty(PyObject line) {
        return ((PyStr) line).value.isEmpty();
    }

    @Override
    protected long lengthOf(PyObject line) {
        return ((PyStr) line).value.length();
    }

    // ---- positioning -------------------------------------------------------------------------

    private long tellInternal() {
        if (rdStartByte < 0) return bin.tellBytes();
        return rdStartByte + Codecs.encodedLength(cs, rd, 0, rdPos);
    }

    public long tell() {
        checkClosed();
        if (!bin.layerSeekable()) throw unsupported("underlying stream is not seekable");
        flushPending();
        if (rd.length() == 0 && decoder.pendingBytes() == 0) return bin.tellBytes();
        return tellInternal();
    }

    public long seek(long cookie, int whence) {
        checkClosed();
        if (!bin.layerSeekable()) throw unsupported("underlying stream is not seekable");
        switch (whence) {
            case 0 -> {
                if (cookie < 0) throw Errors.valueError("negative seek position %d", cookie);
                flush();
                resetRead();
                bin.seekBytes(cookie, 0);
                return cookie;
            }
            case 1 -> {
                if (cookie != 0) throw unsupported("can't do nonzero cur-relative seeks");
                return tell();
            }
            case 2 -> {
                if (cookie != 0) throw unsupported("can't do nonzero end-relative seeks");
                flush();
                resetRead();
                return bin.seekBytes(0, 2);
            }
            default -> throw Errors.valueError("invalid whence (%d, should be 0, 1 or 2)", whence);
        }
    }

    public long truncate(long pos) {
        checkClosed();
        flush();
        if (pos < 0) pos = tell();
        resetRead();
        bin.truncateBytes(pos);
        return pos;
    }

    // ---- PyIOBase ----------------------------------------------------------------------------

    @Override
    public void close() {
        if (detached || isClosed()) return;
        try {
            flushPending();
        } finally {
            ((PyIOBase) buffer).close();
            IoModule.untrack(this);
        }
    }

    @Override
    public boolean readable() {
        checkClosed();
        return bin.layerReadable();
    }

    @Override
    public boolean writable() {
        checkClosed();
        return bin.layerWritable();
    }

    @Override
    public boolean seekable() {
        checkClosed();
        return bin.layerSeekable();
    }

    @Override
    public boolean isatty() {
        checkClosed();
        return ((PyIOBase) buffer).isatty();
    }

    @Override
    public int fileno() {
        checkAttached();
        return ((PyIOBase) buffer).fileno();
    }

    PyObject newlines() {
        return switch (seenNl) {
            case 0 -> PyNone.NONE;
            case 1 -> PyStr.of("\r");
            case 2 -> PyStr.of("\n");
            case 4 -> PyStr.of("\r\n");
            case 3 -> PyTuple.steal(PyStr.of("\r"), PyStr.of("\n"));
            case 5 -> PyTuple.steal(PyStr.of("\r"), PyStr.of("\r\n"));
            case 6 -> PyTuple.steal(PyStr.of("\n"), PyStr.of("\r\n"));
            default -> PyTuple.steal(PyStr.of("\r"), PyStr.of("\n"), PyStr.of("\r\n"));
        };
    }

    /** The name attribute of the buffer, or null if it has none (BytesIO). Borrowed. */
    PyObject bufferName() {
        if (buffer instanceof PyBuffered b && b.raw != null) return b.raw.name;
        if (buffer instanceof PyFileIO f) return f.name;
        return null;
    }

    String repr() {
        StringBuilder sb = new StringBuilder("<_io.TextIOWrapper");
        PyObject n = detached ? null : bufferName();
        if (n != null) sb.append(" name=").append(Args.repr(n));
        if (mode != null) sb.append(" mode=").append(Args.reprString(mode));
        sb.append(" encoding=").append(Args.reprString(encoding)).append('>');
        return sb.toString();
    }

    @Override
    public void traverse(Visitor v) {
        if (buffer != null) v.visit(buffer);
    }

    @Override
    public void releaseReferences() {
        if (buffer == null) return;
        super.releaseReferences();
        PyObject b = buffer;
        buffer = null;
        detached = true;
        RefCount.decref(b);
    }

    // ---- Python methods ----------------------------------------------------------------------

    private static final ArgParser NEW = ArgParser.of("TextIOWrapper", 1, 0, "buffer", "encoding", "errors",
            "newline", "line_buffering", "write_through");
    private static final ArgParser READ = ArgParser.of("read", 0, 1, "size");
    private static final ArgParser SEEK = ArgParser.of("seek", 1, 2, "cookie", "whence");
    private static final ArgParser TRUNCATE = ArgParser.of("truncate", 0, 1, "pos");
    private static final ArgParser RECONFIGURE = ArgParser.of("reconfigure", 0, 0, "*", "encoding", "errors",
            "newline", "line_buffering", "write_through");

    static String optStr(PyObject o, String what) {
        if (Args.isNone(o)) return null;
        if (o instanceof PyStr s) return s.value;
        throw Errors.typeError("%s must be str or None, not %s", what, o.type().name());
    }

    static {
        TYPE.repr = self -> PyStr.of(((PyTextIO) self).repr());
        TYPE.newInstance = (type, args, kw) -> {
            PyObject[] a = NEW.parse(args, kw);
            String enc = optStr(a[1], "TextIOWrapper() argument 'encoding'");
            String err = optStr(a[2], "TextIOWrapper() argument 'errors'");
            String nl = a[3] == null ? null : optStr(a[3], "TextIOWrapper() argument 'newline'");
            return new PyTextIO(a[0], enc == null ? "utf-8" : enc, err, nl, Args.truth(a[4]), Args.truth(a[5]));
        };
        TYPE.init = (self, args, kw) -> { };
        PyMethodDescr.define(TYPE, "read", (Fn.FV) (self, args, kw) ->
                PyStr.of(((PyTextIO) self).read(sizeArg(READ.parse(args, kw)[0]))));
        PyMethodDescr.define(TYPE, "write", (Fn.F1) (self, s) -> ((PyTextIO) self).write(s));
        PyMethodDescr.define(TYPE, "tell", (Fn.F0) self -> PyInt.of(((PyTextIO) self).tell()));
        PyMethodDescr.define(TYPE, "seek", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = SEEK.parse(args, kw);
            return PyInt.of(((PyTextIO) self).seek(Args.asLong(a[0]), a[1] == null ? 0 : Args.asInt(a[1])));
        });
        PyMethodDescr.define(TYPE, "truncate", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = TRUNCATE.parse(args, kw);
            return PyInt.of(((PyTextIO) self).truncate(Args.isNone(a[0]) ? -1 : Args.asLong(a[0])));
        });
        PyMethodDescr.define(TYPE, "detach", (Fn.F0) self -> {
            PyTextIO t = (PyTextIO) self;
            t.checkAttached();
            t.flush();
            PyObject b = t.buffer;
            t.detached = true;
            t.buffer = PyNone.NONE;
            IoModule.untrack(t);
            return b;
        });
        PyMethodDescr.define(TYPE, "reconfigure", (Fn.FV) (self, args, kw) -> {
            PyTextIO t = (PyTextIO) self;
            PyObject[] a = RECONFIGURE.parse(args, kw);
            t.flush();
            String enc = a[0] == null ? t.encoding : optStr(a[0], "reconfigure() argument 'encoding'");
            String err = a[1] == null ? (a[0] == null ? t.errors : "strict") : optStr(a[1], "reconfigure() argument 'errors'");
            if (enc == null) enc = t.encoding;
            boolean setNl = a[2] != null;
            t.configure(enc, err, setNl ? optStr(a[2], "reconfigure() argument 'newline'") : t.newline, setNl);
            if (a[3] != null && a[3] != PyNone.NONE) t.lineBuffering = Ops.isTrue(a[3]);
            if (a[4] != null && a[4] != PyNone.NONE) t.writeThrough = Ops.isTrue(a[4]);
            return PyNone.NONE;
        });
        Prop.define(TYPE, "encoding", self -> PyStr.of(((PyTextIO) self).encoding));
        Prop.define(TYPE, "errors", self -> PyStr.of(((PyTextIO) self).errors));
        Prop.define(TYPE, "line_buffering", self -> PyBool.of(((PyTextIO) self).lineBuffering));
        Prop.define(TYPE, "write_through", self -> PyBool.of(((PyTextIO) self).writeThrough));
        Prop.define(TYPE, "newlines", self -> ((PyTextIO) self).newlines());
        Prop.define(TYPE, "buffer", self -> {
            PyTextIO t = (PyTextIO) self;
            t.checkAttached();
            return RefCount.newRef(t.buffer);
        });
        Prop.define(TYPE, "name", self -> {
            PyTextIO t = (PyTextIO) self;
            t.checkAttached();
            PyObject n = t.bufferName();
            if (n == null) return Ops.getAttr(t.buffer, "name");
            return RefCount.newRef(n);
        });
        Prop.define(TYPE, "mode", self -> {
            PyTextIO t = (PyTextIO) self;
            if (t.mode == null) throw Errors.attributeError("'_io.TextIOWrapper' object has no attribute 'mode'");
            return PyStr.of(t.mode);
        }, (self, v) -> ((PyTextIO) self).mode = v == null ? null : Args.asStr(v, "mode"));
    }
}
