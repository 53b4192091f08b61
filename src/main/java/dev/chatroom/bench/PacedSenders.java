package dev.chatroom.bench;

import java.util.List;

/**
 * The senders of a fan-out run, driven by a 1 ms tick on the generator's thread: sender i's k-th
 * message is due at (k + i/S) / rate seconds after the start, so the load is spread evenly instead
 * of arriving in bursts. Records how late the generator was against that schedule (the send lag).
 */
final class PacedSenders {
    private final List<BenchClient> senders;
    private final double rate;
    private final String channel;
    private final int size;
    private final long[] sent;
    private final long startNanos;
    private final long durationNanos;
    long totalSent;
    long maxLagNanos;
    long sumLagNanos;
    boolean sending = true;

    PacedSenders(List<BenchClient> senders, double rate, String channel, int size, long startNanos, long durationNanos) {
        this.senders = senders;
        this.rate = rate;
        this.channel = channel;
        this.size = size;
        this.sent = new long[senders.size()];
        this.startNanos = startNanos;
        this.durationNanos = durationNanos;
    }

    /** Sends what each sender owes by now; stops for good once the duration is over. */
    void tick() {
        if (!sending) return;
        long now = System.nanoTime();
        long elapsed = now - startNanos;
        if (elapsed >= durationNanos) {
            sending = false;
            return;
        }
        int n = senders.size();
        double seconds = elapsed / 1e9;
        for (int i = 0; i < n; i++) {
            double phase = (double) i / n;
            long due = (long) Math.floor(seconds * rate - phase) + 1;
            BenchClient c = senders.get(i);
            while (sent[i] < due) {
                long scheduled = startNanos + (long) (((sent[i] + phase) / rate) * 1e9);
                long lag = Math.max(0, now - scheduled);
                maxLagNanos = Math.max(maxLagNanos, lag);
                sumLagNanos += lag;
                c.send(Payload.line(channel, i, sent[i], System.nanoTime(), size));
                sent[i]++;
                totalSent++;
            }
        }
    }

    long meanLagNanos() {
        return totalSent == 0 ? 0 : sumLagNanos / totalSent;
    }
}
