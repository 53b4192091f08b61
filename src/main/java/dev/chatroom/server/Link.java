package dev.chatroom.server;

import io.netty.buffer.ByteBuf;

/**
 * A connection's transport as the core sees it: where its encoded lines go and whether its
 * lines are read. The Netty implementation queues bytes on the channel; tests record them.
 * Only {@code server.output} writes to a link. Called on the server's event loop only.
 */
public interface Link {
    /** Queues encoded lines (CRLF included). The bytes are copied; the caller keeps the buffer. */
    void write(ByteBuf lines);

    /** Sends what was queued, then closes. */
    void close();

    /** False once the connection is closed or closing. */
    boolean isOpen();

    /** Stops (true) or resumes (false) reading the client's lines: flood control and back-pressure. */
    void pauseReading(boolean paused);

    /** {@link #holdFrom} this: nothing is held. */
    long NOTHING_HELD = Long.MAX_VALUE;

    /** A place in the output, between what was written so far and what comes next. */
    long mark();

    /**
     * Holds the output from the mark on ({@link #NOTHING_HELD}: nothing), and sends what came
     * before it: what is held stays queued and counted, and goes out in order once the hold moves
     * past it; a close meanwhile takes effect once nothing is held. A sender is answered only once
     * its messages are stored.
     */
    void holdFrom(long mark);

    /** Over WebSocket rather than a plain byte stream: what metrics count it as. */
    default boolean websocket() {
        return false;
    }

    /** The link of a person whose own connection is gone ({@link Connection#socketless()}): writes go nowhere. */
    Link GONE = new NowhereLink(false);
}
