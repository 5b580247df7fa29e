package dev.gilt.stdlib.itertools;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.Fn;
import dev.gilt.stdlib.util.Args;

/** {@code itertools}, in Java: each iterator is a small state machine over its inputs. */
public final class ItertoolsModule implements ModuleProvider {
    @Override
    public String name() {
        return "itertools";
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("itertools");
        m.set("count", Iters.Count.TYPE);
        m.set("cycle", Iters.Cycle.TYPE);
        m.set("repeat", Iters.Repeat.TYPE);
        m.set("accumulate", Iters.Accumulate.TYPE);
        m.set("chain", Iters.Chain.TYPE);
        m.set("compress", Iters.Compress.TYPE);
        m.set("dropwhile", Iters.Predicated.DROPWHILE);
        m.set("takewhile", Iters.Predicated.TAKEWHILE);
        m.set("filterfalse", Iters.Predicated.FILTERFALSE);
        m.set("starmap", Iters.Starmap.TYPE);
        m.set("islice", Iters.Islice.TYPE);
        m.set("pairwise", Iters.Pairwise.TYPE);
        m.set("batched", Iters.Batched.TYPE);
        m.set("zip_longest", Iters.ZipLongest.TYPE);
        m.set("product", Combinatorics.Product.TYPE);
        m.set("permutations", Combinatorics.Permutations.TYPE);
        m.set("combinations", Combinatorics.Combinations.TYPE);
        m.set("combinations_with_replacement", Combinatorics.Combinations.CWR);
        m.set("groupby", Grouping.GroupBy.TYPE);
        m.set("_grouper", Grouping.Grouper.TYPE);
        m.set("_tee", Grouping.Tee.TYPE);
        m.def("tee", (Fn.FV) (mod, args, kw) -> {
            Args.noKw("tee", kw);
            Args.count("tee", args, 1, 2);
            return Grouping.tee(args[0], args.length > 1 ? Args.asLong(args[1]) : 2);
        });
        return m;
    }
}
