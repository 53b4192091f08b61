package dev.chatroom.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatroom.config.HostPort;
import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar as an admin runs it under a supervisor: JSON lines on stdout and in the log file, metrics over HTTP. */
class MonitoringIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonLogsOnTheConsoleAndInTheFileAndMetricsHealthAndReadinessOverHttp(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--tls-port",
                "off",
                "--ssh-port",
                "off",
                "--approve",
                "ask",
                "--metrics",
                "127.0.0.1:0",
                "--log-format",
                "json",
                "--log-file",
                log.toString(),
                "--data-dir",
                dir.resolve("data").toString())) {
            int port = server.awaitListening();
            HostPort at = HostPort.parse(server.expect("\"event\":\"metrics\",\"listen\":\"([^\"]+)\"")
                    .group(1));
            assertThat(Scrape.get(at, "/readyz")).isEqualTo(new Scrape(200, "ready\n"));
            assertThat(Scrape.get(at, "/healthz")).isEqualTo(new Scrape(200, "ok\n"));
            try (IrcTestClient alice = new IrcTestClient(port)) {
                alice.sendRegistration("alice");
                server.expect("\"event\":\"join_request\",\"nick\":\"alice\"");
                server.type("y");
                alice.expect(" 366 alice ");
                server.type("/pending");
                server.expect("\"event\":\"console\""); // a console command's answer, a JSON line like the rest
                alice.send("PRIVMSG #chatroom :private thoughts");
                alice.send("QUIT");
                server.expect("\"event\":\"left\"");
            }
            Scrape m = Await.until(
                    "the quit counted",
                    Duration.ofSeconds(10),
                    () -> Scrape.metrics(at),
                    s -> s.value("chatroom_disconnects_total{reason=\"quit\"}") == 1);
            assertThat(m.value("chatroom_messages_total")).isEqualTo(1);
            assertThat(m.value("chatroom_users")).isZero();
            // SIGTERM as a service manager sends it (Process.destroy would also close our end of its output)
            new ProcessBuilder("kill", "-TERM", Long.toString(server.pid()))
                    .start()
                    .waitFor();
            assertThat(server.waitForExit()).isZero();
            List<String> printed = server.printed();
            assertThat(printed).allSatisfy(MonitoringIT::isEvent);
            assertThat(printed.get(printed.size() - 1)).contains("\"event\":\"stopped\"");
        }
        List<String> logged = Files.readAllLines(log);
        assertThat(logged).allSatisfy(MonitoringIT::isEvent);
        assertThat(logged.stream().map(l -> event(l).get("event").asText()))
                .contains("listening", "metrics", "join_request", "console", "arrived", "left", "stopped");
        assertThat(logged).noneMatch(l -> l.contains("private thoughts"));
    }

    private static void isEvent(String line) {
        JsonNode n = event(line);
        assertThat(List.of("time", "level", "event", "msg")).as(line).allMatch(n::has);
    }

    private static JsonNode event(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
