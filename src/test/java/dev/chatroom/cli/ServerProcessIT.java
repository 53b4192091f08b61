package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar as a separate process, its admin console driven through stdin. */
class ServerProcessIT {
    @Test
    void adminAnswersYOnStdinAndTheClientGetsWelcomed() throws Exception {
        try (JarProcess server = new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--approve", "ask")) {
            int port = server.awaitListening();
            try (IrcTestClient alice = new IrcTestClient(port)) {
                alice.sendRegistration("alice");
                assertThat(alice.next()).isEqualTo(":chatroom NOTICE alice :Waiting for the admin to accept you...");
                server.expect("^alice \\(no account, 127\\.0\\.0\\.1\\) wants to join\\. Accept\\? \\[y/n/a\\]$");
                server.type("y");
                assertThat(alice.next()).startsWith(":chatroom 001 alice :Welcome");
                server.expect("^\\* alice entered the chatroom\\.$");
                alice.send("QUIT");
                server.expect("^\\* alice left the chat\\.$");
            }
        }
    }

    @Test
    void aScriptedYesAnswersTheFirstRequestThatArrives() throws Exception {
        try (JarProcess server = new JarProcess("server", "--host", "127.0.0.1", "--port", "0")) {
            server.type("y");
            server.closeInput(); // like printf 'y\n' | chatroom server: input ends, the server keeps running
            int port = server.awaitListening();
            try (IrcTestClient bob = new IrcTestClient(port)) {
                bob.sendRegistration("bob");
                bob.expect(" 001 bob ");
                try (IrcTestClient carol = new IrcTestClient(port)) {
                    carol.sendRegistration("carol");
                    assertThat(carol.next()).contains("Waiting for the admin");
                    assertThat(carol.sync()).isEmpty(); // the single y was used up
                }
            }
        }
    }

    @Test
    void sigtermTellsEveryClientAndExitsZero() throws Exception {
        JarProcess server = new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--approve", "all");
        try (server) {
            int port = server.awaitListening();
            try (IrcTestClient alice = new IrcTestClient(port);
                    IrcTestClient bob = new IrcTestClient(port)) {
                alice.register("alice");
                bob.register("bob");
                server.terminate();
                assertThat(alice.awaitClosed()).last().isEqualTo("ERROR :Server shutting down");
                assertThat(bob.awaitClosed()).last().isEqualTo("ERROR :Server shutting down");
                assertThat(server.waitForExit()).isZero();
            }
        }
    }

    @Test
    void logFileGetsTimestampedEventsButNoMessageText(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("server.log");
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--approve",
                "all",
                "--log-file",
                log.toString(),
                "--data-dir",
                dir.resolve("data").toString())) {
            int port = server.awaitListening();
            try (IrcTestClient alice = new IrcTestClient(port)) {
                alice.register("alice");
                alice.send("PRIVMSG #chatroom :private thoughts");
                alice.send("QUIT");
                server.expect("^\\* alice left the chat\\.$");
            }
        }
        String text = Files.readString(log);
        assertThat(text)
                .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\dT[^ ]+Z chatroom .* listening on 127\\.0\\.0\\.1:")
                .containsPattern("(?m)^[^ ]+Z \\* alice entered the chatroom\\.$")
                .containsPattern("(?m)^[^ ]+Z \\* alice left the chat\\.$")
                .doesNotContain("private thoughts");
    }

    @Test
    void theOpenFileLimitIsRespectedAndReachingItRefusesCleanly(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/prlimit").canExecute(), "SKIPPED: prlimit is not installed");
        try (JarProcess server = new JarProcess(
                List.of("/usr/bin/prlimit", "--nofile=300"),
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--approve",
                "all",
                "--max-per-ip",
                "1000",
                "--data-dir",
                dir.toString())) {
            int port = server.awaitListening();
            var warning = server.expect(
                    "^max-clients 10000 is more than this process may open \\(open-file limit 300\\): accepting at most (\\d+) connections");
            int capacity = Integer.parseInt(warning.group(1));
            assertThat(capacity).isBetween(100, 250);
            List<IrcTestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < capacity; i++) clients.add(new IrcTestClient(port));
                for (int i = 0; i < 20; i++) {
                    IrcTestClient extra = new IrcTestClient(port);
                    clients.add(extra);
                    assertThat(extra.awaitClosed()).containsExactly("ERROR :Closing link: the server is full");
                }
                assertThat(server.isAlive()).isTrue();
                clients.get(0).close();
                IrcTestClient late = null;
                for (int attempt = 0;
                        attempt < 50 && late == null;
                        attempt++) { // the close is seen by the server a moment later
                    IrcTestClient c = new IrcTestClient(port);
                    clients.add(c);
                    try {
                        c.sendRegistration("late");
                    } catch (IOException refusedAtOnce) {
                        continue; // still full: the server's ERROR and close came before our first line
                    }
                    String first = c.next();
                    if (first.startsWith("ERROR")) continue;
                    assertThat(first).startsWith(":chatroom 001 late ");
                    late = c;
                }
                assertThat(late).as("a client got in once another left").isNotNull();
            } finally {
                for (IrcTestClient c : clients) c.close();
            }
            assertThat(server.isAlive()).isTrue();
        }
    }

    @Test
    void runningOutOfDirectMemoryEndsTheProcessWithOneLineAndStatus3(@TempDir Path dir) throws Exception {
        // A budget far above what the JVM may allocate, and a reader that stops reading: what is
        // queued for it passes the direct-memory limit. The process must not limp on: one line, status 3.
        try (JarProcess server = new JarProcess(
                List.of("-XX:MaxDirectMemorySize=4m"),
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--approve",
                "all",
                "--output-budget",
                "1g",
                "--flood-rate",
                "0",
                "--data-dir",
                dir.toString())) {
            int port = server.awaitListening();
            try (IrcTestClient stuck = new IrcTestClient(port, false);
                    IrcTestClient talker = new IrcTestClient(port)) {
                stuck.sendRegistration("stuck");
                talker.register("talker");
                String line = "PRIVMSG #chatroom :" + "z".repeat(400) + "\r\n";
                try {
                    for (int i = 0; i < 200_000 && server.isAlive(); i++)
                        talker.sendRaw(line.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException gone) {
                    // the server went away, as it should
                }
            }
            assertThat(server.waitForExit()).isEqualTo(3);
            server.expect("^chatroom: out of memory \\(.*\\); stopping so that a supervisor can restart the server$");
            assertThat(server.seen().stream().filter(l -> l.contains("Exception") || l.contains("\tat ")))
                    .isEmpty();
        }
    }

    @Test
    void portInUseIsOneClearLineAndExitCode1() throws Exception {
        try (JarProcess first = new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--approve", "all")) {
            int port = first.awaitListening();
            try (JarProcess second =
                    new JarProcess("server", "--host", "127.0.0.1", "--port", Integer.toString(port))) {
                assertThat(second.waitForExit()).isEqualTo(1);
                second.expect("^Cannot listen on 127\\.0\\.0\\.1:" + port + ": address already in use$");
                assertThat(second.seen()).noneMatch(l -> l.contains("Exception") || l.contains("Errors$"));
            }
        }
    }

    @Test
    void runningOutOfHeapWhileStartingIsStatus3Too() throws Exception {
        // a message of the day with no end: reading it fills the heap in the main thread, before anything else runs
        try (JarProcess server = new JarProcess(
                List.of("-Xmx32m"), "server", "--host", "127.0.0.1", "--port", "0", "--motd-file", "/dev/zero")) {
            assertThat(server.waitForExit()).isEqualTo(3);
            server.expect("^chatroom: out of memory \\(.*\\); stopping so that a supervisor can restart the server$");
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirIsRefusedWithExitCode1(@TempDir Path dir) throws Exception {
        try (JarProcess first =
                new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.toString())) {
            first.awaitListening();
            try (JarProcess second =
                    new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--data-dir", dir.toString())) {
                assertThat(second.waitForExit()).isEqualTo(1);
                second.expect("^Another chatroom server \\(pid " + first.pid() + "\\) uses the data dir " + dir
                        + "; give this one its own --data-dir$");
            }
        }
    }
}
