package dev.gilt.interp.launch;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.interp.imp.Importer;
import dev.gilt.interp.vm.Interpreter;
import dev.gilt.interp.vm.Output;
import dev.gilt.interp.vm.VmHooks;
import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.ModuleRegistry;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.ops.Ops;
import dev.gilt.runtime.thread.ThreadState;
import java.util.List;

/**
 * {@code -m MODULE} (CPython's runpy._run_module_as_main): imports the parent packages, finds the
 * module's source (a package runs its {@code __main__} submodule) and runs it as {@code __main__}
 * with {@code sys.argv[0]} set to its file. A builtin Java module can be run when it defines a
 * {@code main()} function (it reads sys.argv).
 */
final class RunModule {
    private RunModule() {}

    static int run(Interp in, String name) {
        try {
            ModuleProvider p = ModuleRegistry.find(name);
            if (p != null) return runBuiltin(in, name);
            List<String> path = Importer.parentPath(name);
            Importer.Spec spec = Importer.findSource(name, path);
            if (spec == null) {
                System.err.println("gilt: No module named " + name);
                return 1;
            }
            if (spec.pkgDir() != null) {
                String mainName = name + ".__main__";
                RefCount.decref(Importer.gcdImport(name));
                spec = Importer.findSource(mainName, List.of(spec.pkgDir()));
                if (spec == null) {
                    System.err.println("gilt: No module named " + mainName + "; '" + name
                            + "' is a package and cannot be directly executed");
                    return 1;
                }
            }
            setArgv0(in, spec.filename());
            PyModule main = Importer.newModule("__main__", spec.filename(), null);
            int dot = spec.name().lastIndexOf('.');
            PyStr pkg = PyStr.of(dot < 0 ? "" : spec.name().substring(0, dot));
            main.dict.setItem(PyStr.intern("__package__"), pkg);
            RefCount.decref(pkg);
            in.modules.setItem(PyStr.intern("__main__"), main);
            RefCount.decref(main);
            PyCode code = VmHooks.compileSource(spec.source(), spec.filename(), "exec");
            RefCount.decref(Interpreter.runCode(ThreadState.current(), code, main.dict, main.dict));
            return 0;
        } catch (PyException e) {
            return Launcher.handleUncaught(e.exc);
        }
    }

    private static int runBuiltin(Interp in, String name) {
        PyObject m = Importer.gcdImport(name);
        try {
            PyObject mainFn = Ops.lookupAttr(m, PyStr.intern("main"));
            if (mainFn == null) {
                System.err.println("gilt: No code object available for " + name);
                return 1;
            }
            setArgv0(in, name);
            try {
                PyObject r = Ops.call(mainFn);
                int st = r instanceof PyInt i ? (int) i.value : 0;
                RefCount.decref(r);
                return st;
            } finally {
                RefCount.decref(mainFn);
            }
        } finally {
            RefCount.decref(m);
        }
    }

    private static void setArgv0(Interp in, String argv0) {
        if (in.argv.length > 0) in.argv[0] = argv0;
        PyObject argv = Output.sysAttr("argv");
        if (argv instanceof PyList l && l.size > 0) {
            PyStr s = PyStr.of(argv0);
            PyObject old = l.items[0];
            l.items[0] = s;
            if (old != null && old != PyNone.NONE) RefCount.decref(old);
        }
    }
}
