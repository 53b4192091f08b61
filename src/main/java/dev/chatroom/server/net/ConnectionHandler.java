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
    private final OutputMemory memory;
    private Connection connection;
    private NettyLink link;

    ConnectionHandler(Hub hub, Flusher flusher, OutputMemory memory) {
        this.hub = hub;
        this.flusher = flusher;
        this.memory = memory;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        link = new NettyLink(ctx.channel(), flusher, memory, hub.config().sendq());
        connection = hub.connect(remote.getAddress().getHostAddress(), link);
        Connection c = connection;
        if (c != null) link.onOverflow(() -> hub.departures().disconnect(c, Departure.of(DisconnectReason.SENDQ_EXCEEDED)));
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
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) hub.connectionLost(connection);
        if (link != null) link.dispose();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Fatal.exitOnOutOfMemory(cause);
        if (!(cause instanceof IOException)) hub.events().event("Error on the connection of " + connection + ": " + cause);
        ctx.close();
    }
}
