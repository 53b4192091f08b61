package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server under a low open-file limit, sent more connections at once than it has descriptors:
 * it refuses those it cannot hold, stays up, and serves again once they are gone.
 */
class DescriptorExhaustionIT {
    private static final int LIMIT = 256;
    private static final int ATTEMPTS = 400;
    private static final String FULL = "ERROR :Closing link: the server is full\r\n";

    @Test
    void moreConnectionsThanDescriptorsAreRefusedAsFullAndANewClientGetsInOnceTheyClose(@TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/prlimit").canExecute(), "SKIPPED: prlimit is not installed");
        try (JarProcess server = new JarProcess(
                List.of("/usr/bin/prlimit", "--nofile=" + LIMIT),
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
            int capacity = Integer.parseInt(
                    server.expect("accepting at most (\\d+) connections").group(1));
            try (Connections flood = new Connections(port, ATTEMPTS)) {
                server.expect("^Too many open files \\(open-file limit " + LIMIT
                        + "\\): new connections are refused as full, and accepting pauses until one closes\\.");
                Map<String, Long> ends = flood.awaitClosed(ATTEMPTS - capacity, Duration.ofSeconds(60));
                assertThat(ends)
                        .as("how the server ended the connections it closed")
                        .containsOnlyKeys(FULL);
                assertThat(server.isAlive()).isTrue();
            }
            String first = awaitWelcome(port);
            assertThat(first).startsWith(":chatroom 001 late ");
            assertThat(server.isAlive()).isTrue();
            assertThat(server.printed())
                    .noneMatch(l -> l.contains("Exception") || l.contains("Error") || l.startsWith("\tat "));
        }
    }

    /** The first line of a client that registers; the flood's connections leave a moment after they close. */
    private static String awaitWelcome(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (IrcTestClient late = new IrcTestClient(port)) {
                late.sendRegistration("late");
                String first = late.next();
                if (!first.startsWith("ERROR") || System.nanoTime() > deadline) return first;
            } catch (IOException refusedBeforeItSpoke) {
                if (System.nanoTime() > deadline) throw refusedBeforeItSpoke;
            }
        }
    }

    /** Many connections opened at once, none of which says anything; each read until the server closes it. */
    private static final class Connections implements AutoCloseable {
        private final Selector selector = Selector.open();
        private final List<SocketChannel> channels = new ArrayList<>();
        private final Map<SocketChannel, String> ended = new java.util.HashMap<>();
        private final ByteBuffer buffer = ByteBuffer.allocate(4096);

        Connections(int port, int n) throws IOException {
            for (int i = 0; i < n; i++) {
                SocketChannel c = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ, new ByteArrayOutputStream());
                channels.add(c);
            }
        }

        /**
         * Reads until at least n connections have ended (or the time is up, which fails); returns how they
         * ended, counted: the text received before the end, or the exception that ended them.
         */
        Map<String, Long> awaitClosed(int n, Duration within) throws IOException {
            long deadline = System.nanoTime() + within.toNanos();
            while (ended.size() < n) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                assertThat(left)
                        .as("connections ended: " + counted() + "; wanted " + n)
                        .isPositive();
                selector.select(left);
                for (SelectionKey key : selector.selectedKeys()) read(key);
                selector.selectedKeys().clear();
            }
            return counted();
        }

        private void read(SelectionKey key) {
            SocketChannel c = (SocketChannel) key.channel();
            ByteArrayOutputStream received = (ByteArrayOutputStream) key.attachment();
            try {
                buffer.clear();
                int n = c.read(buffer);
                if (n > 0) received.write(buffer.array(), 0, n);
                if (n >= 0) return;
                ended.put(c, received.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                ended.put(c, received.toString(StandardCharsets.UTF_8) + "<" + e.getMessage() + ">");
            }
            key.cancel();
        }

        private Map<String, Long> counted() {
            return ended.values().stream()
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        }

        @Override
        public void close() throws IOException {
            for (SocketChannel c : channels) c.close();
            selector.close();
        }
    }
}
