package dev.chatroom.server.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;

/**
 * How a connection ends once its last lines (the echo, the ERROR) are written. A half-close where
 * the transport has one: the client reads our last lines and then the end, even if lines it sent
 * meanwhile are still arriving; a full close with unread input resets the connection, and a reset
 * can destroy the ERROR before the client has read it. Over TLS the close_notify goes first, then
 * the half-close. The connection closes for good when the client closes its side (or the drain
 * timer gives up on it).
 */
final class LastLines {
    private LastLines() {}

    /** websocket: Netty's close sends the close frame the protocol wants first. */
    static void thenEnd(Channel channel, boolean websocket) {
        if (websocket || !(channel instanceof DuplexChannel duplex)) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
            if (!written.isSuccess()) channel.close();
            else if (tls == null) duplex.shutdownOutput();
            else
                tls.closeOutbound().addListener(notified -> {
                    if (notified.isSuccess()) duplex.shutdownOutput();
                    else channel.close();
                });
        });
    }
}
