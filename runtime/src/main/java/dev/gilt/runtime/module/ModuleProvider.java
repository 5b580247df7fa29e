package dev.gilt.runtime.module;

import dev.gilt.runtime.Interp;

/**
 * A builtin module written in Java, found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/dev.gilt.runtime.module.ModuleProvider}). The interpreter never names
 * a stdlib module; it asks the registry.
 */
public interface ModuleProvider {
    /** The import name, e.g. "math" or "_thread". */
    String name();

    /** Creates and fills the module (called once per process, on first import). */
    PyModule create(Interp interp);
}
