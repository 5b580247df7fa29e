package dev.gilt.stdlib._multiprocessing;

import dev.gilt.interp.bytecode.PyCode;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBool;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyComplex;
import dev.gilt.runtime.object.PyEllipsis;
import dev.gilt.runtime.object.PyFloat;
import dev.gilt.runtime.object.PyFrozenSet;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyNone;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Code objects as bytes, for the emulated fork start method: functions of {@code __main__}
 * travel by value to a child, which runs the same Gilt build (the instruction words are
 * {@code Opcode} ordinals, so the format is private to one build; {@link #VERSION} and the
 * opcode count guard against a mismatch). Constants may be what the compiler puts there:
 * None, Ellipsis, bool, int, float, complex, str, bytes, tuple, frozenset and code objects.
 */
final class CodeMarshal {
    private CodeMarshal() {}

    private static final int VERSION = 1;
    private static final int OPCODES = dev.gilt.interp.bytecode.Opcode.values().length;

    static byte[] dump(PyCode c) {
        try {
            ByteArrayOutputStream bo = new ByteArrayOutputStream(256 + c.code.length * 4);
            DataOutputStream o = new DataOutputStream(bo);
            o.writeInt(VERSION);
            o.writeInt(OPCODES);
            writeCode(o, c);
            o.flush();
            return bo.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static PyCode load(byte[] b) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
            if (in.readInt() != VERSION || in.readInt() != OPCODES) {
                throw dev.gilt.runtime.error.Errors.valueError("code object from a different Gilt build");
            }
            return readCode(in);
        } catch (IOException e) {
            throw dev.gilt.runtime.error.Errors.valueError("bad marshalled code object");
        }
    }

    private static void writeCode(DataOutputStream o, PyCode c) throws IOException {
        o.writeUTF(c.name);
        o.writeUTF(c.qualname);
        o.writeUTF(c.filename);
        o.writeInt(c.firstlineno);
        o.writeInt(c.argcount);
        o.writeInt(c.posonlyargcount);
        o.writeInt(c.kwonlyargcount);
        o.writeInt(c.flags);
        o.writeInt(c.stacksize);
        ints(o, c.code);
        o.writeInt(c.consts.length);
        for (PyObject k : c.consts) writeConst(o, k);
        strs(o, c.names);
        strs(o, c.varnames);
        strs(o, c.cellvars);
        strs(o, c.freevars);
        ints(o, c.lines);
        ints(o, c.endLines);
        ints(o, c.cols);
        ints(o, c.endCols);
        ints(o, c.exceptionTable);
        if (c.doc == null) {
            o.writeByte(0);
        } else {
            o.writeByte(1);
            writeConst(o, c.doc);
        }
    }

    private static PyCode readCode(DataInputStream in) throws IOException {
        String name = in.readUTF(), qualname = in.readUTF(), filename = in.readUTF();
        int first = in.readInt(), argc = in.readInt(), posonly = in.readInt(), kwonly = in.readInt(), flags = in.readInt(),
                stack = in.readInt();
        int[] code = ints(in);
        PyObject[] consts = new PyObject[in.readInt()];
        for (int i = 0; i < consts.length; i++) consts[i] = readConst(in);
        String[] names = strs(in), varnames = strs(in), cellvars = strs(in), freevars = strs(in);
        int[] lines = ints(in), endLines = ints(in), cols = ints(in), endCols = ints(in), exc = ints(in);
        PyObject doc = in.readByte() == 0 ? null : readConst(in);
        for (int i = 0; i < names.length; i++) names[i] = names[i].intern();
        return new PyCode(name, qualname, filename, first, argc, posonly, kwonly, flags, stack, code, consts, names,
                varnames, cellvars, freevars, lines, endLines, cols, endCols, exc, doc);
    }

    private static void ints(DataOutputStream o, int[] a) throws IOException {
        o.writeInt(a.length);
        for (int v : a) o.writeInt(v);
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int[] a = new int[in.readInt()];
        for (int i = 0; i < a.length; i++) a[i] = in.readInt();
        return a;
    }

    private static void strs(DataOutputStream o, String[] a) throws IOException {
        o.writeInt(a.length);
        for (String s : a) writeString(o, s);
    }

    private static String[] strs(DataInputStream in) throws IOException {
        String[] a = new String[in.readInt()];
        for (int i = 0; i < a.length; i++) a[i] = readString(in);
        return a;
    }

    /** Strings by UTF-16 units, so lone surrogates survive (writeUTF caps at 64 KiB too). */
    private static void writeString(DataOutputStream o, String s) throws IOException {
        o.writeInt(s.length());
        o.writeChars(s);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = in.readChar();
        return new String(c);
    }

    private static void writeConst(DataOutputStream o, PyObject k) throws IOException {
        if (k == null || k == PyNone.NONE) {
            o.writeByte('N');
        } else if (k == PyEllipsis.ELLIPSIS) {
            o.writeByte('.');
        } else if (k == PyBool.TRUE) {
            o.writeByte('T');
        } else if (k == PyBool.FALSE) {
            o.writeByte('F');
        } else if (k instanceof PyInt i && k.type() == PyInt.TYPE) {
            if (i.big == null) {
                o.writeByte('i');
                o.writeLong(i.value);
            } else {
                o.writeByte('I');
                byte[] b = i.big.toByteArray();
                o.writeInt(b.length);
                o.write(b);
            }
        } else if (k instanceof PyFloat f && k.type() == PyFloat.TYPE) {
            o.writeByte('f');
            o.writeDouble(f.value);
        } else if (k instanceof PyComplex c && k.type() == PyComplex.TYPE) {
            o.writeByte('j');
            o.writeDouble(c.real);
            o.writeDouble(c.imag);
        } else if (k instanceof PyStr s && k.type() == PyStr.TYPE) {
            o.writeByte(s.isInterned() ? 's' : 'u');
            writeString(o, s.value);
        } else if (k instanceof PyBytes b && k.type() == PyBytes.TYPE) {
            o.writeByte('b');
            o.writeInt(b.value.length);
            o.write(b.value);
        } else if (k instanceof PyTuple t && k.type() == PyTuple.TYPE) {
            o.writeByte('(');
            o.writeInt(t.size());
            for (int i = 0; i < t.size(); i++) writeConst(o, t.get(i));
        } else if (k instanceof PyFrozenSet fs && k.type() == PyFrozenSet.TYPE) {
            o.writeByte('{');
            dev.gilt.runtime.object.PyList l = fs.toList();
            try {
                o.writeInt(l.size);
                for (int i = 0; i < l.size; i++) writeConst(o, l.items[i]);
            } finally {
                RefCount.decref(l);
            }
        } else if (k instanceof PyCode c) {
            o.writeByte('c');
            writeCode(o, c);
        } else {
            throw dev.gilt.runtime.error.Errors.valueError("cannot marshal a code constant of type '%s'", k.type().name());
        }
    }

    private static PyObject readConst(DataInputStream in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case 'N':
                return PyNone.NONE;
            case '.':
                return PyEllipsis.ELLIPSIS;
            case 'T':
                return PyBool.TRUE;
            case 'F':
                return PyBool.FALSE;
            case 'i':
                return RefCount.immortalize(PyInt.of(in.readLong()));
            case 'I': {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                return RefCount.immortalize(PyInt.of(new BigInteger(b)));
            }
            case 'f':
                return RefCount.immortalize(PyFloat.of(in.readDouble()));
            case 'j':
                return RefCount.immortalize(PyComplex.of(in.readDouble(), in.readDouble()));
            case 's':
                return PyStr.intern(readString(in));
            case 'u':
                return RefCount.immortalize(PyStr.of(readString(in)));
            case 'b': {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                return RefCount.immortalize(PyBytes.of(b));
            }
            case '(': {
                PyObject[] items = new PyObject[in.readInt()];
                for (int i = 0; i < items.length; i++) items[i] = readConst(in);
                return RefCount.immortalize(PyTuple.of(items));
            }
            case '{': {
                PyObject[] items = new PyObject[in.readInt()];
                for (int i = 0; i < items.length; i++) items[i] = readConst(in);
                PyTuple t = PyTuple.of(items);
                try {
                    return RefCount.immortalize(PyFrozenSet.fromIterable(t));
                } finally {
                    RefCount.decref(t);
                }
            }
            case 'c':
                return readCode(in);
            default:
                throw new IOException("bad constant tag " + tag);
        }
    }
}
