package dev.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.server.Background;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Motd;
import dev.chatroom.server.accounts.PasswordHash;
import dev.chatroom.store.Stores;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.ManualClock;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that stop reading, against the output budget, in memory: each client's socket takes
 * everything, part of it or nothing, and the budget's clock is the test's.
 */
class StalledReadersTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A fifth of the timeout: how long a stopped reader has. */
    private static final Duration STOP = TIMEOUT.dividedBy(5);

    private static final Duration SWEEP = Duration.ofNanos(OutputMemory.SWEEP_NANOS);
    private static final byte[] LINE = ("PRIVMSG #chatroom :" + "x".repeat(978) + "\r\n").getBytes();

    /** A client's socket: it takes every write, one write in every few flushes, or none. */
    private static final class Socket extends EmbeddedChannel {
        private final int takesEvery;
        private int flushes;

        /** takesEvery 1: everything; n: one write every n flushes; 0: nothing, ever. */
        Socket(int takesEvery) {
            this.takesEvery = takesEvery;
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }

        @Override
        protected void doWrite(ChannelOutboundBuffer in) throws Exception {
            if (takesEvery == 1) super.doWrite(in);
            else if (takesEvery > 1 && ++flushes % takesEvery == 0) in.remove();
        }
    }

    private final AtomicLong nanos = new AtomicLong();
    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<ClientChannel> clients = new ArrayList<>();
    private OutputMemory memory;
    private Hub hub;

    private void start(long budget) throws Exception {
        loop.freezeTime(); // the budget's sweeps run when the test's clock says
        memory = new OutputMemory(budget, 8 << 20, TIMEOUT, loop.eventLoop(), nanos::get);
        var config = InMemoryServer.config();
        hub = new Hub(
                config,
                Motd.load(config),
                new ManualClock(),
                UnpooledByteBufAllocator.DEFAULT,
                line -> {},
                Stores.none(),
                memory,
                PasswordHash.DEFAULT,
                Background.INLINE);
    }

    private ClientChannel connect(int takesEvery) {
        Socket s = new Socket(takesEvery);
        ClientChannel c =
                new ClientChannel(hub, new Flusher(loop.eventLoop()), memory, IrcLineDecoder.strictUtf8(), false);
        s.pipeline().addLast(c);
        s.pipeline().fireChannelActive();
        sockets.add(s);
        clients.add(c);
        return c;
    }

    @AfterEach
    void close() {
        for (Socket s : sockets) s.finishAndReleaseAll();
        loop.finishAndReleaseAll();
    }

    /** A line to every client, then a flush round; the clock moves on by step, and the budget's sweeps run when due. */
    private void round(Duration step) {
        for (ClientChannel c : clients) c.write(Unpooled.wrappedBuffer(LINE));
        for (ClientChannel c : clients) c.flushNow();
        for (Socket s : sockets) {
            s.runPendingTasks();
            s.releaseOutbound();
        }
        nanos.addAndGet(step.toNanos());
        loop.advanceTimeBy(step.toNanos(), TimeUnit.NANOSECONDS);
        loop.runScheduledPendingTasks();
        for (Socket s : sockets) s.runPendingTasks(); // the drops
    }

    /** Rounds of step until the time has passed. */
    private void rounds(Duration time, Duration step) {
        for (long n = time.dividedBy(step); n > 0; n--) round(step);
    }

    private boolean open(ClientChannel c) {
        return sockets.get(clients.indexOf(c)).isActive();
    }

    @Test
    void aFewStoppedReadersOverTheirShareAreDroppedSoonBeforeTheBudgetFills() throws Exception {
        start(1 << 20); // 1 MiB among 13 connections
        List<ClientChannel> readers = new ArrayList<>();
        for (int i = 0; i < 10; i++) readers.add(connect(1));
        ClientChannel slow = connect(10);
        ClientChannel stopped = connect(0);
        ClientChannel alsoStopped = connect(0);
        nanos.addAndGet(Duration.ofHours(1).toNanos()); // long quiet: the wait starts when the output does
        while (memory.queued() <= memory.limit() / 2 || slow.held() <= memory.share()) round(Duration.ZERO);

        rounds(SWEEP.plus(STOP), Duration.ofMillis(50)); // seen holding at the first sweep, then the time they have
        assertThat(open(stopped)).as("not yet past their time").isTrue();
        rounds(SWEEP, Duration.ofMillis(50));
        assertThat(open(stopped)).as("past it").isFalse();
        assertThat(open(alsoStopped)).isFalse();
        assertThat(readers).allMatch(this::open);
        assertThat(open(slow)).as("over its share too, but reading, if slowly").isTrue();
        assertThat(memory.queued()).as("never full").isLessThan(memory.limit() / 2);
    }

    @Test
    void whenAQuarterOfTheClientsTakeNothingTheyAreWaitedForTheWholeTimeoutAndOnlyWhenFull() throws Exception {
        start(1 << 20); // 1 MiB among 4 connections: a share of 256 KiB
        connect(1);
        connect(1);
        ClientChannel stopped = connect(0);
        ClientChannel alsoStopped = connect(0);
        while (!memory.exhausted()) round(Duration.ZERO);
        rounds(SWEEP.plus(STOP.multipliedBy(2)), Duration.ofMillis(50)); // seen at the first sweep; twice their time
        assertThat(open(stopped))
                .as("half the clients stalled: the network, not they")
                .isTrue();
        rounds(TIMEOUT.minus(STOP.multipliedBy(2)).minus(SWEEP), Duration.ofMillis(250));
        assertThat(open(stopped) && open(alsoStopped))
                .as("waited for up to the timeout")
                .isTrue();
        rounds(SWEEP.multipliedBy(2), Duration.ofMillis(250));
        assertThat(open(stopped) && open(alsoStopped))
                .as("full, past the timeout: dropped as far as they keep it full")
                .isFalse();
    }

    @Test
    void withTheBudgetAtEaseAStoppedReaderOverItsShareIsLeftAlone() throws Exception {
        start(64 << 20); // four connections: a limit of 16 MiB, a share of 4 MiB
        connect(1);
        connect(1);
        connect(1);
        ClientChannel stopped = connect(0);
        while (stopped.held() <= memory.share()) round(Duration.ZERO);
        rounds(Duration.ofMinutes(1), Duration.ofSeconds(1));
        assertThat(memory.queued()).isLessThan(memory.limit() / 2);
        assertThat(open(stopped)).isTrue();
    }
}
