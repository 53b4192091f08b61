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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
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

    private static final int ROUNDS = 300;
    private static final String SAVE_CURSOR = "\u001b7";
    private static final String RESTORE_CURSOR = "\u001b8";

    /** The xterm-type terminal over pipes (and a pty), everything it writes collected in {@link #screen}. */
    private Terminal terminalOver(PipedInputStream keys) throws Exception {
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (TerminalUiTest.this) {
                    screen.write(b);
                }
            }
        };
        return TerminalBuilder.builder()
                .system(false)
                .streams(keys, out)
                .type("xterm-256color")
                .size(new Size(80, 24))
                .encoding(StandardCharsets.UTF_8)
                .build();
    }

    private static String message(int i) {
        return String.format("message-%04d-the-whole-line", i);
    }

    /**
     * Lines printed above and status updates from two other threads at once, all released
     * together; nothing is being read, as between two lines typed (the answer to /register's
     * password sent, the next prompt not drawn yet).
     */
    @Test
    void printedLinesAndStatusUpdatesFromTwoThreadsNeverInterleave() throws Exception {
        PipedInputStream keys = new PipedInputStream(new PipedOutputStream(), 4096);
        TerminalUi ui = new TerminalUi(terminalOver(keys));
        printAndUpdateStatusAtOnce(ui);
        assertNothingInterleaved(allOutput(ui), "");
        ui.close();
    }

    /**
     * The same while lines are read one after another: each prompt drawn, the line typed and
     * accepted, the next prompt; the status line and printed lines never cut into that drawing.
     */
    @Test
    void printedLinesStatusUpdatesAndPromptsNeverInterleave() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(typing, 4096);
        TerminalUi ui = new TerminalUi(terminalOver(keys));
        BlockingQueue<String> read = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            for (String line; (line = ui.readLine("prompt> ")) != null; ) read.add(line);
        });
        CompletableFuture<Void> typist = CompletableFuture.runAsync(() -> {
            try {
                // one line at a time: each typed when the one before has been read
                for (int i = 0; i < ROUNDS; i++) {
                    typing.write("x\r".getBytes(StandardCharsets.UTF_8));
                    typing.flush();
                    assertThat(read.poll(10, TimeUnit.SECONDS)).isEqualTo("x");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        printAndUpdateStatusAtOnce(ui);
        typist.get(30, TimeUnit.SECONDS);
        typing.close(); // end of input: readLine gives null
        reading.get(10, TimeUnit.SECONDS);
        assertNothingInterleaved(allOutput(ui), "prompt> ");
        ui.close();
    }

    /**
     * Everything written so far, once it has come through: the terminal writes to a pty whose
     * other end a pump thread copies to {@link #screen}, in order, so a last line marks the end.
     */
    private String allOutput(TerminalUi ui) throws InterruptedException {
        ui.print("the-end-of-the-output");
        return awaitScreen("the last line", s -> s.contains("the-end-of-the-output"));
    }

    private static void printAndUpdateStatusAtOnce(TerminalUi ui) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Void> printer = CompletableFuture.runAsync(() -> {
            awaitQuietly(go);
            for (int i = 0; i < ROUNDS; i++) ui.print(message(i));
        });
        CompletableFuture<Void> statuses = CompletableFuture.runAsync(() -> {
            awaitQuietly(go);
            // a different text each time, so each update draws something
            for (int i = 0; i < ROUNDS; i++) ui.status(String.format("alice in #chatroom | lag %d ms", i));
        });
        go.countDown();
        printer.get(30, TimeUnit.SECONDS);
        statuses.get(30, TimeUnit.SECONDS);
    }

    private static void awaitQuietly(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every printed line reached the terminal in one piece, and every status drawing (saved
     * cursor, the bottom row drawn, cursor restored) is one run with nothing else inside it and
     * never inside another.
     */
    private static void assertNothingInterleaved(String out, String prompt) {
        for (int i = 0; i < ROUNDS; i++) assertThat(out).contains(message(i));
        int drawings = 0;
        for (int from = out.indexOf(SAVE_CURSOR); from >= 0; from = out.indexOf(SAVE_CURSOR, from + 1)) {
            int restored = out.indexOf(RESTORE_CURSOR, from);
            assertThat(restored)
                    .as("cursor restored after the save at %d", from)
                    .isPositive();
            String inside = out.substring(from + SAVE_CURSOR.length(), restored);
            assertThat(inside)
                    .as("status drawing at %d", from)
                    .doesNotContain(SAVE_CURSOR)
                    .doesNotContain("message-");
            if (!prompt.isEmpty())
                assertThat(inside).as("status drawing at %d", from).doesNotContain(prompt);
            drawings++;
        }
        assertThat(drawings).as("status drawings").isPositive();
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

    @Test
    void eachChangeOfTheLineIsToldButNotAnswersOrPasswords() throws Exception {
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
        java.util.List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        ui.onTyping(told::add);
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> ui.ask("Trust it? [y/N] "));
        keys.write("y\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("y");
        CompletableFuture<String> secret = CompletableFuture.supplyAsync(() -> ui.readSecret("Password: "));
        keys.write("pw\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(secret.get(10, TimeUnit.SECONDS)).isEqualTo("pw");
        CompletableFuture<String> typed = CompletableFuture.supplyAsync(() -> ui.readLine("> "));
        keys.write("hi".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Await.until("hi told", WAIT, () -> told.contains("hi"));
        keys.write("\u007f\u007f".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Await.until(
                "the cleared line told", WAIT, () -> told.get(told.size() - 1).isEmpty());
        keys.write("ok\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(typed.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
        // the line erased on Enter is told too: the "" after "ok"
        assertThat(told).containsSubsequence("hi", "", "ok", "").doesNotContain("y", "p", "pw");
        ui.close();
    }

    private static final Notifications.Alert PSST = new Notifications.Alert("bob (private)", "psst");
    private static final String PSST_777 = "\u0007\u001b]777;notify;bob (private);psst\u001b\\";

    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) n++;
        return n;
    }

    @Test
    void anAlertRingsAndNotifiesUnlessTheTerminalSaysItIsFocused() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        TerminalUi ui = new TerminalUi(
                terminalOver(new PipedInputStream(keys, 4096)),
                false,
                new TerminalAlert(TerminalAlert.Style.OSC_777, false));
        awaitScreen("focus reporting on", s -> s.contains("\u001b[?1004h"));
        CompletableFuture<String> typed = CompletableFuture.supplyAsync(() -> ui.readLine("> "));
        ui.alert(PSST); // no focus event yet: the terminal may not be focused
        awaitScreen("the first alert", s -> count(s, PSST_777) == 1);

        keys.write((TerminalUi.FOCUS_IN + "x").getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Await.until("x typed after focus in", WAIT, ui::buffer, b -> b.equals("x")); // the report is no text
        ui.alert(PSST);
        assertThat(count(allOutput(ui), PSST_777)).isEqualTo(1);
        assertThat(count(screen(), "\u0007")).isEqualTo(1);

        keys.write((TerminalUi.FOCUS_OUT + "y").getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Await.until("y typed after focus out", WAIT, ui::buffer, b -> b.equals("xy"));
        ui.alert(PSST);
        awaitScreen("the second alert", s -> count(s, PSST_777) == 2);

        keys.write("\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertThat(typed.get(10, TimeUnit.SECONDS)).isEqualTo("xy");
        ui.close(); // focus reporting off: ClientNotificationsIT reads it (this pipe's pump stops on close)
    }

    @Test
    void aDumbTerminalGetsNoEscapes() throws Exception {
        Terminal dumb = TerminalBuilder.builder()
                .system(false)
                .streams(new PipedInputStream(new PipedOutputStream(), 4096), new OutputStream() {
                    @Override
                    public void write(int b) {
                        synchronized (TerminalUiTest.this) {
                            screen.write(b);
                        }
                    }
                })
                .type("dumb")
                .size(new Size(80, 24))
                .encoding(StandardCharsets.UTF_8)
                .build();
        TerminalUi ui = new TerminalUi(dumb, false, new TerminalAlert(TerminalAlert.Style.OSC_9, false));
        ui.alert(PSST);
        ui.print("after the alert");
        String out = awaitScreen("the line after the alert", s -> s.contains("after the alert"));
        assertThat(out).doesNotContain("\u001b]").doesNotContain("\u0007").doesNotContain("1004");
        ui.close();
    }
}
