package dev.gilt.stdlib.io;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBuiltinFunction;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Codecs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The {@code _io} module (and {@code io}, which exposes the same objects): open(), the file
 * types, StringIO/BytesIO, and the standard streams that {@code sys} installs.
 *
 * <p>Open buffered and text files are remembered until closed so that their buffers are flushed
 * when the process ends ({@link #flushAll}, also run by a JVM shutdown hook), as CPython flushes
 * files that are still alive at finalization.
 */
public final class IoModule implements ModuleProvider {
    public static final int DEFAULT_BUFFER_SIZE = PyBuffered.DEFAULT_BUFFER_SIZE;

    private static final Set<PyIOBase> OPEN = Collections.newSetFromMap(new IdentityHashMap<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(IoModule::flushAll, "gilt-io-flush"));
    }

    static void track(PyIOBase f) {
        synchronized (OPEN) {
            OPEN.add(f);
        }
    }

    static void untrack(PyIOBase f) {
        synchronized (OPEN) {
            OPEN.remove(f);
        }
    }

    /** Flushes every open text and buffered file (text first, so its bytes reach the buffers). */
    public static void flushAll() {
        List<PyIOBase> files;
        synchronized (OPEN) {
            files = new ArrayList<>(OPEN);
        }
        for (PyIOBase f : files) if (f instanceof PyTextIO t) t.flushQuietly();
        for (PyIOBase f : files) if (f instanceof PyBuffered b) b.flushQuietly();
    }

    @Override
    public String name() {
        return "_io";
    }

    @Override
    public PyModule create(Interp interp) {
        return build("_io");
    }

    /** The public name: the same objects as _io. */
    public static final class Public implements ModuleProvider {
        @Override
        public String name() {
            return "io";
        }

        @Override
        public PyModule create(Interp interp) {
            PyModule m = build("io");
            m.setSteal("SEEK_SET", PyInt.of(0));
            m.setSteal("SEEK_CUR", PyInt.of(1));
            m.setSteal("SEEK_END", PyInt.of(2));
            m.set("IOBase", PyIOBase.IOBASE);
            m.set("RawIOBase", PyIOBase.RAW);
            m.set("BufferedIOBase", PyIOBase.BUFFERED);
            m.set("TextIOBase", PyIOBase.TEXT);
            return m;
        }
    }

    // ---- open() -------------------------------------------------------------------------------

    private static final ArgParser OPEN_ARGS = ArgParser.of("open", 1, 0, "file", "mode", "buffering", "encoding",
            "errors", "newline", "closefd", "opener");

    /** The one open function object, shared by io, _io and builtins. */
    public static final PyBuiltinFunction OPEN_FUNCTION = RefCount.immortalize(
            PyBuiltinFunction.of("open", null, (Fn.FV) (self, args, kw) -> open(OPEN_ARGS.parse(args, kw))));

    private static String strArg(PyObject o, String name) {
        if (Args.isNone(o)) return null;
        if (o instanceof PyStr s) return s.value;
        throw Errors.typeError("open() argument '%s' must be str or None, not %s", name, o.type().name());
    }

    /** open(file, mode, buffering, encoding, errors, newline, closefd, opener) with parsed arguments. */
    static PyObject open(PyObject[] a) {
        PyObject file = a[0];
        String mode = "r";
        if (a[1] != null) {
            if (!(a[1] instanceof PyStr ms)) {
                throw Errors.typeError("open() argument 'mode' must be str, not %s", a[1].type().name());
            }
            mode = ms.value;
        }
        int buffering = a[2] == null ? -1 : Args.asInt(a[2]);
        String encoding = strArg(a[3], "encoding");
        String errors = strArg(a[4], "errors");
        String newline = strArg(a[5], "newline");
        boolean closefd = a[6] == null || Ops.isTrue(a[6]);
        PyObject opener = Args.isNone(a[7]) ? null : a[7];

        boolean creating = false, reading = false, writing = false, appending = false, updating = false,
                text = false, binary = false;
        for (int i = 0; i < mode.length(); i++) {
            char c = mode.charAt(i);
            if ("rwxabt+".indexOf(c) < 0 || mode.indexOf(c, i + 1) >= 0) {
                throw Errors.valueError("invalid mode: %s", Args.reprString(mode));
            }
            switch (c) {
                case 'x' -> creating = true;
                case 'r' -> reading = true;
                case 'w' -> writing = true;
                case 'a' -> appending = true;
                case '+' -> updating = true;
                case 't' -> text = true;
                default -> binary = true;
            }
        }
        String rawMode = (creating ? "x" : "") + (reading ? "r" : "") + (writing ? "w" : "") + (appending ? "a" : "")
                + (updating ? "+" : "");
        if (text && binary) throw Errors.valueError("can't have text and binary mode at once");
        int n = (creating ? 1 : 0) + (reading ? 1 : 0) + (writing ? 1 : 0) + (appending ? 1 : 0);
        if (n > 1) throw Errors.valueError("must have exactly one of create/read/write/append mode");
        if (n == 0) {
            throw Errors.valueError("Must have exactly one of create/read/write/append mode and at most one plus");
        }
        if (binary && encoding != null) throw Errors.valueError("binary mode doesn't take an encoding argument");
        if (binary && errors != null) throw Errors.valueError("binary mode doesn't take an errors argument");
        if (binary && newline != null) throw Errors.valueError("binary mode doesn't take a newline argument");
        if (!binary && buffering == 0) throw Errors.valueError("can't have unbuffered text I/O");
        if (newline != null && !newline.isEmpty() && !newline.equals("\n") && !newline.equals("\r")
                && !newline.equals("\r\n")) {
            throw Errors.valueError("illegal newline value: %s", newline);
        }
        if (!binary && encoding != null) Codecs.charset(encoding); // LookupError before the file is created

        PyFileIO raw;
        if (opener != null) {
            int flags = (updating ? 2 : (reading ? 0 : 1)) | (writing ? 64 | 512 : 0) | (appending ? 64 | 1024 : 0)
                    | (creating ? 64 | 128 : 0) | 0x80000;
            PyInt fl = PyInt.of(flags);
            PyObject fd;
            try {
                fd = Ops.call(opener, file, fl);
            } finally {
                RefCount.decref(fl);
            }
            try {
                if (!(fd instanceof PyInt fi)) {
                    throw Errors.typeError("expected integer from opener");
                }
                if (fi.value < 0) throw Errors.valueError("opener returned %d", fi.value);
                raw = PyFileIO.open(fd, rawMode, closefd);
                RefCount.decref(raw.name);
                raw.name = RefCount.newRef(file);
            } finally {
                RefCount.decref(fd);
            }
        } else {
            raw = PyFileIO.open(file, rawMode, closefd);
        }
        boolean lineBuffering = false;
        if (buffering == 1 || (buffering < 0 && raw.raw.isatty())) {
            lineBuffering = !binary;
            if (buffering == 1) buffering = -1;
        }
        int size = buffering < 0 ? DEFAULT_BUFFER_SIZE : buffering;
        if (buffering == 0) return raw;
        PyBuffered buf = PyBuffered.over(raw, size);
        RefCount.decref(raw);
        if (binary) return buf;
        PyTextIO t;
        try {
            t = new PyTextIO(buf, encoding == null ? "UTF-8" : encoding, errors, newline, lineBuffering, false);
        } finally {
            RefCount.decref(buf);
        }
        t.mode = mode;
        return t;
    }

    // ---- standard streams ---------------------------------------------------------------------

    /**
     * A text stream over standard descriptor {@code fd} (0, 1, 2) as CPython creates them: UTF-8,
     * newline "\n", stdout line-buffered on a terminal, stderr always line-buffered with
     * backslashreplace; {@code unbuffered} (-u) makes stdout and stderr write through.
     */
    public static PyTextIO stdStream(int fd, boolean unbuffered) {
        String name = fd == 0 ? "<stdin>" : fd == 1 ? "<stdout>" : "<stderr>";
        PyFileIO raw = PyFileIO.std(fd, name);
        boolean tty = raw.raw.isatty();
        // -u / PYTHONUNBUFFERED: stdout and stderr write straight to the descriptor (buffer is
        // the FileIO itself, as CPython's).
        PyObject buf = fd != 0 && unbuffered
                ? raw
                : new PyBuffered(fd == 0 ? PyBuffered.READER : PyBuffered.WRITER, raw, DEFAULT_BUFFER_SIZE);
        if (buf != raw) RefCount.decref(raw);
        PyTextIO t = new PyTextIO(buf, "utf-8", fd == 2 ? "backslashreplace" : "strict", "\n",
                fd == 2 || (fd == 1 && tty), fd != 0 && unbuffered);
        RefCount.decref(buf);
        t.mode = fd == 0 ? "r" : "w";
        return t;
    }

    // ---- module ---------------------------------------------------------------------------

    static PyModule build(String name) {
        PyModule m = new PyModule(name);
        m.set("open", OPEN_FUNCTION);
        m.setSteal("DEFAULT_BUFFER_SIZE", PyInt.of(DEFAULT_BUFFER_SIZE));
        m.set("FileIO", PyFileIO.TYPE);
        m.set("BufferedReader", PyBuffered.READER);
        m.set("BufferedWriter", PyBuffered.WRITER);
        m.set("BufferedRandom", PyBuffered.RANDOM);
        m.set("TextIOWrapper", PyTextIO.TYPE);
        m.set("StringIO", PyStringIO.TYPE);
        m.set("BytesIO", PyBytesIO.TYPE);
        m.set("UnsupportedOperation", PyIOBase.UNSUPPORTED);
        m.set("BlockingIOError", dev.gilt.runtime.error.PyExc.BlockingIOError);
        m.set("_IOBase", PyIOBase.IOBASE);
        m.set("_RawIOBase", PyIOBase.RAW);
        m.set("_BufferedIOBase", PyIOBase.BUFFERED);
        m.set("_TextIOBase", PyIOBase.TEXT);
        m.def("open_code", (Fn.F1) (mod, path) -> {
            PyStr rb = PyStr.of("rb");
            try {
                return open(new PyObject[] {path, rb, null, null, null, null, null, null});
            } finally {
                RefCount.decref(rb);
            }
        });
        m.def("text_encoding", (Fn.FV) (mod, args, kw) -> {
            Args.count("text_encoding", args, 1, 2);
            if (Args.isNone(args[0])) return PyStr.of("utf-8");
            return RefCount.newRef(args[0]);
        });
        return m;
    }

    static PyObject none() {
        return PyNone.NONE;
    }

    static PyObject bool(boolean b) {
        return PyBool.of(b);
    }
}
