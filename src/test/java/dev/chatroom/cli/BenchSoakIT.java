package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.JarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@code bench soak}, shortened, through the real jar against a real server: the command keeps working. */
class BenchSoakIT {
    private static JarProcess server(String maxPerIp) throws Exception {
        return new JarProcess(
                "server", "--host", "127.0.0.1", "--port", "0", "--approve", "all", "--max-per-ip", maxPerIp);
    }

    @Test
    @EnabledOnOs(OS.LINUX) // RSS comes from /proc
    void twentySecondsOfChurnLoseNothingAndSampleTheServersMemory() throws Exception {
        try (JarProcess server = server("1000")) {
            int port = server.awaitListening();
            try (JarProcess soak = new JarProcess(
                    "bench",
                    "soak",
                    "--port",
                    Integer.toString(port),
                    "--duration",
                    "20s",
                    "--sample-every",
                    "10s",
                    "--baseline",
                    "10s",
                    "--session-length",
                    "4s",
                    "--clients",
                    "12",
                    "--rate",
                    "2",
                    "--server-pid",
                    Long.toString(server.pid()),
                    // a server 20 s old still warms up; the threshold itself is SoakVerdictTest's
                    "--max-heap-growth",
                    "1000")) {
                soak.expect("^soak: 12 clients \\(2 observers, 3 with accounts\\) in 4 rooms");
                soak.expect("^ +0:0\\d +[0-9.]+ +[0-9.]+ +\\d+"); // time, RSS, heap after GC, connections...
                soak.expect("^ +0:[12]\\d "); // three readings of the heap take a few seconds
                soak.expect("^ +0:2\\d ");
                assertThat(Long.parseLong(soak.expect("^  connections +(\\d+)$").group(1)))
                        .isGreaterThan(20); // 10 users, sessions of 2 to 6 s: each came back
                soak.expect("^  accounts registered +3$");
                soak.expect("^  logins \\(SASL\\) +[1-9]\\d*$");
                long confirmed = Long.parseLong(soak.expect("^  messages confirmed \\(echoed\\) +(\\d+)$")
                        .group(1));
                assertThat(confirmed).isGreaterThan(100);
                soak.expect("^  lost +0$");
                soak.expect("^  duplicated +0$");
                soak.expect("^  errors +0$");
                soak.expect("^  server \\d+ heap after GC at the end \\(MiB\\) +[0-9.]+$");
                soak.expect("^  verdict +pass$");
                assertThat(soak.waitForExit()).isZero();
            }
        }
    }

    @Test
    void connectionsTheServerRefusesAreErrorsAndFailTheRun() throws Exception {
        try (JarProcess server = server("4")) {
            int port = server.awaitListening();
            try (JarProcess soak = new JarProcess(
                    "bench",
                    "soak",
                    "--port",
                    Integer.toString(port),
                    "--duration",
                    "3s",
                    "--sample-every",
                    "3s",
                    "--baseline",
                    "1s",
                    "--clients",
                    "8",
                    "--observers",
                    "1",
                    "--accounts",
                    "0")) {
                assertThat(Long.parseLong(soak.expect("^  errors +(\\d+)$").group(1)))
                        .isPositive();
                soak.expect("^  verdict +FAIL: \\d+ errors$");
                soak.expect("^  soak\\d+-\\d+: ERROR :Closing link: .*");
                assertThat(soak.waitForExit()).isEqualTo(1);
            }
        }
    }
}
