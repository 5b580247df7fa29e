package dev.gilt.stdlib._multiprocessing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One frame on a parent/child channel: a request to the broker or its reply. Wire format,
 * little-endian: {@code int32 length} (of what follows), {@code u8 kind} (0 request, 1 reply),
 * {@code int32 id} (request id, echoed by the reply), {@code u8 op} (request op or reply
 * status), {@code u8 n} then {@code n × int64} arguments, {@code int32 m} then {@code m} bytes of
 * data (pickles, or UTF-8 text for errors). Frames are written whole under the channel's write
 * lock and read by one reader thread, so they never interleave.
 */
final class Msg {
    static final byte REQUEST = 0, REPLY = 1;

    final byte kind;
    final int id;
    final int op;
    final long[] args;
    final byte[] data;

    Msg(byte kind, int id, int op, long[] args, byte[] data) {
        this.kind = kind;
        this.id = id;
        this.op = op;
        this.args = args == null ? new long[0] : args;
        this.data = data;
    }

    static Msg request(int id, int op, byte[] data, long... args) {
        return new Msg(REQUEST, id, op, args, data);
    }

    static Msg reply(int id, int status, byte[] data, long... args) {
        return new Msg(REPLY, id, status, args, data);
    }

    long arg(int i) {
        return i < args.length ? args[i] : 0;
    }

    String text() {
        return data == null ? "" : new String(data, StandardCharsets.UTF_8);
    }

    byte[] encode() {
        int dl = data == null ? 0 : data.length;
        int body = 1 + 4 + 1 + 1 + 8 * args.length + 4 + dl;
        ByteBuffer b = ByteBuffer.allocate(4 + body).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(body).put(kind).putInt(id).put((byte) op).put((byte) args.length);
        for (long a : args) b.putLong(a);
        b.putInt(data == null ? -1 : dl);
        if (data != null) b.put(data);
        return b.array();
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(encode());
        out.flush();
    }

    /** Reads one frame; null at a clean end of stream (the other side closed). */
    static Msg read(DataInputStream in) throws IOException {
        byte[] len = new byte[4];
        int got = 0;
        while (got < 4) {
            int r = in.read(len, got, 4 - got);
            if (r < 0) {
                if (got == 0) return null;
                throw new EOFException("truncated frame");
            }
            got += r;
        }
        int n = ByteBuffer.wrap(len).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        if (n < 11 || n > (1 << 30) + 64) throw new IOException("bad frame length " + n);
        byte[] body = new byte[n];
        in.readFully(body);
        ByteBuffer b = ByteBuffer.wrap(body).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte kind = b.get();
        int id = b.getInt();
        int op = b.get() & 0xff;
        int na = b.get() & 0xff;
        long[] args = new long[na];
        for (int i = 0; i < na; i++) args[i] = b.getLong();
        int dl = b.getInt();
        byte[] data = null;
        if (dl >= 0) {
            data = new byte[dl];
            b.get(data);
        }
        return new Msg(kind, id, op, args, data);
    }
}
