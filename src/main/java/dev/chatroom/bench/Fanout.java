package dev.chatroom.bench;

import dev.chatroom.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * The fan-out benchmark: N clients join one channel, S of them send R messages per second each,
 * paced, for D seconds; every client counts what it receives and the latency of each delivery.
 * With a server PID it also reports the server's CPU cost and peak memory; with the overload check
 * it then asks whether the server is still alive and still lets a newcomer register.
 */
public final class Fanout {
    public record Settings(
            Hosts hosts,
            int clients,
            int window,
            String channel,
            String nickPrefix,
            String password,
            int senders,
            double rate,
            int durationSeconds,
            int size,
            Long serverPid,
            boolean afterCheck,
            int devices,
            boolean accounts,
            /* the server's WebSocket port, for every second client; 0: all on TCP */
            int webPort) {}

    /** How long the overload check waits for a newcomer's 001 before calling the server unavailable. */
    static final Duration FRESH_REGISTRATION_TIMEOUT = Duration.ofSeconds(10);

    private final Settings s;
    private final PrintWriter out;
    private final PrintWriter err;

    public Fanout(Settings settings, PrintWriter out, PrintWriter err) {
        this.s = settings;
        this.out = out;
        this.err = err;
    }

    /** Runs the benchmark; returns the exit code (non-zero when something was lost, not everyone joined, or the check failed). */
    public int run(Path json) throws Exception {
        DeviceAccounts accounts = new DeviceAccounts(s.clients(), s.devices(), s.accounts(), s.nickPrefix());
        try (ProcessWatch server = s.serverPid() == null ? null : new ProcessWatch(s.serverPid());
                LoadGenerator g = new LoadGenerator(
                        s.hosts(), s.channel(), s.nickPrefix(), s.password(), s.senders(), accounts, s.webPort())) {
            Report r = new Report("fanout: " + s.clients() + " clients"
                            + (accounts.enabled()
                                    ? " (" + accounts.accounts + " accounts x " + s.devices()
                                            + (s.devices() == 1 ? " device)" : " devices)")
                                    : "")
                            + ", " + s.senders() + " senders x " + s.rate() + " msg/s, " + s.durationSeconds() + " s, "
                            + s.size() + " bytes")
                    .put("clients", s.clients());
            if (s.webPort() != 0)
                r.put("clients on WebSocket", LoadGenerator.webSocketClients(s.clients()))
                        .put("WebSocket port", s.webPort());
            String setUp = accounts.enabled() ? makeAccounts(g, accounts, r) : null;
            double joinSeconds = setUp != null ? 0 : g.joinAll(s.clients(), s.window(), err);
            int joined = g.onLoop(() -> g.joinedCount);
            r.put("joined", joined).put("time to register and join (s)", joinSeconds);
            if (s.hosts().size() > 1) r.put("hosts", s.hosts().toString());
            if (setUp == null && (joined < s.clients() || joined < s.senders()))
                setUp = "not everyone joined" + (g.firstFailure == null ? "" : ": " + g.firstFailure);
            if (setUp == null) setUp = countMembers(g, accounts, r);
            int code;
            double rssAtSending = -1;
            if (setUp != null) {
                r.put("error", setUp);
                code = 1;
            } else {
                rssAtSending = server == null ? -1 : server.rssMib();
                code = sendAndDrain(g, joined, server, r) ? 0 : 1;
            }
            if (server != null) r.put("server peak RSS (MiB)", server.peakRssMib());
            // before it, logins hashed passwords (19 MiB each): the peak may be theirs, not the load's
            if (server != null && rssAtSending >= 0) r.put("server RSS when the sending began (MiB)", rssAtSending);
            if (s.afterCheck() && !afterCheck(g, server, r)) code = 1;
            r.print(out);
            if (json != null) r.writeJson(json);
            return code;
        }
    }

    /** Registers the accounts (see {@link AccountMaker}); null when they all exist now, else what went wrong. */
    private String makeAccounts(LoadGenerator g, DeviceAccounts accounts, Report r) throws Exception {
        long t0 = System.nanoTime();
        AccountMaker.Result made = new AccountMaker(
                        g.bootstrap(), g.loop, s.hosts().of(0), s.password(), accounts)
                .run(s.window(), err, 60 + accounts.accounts / 4);
        r.put("devices per account", s.devices())
                .put("accounts", accounts.accounts)
                .put("accounts created", made.created())
                .put("accounts there already", made.existing())
                .put("time to make the accounts (s)", (System.nanoTime() - t0) / 1e9);
        if (made.created() + made.existing() == accounts.accounts) return null;
        return "accounts not made" + (made.firstFailure() == null ? "" : ": " + made.firstFailure());
    }

    /**
     * The room's members as client 0 sees them (NAMES): with accounts, one per account, however
     * many devices each has; null when so, else what is wrong.
     */
    private String countMembers(LoadGenerator g, DeviceAccounts accounts, Report r) throws Exception {
        Integer members = g.countMembers();
        r.put("room members (NAMES)", members == null ? "no answer" : members);
        if (!accounts.enabled() || (members != null && members == accounts.accounts)) return null;
        return "the room has " + members + " members, not one per account (" + accounts.accounts + ")";
    }

    /** The paced sending window and the drain after it; true when everything arrived once and nobody was dropped. */
    private boolean sendAndDrain(LoadGenerator g, int joined, ProcessWatch server, Report r) throws Exception {
        ProcessProbe self = ProcessProbe.self();
        long generatorCpuBefore = self.cpuMillis();
        long serverCpuBefore = server == null ? -1 : server.cpuMillis();
        long start = System.nanoTime();
        CompletableFuture<Void> windowOver = new CompletableFuture<>();
        PacedSenders senders = g.onLoop(() -> {
            List<BenchClient> from = List.copyOf(g.clients.subList(0, s.senders()));
            return new PacedSenders(
                    from.size(),
                    (i, seq) -> from.get(i).send(Payload.line(s.channel(), i, seq, System.nanoTime(), s.size())),
                    s.rate(),
                    start,
                    TimeUnit.SECONDS.toNanos(s.durationSeconds()));
        });
        ScheduledFuture<?> ticker = g.loop.scheduleAtFixedRate(
                () -> {
                    senders.tick();
                    if (!senders.sending) windowOver.complete(null);
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        awaitWindow(g, senders, windowOver, start);
        ticker.cancel(false);
        long serverCpuWindow = server == null ? -1 : cpuSince(server.cpuMillis(), serverCpuBefore);
        long generatorCpuWindow = self.cpuMillis() - generatorCpuBefore;
        long receivedInWindow = g.onLoop(() -> g.totalReceived);

        long[] drained = drain(g, senders, joined, System.nanoTime());
        long expected = drained[0];
        double untilLast = Math.max(s.durationSeconds(), (drained[1] - start) / 1e9);
        long[] totals = g.onLoop(() -> {
            long dup = 0;
            long crossDup = 0;
            for (BenchClient c : g.clients) {
                dup += c.duplicates;
                crossDup += c.crossDuplicates;
            }
            return new long[] {
                senders.totalSent,
                g.totalReceived,
                dup,
                senders.maxLagNanos,
                senders.meanLagNanos(),
                g.closedCount,
                g.crossReceived,
                crossDup
            };
        });
        Histogram h = g.onLoop(g::latency);
        r.put("offered msgs/s", s.senders() * s.rate())
                .put("messages sent", totals[0])
                .put("expected deliveries", expected)
                .put("received", totals[1])
                .put("lost", Math.max(0, expected - totals[1]))
                .put("duplicates", totals[2])
                // over the paced sending window; the few deliveries of the drain after it are counted in it
                .put("deliveries/s", totals[1] / (double) s.durationSeconds())
                // under overload the drain is long: this is the rate the server really sustained
                .put("time until the last delivery (s)", untilLast)
                .put("deliveries/s until the last delivery", totals[1] / untilLast)
                .put("latency p50 (ms)", ms(h.getValueAtPercentile(50)))
                .put("latency p90 (ms)", ms(h.getValueAtPercentile(90)))
                .put("latency p99 (ms)", ms(h.getValueAtPercentile(99)))
                .put("latency p99.9 (ms)", ms(h.getValueAtPercentile(99.9)))
                .put("latency max (ms)", ms(h.getMaxValue()));
        if (s.webPort() != 0) {
            Histogram web = g.onLoop(() -> g.webSocketLatency.copy());
            Histogram tcp = g.onLoop(() -> g.tcpLatency.copy());
            for (String p : new String[] {"50", "99"}) {
                double at = Double.parseDouble(p);
                r.put("latency to WebSocket clients p" + p + " (ms)", ms(web.getValueAtPercentile(at)))
                        .put("latency to TCP clients p" + p + " (ms)", ms(tcp.getValueAtPercentile(at)));
            }
        }
        Histogram echo = g.onLoop(() -> g.echoLatency.copy());
        r.put("echoes", echo.getTotalCount());
        for (String p : new String[] {"50", "99"}) {
            r.put(
                    "echo latency p" + p + " (ms)",
                    echo.getTotalCount() == 0
                            ? "none: the server does not echo"
                            : (Object) ms(echo.getValueAtPercentile(Double.parseDouble(p))));
        }
        if (s.hosts().size() > 1) {
            long[] due = g.onLoop(() -> NodeSplit.expected(s.hosts(), joined, sentPerSender(senders)));
            NodeSplit.put(
                    r,
                    new NodeSplit.Counts(
                            due[0], totals[1] - totals[6], totals[2] - totals[7], g.onLoop(() -> g.sameLatency.copy())),
                    new NodeSplit.Counts(due[1], totals[6], totals[7], g.onLoop(() -> g.crossLatency.copy())),
                    s.durationSeconds());
        }
        r.put("send lag mean (ms)", ms(totals[4]))
                .put("send lag max (ms)", ms(totals[3]))
                .put("connections closed by the server", totals[5])
                .put("generator CPU while sending (s)", generatorCpuWindow / 1000.0)
                .put("generator CPU per million deliveries (s)", perMillion(generatorCpuWindow, receivedInWindow));
        if (server != null) {
            r.put(
                            "server CPU while sending (s)",
                            serverCpuWindow < 0 ? "unknown (server gone)" : serverCpuWindow / 1000.0)
                    .put(
                            "server CPU per million deliveries (s)",
                            serverCpuWindow < 0 ? "unknown" : perMillion(serverCpuWindow, receivedInWindow));
        }
        return expected == totals[1] && totals[2] == 0 && totals[5] == 0;
    }

    /** Waits for the sending window to end, printing progress every second. */
    private void awaitWindow(LoadGenerator g, PacedSenders senders, CompletableFuture<Void> windowOver, long start)
            throws Exception {
        while (true) {
            try {
                windowOver.get(1, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                long[] snap = g.onLoop(() -> new long[] {senders.totalSent, g.totalReceived});
                err.printf("  %4.0f s  sent %d  received %d%n", (System.nanoTime() - start) / 1e9, snap[0], snap[1]);
                err.flush();
            }
        }
    }

    /**
     * Lets deliveries in flight arrive: until all are in, or nothing new came for 5 s. Returns the
     * deliveries expected and when the last one was seen (to the 0.1 s the polling allows).
     */
    private static long[] drain(LoadGenerator g, PacedSenders senders, int joined, long windowEnd) throws Exception {
        long lastCount = -1;
        long quietSince = System.nanoTime();
        long lastSeen = windowEnd;
        while (true) {
            long[] snap = g.onLoop(() -> new long[] {senders.totalSent * (joined - 1), g.totalReceived});
            if (snap[1] >= snap[0]) return new long[] {snap[0], lastCount < 0 ? windowEnd : System.nanoTime()};
            if (snap[1] != lastCount) {
                if (lastCount >= 0) lastSeen = System.nanoTime();
                lastCount = snap[1];
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(5)) {
                return new long[] {snap[0], lastSeen};
            }
            Thread.sleep(100); // polling cadence of the drain, not test synchronisation
        }
    }

    /** After the load: is the server still alive, and does a newcomer still get 001 in time? */
    private boolean afterCheck(LoadGenerator g, ProcessWatch server, Report r) throws InterruptedException {
        boolean ok = true;
        if (server != null) {
            ok = server.alive();
            r.put("server alive after the run", ok ? "yes" : "no");
        }
        List<Hosts.Endpoint> at = s.hosts().entries();
        if (at.size() == 1) {
            FreshRegistration.Result fresh = FreshRegistration.attempt(
                    g.bootstrap(),
                    at.get(0).host(),
                    at.get(0).port(),
                    s.nickPrefix() + "new",
                    s.password(),
                    FRESH_REGISTRATION_TIMEOUT);
            r.put("fresh registration to 001 (ms)", fresh.reportValue());
            return ok && fresh.ok();
        }
        // every node must still let people in; the headline figure is the worst of them
        Object firstFailure = null;
        double slowest = 0;
        for (int i = 0; i < at.size(); i++) {
            // a nick per node: in a cluster the nicks are shared, and the previous newcomer may not be gone yet
            FreshRegistration.Result fresh = FreshRegistration.attempt(
                    g.bootstrap(),
                    at.get(i).host(),
                    at.get(i).port(),
                    s.nickPrefix() + "new" + i,
                    s.password(),
                    FRESH_REGISTRATION_TIMEOUT);
            r.put("fresh registration to 001 on host " + (i + 1) + " (ms)", fresh.reportValue());
            if (fresh.ok()) slowest = Math.max(slowest, fresh.millis());
            else if (firstFailure == null) firstFailure = fresh.reportValue();
        }
        r.put("fresh registration to 001 (ms)", firstFailure != null ? firstFailure : (Object) slowest);
        return ok && firstFailure == null;
    }

    private static long[] sentPerSender(PacedSenders senders) {
        long[] sent = new long[senders.count()];
        for (int i = 0; i < sent.length; i++) sent[i] = senders.sent(i);
        return sent;
    }

    private static long cpuSince(long now, long before) {
        return now < 0 || before < 0 ? -1 : now - before;
    }

    private static Object perMillion(long cpuMillis, long deliveries) {
        return deliveries == 0 ? "n/a" : (Object) (cpuMillis / 1000.0 / (deliveries / 1e6));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
