package dev.chatroom.bench;

import dev.chatroom.config.Settings;
import dev.chatroom.irc.Message;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;

/**
 * The join benchmark: fills a room with H messages (and checks the history has them), registers
 * N clients, then has them join one at a time (or W at a time) and times each join, from
 * sending JOIN to the end of the room's names (366) and to the end of the history the server
 * replays after it. Each client sends a PING right after its JOIN: the server answers lines in
 * order, so the PONG says the join's output is complete, replay or not. Run it against a server
 * with {@code --history-replay 50} and with {@code --history-replay 0}: the difference is the
 * cost of the replay.
 */
public final class JoinTime {
    public record Settings(
            Hosts hosts,
            int clients,
            int window,
            int joinWindow,
            String channel,
            String nickPrefix,
            String password,
            int history,
            int size,
            boolean plain,
            Long serverPid) {}

    private final Settings s;
    private final PrintWriter out;
    private final PrintWriter err;

    public JoinTime(Settings settings, PrintWriter out, PrintWriter err) {
        this.s = settings;
        this.out = out;
        this.err = err;
    }

    public int run(Path json) throws Exception {
        try (ProcessWatch server = s.serverPid() == null ? null : new ProcessWatch(s.serverPid());
                HistoryClients g = new HistoryClients(s.hosts(), s.password())) {
            String problem = g.probe(s.nickPrefix(), HistoryClients.CAPS, HistoryClients.CAPS, err);
            if (problem == null) problem = fill(g, g.onLoop(() -> g.clients.get(0)));
            if (problem != null) {
                err.println("chatroom: " + problem);
                err.flush();
                return 1;
            }
            List<String> caps = s.plain() ? List.of() : List.of("batch", "server-time", "message-tags");
            List<HistoryClient> joiners = g.register(s.clients(), s.window(), s.nickPrefix(), caps, err);
            int registered = g.onLoop(() -> g.registered) - 1;
            Report r = new Report("join: " + s.clients() + " clients, " + s.joinWindow() + " joining at a time, "
                            + s.history() + " messages in " + s.channel() + (s.plain() ? ", without batch" : ""))
                    .put("clients", s.clients());
            if (s.hosts().size() > 1) r.put("hosts", s.hosts().toString());
            r.put("registered", registered).put("messages in the room's history", s.history());
            int code = 1;
            if (registered < s.clients()) {
                r.put("error", "not every client registered: " + g.firstFailure);
            } else {
                long serverCpuBefore = server == null ? -1 : server.cpuMillis();
                Joins joins = g.onLoop(() -> new Joins(joiners));
                Progress.await(joins.done, err, () -> "joined " + joins.measured + "/" + s.clients(), joinTimeout());
                long serverCpu = server == null ? -1 : server.cpuMillis() - serverCpuBefore;
                code = report(g, joins, r) ? 0 : 1;
                if (server != null)
                    r.put(
                            "server CPU while joining (s)",
                            serverCpu < 0 ? "unknown (server gone)" : (Object) (serverCpu / 1000.0));
            }
            if (server != null) r.put("server peak RSS (MiB)", server.peakRssMib());
            r.print(out);
            if (json != null) r.writeJson(json);
            return code;
        }
    }

    /** The filler joins the room, says H messages there and reads them back with CHATHISTORY; null when the history has them all. */
    private String fill(HistoryClients g, HistoryClient filler) throws Exception {
        CompletableFuture<String> done = new CompletableFuture<>();
        Set<String> texts = new HashSet<>();
        g.onLoop(() -> {
            filler.listener = new HistoryClient.Listener() {
                @Override
                public void line(HistoryClient c, Message m, long nanos) {
                    if (m.command().matches("40[35]|47[1-7]|489"))
                        done.complete("cannot join " + s.channel() + ": " + m);
                    if (m.command().equals("PONG")) {
                        // a JOIN of a room one is in has no answer; our server puts everyone in its default room
                        done.complete("already in " + s.channel()
                                + " before joining it (the server's default room?); choose another --channel");
                    }
                    if (!m.command().equals("366")) return;
                    for (int i = 0; i < s.history(); i++) {
                        String line = Payload.line(s.channel(), 0, i, System.nanoTime(), s.size());
                        texts.add(line.substring(line.indexOf(" :") + 2));
                        c.send(line);
                    }
                    HistoryRequest.ask(
                            c, "LATEST " + s.channel() + " * " + Math.max(1, s.history()), new HistoryRequest.Answer() {
                                @Override
                                public void answered(HistoryClient c, List<HistoryRequest.Entry> messages, long nanos) {
                                    long found = messages.stream()
                                            .filter(e -> texts.contains(e.text()))
                                            .count();
                                    done.complete(
                                            found == s.history()
                                                    ? null
                                                    : "the room's history has " + found + " of the " + s.history()
                                                            + " messages just said in it (is history off, --history-days 0?)");
                                }

                                @Override
                                public void failed(HistoryClient c, String why) {
                                    done.complete(why);
                                }
                            });
                }

                @Override
                public void closed(HistoryClient c) {
                    done.complete("the server closed the connection while the room was filled");
                }
            };
            filler.send("JOIN " + s.channel());
            filler.send("PING :bench-fill");
            return null;
        });
        Progress.await(done, err, () -> "filling " + s.channel(), 30);
        return done.isDone() ? done.get() : "no answer while filling " + s.channel() + " within 30 s";
    }

    private boolean report(HistoryClients g, Joins joins, Report r) throws Exception {
        Histogram names = g.onLoop(() -> joins.toNames.copy());
        Histogram end = g.onLoop(() -> joins.toEnd.copy());
        long[] n = g.onLoop(() ->
                new long[] {joins.measured, joins.minReplayed, joins.maxReplayed, joins.lastNanos - joins.firstNanos});
        String failure = g.onLoop(() -> joins.failure);
        r.put("joins measured", n[0])
                .put("replayed messages per join (min)", n[0] == 0 ? 0 : n[1])
                .put("replayed messages per join (max)", n[2])
                .put("JOIN to 366 p50 (ms)", ms(names.getValueAtPercentile(50)))
                .put("JOIN to 366 p99 (ms)", ms(names.getValueAtPercentile(99)))
                .put("JOIN to end of join p50 (ms)", ms(end.getValueAtPercentile(50)))
                .put("JOIN to end of join p90 (ms)", ms(end.getValueAtPercentile(90)))
                .put("JOIN to end of join p99 (ms)", ms(end.getValueAtPercentile(99)))
                .put("JOIN to end of join max (ms)", ms(end.getMaxValue()))
                .put("JOIN to end of join mean (ms)", end.getMean() / 1e6)
                .put("joins/s", n[3] <= 0 ? 0.0 : n[0] / (n[3] / 1e9));
        if (failure == null && n[0] < s.clients())
            failure = "only " + n[0] + " of the " + s.clients() + " joins finished within " + joinTimeout() + " s";
        if (failure != null) r.put("error", failure);
        return failure == null;
    }

    private int joinTimeout() {
        return 30 + s.clients() / 10;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Joins the clients, joinWindow at a time, and times each; all on the generator's thread. */
    private final class Joins {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final Histogram toNames = BenchClient.newHistogram();
        final Histogram toEnd = BenchClient.newHistogram();
        private final List<HistoryClient> joiners;
        private int next;
        private int settled;
        int measured;
        long minReplayed = Long.MAX_VALUE;
        long maxReplayed;
        long firstNanos;
        long lastNanos;
        String failure;

        Joins(List<HistoryClient> joiners) {
            this.joiners = joiners;
            for (int i = 0; i < Math.min(s.joinWindow(), joiners.size()); i++) joinNext();
            if (joiners.isEmpty()) done.complete(null);
        }

        private void joinNext() {
            if (next >= joiners.size()) return;
            HistoryClient c = joiners.get(next++);
            One one = new One(c, System.nanoTime());
            if (firstNanos == 0) firstNanos = one.sentNanos;
            c.listener = one;
            c.send("JOIN " + s.channel());
            c.send("PING :" + one.token);
        }

        private void settle(HistoryClient c) {
            c.listener = HistoryClients.Ignore.INSTANCE;
            if (++settled == joiners.size()) done.complete(null);
            else joinNext();
        }

        private void fail(HistoryClient c, String why) {
            if (failure == null) failure = c.nick + ": " + why;
            settle(c);
        }

        /** One client's join: JOIN ... 366 [history] PONG. */
        private final class One implements HistoryClient.Listener {
            final long sentNanos;
            final String token;
            private final long unbatchedBefore;
            private long namesNanos;
            private long endNanos;
            private String batch;
            private long replayed;

            One(HistoryClient c, long sentNanos) {
                this.sentNanos = sentNanos;
                this.token = "bench-join-" + c.index;
                this.unbatchedBefore = c.unbatchedPrivmsgs;
            }

            @Override
            public void line(HistoryClient c, Message m, long nanos) {
                String cmd = m.command();
                if (cmd.equals("366")) {
                    namesNanos = nanos;
                    endNanos = Math.max(endNanos, nanos);
                } else if (cmd.equals("BATCH") && !m.params().isEmpty()) {
                    String ref = m.param(0);
                    if (ref.startsWith("+")
                            && m.params().size() >= 2
                            && m.param(1).equals("chathistory")) batch = ref.substring(1);
                    else if (batch != null && ref.equals("-" + batch)) endNanos = Math.max(endNanos, nanos);
                } else if ((cmd.equals("PRIVMSG") || cmd.equals("NOTICE"))
                        && batch != null
                        && batch.equals(m.tags().get("batch"))) {
                    replayed++;
                } else if (cmd.equals("NOTICE")
                        && m.params().size() >= 2
                        && m.param(1).equals("--- end of earlier messages ---")) {
                    endNanos = Math.max(endNanos, nanos);
                } else if (cmd.equals("PONG")
                        && !m.params().isEmpty()
                        && m.param(m.params().size() - 1).equals(token)) {
                    finished(c);
                } else if (cmd.matches("40[35]|47[1-7]|489")) {
                    fail(c, "cannot join: " + m);
                }
            }

            private void finished(HistoryClient c) {
                if (namesNanos == 0) {
                    fail(c, "no 366 for its JOIN (was it in " + s.channel() + " already?)");
                    return;
                }
                long shown = replayed + c.unbatchedPrivmsgs - unbatchedBefore;
                toNames.recordValue(Math.min(namesNanos - sentNanos, toNames.getHighestTrackableValue()));
                toEnd.recordValue(Math.min(endNanos - sentNanos, toEnd.getHighestTrackableValue()));
                minReplayed = Math.min(minReplayed, shown);
                maxReplayed = Math.max(maxReplayed, shown);
                lastNanos = Math.max(lastNanos, endNanos);
                measured++;
                settle(c);
            }

            @Override
            public void closed(HistoryClient c) {
                fail(c, "closed by the server while joining");
            }
        }
    }
}
