package dev.gilt.stdlib.io;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.io.TextSink;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Prop;

/**
 * {@code io.StringIO}: an in-memory text file. Newlines are translated when written (as
 * CPython's StringIO does), so the stored text is what getvalue() returns. Positions count UTF-16
 * units (they equal code points unless the text has characters outside the BMP).
 */
public final class PyStringIO extends PyIOBase implements TextSink {
    public static final PyType TYPE = Attr.install(PyType.builtin("StringIO", PyStringIO.class, TEXT), "_io");

    private final StringBuilder buf = new StringBuilder();
    private int pos;
    /** null = universal (translate \r\n and \r to \n on write). */
    private final String newline;
    private int seenNl;

    public PyStringIO(String initial, String newline) {
        this.newline = newline;
        if (initial != null && !initial.isEmpty()) {
            buf.append(translate(initial));
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    protected void checkClosed() {
        if (closed) throw Errors.valueError("I/O operation on closed file");
    }

    private String translate(String s) {
        if (newline == null) {
            if (s.indexOf('\r') < 0) {
                if (s.indexOf('\n') >= 0) seenNl |= 2;
                return s;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\r') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        seenNl |= 4;
                        i++;
                    } else seenNl |= 1;
                } else if (c == '\n') seenNl |= 2;
            }
            return s.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (newline.equals("\r") || newline.equals("\r\n")) return s.replace("\n", newline);
        return s;
    }

    public String getvalue() {
        checkClosed();
        return buf.toString();
    }

    @Override
    public void write(String s) {
        checkClosed();
        s = translate(s);
        int n = s.length();
        if (n == 0) return;
        if (pos > buf.length()) {
            while (buf.length() < pos) buf.append('\0');
        }
        int end = Math.min(buf.length(), pos + n);
        buf.replace(pos, end, s);
        pos += n;
    }

    @Override
    public PyObject write(PyObject data) {
        if (!(data instanceof PyStr s)) {
            throw Errors.typeError("string argument expected, got '%s'", data.type().name());
        }
        write(s.value);
        return PyInt.of(s.value.codePointCount(0, s.value.length()));
    }

    @Override
    public void flush() {
        checkClosed();
    }

    public String read(long n) {
        checkClosed();
        if (pos >= buf.length()) return "";
        int end = n < 0 ? buf.length() : (int) Math.min(buf.length(), pos + n);
        String s = buf.substring(pos, end);
        pos = end;
        return s;
    }

    public String readLine(long limit) {
        checkClosed();
        int len = buf.length();
        if (pos >= len) return "";
        int max = limit < 0 ? len : (int) Math.min(len, pos + limit);
        int i = pos;
        while (i < max) {
            char c = buf.charAt(i++);
            if (newline == null || newline.equals("\n")) {
                if (c == '\n') break;
            } else if (newline.isEmpty()) {
                if (c == '\n') break;
                if (c == '\r') {
                    if (i < max && buf.charAt(i) == '\n') i++;
                    break;
                }
            } else if (newline.equals("\r")) {
                if (c == '\r') break;
            } else if (c == '\n' && i >= 2 && buf.charAt(i - 2) == '\r') {
                break;
            }
        }
        String s = buf.substring(pos, i);
        pos = i;
        return s;
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

    public long seek(long p, int whence) {
        checkClosed();
        if (whence < 0 || whence > 2) throw Errors.valueError("Invalid whence (%d, should be 0, 1 or 2)", whence);
        if (whence == 0 && p < 0) throw Errors.valueError("Negative seek position %d", p);
        if (whence != 0 && p != 0) throw Errors.of(PyExc.OSError, "Can't do nonzero cur-relative seeks");
        if (whence == 1) return pos;
        if (whence == 2) p = buf.length();
        pos = (int) Math.min(p, Integer.MAX_VALUE - 8);
        return pos;
    }

    public long truncate(long size) {
        checkClosed();
        if (size < 0) throw Errors.valueError("Negative size value %d", size);
        if (size < buf.length()) buf.setLength((int) size);
        return size;
    }

    @Override
    public void close() {
        closed = true;
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

    private static final ArgParser NEW = ArgParser.of("StringIO", 0, 0, "initial_value", "newline");
    private static final ArgParser READ = ArgParser.of("read", 0, 1, "size");
    private static final ArgParser SEEK = ArgParser.of("seek", 1, 2, "pos", "whence");
    private static final ArgParser TRUNCATE = ArgParser.of("truncate", 0, 1, "pos");

    static {
        TYPE.newInstance = (type, args, kw) -> {
            PyObject[] a = NEW.parse(args, kw);
            String init = null;
            if (!Args.isNone(a[0])) {
                if (!(a[0] instanceof PyStr s)) {
                    throw Errors.typeError("initial_value must be str or None, not %s", a[0].type().name());
                }
                init = s.value;
            }
            String nl = "\n";
            if (a[1] != null) {
                nl = PyTextIO.optStr(a[1], "newline");
                if (nl != null && !nl.isEmpty() && !nl.equals("\n") && !nl.equals("\r") && !nl.equals("\r\n")) {
                    throw Errors.valueError("illegal newline value: %s", nl);
                }
            }
            return new PyStringIO(init, nl);
        };
        TYPE.init = (self, args, kw) -> { };
        PyMethodDescr.define(TYPE, "getvalue", (Fn.F0) self -> PyStr.of(((PyStringIO) self).getvalue()));
        PyMethodDescr.define(TYPE, "read", (Fn.FV) (self, args, kw) ->
                PyStr.of(((PyStringIO) self).read(sizeArg(READ.parse(args, kw)[0]))));
        PyMethodDescr.define(TYPE, "write", (Fn.F1) (self, s) -> ((PyStringIO) self).write(s));
        PyMethodDescr.define(TYPE, "tell", (Fn.F0) self -> {
            PyStringIO s = (PyStringIO) self;
            s.checkClosed();
            return PyInt.of(s.pos);
        });
        PyMethodDescr.define(TYPE, "seek", (Fn.FV) (self, args, kw) -> {
            PyObject[] a = SEEK.parse(args, kw);
            return PyInt.of(((PyStringIO) self).seek(Args.asLong(a[0]), a[1] == null ? 0 : Args.asInt(a[1])));
        });
        PyMethodDescr.define(TYPE, "truncate", (Fn.FV) (self, args, kw) -> {
            PyStringIO s = (PyStringIO) self;
            PyObject[] a = TRUNCATE.parse(args, kw);
            s.checkClosed();
            return PyInt.of(s.truncate(Args.isNone(a[0]) ? s.pos : Args.asLong(a[0])));
        });
        Prop.define(TYPE, "line_buffering", self -> PyBool.FALSE);
        Prop.define(TYPE, "newlines", self -> {
            PyStringIO s = (PyStringIO) self;
            if (s.newline != null) return PyNone.NONE;
            return switch (s.seenNl) {
                case 0 -> PyNone.NONE;
                case 1 -> PyStr.of("\r");
                case 2 -> PyStr.of("\n");
                case 4 -> PyStr.of("\r\n");
                default -> PyStr.of("\n");
            };
        });
    }
}
