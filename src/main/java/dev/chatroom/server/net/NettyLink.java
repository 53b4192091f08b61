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
 * write, which is what makes fan-out to large rooms cheap.
 */
final class NettyLink implements Link {
    /** How long a closing connection may take to drain its last lines before it is cut. */
    private static final long DRAIN_SECONDS = 5;
    private static final int INITIAL_BUFFER = 512;

    private final Channel channel;
    private final Flusher flusher;
    private boolean dirty;
    private ByteBuf pending;
    private boolean closing;

    NettyLink(Channel channel, Flusher flusher) {
        this.channel = channel;
        this.flusher = flusher;
    }

    @Override
    public void write(ByteBuf lines) {
        if (closing) return;
        int n = lines.readableBytes();
        if (pending == null) pending = channel.alloc().directBuffer(Math.max(INITIAL_BUFFER, n));
        pending.writeBytes(lines, lines.readerIndex(), n);
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
        channel.writeAndFlush(out, channel.voidPromise());
    }

    @Override
    public void close() {
        if (closing) return;
        flushNow();
        closing = true;
        if (!channel.isWritable()) {
            channel.close(); // over its send queue: what is queued would never drain
            return;
        }
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> {
            channel.close();
        }, DRAIN_SECONDS, TimeUnit.SECONDS);
    }

    /** Stops queueing at once; used when the client is dropped for not reading. */
    void abandon() {
        closing = true;
        if (pending != null) {
            pending.release();
            pending = null;
        }
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
