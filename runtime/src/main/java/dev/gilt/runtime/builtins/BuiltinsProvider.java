package dev.gilt.runtime.builtins;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;

/** Makes the builtins module findable through {@link dev.gilt.runtime.module.ModuleRegistry}. */
public final class BuiltinsProvider implements ModuleProvider {
    @Override
    public String name() {
        return "builtins";
    }

    @Override
    public PyModule create(Interp interp) {
        return Builtins.create(interp);
    }
}
