package dev.chatroom.server.net;

import dev.chatroom.server.Connection;
import dev.chatroom.server.Departure;
import dev.chatroom.server.DisconnectReason;
import dev.chatroom.server.Hub;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Connects one Netty channel to the hub: lines in, the end of the connection, send-queue overflow. */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private final Hub hub;
    private final Flusher flusher;
    private Connection connection;
    private NettyLink link;
    private boolean overflowCheckScheduled;

    ConnectionHandler(Hub hub, Flusher flusher) {
        this.hub = hub;
        this.flusher = flusher;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        link = new NettyLink(ctx.channel(), flusher);
        connection = hub.connect(remote.getAddress().getHostAddress(), link);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (connection == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        hub.received(connection, msg);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable() && !overflowCheckScheduled) {
            // Unflushed lines count too, and a burst can cross the mark before the coalesced flush
            // of this turn. Judge after that flush: only a client whose queue stays over the cap
            // once everything went to the kernel is really not reading.
            overflowCheckScheduled = true;
            ctx.channel().eventLoop().execute(() -> checkOverflow(ctx));
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void checkOverflow(ChannelHandlerContext ctx) {
        overflowCheckScheduled = false;
        ctx.channel().flush();
        if (ctx.channel().isWritable() || connection == null || connection.isClosed()) return;
        link.abandon();
        hub.departures().disconnect(connection, Departure.of(DisconnectReason.SENDQ_EXCEEDED));
        ctx.channel().close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) hub.connectionLost(connection);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) System.err.println("chatroom: error on " + connection + ": " + cause);
        ctx.close();
    }
}
