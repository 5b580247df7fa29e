package dev.gilt.stdlib.util;

import dev.gilt.runtime.error.Errors;
import dev.gilt.runtime.error.PyExc;
import dev.gilt.runtime.error.PyException;
import dev.gilt.runtime.memory.RefCount;
import dev.gilt.runtime.object.PyBaseException;
import dev.gilt.runtime.object.PyBytes;
import dev.gilt.runtime.object.PyInt;
import dev.gilt.runtime.object.PyObject;
import dev.gilt.runtime.object.PyStr;
import dev.gilt.runtime.object.PyType;
import dev.gilt.runtime.ops.Ops;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Text encodings for the I/O stack: CPython's codec names mapped to Java charsets, and encoders
 * and decoders that apply CPython's error handlers (strict, ignore, replace, backslashreplace,
 * surrogateescape, xmlcharrefreplace) and raise UnicodeDecodeError/UnicodeEncodeError with
 * CPython's wording.
 */
public final class Codecs {
    private Codecs() {}

    /** CPython's normalized codec name ("utf-8", "latin-1", "ascii", ...) used in messages. */
    public static String canonical(String encoding) {
        String e = encoding.toLowerCase(Locale.ROOT).replace('_', '-').trim();
        return switch (e) {
            case "utf8", "utf-8", "u8", "utf", "cp65001" -> "utf-8";
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin" -> "latin-1";
            case "ascii", "us-ascii", "646" -> "ascii";
            case "utf-16", "utf16" -> "utf-16";
            case "utf-16-le", "utf-16le" -> "utf-16-le";
            case "utf-16-be", "utf-16be" -> "utf-16-be";
            case "utf-32", "utf32" -> "utf-32";
            case "utf-32-le", "utf-32le" -> "utf-32-le";
            case "utf-32-be", "utf-32be" -> "utf-32-be";
            case "utf-8-sig", "utf8-sig" -> "utf-8-sig";
            default -> e;
        };
    }

    /** The Java charset for a codec name, or LookupError("unknown encoding: x"). */
    public static Charset charset(String encoding) {
        String c = canonical(encoding);
        switch (c) {
            case "utf-8", "utf-8-sig":
                return StandardCharsets.UTF_8;
            case "latin-1":
                return StandardCharsets.ISO_8859_1;
            case "ascii":
                return StandardCharsets.US_ASCII;
            case "utf-16":
                return StandardCharsets.UTF_16;
            case "utf-16-le":
                return StandardCharsets.UTF_16LE;
            case "utf-16-be":
                return StandardCharsets.UTF_16BE;
            default:
                try {
                    return Charset.forName(c);
                } catch (RuntimeException e) {
                    throw Errors.of(PyExc.LookupError, "unknown encoding: " + encoding);
                }
        }
    }

    public static boolean isUtf8(Charset cs) {
        return cs == StandardCharsets.UTF_8;
    }

    /** Number of bytes {@code s[from:to]} takes in {@code cs} (exact for UTF-8 and 8-bit charsets). */
    public static long encodedLength(Charset cs, CharSequence s, int from, int to) {
        if (cs == StandardCharsets.UTF_8) {
            long n = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < 0x80) n += 1;
                else if (c < 0x800) n += 2;
                else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    n += 4;
                    i++;
                } else n += 3;
            }
            return n;
        }
        if (cs == StandardCharsets.ISO_8859_1 || cs == StandardCharsets.US_ASCII || cs.newEncoder().maxBytesPerChar() == 1.0f) {
            return to - from;
        }
        return cs.encode(CharBuffer.wrap(s, from, to)).remaining();
    }

    // ---- errors ----------------------------------------------------------------------------

    private static PyException unicodeError(PyType t, PyObject[] args, String message) {
        try {
            if (PyType.TYPE.call != null && t.newInstance != null) {
                PyObject e = Ops.call(t, args);
                if (e instanceof PyBaseException be) return new PyException(be);
                RefCount.decref(e);
            }
        } catch (PyException ignored) {
            RefCount.decref(ignored.exc);
        }
        return Errors.of(t, message);
    }

    public static PyException decodeError(String enc, byte[] data, int start, int end, String reason) {
        String msg;
        if (end - start == 1) {
            msg = String.format("'%s' codec can't decode byte 0x%02x in position %d: %s", enc, data[start] & 0xff, start, reason);
        } else {
            msg = String.format("'%s' codec can't decode bytes in position %d-%d: %s", enc, start, end - 1, reason);
        }
        PyObject[] args = {PyStr.of(enc), PyBytes.of(data), PyInt.of(start), PyInt.of(end), PyStr.of(reason)};
        try {
            return unicodeError(PyExc.UnicodeDecodeError, args, msg);
        } finally {
            for (PyObject a : args) RefCount.decref(a);
        }
    }

    public static PyException encodeError(String enc, String s, int start, int end, String reason) {
        int cpStart = s.codePointCount(0, start), cpEnd = s.codePointCount(0, end);
        String msg;
        if (cpEnd - cpStart == 1) {
            int c = s.codePointAt(start);
            String ch = c < 0x100 ? String.format("\\x%02x", c) : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
            msg = String.format("'%s' codec can't encode character '%s' in position %d: %s", enc, ch, cpStart, reason);
        } else {
            msg = String.format("'%s' codec can't encode characters in position %d-%d: %s", enc, cpStart, cpEnd - 1, reason);
        }
        PyObject[] args = {PyStr.of(enc), PyStr.of(s), PyInt.of(cpStart), PyInt.of(cpEnd), PyStr.of(reason)};
        try {
            return unicodeError(PyExc.UnicodeEncodeError, args, msg);
        } finally {
            for (PyObject a : args) RefCount.decref(a);
        }
    }

    private static String decodeReason(String enc, byte[] b, int pos, int len, boolean atEnd) {
        if (enc.equals("ascii")) return "ordinal not in range(128)";
        if (enc.startsWith("utf-8")) {
            int c = b[pos] & 0xff;
            if ((c >= 0x80 && c < 0xc2) || c >= 0xf5) return "invalid start byte";
            if (atEnd && pos + len >= b.length) return "unexpected end of data";
            return "invalid continuation byte";
        }
        if (enc.startsWith("utf-16") || enc.startsWith("utf-32")) {
            return atEnd ? "truncated data" : "illegal encoding";
        }
        return "character maps to <undefined>";
    }

    private static String encodeReason(String enc) {
        return switch (enc) {
            case "ascii" -> "ordinal not in range(128)";
            case "latin-1" -> "ordinal not in range(256)";
            case "utf-8", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be" -> "surrogates not allowed";
            default -> "character maps to <undefined>";
        };
    }

    // ---- streaming decoder -----------------------------------------------------------------

    /** Incremental decoder: bytes in, text out; keeps an incomplete trailing sequence. */
    public static final class Decoder {
        final String enc;
        final Charset cs;
        final String errors;
        final CharsetDecoder dec;
        private byte[] leftover = new byte[0];
        private boolean bomChecked;

        public Decoder(String encoding, String errors) {
            this.enc = canonical(encoding);
            this.cs = charset(encoding);
            this.errors = errors == null ? "strict" : errors;
            this.dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        public int pendingBytes() {
            return leftover.length;
        }

        public void reset() {
            dec.reset();
            leftover = new byte[0];
            bomChecked = false;
        }

        /** Decodes {@code b[off:off+len]} (after any kept bytes) and appends the text to {@code out}. */
        public void decode(byte[] b, int off, int len, boolean last, StringBuilder out) {
            byte[] data;
            if (leftover.length == 0) {
                data = off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len);
            } else {
                data = new byte[leftover.length + len];
                System.arraycopy(leftover, 0, data, 0, leftover.length);
                System.arraycopy(b, off, data, leftover.length, len);
            }
            int start = 0;
            if (!bomChecked && enc.equals("utf-8-sig")) {
                if (data.length < 3 && !last) {
                    leftover = data;
                    return;
                }
                bomChecked = true;
                if (data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf) {
                    start = 3;
                }
            }
            ByteBuffer in = ByteBuffer.wrap(data, start, data.length - start);
            CharBuffer cb = CharBuffer.allocate(Math.max(16, (int) (data.length * (double) dec.maxCharsPerByte()) + 4));
            while (true) {
                CoderResult r = dec.decode(in, cb, last);
                if (r.isOverflow()) {
                    cb.flip();
                    out.append(cb);
                    cb.clear();
                    continue;
                }
                if (r.isUnderflow()) {
                    if (last) {
                        if (in.hasRemaining()) {
                            handle(data, in.position(), in.remaining(), true, out, cb);
                            in.position(data.length);
                            continue;
                        }
                        while (dec.flush(cb).isOverflow()) {
                            cb.flip();
                            out.append(cb);
                            cb.clear();
                        }
                        dec.reset();
                    }
                    break;
                }
                // malformed or unmappable
                int pos = in.position(), n = r.length();
                cb.flip();
                out.append(cb);
                cb.clear();
                handle(data, pos, n, last, out, cb);
                in.position(pos + n);
            }
            cb.flip();
            out.append(cb);
            leftover = in.hasRemaining() ? java.util.Arrays.copyOfRange(data, in.position(), data.length) : new byte[0];
        }

        private void handle(byte[] data, int pos, int n, boolean last, StringBuilder out, CharBuffer cb) {
            switch (errors) {
                case "ignore" -> { }
                case "replace" -> out.append('\ufffd');
                case "surrogateescape" -> {
                    for (int i = 0; i < n; i++) out.append((char) (0xdc00 + (data[pos + i] & 0xff)));
                }
                case "backslashreplace" -> {
                    for (int i = 0; i < n; i++) out.append(String.format("\\x%02x", data[pos + i] & 0xff));
                }
                default -> throw decodeError(enc, data, pos, pos + n, decodeReason(enc, data, pos, n, last));
            }
        }
    }

    /** Decodes a whole byte string. */
    public static String decode(byte[] b, String encoding, String errors) {
        if ((errors == null || errors.equals("strict")) && canonical(encoding).equals("utf-8")) {
            // fast path: valid UTF-8 (checked by the decoder below only on failure)
            CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
            try {
                return d.decode(ByteBuffer.wrap(b)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                // fall through to the slow path for the exact error
            }
        }
        StringBuilder sb = new StringBuilder(b.length);
        new Decoder(encoding, errors).decode(b, 0, b.length, true, sb);
        return sb.toString();
    }

    // ---- encoder -------------------------------------------------------------------------------

    /** Encoder with an error handler; reusable. */
    public static final class Encoder {
        final String enc;
        final Charset cs;
        final String errors;
        final CharsetEncoder encoder;

        public Encoder(String encoding, String errors) {
            this.enc = canonical(encoding);
            this.cs = charset(encoding);
            this.errors = errors == null ? "strict" : errors;
            this.encoder = cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        /** Encodes {@code s} entirely. */
        public byte[] encode(String s) {
            if (cs == StandardCharsets.UTF_8 && isSimple(s)) return s.getBytes(StandardCharsets.UTF_8);
            encoder.reset();
            CharBuffer in = CharBuffer.wrap(s);
            ByteBuffer bb = ByteBuffer.allocate((int) (s.length() * (double) encoder.maxBytesPerChar()) + 16);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bb.capacity());
            while (true) {
                CoderResult r = encoder.encode(in, bb, true);
                if (r.isOverflow()) {
                    out.write(bb.array(), 0, bb.position());
                    bb.clear();
                    continue;
                }
                if (r.isUnderflow()) break;
                out.write(bb.array(), 0, bb.position());
                bb.clear();
                int pos = in.position(), n = r.length();
                handle(s, pos, n, out);
                in.position(pos + n);
            }
            encoder.flush(bb);
            out.write(bb.array(), 0, bb.position());
            return out.toByteArray();
        }

        private void handle(String s, int pos, int n, ByteArrayOutputStream out) {
            switch (errors) {
                case "ignore" -> { }
                case "replace" -> {
                    for (int i = pos; i < pos + n; ) {
                        int c = s.codePointAt(i);
                        i += Character.charCount(c);
                        out.write('?');
                    }
                }
                case "backslashreplace", "xmlcharrefreplace" -> {
                    for (int i = pos; i < pos + n; ) {
                        int c = s.codePointAt(i);
                        i += Character.charCount(c);
                        String rep = errors.equals("xmlcharrefreplace") ? "&#" + c + ";"
                                : c < 0x100 ? String.format("\\x%02x", c)
                                : c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c);
                        out.writeBytes(rep.getBytes(StandardCharsets.US_ASCII));
                    }
                }
                case "surrogateescape" -> {
                    for (int i = pos; i < pos + n; i++) {
                        char c = s.charAt(i);
                        if (c >= 0xdc80 && c <= 0xdcff) out.write(c - 0xdc00);
                        else throw encodeError(enc, s, i, i + 1, encodeReason(enc));
                    }
                }
                case "surrogatepass" -> {
                    if (!enc.startsWith("utf-8")) throw encodeError(enc, s, pos, pos + n, encodeReason(enc));
                    for (int i = pos; i < pos + n; i++) {
                        char c = s.charAt(i);
                        out.write(0xe0 | (c >> 12));
                        out.write(0x80 | ((c >> 6) & 0x3f));
                        out.write(0x80 | (c & 0x3f));
                    }
                }
                default -> throw encodeError(enc, s, pos, pos + n, encodeReason(enc));
            }
        }
    }

    /** True if {@code s} has no surrogate code units (so Java's UTF-8 encoding is exact). */
    static boolean isSimple(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xd800 && c <= 0xdfff) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
        }
        return true;
    }

    /** Encodes a whole string. */
    public static byte[] encode(String s, String encoding, String errors) {
        return new Encoder(encoding, errors).encode(s);
    }
}
