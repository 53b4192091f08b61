package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.JarProcess;
import org.junit.jupiter.api.Test;

/** {@code bench --hosts} through the real jar against real servers: the same/cross-node split, not timing. */
class BenchHostsIT {
    private static JarProcess server() throws Exception {
        return new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--approve",
                "all",
                "--flood-rate",
                "0",
                "--max-per-ip",
                "1000");
    }

    private static long number(JarProcess p, String label) throws InterruptedException {
        return Long.parseLong(p.expect("^  " + label + " +(\\d+)$").group(1));
    }

    /** One server named twice is two "nodes" that share every room: both classes arrive in full. */
    @Test
    void oneServerTwiceDeliversBothClassesAndLosesNothing() throws Exception {
        try (JarProcess server = server()) {
            int port = server.awaitListening();
            String twice = "127.0.0.1:" + port + ",127.0.0.1:" + port;
            try (JarProcess bench = new JarProcess(
                    "bench",
                    "fanout",
                    "--hosts",
                    twice,
                    "--clients",
                    "20",
                    "--senders",
                    "4",
                    "--rate",
                    "10",
                    "--duration",
                    "2",
                    "--after-check")) {
                bench.expect("^  joined +20$");
                bench.expect("^  hosts +" + twice.replace(".", "\\.") + "$");
                long expected = number(bench, "expected deliveries");
                assertThat(number(bench, "received")).isEqualTo(expected);
                bench.expect("^  lost +0$");
                // 10 clients per node: each message reaches 9 on its sender's node and 10 on the other
                long sameDue = number(bench, "same node expected deliveries");
                assertThat(sameDue).isPositive();
                assertThat(number(bench, "same node received")).isEqualTo(sameDue);
                bench.expect("^  same node lost +0$");
                bench.expect("^  same node duplicates +0$");
                bench.expect("^  same node latency p99 \\(ms\\) +[0-9.]+$");
                long crossDue = number(bench, "cross node expected deliveries");
                assertThat(crossDue * 9).isEqualTo(sameDue * 10);
                assertThat(sameDue + crossDue).isEqualTo(expected);
                assertThat(number(bench, "cross node received")).isEqualTo(crossDue);
                bench.expect("^  cross node lost +0$");
                bench.expect("^  cross node duplicates +0$");
                bench.expect("^  cross node latency max \\(ms\\) +[0-9.]+$");
                bench.expect("^  fresh registration to 001 on host 1 \\(ms\\) +[0-9.]+$");
                bench.expect("^  fresh registration to 001 on host 2 \\(ms\\) +[0-9.]+$");
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }

    /** Two standalone servers share no room: what crosses between them is lost, and the split says so. */
    @Test
    void twoUnlinkedServersLoseExactlyTheCrossNodeDeliveries() throws Exception {
        try (JarProcess a = server();
                JarProcess b = server()) {
            String hosts = "127.0.0.1:" + a.awaitListening() + ",127.0.0.1:" + b.awaitListening();
            try (JarProcess bench = new JarProcess(
                    "bench",
                    "fanout",
                    "--hosts",
                    hosts,
                    "--clients",
                    "10",
                    "--senders",
                    "2",
                    "--rate",
                    "10",
                    "--duration",
                    "1")) {
                bench.expect("^  joined +10$");
                long same = number(bench, "same node expected deliveries");
                assertThat(number(bench, "same node received")).isEqualTo(same).isPositive();
                bench.expect("^  same node lost +0$");
                long cross = number(bench, "cross node expected deliveries");
                assertThat(number(bench, "cross node received")).isZero();
                assertThat(number(bench, "cross node lost")).isEqualTo(cross).isPositive();
                bench.expect("^  cross node latency p50 \\(ms\\) +n/a$");
                assertThat(bench.waitForExit()).isEqualTo(1);
            }
        }
    }

    /** The history benchmarks spread their clients too. */
    @Test
    void joinRunsOverTwoHostEntries() throws Exception {
        try (JarProcess server = server()) {
            int port = server.awaitListening();
            try (JarProcess bench = new JarProcess(
                    "bench",
                    "join",
                    "--hosts",
                    "127.0.0.1:" + port + ",127.0.0.1:" + port,
                    "--clients",
                    "6",
                    "--history",
                    "10")) {
                bench.expect("^  hosts +127\\.0\\.0\\.1:" + port + ",127\\.0\\.0\\.1:" + port + "$");
                bench.expect("^  joins measured +6$");
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }
}
