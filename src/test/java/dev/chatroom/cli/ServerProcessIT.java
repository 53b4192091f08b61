package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import org.junit.jupiter.api.Test;

/** The real jar as a separate process, its admin console driven through stdin. */
class ServerProcessIT {
    @Test
    void adminAnswersYOnStdinAndTheClientGetsWelcomed() throws Exception {
        try (JarProcess server = new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--approve", "ask")) {
            int port = server.awaitListening();
            try (IrcTestClient alice = new IrcTestClient(port)) {
                alice.sendRegistration("alice");
                assertThat(alice.next()).isEqualTo(":chatroom NOTICE alice :Waiting for the admin to accept you...");
                server.expect("^alice \\(127\\.0\\.0\\.1\\) wants to join\\. Accept\\? \\[y/n\\]$");
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
            try (IrcTestClient alice = new IrcTestClient(port); IrcTestClient bob = new IrcTestClient(port)) {
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
    void logFileGetsTimestampedEventsButNoMessageText(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path log = dir.resolve("server.log");
        try (JarProcess server = new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--approve", "all",
                "--log-file", log.toString(), "--data-dir", dir.resolve("data").toString())) {
            int port = server.awaitListening();
            try (IrcTestClient alice = new IrcTestClient(port)) {
                alice.register("alice");
                alice.send("PRIVMSG #chatroom :private thoughts");
                alice.send("QUIT");
                server.expect("^\\* alice left the chat\\.$");
            }
        }
        String text = java.nio.file.Files.readString(log);
        assertThat(text).containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\dT[^ ]+Z chatroom .* listening on 127\\.0\\.0\\.1:")
                .containsPattern("(?m)^[^ ]+Z \\* alice entered the chatroom\\.$")
                .containsPattern("(?m)^[^ ]+Z \\* alice left the chat\\.$")
                .doesNotContain("private thoughts");
    }

    @Test
    void portInUseIsOneClearLineAndExitCode1() throws Exception {
        try (JarProcess first = new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--approve", "all")) {
            int port = first.awaitListening();
            try (JarProcess second = new JarProcess("server", "--host", "127.0.0.1", "--port", Integer.toString(port))) {
                assertThat(second.waitForExit()).isEqualTo(1);
                second.expect("^Cannot listen on 127\\.0\\.0\\.1:" + port + ": address already in use$");
                assertThat(second.seen()).noneMatch(l -> l.contains("Exception") || l.contains("Errors$"));
            }
        }
    }
}
