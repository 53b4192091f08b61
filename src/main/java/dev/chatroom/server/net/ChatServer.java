package dev.chatroom.server.net;

import dev.chatroom.irc.IrcFrameDecoder;
import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.server.Bans;
import dev.chatroom.server.EventSink;
import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerConfig;
import dev.chatroom.server.commands.Dispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Netty bootstrap: binds the port and builds each connection's pipeline (framer, line
 * decoder, connection handler). One event loop thread runs everything, which is what gives
 * each connection strict ordering and the whole room one order of events without locks.
 */
public final class ChatServer implements AutoCloseable {
    private final ServerConfig config;
    private final EventSink events;
    private EventLoopGroup group;
    private Hub hub;
    private EventLoop loop;
    private Channel listener;
    private boolean epoll;
    private ChannelGroup clients;

    public ChatServer(ServerConfig config, EventSink events) {
        this.config = config;
        this.events = events;
    }

    public ChatServer start() throws InterruptedException {
        epoll = Epoll.isAvailable();
        IoHandlerFactory ioFactory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        group = new MultiThreadIoEventLoopGroup(1, ioFactory);
        loop = group.next();
        clients = new DefaultChannelGroup(loop);
        hub = new Hub(config, loop, ByteBufAllocator.DEFAULT, events, System::currentTimeMillis, loadBans());
        Dispatcher dispatcher = new Dispatcher();
        Flusher flusher = new Flusher(loop);
        int sendq = config.sendQueueBytes();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(sendq / 2, sendq))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        clients.add(ch);
                        ch.pipeline().addLast(
                                new ByteCounter(hub.stats()),
                                new IrcFrameDecoder(IrcLineDecoder.MAX_LINE),
                                new IrcLineDecoder(),
                                new ConnectionHandler(hub, dispatcher, flusher));
                    }
                });
        try {
            listener = bootstrap.bind(config.host(), config.port()).sync().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        return this;
    }

    /** The saved bans; a damaged file is reported line by line and never stops the server. */
    private Bans loadBans() {
        try {
            Bans.Loaded loaded = Bans.load(config.dataDir());
            for (String problem : loaded.problems()) events.event("Ban file: " + problem);
            if (!loaded.bans().all().isEmpty()) events.event(loaded.bans().all().size() + " ban(s) loaded from " + config.dataDir().resolve(Bans.FILE_NAME));
            return loaded.bans();
        } catch (java.io.IOException e) {
            events.event("Cannot read the ban file in " + config.dataDir() + ": " + e.getMessage() + ". Starting with no bans.");
            return new Bans(config.dataDir().resolve(Bans.FILE_NAME));
        }
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    /** Runs f on the server's event loop, where the hub may be touched. */
    public <T> CompletableFuture<T> call(Function<Hub, T> f) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(f.apply(hub));
            } catch (Throwable t) {
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
        close(null);
    }

    public synchronized void close(String reason) {
        if (group == null || group.isShuttingDown()) return;
        listener.close().awaitUninterruptibly();
        try {
            call(h -> {
                h.shutdown(reason);
                return null;
            }).get(2, TimeUnit.SECONDS);
            clients.newCloseFuture().await(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopping anyway: the event loop shutdown below closes what is left
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
