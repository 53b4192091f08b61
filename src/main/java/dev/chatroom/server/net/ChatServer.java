package dev.chatroom.server.net;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.server.EventSink;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Motd;
import dev.chatroom.server.ServerAccess;
import dev.chatroom.server.cluster.RedisBus;
import dev.chatroom.server.console.AdminCommands;
import dev.chatroom.server.accounts.AccountStore;
import dev.chatroom.server.accounts.PasswordHash;
import dev.chatroom.server.store.ServerStores;
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
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.CharsetDecoder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Netty bootstrap: binds the port and builds each connection's pipeline (framer, line
 * decoder, connection handler). One event loop thread runs everything, which is what gives
 * each connection strict ordering and the whole room one order of events without locks.
 */
public final class ChatServer implements ServerAccess, AutoCloseable {
    private static final FixedRecvByteBufAllocator RECEIVE = new FixedRecvByteBufAllocator(4096);
    /**
     * Netty 4.2's default adaptive allocator carves buffers one after another out of chunks, so a
     * slow reader's buffer keeps a whole chunk from being reused: under overload it held three
     * times the bytes queued. The pooled allocator reuses a freed buffer's slot at once, which
     * suits output written in same-sized chunks.
     */
    static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

    private final ServerConfig config;
    private final EventSink events;
    private EventLoopGroup group;
    private Hub hub;
    private EventLoop loop;
    private Channel listener;
    private Channel tlsListener;
    private ServerTls tls;
    private ServerStores stores;
    private HashingThreads hashing;
    private boolean epoll;
    private ChannelGroup clients;
    private SshGateway ssh;
    private OutputMemory memory;
    private ServerConfig effective;
    private boolean closed;

    public ChatServer(ServerConfig config, EventSink events) {
        this.config = config;
        this.events = events;
    }

    /** A start that failed, in words for the admin, and whether it was the setup's fault (a bad file) or the machine's (a taken port). */
    public static final class StartException extends Exception {
        private final boolean badSetup;

        public StartException(String message, boolean badSetup, Throwable cause) {
            super(message, cause);
            this.badSetup = badSetup;
        }

        /** True when the configuration is wrong (exit 2), false when the machine would not let us (exit 1). */
        public boolean badSetup() {
            return badSetup;
        }
    }

    public ChatServer start() throws StartException {
        List<String> motd;
        try {
            motd = Motd.load(config);
        } catch (IOException e) {
            throw new StartException(e.getMessage(), true, e);
        }
        if (config.port() == ServerConfig.OFF && config.tlsPort() == ServerConfig.OFF) {
            throw new StartException("--port and --tls-port are both off: nothing to listen on", true, null);
        }
        if (config.tlsPort() != ServerConfig.OFF) {
            try {
                tls = ServerTls.start(config);
            } catch (IOException e) {
                throw new StartException(e.getMessage(), true, e);
            }
        }
        try {
            stores = ServerStores.open(config, events);
        } catch (AccountStore.StoreException e) {
            throw new StartException("Cannot use the database: " + e.getMessage(), false, e);
        }
        epoll = Epoll.isAvailable();
        IoHandlerFactory ioFactory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        group = new MultiThreadIoEventLoopGroup(1, ioFactory);
        loop = group.next();
        clients = new DefaultChannelGroup(loop);
        memory = new OutputMemory(outputBudget(config), config.sendq(), config.stalledReaderTimeout(), loop);
        effective = config.with(b -> b.maxClients(Descriptors.maxClients(config.maxClients())));
        hashing = new HashingThreads(loop);
        hub = new Hub(effective, motd, new LoopClock(loop), ALLOC, events, stores.bans(), stores.banStore(), memory, stores.accounts(),
                PasswordHash.DEFAULT, hashing, stores.history(config, loop, events), stores.rooms());
        if (config.redis() != null) joinCluster(config);
        Flusher flusher = new Flusher(loop);
        CharsetDecoder utf8 = IrcLineDecoder.strictUtf8(); // one event loop thread: one decoder for all
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, ALLOC)
                // one shared allocator and 4 KiB reads: chat lines are short, and the default adaptive
                // allocator costs every idle connection an allocator, a handle and a size calculator
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, RECEIVE)
                .childHandler(channels(flusher, utf8, false));
        listener = bind(bootstrap, config.port());
        if (tls != null) tlsListener = bindTls(bootstrap.clone().childHandler(channels(flusher, utf8, true)));
        if (config.sshPort() != ServerConfig.OFF) startSsh(bootstrap, flusher, utf8);
        int tlsPort = tlsPort();
        boolean sts = tls != null && tls.current().trusted();
        call(h -> {
            h.gate().tlsPort(tlsPort);
            if (sts) h.gate().strictTransport(tlsPort, config.stsDuration());
            return null;
        }).join();
        return this;
    }

    /** Joins the cluster on Redis before listening: a node that cannot reach Redis does not start (exit 1, a supervisor retries). */
    private void joinCluster(ServerConfig config) throws StartException {
        RedisBus bus = new RedisBus(config.redis(), "chatroom:");
        AdminCommands relayed = new AdminCommands(this);
        try {
            call(h -> h.joinCluster(bus, config.nodeName(), loop, (line, mine) -> {
                String answer = relayed.execute(line);
                if (mine && !answer.isEmpty() && !answer.startsWith(AdminCommands.CONSOLE_ONLY)) events.event(answer);
            })).get(10, TimeUnit.SECONDS).start();
        } catch (dev.chatroom.server.cluster.Bus.NameTaken e) {
            bus.close();
            shutdown(null);
            throw new StartException("Cannot join the cluster: " + e.getMessage(), true, e);
        } catch (Exception e) {
            bus.close();
            shutdown(null);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StartException("Cannot reach Redis at " + config.redis() + ": " + cause.getMessage(), false, e);
        }
        events.event("Cluster: node " + config.nodeName() + " on Redis at " + config.redis() + ".");
    }

    private ChannelInitializer<SocketChannel> channels(Flusher flusher, CharsetDecoder utf8, boolean secure) {
        return channels(flusher, utf8, secure, null);
    }

    private ChannelInitializer<SocketChannel> channels(Flusher flusher, CharsetDecoder utf8, boolean secure, String gatewaySecret) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                clients.add(ch);
                if (secure && gatewaySecret == null) ch.pipeline().addLast(tls.context().newHandler(ch.alloc()));
                ch.pipeline().addLast(new ClientChannel(hub, flusher, memory, utf8, secure, gatewaySecret));
            }
        };
    }

    /** SSH, started after the plain and TLS listeners. The default port being taken is not fatal (like TLS's); a chosen one is. */
    private void startSsh(ServerBootstrap bootstrap, Flusher flusher, CharsetDecoder utf8) throws StartException {
        try {
            ssh = SshGateway.start(config, secret -> bootstrap.clone().childHandler(channels(flusher, utf8, true, secret)), events);
        } catch (Exception e) {
            String why = e instanceof java.io.IOException && e.getMessage() != null ? e.getMessage() : bindProblem(e);
            if (config.sshPort() == ServerConfig.DEFAULTS.sshPort()) {
                events.event("SSH is off: " + why + ". Give --ssh-port another port (or off).");
                return;
            }
            shutdown(null);
            throw new StartException(why, false, e);
        }
    }

    /** The SSH port listened on; -1 when off. */
    public int sshPort() {
        return ssh == null ? ServerConfig.OFF : ssh.port();
    }

    /** The SSH host key's fingerprint (SHA256:...), null when SSH is off. */
    public String sshFingerprint() {
        return ssh == null ? null : ssh.fingerprint();
    }

    /**
     * The TLS port. The default one (6697) being taken is not fatal: a second server on a machine,
     * started with only --port, should start like it did before TLS existed; it says so instead.
     */
    private Channel bindTls(ServerBootstrap bootstrap) throws StartException {
        if (config.tlsPort() != ServerConfig.DEFAULTS.tlsPort()) return bind(bootstrap, config.tlsPort());
        try {
            return bootstrap.bind(config.host(), config.tlsPort()).sync().channel();
        } catch (Exception e) {
            events.event("TLS is off: cannot listen on " + config.host() + ":" + config.tlsPort() + " (" + bindProblem(e)
                    + "). Give --tls-port another port (or off).");
            tls = null;
            return null;
        }
    }

    private Channel bind(ServerBootstrap bootstrap, int port) throws StartException {
        if (port == ServerConfig.OFF) return null;
        try {
            return bootstrap.bind(config.host(), port).sync().channel();
        } catch (Exception e) {
            if (listener != null) listener.close().awaitUninterruptibly();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            stores.close();
            hashing.close();
            throw new StartException("Cannot listen on " + config.host() + ":" + port + ": " + bindProblem(e), false, e);
        }
    }

    @Override
    public String reloadTls() {
        return TlsReport.reload(this);
    }

    /** The TLS certificate in use; null when TLS is off. */
    public ServerTls.Loaded tlsCertificate() {
        return tls == null ? null : tls.current();
    }

    /**
     * Reads the certificate files again (the console's /reload, SIGHUP). New connections get the
     * new certificate; those up keep theirs. Returns what is in use now; throws with the reason
     * when the new files are not usable, and the old certificate stays.
     */
    public synchronized ServerTls.Loaded reloadCertificate() throws IOException {
        if (tls == null) throw new IOException("TLS is off (--tls-port off)");
        ServerTls.Loaded loaded = tls.reload();
        call(h -> {
            if (loaded.trusted()) h.gate().strictTransport(tlsPort(), config.stsDuration());
            else h.gate().strictTransport(ServerConfig.OFF, null);
            return null;
        });
        return loaded;
    }

    private static String bindProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (t instanceof BindException || m.contains("address already in use")) {
                if (m.contains("already in use")) return "address already in use";
                if (m.contains("permission") || m.contains("access")) return "permission denied (ports below 1024 need privileges)";
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

    /** The output budget in bytes, as the server uses it. */
    public long outputBudget() {
        return memory.budget();
    }

    /** The configuration as the server runs it: max-clients may be lowered to what the open-file limit allows. */
    public ServerConfig effectiveConfig() {
        return effective;
    }

    /** The plain port listened on; -1 when off. */
    public int port() {
        return listener == null ? ServerConfig.OFF : ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The TLS port listened on; -1 when off. */
    public int tlsPort() {
        return tlsListener == null ? ServerConfig.OFF : ((InetSocketAddress) tlsListener.localAddress()).getPort();
    }

    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    /** Runs f on the server's event loop, where the hub may be touched. */
    @Override
    public <T> CompletableFuture<T> call(Function<Hub, T> f) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (loop.inEventLoop()) {
            // a console command the cluster relayed runs on the loop already: waiting for the loop would never end
            try {
                result.complete(f.apply(hub));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
            return result;
        }
        loop.execute(() -> {
            try {
                result.complete(f.apply(hub));
            } catch (Throwable t) {
                Fatal.exitOnOutOfMemory(t);
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** Returns once the server has been closed and has stopped. */
    public void awaitClose() throws InterruptedException {
        group.terminationFuture().await();
    }

    /** Stops accepting, tells every client the server is shutting down, closes them, then stops. */
    @Override
    public void close() {
        shutdown(null);
    }

    @Override
    public synchronized void shutdown(String reason) {
        if (closed || group == null) return;
        closed = true;
        if (ssh != null) ssh.stopListening();
        if (listener != null) listener.close().awaitUninterruptibly();
        if (tlsListener != null) tlsListener.close().awaitUninterruptibly();
        try {
            call(h -> {
                h.departures().shutdown(reason);
                return null;
            }).get(2, TimeUnit.SECONDS);
            clients.newCloseFuture().await(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopping anyway: the event loop shutdown below closes what is left
        }
        if (hub != null && hub.cluster() != null) hub.cluster().close(); // after our users' departures were published
        if (ssh != null) ssh.close(); // after its sessions' clients were told, like every connection
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        hashing.close();
        stores.close(); // the database: writes the messages, bans and accounts still pending, then closes
    }
}
