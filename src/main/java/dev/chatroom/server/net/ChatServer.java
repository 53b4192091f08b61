package dev.chatroom.server.net;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.server.BanFile;
import dev.chatroom.server.BanList;
import dev.chatroom.server.EventSink;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Motd;
import dev.chatroom.server.ServerAccess;
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
    private boolean epoll;
    private ChannelGroup clients;
    private BanFile banFile;
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
        BanList bans = loadBans();
        epoll = Epoll.isAvailable();
        IoHandlerFactory ioFactory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        group = new MultiThreadIoEventLoopGroup(1, ioFactory);
        loop = group.next();
        clients = new DefaultChannelGroup(loop);
        memory = new OutputMemory(outputBudget(config), config.sendq(), config.stalledReaderTimeout(), loop);
        effective = config.with(b -> b.maxClients(Descriptors.maxClients(config.maxClients())));
        hub = new Hub(effective, motd, new LoopClock(loop), ALLOC, events, bans, banFile, memory);
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
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        clients.add(ch);
                        ch.pipeline().addLast(new ClientChannel(hub, flusher, memory, utf8));
                    }
                });
        try {
            listener = bootstrap.bind(config.host(), config.port()).sync().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            banFile.close();
            throw new StartException("Cannot listen on " + config.host() + ":" + config.port() + ": " + bindProblem(e), false, e);
        }
        return this;
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

    /** The saved bans; a damaged file is reported line by line and never stops the server. */
    private BanList loadBans() {
        banFile = new BanFile(config.dataDir(), events);
        try {
            BanFile.Loaded loaded = banFile.load();
            for (String problem : loaded.problems()) events.event("Ban file: " + problem);
            if (loaded.bans().size() > 0) events.event(loaded.bans().size() + " ban(s) loaded from " + banFile.path());
            return loaded.bans();
        } catch (IOException e) {
            events.event("Cannot read the ban file " + banFile.path() + ": " + e.getMessage() + ". Starting with no bans.");
            return new BanList();
        }
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

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    /** Runs f on the server's event loop, where the hub may be touched. */
    @Override
    public <T> CompletableFuture<T> call(Function<Hub, T> f) {
        CompletableFuture<T> result = new CompletableFuture<>();
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
        listener.close().awaitUninterruptibly();
        try {
            call(h -> {
                h.departures().shutdown(reason);
                return null;
            }).get(2, TimeUnit.SECONDS);
            clients.newCloseFuture().await(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopping anyway: the event loop shutdown below closes what is left
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        banFile.close();
    }
}
