package dev.gilt.runtime.module;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The builtin modules on the class path, by name (from ServiceLoader). */
public final class ModuleRegistry {
    private ModuleRegistry() {}

    private static volatile Map<String, ModuleProvider> providers;

    public static Map<String, ModuleProvider> providers() {
        Map<String, ModuleProvider> p = providers;
        if (p == null) {
            synchronized (ModuleRegistry.class) {
                p = providers;
                if (p == null) {
                    p = new TreeMap<>();
                    for (ModuleProvider mp : ServiceLoader.load(ModuleProvider.class)) p.putIfAbsent(mp.name(), mp);
                    providers = p;
                }
            }
        }
        return p;
    }

    public static ModuleProvider find(String name) {
        return providers().get(name);
    }
}
