package dev.chatroom.bench;

import dev.chatroom.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The connection benchmark: register and join N clients, hold them, report rate, memory and CPU. */
public final class Connect {
    public record Settings(
            Hosts hosts,
            int clients,
            int window,
            String channel,
            String nickPrefix,
            String password,
            int holdSeconds,
            Long serverPid) {}

    private final Settings s;
    private final PrintWriter out;
    private final PrintWriter err;

    public Connect(Settings settings, PrintWriter out, PrintWriter err) {
        this.s = settings;
        this.out = out;
        this.err = err;
    }

    public int run(Path json) throws Exception {
        ProcessProbe probe = s.serverPid() == null ? null : new ProcessProbe(s.serverPid());
        long rssBefore = probe == null ? 0 : probe.rssKib();
        long cpuBefore = probe == null ? 0 : probe.cpuMillis();
        try (LoadGenerator g = new LoadGenerator(s.hosts(), s.channel(), s.nickPrefix(), s.password(), 0)) {
            double seconds = g.joinAll(s.clients(), s.window(), err);
            int joined = g.onLoop(() -> g.joinedCount);
            long cpuJoin = probe == null ? 0 : probe.cpuMillis();
            for (int i = 0; i < s.holdSeconds(); i++) {
                Thread.sleep(1000); // holding the connections open is the point of this phase
                err.printf("  holding %d connections, %d s%n", joined, i + 1);
                err.flush();
            }
            int closed = g.onLoop(() -> g.closedCount);
            Report r = new Report("connect: " + s.clients() + " clients, " + s.window() + " registrations in flight")
                    .put("clients", s.clients());
            if (s.hosts().size() > 1) r.put("hosts", s.hosts().toString());
            r.put("joined", joined)
                    .put("failed", g.onLoop(() -> g.failedCount))
                    .put("closed by the server while held", closed)
                    .put("time to register and join (s)", seconds)
                    .put("registrations/s", joined / seconds);
            if (g.firstFailure != null) r.put("first failure", g.firstFailure);
            if (probe != null) {
                long rssAfter = probe.rssKib();
                r.put("server RSS before (MiB)", rssBefore / 1024.0)
                        .put("server RSS after (MiB)", rssAfter / 1024.0)
                        .put(
                                "server RSS per connection (KiB)",
                                joined == 0 ? 0.0 : (rssAfter - rssBefore) / (double) joined)
                        .put("server CPU while joining (s)", (cpuJoin - cpuBefore) / 1000.0)
                        .put("server CPU in all (s)", (probe.cpuMillis() - cpuBefore) / 1000.0);
            }
            r.print(out);
            if (json != null) r.writeJson(json);
            return joined == s.clients() && closed == 0 ? 0 : 1;
        }
    }
}
