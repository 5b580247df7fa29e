package dev.gilt.stdlib.asyncio;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyList;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;

/**
 * Binary min-heap operations on a list, with exactly heapq's algorithm (same sift order, so the
 * same ties come out in the same order as under CPython) and a fast path for the event loop's
 * timer entries: two tuples whose first items are distinct floats are ordered without calling
 * into Python.
 *
 * <p>Refcounts: items move inside the list through {@link PyList#setItem}, which increfs the new
 * value and decrefs the old one; the item being sifted is held by an extra reference for the
 * duration, so no element is freed while it is off the array. A comparison may run Python code
 * that changes the list; as heapq does, a size change is reported as RuntimeError.
 */
final class Heap {
    private Heap() {}

    /** {@code a < b}, the heap's only question. */
    static boolean less(PyObject a, PyObject b) {
        if (a instanceof PyTuple ta && b instanceof PyTuple tb && ta.size() > 0 && tb.size() > 0
                && ta.type() == PyTuple.TYPE && tb.type() == PyTuple.TYPE) {
            PyObject x = ta.get(0), y = tb.get(0);
            if (x instanceof PyFloat fx && y instanceof PyFloat fy && fx.type() == PyFloat.TYPE
                    && fy.type() == PyFloat.TYPE && fx.value != fy.value
                    && !Double.isNaN(fx.value) && !Double.isNaN(fy.value)) {
                return fx.value < fy.value;
            }
        }
        return Ops.compareBool(a, b, Ops.LT);
    }

    private static PyList list(PyObject heap) {
        if (!(heap instanceof PyList l)) throw Errors.typeError("heap argument must be a list");
        return l;
    }

    /** heappush(heap, item). */
    static void push(PyObject heapObj, PyObject item) {
        PyList heap = list(heapObj);
        heap.append(item);
        siftDown(heap, 0, heap.size() - 1);
    }

    /** heappop(heap): a new reference to the smallest item. */
    static PyObject pop(PyObject heapObj) {
        PyList heap = list(heapObj);
        int n = heap.size();
        if (n == 0) throw Errors.indexError("index out of range");
        PyObject last = heap.pop(n - 1);  // we own this reference now
        if (n == 1) return last;
        PyObject top = RefCount.newRef(heap.get(0));
        heap.setItem(0, last);
        RefCount.decref(last);
        siftUp(heap, 0);
        return top;
    }

    /** heapify(list) in place, in linear time. */
    static void heapify(PyObject heapObj) {
        PyList heap = list(heapObj);
        int n = heap.size();
        for (int i = n / 2 - 1; i >= 0; i--) siftUp(heap, i);
    }

    /** heapq._siftdown: move the item at pos up towards startpos while it is smaller. */
    private static void siftDown(PyList heap, int startpos, int pos) {
        int size = heap.size();
        PyObject item = RefCount.newRef(heap.get(pos));
        try {
            while (pos > startpos) {
                int parentpos = (pos - 1) >> 1;
                PyObject parent = RefCount.newRef(heap.get(parentpos));
                try {
                    boolean lt = less(item, parent);
                    if (heap.size() != size) throw Errors.runtimeError("list changed size during iteration");
                    if (!lt) break;
                    heap.setItem(pos, parent);
                } finally {
                    RefCount.decref(parent);
                }
                pos = parentpos;
            }
            heap.setItem(pos, item);
        } finally {
            RefCount.decref(item);
        }
    }

    /** heapq._siftup: sink the item at pos to a leaf along smaller children, then siftDown. */
    private static void siftUp(PyList heap, int pos) {
        int endpos = heap.size();
        int startpos = pos;
        PyObject item = RefCount.newRef(heap.get(pos));
        try {
            int childpos = 2 * pos + 1;
            while (childpos < endpos) {
                int rightpos = childpos + 1;
                if (rightpos < endpos) {
                    PyObject c = heap.get(childpos), r = heap.get(rightpos);
                    RefCount.incref(c);
                    RefCount.incref(r);
                    boolean lt;
                    try {
                        lt = less(c, r);
                    } finally {
                        RefCount.decref(c);
                        RefCount.decref(r);
                    }
                    if (heap.size() != endpos) throw Errors.runtimeError("list changed size during iteration");
                    if (!lt) childpos = rightpos;
                }
                heap.setItem(pos, heap.get(childpos));
                pos = childpos;
                childpos = 2 * pos + 1;
            }
            heap.setItem(pos, item);
        } finally {
            RefCount.decref(item);
        }
        siftDown(heap, startpos, pos);
    }
}
