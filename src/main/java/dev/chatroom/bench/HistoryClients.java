package dev.chatroom.bench;

import dev.chatroom.irc.Message;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The connections of a history benchmark on one event loop thread (so every counter here is
 * touched by that thread only): registers them, {@code window} at a time, and tells a scenario
 * whether the server is there and offers what it needs.
 */
final class HistoryClients implements AutoCloseable {
    /** What a client of the store and join benchmarks asks for: msgid and time on every message, answers in batches. */
    static final List<String> CAPS = List.of("batch", "server-time", "message-tags", "draft/chathistory");

    static final String CHATHISTORY = "draft/chathistory";

    private final Hosts hosts;
    private final String password;
    private final EventLoopGroup group;
    final EventLoop loop;
    private final Bootstrap bootstrap;
    final List<HistoryClient> clients = new ArrayList<>();
    int registered;
    int failed;
    String firstFailure;

    /** Client i (over all registrations, the probe first) connects to host i mod n. */
    HistoryClients(Hosts hosts, String password) {
        this.hosts = hosts;
        this.password = password;
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        loop = group.next();
        bootstrap = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    }

    String target() {
        return hosts.of(0).toString();
    }

    /** Connects and registers n more clients, named PREFIX and their index; waits until each got 001 or failed. */
    List<HistoryClient> register(int n, int window, String nickPrefix, List<String> caps, PrintWriter err)
            throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Registration r = onLoop(() -> new Registration(n, window, nickPrefix, caps, done));
        loop.execute(r::start);
        Progress.await(done, err, () -> "registered " + registered + ", failed " + failed, Math.max(30, n / 50));
        return onLoop(() -> List.copyOf(r.mine));
    }

    /** Registers one client first: a clear answer when nobody listens there, or the server lacks a capability the run needs. */
    String probe(String nick, List<String> caps, List<String> needed, PrintWriter err) throws Exception {
        List<HistoryClient> one = register(1, 1, nick, caps, err);
        int ok = onLoop(() -> registered);
        if (ok == 0)
            return "cannot register at " + target() + ": " + (firstFailure == null ? "no answer" : firstFailure);
        for (String cap : needed) {
            if (!onLoop(() -> one.get(0).acked.contains(cap))) {
                return "the server at " + target() + " does not offer " + cap
                        + (cap.equals(CHATHISTORY) ? " (CHATHISTORY), which this benchmark needs" : "");
            }
        }
        return null;
    }

    /** Registers clients with at most window in flight; each, once registered, listens to nothing until a scenario says so. */
    private final class Registration implements HistoryClient.Listener {
        private final int n;
        private final int window;
        private final String nickPrefix;
        private final List<String> caps;
        private final CompletableFuture<Void> done;
        final List<HistoryClient> mine = new ArrayList<>();
        private int started;
        private int settled;

        Registration(int n, int window, String nickPrefix, List<String> caps, CompletableFuture<Void> done) {
            this.n = n;
            this.window = window;
            this.nickPrefix = nickPrefix;
            this.caps = caps;
            this.done = done;
        }

        void start() {
            for (int i = 0; i < Math.min(window, n); i++) next();
            if (n == 0) done.complete(null);
        }

        private void next() {
            if (started >= n) return;
            started++;
            // nicks follow the index over all registrations, so a probe and those after it never collide
            HistoryClient c = new HistoryClient(clients.size(), nickPrefix + clients.size(), caps, password, this);
            clients.add(c);
            mine.add(c);
            Hosts.Endpoint at = hosts.of(c.index);
            bootstrap.clone().handler(c).connect(at.host(), at.port()).addListener(f -> {
                if (!f.isSuccess()) fail(c, String.valueOf(f.cause().getMessage()));
            });
        }

        @Override
        public void line(HistoryClient c, Message m, long nanos) {
            switch (m.command()) {
                case "001" -> {
                    registered++;
                    c.listener = Ignore.INSTANCE;
                    settle();
                }
                case "432", "433", "464", "465", "ERROR" -> fail(c, m.toString());
                default -> {}
            }
        }

        @Override
        public void closed(HistoryClient c) {
            fail(c, "closed by the server before 001");
        }

        private void fail(HistoryClient c, String why) {
            if (c.listener != this) return;
            c.listener = Ignore.INSTANCE;
            failed++;
            if (firstFailure == null) firstFailure = c.nick + ": " + why;
            if (c.channel != null) c.channel.close();
            settle();
        }

        private void settle() {
            settled++;
            next();
            if (settled >= n) done.complete(null);
        }
    }

    /** A registered client between phases. */
    enum Ignore implements HistoryClient.Listener {
        INSTANCE;

        @Override
        public void line(HistoryClient c, Message m, long nanos) {}

        @Override
        public void closed(HistoryClient c) {}
    }

    /** Runs f on the generator's thread and waits for its result. */
    <T> T onLoop(Callable<T> f) throws Exception {
        return loop.submit(f).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
