package dev.chatroom.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.log.EventSink;
import dev.chatroom.testing.Await;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/**
 * The bug reported in issue 26: with two requests waiting, the last line on the screen asked
 * about the newer one while y answered the older. Now the last question on a console, as a
 * plain line or as the terminal's prompt, is always about the request y, n and a answer.
 */
class LastQuestionTest extends HubTest {
    @Override
    protected ServerConfig config() {
        return InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK));
    }

    private FakeClient request(String nick) {
        FakeClient c = server.connect().sendRegistration(nick);
        c.expect("Waiting for the admin");
        return c;
    }

    @Test
    void inLineModeTheLastLinePrintedAsksAboutTheRequestYAnswers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AdminConsole console = AdminConsole.lines(
                "console 1",
                new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        AdminSessions.Attached attached = server.admins.attach(console);
        FakeClient first = request("first");
        request("second");
        assertThat(lines(out))
                .containsExactly(
                        "first (no account, 127.0.0.1) wants to join. Accept? [y/n/a]",
                        "second (no account, 127.0.0.1) wants to join; 2 requests wait.",
                        "first (no account, 127.0.0.1) wants to join. Accept? [y/n/a] (1 more waiting)");

        assertThat(console.run(attached, EventSink.NONE)).isEqualTo(AdminConsole.Ending.INPUT_ENDED);
        first.expect(" 001 first ");
        String[] printed = lines(out);
        assertThat(printed[printed.length - 1])
                .isEqualTo("second (no account, 127.0.0.1) wants to join. Accept? [y/n/a]");
    }

    @Test
    void onATerminalThePromptAsksAboutTheRequestYAnswers() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 4096);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        OutputStream shown = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (screen) {
                    screen.write(b);
                }
            }
        };
        Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .streams(in, shown)
                .type("xterm-256color")
                .size(new Size(100, 24))
                .encoding(StandardCharsets.UTF_8)
                .build();
        AdminConsole console = AdminConsole.terminal("console 1", terminal);
        AdminSessions.Attached attached = server.admins.attach(console);
        FakeClient first = request("first");
        request("second");
        // the console reads on its own thread; this one only types and looks until it has answered
        CompletableFuture<AdminConsole.Ending> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return console.run(attached, EventSink.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Duration wait = Duration.ofSeconds(10);
        Await.until("the prompt about first", wait, () -> lastPrompt(screen), p -> p.startsWith("Accept first"));
        assertThat(lastPrompt(screen)).isEqualTo("Accept first (1 more waiting)? [y/n/a] ");

        keys.write("y\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Await.until("the prompt about second", wait, () -> lastPrompt(screen), p -> p.startsWith("Accept second"));
        assertThat(lastPrompt(screen)).isEqualTo("Accept second? [y/n/a] ");
        keys.write(4); // Ctrl-D
        keys.flush();
        assertThat(reading.get()).isEqualTo(AdminConsole.Ending.INPUT_ENDED);
        first.expect(" 001 first ");
        console.close();
    }

    @Test
    void yNWhatAConsoleSendsNameTheRequestItShows() throws Exception {
        List<String> sent = new ArrayList<>();
        ConsoleLink link = new ConsoleLink() {
            @Override
            public CompletableFuture<ConsoleAnswer> run(String line) {
                sent.add(line);
                return CompletableFuture.completedFuture(ConsoleAnswer.of(""));
            }

            @Override
            public boolean stopped() {
                return false;
            }
        };
        AdminConsole console = AdminConsole.lines(
                "console 1",
                new ByteArrayInputStream("y\nn\na\nyes\ny please\n/pending\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        console.question(new Question("bob", 1, "bob (no account, 127.0.0.1) wants to join. Accept? [y/n/a]"));
        console.run(link, EventSink.NONE);
        // an answer that reaches the server after another admin's reaches no other request: "No request from bob"
        assertThat(sent)
                .containsExactly(
                        "/accept bob", "/reject bob", "/accept bob always", "/accept bob", "y please", "/pending");
    }

    private static String[] lines(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    /** The last prompt drawn: from the last "Accept " on the screen to the end of its question. */
    private static String lastPrompt(ByteArrayOutputStream screen) {
        String s;
        synchronized (screen) {
            s = screen.toString(StandardCharsets.UTF_8);
        }
        int at = s.lastIndexOf("Accept ");
        if (at < 0) return "";
        int end = s.indexOf("[y/n/a] ", at);
        return end < 0 ? s.substring(at) : s.substring(at, end + "[y/n/a] ".length());
    }
}
