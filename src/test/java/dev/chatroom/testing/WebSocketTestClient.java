package dev.chatroom.testing;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A WebSocket client on Netty's own handshaker (the JDK's client may not set Origin), to the
 * server's web port on 127.0.0.1: each message received is kept as "text:LINE" or "binary:LINE",
 * and a close frame as "close:CODE".
 */
public final class WebSocketTestClient implements AutoCloseable {
    private static final Duration TIMEOUT = IrcTestClient.TIMEOUT;
    private static final AtomicInteger TOKENS = new AtomicInteger();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final List<String> history = new ArrayList<>();
    private final CompletableFuture<Integer> refused = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final WebSocketClientHandshaker handshaker;
    private final Channel channel;
    /** Send binary frames. */
    public boolean binary;

    /**
     * Connects and shakes hands; subprotocols: comma-separated or null; headers: Origin, X-Forwarded-For,
     * ... A refusal is kept ({@link #refusedWith}), and the connection closed.
     */
    public WebSocketTestClient(int port, String subprotocols, HttpHeaders headers) throws Exception {
        handshaker = WebSocketClientHandshakerFactory.newHandshaker(
                new URI("ws://127.0.0.1:" + port + "/"),
                WebSocketVersion.V13,
                subprotocols,
                false,
                headers == null ? new DefaultHttpHeaders() : headers);
        channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline()
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(65536))
                                .addLast(new Handler());
                    }
                })
                .connect("127.0.0.1", port)
                .sync()
                .channel();
        channel.closeFuture().addListener(f -> {
            closed.complete(null);
            messages.add("closed");
        });
        // from the loop: the handshaker adds its frame encoder once the request is written, which must
        // come before the answer is read (that replaces the HTTP codec the encoder goes next to)
        channel.eventLoop().submit(() -> handshaker.handshake(channel)).sync();
        Await.until("the handshake", TIMEOUT, () -> handshaker.isHandshakeComplete() || refused.isDone());
        if (refused.isDone()) close();
    }

    /** The status of the server's refusal of the upgrade (403...); 0 when it accepted. */
    public int refusedWith() throws Exception {
        return refused.isDone() ? refused.get() : 0;
    }

    public String subprotocol() {
        return handshaker.actualSubprotocol();
    }

    public WebSocketTestClient send(String line) {
        return sendBytes(line.getBytes(StandardCharsets.UTF_8));
    }

    /** One message of these bytes, as a text or binary frame by {@link #binary}; a text frame's bytes are not checked. */
    public WebSocketTestClient sendBytes(byte[] bytes) {
        ByteBuf b = Unpooled.wrappedBuffer(bytes);
        channel.writeAndFlush(binary ? new BinaryWebSocketFrame(b) : new TextWebSocketFrame(b))
                .syncUninterruptibly();
        return this;
    }

    public WebSocketTestClient register(String nick) {
        send("NICK " + nick);
        send("USER " + nick.toLowerCase() + " 0 * :" + nick);
        expect(" 366 " + Pattern.quote(nick) + " ");
        return this;
    }

    /** The next message ("text:..." or "binary:..."), "close:CODE" or "closed". */
    public String next() throws InterruptedException {
        String m = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) throw new AssertionError("no message within " + TIMEOUT + "; had: " + history);
        if (m.equals("closed")) messages.add(m);
        history.add(m);
        return m;
    }

    /** Skips messages until one matches the regex (found anywhere in it) and returns it. */
    public String expect(String regex) {
        Pattern p = Pattern.compile(regex);
        try {
            while (true) {
                String m = next();
                if (p.matcher(m).find()) return m;
                if (m.equals("closed")) throw new AssertionError("closed before " + regex + "; had: " + history);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Messages up to the PONG of a new PING: everything the server owed this client so far. */
    public List<String> sync() throws InterruptedException {
        String token = "sync" + TOKENS.incrementAndGet();
        send("PING " + token);
        List<String> before = new ArrayList<>();
        while (true) {
            String m = next();
            if (m.endsWith("PONG chatroom :" + token) || m.endsWith("PONG chatroom " + token)) return before;
            if (m.equals("closed")) throw new AssertionError("closed; had: " + history);
            before.add(m);
        }
    }

    /** Waits until the server ends the connection. */
    public void awaitClosed() throws Exception {
        closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void closeFrame() {
        channel.writeAndFlush(new CloseWebSocketFrame()).syncUninterruptibly();
    }

    /** Closes once (a refused upgrade closed it already). */
    @Override
    public synchronized void close() {
        if (group.isShuttingDown()) return;
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (!handshaker.isHandshakeComplete() && msg instanceof FullHttpResponse response) {
                try {
                    handshaker.finishHandshake(ctx.channel(), response);
                } catch (WebSocketHandshakeException e) {
                    refused.complete(response.status().code());
                }
                return;
            }
            if (msg instanceof TextWebSocketFrame t) messages.add("text:" + t.text());
            else if (msg instanceof BinaryWebSocketFrame b)
                messages.add("binary:" + b.content().toString(StandardCharsets.UTF_8));
            else if (msg instanceof CloseWebSocketFrame c) messages.add("close:" + c.statusCode());
            else if (msg instanceof WebSocketFrame) {
                // ping and pong: Netty's business
            }
        }
    }
}
