package dev.chatroom.server.net;

import dev.chatroom.server.Outbox;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** An outbox on a Netty channel: writes are queued and flushed by the {@link Flusher}. */
final class NettyOutbox implements Outbox {
    /** How long a closing connection may take to drain its last lines before it is cut. */
    private static final long DRAIN_SECONDS = 5;

    private final Channel channel;
    private final Flusher flusher;
    private boolean dirty;
    private boolean closing;

    NettyOutbox(Channel channel, Flusher flusher) {
        this.channel = channel;
        this.flusher = flusher;
    }

    @Override
    public void send(String line) {
        if (closing) return;
        ByteBuf buf = channel.alloc().buffer(line.length() + 8);
        buf.writeCharSequence(line, StandardCharsets.UTF_8);
        buf.writeByte('\r').writeByte('\n');
        write(buf);
    }

    @Override
    public void sendShared(ByteBuf line) {
        if (closing) {
            line.release();
            return;
        }
        write(line);
    }

    private void write(ByteBuf buf) {
        channel.write(buf, channel.voidPromise());
        if (!dirty) {
            dirty = true;
            flusher.markDirty(this);
        }
    }

    void flushNow() {
        dirty = false;
        channel.flush();
    }

    @Override
    public void close() {
        if (closing) return;
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
    }

    @Override
    public boolean isOpen() {
        return !closing && channel.isActive();
    }
}
