package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.CuttableRelay;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A whole session (PlainUi) whose connection is cut while the server runs on: back in, it is
 * shown exactly what was said meanwhile, once, as history; nothing seen before comes again.
 */
class ReconnectHistoryTest {
    private final StringBuilder out = new StringBuilder();

    private synchronized List<String> lines() {
        return out.toString().lines().toList();
    }

    /** Waits for a printed line matching the regex, at or after line {@code from}; returns its index. */
    private int await(String regex, int from) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        List<String> printed = Await.until(
                "line matching " + regex + " after line " + from,
                Duration.ofSeconds(10),
                this::lines,
                l -> indexOf(p, l, from) >= 0);
        return indexOf(p, printed, from);
    }

    private static int indexOf(Pattern p, List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) if (p.matcher(lines.get(i)).find()) return i;
        return -1;
    }

    private final PipedOutputStream keys = new PipedOutputStream();

    /** A plain terminal: the test types into it and reads what it prints (the test's lines are ASCII). */
    private PlainUi terminal() throws IOException {
        PrintStream screen = new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        synchronized (ReconnectHistoryTest.this) {
                            out.append((char) b);
                        }
                    }
                },
                true,
                StandardCharsets.UTF_8);
        return new PlainUi(new PipedInputStream(keys, 4096), screen);
    }

    private void type(String line) throws IOException {
        keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static CompletableFuture<Integer> running(Session session) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return session.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long count(String text) {
        return lines().stream().filter(l -> l.contains(text)).count();
    }

    @Test
    void afterACutConnectionExactlyWhatWasMissedIsShownOnce() throws Exception {
        try (TestServer server = TestServer.start();
                CuttableRelay relay = new CuttableRelay(server.port())) {
            IrcTestClient bob = server.join("bob");
            bob.send("JOIN #side").expect(" 366 bob #side ");
            bob.send("PRIVMSG #chatroom :said before alice came").sync();

            PlainUi ui = terminal();
            Session session = new Session(
                    ui, "127.0.0.1", relay.port(), "alice", false, new SessionOptions(true, 10_000, 20, 100));
            CompletableFuture<Integer> exit = running(session);
            int at = await("^Welcome to #chatroom, alice\\.", 0);
            at = await("^--- earlier messages ---$", at);
            at = await("bob: said before alice came$", at);
            at = await("^--- now ---$", at);
            type("/join #side");
            at = await("^You joined #side\\.", at);
            bob.send("PRIVMSG #side :seen live").sync();
            at = await("bob: seen live$", at);

            relay.cut();
            bob.expect(":alice!\\S+ QUIT ");
            at = await("^Disconnected: connection lost", at);
            bob.send("PRIVMSG #chatroom :missed one")
                    .send("PRIVMSG #chatroom :missed two")
                    .send("PRIVMSG #side :missed on the side")
                    .sync();
            relay.letIn();

            at = await("^Welcome to #chatroom, alice\\.", at);
            int home = await("^--- while you were away in #chatroom ---$", at);
            assertThat(lines().get(home + 1)).endsWith("bob: missed one");
            assertThat(lines().get(home + 2)).endsWith("bob: missed two");
            assertThat(lines().get(home + 3)).isEqualTo("--- now ---");
            int side = await("^--- while you were away ---$", at); // #side is on screen: no name needed
            assertThat(lines().get(side + 1)).endsWith("bob: missed on the side");
            assertThat(lines().get(side + 2)).isEqualTo("--- now ---");

            bob.send("PRIVMSG #side :live again").sync();
            await("bob: live again$", Math.max(home, side));
            assertThat(count("said before alice came")).isEqualTo(1);
            assertThat(count("seen live")).isEqualTo(1);
            assertThat(count("missed one")).isEqualTo(1);
            assertThat(count("missed on the side")).isEqualTo(1);
            // #chatroom, not on screen, was read up to what was seen before switching away (its read marker): what was
            // missed in it is unread
            assertThat(session.state.statusText(session.client())).contains("1:#chatroom(2) 2:#side");

            type("/leave");
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void afterACutConnectionPrivateMessagesMissedAreShownOnce() throws Exception {
        try (TestServer server = TestServer.start();
                CuttableRelay relay = new CuttableRelay(server.port())) {
            IrcTestClient reg = server.join("alice");
            reg.send("REGISTER * * correct-horse").expect("REGISTER SUCCESS");
            reg.send("QUIT").awaitClosed();
            IrcTestClient bob = server.join("bob");
            IrcTestClient carol = server.join("carol");

            PlainUi ui = terminal();
            Session session = new Session(
                            ui, "127.0.0.1", relay.port(), "alice", false, new SessionOptions(true, 10_000, 20, 100))
                    .login(null, "correct-horse", false);
            CompletableFuture<Integer> exit = running(session);
            int at = await("^Welcome to #chatroom, alice\\.", 0);
            bob.send("PRIVMSG alice :before the cut").sync();
            at = await("bob.*before the cut", at);

            // the network drops; the server does not know yet and delivers into the void (until a ping timeout)
            relay.dropSilently();
            at = await("^Disconnected: connection lost", at);
            bob.send("PRIVMSG alice :missed from bob").sync();
            carol.send("PRIVMSG alice :missed from carol").sync();
            relay.letIn();

            // the lost connection is still there as far as the server knows: this one is another device of alice
            at = await("^Welcome to #chatroom, alice\\.", at);
            int fromBob = await("^--- while you were away with bob ---$", at);
            assertThat(lines().get(fromBob + 1)).contains("missed from bob");
            int fromCarol = await("^--- while you were away with carol ---$", at);
            assertThat(lines().get(fromCarol + 1)).contains("missed from carol");
            bob.send("PRIVMSG alice :live again").sync();
            await("live again", at);
            assertThat(count("before the cut")).isEqualTo(1);
            assertThat(count("missed from bob")).isEqualTo(1);
            assertThat(count("missed from carol")).isEqualTo(1);

            type("/leave");
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        }
    }
}
