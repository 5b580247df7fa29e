package dev.gilt.runtime.object;

import dev.gilt.runtime.memory.Gc;

/**
 * An object that can hold references and so can be part of a reference cycle: lists, dicts,
 * instances, functions, cells, frames, generators... The cycle collector ({@link Gc}) keeps every
 * live one on an intrusive doubly-linked list, so tracking costs two pointer writes.
 *
 * <p>Subclasses must override {@link #traverse} to visit every counted reference they hold, and
 * {@link #releaseReferences} to drop them.
 */
public abstract class PyGcObject extends PyObject {
    /** Intrusive links owned by {@link Gc}; null when untracked. */
    public PyGcObject gcPrev, gcNext;
    /** Scratch count used by the collector during a collection. */
    public int gcRefs;

    protected PyGcObject() {
        Gc.track(this);
    }

    /** For objects that must not be tracked (the collector's own list head, static singletons). */
    protected PyGcObject(boolean track) {
        if (track) Gc.track(this);
    }
}
