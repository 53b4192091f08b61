package dev.chatroom.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * Many IRC connections driven by one event loop thread, so every counter here is touched by
 * that thread only. Connects with at most {@code window} registrations in flight. With {@link
 * DeviceAccounts} every client logs in, from its login address. With a web port, every second
 * client goes through {@link WebSocketFraming} to the server's WebSocket port instead.
 */
final class LoadGenerator implements ClientEvents, AutoCloseable {
    final Hosts hosts;
    private final String channelName;
    private final String nickPrefix;
    private final String password;
    private final int senders;
    private final DeviceAccounts accounts;
    /** The server's WebSocket port, where every second client connects (see {@link #onWebSocket}); 0: none. */
    private final int webPort;

    private final EventLoopGroup group;
    final EventLoop loop;
    private final Bootstrap bootstrap;
    final List<BenchClient> clients = new ArrayList<>();
    /** Latency of same-node deliveries (all of them with one host) and of cross-node ones: one record per delivery either way. */
    final Histogram sameLatency = BenchClient.newHistogram();

    final Histogram crossLatency = BenchClient.newHistogram();
    /** With a web port: the latency of deliveries to the clients on WebSocket, and to those on TCP. */
    final Histogram webSocketLatency = BenchClient.newHistogram();

    final Histogram tcpLatency = BenchClient.newHistogram();
    /** From a sender's message to its echo: the server's answer to the sender. */
    final Histogram echoLatency = BenchClient.newHistogram();

    private CompletableFuture<Void> allJoined;
    private CompletableFuture<Integer> membersCounted;
    private int target;
    private int started;
    private int window;
    int joinedCount;
    int failedCount;
    int closedCount;
    String firstFailure;
    long totalReceived;
    long crossReceived;

    LoadGenerator(Hosts hosts, String channelName, String nickPrefix, String password, int senders) {
        this(hosts, channelName, nickPrefix, password, senders, new DeviceAccounts(1, 1, false, nickPrefix), 0);
    }

    LoadGenerator(
            Hosts hosts,
            String channelName,
            String nickPrefix,
            String password,
            int senders,
            DeviceAccounts accounts,
            int webPort) {
        if (webPort != 0 && hosts.size() != 1) throw new IllegalArgumentException("WebSocket clients need one host");
        this.hosts = hosts;
        this.webPort = webPort;
        this.accounts = accounts;
        this.channelName = channelName;
        this.nickPrefix = nickPrefix;
        this.password = password;
        this.senders = senders;
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(1, io);
        loop = group.next();
        bootstrap = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
        // Netty's default read sizes (up to 64 KiB) and the kernel's receive autotuning (up to
        // 32 MiB here) are kept on purpose: at 600,000 deliveries/s a read carries about 17 lines
        // (2.5 KB), far below either cap; a 256 KiB cap measured no different, and a fixed
        // SO_RCVBUF would only switch the autotuning off.
    }

    @Override
    public String channelName() {
        return channelName;
    }

    @Override
    public String password() {
        return password;
    }

    /** A bootstrap like the clients', for a connection of another kind (the overload check's newcomer). */
    Bootstrap bootstrap() {
        return bootstrap.clone();
    }

    /**
     * Connects and registers clients up to number {@code n} (after those connected before), {@code
     * window} at a time; completes when all joined or failed.
     */
    CompletableFuture<Void> connectAll(int n, int windowSize) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            allJoined = done;
            target = n;
            window = windowSize;
            for (int i = 0; i < Math.min(window, n - started); i++) startNext();
        });
        return done;
    }

    private void startNext() {
        if (started >= target) return;
        int i = started++;
        BenchClient c = new BenchClient(i, nickPrefix, this, senders, hosts.size(), accounts.login(i));
        clients.add(c);
        Hosts.Endpoint at = hosts.of(c.index);
        boolean web = webPort != 0 && onWebSocket(i);
        Bootstrap b = bootstrap.clone().handler(web ? WebSocketFraming.pipeline(at.host(), webPort, c) : c);
        InetSocketAddress server = new InetSocketAddress(at.host(), web ? webPort : at.port());
        (accounts.enabled() ? b.connect(server, accounts.loginSource(i)) : b.connect(server)).addListener(f -> {
            if (!f.isSuccess()) failed(c, String.valueOf(f.cause()));
        });
    }

    /**
     * Whether client i connects over WebSocket when there is a web port: every second one, so that
     * senders (the first clients) and receivers are split alike.
     */
    static boolean onWebSocket(int client) {
        return client % 2 == 1;
    }

    /** How many of clients 0..clients-1 connect over WebSocket when there is a web port. */
    static int webSocketClients(int clients) {
        return clients / 2;
    }

    /**
     * Connects and joins everyone, printing progress to err; returns the seconds it took. With
     * accounts, their first connections join first, then the devices, which are shown the room.
     */
    double joinAll(int n, int windowSize, PrintWriter err) throws Exception {
        long t0 = System.nanoTime();
        // a login waits for a password check: tens of milliseconds of the server's CPU each, 100+ on a busy machine
        long timeout = Math.max(60, n / 50) + (accounts.enabled() ? n / 4 : 0);
        // a phase that starts nobody would never complete: with one device each the first is all
        if (accounts.enabled() && accounts.accounts < n) joinUpTo(accounts.accounts, n, windowSize, err, timeout);
        joinUpTo(n, n, windowSize, err, timeout);
        return (System.nanoTime() - t0) / 1e9;
    }

    private void joinUpTo(int upTo, int n, int windowSize, PrintWriter err, long timeout) throws Exception {
        Progress.await(
                connectAll(upTo, windowSize),
                err,
                () -> "joined " + joinedCount + "/" + n + (failedCount > 0 ? ", failed " + failedCount : ""),
                timeout);
    }

    /** How many members client 0 sees in the channel (NAMES), or null without an answer within 30 s. */
    Integer countMembers() throws Exception {
        CompletableFuture<Integer> counted = onLoop(() -> {
            membersCounted = new CompletableFuture<>();
            clients.get(0).countMembers();
            return membersCounted;
        });
        try {
            return counted.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return null;
        }
    }

    @Override
    public void membersCounted(int members) {
        if (membersCounted != null) membersCounted.complete(members);
    }

    @Override
    public void joined(BenchClient c) {
        joinedCount++;
        startNext();
        checkDone();
    }

    @Override
    public void failed(BenchClient c, String why) {
        if (firstFailure == null) firstFailure = c.nick + ": " + why;
        failedCount++;
        if (c.channel != null) c.channel.close();
        startNext();
        checkDone();
    }

    @Override
    public void closed(BenchClient c) {
        closedCount++;
        if (!c.joined && allJoined != null && !allJoined.isDone()) failed(c, "closed before joining");
    }

    private void checkDone() {
        if (allJoined != null && joinedCount + failedCount >= target) allJoined.complete(null);
    }

    @Override
    public void delivered(BenchClient c, long latencyNanos, boolean cross) {
        totalReceived++;
        if (webPort != 0) record(onWebSocket(c.index) ? webSocketLatency : tcpLatency, latencyNanos);
        if (cross) crossReceived++;
        record(cross ? crossLatency : sameLatency, latencyNanos);
    }

    private static void record(Histogram h, long latencyNanos) {
        h.recordValue(Math.min(Math.max(latencyNanos, 0), h.getHighestTrackableValue()));
    }

    @Override
    public void echoed(long latencyNanos) {
        record(echoLatency, latencyNanos);
    }

    /** All deliveries' latency, both classes together; on the generator's thread. */
    Histogram latency() {
        Histogram all = sameLatency.copy();
        all.add(crossLatency);
        return all;
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
