package dev.chatroom.bench;

import org.HdrHistogram.Histogram;

/**
 * A fan-out run's deliveries split by whether sender and receiver were on the same host entry
 * ("same node") or not ("cross node"). In a cluster the cross-node ones went through the shared
 * bus, so their latency and losses are what the cluster adds; the two are only worth printing
 * when there is more than one host.
 */
final class NodeSplit {
    /** What one class saw: how many deliveries were due and arrived, repeats, and their latency. */
    record Counts(long expected, long received, long duplicates, Histogram latency) {
        long lost() {
            return Math.max(0, expected - received);
        }
    }

    private NodeSplit() {}

    /**
     * Deliveries due per class, {same, cross}: each of sender i's messages goes to everyone but the
     * sender, and sender i is client i, so it is on the node of client i.
     */
    static long[] expected(Hosts hosts, int clients, long[] sentPerSender) {
        long same = 0;
        long cross = 0;
        for (int i = 0; i < sentPerSender.length; i++) {
            long onNode = hosts.clientsOn(hosts.nodeOf(i), clients);
            same += sentPerSender[i] * (onNode - 1);
            cross += sentPerSender[i] * (clients - onNode);
        }
        return new long[] {same, cross};
    }

    static void put(Report r, Counts same, Counts cross, double seconds) {
        put(r, "same node", same, seconds);
        put(r, "cross node", cross, seconds);
    }

    private static void put(Report r, String label, Counts c, double seconds) {
        Histogram h = c.latency();
        boolean none = h.getTotalCount() == 0;
        r.put(label + " expected deliveries", c.expected())
                .put(label + " received", c.received())
                .put(label + " lost", c.lost())
                .put(label + " duplicates", c.duplicates())
                .put(label + " deliveries/s", c.received() / seconds)
                // an empty histogram says 0 ms, which would read as instant delivery
                .put(label + " latency p50 (ms)", none ? "n/a" : (Object) ms(h.getValueAtPercentile(50)))
                .put(label + " latency p99 (ms)", none ? "n/a" : (Object) ms(h.getValueAtPercentile(99)))
                .put(label + " latency max (ms)", none ? "n/a" : (Object) ms(h.getMaxValue()));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
