package dev.gilt.stdlib.hashlib;

import dev.gilt.runtime.Interp;
import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.module.ModuleProvider;
import dev.gilt.runtime.module.PyModule;
import dev.gilt.runtime.object.ArgParser;
import dev.gilt.runtime.object.Fn;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyMethodDescr;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.object.PyType;
import dev.gilt.stdlib.util.Args;
import dev.gilt.stdlib.util.Attr;
import dev.gilt.stdlib.util.Prop;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code hashlib} over java.security.MessageDigest (md5, sha1, sha2 and sha3 families). */
public final class HashlibModule implements ModuleProvider {
    /** Python name → (Java algorithm, block size). */
    static final Map<String, Object[]> ALGORITHMS = new LinkedHashMap<>();

    static {
        ALGORITHMS.put("md5", new Object[] {"MD5", 64});
        ALGORITHMS.put("sha1", new Object[] {"SHA-1", 64});
        ALGORITHMS.put("sha224", new Object[] {"SHA-224", 64});
        ALGORITHMS.put("sha256", new Object[] {"SHA-256", 64});
        ALGORITHMS.put("sha384", new Object[] {"SHA-384", 128});
        ALGORITHMS.put("sha512", new Object[] {"SHA-512", 128});
        ALGORITHMS.put("sha3_224", new Object[] {"SHA3-224", 144});
        ALGORITHMS.put("sha3_256", new Object[] {"SHA3-256", 136});
        ALGORITHMS.put("sha3_384", new Object[] {"SHA3-384", 104});
        ALGORITHMS.put("sha3_512", new Object[] {"SHA3-512", 72});
    }

    @Override
    public String name() {
        return "hashlib";
    }

    /** A hash object ({@code _hashlib.HASH}). */
    public static final class Hash extends PyObject {
        public static final PyType TYPE = Attr.install(PyType.builtin("HASH", Hash.class), "_hashlib");

        final String name;
        final MessageDigest md;
        final int blockSize;

        Hash(String name, MessageDigest md, int blockSize) {
            this.name = name;
            this.md = md;
            this.blockSize = blockSize;
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        static {
            TYPE.flags &= ~PyType.BASETYPE;
            TYPE.repr = self -> PyStr.of("<" + ((Hash) self).name + " _hashlib.HASH object @ 0x"
                    + Long.toHexString(dev.gilt.runtime.memory.RefCount.id(self)) + ">");
            PyMethodDescr.define(TYPE, "update", (Fn.F1) (self, data) -> {
                ((Hash) self).md.update(data(data));
                return PyNone.NONE;
            });
            PyMethodDescr.define(TYPE, "digest", (Fn.F0) self -> PyBytes.of(((Hash) self).snapshot()));
            PyMethodDescr.define(TYPE, "hexdigest", (Fn.F0) self -> PyStr.of(hex(((Hash) self).snapshot())));
            PyMethodDescr.define(TYPE, "copy", (Fn.F0) self -> {
                Hash h = (Hash) self;
                try {
                    return new Hash(h.name, (MessageDigest) h.md.clone(), h.blockSize);
                } catch (CloneNotSupportedException e) {
                    throw Errors.valueError("cannot copy this hash object");
                }
            });
            Prop.define(TYPE, "name", self -> PyStr.of(((Hash) self).name));
            Prop.define(TYPE, "digest_size", self -> PyInt.of(((Hash) self).md.getDigestLength()));
            Prop.define(TYPE, "block_size", self -> PyInt.of(((Hash) self).blockSize));
        }

        byte[] snapshot() {
            try {
                return ((MessageDigest) md.clone()).digest();
            } catch (CloneNotSupportedException e) {
                throw Errors.valueError("cannot digest this hash object");
            }
        }
    }

    static byte[] data(PyObject o) {
        if (o instanceof PyStr) throw Errors.typeError("Strings must be encoded before hashing");
        if (o instanceof PyBytes b) return b.value;
        throw Errors.typeError("object supporting the buffer API required");
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        return sb.toString();
    }

    static Hash create(String name, PyObject data) {
        Object[] alg = ALGORITHMS.get(name.toLowerCase().replace('-', '_'));
        if (alg == null) throw Errors.valueError("unsupported hash type %s", name);
        try {
            Hash h = new Hash(name.toLowerCase(), MessageDigest.getInstance((String) alg[0]), (Integer) alg[1]);
            if (data != null && data != PyNone.NONE) h.md.update(data(data));
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw Errors.valueError("unsupported hash type %s", name);
        }
    }

    @Override
    public PyModule create(Interp interp) {
        PyModule m = new PyModule("hashlib");
        for (String name : ALGORITHMS.keySet()) {
            ArgParser p = ArgParser.of(name, 0, 0, "string", "*", "usedforsecurity");
            ArgParser p2 = ArgParser.of(name, 0, 0, "data", "*", "usedforsecurity", "string");
            m.def(name, (Fn.FV) (mod, args, kw) -> {
                PyObject[] a;
                try {
                    a = p.parse(args, kw);
                } catch (dev.gilt.runtime.error.PyException e) {
                    RefCount.decref(e.exc);
                    a = p2.parse(args, kw);
                }
                return create(name, a[0]);
            });
        }
        ArgParser np = ArgParser.of("new", 1, 0, "name", "data", "*", "usedforsecurity");
        m.def("new", (Fn.FV) (mod, args, kw) -> {
            PyObject[] a = np.parse(args, kw);
            return create(Args.asStr(a[0], "new() argument 'name'"), a[1]);
        });
        PyObject[] names = new PyObject[ALGORITHMS.size()];
        int i = 0;
        for (String n : ALGORITHMS.keySet()) names[i++] = PyStr.of(n);
        m.setSteal("algorithms_guaranteed", PyTuple.steal(names));
        m.set("algorithms_available", m.get("algorithms_guaranteed"));
        return m;
    }
}
