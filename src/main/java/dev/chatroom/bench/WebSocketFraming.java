package dev.chatroom.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import java.net.URI;

/**
 * Lets a {@link LineClient}, which reads and writes CR LF-ended lines, talk to a server's
 * WebSocket port (IRCv3 websocket, {@code text.ircv3.net}): each message received is handed on
 * with CR LF after it, each line written goes out as one text frame without it. The client is told
 * the connection is active only once the handshake is done, so it registers over WebSocket, not
 * into the HTTP upgrade.
 */
final class WebSocketFraming extends ChannelDuplexHandler {
    static final String SUBPROTOCOL = "text.ircv3.net";

    /** The pipeline of a bench connection to {@code ws://host:port/}: HTTP for the handshake, then frames, then client. */
    static ChannelHandler pipeline(String host, int port, LineClient client) {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(
                        URI.create("ws://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + "/"))
                .subprotocol(SUBPROTOCOL)
                // a busy two-core machine registering hundreds at once can take seconds per answer
                .handshakeTimeoutMillis(30_000)
                .build();
        return new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(8192))
                        .addLast(new WebSocketClientProtocolHandler(config))
                        .addLast(new WebSocketFraming())
                        .addLast(client);
            }
        };
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // held back until the handshake is done (below)
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) ctx.fireChannelActive();
        else ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof TextWebSocketFrame) && !(msg instanceof BinaryWebSocketFrame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf content = ((ByteBufHolder) msg).content();
        try {
            // one copy: the client's line splitter wants the line and its end in one buffer
            ByteBuf line = ctx.alloc().buffer(content.readableBytes() + 2);
            line.writeBytes(content).writeByte('\r').writeByte('\n');
            ctx.fireChannelRead(line);
        } finally {
            content.release();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf line)) {
            ctx.write(msg, promise);
            return;
        }
        int end = line.writerIndex();
        if (end > line.readerIndex() && line.getByte(end - 1) == '\n') end--;
        if (end > line.readerIndex() && line.getByte(end - 1) == '\r') end--;
        line.writerIndex(end);
        ctx.write(new TextWebSocketFrame(line), promise);
    }
}
