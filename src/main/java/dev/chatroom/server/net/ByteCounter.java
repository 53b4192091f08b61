package dev.chatroom.server.net;

import dev.chatroom.server.Stats;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** Counts the bytes each connection reads and writes, for /stats. Runs on the event loop like the rest. */
final class ByteCounter extends ChannelDuplexHandler {
    private final Stats stats;

    ByteCounter(Stats stats) {
        this.stats = stats;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b) stats.bytesIn(b.readableBytes());
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf b) stats.bytesOut(b.readableBytes());
        ctx.write(msg, promise);
    }
}
