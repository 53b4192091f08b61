package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A small fan-out through the real jar: correctness of server and generator, not timing. */
class BenchSmokeIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void fiftyClientsAllJoinAndNothingIsLost() throws Exception {
        try (JarProcess server = new JarProcess(
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
                "1000")) {
            int port = server.awaitListening();
            try (JarProcess bench = new JarProcess(
                    "bench",
                    "fanout",
                    "--port",
                    Integer.toString(port),
                    "--clients",
                    "50",
                    "--senders",
                    "5",
                    "--rate",
                    "10",
                    "--duration",
                    "3")) {
                bench.expect("^  joined +50$");
                long expected = Long.parseLong(
                        bench.expect("^  expected deliveries +(\\d+)$").group(1));
                assertThat(expected).isGreaterThan(100 * 49); // about 5 senders x 10/s x 3 s, to 49 others each
                assertThat(Long.parseLong(bench.expect("^  received +(\\d+)$").group(1)))
                        .isEqualTo(expected);
                bench.expect("^  lost +0$");
                bench.expect("^  duplicates +0$");
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // the server's CPU and memory come from /proc
    void afterCheckFindsTheServerAliveAndANewcomerWelcomed() throws Exception {
        try (JarProcess server = new JarProcess(
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
                "1000")) {
            int port = server.awaitListening();
            try (JarProcess bench = new JarProcess(
                    "bench",
                    "fanout",
                    "--port",
                    Integer.toString(port),
                    "--clients",
                    "20",
                    "--senders",
                    "5",
                    "--rate",
                    "10",
                    "--duration",
                    "2",
                    "--server-pid",
                    Long.toString(childRunning("server")),
                    "--after-check")) {
                bench.expect("^  lost +0$");
                bench.expect("^  server CPU per million deliveries \\(s\\) +[0-9.]+$");
                bench.expect("^  server peak RSS \\(MiB\\) +[0-9.]+$");
                bench.expect("^  server alive after the run +yes$");
                bench.expect("^  fresh registration to 001 \\(ms\\) +[0-9.]+$");
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // the connections come from 127.1.x.y and 127.2.x.y, which Linux answers on
    void withTwoDevicesEachAccountIsOneMemberAndEveryConnectionReceives() throws Exception {
        try (JarProcess server = new JarProcess(
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
                "1000")) {
            int port = server.awaitListening();
            try (JarProcess bench = new JarProcess(
                    "bench",
                    "fanout",
                    "--port",
                    Integer.toString(port),
                    "--clients",
                    "20",
                    "--senders",
                    "4",
                    "--rate",
                    "10",
                    "--duration",
                    "2",
                    "--devices",
                    "2")) {
                bench.expect("^  accounts +10$");
                bench.expect("^  accounts created +10$");
                bench.expect("^  joined +20$");
                bench.expect("^  room members \\(NAMES\\) +10$");
                long sent =
                        Long.parseLong(bench.expect("^  messages sent +(\\d+)$").group(1));
                assertThat(sent).isGreaterThan(50); // about 4 senders x 10/s x 2 s
                // every message reached each of the 19 other connections, the sender's other device too
                assertThat(Long.parseLong(bench.expect("^  received +(\\d+)$").group(1)))
                        .isEqualTo(sent * 19);
                bench.expect("^  lost +0$");
                bench.expect("^  duplicates +0$");
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // the connections come from 127.1.x.y and 127.2.x.y, which Linux answers on
    void withAccountsEveryClientLogsInAsAMemberOfItsOwn() throws Exception {
        try (JarProcess server = new JarProcess(
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
                "1000")) {
            int port = server.awaitListening();
            try (JarProcess bench = new JarProcess(
                    "bench",
                    "fanout",
                    "--port",
                    Integer.toString(port),
                    "--clients",
                    "10",
                    "--senders",
                    "2",
                    "--rate",
                    "10",
                    "--duration",
                    "1",
                    "--accounts")) {
                bench.expect("^  devices per account +1$");
                bench.expect("^  accounts created +10$");
                bench.expect("^  joined +10$");
                bench.expect("^  room members \\(NAMES\\) +10$");
                long sent =
                        Long.parseLong(bench.expect("^  messages sent +(\\d+)$").group(1));
                assertThat(Long.parseLong(bench.expect("^  received +(\\d+)$").group(1)))
                        .isEqualTo(sent * 9);
                bench.expect("^  lost +0$");
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }

    @Test
    void halfTheClientsOnWebSocketReceiveEverythingTheOthersDo() throws Exception {
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--web-port",
                "0",
                "--metrics",
                "127.0.0.1:0",
                "--approve",
                "all",
                "--flood-rate",
                "0",
                "--max-per-ip",
                "1000")) {
            int port = server.awaitListening();
            int web = Integer.parseInt(server.expect("WebSocket and web page on ws://127\\.0\\.0\\.1:(\\d+)/")
                    .group(1));
            URI metrics =
                    URI.create(server.expect("Metrics on (http://\\S+/metrics)").group(1));
            try (JarProcess bench = new JarProcess(
                    "bench",
                    "fanout",
                    "--port",
                    Integer.toString(port),
                    "--websocket",
                    Integer.toString(web),
                    "--clients",
                    "20",
                    "--senders",
                    "4",
                    "--rate",
                    "10",
                    "--duration",
                    "2")) {
                // the server's own count: half of them did come over WebSocket
                Await.until("10 WebSocket and 10 TCP connections", Duration.ofSeconds(60), () -> {
                    String body = HTTP.send(HttpRequest.newBuilder(metrics).build(), BodyHandlers.ofString())
                            .body();
                    return body.contains("chatroom_connections{transport=\"websocket\"} 10.0")
                            && body.contains("chatroom_connections{transport=\"plain\"} 10.0");
                });
                bench.expect("^  clients on WebSocket +10$");
                bench.expect("^  joined +20$");
                long sent =
                        Long.parseLong(bench.expect("^  messages sent +(\\d+)$").group(1));
                assertThat(sent).isGreaterThan(50); // about 4 senders (2 on WebSocket) x 10/s x 2 s
                // each message reached the 19 others, whichever way either of them is connected
                assertThat(Long.parseLong(bench.expect("^  received +(\\d+)$").group(1)))
                        .isEqualTo(sent * 19);
                bench.expect("^  lost +0$");
                bench.expect("^  duplicates +0$");
                bench.expect("^  latency to WebSocket clients p50 \\(ms\\) +[0-9.]+$");
                bench.expect("^  latency to TCP clients p50 \\(ms\\) +[0-9.]+$");
                // echo-message for the senders on WebSocket too: all of their messages came back
                assertThat(Long.parseLong(bench.expect("^  echoes +(\\d+)$").group(1)))
                        .isEqualTo(sent);
                assertThat(bench.waitForExit()).isZero();
            }
        }
    }

    /** The PID of this JVM's child process whose arguments include {@code word}: the server started above. */
    private static long childRunning(String word) {
        return ProcessHandle.current()
                .children()
                .filter(p ->
                        p.info().arguments().map(a -> List.of(a).contains(word)).orElse(false))
                .findFirst()
                .orElseThrow()
                .pid();
    }
}
