package dev.chatroom.bench;

import dev.chatroom.config.Settings;
import dev.chatroom.irc.Message;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The history store benchmark: S senders, spread over R rooms, each send M messages/s, paced, for
 * D seconds; then the run proves what the server stored. Each sender asks {@code CHATHISTORY
 * LATEST} after its last message: the server handles a connection's lines in order and answers
 * a history request only after storing what came before it, so the last answer marks the moment
 * everything was stored. Then every room is read back page by page and the run's messages are
 * counted, each once; if some are missing they are counted again until the wait runs out (for
 * servers that store later than they answer).
 */
public final class Store {
    public record Settings(
            Hosts hosts,
            int senders,
            int rooms,
            int window,
            String roomPrefix,
            String nickPrefix,
            String password,
            double rate,
            int durationSeconds,
            int size,
            int reactEvery,
            int waitSeconds,
            Long serverPid) {}

    /** History requests in flight at once after the window: our server queues at most 256 reads, and refuses more. */
    static final int CHECKS_IN_FLIGHT = 32;
    /** What a benchmark reaction names: the length of a msgid of ours. */
    private static final String REACTED_TO = "benchmark-reacted-to-0000";

    private final Settings s;
    private final PrintWriter out;
    private final PrintWriter err;

    public Store(Settings settings, PrintWriter out, PrintWriter err) {
        this.s = settings;
        this.out = out;
        this.err = err;
    }

    String room(int sender) {
        return s.roomPrefix() + "-" + (sender % s.rooms());
    }

    public int run(Path json) throws Exception {
        try (ProcessWatch server = s.serverPid() == null ? null : new ProcessWatch(s.serverPid());
                HistoryClients g = new HistoryClients(s.hosts(), s.password())) {
            String problem = g.probe(s.nickPrefix(), HistoryClients.CAPS, HistoryClients.CAPS, err);
            if (problem != null) {
                err.println("chatroom: " + problem);
                err.flush();
                return 1;
            }
            g.register(s.senders() - 1, s.window(), s.nickPrefix(), HistoryClients.CAPS, err);
            Report r = new Report("store: " + s.senders() + " senders in " + s.rooms() + " rooms x " + s.rate()
                    + " msg/s, " + s.durationSeconds() + " s, " + s.size() + " bytes");
            List<HistoryClient> senders = g.onLoop(() -> List.copyOf(g.clients));
            String notIn = g.onLoop(() -> g.registered) < s.senders()
                    ? "not every sender registered: " + g.firstFailure
                    : joinRooms(g, senders);
            r.put("senders", s.senders()).put("rooms", s.rooms());
            if (s.hosts().size() > 1) r.put("hosts", s.hosts().toString());
            int code = 1;
            if (notIn != null) r.put("error", notIn);
            else code = sendAndCount(g, senders, server, r) ? 0 : 1;
            if (server != null) r.put("server peak RSS (MiB)", server.peakRssMib());
            r.print(out);
            if (json != null) r.writeJson(json);
            return code;
        }
    }

    /** Every sender joins its room; null when all did, else why not. */
    private String joinRooms(HistoryClients g, List<HistoryClient> senders) throws Exception {
        CompletableFuture<Void> all = new CompletableFuture<>();
        int[] joined = {0};
        String[] failure = {null};
        g.onLoop(() -> {
            for (HistoryClient c : senders) {
                c.listener = new HistoryClient.Listener() {
                    @Override
                    public void line(HistoryClient c, Message m, long nanos) {
                        boolean ok = m.command().equals("366");
                        boolean refused = m.command().matches("40[35]|47[1-7]|489");
                        if (!ok && !refused) return;
                        if (refused && failure[0] == null) failure[0] = c.nick + ": " + m;
                        c.listener = HistoryClients.Ignore.INSTANCE;
                        if (++joined[0] == senders.size()) all.complete(null);
                    }

                    @Override
                    public void closed(HistoryClient c) {
                        if (failure[0] == null) failure[0] = c.nick + ": closed by the server";
                        if (++joined[0] == senders.size()) all.complete(null);
                    }
                };
                c.send("JOIN " + room(c.index));
            }
            return null;
        });
        Progress.await(all, err, () -> "joined " + joined[0] + "/" + senders.size(), 60);
        String f = g.onLoop(() ->
                failure[0] != null ? failure[0] : all.isDone() ? null : "not every sender joined its room within 60 s");
        return f == null ? null : "not every sender joined: " + f;
    }

    private boolean sendAndCount(HistoryClients g, List<HistoryClient> senders, ProcessWatch server, Report r)
            throws Exception {
        ProcessProbe self = ProcessProbe.self();
        long generatorCpuBefore = self.cpuMillis();
        long serverCpuBefore = server == null ? -1 : server.cpuMillis();
        // the server stamps each message with its own clock, on this machine; one millisecond of slack for rounding
        long startMillis = System.currentTimeMillis() - 1;
        long start = System.nanoTime();
        CompletableFuture<Void> windowOver = new CompletableFuture<>();
        PacedSenders paced = g.onLoop(() -> new PacedSenders(
                senders.size(),
                (i, seq) -> send(senders.get(i), i, seq),
                s.rate(),
                start,
                TimeUnit.SECONDS.toNanos(s.durationSeconds())));
        ScheduledFuture<?> ticker = g.loop.scheduleAtFixedRate(
                () -> {
                    paced.tick();
                    if (!paced.sending) windowOver.complete(null);
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        Progress.await(windowOver, err, () -> "sent " + paced.totalSent, s.durationSeconds() + 10L);
        ticker.cancel(false);
        long generatorCpu = self.cpuMillis() - generatorCpuBefore;
        long[] sent = g.onLoop(() -> {
            long[] a = new long[senders.size()];
            for (int i = 0; i < a.length; i++) a[i] = paced.sent(i);
            return a;
        });
        long deadline = start + TimeUnit.SECONDS.toNanos(s.durationSeconds() + s.waitSeconds());
        LastChecks checks = g.onLoop(() -> new LastChecks(senders));
        Progress.await(
                checks.done,
                err,
                () -> "stored up to the last message for " + checks.answered + "/" + senders.size() + " senders",
                Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime())));
        long storedAt = g.onLoop(() -> checks.done.isDone() ? checks.lastNanos : -1);
        long serverCpu = server == null ? -1 : server.cpuMillis() - serverCpuBefore;

        List<HistoryClient> counters = senders.subList(0, s.rooms());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < s.rooms(); i++) names.add(room(i));
        StoredCount count;
        int recounts = 0;
        long countStart = System.nanoTime();
        while (true) {
            StoredCount c = g.onLoop(() -> new StoredCount(sent, s.rooms()));
            CompletableFuture<Void> read = g.onLoop(() -> c.start(counters, names, startMillis));
            Progress.await(
                    read,
                    err,
                    () -> "counted " + c.stored + " stored messages",
                    Math.max(30, s.rooms() + c.sentTotal() / 5000));
            count = c;
            boolean complete = g.onLoop(() -> read.isDone() && c.failure == null && c.stored == c.sentTotal());
            if (complete
                    || !g.onLoop(read::isDone)
                    || g.onLoop(() -> c.failure) != null
                    || System.nanoTime() > deadline) break;
            recounts++;
            Thread.sleep(500); // a server that stores later than it answers: look again
        }
        StoredCount c = count;
        long[] got = g.onLoop(() -> new long[] {
            c.sentTotal(), c.stored, c.duplicates, c.foreign, c.pages, c.firstSenderWithoutItsLast(), c.reactions
        });
        String failure = g.onLoop(() -> c.failure != null ? c.failure : checks.failure);
        boolean complete = got[1] == got[0] && got[2] == 0 && failure == null;
        if (recounts > 0 && complete) storedAt = System.nanoTime();
        double window = s.durationSeconds();
        double untilStored = storedAt < 0 ? Double.NaN : Math.max(window, (storedAt - start) / 1e9);
        r.put("offered msgs/s", s.senders() * s.rate())
                .put("messages sent", got[0])
                .put("sent msgs/s", got[0] / window)
                .put("stored", got[1])
                .put("missing", got[0] - got[1])
                .put("duplicates", got[2])
                .put("other messages in the rooms", got[3])
                .put(
                        "time until everything was stored (s)",
                        storedAt < 0 ? "not within the wait" : (Object) untilStored)
                .put("stored msgs/s", storedAt < 0 ? "n/a" : (Object) (got[1] / untilStored))
                .put("stored after the window (s)", storedAt < 0 ? "n/a" : (Object) (untilStored - window));
        if (s.reactEvery() > 0)
            r.put("reactions sent", reactionsSent(sent))
                    .put("reactions stored", got[6])
                    .put(
                            "stored writes/s (messages and reactions)",
                            storedAt < 0 ? "n/a" : (Object) ((got[1] + got[6]) / untilStored));
        r.put("history pages read", got[4])
                .put("time to count (s)", (System.nanoTime() - countStart) / 1e9)
                .put("send lag max (ms)", g.onLoop(() -> paced.maxLagNanos) / 1e6)
                .put("connections closed by the server", g.onLoop(() -> closedCount(senders)))
                .put("generator CPU while sending (s)", generatorCpu / 1000.0);
        if (server != null)
            r.put(
                    "server CPU until stored (s)",
                    serverCpu < 0 ? "unknown (server gone)" : (Object) (serverCpu / 1000.0));
        if (got[5] >= 0) r.put("first sender whose last message is missing", senders.get((int) got[5]).nick);
        if (failure == null && got[1] < got[0]) {
            failure = (got[0] - got[1]) + " of the " + got[0] + " messages sent are not in the history"
                    + (got[1] == 0 ? " (is history off, --history-days 0?)" : "");
        }
        if (failure != null) r.put("error", failure);
        return complete && storedAt >= 0;
    }

    /**
     * Sender i's seq-th message, then, every {@link Settings#reactEvery}-th, a reaction: a TAGMSG that
     * the server stores (+draft/react and +draft/reply; the msgid it names need not exist, the server
     * does not look it up), as long as a real one.
     */
    private void send(HistoryClient c, int i, long seq) {
        c.send(Payload.line(room(i), i, seq, System.nanoTime(), s.size()));
        if (s.reactEvery() > 0 && (seq + 1) % s.reactEvery() == 0)
            c.send("@+draft/react=\uD83D\uDC4D;+draft/reply=" + REACTED_TO + " TAGMSG " + room(i));
    }

    private long reactionsSent(long[] sent) {
        if (s.reactEvery() <= 0) return 0;
        long n = 0;
        for (long m : sent) n += m / s.reactEvery();
        return n;
    }

    private static long closedCount(List<HistoryClient> clients) {
        return clients.stream()
                .filter(c -> c.channel == null || !c.channel.isActive())
                .count();
    }

    /** Each sender's {@code CHATHISTORY LATEST <room> * 1} after its last message, CHECKS_IN_FLIGHT at a time. */
    private final class LastChecks implements HistoryRequest.Answer {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final List<HistoryClient> senders;
        private int next;
        int answered;
        long lastNanos;
        String failure;

        LastChecks(List<HistoryClient> senders) {
            this.senders = senders;
            for (int i = 0; i < Math.min(CHECKS_IN_FLIGHT, senders.size()); i++) askNext();
        }

        private void askNext() {
            if (next >= senders.size()) return;
            HistoryClient c = senders.get(next++);
            HistoryRequest.ask(c, "LATEST " + room(c.index) + " * 1", this);
        }

        @Override
        public void answered(HistoryClient c, List<HistoryRequest.Entry> messages, long nanos) {
            lastNanos = Math.max(lastNanos, nanos);
            settle();
        }

        @Override
        public void failed(HistoryClient c, String why) {
            if (failure == null) failure = c.nick + ": " + why;
            settle();
        }

        private void settle() {
            if (++answered == senders.size()) done.complete(null);
            else askNext();
        }
    }
}
