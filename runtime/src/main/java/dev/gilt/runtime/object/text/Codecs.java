package dev.gilt.runtime.object.text;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;

/**
 * str.encode / bytes.decode for the codecs every script meets (utf-8, ascii, latin-1, utf-16,
 * utf-32 and their -le/-be forms), with CPython's error handlers (strict, ignore, replace,
 * backslashreplace, xmlcharrefreplace, namereplace, surrogateescape, surrogatepass) and its
 * UnicodeEncodeError / UnicodeDecodeError arguments. Other encodings fall back to Java's
 * charsets (strict, ignore and replace only).
 */
public final class Codecs {
    private Codecs() {}

    /** CPython's canonical codec name for an encoding argument, e.g. "UTF8" -> "utf-8". */
    public static String normalize(String encoding) {
        String e = encoding.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (e) {
            case "utf-8", "utf8", "u8", "utf", "cp65001" -> "utf-8";
            case "ascii", "us-ascii", "646", "us" -> "ascii";
            case "latin-1", "latin1", "latin", "l1", "iso-8859-1", "iso8859-1", "8859", "cp819", "iso-ir-100" -> "latin-1";
            case "utf-16", "utf16", "u16" -> "utf-16";
            case "utf-16-le", "utf-16le" -> "utf-16-le";
            case "utf-16-be", "utf-16be" -> "utf-16-be";
            case "utf-32", "utf32", "u32" -> "utf-32";
            case "utf-32-le", "utf-32le" -> "utf-32-le";
            case "utf-32-be", "utf-32be" -> "utf-32-be";
            default -> e;
        };
    }

    private static void checkHandler(String errors) {
        switch (errors) {
            case "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace",
                    "surrogateescape", "surrogatepass" -> {
            }
            default -> throw Errors.of(PyExc.LookupError, "unknown error handler name '" + errors + "'");
        }
    }

    // ---- encode -------------------------------------------------------------------------------

    /** str.encode(encoding, errors). */
    public static byte[] encode(String s, String encoding, String errors) {
        String enc = normalize(encoding);
        return switch (enc) {
            case "utf-8" -> encodeUtf8(s, errors);
            case "ascii" -> encodeLimited(s, errors, 0x80, "ascii", "ordinal not in range(128)");
            case "latin-1" -> encodeLimited(s, errors, 0x100, "latin-1", "ordinal not in range(256)");
            case "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be" -> encodeWide(s, errors, enc);
            default -> encodeJava(s, encoding, errors);
        };
    }

    /** Code points of s, keeping lone surrogates as themselves. */
    private static int[] cps(String s) {
        return s.codePoints().toArray();
    }

    /** Appends the replacement an error handler makes for cps[start, end), or raises. */
    private static void encodeError(String enc, String s, int[] cps, int start, int end, String reason, String errors,
            ByteArrayOutputStream out) {
        checkHandler(errors);
        switch (errors) {
            case "ignore" -> {
            }
            case "replace" -> {
                for (int i = start; i < end; i++) out.write('?');
            }
            case "backslashreplace" -> {
                for (int i = start; i < end; i++) writeAscii(out, backslash(cps[i]));
            }
            case "xmlcharrefreplace" -> {
                for (int i = start; i < end; i++) writeAscii(out, "&#" + cps[i] + ";");
            }
            case "namereplace" -> {
                for (int i = start; i < end; i++) {
                    String name = Character.getName(cps[i]);
                    writeAscii(out, name == null ? backslash(cps[i]) : "\\N{" + name + "}");
                }
            }
            case "surrogateescape" -> {
                for (int i = start; i < end; i++) {
                    int c = cps[i];
                    if (c < 0xdc80 || c > 0xdcff) throw encodeException(enc, s, start, end, reason);
                }
                for (int i = start; i < end; i++) out.write(cps[i] - 0xdc00);
            }
            default -> throw encodeException(enc, s, start, end, reason);
        }
    }

    static String backslash(int c) {
        if (c < 0x100) return String.format("\\x%02x", c);
        if (c < 0x10000) return String.format("\\u%04x", c);
        return String.format("\\U%08x", c);
    }

    private static void writeAscii(ByteArrayOutputStream out, String s) {
        for (int i = 0; i < s.length(); i++) out.write(s.charAt(i));
    }

    private static byte[] encodeLimited(String s, String errors, int limit, String enc, String reason) {
        boolean fast = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= limit) {
                fast = false;
                break;
            }
        }
        if (fast) {
            byte[] b = new byte[s.length()];
            for (int i = 0; i < b.length; i++) b[i] = (byte) s.charAt(i);
            return b;
        }
        int[] c = cps(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream(c.length);
        for (int i = 0; i < c.length; ) {
            if (c[i] < limit) {
                out.write(c[i++]);
                continue;
            }
            int j = i;
            while (j < c.length && c[j] >= limit) j++;
            encodeError(enc, s, c, i, j, reason, errors, out);
            i = j;
        }
        return out.toByteArray();
    }

    private static byte[] encodeUtf8(String s, String errors) {
        boolean simple = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                simple = false;
                break;
            }
        }
        if (simple) return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int[] c = cps(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 2);
        for (int i = 0; i < c.length; ) {
            int cp = c[i];
            if (cp >= 0xd800 && cp <= 0xdfff) {
                int j = i;
                while (j < c.length && c[j] >= 0xd800 && c[j] <= 0xdfff) j++;
                if (errors.equals("surrogatepass")) {
                    for (int k = i; k < j; k++) utf8(out, c[k]);
                } else {
                    encodeError("utf-8", s, c, i, j, "surrogates not allowed", errors, out);
                }
                i = j;
                continue;
            }
            utf8(out, cp);
            i++;
        }
        return out.toByteArray();
    }

    private static void utf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xc0 | (cp >> 6));
            out.write(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out.write(0xe0 | (cp >> 12));
            out.write(0x80 | ((cp >> 6) & 0x3f));
            out.write(0x80 | (cp & 0x3f));
        } else {
            out.write(0xf0 | (cp >> 18));
            out.write(0x80 | ((cp >> 12) & 0x3f));
            out.write(0x80 | ((cp >> 6) & 0x3f));
            out.write(0x80 | (cp & 0x3f));
        }
    }

    private static byte[] encodeWide(String s, String errors, String enc) {
        boolean utf32 = enc.startsWith("utf-32");
        boolean big = enc.endsWith("-be");
        boolean bom = enc.equals("utf-16") || enc.equals("utf-32");
        int[] c = cps(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream(c.length * (utf32 ? 4 : 2) + 4);
        if (bom) unit(out, 0xfeff, utf32, big);
        for (int i = 0; i < c.length; ) {
            int cp = c[i];
            if (cp >= 0xd800 && cp <= 0xdfff && !errors.equals("surrogatepass")) {
                int j = i;
                while (j < c.length && c[j] >= 0xd800 && c[j] <= 0xdfff) j++;
                ByteArrayOutputStream rep = new ByteArrayOutputStream();
                encodeError(enc, s, c, i, j, "surrogates not allowed", errors, rep);
                for (byte b : rep.toByteArray()) unit(out, b & 0xff, utf32, big);
                i = j;
                continue;
            }
            if (utf32 || cp < 0x10000) {
                unit(out, cp, utf32, big);
            } else {
                unit(out, Character.highSurrogate(cp), false, big);
                unit(out, Character.lowSurrogate(cp), false, big);
            }
            i++;
        }
        return out.toByteArray();
    }

    private static void unit(ByteArrayOutputStream out, int v, boolean four, boolean big) {
        int n = four ? 4 : 2;
        for (int k = 0; k < n; k++) {
            int shift = big ? 8 * (n - 1 - k) : 8 * k;
            out.write((v >> shift) & 0xff);
        }
    }

    private static byte[] encodeJava(String s, String encoding, String errors) {
        Charset cs = charset(encoding);
        CharsetEncoder e = cs.newEncoder();
        CodingErrorAction act = errors.equals("ignore") ? CodingErrorAction.IGNORE
                : errors.equals("replace") ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        e.onMalformedInput(act).onUnmappableCharacter(act);
        try {
            ByteBuffer bb = e.encode(CharBuffer.wrap(s));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException x) {
            throw encodeException(cs.name().toLowerCase(Locale.ROOT), s, 0, 1, "character maps to <undefined>");
        }
    }

    private static Charset charset(String encoding) {
        try {
            return Charset.forName(encoding);
        } catch (RuntimeException x) {
            throw Errors.of(PyExc.LookupError, "unknown encoding: " + encoding);
        }
    }

    /** UnicodeEncodeError(encoding, object, start, end, reason), attributes set as CPython's. */
    public static PyException encodeException(String enc, String s, int start, int end, String reason) {
        PyStr obj = PyStr.of(s);
        try {
            return unicodeError(PyExc.UnicodeEncodeError, enc, obj, start, end, reason);
        } finally {
            RefCount.decref(obj);
        }
    }

    public static PyException decodeException(String enc, byte[] b, int start, int end, String reason) {
        PyBytes obj = PyBytes.of(b);
        try {
            return unicodeError(PyExc.UnicodeDecodeError, enc, obj, start, end, reason);
        } finally {
            RefCount.decref(obj);
        }
    }

    /**
     * Creates the exception by calling its type, as {@code UnicodeEncodeError(enc, obj, start, end,
     * reason)} would, so the exception machinery sets its attributes and message.
     */
    private static PyException unicodeError(dev.gilt.runtime.object.PyType type, String enc, PyObject obj, int start,
            int end, String reason) {
        PyObject[] items = {PyStr.of(enc), RefCount.newRef(obj), PyInt.of(start), PyInt.of(end), PyStr.of(reason)};
        try {
            PyObject e = dev.gilt.runtime.ops.Ops.call(type, items);
            return new PyException((PyBaseException) e);
        } finally {
            for (PyObject o : items) RefCount.decref(o);
        }
    }

    // ---- decode -------------------------------------------------------------------------------

    /** bytes.decode(encoding, errors). */
    public static String decode(byte[] b, String encoding, String errors) {
        return decode(b, 0, b.length, encoding, errors);
    }

    public static String decode(byte[] b, int off, int len, String encoding, String errors) {
        String enc = normalize(encoding);
        return switch (enc) {
            case "utf-8" -> decodeUtf8(b, off, len, errors);
            case "ascii" -> decodeAscii(b, off, len, errors);
            case "latin-1" -> new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
            case "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be" -> decodeWide(b, off, len, errors, enc);
            default -> decodeJava(b, off, len, encoding, errors);
        };
    }

    /** Appends the replacement for undecodable bytes [start, end) (absolute), or raises. */
    private static void decodeError(String enc, byte[] b, int off, int len, int start, int end, String reason,
            String errors, StringBuilder out) {
        checkHandler(errors);
        switch (errors) {
            case "ignore" -> {
            }
            case "replace" -> out.append('\ufffd');
            case "backslashreplace" -> {
                for (int i = start; i < end; i++) out.append(String.format("\\x%02x", b[i] & 0xff));
            }
            case "surrogateescape" -> {
                for (int i = start; i < end; i++) {
                    int v = b[i] & 0xff;
                    if (v < 128) throw decodeException(enc, slice(b, off, len), start - off, end - off, reason);
                    out.append((char) (0xdc00 + v));
                }
            }
            default -> throw decodeException(enc, slice(b, off, len), start - off, end - off, reason);
        }
    }

    private static byte[] slice(byte[] b, int off, int len) {
        if (off == 0 && len == b.length) return b;
        return java.util.Arrays.copyOfRange(b, off, off + len);
    }

    private static String decodeAscii(byte[] b, int off, int len, String errors) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = off; i < off + len; i++) {
            int v = b[i] & 0xff;
            if (v < 128) sb.append((char) v);
            else decodeError("ascii", b, off, len, i, i + 1, "ordinal not in range(128)", errors, sb);
        }
        return sb.toString();
    }

    private static String decodeUtf8(byte[] b, int off, int len, String errors) {
        int end = off + len;
        StringBuilder sb = new StringBuilder(len);
        int i = off;
        while (i < end) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
                continue;
            }
            int need, lo = 0x80, hi = 0xbf, cp;
            if (c >= 0xc2 && c <= 0xdf) {
                need = 1;
                cp = c & 0x1f;
            } else if (c >= 0xe0 && c <= 0xef) {
                need = 2;
                cp = c & 0x0f;
                if (c == 0xe0) lo = 0xa0;
                if (c == 0xed) hi = 0x9f;
            } else if (c >= 0xf0 && c <= 0xf4) {
                need = 3;
                cp = c & 0x07;
                if (c == 0xf0) lo = 0x90;
                if (c == 0xf4) hi = 0x8f;
            } else {
                decodeError("utf-8", b, off, len, i, i + 1, "invalid start byte", errors, sb);
                i++;
                continue;
            }
            int j = i + 1;
            boolean ok = true;
            for (int k = 0; k < need; k++, j++) {
                if (j >= end) {
                    decodeError("utf-8", b, off, len, i, end, "unexpected end of data", errors, sb);
                    ok = false;
                    j = end;
                    break;
                }
                int v = b[j] & 0xff;
                int l = k == 0 ? lo : 0x80, h = k == 0 ? hi : 0xbf;
                if (v < l || v > h) {
                    decodeError("utf-8", b, off, len, i, j, "invalid continuation byte", errors, sb);
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (v & 0x3f);
            }
            if (ok) sb.appendCodePoint(cp);
            i = j;
        }
        return sb.toString();
    }

    private static String decodeWide(byte[] b, int off, int len, String errors, String enc) {
        boolean utf32 = enc.startsWith("utf-32");
        int n = utf32 ? 4 : 2;
        boolean big = enc.endsWith("-be");
        int i = off, end = off + len;
        String name = enc;
        if (enc.equals("utf-16") || enc.equals("utf-32")) {
            name = enc + "-le";
            if (len >= n) {
                long first = read(b, i, n, false);
                if (first == 0xfeff) {
                    i += n;
                } else if (read(b, i, n, true) == 0xfeff) {
                    big = true;
                    name = enc + "-be";
                    i += n;
                }
            }
        }
        StringBuilder sb = new StringBuilder(len / n);
        while (i < end) {
            if (end - i < n) {
                decodeError(name, b, off, len, i, end, "truncated data", errors, sb);
                break;
            }
            int v = (int) read(b, i, n, big);
            if (utf32) {
                if (v < 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff && !errors.equals("surrogatepass"))) {
                    decodeError(name, b, off, len, i, i + 4,
                            v >= 0xd800 && v <= 0xdfff ? "code point in surrogate code point range(0xd800, 0xe000)"
                                    : "code point not in range(0x110000)", errors, sb);
                } else {
                    sb.appendCodePoint(v);
                }
                i += 4;
                continue;
            }
            if (Character.isHighSurrogate((char) v)) {
                if (end - i >= 4 && Character.isLowSurrogate((char) read(b, i + 2, 2, big))) {
                    sb.append((char) v).append((char) read(b, i + 2, 2, big));
                    i += 4;
                    continue;
                }
                if (end - i < 4) {
                    decodeError(name, b, off, len, i, end, "unexpected end of data", errors, sb);
                    break;
                }
                decodeError(name, b, off, len, i, i + 2, "illegal UTF-16 surrogate", errors, sb);
                i += 2;
                continue;
            }
            if (Character.isLowSurrogate((char) v)) {
                decodeError(name, b, off, len, i, i + 2, "illegal encoding", errors, sb);
                i += 2;
                continue;
            }
            sb.append((char) v);
            i += 2;
        }
        return sb.toString();
    }

    private static long read(byte[] b, int i, int n, boolean big) {
        long v = 0;
        for (int k = 0; k < n; k++) {
            int by = b[i + k] & 0xff;
            if (big) v = (v << 8) | by;
            else v |= (long) by << (8 * k);
        }
        return v;
    }

    private static String decodeJava(byte[] b, int off, int len, String encoding, String errors) {
        Charset cs = charset(encoding);
        CharsetDecoder d = cs.newDecoder();
        CodingErrorAction act = errors.equals("ignore") ? CodingErrorAction.IGNORE
                : errors.equals("replace") ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
        d.onMalformedInput(act).onUnmappableCharacter(act);
        try {
            return d.decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException x) {
            throw decodeException(cs.name().toLowerCase(Locale.ROOT), slice(b, off, len), 0, 1, "character maps to <undefined>");
        }
    }
}
