package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.JarProcess;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real {@code chatroom join} processes, driven through stdin, against a real {@code chatroom server} process. */
class JoinProcessIT {
    private static final String T = "\\[\\d\\d:\\d\\d\\] ";

    private static JarProcess join(int port, String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        args[0] = "join";
        args[1] = "--host";
        args[2] = "127.0.0.1";
        args[3] = "--port=" + port;
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new JarProcess(args);
    }

    @Test
    void privateColorsLeaveAndNameInUse() throws Exception {
        try (JarProcess server = new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--approve", "all")) {
            int port = server.awaitListening();
            try (JarProcess bob = join(port, "--name", "bob", "--color");
                    JarProcess carol = join(port, "--name", "carol")) {
                bob.expect("Welcome to #chatroom, .*bob.*\\. Type /help for commands\\.");
                carol.expect("^Welcome to #chatroom, carol\\.");
                try (JarProcess alice = join(port, "--name", "alice")) {
                    alice.expect("^Welcome to #chatroom, alice\\.");
                    String members =
                            alice.expect("^In #chatroom \\(3\\): (.*)$").group(1);
                    assertThat(members.split(", ")).containsExactlyInAnyOrder("bob", "carol", "alice");
                    bob.expect("\\* .*alice.* entered the chatroom\\.");

                    alice.type("/private bob /color green see you at 5");
                    alice.expect("^" + T + "\\[to bob\\] see you at 5$");
                    // rendered for bob: marked private, in green (mIRC 03 -> ANSI 32), no raw mIRC codes
                    String got = bob.expect("\\[private\\] .*alice.*: .*see you at 5")
                            .group();
                    assertThat(got).contains("\u001b[32msee you at 5").doesNotContain("\u0003");

                    alice.type("hello room");
                    carol.expect("^" + T + "alice: hello room$");
                    assertThat(carol.seen()).noneMatch(l -> l.contains("see you at 5"));

                    bob.type("/leave");
                    assertThat(bob.waitForExit()).isZero();
                    alice.expect("^" + T + "\\* bob left the chat\\.$");

                    try (JarProcess impostor = join(port, "--name", "alice")) {
                        impostor.expect("^The name alice is already taken\\. Choose another\\.$");
                        assertThat(impostor.waitForExit()).isEqualTo(3);
                    }

                    alice.closeInput(); // end of stdin leaves the chat
                    assertThat(alice.waitForExit()).isZero();
                    carol.expect("^" + T + "\\* alice left the chat\\.$");
                }
            }
        }
    }

    @Test
    void aServerPasswordComesFromTheEnvironmentAndItsAbsenceIsExplained() throws Exception {
        try (JarProcess server = new JarProcess(
                "server", "--host", "127.0.0.1", "--port", "0", "--approve", "all", "--password", "s3cret-door")) {
            int port = server.awaitListening();
            String[] args = {"join", "--host", "127.0.0.1", "--port=" + port, "--name", "alice"};
            try (JarProcess alice =
                    new JarProcess(Map.of("CHATROOM_SERVER_PASSWORD", "s3cret-door"), List.of(), args)) {
                alice.expect("^Welcome to #chatroom, alice\\.");
                alice.type("/leave");
                assertThat(alice.waitForExit()).isZero();
            }
            try (JarProcess without = join(port, "--name", "bob")) {
                without.expect(
                        "^127\\.0\\.0\\.1:" + port + " needs a server password: set CHATROOM_SERVER_PASSWORD\\.$");
                assertThat(without.waitForExit()).isEqualTo(3);
            }
            try (JarProcess wrong = new JarProcess(Map.of("CHATROOM_SERVER_PASSWORD", "guess"), List.of(), args)) {
                wrong.expect("^Bad password\\.$");
                assertThat(wrong.waitForExit()).isEqualTo(3);
            }
        }
    }

    @Test
    void scriptedSessionFromTheReadme() throws Exception {
        try (JarProcess server = new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--approve", "all")) {
            int port = server.awaitListening();
            try (JarProcess watcher = join(port, "--name", "watcher")) {
                watcher.expect("^Welcome");
                try (JarProcess bot = join(port, "--name", "bot")) {
                    bot.type("hello");
                    bot.type("/me waves");
                    bot.type("/leave");
                    assertThat(bot.waitForExit()).isZero();
                }
                watcher.expect("^" + T + "bot: hello$");
                watcher.expect("^" + T + "\\* bot waves$");
                watcher.expect("^" + T + "\\* bot left the chat\\.$");
            }
        }
    }

    @Test
    void nameFromStdinAndRetryWhenTaken() throws Exception {
        try (JarProcess server = new JarProcess("server", "--host", "127.0.0.1", "--port", "0", "--approve", "all")) {
            int port = server.awaitListening();
            try (JarProcess first = join(port, "--name", "sam")) {
                first.expect("^Welcome");
                try (JarProcess second = join(port)) {
                    second.type("1bad");
                    second.expect("^The name 1bad is not allowed");
                    second.type("SAM");
                    second.expect("^The name SAM is already taken\\. Choose another\\.$");
                    second.type("sam2");
                    second.expect("^Welcome to #chatroom, sam2\\.");
                }
            }
        }
    }

    @Test
    void rejectionPrintsTheReasonAndExits3() throws Exception {
        try (JarProcess server = new JarProcess("server", "--host", "127.0.0.1", "--port", "0")) {
            int port = server.awaitListening();
            try (JarProcess eve = join(port, "--name", "eve")) {
                eve.expect("^Waiting for the admin to accept you\\.\\.\\. \\(Ctrl-C or /leave to give up");
                server.expect("eve .* wants to join");
                server.type("/reject eve not today");
                eve.expect("^The admin rejected your request: not today\\.$");
                assertThat(eve.waitForExit()).isEqualTo(3);
            }
        }
    }

    @Test
    void unreachableServerIsOneLineAndExit1() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (JarProcess lonely = new JarProcess("join", "--port", Integer.toString(port), "--name", "x")) {
            assertThat(lonely.waitForExit()).isEqualTo(1);
            lonely.expect("^Cannot reach localhost:" + port + ": connection refused$");
            assertThat(lonely.seen())
                    .containsExactly(
                            "Connecting to localhost:" + port + "...",
                            "Cannot reach localhost:" + port + ": connection refused");
        }
    }
}
