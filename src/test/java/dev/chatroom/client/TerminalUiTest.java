package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/**
 * The interactive client on an xterm-type terminal over pipes (fixed 80x24), against a real
 * server: a message arriving while the user is half-way through a line is printed above it,
 * and the half-typed line survives and is sent whole.
 */
class TerminalUiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private synchronized String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private String awaitScreen(String what, Predicate<String> done) throws InterruptedException {
        return Await.until(what, WAIT, this::screen, done);
    }

    @Test
    void incomingMessageIsPrintedAboveTheHalfTypedLineWhichStaysIntact() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream terminalIn = new PipedInputStream(keys, 4096);
        OutputStream terminalOut = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (TerminalUiTest.this) {
                    screen.write(b);
                }
            }
        };
        Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .streams(terminalIn, terminalOut)
                .type("xterm-256color")
                .size(new Size(80, 24))
                .encoding(StandardCharsets.UTF_8)
                .build();

        try (TestServer server = TestServer.start()) {
            IrcTestClient bob = server.join("bob");
            TerminalUi ui = new TerminalUi(terminal);
            Session session = new Session(ui, "127.0.0.1", server.port(), "alice", true);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return session.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            bob.expect("JOIN #chatroom");
            awaitScreen("prompt", s -> s.contains("alice> "));

            keys.write("hel".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            Await.until("half-typed line", WAIT, ui::buffer, b -> b.equals("hel"));

            bob.send("PRIVMSG #chatroom :are you there?");
            awaitScreen("bob's message", s -> s.contains("are you there?"));
            // prompt and buffer redrawn below it (the status line's own drawing may come in between)
            awaitScreen(
                    "line redrawn below bob's message",
                    s -> s.substring(s.indexOf("are you there?")).contains("alice> hel"));
            assertThat(ui.buffer()).isEqualTo("hel");

            keys.write("lo\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertThat(bob.expect("PRIVMSG")).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :hello");

            keys.write("/leave\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
            bob.expect(":alice!~alice@127.0.0.1 QUIT :left the chat");
            ui.close();
        }
    }

    @Test
    void answersToQuestionsStayOutOfTheHistoryChatLinesGoIn() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream terminalIn = new PipedInputStream(keys, 4096);
        Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .streams(terminalIn, OutputStream.nullOutputStream())
                .type("xterm-256color")
                .size(new Size(80, 24))
                .encoding(StandardCharsets.UTF_8)
                .build();
        TerminalUi ui = new TerminalUi(terminal, false);
        CompletableFuture<String> typed = CompletableFuture.supplyAsync(() -> ui.readLine("> "));
        keys.write("hello\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(typed.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> ui.ask("Trust it? [y/N] "));
        keys.write("y\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("y");
        // up arrow: the previous chat line, not the answer
        CompletableFuture<String> recalled = CompletableFuture.supplyAsync(() -> ui.readLine("> "));
        keys.write("\033OA\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(recalled.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
        ui.close();
    }
}
