package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class NodeSplitTest {
    @Test
    void expectedDeliveriesFollowWhereEachSenderIs() {
        // 5 clients over 2 nodes: 0, 2, 4 on node 0; 1, 3 on node 1
        Hosts two = Hosts.parse("127.0.0.1:1,127.0.0.1:2");
        long[] due = NodeSplit.expected(two, 5, new long[] {10, 7});
        // sender 0 (node 0): 2 others on its node, 2 on the other; sender 1 (node 1): 1 and 3
        assertThat(due).containsExactly(10 * 2 + 7 * 1, 10 * 2 + 7 * 3);
        assertThat(due[0] + due[1]).isEqualTo((10 + 7) * (5 - 1));
    }

    @Test
    void withOneHostEverythingIsSameNode() {
        long[] due = NodeSplit.expected(Hosts.single("127.0.0.1", 1), 4, new long[] {3, 3});
        assertThat(due).containsExactly(6 * 3, 0);
    }

    @Test
    void reportsBothClassesWithTheirLossesAndLatency() throws Exception {
        Histogram same = BenchClient.newHistogram();
        same.recordValue(1_000_000);
        same.recordValue(3_000_000);
        Histogram cross = BenchClient.newHistogram();
        cross.recordValue(20_000_000);
        Report r = new Report("t");
        NodeSplit.put(r, new NodeSplit.Counts(2, 2, 0, same), new NodeSplit.Counts(5, 1, 1, cross), 2);
        StringWriter text = new StringWriter();
        r.print(new PrintWriter(text));
        assertThat(text.toString())
                .containsPattern("(?m)^  same node expected deliveries +2$")
                .containsPattern("(?m)^  same node lost +0$")
                .containsPattern("(?m)^  same node latency p50 \\(ms\\) +1\\.00$")
                .containsPattern("(?m)^  same node latency max \\(ms\\) +3\\.00$")
                .containsPattern("(?m)^  cross node received +1$")
                .containsPattern("(?m)^  cross node lost +4$")
                .containsPattern("(?m)^  cross node duplicates +1$")
                .containsPattern("(?m)^  cross node deliveries/s +0\\.50$")
                .containsPattern("(?m)^  cross node latency p99 \\(ms\\) +20\\.0[0-9]$");
        assertThat(Report.jsonKey("cross node latency p99 (ms)")).isEqualTo("cross_node_latency_p99_ms");
    }

    @Test
    void aClassWithoutDeliveriesHasNoLatencyRatherThanZero() {
        Report r = new Report("t");
        NodeSplit.put(
                r,
                new NodeSplit.Counts(0, 0, 0, BenchClient.newHistogram()),
                new NodeSplit.Counts(3, 0, 0, BenchClient.newHistogram()),
                1);
        StringWriter text = new StringWriter();
        r.print(new PrintWriter(text));
        assertThat(text.toString())
                .containsPattern("(?m)^  cross node latency p50 \\(ms\\) +n/a$")
                .containsPattern("(?m)^  cross node lost +3$");
    }
}
