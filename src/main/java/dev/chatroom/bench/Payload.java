package dev.chatroom.bench;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * The text of a benchmark message, {@code "<sender> <seq> <sendNanos> xxx..."}: written by the
 * senders, read back by every receiver. Reading walks the bytes once through {@link
 * ByteBuf#forEachByte} (one bounds check per line instead of one per byte) and keeps its numbers
 * in fields, so it allocates nothing per delivery. One instance per thread.
 */
final class Payload implements ByteProcessor {
    private static final int FIELDS = 3;

    private final long[] fields = new long[FIELDS];
    private int field;
    private long value;
    private boolean digits;

    /** The PRIVMSG line that carries sender's seq-th message, padded to {@code size} bytes of text. */
    static String line(String channel, int sender, long seq, long sendNanos, int size) {
        StringBuilder sb = new StringBuilder(channel.length() + size + 16);
        sb.append("PRIVMSG ").append(channel).append(" :");
        int textStart = sb.length();
        sb.append(sender).append(' ').append(seq).append(' ').append(sendNanos).append(' ');
        while (sb.length() - textStart < size) sb.append('x');
        return sb.toString();
    }

    /** Reads the numbers from bytes {@code [from, to)}; false when that is not a benchmark message. */
    boolean parse(ByteBuf buf, int from, int to) {
        field = 0;
        value = 0;
        digits = false;
        if (from >= to) return false;
        int stoppedAt = buf.forEachByte(from, to - from, this);
        if (stoppedAt < 0 && field == FIELDS - 1 && digits)
            fields[field++] = value; // the line ended right after the last number
        return field == FIELDS;
    }

    int sender() {
        return (int) Math.min(fields[0], Integer.MAX_VALUE);
    }

    long seq() {
        return fields[1];
    }

    long sendNanos() {
        return fields[2];
    }

    @Override
    public boolean process(byte c) {
        if (c == ' ') {
            if (!digits) return fail();
            fields[field++] = value;
            value = 0;
            digits = false;
            return field < FIELDS;
        }
        if (c < '0' || c > '9') return fail();
        value = value * 10 + (c - '0');
        digits = true;
        return true;
    }

    private boolean fail() {
        field = -1;
        return false;
    }
}
