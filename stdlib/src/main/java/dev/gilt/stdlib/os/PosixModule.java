package dev.gilt.stdlib.os;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.stdlib.io.FdTable;
import dev.gilt.stdlib.io.IoModule;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Cwd;
import dev.gilt.stdlib.util.OsErr;
import dev.gilt.stdlib.util.StructSeq;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code posix}: the operating-system interface under {@code os} (lib/os.py), over java.nio.file.
 * Relative paths resolve against {@link Cwd} (os.chdir moves it; a JVM cannot change its own
 * working directory). Failures raise the errno-specific OSError with CPython's messages, naming
 * the path as the caller gave it.
 */
public final class PosixModule implements ModuleProvider {
    @Override
    public String name() {
        return "posix";
    }

    public static final StructSeq.Type STAT_RESULT = StructSeq.newType("os", "stat_result",
            new String[] {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
                "st_mtime", "st_ctime"},
            "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize",
            "st_blocks", "st_rdev");
    public static final StructSeq.Type TERMINAL_SIZE = StructSeq.newType("os", "terminal_size",
            new String[] {"columns", "lines"});
    public static final StructSeq.Type UNAME_RESULT = StructSeq.newType("posix", "uname_result",
            new String[] {"sysname", "nodename", "release", "version", "machine"});
    public static final StructSeq.Type TIMES_RESULT = StructSeq.newType("posix", "times_result",
            new String[] {"user", "system", "children_user", "children_system", "elapsed"});

    @FunctionalInterface
    interface Io<T> {
        T run() throws IOException;
    }

    /** Runs a file operation, turning Java failures into OSError naming {@code name}. */
    static <T> T io(String name, Io<T> op) {
        try {
            return op.run();
        } catch (FdTable.BadFd e) {
            throw OsErr.error(OsErr.EBADF, null);
        } catch (AtomicMoveNotSupportedException e) {
            throw OsErr.error(OsErr.EXDEV, name);
        } catch (IOException e) {
            throw OsErr.from(e, name);
        }
    }

    static String path(PyObject p, String fname) {
        return Cwd.fspath(p, fname, "path");
    }

    static Path resolve(String p) {
        if (p.isEmpty()) throw OsErr.error(OsErr.ENOENT, p);
        if (p.indexOf('\0') >= 0) throw Errors.valueError("embedded null byte");
        return Cwd.resolve(p);
    }

    static PyObject statResult(Path p, boolean follow) throws IOException {
        LinkOption[] lo = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        Map<String, Object> a = Files.readAttributes(p, "unix:*", lo);
        long size = ((Number) a.get("size")).longValue();
        long at = nanos((FileTime) a.get("lastAccessTime")), mt = nanos((FileTime) a.get("lastModifiedTime")),
                ct = nanos((FileTime) a.get("ctime"));
        return StructSeq.make(STAT_RESULT, PyInt.of(((Number) a.get("mode")).longValue()),
                PyInt.of(((Number) a.get("ino")).longValue()), PyInt.of(((Number) a.get("dev")).longValue()),
                PyInt.of(((Number) a.get("nlink")).longValue()), PyInt.of(((Number) a.get("uid")).longValue()),
                PyInt.of(((Number) a.get("gid")).longValue()), PyInt.of(size),
                PyInt.of(Math.floorDiv(at, 1_000_000_000L)), PyInt.of(Math.floorDiv(mt, 1_000_000_000L)),
                PyInt.of(Math.floorDiv(ct, 1_000_000_000L)),
                PyFloat.of(at / 1e9), PyFloat.of(mt / 1e9), PyFloat.of(ct / 1e9),
                PyInt.of(at), PyInt.of(mt), PyInt.of(ct), PyInt.of(4096), PyInt.of((size + 511) / 512),
                PyInt.of(((Number) a.get("rdev")).longValue()));
    }

    static long nanos(FileTime t) {
        var i = t.toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static final ArgParser STAT = ArgParser.of("stat", 1, 0, "path", "*", "dir_fd", "follow_symlinks");
    private static final ArgParser MKDIR = ArgParser.of("mkdir", 1, 0, "path", "mode", "*", "dir_fd");
    private static final ArgParser LISTDIR = ArgParser.of("listdir", 0, 0, "path");
    private static final ArgParser OPEN = ArgParser.of("open", 2, 0, "path", "flags", "mode", "*", "dir_fd");
    private static final ArgParser ACCESS = ArgParser.of("access", 2, 0, "path", "mode", "*", "dir_fd",
            "effective_ids", "follow_symlinks");
    private static final ArgParser RENAME = ArgParser.of("rename", 2, 0, "src", "dst", "*", "src_dir_fd", "dst_dir_fd");
    private static final ArgParser UTIME = ArgParser.of("utime", 1, 0, "path", "times", "*", "ns", "dir_fd",
            "follow_symlinks");

    /** The first line of /proc/sys/kernel/NAME (Linux), or {@code dflt}. */
    static String procKernel(String name, String dflt) {
        try {
            var lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys/kernel", name));
            return lines.isEmpty() ? dflt : lines.get(0).strip();
        } catch (IOException | RuntimeException e) {
            return dflt;
        }
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("posix");
        m.set("stat_result", STAT_RESULT);
        m.set("terminal_size", TERMINAL_SIZE);
        m.set("DirEntry", ScandirIterator.ENTRY_TYPE);
        m.set("error", dev.gilt.runtime.error.PyExc.OSError);
        PyDict env = new PyDict();
        for (var e : System.getenv().entrySet()) {
            PyStr k = PyStr.of(e.getKey()), v = PyStr.of(e.getValue());
            env.setItem(k, v);
            RefCount.decref(k);
            RefCount.decref(v);
        }
        m.setSteal("environ", env);
        int[][] consts = {};
        String[] names = {"F_OK", "R_OK", "W_OK", "X_OK", "O_RDONLY", "O_WRONLY", "O_RDWR", "O_CREAT", "O_EXCL",
            "O_NOCTTY", "O_TRUNC", "O_APPEND", "O_NONBLOCK", "O_SYNC", "O_CLOEXEC", "O_DIRECTORY", "SEEK_SET",
            "SEEK_CUR", "SEEK_END", "EX_OK", "WNOHANG"};
        long[] vals = {0, 4, 2, 1, 0, 1, 2, 64, 128, 256, 512, 1024, 2048, 1052672, 524288, 65536, 0, 1, 2, 0, 1};
        for (int i = 0; i < names.length; i++) m.setSteal(names[i], PyInt.of(vals[i]));
        assert consts.length == 0;

        m.def("getpid", (Fn.F0) mod -> PyInt.of(ProcessHandle.current().pid()));
        m.def("getppid", (Fn.F0) mod -> PyInt.of(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L)));
        m.def("getcwd", (Fn.F0) mod -> PyStr.of(Cwd.get().toString()));
        m.def("getcwdb", (Fn.F0) mod -> PyBytes.of(Cwd.get().toString().getBytes(StandardCharsets.UTF_8)));
        m.def("chdir", (Fn.F1) (mod, p) -> {
            String s = path(p, "chdir");
            Path r = resolve(s);
            if (!Files.exists(r)) throw OsErr.error(OsErr.ENOENT, s);
            if (!Files.isDirectory(r)) throw OsErr.error(OsErr.ENOTDIR, s);
            io(s, () -> {
                Cwd.set(r.toRealPath());
                return null;
            });
            return PyNone.NONE;
        });
        m.def("listdir", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = LISTDIR.parse(args, kw);
            String s = Args.isNone(a[0]) ? "." : path(a[0], "listdir");
            boolean bytes = a[0] instanceof PyBytes;
            Path r = resolve(s);
            PyList out = new PyList();
            io(s, () -> {
                if (Files.exists(r) && !Files.isDirectory(r)) throw new java.nio.file.NotDirectoryException(s);
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(r)) {
                    for (Path c : ds) {
                        String n = c.getFileName().toString();
                        out.appendSteal(bytes ? PyBytes.of(n.getBytes(StandardCharsets.UTF_8)) : PyStr.of(n));
                    }
                }
                return null;
            });
            return out;
        });
        m.def("scandir", (Fn.FV) (mod, args, kw) -> {
            Args.count("scandir", args, 0, 1);
            String s = args.length == 0 || Args.isNone(args[0]) ? "." : path(args[0], "scandir");
            Path r = resolve(s);
            return io(s, () -> {
                if (Files.exists(r) && !Files.isDirectory(r)) throw new java.nio.file.NotDirectoryException(s);
                return new ScandirIterator(s, r);
            });
        });
        m.def("mkdir", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = MKDIR.parse(args, kw);
            String s = path(a[0], "mkdir");
            Path r = resolve(s);
            io(s, () -> Files.createDirectory(r));
            if (a[1] != null) chmod(r, (int) Args.asLong(a[1]) & 0777 & ~0022);
            return PyNone.NONE;
        });
        m.def("rmdir", (Fn.F1) (mod, p) -> {
            String s = path(p, "rmdir");
            Path r = resolve(s);
            if (Files.exists(r, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(r, LinkOption.NOFOLLOW_LINKS)) {
                throw OsErr.error(OsErr.ENOTDIR, s);
            }
            io(s, () -> {
                Files.delete(r);
                return null;
            });
            return PyNone.NONE;
        });
        Fn.F1 remove = (mod, p) -> {
            String s = path(p, "remove");
            Path r = resolve(s);
            if (Files.isDirectory(r, LinkOption.NOFOLLOW_LINKS)) throw OsErr.error(OsErr.EISDIR, s);
            io(s, () -> {
                Files.delete(r);
                return null;
            });
            return PyNone.NONE;
        };
        m.def("remove", remove);
        m.def("unlink", remove);
        Fn.FV rename = (mod, args, kw) -> {
            PyObject[] a = RENAME.parse(args, kw);
            String src = path(a[0], "rename"), dst = path(a[1], "rename");
            Path rs = resolve(src), rd = resolve(dst);
            try {
                if (Files.isDirectory(rs, LinkOption.NOFOLLOW_LINKS) && Files.exists(rd)
                        && !Files.isDirectory(rd)) {
                    throw OsErr.error(OsErr.ENOTDIR, src, dst);
                }
                if (!Files.isDirectory(rs, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(rd)) {
                    throw OsErr.error(OsErr.EISDIR, src, dst);
                }
                Files.move(rs, rd, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw OsErr.error(OsErr.EXDEV, src, dst);
            } catch (IOException e) {
                throw OsErr.from(e, src, dst);
            }
            return PyNone.NONE;
        };
        m.def("rename", rename);
        m.def("replace", rename);
        Fn.FV stat = (mod, args, kw) -> {
            PyObject[] a = STAT.parse(args, kw);
            boolean follow = a[2] == null || Ops.isTrue(a[2]);
            if (Args.isIndex(a[0]) && !(a[0] instanceof PyBool)) return fstat(Args.asInt(a[0]));
            String s = path(a[0], "stat");
            return io(s, () -> statResult(resolve(s), follow));
        };
        m.def("stat", stat);
        m.def("lstat", (Fn.F1) (mod, p) -> {
            String s = path(p, "lstat");
            return io(s, () -> statResult(resolve(s), false));
        });
        m.def("fstat", (Fn.F1) (mod, fd) -> fstat(Args.asInt(fd)));
        m.def("access", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = ACCESS.parse(args, kw);
            String s = path(a[0], "access");
            Path r = Cwd.resolve(s);
            long mode = Args.asLong(a[1]);
            boolean ok = Files.exists(r);
            if (ok && (mode & 4) != 0) ok = Files.isReadable(r);
            if (ok && (mode & 2) != 0) ok = Files.isWritable(r);
            if (ok && (mode & 1) != 0) ok = Files.isExecutable(r);
            return PyBool.of(ok);
        });
        m.def("chmod", (Fn.FV) (mod, args, kw) -> {
            Args.count("chmod", args, 2, 2);
            String s = path(args[0], "chmod");
            Path r = resolve(s);
            if (!Files.exists(r)) throw OsErr.error(OsErr.ENOENT, s);
            chmod(r, (int) Args.asLong(args[1]));
            return PyNone.NONE;
        });
        m.def("utime", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = UTIME.parse(args, kw);
            String s = path(a[0], "utime");
            Path r = resolve(s);
            long at, mt;
            if (a[2] != null) {
                PyTuple t = (PyTuple) a[2];
                at = Args.asLong(t.get(0));
                mt = Args.asLong(t.get(1));
            } else if (!Args.isNone(a[1])) {
                PyTuple t = (PyTuple) a[1];
                at = (long) (Args.asDouble(t.get(0)) * 1e9);
                mt = (long) (Args.asDouble(t.get(1)) * 1e9);
            } else {
                at = mt = System.currentTimeMillis() * 1_000_000L;
            }
            io(s, () -> {
                var view = Files.getFileAttributeView(r, java.nio.file.attribute.BasicFileAttributeView.class);
                view.setTimes(FileTime.from(mt, java.util.concurrent.TimeUnit.NANOSECONDS),
                        FileTime.from(at, java.util.concurrent.TimeUnit.NANOSECONDS), null);
                return null;
            });
            return PyNone.NONE;
        });
        m.def("symlink", (Fn.FV) (mod, args, kw) -> {
            if (args.length < 2) throw Errors.typeError("symlink() missing required argument 'dst' (pos 2)");
            String src = path(args[0], "symlink"), dst = path(args[1], "symlink");
            io(src, () -> Files.createSymbolicLink(resolve(dst), Path.of(src)));
            return PyNone.NONE;
        });
        m.def("readlink", (Fn.FV) (mod, args, kw) -> {
            Args.count("readlink", args, 1, 1);
            String s = path(args[0], "readlink");
            Path r = resolve(s);
            if (Files.exists(r, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(r)) {
                throw OsErr.error(OsErr.EINVAL, s);
            }
            String t = io(s, () -> Files.readSymbolicLink(r).toString());
            return args[0] instanceof PyBytes ? PyBytes.of(t.getBytes(StandardCharsets.UTF_8)) : PyStr.of(t);
        });
        m.def("link", (Fn.F2) (mod, a, b) -> {
            String src = path(a, "link"), dst = path(b, "link");
            try {
                Files.createLink(resolve(dst), resolve(src));
            } catch (IOException e) {
                throw OsErr.from(e, src, dst);
            }
            return PyNone.NONE;
        });
        m.def("truncate", (Fn.F2) (mod, p, len) -> {
            long n = Args.asLong(len);
            if (Args.isIndex(p)) {
                io(null, () -> {
                    FdTable.truncate(Args.asInt(p), n);
                    return null;
                });
                return PyNone.NONE;
            }
            String s = path(p, "truncate");
            io(s, () -> {
                try (var ch = java.nio.channels.FileChannel.open(resolve(s), StandardOpenOption.WRITE)) {
                    if (n < ch.size()) ch.truncate(n);
                    else if (n > ch.size()) ch.write(java.nio.ByteBuffer.wrap(new byte[] {0}), n - 1);
                }
                return null;
            });
            return PyNone.NONE;
        });
        m.def("urandom", (Fn.F1) (mod, n) -> {
            long k = Args.asLong(n);
            if (k < 0) throw Errors.valueError("negative argument not allowed");
            byte[] b = new byte[(int) k];
            new SecureRandom().nextBytes(b);
            return PyBytes.of(b);
        });
        m.def("cpu_count", (Fn.F0) mod -> PyInt.of(Runtime.getRuntime().availableProcessors()));
        m.def("strerror", (Fn.F1) (mod, n) -> PyStr.of(OsErr.strerror(Args.asInt(n))));
        m.def("_exit", (Fn.F1) (mod, n) -> {
            Runtime.getRuntime().halt(Args.asInt(n));
            return PyNone.NONE;
        });
        m.def("fspath", (Fn.F1) (mod, p) -> {
            if (p instanceof PyStr || p instanceof PyBytes) return RefCount.newRef(p);
            if (p.type().lookup("__fspath__") == null) {
                throw Errors.typeError("expected str, bytes or os.PathLike object, not %s", p.type().name());
            }
            PyObject r = Ops.callMethod(p, "__fspath__");
            if (!(r instanceof PyStr) && !(r instanceof PyBytes)) {
                String tn = r.type().name();
                RefCount.decref(r);
                throw Errors.typeError("expected %s.__fspath__() to return str or bytes, not %s", p.type().name(), tn);
            }
            return r;
        });
        m.def("putenv", (Fn.F2) (mod, k, v) -> PyNone.NONE);
        m.def("unsetenv", (Fn.F1) (mod, k) -> PyNone.NONE);
        m.def("getuid", (Fn.F0) mod -> PyInt.of(unixId("uid")));
        m.def("geteuid", (Fn.F0) mod -> PyInt.of(unixId("uid")));
        m.def("getgid", (Fn.F0) mod -> PyInt.of(unixId("gid")));
        m.def("getegid", (Fn.F0) mod -> PyInt.of(unixId("gid")));
        m.def("getlogin", (Fn.F0) mod -> PyStr.of(System.getProperty("user.name", "")));
        m.def("umask", (Fn.F1) (mod, mask) -> PyInt.of(0022));
        m.def("uname", (Fn.F0) mod -> {
            String host = procKernel("hostname", null);
            if (host == null) {
                try {
                    host = java.net.InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    host = "localhost";
                }
            }
            return StructSeq.make(UNAME_RESULT, PyStr.of(capitalizeOs()), PyStr.of(host),
                    PyStr.of(procKernel("osrelease", System.getProperty("os.version", ""))),
                    PyStr.of(procKernel("version", "#1")), PyStr.of(machine()));
        });
        m.def("times", (Fn.F0) mod -> {
            double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            return StructSeq.make(TIMES_RESULT, PyFloat.of(cpu), PyFloat.of(0.0), PyFloat.of(0.0), PyFloat.of(0.0),
                    PyFloat.of(System.nanoTime() / 1e9));
        });
        m.def("getloadavg", (Fn.F0) mod -> {
            double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return PyTuple.steal(PyFloat.of(l), PyFloat.of(l), PyFloat.of(l));
        });
        m.def("get_terminal_size", (Fn.FV) (mod, args, kw) -> {
            int fd = args.length > 0 ? Args.asInt(args[0]) : 1;
            if (!FdTable.isatty(fd)) throw OsErr.error(25, null); // ENOTTY
            int cols = envInt("COLUMNS", 80), lines = envInt("LINES", 24);
            return StructSeq.make(TERMINAL_SIZE, PyInt.of(cols), PyInt.of(lines));
        });
        m.def("isatty", (Fn.F1) (mod, fd) -> PyBool.of(FdTable.isatty(Args.asInt(fd))));
        m.def("open", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = OPEN.parse(args, kw);
            String s = path(a[0], "open");
            long flags = Args.asLong(a[1]);
            Set<OpenOption> opts = new HashSet<>();
            int acc = (int) (flags & 3);
            if (acc == 0 || acc == 2) opts.add(StandardOpenOption.READ);
            if (acc == 1 || acc == 2) opts.add(StandardOpenOption.WRITE);
            if ((flags & 64) != 0) opts.add((flags & 128) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            if ((flags & 512) != 0) opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            Path r = resolve(s);
            if (Files.isDirectory(r) && acc != 0) throw OsErr.error(OsErr.EISDIR, s);
            int fd = io(s, () -> FdTable.open(r, opts, (flags & 1024) != 0));
            if ((flags & 64) != 0 && a[2] != null) chmod(r, (int) Args.asLong(a[2]) & 0777 & ~0022);
            return PyInt.of(fd);
        });
        m.def("read", (Fn.F2) (mod, fd, n) -> {
            int f = Args.asInt(fd), count = Args.asInt(n);
            // A read may block (pipes, terminals): the GIL is released meanwhile.
            return PyBytes.of(io(null, () -> {
                try (var gap = dev.gilt.runtime.gil.Gil.get().releaseWhileBlocking(dev.gilt.runtime.thread.ThreadState.current())) {
                    return FdTable.read(f, count);
                }
            }));
        });
        m.def("write", (Fn.F2) (mod, fd, data) -> {
            int f = Args.asInt(fd);
            if (f == 1 || f == 2) IoModule.flushAll();
            return PyInt.of(io(null, () -> FdTable.write(f, Args.asBytes(data, "a bytes-like object is required, not"))));
        });
        m.def("close", (Fn.F1) (mod, fd) -> {
            io(null, () -> {
                FdTable.close(Args.asInt(fd));
                return null;
            });
            return PyNone.NONE;
        });
        m.def("lseek", (Fn.F3) (mod, fd, pos, how) ->
                PyInt.of(io(null, () -> FdTable.lseek(Args.asInt(fd), Args.asLong(pos), Args.asInt(how)))));
        m.def("fsync", (Fn.F1) (mod, fd) -> {
            io(null, () -> {
                FdTable.fsync(Args.asInt(fd));
                return null;
            });
            return PyNone.NONE;
        });
        m.def("device_encoding", (Fn.F1) (mod, fd) -> FdTable.isatty(Args.asInt(fd)) ? PyStr.of("UTF-8") : PyNone.NONE);
        return m;
    }

    static PyObject fstat(int fd) {
        return io(null, () -> {
            Path p = FdTable.pathOf(fd);
            if (p == null) {
                // a standard stream: a character device
                return StructSeq.make(STAT_RESULT, PyInt.of(0020620), PyInt.of(0), PyInt.of(0), PyInt.of(1),
                        PyInt.of(0), PyInt.of(0), PyInt.of(0), PyInt.of(0), PyInt.of(0), PyInt.of(0));
            }
            return statResult(p, true);
        });
    }

    static void chmod(Path p, int mode) {
        Set<PosixFilePermission> perms = new HashSet<>();
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < 9; i++) if ((mode & (1 << i)) != 0) perms.add(order[i]);
        io(p.toString(), () -> Files.setPosixFilePermissions(p, perms));
    }

    static long unixId(String attr) {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:" + attr)).longValue();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static int envInt(String name, int dflt) {
        try {
            return Integer.parseInt(System.getenv(name));
        } catch (RuntimeException e) {
            return dflt;
        }
    }

    static String capitalizeOs() {
        String n = System.getProperty("os.name", "Linux");
        return n.isEmpty() ? "Linux" : n;
    }

    static String machine() {
        String a = System.getProperty("os.arch", "");
        return switch (a) {
            case "amd64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> a;
        };
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }

}
