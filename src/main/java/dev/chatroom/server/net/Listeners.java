package dev.chatroom.server.net;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.log.EventSink;
import dev.chatroom.server.Hub;
import dev.chatroom.ssh.SshAdmin;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.CharsetDecoder;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Netty bootstrap: the one event loop, and the listeners whose connections it serves, each
 * with its pipeline (TLS where it applies, then the connection's handler with its framer and
 * line decoder). One event loop thread runs everything, which is what gives each connection
 * strict ordering and the whole chat one order of events without locks.
 */
public final class Listeners {
    private static final FixedRecvByteBufAllocator RECEIVE = new FixedRecvByteBufAllocator(4096);
    /**
     * Netty 4.2's default adaptive allocator carves buffers one after another out of chunks, so a
     * slow reader's buffer keeps a whole chunk from being reused: under overload it held three
     * times the bytes queued. The pooled allocator reuses a freed buffer's slot at once, which
     * suits output written in same-sized chunks.
     */
    public static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

    /** A request for a page or an upgrade has no body worth more. */
    private static final int WEB_REQUEST = 8192;
    /**
     * The longest WebSocket message read: longer than any IRC line, so that one a little too long
     * gets the same answer as on TCP (ERR_INPUTTOOLONG); past this the connection is closed (1009).
     */
    private static final int WEB_MESSAGE = 4 * IrcLineDecoder.MAX_LINE;

    private static final WebSocketServerProtocolConfig WEB_SOCKET = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/")
            .checkStartsWith(true)
            .subprotocols(WebSocketLines.TEXT + "," + WebSocketLines.BINARY)
            .maxFramePayloadLength(WEB_MESSAGE)
            .handshakeTimeoutMillis(10_000)
            .build();

    /** {@link #bindProblem}'s words for a port another process holds. */
    public static final String ADDRESS_IN_USE = "address already in use";

    private final ServerConfig config;
    private final boolean epoll = Epoll.isAvailable();
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final ChannelGroup clients;
    private final OutputMemory memory;
    private final Flusher flusher;
    /** One event loop thread: one decoder for all. */
    private final CharsetDecoder utf8 = IrcLineDecoder.strictUtf8();

    private ServerBootstrap bootstrap;
    private AcceptGuard guard;
    private Hub hub;
    private ServerTls tls;

    public Listeners(ServerConfig config) {
        this.config = config;
        IoHandlerFactory ioFactory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Descriptors.preload();
        this.group = new GuardedLoopGroup(ioFactory, Fatal::exitOnLoopFailure);
        this.loop = group.next();
        this.clients = new DefaultChannelGroup(loop);
        this.memory = new OutputMemory(outputBudget(config), config.sendq(), config.stalledReaderTimeout(), loop);
        this.flusher = new Flusher(loop);
    }

    /** The loop everything runs on. */
    public EventLoop loop() {
        return loop;
    }

    /** Runs work on the loop and completes with its result (or its failure); at once when already on the loop. */
    public <T> CompletableFuture<T> onLoop(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (loop.inEventLoop()) {
            // a console command the cluster relayed runs on the loop already: waiting for the loop would never end
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
            return result;
        }
        loop.execute(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                Fatal.exitOnOutOfMemory(t);
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** The output budget, and what it knows of each client's queue. */
    public OutputMemory memory() {
        return memory;
    }

    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    /** From now on connections are the hub's; tls (null when off) secures the TLS listener. */
    public void serve(Hub hub, ServerTls tls) {
        this.hub = hub;
        this.tls = tls;
        AcceptGuard guard = new AcceptGuard(hub.clock(), hub.events(), hub.stats());
        group.terminationFuture().addListener(f -> guard.close()); // its reserve descriptor, once nothing accepts
        this.guard = guard;
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .handler(guard)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, ALLOC)
                // one shared allocator and 4 KiB reads: chat lines are short, and the default adaptive
                // allocator costs every idle connection an allocator, a handle and a size calculator
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, RECEIVE);
    }

    /** Listens on port (plain, or TLS when secure); says why it cannot, in words for the admin. */
    public Channel bind(int port, boolean secure) throws IOException {
        try {
            return bootstrap
                    .clone()
                    .childHandler(channels(secure, null))
                    .bind(config.host(), port)
                    .sync()
                    .channel();
        } catch (Exception e) {
            throw new IOException("Cannot listen on " + config.host() + ":" + port + ": " + bindProblem(e), e);
        }
    }

    /** The WebSocket listener (and its web page) on port, plain or TLS; says why it cannot, in words for the admin. */
    public Channel bindWeb(int port, boolean secure) throws IOException {
        WebOrigins origins = new WebOrigins(config.webOrigins());
        TrustedProxies proxies = new TrustedProxies(config.trustedProxies());
        WebFiles files = new WebFiles();
        ChannelInitializer<Channel> web = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (guard.refused(ch, false)) return; // it speaks HTTP: no IRC line to refuse it with
                clients.add(ch);
                if (secure) ch.pipeline().addLast(tls.context().newHandler(ch.alloc()));
                WebSocketLines lines = new WebSocketLines(
                        hub.stats(), client -> new ClientChannel(hub, flusher, memory, utf8, secure, null).web(client));
                ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(WEB_REQUEST))
                        .addLast(new WebUpgrade(origins, proxies, files, lines))
                        .addLast(new WebSocketServerProtocolHandler(WEB_SOCKET))
                        .addLast(new WebSocketFrameAggregator(WEB_MESSAGE))
                        .addLast(lines);
            }
        };
        try {
            return bootstrap
                    .clone()
                    .childHandler(web)
                    .bind(config.host(), port)
                    .sync()
                    .channel();
        } catch (Exception e) {
            throw new IOException("Cannot listen on " + config.host() + ":" + port + ": " + bindProblem(e), e);
        }
    }

    /** The ssh sessions' gateway: a Unix domain socket at the path, whose connections must introduce themselves with secret. */
    Channel bindGateway(Path socket, String secret) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(epoll ? EpollServerDomainSocketChannel.class : NioServerDomainSocketChannel.class)
                .handler(guard)
                .childOption(ChannelOption.ALLOCATOR, ALLOC)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, RECEIVE)
                .childHandler(channels(true, secret))
                .bind(epoll ? new DomainSocketAddress(socket.toFile()) : UnixDomainSocketAddress.of(socket))
                .sync()
                .channel();
    }

    /** SSH on its port, its sessions reaching the hub through a gateway listener. */
    public SshGateway startSsh(SshAdmin admin, EventSink events) throws IOException, InterruptedException {
        return SshGateway.start(config, this::bindGateway, admin, events);
    }

    private ChannelInitializer<Channel> channels(boolean secure, String gatewaySecret) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                boolean handshake = secure && gatewaySecret == null;
                if (guard.refused(ch, !handshake)) return;
                clients.add(ch);
                if (handshake) ch.pipeline().addLast(tls.context().newHandler(ch.alloc()));
                ch.pipeline().addLast(new ClientChannel(hub, flusher, memory, utf8, secure, gatewaySecret));
            }
        };
    }

    /** Why a bind failed, in words for the admin. */
    public static String bindProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (t instanceof BindException || m.contains("address already in use")) {
                if (m.contains("already in use")) return ADDRESS_IN_USE;
                if (m.contains("permission") || m.contains("access"))
                    return "permission denied (ports below 1024 need privileges)";
                if (m.contains("assign")) return "no such address on this machine";
                return m;
            }
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * The configured budget, or a quarter of the JVM's direct-memory limit, where the queued bytes
     * live: the allocator's chunks around the buffers, and the buffers being read and encoded, can
     * take as much again, and running out of direct memory ends the process.
     */
    private static long outputBudget(ServerConfig config) {
        return config.outputBudget() > 0 ? config.outputBudget() : PlatformDependent.maxDirectMemory() / 4;
    }

    /** Waits (at most the time) until every client connection has closed. */
    public void awaitClients(long seconds) throws InterruptedException {
        clients.newCloseFuture().await(seconds, TimeUnit.SECONDS);
    }

    /** Returns once the loop has stopped. */
    public void awaitStopped() throws InterruptedException {
        group.terminationFuture().await();
    }

    /** Stops the loop, closing what is still open. */
    public void stop() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** Stops the loop at once (a start that failed). */
    public void stopNow() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    static InetSocketAddress address(Channel c) {
        return (InetSocketAddress) c.localAddress();
    }
}
