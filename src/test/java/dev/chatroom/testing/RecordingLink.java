package dev.chatroom.testing;

import dev.chatroom.server.Link;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** A link that keeps every line written to it, for a test to read; what it holds only once released. */
public final class RecordingLink implements Link {
    private final Deque<String> lines = new ArrayDeque<>();
    private final Deque<String> held = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private boolean closed;
    private boolean paused;
    /** Lines written so far, and the first one held. */
    private long written;

    private long holdFrom = NOTHING_HELD;

    @Override
    public void write(ByteBuf bytes) {
        if (closed) return;
        partial.append(bytes.toString(bytes.readerIndex(), bytes.readableBytes(), StandardCharsets.UTF_8));
        int end;
        while ((end = partial.indexOf("\r\n")) >= 0) {
            (written++ >= holdFrom ? held : lines).add(partial.substring(0, end));
            partial.delete(0, end + 2);
        }
        if (partial.length() > 0) throw new AssertionError("a write did not end in CRLF: " + partial);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void pauseReading(boolean paused) {
        this.paused = paused;
    }

    @Override
    public long mark() {
        return written;
    }

    @Override
    public void holdFrom(long mark) {
        holdFrom = mark;
        for (long first = written - held.size(); !held.isEmpty() && first < mark; first++) lines.add(held.poll());
    }

    /** Output is held: what the client is sent now waits (durable acknowledgement). */
    public boolean holding() {
        return holdFrom != NOTHING_HELD;
    }

    public boolean readingPaused() {
        return paused;
    }

    public boolean closed() {
        return closed;
    }

    Deque<String> lines() {
        return lines;
    }
}
