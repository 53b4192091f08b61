package dev.chatroom.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Splits one connection's byte stream into lines at LF (dropping a CR before it) and hands each
 * line to a sink as a range of the buffer that was read: no slice, no copy and no pipeline hop per
 * line, because the generator's one thread must take in millions of lines a second. Only a line
 * cut by the end of a read is copied, into a small buffer kept for the next read.
 */
final class LineSplitter {
    /** Receives one line: bytes {@code [start, end)} of {@code buf}, valid only during the call. */
    interface Sink {
        void onLine(ByteBuf buf, int start, int end);
    }

    /** The longest line IRCv3 allows: 8191 bytes of tags and 512 of message. */
    static final int MAX_LINE = 8191 + 512;

    private static final byte LF = '\n';

    private final int maxLine;
    /** The start of a line the previous read cut off; allocated the first time that happens. */
    private ByteBuf partial;
    /** The cut-off line grew past maxLine: skip it up to its LF instead of keeping it. */
    private boolean discarding;

    LineSplitter() {
        this(MAX_LINE);
    }

    LineSplitter(int maxLine) {
        this.maxLine = maxLine;
    }

    /** Hands every complete line of {@code in} to the sink and consumes all of {@code in}. */
    void split(ByteBuf in, Sink sink) {
        int from = in.readerIndex();
        int to = in.writerIndex();
        if (discarding || (partial != null && partial.isReadable())) {
            int lf = in.indexOf(from, to, LF);
            if (lf < 0) {
                keep(in, from, to);
                in.readerIndex(to);
                return;
            }
            keep(in, from, lf);
            if (!discarding) emit(partial, partial.readerIndex(), partial.writerIndex(), sink);
            if (partial != null) partial.clear();
            discarding = false;
            from = lf + 1;
        }
        while (from < to) {
            int lf = in.indexOf(from, to, LF);
            if (lf < 0) {
                keep(in, from, to);
                break;
            }
            if (lf - from <= maxLine + 1) emit(in, from, lf, sink);
            from = lf + 1;
        }
        in.readerIndex(to);
    }

    private static void emit(ByteBuf buf, int start, int lf, Sink sink) {
        int end = lf > start && buf.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        sink.onLine(buf, start, end);
    }

    private void keep(ByteBuf in, int from, int to) {
        if (discarding) return;
        int n = to - from;
        if (partial == null) partial = Unpooled.buffer(Math.max(256, n));
        if (partial.readableBytes() + n > maxLine + 1) { // +1: its CR may be in it
            discarding = true;
            partial.clear();
            return;
        }
        partial.writeBytes(in, from, n);
    }

    /** Frees the buffer for a cut-off line; call when the connection is gone. */
    void release() {
        if (partial != null) partial.release();
        partial = null;
    }
}
