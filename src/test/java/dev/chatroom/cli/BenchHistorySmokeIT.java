package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.JarProcess;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history benchmarks through the real jar, against a real server with a real chatroom.db: correctness, not timing. */
class BenchHistorySmokeIT {
    private static JarProcess server(String... extra) throws Exception {
        String[] base = {
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
            "1000"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return new JarProcess(args);
    }

    @Test
    void storeCountsEveryMessageSentInTheHistory() throws Exception {
        try (JarProcess server = server()) {
            int port = server.awaitListening();
            try (JarProcess bench = new JarProcess(
                    "bench",
                    "store",
                    "--port",
                    Integer.toString(port),
                    "--senders",
                    "10",
                    "--rooms",
                    "5",
                    "--rate",
                    "20",
                    "--duration",
                    "2")) {
                long sent =
                        Long.parseLong(bench.expect("^  messages sent +(\\d+)$").group(1));
                assertThat(sent).isGreaterThan(300); // about 10 senders x 20/s x 2 s
                assertThat(Long.parseLong(bench.expect("^  stored +(\\d+)$").group(1)))
                        .isEqualTo(sent);
                bench.expect("^  missing +0$");
                bench.expect("^  duplicates +0$");
                bench.expect("^  time until everything was stored \\(s\\) +[0-9.]+$");
                bench.expect("^  stored msgs/s +[0-9.]+$");
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }

    @Test
    void joinMeasuresEveryJoinWithTheReplayedHistory() throws Exception {
        try (JarProcess server = server("--history-replay", "50")) {
            int port = server.awaitListening();
            try (JarProcess bench = new JarProcess(
                    "bench", "join", "--port", Integer.toString(port), "--clients", "20", "--history", "60")) {
                bench.expect("^  joins measured +20$");
                bench.expect("^  replayed messages per join \\(min\\) +50$");
                bench.expect("^  replayed messages per join \\(max\\) +50$");
                bench.expect("^  JOIN to end of join p99 \\(ms\\) +[0-9.]+$");
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }

    @Test
    void joinWithoutReplayAndWithoutBatchStillMeasuresEveryJoin() throws Exception {
        try (JarProcess server = server("--history-replay", "0")) {
            int port = server.awaitListening();
            try (JarProcess bench =
                    new JarProcess("bench", "join", "--port", Integer.toString(port), "--clients", "10", "--plain")) {
                bench.expect("^  joins measured +10$");
                bench.expect("^  replayed messages per join \\(max\\) +0$");
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }

    @Test
    void plainClientsAreShownTheHistoryBetweenNotices() throws Exception {
        try (JarProcess server = server("--history-replay", "5")) {
            int port = server.awaitListening();
            try (JarProcess bench =
                    new JarProcess("bench", "join", "--port", Integer.toString(port), "--clients", "5", "--plain")) {
                bench.expect("^  joins measured +5$");
                bench.expect("^  replayed messages per join \\(min\\) +5$");
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }

    @Test
    void aServerThatStoresNothingFailsBothBenchmarks() throws Exception {
        // with history off the server does not offer draft/chathistory at all: both say so and fail
        try (JarProcess server = server("--history-days", "0")) {
            int port = server.awaitListening();
            for (String mode : new String[] {"store", "join"}) {
                List<String> args = new ArrayList<>(List.of("bench", mode, "--port", Integer.toString(port)));
                args.addAll(
                        mode.equals("store")
                                ? List.of(
                                        "--senders",
                                        "2",
                                        "--rooms",
                                        "1",
                                        "--rate",
                                        "5",
                                        "--duration",
                                        "1",
                                        "--wait",
                                        "2")
                                : List.of("--clients", "2"));
                try (JarProcess bench = new JarProcess(args.toArray(new String[0]))) {
                    bench.expect("^chatroom: the server at 127\\.0\\.0\\.1:" + port
                            + " does not offer draft/chathistory \\(CHATHISTORY\\), which this benchmark needs$");
                    assertThat(bench.waitForExit()).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void noServerIsAClearFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        for (String mode : new String[] {"store", "join"}) {
            try (JarProcess bench = new JarProcess("bench", mode, "--port", Integer.toString(port))) {
                bench.expect("^chatroom: cannot register at 127\\.0\\.0\\.1:" + port + ": .*refused");
                assertThat(bench.waitForExit()).isEqualTo(1);
            }
        }
    }
}
