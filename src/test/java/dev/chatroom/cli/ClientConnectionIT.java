package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.JarProcess;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `chatroom join` as a process when the connection goes wrong: the server dies, never answers, is not IRC; cancelling while waiting. */
class ClientConnectionIT {

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static JarProcess server(int port, Path data, String approve) throws Exception {
        return new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--approve",
                approve,
                "--log-messages",
                "--data-dir",
                data.toString());
    }

    @Test
    void aKilledServerIsRejoinedAndWhatWasTypedMeanwhileIsSentOnce(@TempDir Path dir) throws Exception {
        int port = freePort();
        JarProcess first = server(port, dir.resolve("a"), "all");
        first.awaitListening();
        try (JarProcess bob =
                new JarProcess("join", "--host", "127.0.0.1", "--port", Integer.toString(port), "--name", "bob")) {
            bob.expect("^Connecting to 127\\.0\\.0\\.1:" + port + "\\.\\.\\.$");
            bob.expect("^Welcome to #chatroom, bob\\.");
            bob.type("/join #side");
            bob.expect("^You joined #side\\.");
            first.kill();
            bob.expect("^Disconnected: connection lost");
            bob.expect("^Reconnecting in \\d+ s\\.\\.\\. \\(attempt 1\\)$");
            bob.type("typed while the server was down");
            bob.expect("^\\(queued\\) typed while the server was down$");
            try (JarProcess second = server(port, dir.resolve("b"), "all")) {
                second.awaitListening();
                bob.expect("^Welcome to #chatroom, bob\\.");
                second.expect("<bob to #side> typed while the server was down"); // rejoined #side, and still there
                bob.type("/leave");
                assertThat(bob.waitForExit()).isZero();
                second.expect("^\\* bob left the chat\\.$");
                assertThat(second.seen().stream().filter(l -> l.contains("typed while the server was down")))
                        .hasSize(1);
            }
        } finally {
            first.close();
        }
    }

    @Test
    void withNoReconnectALostConnectionExits1(@TempDir Path dir) throws Exception {
        int port = freePort();
        try (JarProcess server = server(port, dir, "all")) {
            server.awaitListening();
            JarProcess bob = new JarProcess(
                    "join", "--host", "127.0.0.1", "--port", Integer.toString(port), "--name", "bob", "--no-reconnect");
            bob.expect("^Welcome to #chatroom, bob\\.");
            server.kill();
            assertThat(bob.waitForExit()).isEqualTo(1);
            assertThat(bob.seen()).noneMatch(l -> l.startsWith("Reconnecting"));
            bob.close();
        }
    }

    @Test
    void leavingWhileWaitingCancelsTheRequestAndTheRoomSeesNothing(@TempDir Path dir) throws Exception {
        int port = freePort();
        try (JarProcess server = server(port, dir, "ask")) {
            server.awaitListening();
            try (JarProcess bob =
                    new JarProcess("join", "--host", "127.0.0.1", "--port", Integer.toString(port), "--name", "bob")) {
                server.expect("^bob \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                bob.expect("^Waiting for the admin to accept you\\.\\.\\. \\(Ctrl-C or /leave to give up");
                bob.type("hello before acceptance");
                bob.expect("^\\(queued\\) hello before acceptance$");
                bob.type("/leave");
                assertThat(bob.waitForExit()).isZero();
                server.expect("^bob stopped waiting");
                server.type("/pending");
                server.expect("^No one is waiting|^No requests");
                assertThat(server.seen()).noneMatch(l -> l.contains("entered the chatroom"));
            }
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    Socket s = silent.accept(); // held open, never answered
                    s.getInputStream().read(new byte[4096]);
                } catch (Exception ignored) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (JarProcess bob = new JarProcess(
                    "join",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(silent.getLocalPort()),
                    "--name",
                    "bob",
                    "--timeout",
                    "2")) {
                bob.expect("^Connecting to 127\\.0\\.0\\.1:\\d+\\.\\.\\.$");
                assertThat(bob.waitForExit()).isEqualTo(1);
                bob.expect("^Server did not answer \\(127\\.0\\.0\\.1:\\d+\\)\\.$");
            }
        }
    }

    @Test
    void aPeerThatIsNotIrcIsNamedAsSuch() throws Exception {
        try (ServerSocket http = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = http.accept()) {
                    InputStream in = s.getInputStream();
                    in.read(new byte[4096]);
                    s.getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                    // a lingering close, as HTTP servers do: closing with unread input would reset the
                    // connection and could discard the response before the client reads it
                    s.shutdownOutput();
                    while (in.read(new byte[4096]) >= 0) {
                        // drain until the client hangs up
                    }
                } catch (Exception ignored) {
                    // the client went away
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int port = http.getLocalPort();
            try (JarProcess bob =
                    new JarProcess("join", "--host", "127.0.0.1", "--port", Integer.toString(port), "--name", "bob")) {
                assertThat(bob.waitForExit()).isEqualTo(1);
                bob.expect("127\\.0\\.0\\.1:" + port + " does not speak IRC");
            }
        }
    }
}
