package dev.gilt.runtime.types;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyTuple;
import dev.gilt.runtime.ops.Ops;

/**
 * UnicodeDecodeError(encoding, object, start, end, reason), UnicodeEncodeError(same) and
 * UnicodeTranslateError(object, start, end, reason): argument checks and CPython's messages
 * ("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte").
 */
final class UnicodeErrors {
    private UnicodeErrors() {}

    static final int DECODE = 0, ENCODE = 1, TRANSLATE = 2;

    static void init(PyObject self, PyObject[] args, PyTuple kw) {
        init(self, args, kw, -1);
    }

    static void init(PyObject self, PyObject[] args, PyTuple kw, int kind) {
        if (kw != null && kw.size() > 0) {
            throw Errors.typeError("%s() takes no keyword arguments", TypeSlots.shortName(self.type()));
        }
        PyBaseException e = (PyBaseException) self;
        int need = kind == TRANSLATE ? 4 : 5;
        if (args.length != need) {
            throw Errors.typeError("function takes exactly %d arguments (%d given)", need, args.length);
        }
        int off = kind == TRANSLATE ? 0 : 1;
        if (kind != TRANSLATE && !(args[0] instanceof PyStr)) {
            throw Errors.typeError("argument 1 must be str, not %s", args[0].type().name());
        }
        if (kind != DECODE && !(args[off] instanceof PyStr)) {
            throw Errors.typeError("argument %d must be str, not %s", off + 1, args[off].type().name());
        }
        if (!(args[off + 1] instanceof PyInt)) {
            throw Errors.typeError("'%s' object cannot be interpreted as an integer", args[off + 1].type().name());
        }
        if (!(args[off + 2] instanceof PyInt)) {
            throw Errors.typeError("'%s' object cannot be interpreted as an integer", args[off + 2].type().name());
        }
        if (!(args[off + 3] instanceof PyStr)) {
            throw Errors.typeError("argument %d must be str, not %s", off + 4, args[off + 3].type().name());
        }
        ExceptionTypes.setArgs(e, PyTuple.of(args));
        if (kind != TRANSLATE) ExceptionTypes.setField(e, 5, ExceptionTypes.UE_ENCODING, args[0]);
        ExceptionTypes.setField(e, 5, ExceptionTypes.UE_OBJECT, args[off]);
        ExceptionTypes.setField(e, 5, ExceptionTypes.UE_START, args[off + 1]);
        ExceptionTypes.setField(e, 5, ExceptionTypes.UE_END, args[off + 2]);
        ExceptionTypes.setField(e, 5, ExceptionTypes.UE_REASON, args[off + 3]);
    }

    private static long asLong(PyObject o) {
        return o instanceof PyInt i && !i.isBig() ? i.value : 0;
    }

    static PyObject str(PyObject self, int kind) {
        PyBaseException e = (PyBaseException) self;
        PyObject obj = ExceptionTypes.field(e, ExceptionTypes.UE_OBJECT);
        if (obj == null) return ExceptionTypes.baseStr(self);
        PyObject enc = ExceptionTypes.field(e, ExceptionTypes.UE_ENCODING);
        PyObject reasonObj = ExceptionTypes.field(e, ExceptionTypes.UE_REASON);
        String reason = reasonObj == null ? "" : Ops.strString(reasonObj);
        String encoding = enc == null ? "" : Ops.strString(enc);
        long start = asLong(ExceptionTypes.field(e, ExceptionTypes.UE_START));
        long end = asLong(ExceptionTypes.field(e, ExceptionTypes.UE_END));
        long len = obj instanceof PyStr ps ? ps.value.codePointCount(0, ps.value.length()) : Ops.len(obj);
        if (start < len && end == start + 1) {
            if (kind == DECODE) {
                PyObject idx = PyInt.of(start);
                PyObject b = Ops.getItem(obj, idx);
                RefCount.decref(idx);
                long v = asLong(b);
                RefCount.decref(b);
                return PyStr.of(String.format("'%s' codec can't decode byte 0x%02x in position %d: %s", encoding, v, start,
                        reason));
            }
            String s = ((PyStr) obj).value;
            int cp = s.codePointAt(s.offsetByCodePoints(0, (int) start));
            String ch = cp < 0x100 ? String.format("\\x%02x", cp)
                    : cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
            if (kind == ENCODE) {
                return PyStr.of(String.format("'%s' codec can't encode character '%s' in position %d: %s", encoding, ch,
                        start, reason));
            }
            return PyStr.of(String.format("can't translate character '%s' in position %d: %s", ch, start, reason));
        }
        return switch (kind) {
            case DECODE -> PyStr.of(String.format("'%s' codec can't decode bytes in position %d-%d: %s", encoding, start,
                    end - 1, reason));
            case ENCODE -> PyStr.of(String.format("'%s' codec can't encode characters in position %d-%d: %s", encoding,
                    start, end - 1, reason));
            default -> PyStr.of(String.format("can't translate characters in position %d-%d: %s", start, end - 1, reason));
        };
    }
}
