package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
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
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two whole sessions (PlainUi) logged in to one account on a real server: a room read on one
 * device is read on the other (its unread count goes), and a device connecting later is shown
 * where the reading stopped.
 */
class ReadMarkerSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A plain terminal the test types into and reads from, running one session. */
    private static final class Device {
        final StringBuilder out = new StringBuilder();
        final PipedOutputStream keys = new PipedOutputStream();
        final Session session;
        final CompletableFuture<Integer> exit;

        Device(int port) throws IOException {
            PrintStream screen = new PrintStream(
                    new OutputStream() {
                        @Override
                        public void write(int b) {
                            synchronized (out) {
                                out.append((char) b);
                            }
                        }
                    },
                    true,
                    StandardCharsets.UTF_8);
            session = new Session(
                            new PlainUi(new PipedInputStream(keys, 4096), screen),
                            "127.0.0.1",
                            port,
                            "alice",
                            false,
                            new SessionOptions(false, 10_000, 20, 100))
                    .login(null, "correct-horse", false);
            exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return session.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        List<String> lines() {
            synchronized (out) {
                return out.toString().lines().toList();
            }
        }

        /** Waits for a printed line matching the regex at or after line from; returns its index. */
        int await(String regex, int from) throws InterruptedException {
            Pattern p = Pattern.compile(regex);
            List<String> printed = Await.until("line matching " + regex, WAIT, this::lines, l -> find(p, l, from) >= 0);
            return find(p, printed, from);
        }

        private static int find(Pattern p, List<String> lines, int from) {
            for (int i = from; i < lines.size(); i++)
                if (p.matcher(lines.get(i)).find()) return i;
            return -1;
        }

        void type(String line) throws IOException {
            keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        String status() {
            return session.state.statusText(session.client());
        }

        void awaitStatus(String what, Predicate<String> ok) throws InterruptedException {
            Await.until(what, WAIT, this::status, ok);
        }

        void leave() throws Exception {
            type("/leave");
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void aRoomReadOnOneDeviceIsReadOnTheOtherAndALaterOneSeesWhereReadingStopped() throws Exception {
        try (TestServer server = TestServer.start()) {
            IrcTestClient reg = server.join("alice");
            reg.send("REGISTER * * correct-horse").expect("REGISTER SUCCESS");
            reg.send("QUIT").awaitClosed();
            IrcTestClient bob = server.join("bob");
            bob.send("JOIN #side").expect(" 366 bob #side ");

            Device laptop = new Device(server.port());
            laptop.await("^Welcome to #chatroom, alice\\.", 0);
            laptop.type("/join #side");
            laptop.await("^You joined #side\\.", 0);
            Device phone = new Device(server.port()); // another device: shown both rooms
            phone.await("^Welcome to #chatroom, alice\\.", 0);
            phone.await("^You joined #side\\.", 0);
            laptop.type("/switch #chatroom");
            laptop.await("^Now in #chatroom\\.", 0);
            phone.type("/switch #chatroom");
            phone.await("^Now in #chatroom\\.", 0);

            bob.send("PRIVMSG #side :one").send("PRIVMSG #side :two").sync();
            laptop.awaitStatus("two unread on the laptop", s -> s.contains("#side(2)"));
            phone.awaitStatus("two unread on the phone", s -> s.contains("#side(2)"));

            laptop.type("/switch #side"); // read there: MARKREAD, pushed to the phone
            laptop.awaitStatus("read on the laptop", s -> !s.contains("#side("));
            phone.awaitStatus("read on the phone too", s -> s.contains("2:#side") && !s.contains("#side("));

            bob.send("PRIVMSG #side :three").sync();
            phone.awaitStatus("one new on the phone", s -> s.contains("#side(1)"));
            Device tablet = new Device(server.port()); // shown #side's history with the line where reading stopped
            int side = tablet.await("^--- earlier messages", 0);
            int unread = tablet.await("^--- unread ---$", side);
            assertThat(tablet.lines().get(unread - 1)).endsWith("bob: two");
            assertThat(tablet.lines().get(unread + 1)).endsWith("bob: three");

            tablet.leave();
            phone.leave();
            laptop.leave();
        }
    }
}
