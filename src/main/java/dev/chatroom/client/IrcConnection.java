package dev.chatroom.client;

import dev.chatroom.irc.IrcFrameDecoder;
import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.irc.Message;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One TCP connection to an IRC server: lines out, parsed lines in (on the connection's own
 * thread, in order), and its end reported once. Knows nothing of what the lines mean.
 */
final class IrcConnection implements AutoCloseable {
    /** What the connection reports, on its thread. */
    interface Listener {
        void line(Message m);

        /** Some bytes arrived (whether or not they make an IRC line). */
        default void bytes() {}

        void closed();
    }

    private final EventLoopGroup group;
    private final Channel channel;
    /** Our QUIT went out: nothing more does. The connection's thread only. */
    private boolean quitSent;

    private IrcConnection(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Connects, or throws an IOException whose message is fit for the user ("connection refused"). */
    static IrcConnection open(String host, int port, Listener listener) throws IOException {
        return open(host, port, null, listener);
    }

    /** The TLS handshake failed (not a TLS port, a protocol error): said in one line, like "does not speak IRC". */
    static final class TlsFailed extends IOException {
        TlsFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The same over TLS (tls null: plain TCP); returns only once the server's certificate is accepted. */
    static IrcConnection open(String host, int port, ClientTls tls, Listener listener) throws IOException {
        ServerTrust trust = tls == null ? null : tls.trust(host, port);
        ServerTrust.Verdict verdict = trust == null ? null : trust.handshake();
        SslContext sslContext = tls == null ? null : tls.context(verdict);
        // a connection we end ourselves before handing it over (refused certificate) is not reported as lost
        AtomicBoolean handedOver = new AtomicBoolean(tls == null);
        // kept here: a peer that closes at once (plain text on a TLS port) empties the pipeline before we look
        AtomicReference<SslHandler> ssl = new AtomicReference<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(pipeline(
                        sslContext == null
                                ? null
                                : ch -> {
                                    SslHandler handler = sslContext.newHandler(ch.alloc(), host, port);
                                    ssl.set(handler);
                                    return handler;
                                },
                        listener,
                        handedOver));
        Channel channel = connect(group, b, InetSocketAddress.createUnresolved(host, port));
        IrcConnection connection = new IrcConnection(group, channel);
        if (sslContext == null) return connection;
        var handshake = ssl.get().handshakeFuture();
        if (!handshake.awaitUninterruptibly(15, TimeUnit.SECONDS) || !handshake.isSuccess()) {
            connection.close();
            Throwable why = handshake.cause();
            throw new TlsFailed("TLS handshake failed (" + (why == null ? "no answer" : rootMessage(why)) + ")", why);
        }
        try {
            trust.decide(verdict);
        } catch (IOException e) {
            connection.close();
            throw new ClientTls.Refused(e.getMessage());
        }
        // on the connection's thread, where channelInactive runs too: the end is reported exactly once
        channel.eventLoop()
                .submit(() -> {
                    handedOver.set(true);
                    channel.pipeline().get(Handler.class).release();
                    if (!channel.isActive()) listener.closed(); // lost while the user decided
                })
                .syncUninterruptibly();
        return connection;
    }

    /** Over a Unix domain socket (the ssh gateway, inside the server's process): nothing to verify, nothing to encrypt. */
    static IrcConnection open(SocketAddress socket, Listener listener) throws IOException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioDomainSocketChannel.class)
                .handler(pipeline(null, listener, new AtomicBoolean(true)));
        return new IrcConnection(group, connect(group, b, socket));
    }

    /** Each connection's handlers: TLS first when tls is given, then the line framer, decoder and our handler. */
    private static ChannelInitializer<Channel> pipeline(
            Function<Channel, SslHandler> tls, Listener listener, AtomicBoolean handedOver) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (tls != null) ch.pipeline().addLast(tls.apply(ch));
                ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        listener.bytes();
                        ctx.fireChannelRead(msg);
                    }
                });
                ch.pipeline()
                        .addLast(
                                new IrcFrameDecoder(IrcLineDecoder.MAX_LINE),
                                new IrcLineDecoder(true),
                                new Handler(listener, handedOver));
            }
        };
    }

    private static Channel connect(EventLoopGroup group, Bootstrap b, SocketAddress to) throws IOException {
        try {
            return b.connect(to).syncUninterruptibly().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException(describe(e), e);
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        String m = t.getMessage();
        if (m != null && (m.contains("plaintext") || m.contains("not an SSL/TLS record")))
            return "the server does not speak TLS on this port";
        return m == null ? t.getClass().getSimpleName() : m;
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                String m = String.valueOf(t.getMessage()).toLowerCase();
                if (m.contains("refused")) return "connection refused";
                if (m.contains("timed out") || m.contains("timeout")) return "timed out";
                return m;
            }
            if (t instanceof UnknownHostException) return "unknown host";
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Sends a line, in order with the lines of every other thread. Nothing follows our QUIT: the
     * server closes on it, and a line arriving after its close can reset the connection and destroy
     * its last lines (our echo, the ERROR) before we have read them.
     */
    void send(String line) {
        if (!channel.eventLoop().inEventLoop()) {
            try {
                channel.eventLoop().execute(() -> send(line));
            } catch (RejectedExecutionException e) {
                // closed: the line has nowhere to go
            }
            return;
        }
        if (quitSent) return;
        quitSent = line.startsWith("QUIT");
        if (!channel.isActive()) return;
        ByteBuf buf = channel.alloc().buffer(line.length() + 8);
        buf.writeCharSequence(line, StandardCharsets.UTF_8);
        buf.writeByte('\r').writeByte('\n');
        channel.writeAndFlush(buf);
    }

    /** Runs the task on the connection's thread, in order with the lines it reports. */
    void execute(Runnable task) {
        channel.eventLoop().execute(task);
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    private static final class Handler extends SimpleChannelInboundHandler<Object> {
        private final Listener listener;
        private final AtomicBoolean handedOver;

        Handler(Listener listener, AtomicBoolean handedOver) {
            this.listener = listener;
            this.handedOver = handedOver;
        }

        /** Lines that came before the server's certificate was accepted: nothing is acted on (or answered) before that. */
        private final List<Message> held = new ArrayList<>();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof Message m)) return;
            if (handedOver.get()) listener.line(m);
            else held.add(m);
        }

        /** On the connection's thread, once handed over. */
        void release() {
            for (Message m : held) listener.line(m);
            held.clear();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (handedOver.get()) listener.closed();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
