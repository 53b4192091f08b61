package dev.chatroom.testing;

import dev.chatroom.cluster.Bus;
import dev.chatroom.cluster.RedisBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The cluster's Redis in memory, on a {@link ManualClock}: what {@link RedisBus} gives the nodes
 * and nothing more. One sequence numbers every event, and every node connected gets each one,
 * the publisher included, in that order; the listener is called at once, inside the publish, as
 * Lettuce calls it on its own thread, and the node hands it to its loop. A node's connection can
 * be cut ({@link Client#cut}: Redis down, noticed) or go quiet ({@link Client#cutQuietly}:
 * a network that stops answering, unnoticed); what it misses meanwhile is a gap in the numbers,
 * as with pub/sub, which replays nothing. Node names are held with a lease, as by RedisBus's
 * SET NX PX, expiring as the clock passes.
 */
public final class InMemoryBus {
    /** How long after a lost answer its event still reaches the subscribers ({@link Client#loseAnswers}). */
    public static final Duration LATE = Duration.ofMillis(1);

    private final ManualClock clock;
    private final List<Client> clients = new ArrayList<>();
    private final Map<String, Lease> names = new HashMap<>();
    private long seq;

    private record Lease(Client holder, long expiresNanos) {}

    public InMemoryBus(ManualClock clock) {
        this.clock = clock;
    }

    /** A node's connection to the bus, as its RedisBus opens one. */
    public Client connect() {
        Client c = new Client();
        clients.add(c);
        return c;
    }

    /** Who holds node's name, null when nobody does or the lease ran out. */
    private Lease lease(String node) {
        Lease l = names.get(node);
        return l == null || l.expiresNanos <= clock.nanos() ? null : l;
    }

    public final class Client implements Bus {
        private enum State {
            UP,
            CUT,
            QUIET,
            CLOSED
        }

        private State state = State.UP;
        private boolean answersLost;
        private Listener listener;
        private String name;

        @Override
        public void start(Listener listener) {
            if (state != State.UP) throw new IllegalStateException("cannot subscribe: Redis is unreachable");
            this.listener = listener;
        }

        /** Waits for a dead node's name to run out as RedisBus does; waiting here is the clock passing for everyone. */
        @Override
        public void claim(String node) {
            if (state != State.UP) throw new IllegalStateException("Redis is unreachable");
            long deadline = clock.nanos() + CLAIM_WAIT.toNanos();
            while (lease(node) != null) {
                if (clock.nanos() > deadline) throw new NameTaken(node);
                clock.advance(RedisBus.CLAIM_RETRY);
            }
            names.put(node, new Lease(this, clock.nanos() + LEASE.toNanos()));
            name = node;
        }

        @Override
        public CompletionStage<Boolean> renew() {
            if (name == null) return CompletableFuture.completedFuture(true);
            return command(() -> {
                Lease held = lease(name);
                if (held != null && held.holder != this) return false;
                names.put(name, new Lease(this, clock.nanos() + LEASE.toNanos()));
                return true;
            });
        }

        @Override
        public CompletionStage<Long> publish(String event) {
            if (answersLost && state == State.UP) {
                long n = ++seq;
                List<Client> subscribers = List.copyOf(clients);
                clock.schedule(
                        () -> {
                            for (Client c : subscribers)
                                if (c.state == State.UP && c.listener != null) c.listener.received(n, event);
                        },
                        LATE.toNanos());
                return CompletableFuture.failedFuture(new IllegalStateException("Connection closed"));
            }
            return command(() -> {
                long n = ++seq;
                for (Client c : List.copyOf(clients)) {
                    if (c.state == State.UP && c.listener != null) c.listener.received(n, event);
                }
                return n;
            });
        }

        /** A command to Redis: refused at once when the connection is known to be down, timed out when it went quiet. */
        private <T> CompletionStage<T> command(Supplier<T> run) {
            return switch (state) {
                case UP -> CompletableFuture.completedFuture(run.get());
                case CUT, CLOSED -> CompletableFuture.failedFuture(new IllegalStateException("Redis is unreachable"));
                case QUIET -> {
                    CompletableFuture<T> timedOut = new CompletableFuture<>();
                    clock.schedule(
                            () -> timedOut.completeExceptionally(new TimeoutException("Redis did not answer")),
                            RedisBus.COMMAND_TIMEOUT.toNanos());
                    yield timedOut;
                }
            };
        }

        /** Redis is unreachable and the client knows it: commands fail at once, nothing arrives, the listener is told. */
        public void cut() {
            state = State.CUT;
            if (listener != null) listener.connected(false);
        }

        /** The connection goes quiet without breaking: nothing arrives, commands time out, nobody is told. */
        public void cutQuietly() {
            state = State.QUIET;
        }

        /**
         * Redis runs what this connection publishes but the answers are lost (a primary killed just after publishing):
         * the publisher hears of a failure at once, and every subscriber gets the event all the same, {@link #LATE}
         * later (it was on their connections already). Until {@link #reconnect}.
         */
        public void loseAnswers() {
            answersLost = true;
        }

        /** Reaches Redis again; the listener hears of it when it had been told of the cut. */
        public void reconnect() {
            answersLost = false;
            State was = state;
            state = State.UP;
            if (was == State.CUT && listener != null) listener.connected(true);
        }

        /** Lets go of the node's name (when still its own) and disconnects. */
        @Override
        public void close() {
            Lease held = name == null ? null : lease(name);
            if (state == State.UP && held != null && held.holder == this) names.remove(name);
            state = State.CLOSED;
            clients.remove(this);
        }
    }
}
