package dev.chatroom.bench;

/**
 * The senders of a run, driven by a 1 ms tick on the generator's thread: sender i's k-th
 * message is due at (k + i/S) / rate seconds after the start, so the load is spread evenly instead
 * of arriving in bursts. Records how late the generator was against that schedule (the send lag).
 */
final class PacedSenders {
    /** Sends sender's seq-th message, on the generator's thread. */
    interface Send {
        void send(int sender, long seq);
    }

    private final int count;
    private final Send send;
    private final double rate;
    private final long[] sent;
    private final long startNanos;
    private final long durationNanos;
    long totalSent;
    long maxLagNanos;
    long sumLagNanos;
    boolean sending = true;

    PacedSenders(int count, Send send, double rate, long startNanos, long durationNanos) {
        this.count = count;
        this.send = send;
        this.rate = rate;
        this.sent = new long[count];
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
        int n = count;
        double seconds = elapsed / 1e9;
        for (int i = 0; i < n; i++) {
            double phase = (double) i / n;
            long due = (long) Math.floor(seconds * rate - phase) + 1;
            while (sent[i] < due) {
                long scheduled = startNanos + (long) (((sent[i] + phase) / rate) * 1e9);
                long lag = Math.max(0, now - scheduled);
                maxLagNanos = Math.max(maxLagNanos, lag);
                sumLagNanos += lag;
                send.send(i, sent[i]);
                sent[i]++;
                totalSent++;
            }
        }
    }

    int count() {
        return count;
    }

    /** How many messages sender i has sent. */
    long sent(int i) {
        return sent[i];
    }

    long meanLagNanos() {
        return totalSent == 0 ? 0 : sumLagNanos / totalSent;
    }
}
