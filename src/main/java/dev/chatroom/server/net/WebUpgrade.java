package dev.chatroom.server.net;

import dev.chatroom.ip.Address;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A web connection's requests before it becomes a WebSocket: an upgrade from a page that may
 * connect goes on to Netty's handshake, its client's address settled ({@link TrustedProxies});
 * one from another page is refused (403); any other request is for {@link WebFiles}. A connection
 * that has not upgraded within {@link #HTTP_SECONDS} is closed: until then it is no client of the
 * hub's, so no limit of the hub's holds it.
 */
final class WebUpgrade extends ChannelInboundHandlerAdapter {
    static final long HTTP_SECONDS = 30;

    private final WebOrigins origins;
    private final TrustedProxies proxies;
    private final WebFiles files;
    private final WebSocketLines lines;

    WebUpgrade(WebOrigins origins, TrustedProxies proxies, WebFiles files, WebSocketLines lines) {
        this.origins = origins;
        this.proxies = proxies;
        this.files = files;
        this.lines = lines;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.executor()
                .schedule(
                        () -> {
                            if (!lines.upgraded()) ctx.close();
                        },
                        HTTP_SECONDS,
                        TimeUnit.SECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(
                request.headers().get(HttpHeaderNames.UPGRADE))) {
            files.serve(ctx, request);
            return;
        }
        if (!origins.allows(
                request.headers().get(HttpHeaderNames.ORIGIN), request.headers().get(HttpHeaderNames.HOST))) {
            request.release();
            byte[] body =
                    "403 Forbidden: this page may not connect here (web-origins)\n".getBytes(StandardCharsets.UTF_8);
            ctx.writeAndFlush(WebFiles.response(HttpResponseStatus.FORBIDDEN, "text/plain; charset=utf-8", body, false))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        Address peer = Address.of(((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
        lines.client(proxies.client(peer, request.headers().getAll("X-Forwarded-For")));
        ctx.fireChannelRead(request); // the handshake, and from then on WebSocket frames
    }
}
