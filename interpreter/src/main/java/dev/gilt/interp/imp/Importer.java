package dev.gilt.interp.imp;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.vm.Interpreter;
import dev.gilt.interp.vm.SourceCache;
import dev.gilt.interp.vm.VmHooks;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.ModuleRegistry;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyDict;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The import system: {@code import a.b.c}, {@code from . import x}, {@code from m import *}, with
 * importlib's rules and messages.
 *
 * <h2>Finding a module</h2>
 * A top-level name is looked for, in order, among the builtin Java modules
 * ({@link ModuleRegistry}), in each {@code sys.path} directory ({@code name/__init__.py} for a
 * package, then {@code name.py}), and among the Gilt-source modules bundled as class-path
 * resources under {@code lib/} (the stdlib jar). A submodule is looked for in its parent
 * package's {@code __path__}; resource packages have {@code __path__} entries that start with
 * {@link #RESOURCE_PREFIX}.
 *
 * <h2>Loading</h2>
 * A source module is compiled once per process, registered in {@code sys.modules} before its code
 * runs (so circular imports see the partially initialised module) and removed again if its code
 * raises. {@link #INITIALIZING} holds the names whose code is running, for the "partially
 * initialized module" message.
 *
 * <h2>Threads</h2>
 * Imports are serialised by one reentrant lock per process (CPython has per-module locks; one
 * global lock is enough while imports are rare and short). A thread that finds it taken waits
 * with the GIL released and detached, because the importing thread runs Python code and needs
 * the GIL (and must not be held up by a stop-the-world) to finish. A module that is in
 * sys.modules but still initializing in another thread is not handed out early: the caller
 * waits for the lock, as CPython's module locks make it wait.
 */
public final class Importer {
    private Importer() {}

    /** Filename prefix of modules loaded from class-path resources ({@code lib/...}). */
    public static final String RESOURCE_PREFIX = "<gilt-lib>/";

    private static final PyStr S_NAME = PyStr.intern("__name__"), S_PACKAGE = PyStr.intern("__package__"),
            S_PATH = PyStr.intern("__path__"), S_FILE = PyStr.intern("__file__"), S_SPEC = PyStr.intern("__spec__"),
            S_ALL = PyStr.intern("__all__"), S_DICT = PyStr.intern("__dict__"), S_IMPORT = PyStr.intern("__import__");

    private static final Set<String> INITIALIZING = ConcurrentHashMap.newKeySet();
    private static final ConcurrentHashMap<String, PyCode> CODE_CACHE = new ConcurrentHashMap<>();
    private static final java.util.concurrent.locks.ReentrantLock LOCK = new java.util.concurrent.locks.ReentrantLock();

    /** Takes the import lock; waits for it with the GIL released (see the class comment). */
    private static void lockImports() {
        if (LOCK.tryLock()) return;
        dev.gilt.runtime.thread.ThreadState ts = dev.gilt.runtime.thread.ThreadState.current();
        try (var gap = dev.gilt.runtime.gil.Gil.get().releaseWhileBlocking(ts)) {
            LOCK.lock();
        }
    }

    /** The builtins.__import__ installed at start-up: IMPORT_NAME calls the importer directly while it is in place. */
    public static volatile PyObject defaultImportFunc;

    private static Interp interp() {
        Interp in = Interp.main();
        return in != null ? in : Interp.init();
    }

    // ---- the instructions ------------------------------------------------------------------

    /** IMPORT_NAME: {@code __import__(name, globals, locals, fromlist, level)}; new reference. */
    public static PyObject importName(PyDict globals, PyObject locals, String name, PyObject fromlist, PyObject level,
            PyDict builtins) {
        PyObject imp = builtins.getItemStr(S_IMPORT);
        int lvl = level instanceof PyInt li ? (int) li.value : 0;
        if (imp != null && imp != defaultImportFunc && defaultImportFunc != null) {
            PyStr n = PyStr.of(name);
            try {
                return Ops.call(imp, n, globals, locals == null ? PyNone.NONE : locals, fromlist, level);
            } finally {
                RefCount.decref(n);
            }
        }
        return importModule(name, globals, fromlist, lvl);
    }

    /** IMPORT_FROM: {@code module.name}, or the submodule, or ImportError; new reference. */
    public static PyObject importFrom(PyObject module, PyStr name) {
        PyObject v = Ops.lookupAttr(module, name);
        if (v != null) return v;
        String modName = moduleName(module);
        if (modName != null) {
            PyObject sub = interp().modules.getItemStr(PyStr.intern(modName + "." + name.value));
            if (sub != null && sub != PyNone.NONE) return RefCount.newRef(sub);
        }
        String file = moduleFile(module);
        String loc = file == null ? "unknown location" : file;
        String mn = modName == null ? "<unknown module name>" : modName;
        String msg;
        if (modName != null && INITIALIZING.contains(modName)) {
            msg = "cannot import name '" + name.value + "' from partially initialized module '" + mn
                    + "' (most likely due to a circular import) (" + loc + ")";
        } else {
            msg = "cannot import name '" + name.value + "' from '" + mn + "' (" + loc + ")";
        }
        throw importError(PyExc.ImportError, msg, modName, file);
    }

    /** {@code from module import *} into {@code locals}. */
    public static void importStar(PyObject locals, PyObject module) {
        if (locals == null) throw Errors.systemError("no locals found during 'import *'");
        PyObject all = Ops.lookupAttr(module, S_ALL);
        List<PyObject> names = new ArrayList<>();
        boolean skipPrivate = all == null;
        try {
            if (all == null) {
                PyObject d = Ops.lookupAttr(module, S_DICT);
                if (!(d instanceof PyDict dict)) {
                    RefCount.xdecref(d);
                    throw Errors.of(PyExc.ImportError, "from-import-* object has no __dict__ and no __all__");
                }
                for (int i = 0; i < dict.entrySlots(); i++) {
                    PyObject k = dict.keyAt(i);
                    if (k != null) names.add(RefCount.newRef(k));
                }
                RefCount.decref(d);
            } else {
                PyObject it = Ops.iter(all);
                try {
                    PyObject x;
                    while ((x = Ops.next(it)) != null) names.add(x);
                } finally {
                    RefCount.decref(it);
                }
            }
            String modName = moduleName(module);
            for (PyObject n : names) {
                if (!(n instanceof PyStr s)) {
                    throw Errors.typeError("%s in %s.%s must be str, not %s", skipPrivate ? "Key" : "Item",
                            modName == null ? "?" : modName, skipPrivate ? "__dict__" : "__all__", n.type().name());
                }
                if (skipPrivate && s.value.startsWith("_")) continue;
                PyObject v = Ops.getAttr(module, PyStr.intern(s.value));
                try {
                    if (locals instanceof PyDict ld) {
                        ld.setItem(PyStr.intern(s.value), v);
                    } else {
                        Ops.setItem(locals, s, v);
                    }
                } finally {
                    RefCount.decref(v);
                }
            }
        } finally {
            RefCount.xdecref(all);
            for (PyObject n : names) RefCount.decref(n);
        }
    }

    // ---- __import__ ------------------------------------------------------------------------

    /** {@code __import__(name, globals, None, fromlist, level)}: the module to bind; new reference. */
    public static PyObject importModule(String name, PyDict globals, PyObject fromlist, int level) {
        if (level < 0) throw Errors.valueError("level must be >= 0");
        String resolved = name;
        if (level > 0) {
            resolved = resolveName(name, packageOf(globals), level);
        } else if (name.isEmpty()) {
            throw Errors.valueError("Empty module name");
        }
        PyObject module = gcdImport(resolved);
        boolean emptyFrom = fromlist == null || fromlist == PyNone.NONE || !Ops.isTrue(fromlist);
        if (emptyFrom) {
            if (level == 0) {
                int dot = resolved.indexOf('.');
                if (dot < 0) return module;
                RefCount.decref(module);
                return RefCount.newRef(interp().modules.getItemStr(PyStr.intern(resolved.substring(0, dot))));
            }
            if (name.isEmpty()) return module;
            int cut = name.length() - (name.indexOf('.') < 0 ? name.length() : name.indexOf('.'));
            String modName = moduleName(module);
            RefCount.decref(module);
            return RefCount.newRef(interp().modules.getItemStr(
                    PyStr.intern(modName.substring(0, modName.length() - cut))));
        }
        if (hasPath(module)) handleFromlist(module, fromlist, false);
        return module;
    }

    /** Imports submodules named in a package's fromlist (importlib's _handle_fromlist). */
    private static void handleFromlist(PyObject module, PyObject fromlist, boolean recursive) {
        PyObject it = Ops.iter(fromlist);
        try {
            PyObject x;
            while ((x = Ops.next(it)) != null) {
                try {
                    if (!(x instanceof PyStr s)) {
                        throw Errors.typeError("Item in %s must be str, not %s",
                                recursive ? moduleName(module) + ".__all__" : "``from list''", x.type().name());
                    }
                    if (s.value.equals("*")) {
                        if (!recursive) {
                            PyObject all = Ops.lookupAttr(module, S_ALL);
                            if (all != null) {
                                try {
                                    handleFromlist(module, all, true);
                                } finally {
                                    RefCount.decref(all);
                                }
                            }
                        }
                        continue;
                    }
                    PyObject has = Ops.lookupAttr(module, PyStr.intern(s.value));
                    if (has != null) {
                        RefCount.decref(has);
                        continue;
                    }
                    String full = moduleName(module) + "." + s.value;
                    try {
                        RefCount.decref(gcdImport(full));
                    } catch (PyException e) {
                        // A submodule that does not exist is not an error here: IMPORT_FROM reports it.
                        if (e.matches(PyExc.ModuleNotFoundError) && full.equals(errorName(e.exc))
                                && interp().modules.getItemStr(PyStr.intern(full)) == null) {
                            RefCount.decref(e.exc);
                            continue;
                        }
                        throw e;
                    }
                } finally {
                    RefCount.decref(x);
                }
            }
        } finally {
            RefCount.decref(it);
        }
    }

    private static String errorName(PyBaseException e) {
        PyObject n = Ops.lookupAttr(e, S_NAME_ATTR);
        try {
            return n instanceof PyStr s ? s.value : null;
        } finally {
            RefCount.xdecref(n);
        }
    }

    private static final PyStr S_NAME_ATTR = PyStr.intern("name"), S_PATH_ATTR = PyStr.intern("path");

    /** The package that relative imports in {@code globals} are relative to (importlib's _calc___package__). */
    static String packageOf(PyDict globals) {
        if (globals == null) return null;
        PyObject pkg = globals.getItemStr(S_PACKAGE);
        if (pkg instanceof PyStr s) return s.value;
        if (pkg != null && pkg != PyNone.NONE) throw Errors.typeError("package must be a string");
        PyObject spec = globals.getItemStr(S_SPEC);
        if (spec != null && spec != PyNone.NONE) {
            PyObject parent = Ops.lookupAttr(spec, PyStr.intern("parent"));
            if (parent instanceof PyStr ps) {
                RefCount.decref(parent);
                return ps.value;
            }
            RefCount.xdecref(parent);
        }
        PyObject n = globals.getItemStr(S_NAME);
        if (!(n instanceof PyStr ns)) throw Errors.typeError("__name__ must be set to a string object");
        if (globals.getItemStr(S_PATH) != null) return ns.value;
        int dot = ns.value.lastIndexOf('.');
        return dot < 0 ? "" : ns.value.substring(0, dot);
    }

    static String resolveName(String name, String pkg, int level) {
        if (pkg == null || pkg.isEmpty()) {
            throw importError(PyExc.ImportError, "attempted relative import with no known parent package", null, null);
        }
        String base = pkg;
        for (int i = 1; i < level; i++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) {
                throw importError(PyExc.ImportError, "attempted relative import beyond top-level package", null, null);
            }
            base = base.substring(0, dot);
        }
        return name.isEmpty() ? base : base + "." + name;
    }

    // ---- finding and loading ----------------------------------------------------------------

    /** The module {@code name} from sys.modules, importing it (and its parents) if needed; new reference. */
    public static PyObject gcdImport(String name) {
        PyDict modules = interp().modules;
        PyStr key = PyStr.intern(name);
        PyObject m = modules.getItemStr(key);
        if (m != null && INITIALIZING.contains(name) && LOCK.isLocked() && !LOCK.isHeldByCurrentThread()) {
            m = null; // another thread is running its code: wait for it below
        }
        if (m != null) {
            if (m == PyNone.NONE) {
                throw importError(PyExc.ModuleNotFoundError, "import of " + name + " halted; None in sys.modules",
                        name, null);
            }
            return RefCount.newRef(m);
        }
        lockImports();
        try {
            m = modules.getItemStr(key);
            if (m != null) return RefCount.newRef(m);
            return findAndLoad(name);
        } finally {
            LOCK.unlock();
        }
    }

    private static PyObject findAndLoad(String name) {
        PyDict modules = interp().modules;
        int dot = name.lastIndexOf('.');
        List<String> path = null;
        PyObject parentModule = null;
        if (dot >= 0) {
            String parent = name.substring(0, dot);
            PyObject pm = gcdImport(parent);
            RefCount.decref(pm);
            PyObject already = modules.getItemStr(PyStr.intern(name));
            if (already != null) return RefCount.newRef(already);
            parentModule = modules.getItemStr(PyStr.intern(parent));
            path = pathOf(parentModule);
            if (path == null) {
                throw importError(PyExc.ModuleNotFoundError,
                        "No module named '" + name + "'; '" + parent + "' is not a package", name, null);
            }
        }
        PyObject module = load(name, path);
        if (module == null) throw importError(PyExc.ModuleNotFoundError, "No module named '" + name + "'", name, null);
        if (parentModule != null) {
            try {
                Ops.setAttr(parentModule, PyStr.intern(name.substring(dot + 1)), module);
            } catch (PyException e) {
                RefCount.decref(e.exc);
            }
        }
        return module;
    }

    /** A module found on sys.path, a package path or in the resources: what loadSource needs. */
    public record Spec(String name, String filename, String source, String pkgDir) {}

    /** Finds and runs module {@code name}; null if it exists nowhere. New reference. */
    private static PyObject load(String name, List<String> path) {
        ModuleProvider p = ModuleRegistry.find(name);
        if (p != null) return loadBuiltin(name, p);
        Spec spec = findSource(name, path);
        if (spec == null) return null;
        return loadSource(spec.name(), spec.filename(), spec.source(), spec.pkgDir());
    }

    /**
     * Finds the source of module {@code name} without running anything: in {@code path} (a
     * package's __path__), or for a top-level module in sys.path and then the resources.
     * Null if there is none.
     */
    public static Spec findSource(String name, List<String> path) {
        String leaf = name.substring(name.lastIndexOf('.') + 1);
        List<String> dirs = path != null ? path : searchPath();
        for (String dir : dirs) {
            if (dir.startsWith(RESOURCE_PREFIX) || dir.equals(RESOURCE_PREFIX.substring(0, RESOURCE_PREFIX.length() - 1))) {
                String sub = dir.length() > RESOURCE_PREFIX.length() ? dir.substring(RESOURCE_PREFIX.length()) : "";
                Spec s = findResource(name, sub.isEmpty() ? "lib" : "lib/" + sub, leaf);
                if (s != null) return s;
                continue;
            }
            Path base = Path.of(dir.isEmpty() ? "." : dir);
            Path pkgInit = base.resolve(leaf).resolve("__init__.py");
            if (Files.isRegularFile(pkgInit)) {
                return new Spec(name, display(dir, pkgInit), readFile(pkgInit), display(dir, base.resolve(leaf)));
            }
            Path file = base.resolve(leaf + ".py");
            if (Files.isRegularFile(file)) return new Spec(name, display(dir, file), readFile(file), null);
        }
        if (path == null) return findResource(name, "lib", leaf);
        return null;
    }

    /** File names as CPython shows them: relative to a relative (or empty) sys.path entry. */
    private static String display(String dir, Path p) {
        if (dir.isEmpty()) return Path.of("").toAbsolutePath().resolve(p).normalize().toString();
        return p.toString();
    }

    /** The package that {@code name} lives in, imported, and its __path__ (null for a top-level name). */
    public static List<String> parentPath(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) return null;
        String parent = name.substring(0, dot);
        RefCount.decref(gcdImport(parent));
        List<String> p = pathOf(interp().modules.getItemStr(PyStr.intern(parent)));
        if (p == null) {
            throw importError(PyExc.ModuleNotFoundError,
                    "No module named '" + name + "'; '" + parent + "' is not a package", name, null);
        }
        return p;
    }

    /** sys.path as Java strings (the live Python list when sys exists). */
    private static List<String> searchPath() {
        Interp in = interp();
        PyList sp = in.sysPath;
        if (sp == null) {
            PyObject sys = in.modules.getItemStr(PyStr.intern("sys"));
            if (sys instanceof PyModule m && m.get("path") instanceof PyList l) sp = l;
        }
        if (sp == null) return new ArrayList<>(in.path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sp.size; i++) if (sp.items[i] instanceof PyStr s) out.add(s.value);
        return out;
    }

    private static String readFile(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw VmHooks.osError(e, p.toString());
        }
    }

    private static Spec findResource(String name, String dir, String leaf) {
        String pkg = dir + "/" + leaf + "/__init__.py";
        String text = resourceText(pkg);
        if (text != null) {
            return new Spec(name, RESOURCE_PREFIX + pkg.substring(4), text,
                    RESOURCE_PREFIX + (dir + "/" + leaf).substring(4));
        }
        String mod = dir + "/" + leaf + ".py";
        text = resourceText(mod);
        if (text != null) return new Spec(name, RESOURCE_PREFIX + mod.substring(4), text, null);
        return null;
    }

    private static String resourceText(String res) {
        try (InputStream in = Importer.class.getClassLoader().getResourceAsStream(res)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static PyObject loadBuiltin(String name, ModuleProvider p) {
        PyModule m = p.create(interp());
        PyDict d = m.dict;
        if (d.getItemStr(S_SPEC) == null) d.setItem(S_SPEC, PyNone.NONE);
        if (d.getItemStr(PyStr.intern("__loader__")) == null) d.setItem(PyStr.intern("__loader__"), PyNone.NONE);
        if (d.getItemStr(S_PACKAGE) == null) {
            int dot = name.lastIndexOf('.');
            PyStr pkg = PyStr.of(dot < 0 ? "" : name.substring(0, dot));
            d.setItem(S_PACKAGE, pkg);
            RefCount.decref(pkg);
        }
        interp().modules.setItem(PyStr.intern(name), m);
        return m;
    }

    /**
     * Creates module {@code name} from source and runs it. {@code pkgDir} is non-null for a
     * package (its {@code __path__}). New reference.
     */
    public static PyObject loadSource(String name, String filename, String source, String pkgDir) {
        if (filename.startsWith(RESOURCE_PREFIX)) SourceCache.register(filename, source);
        PyCode code = CODE_CACHE.get(filename);
        if (code == null) {
            code = VmHooks.compileSource(source, filename, "exec");
            CODE_CACHE.put(filename, code);
        }
        PyModule m = newModule(name, filename, pkgDir);
        PyDict modules = interp().modules;
        PyStr key = PyStr.intern(name);
        modules.setItem(key, m);
        INITIALIZING.add(name);
        try {
            RefCount.decref(Interpreter.runCode(ThreadState.current(), code, m.dict, m.dict));
        } catch (PyException e) {
            modules.delItem(key);
            RefCount.decref(m);
            throw e;
        } finally {
            INITIALIZING.remove(name);
        }
        // The module's code may have replaced its own sys.modules entry (a common trick).
        PyObject fin = modules.getItemStr(key);
        if (fin != null && fin != m) {
            RefCount.decref(m);
            return RefCount.newRef(fin);
        }
        return m;
    }

    /** A module object with CPython's module attributes set (not yet in sys.modules). */
    public static PyModule newModule(String name, String filename, String pkgDir) {
        PyModule m = new PyModule(name);
        PyDict d = m.dict;
        Interp in = interp();
        if (in.builtins != null) d.setItem(PyStr.intern("__builtins__"), in.builtins);
        if (filename != null) {
            PyStr f = PyStr.of(filename);
            d.setItem(S_FILE, f);
            RefCount.decref(f);
        }
        String pkg;
        if (pkgDir != null) {
            PyList p = new PyList();
            PyStr dir = PyStr.of(pkgDir);
            p.append(dir);
            RefCount.decref(dir);
            d.setItem(S_PATH, p);
            RefCount.decref(p);
            pkg = name;
        } else {
            int dot = name.lastIndexOf('.');
            pkg = dot < 0 ? "" : name.substring(0, dot);
        }
        PyStr ps = PyStr.of(pkg);
        d.setItem(S_PACKAGE, ps);
        RefCount.decref(ps);
        d.setItem(S_SPEC, PyNone.NONE);
        d.setItem(PyStr.intern("__loader__"), PyNone.NONE);
        return m;
    }

    // ---- small helpers -------------------------------------------------------------------------

    private static boolean hasPath(PyObject module) {
        return pathOf(module) != null;
    }

    private static List<String> pathOf(PyObject module) {
        if (module == null) return null;
        PyObject p;
        if (module instanceof PyModule pm) {
            p = pm.dict.getItemStr(S_PATH);
            if (p != null) RefCount.incref(p);
        } else {
            p = Ops.lookupAttr(module, S_PATH);
        }
        if (p == null) return null;
        try {
            List<String> out = new ArrayList<>();
            if (p instanceof PyList l) {
                for (int i = 0; i < l.size; i++) if (l.items[i] instanceof PyStr s) out.add(s.value);
            } else if (p instanceof PyTuple t) {
                for (PyObject o : t.items) if (o instanceof PyStr s) out.add(s.value);
            }
            return out;
        } finally {
            RefCount.decref(p);
        }
    }

    static String moduleName(PyObject module) {
        PyObject n = module instanceof PyModule pm ? pm.dict.getItemStr(S_NAME) : null;
        if (n instanceof PyStr s) return s.value;
        PyObject a = Ops.lookupAttr(module, S_NAME);
        try {
            return a instanceof PyStr s ? s.value : null;
        } finally {
            RefCount.xdecref(a);
        }
    }

    private static String moduleFile(PyObject module) {
        PyObject f = module instanceof PyModule pm ? pm.dict.getItemStr(S_FILE) : null;
        return f instanceof PyStr s ? s.value : null;
    }

    /** ImportError/ModuleNotFoundError with its {@code name} and {@code path} attributes. */
    public static PyException importError(dev.gilt.runtime.object.PyType type, String msg, String name, String path) {
        return dev.gilt.runtime.types.ExceptionTypes.importError(type, msg, name, path);
    }

    private static void setStrOrNone(PyDict d, PyStr key, String v) {
        if (v == null) {
            d.setItem(key, PyNone.NONE);
        } else {
            PyStr s = PyStr.of(v);
            d.setItem(key, s);
            RefCount.decref(s);
        }
    }
}
