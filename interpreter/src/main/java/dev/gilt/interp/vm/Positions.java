package dev.gilt.interp.vm;

import dev.gilt.interp.bytecode.Opcode;
import dev.gilt.interp.bytecode.PyCode;

/** Instruction positions as CPython reports them (byte offsets that count inline caches). */
public final class Positions {
    private Positions() {}

    /** CPython's byte offset of instruction {@code index}: two bytes per instruction and cache entry. */
    public static int byteOffset(PyCode code, int index) {
        int off = 0;
        int[] c = code.code;
        for (int i = 0; i < index && i < c.length; i++) off += 2 * (1 + Opcode.of(c[i]).cacheEntries);
        return off;
    }

    /** The instruction index at CPython byte offset {@code offset} (inverse of {@link #byteOffset}). */
    public static int indexOf(PyCode code, int offset) {
        int off = 0;
        int[] c = code.code;
        for (int i = 0; i < c.length; i++) {
            if (off >= offset) return i;
            off += 2 * (1 + Opcode.of(c[i]).cacheEntries);
        }
        return c.length;
    }
}
