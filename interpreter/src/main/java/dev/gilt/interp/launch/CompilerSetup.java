package dev.gilt.interp.launch;

import dev.gilt.interp.vm.VmHooks;

/**
 * Connects the compiler to the VM ({@link VmHooks#compiler}) and the parser to the REPL and to
 * the traceback printer. Kept in one place so that the launcher is the only code that knows
 * about all three.
 */
final class CompilerSetup {
    private CompilerSetup() {}

    static void install() {
        // Wired to the compiler and parser once they are on main (see the VM's report).
    }
}
