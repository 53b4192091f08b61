package dev.chatroom.bench;

import java.time.Duration;
import java.util.List;

/**
 * One row of the soak's table: the time into the run, each watched server's resident memory and
 * heap after a full collection (KiB; -1 when it could not be read), and the run's counts so far.
 */
record SoakSample(Duration at, List<Server> servers, SoakLedger.Counts counts) {
    /** One server process at that moment. */
    record Server(long pid, long rssKib, long heapAfterGcKib, String problem) {
        static Server unreadable(long pid, String problem) {
            return new Server(pid, -1, -1, problem);
        }
    }

    /** The table's header, for these servers' PIDs. */
    static String header(List<Long> pids) {
        StringBuilder sb = new StringBuilder(String.format("  %8s", "time"));
        for (long pid : pids) {
            String id = pids.size() > 1 ? " " + pid : "";
            sb.append(String.format("  %14s  %15s", "RSS MiB" + id, "heap MiB" + id));
        }
        return sb.append(String.format(
                        "  %11s  %9s  %9s  %9s  %6s", "connections", "sent", "confirmed", "received", "errors"))
                .toString();
    }

    String row() {
        StringBuilder sb = new StringBuilder(String.format("  %8s", clock(at)));
        for (Server v : servers) sb.append(String.format("  %14s  %15s", mib(v.rssKib()), mib(v.heapAfterGcKib())));
        return sb.append(String.format(
                        "  %11d  %9d  %9d  %9d  %6d",
                        counts.connections(), counts.sent(), counts.confirmed(), counts.received(), counts.errors()))
                .toString();
    }

    /** Minutes and seconds: 10:02. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format("%d:%02d", s / 60, s % 60);
    }

    static String mib(long kib) {
        return kib < 0 ? "?" : String.format("%.1f", kib / 1024.0);
    }
}
