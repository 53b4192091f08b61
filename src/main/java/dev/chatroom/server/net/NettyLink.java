package dev.chatroom.server.net;

import dev.chatroom.server.Link;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.TimeUnit;

/**
 * A link on a Netty channel. Lines are appended to one pooled buffer per connection and handed
 * to Netty once per flush round: a recipient costs a copy of the line's bytes, not a Netty
 * write, which is what makes fan-out to large rooms cheap. Every byte queued here, appended or
 * on its way to the socket, counts against the client's send queue (checked before the bytes
 * are queued: a client over it is dropped at once) and against the server's {@link OutputMemory}.
 */
final class NettyLink implements Link {
    /** How long a closing connection may take to drain its last lines before it is cut. */
    private static final long DRAIN_SECONDS = 5;
    private static final int MIN_BUFFER = 256;
    private static final int MAX_INITIAL_BUFFER = 64 * 1024;

    private final Channel channel;
    private final Flusher flusher;
    private final OutputMemory memory;
    private final int sendq;
    private Runnable onOverflow = () -> { };
    private ByteBuf pending;
    private boolean dirty;
    private boolean closing;
    /** Bytes appended or written but not yet taken by the socket. */
    private int queued;
    /** The size of the last flush: the next round starts with a buffer that size, so it rarely grows. */
    private int lastRound = MIN_BUFFER;
    private long lastProgressNanos = System.nanoTime();

    NettyLink(Channel channel, Flusher flusher, OutputMemory memory, int sendq) {
        this.channel = channel;
        this.flusher = flusher;
        this.memory = memory;
        this.sendq = sendq;
        memory.register(this);
    }

    /** What to do when the client's send queue overflows (runs after the current work). */
    void onOverflow(Runnable r) {
        onOverflow = r;
    }

    @Override
    public void write(ByteBuf lines) {
        if (closing) return;
        int n = lines.readableBytes();
        if (queued + n > sendq) {
            overflow();
            return;
        }
        if (pending == null) pending = channel.alloc().directBuffer(Math.max(n, Math.min(lastRound, MAX_INITIAL_BUFFER)));
        pending.writeBytes(lines, lines.readerIndex(), n);
        queued += n;
        memory.add(n);
        if (!dirty) {
            dirty = true;
            flusher.markDirty(this);
        }
    }

    void flushNow() {
        dirty = false;
        if (pending == null) return;
        ByteBuf out = pending;
        pending = null;
        int n = out.readableBytes();
        lastRound = Math.max(MIN_BUFFER, Integer.highestOneBit(n - 1) << 1);
        channel.writeAndFlush(out).addListener(f -> written(n));
    }

    private void written(int n) {
        queued -= n;
        memory.release(n);
        lastProgressNanos = System.nanoTime();
    }

    int queued() {
        return queued;
    }

    long lastProgressNanos() {
        return lastProgressNanos;
    }

    /** Over its send queue: stop queueing at once, and have the connection dropped. */
    void overflow() {
        if (closing) return;
        abandon();
        channel.eventLoop().execute(() -> {
            onOverflow.run();
            channel.close();
        });
    }

    @Override
    public void close() {
        if (closing) return;
        flushNow();
        closing = true;
        if (queued >= sendq / 2) {
            channel.close(); // far behind: what is queued would take too long to drain
            return;
        }
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> {
            channel.close();
        }, DRAIN_SECONDS, TimeUnit.SECONDS);
    }

    /** Stops queueing; what was not yet handed to Netty is freed. */
    private void abandon() {
        closing = true;
        if (pending != null) {
            int n = pending.readableBytes();
            pending.release();
            pending = null;
            queued -= n;
            memory.release(n);
        }
    }

    /** The channel is gone: free what is left and stop counting this link. */
    void dispose() {
        abandon();
        memory.unregister(this);
    }

    @Override
    public boolean isOpen() {
        return !closing && channel.isActive();
    }

    @Override
    public void pauseReading(boolean paused) {
        channel.config().setAutoRead(!paused);
    }
}
