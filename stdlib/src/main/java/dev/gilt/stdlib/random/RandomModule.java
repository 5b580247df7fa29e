package dev.gilt.stdlib.random;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;

/** {@code _random}: the generator core under the Python-level {@code random} module. */
public final class RandomModule implements ModuleProvider {
    @Override
    public String name() {
        return "_random";
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("_random");
        m.set("Random", PyRandom.TYPE);
        return m;
    }
}
