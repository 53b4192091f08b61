package dev.chatroom.bench;

import dev.chatroom.config.Values;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code chatroom bench soak}: a bounded crowd that keeps connecting, registering, logging in,
 * joining, chatting, parting and quitting for a long time, while observers in every room check
 * that each confirmed message reaches them exactly once, and the servers' memory is sampled (see
 * {@link SoakSampler}). Passes when nothing was lost or duplicated, nothing failed, and the heap
 * after GC stayed flat (see {@link SoakVerdict}). Every client runs on one event loop thread.
 */
public final class Soak implements SoakUser.Run {
    /** The run's settings; observers are the first {@code observers} of {@code clients}. */
    public record Settings(
            Hosts hosts,
            int clients,
            int observers,
            int rooms,
            String channel,
            int accounts,
            double rate,
            Duration sessionLength,
            Duration duration,
            Duration sampleEvery,
            Duration baseline,
            double maxHeapGrowthPercent,
            List<Long> serverPids,
            String nickPrefix,
            String password) {}

    /** How long observers may take to join, the crowd to quit, and the last messages to arrive. */
    private static final long SETTLE_SECONDS = 30;

    private final Settings s;
    private final PrintWriter out;
    private final PrintWriter err;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final List<String> rooms = new ArrayList<>();
    private final List<String> observerNicks = new ArrayList<>();
    private final SoakLedger ledger;
    private final List<SoakObserver> observers = new ArrayList<>();
    private final CompletableFuture<Void> observersReady = new CompletableFuture<>();
    private final CompletableFuture<Void> usersDone = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private volatile boolean stopping;
    private int ready;
    private int done;

    public Soak(Settings s, PrintWriter out, PrintWriter err) {
        this.s = s;
        this.out = out;
        this.err = err;
        for (int i = 0; i < s.rooms(); i++) rooms.add(s.channel() + "-" + i);
        for (int i = 0; i < s.observers(); i++) observerNicks.add(s.nickPrefix() + "obs" + i);
        ledger = new SoakLedger(rooms, observerNicks);
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        loop = group.next();
        bootstrap = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    }

    /** Runs the soak and prints the table and the verdict; the exit status: 0 passed, 1 not. */
    public int run(Path json) throws Exception {
        try (SoakSampler sampler = new SoakSampler(s.serverPids(), this::counts, out)) {
            onLoop(() -> {
                for (int i = 0; i < s.observers(); i++) observer(i);
                return null;
            });
            if (!settled(observersReady)) {
                err.println("chatroom: the observers could not join every room at " + s.hosts() + ": "
                        + onLoop(() -> ledger.firstProblems.isEmpty() ? "no answer" : ledger.firstProblems.get(0)));
                return 1;
            }
            out.printf(
                    "soak: %d clients (%d observers, %d with accounts) in %d rooms at %s for %s; %s messages/s each%n",
                    s.clients(),
                    s.observers(),
                    s.accounts(),
                    s.rooms(),
                    s.hosts(),
                    Values.format(s.duration()),
                    SoakVerdict.trim(s.rate()));
            sampler.start(s.sampleEvery());
            onLoop(this::startUsers);
            Thread.sleep(s.duration().toMillis());
            stopping = true;
            boolean quit = settled(usersDone);
            boolean drained = drain();
            onLoop(() -> {
                observers.forEach(SoakObserver::quit);
                return null;
            });
            sampler.stopAndSample();
            return onLoop(() -> new SoakReport(s, ledger, observers, sampler.samples(), quit, drained))
                    .print(out, json);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    private void observer(int i) {
        SoakObserver o = new SoakObserver(
                observerNicks.get(i), s.password(), rooms, ledger, s.clients() - s.observers(), startNanos, () -> {
                    if (++ready == s.observers()) observersReady.complete(null);
                });
        observers.add(o);
        Hosts.Endpoint at = s.hosts().of(i);
        bootstrap.clone().handler(o).connect(at.host(), at.port()).addListener(f -> {
            if (!f.isSuccess())
                ledger.error(
                        o.nick, "cannot connect to " + at + ": " + f.cause().getMessage());
        });
    }

    /** The users come in one after another, a tenth of a second apart, not all at once. */
    private Void startUsers() {
        int users = s.clients() - s.observers();
        for (int slot = 0; slot < users; slot++) {
            SoakUser u = new SoakUser(slot, s.hosts().of(s.observers() + slot), slot < s.accounts(), this);
            loop.schedule(u::connect, slot * 100L, TimeUnit.MILLISECONDS);
        }
        return null;
    }

    /** Waits until every observer has all that was confirmed to it, or SETTLE_SECONDS; whether it came. */
    private boolean drain() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        while (System.nanoTime() < deadline) {
            if (onLoop(() -> SoakReport.lost(ledger, observers) == 0)) return true;
            Thread.sleep(100);
        }
        return false;
    }

    private boolean settled(CompletableFuture<Void> f) throws Exception {
        try {
            f.get(SETTLE_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private SoakLedger.Counts counts() throws Exception {
        return onLoop(() -> new SoakLedger.Counts(
                ledger.connections,
                ledger.sent,
                ledger.confirmedTotal(),
                observers.stream().mapToLong(SoakObserver::receivedTotal).sum(),
                ledger.errors));
    }

    private <T> T onLoop(Callable<T> f) throws Exception {
        return loop.submit(f).get(30, TimeUnit.SECONDS);
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public Bootstrap bootstrap() {
        return bootstrap;
    }

    @Override
    public SoakLedger ledger() {
        return ledger;
    }

    @Override
    public Settings settings() {
        return s;
    }

    @Override
    public List<String> rooms() {
        return rooms;
    }

    @Override
    public List<String> observerNicks() {
        return observerNicks;
    }

    @Override
    public boolean stopping() {
        return stopping;
    }

    @Override
    public void done(SoakUser u) {
        if (++done == s.clients() - s.observers()) usersDone.complete(null);
    }
}
