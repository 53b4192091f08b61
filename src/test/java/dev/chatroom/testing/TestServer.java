package dev.chatroom.testing;

import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerConfig;
import dev.chatroom.server.ServerConfig.ApprovalPolicy;
import dev.chatroom.server.console.AdminCommands;
import dev.chatroom.server.net.ChatServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/** A real server on 127.0.0.1, port 0, in this JVM, with its console events recorded. */
public final class TestServer implements AutoCloseable {
    private final ChatServer server;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<String> eventsSeen = new ArrayList<>();
    private final List<IrcTestClient> clients = new ArrayList<>();
    public final AdminCommands admin;

    public TestServer(ServerConfig config) throws InterruptedException {
        server = new ChatServer(config, events::add).start();
        admin = new AdminCommands(server);
    }

    /**
     * Accepts everyone, keeps its data in a fresh temporary folder, and has flood control off so
     * tests may send quickly; tests of those features turn them back on.
     */
    public static ServerConfig config() {
        try {
            return ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withApproval(ApprovalPolicy.ALL)
                    .withDataDir(java.nio.file.Files.createTempDirectory("chatroom-test")).withFlood(10, 0).withMaxPerIp(1000);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static TestServer start() throws InterruptedException {
        return new TestServer(config());
    }

    public int port() {
        return server.port();
    }

    public IrcTestClient connect() throws IOException {
        IrcTestClient c = new IrcTestClient(port());
        clients.add(c);
        return c;
    }

    public IrcTestClient join(String nick) throws IOException {
        return connect().register(nick);
    }

    public <T> T onLoop(Function<Hub, T> f) throws Exception {
        return server.call(f).get(10, TimeUnit.SECONDS);
    }

    /** Waits for a console event matching the regex, skipping others. */
    public String expectEvent(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + IrcTestClient.TIMEOUT.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) break;
            eventsSeen.add(e);
            if (p.matcher(e).find()) return e;
            seen.add(e);
        }
        throw new AssertionError("no console event matching " + regex + "; had: " + seen);
    }

    /** Shuts the server down (clients get its ERROR), leaving the test's sockets to read it. */
    public void stopServer() {
        server.close();
    }

    /** Every console event that {@link #expectEvent} has looked at. */
    public List<String> eventsSeen() {
        return eventsSeen;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (IrcTestClient c : clients) c.close();
    }
}
