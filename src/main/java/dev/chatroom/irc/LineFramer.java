package dev.chatroom.irc;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Splits bytes into lines at LF, dropping a CR before it. A line longer than the limit is
 * discarded up to its LF and reported once as too long, so it is never half processed and
 * the next line is read normally. It never throws, and hands lines out in place (no copy).
 */
public final class LineFramer {
    /** Where complete lines go. */
    public interface Sink {
        /** A line: bytes [start, end) of buf, without its CR LF. */
        void line(ByteBuf buf, int start, int end);

        void tooLong();
    }

    private LineFramer() {}

    /**
     * Hands every complete line of {@code in} to the sink and moves the reader index past them.
     * What is left readable is the start of a line still to come. The one bit of state, whether a
     * too-long line is being skipped, is the caller's (kept in its own fields: no object per connection).
     *
     * @return whether the next call is still skipping a too-long line
     */
    public static boolean frame(ByteBuf in, int maxLength, boolean discarding, Sink sink) {
        while (in.isReadable()) {
            int lf = in.forEachByte(ByteProcessor.FIND_LF);
            if (lf < 0) {
                if (discarding) {
                    in.skipBytes(in.readableBytes());
                } else if (in.readableBytes() > maxLength + 1) {
                    discarding = true;
                    in.skipBytes(in.readableBytes());
                    sink.tooLong();
                }
                return discarding;
            }
            int start = in.readerIndex();
            in.readerIndex(lf + 1);
            if (discarding) {
                discarding = false;
                continue;
            }
            int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            if (end - start > maxLength) sink.tooLong();
            else sink.line(in, start, end);
        }
        return discarding;
    }
}
