package dev.chatroom.server;

import dev.chatroom.server.flow.FloodGate;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Password hashing, shared fairly. Each hash takes tens of milliseconds of a core, so one address
 * could otherwise keep every hashing thread busy and make everyone else's login wait. Work is
 * queued per address and the addresses take turns; an address has at most one hash running, at
 * most {@link #BURST} at once and then one a second, and at most {@link #MAX_WAITING} waiting:
 * past that it is told "busy" at once. A connection has one request at a time anyway (its next
 * lines wait for the answer), so a connection is limited by its address's share. Runs on the loop.
 */
final class PasswordWork {
    static final int BURST = 5;
    static final double PER_SECOND = 1;
    static final int MAX_WAITING = 4;

    private record Job<T>(Connection connection, Supplier<T> work, Consumer<T> then, Runnable busy) {
        void start(Background background, Runnable done) {
            background.run(
                    work,
                    result -> {
                        done.run();
                        then.accept(result);
                    },
                    () -> {
                        done.run();
                        busy.run();
                    });
        }
    }

    private final Background background;
    private final Clock clock;
    /** Per address, the work waiting, in the order asked; the addresses in the order of their turns. */
    private final LinkedHashMap<String, ArrayDeque<Job<?>>> waiting = new LinkedHashMap<>();
    /** Addresses with a hash running. */
    private final Set<String> running = new HashSet<>();

    private final Map<String, FloodGate> rates = new HashMap<>();
    private int inFlight;
    private boolean pumping;
    private Clock.Timer wakeUp;

    PasswordWork(Background background, Clock clock) {
        this.background = background;
        this.clock = clock;
    }

    /**
     * Runs work off the loop for c when its address's turn comes, then {@code then} on the loop; or
     * {@code busy} on the loop, at once when its address has too much waiting already, or later
     * when c has closed meanwhile or the hashing threads refuse.
     */
    <T> void submit(Connection c, Supplier<T> work, Consumer<T> then, Runnable busy) {
        ArrayDeque<Job<?>> queue = waiting.computeIfAbsent(c.address().limitKey(), h -> new ArrayDeque<>());
        if (queue.size() >= MAX_WAITING) {
            busy.run();
            return;
        }
        queue.add(new Job<>(c, work, then, busy));
        pump();
    }

    /** Starts what may start; a start that finishes at once (in tests) comes back to the loop below. */
    private void pump() {
        if (pumping) return;
        pumping = true;
        try {
            while (inFlight < background.threads() && startNext()) {}
        } finally {
            pumping = false;
        }
    }

    /** Starts the first address's work that may run now, its address going to the end of the turns; false when none may. */
    private boolean startNext() {
        long now = clock.nanos();
        long soonest = Long.MAX_VALUE;
        for (Iterator<Map.Entry<String, ArrayDeque<Job<?>>>> it =
                        waiting.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<String, ArrayDeque<Job<?>>> e = it.next();
            String address = e.getKey();
            if (running.contains(address)) continue;
            Job<?> job = e.getValue().peek();
            if (job.connection().isClosed()) { // nobody waits for its answer any more
                e.getValue().poll();
                if (e.getValue().isEmpty()) it.remove();
                job.busy().run();
                return true;
            }
            FloodGate rate = rates.computeIfAbsent(address, a -> new FloodGate(BURST, PER_SECOND, now));
            if (!rate.tryTake(now)) {
                soonest = Math.min(soonest, rate.nanosUntilToken(now));
                continue;
            }
            e.getValue().poll();
            it.remove();
            if (!e.getValue().isEmpty()) waiting.put(address, e.getValue()); // its next turn comes after the others'
            running.add(address);
            inFlight++;
            job.start(background, () -> finished(address));
            return true;
        }
        if (soonest != Long.MAX_VALUE && wakeUp == null) {
            wakeUp = clock.schedule(
                    () -> {
                        wakeUp = null;
                        pump();
                    },
                    soonest);
        }
        forgetIdleRates(now);
        return false;
    }

    private void finished(String address) {
        running.remove(address);
        inFlight--;
        pump();
    }

    /** An address whose bucket is full again is like one never seen: its rate need not be kept. */
    private void forgetIdleRates(long now) {
        if (rates.size() > 1_000)
            rates.entrySet()
                    .removeIf(e -> !waiting.containsKey(e.getKey())
                            && !running.contains(e.getKey())
                            && e.getValue().full(now));
    }
}
