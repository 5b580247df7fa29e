package dev.gilt.stdlib._multiprocessing;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyType;

/**
 * What a child finds under the name of a {@code __main__} global that the emulated fork could
 * not send (an open file, a thread lock, a generator...): any use of it raises NameError saying
 * which name and why, so the gap is reported where — and only if — the child touches it.
 */
final class Unavailable extends PyObject {
    static final PyType TYPE = PyType.builtin("unavailable_global", Unavailable.class);

    final String name, why;

    Unavailable(String name, String why) {
        this.name = name;
        this.why = why;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    PyException error() {
        return Errors.of(PyExc.NameError, "name '" + name + "' was not passed to this child process: " + why
                + " (the emulated 'fork' start method sends only picklable globals)");
    }

    private static PyException err(PyObject self) {
        return ((Unavailable) self).error();
    }

    static {
        TYPE.flags &= ~PyType.BASETYPE;
        TYPE.getattr = (self, n) -> {
            throw err(self);
        };
        TYPE.setattr = (self, n, v) -> {
            throw err(self);
        };
        TYPE.call = (self, args, kw) -> {
            throw err(self);
        };
        TYPE.iter = self -> {
            throw err(self);
        };
        TYPE.len = self -> {
            throw err(self);
        };
        TYPE.bool = self -> {
            throw err(self);
        };
        TYPE.getitem = (self, k) -> {
            throw err(self);
        };
        TYPE.setitem = (self, k, v) -> {
            throw err(self);
        };
        TYPE.contains = (self, k) -> {
            throw err(self);
        };
        TYPE.str = self -> {
            throw err(self);
        };
        TYPE.repr = self -> dev.gilt.runtime.object.PyStr.of("<unavailable global '" + ((Unavailable) self).name + "'>");
        TYPE.richcompare = (a, b, op) -> {
            throw err(a instanceof Unavailable ? a : b);
        };
        for (int i = 0; i < TYPE.nb.length; i++) {
            TYPE.nb[i] = (a, b) -> {
                throw err(a instanceof Unavailable ? a : b);
            };
        }
    }
}
