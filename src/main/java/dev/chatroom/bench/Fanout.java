package dev.chatroom.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The fan-out benchmark: N clients join one channel, S of them send R messages per second each,
 * paced, for D seconds; every client counts what it receives and the latency of each delivery.
 */
public final class Fanout {
    public record Settings(String host, int port, int clients, int window, String channel, String nickPrefix, String password,
                           int senders, double rate, int durationSeconds, int size) {}

    private final Settings s;
    private final PrintWriter out;
    private final PrintWriter err;
    // generator-thread state
    private long[] sent;
    private long totalSent;
    private long maxLagNanos;
    private long sumLagNanos;
    private boolean sending = true;

    public Fanout(Settings settings, PrintWriter out, PrintWriter err) {
        this.s = settings;
        this.out = out;
        this.err = err;
    }

    /** Runs the benchmark; returns the exit code (non-zero when something was lost or not everyone joined). */
    public int run(Path json) throws Exception {
        try (LoadGenerator g = new LoadGenerator(s.host(), s.port(), s.channel(), s.nickPrefix(), s.password(), s.senders())) {
            double joinSeconds = g.joinAll(s.clients(), s.window(), err);
            int joined = g.onLoop(() -> g.joinedCount);
            Report r = new Report("fanout: " + s.clients() + " clients, " + s.senders() + " senders x " + s.rate() + " msg/s, "
                    + s.durationSeconds() + " s, " + s.size() + " bytes")
                    .put("clients", s.clients()).put("joined", joined).put("time to register and join (s)", joinSeconds);
            if (joined < s.clients() || joined < s.senders()) {
                r.put("error", "not everyone joined" + (g.firstFailure == null ? "" : ": " + g.firstFailure));
                return finish(r, json, 1);
            }
            sent = new long[s.senders()];
            long start = System.nanoTime();
            long durationNanos = TimeUnit.SECONDS.toNanos(s.durationSeconds());
            ScheduledFuture<?> ticker = g.loop.scheduleAtFixedRate(() -> tick(g, start, durationNanos), 0, 1, TimeUnit.MILLISECONDS);
            long expectedSoFar;
            while (true) {
                Thread.sleep(1000); // progress cadence of a benchmark run, not test synchronisation
                long[] snap = g.onLoop(() -> new long[] {totalSent, g.totalReceived, sending ? 1 : 0});
                err.printf("  %4.0f s  sent %d  received %d%n", (System.nanoTime() - start) / 1e9, snap[0], snap[1]);
                err.flush();
                if (snap[2] == 0) break;
            }
            ticker.cancel(false);
            // let deliveries in flight arrive: until all are in, or nothing new came for 5 s
            long lastCount = -1;
            long quietSince = System.nanoTime();
            while (true) {
                long[] snap = g.onLoop(() -> new long[] {totalSent * (joined - 1), g.totalReceived});
                expectedSoFar = snap[0];
                if (snap[1] >= snap[0]) break;
                if (snap[1] != lastCount) {
                    lastCount = snap[1];
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(5)) {
                    break;
                }
                Thread.sleep(100);
            }
            long expected = expectedSoFar;
            long[] totals = g.onLoop(() -> {
                long dup = 0;
                for (BenchClient c : g.clients) dup += c.duplicates;
                return new long[] {totalSent, g.totalReceived, dup, maxLagNanos, totalSent == 0 ? 0 : sumLagNanos / totalSent, g.closedCount};
            });
            Histogram h = g.onLoop(() -> g.latency.copy());
            r.put("offered msgs/s", s.senders() * s.rate())
                    .put("messages sent", totals[0])
                    .put("expected deliveries", expected)
                    .put("received", totals[1])
                    .put("lost", Math.max(0, expected - totals[1]))
                    .put("duplicates", totals[2])
                    // over the paced sending window; the few deliveries of the drain after it are counted in it
                    .put("deliveries/s", totals[1] / (double) s.durationSeconds())
                    .put("latency p50 (ms)", ms(h.getValueAtPercentile(50)))
                    .put("latency p90 (ms)", ms(h.getValueAtPercentile(90)))
                    .put("latency p99 (ms)", ms(h.getValueAtPercentile(99)))
                    .put("latency p99.9 (ms)", ms(h.getValueAtPercentile(99.9)))
                    .put("latency max (ms)", ms(h.getMaxValue()))
                    .put("send lag mean (ms)", ms(totals[4]))
                    .put("send lag max (ms)", ms(totals[3]))
                    .put("connections closed by the server", totals[5]);
            boolean ok = expected == totals[1] && totals[2] == 0 && totals[5] == 0;
            return finish(r, json, ok ? 0 : 1);
        }
    }

    private int finish(Report r, Path json, int code) throws java.io.IOException {
        r.print(out);
        if (json != null) r.writeJson(json);
        return code;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Sends what each sender owes by now: sender i's k-th message is due at (k + i/S) / rate seconds. */
    private void tick(LoadGenerator g, long start, long durationNanos) {
        if (!sending) return;
        long now = System.nanoTime();
        long elapsed = now - start;
        if (elapsed >= durationNanos) {
            sending = false;
            return;
        }
        int senders = s.senders();
        double seconds = elapsed / 1e9;
        for (int i = 0; i < senders; i++) {
            double phase = (double) i / senders;
            long due = (long) Math.floor(seconds * s.rate() - phase) + 1;
            BenchClient c = g.clients.get(i);
            while (sent[i] < due) {
                long scheduled = start + (long) (((sent[i] + phase) / s.rate()) * 1e9);
                long lag = Math.max(0, now - scheduled);
                maxLagNanos = Math.max(maxLagNanos, lag);
                sumLagNanos += lag;
                c.send(payload(i, sent[i], System.nanoTime()));
                sent[i]++;
                totalSent++;
            }
        }
    }

    private String payload(int sender, long seq, long nanos) {
        StringBuilder sb = new StringBuilder(s.size() + 32);
        sb.append("PRIVMSG ").append(s.channel()).append(" :");
        int textStart = sb.length();
        sb.append(sender).append(' ').append(seq).append(' ').append(nanos).append(' ');
        while (sb.length() - textStart < s.size()) sb.append('x');
        return sb.toString();
    }
}
