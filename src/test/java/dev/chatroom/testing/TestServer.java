package dev.chatroom.testing;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.config.Settings;
import dev.chatroom.launch.ChatServer;
import dev.chatroom.launch.StartException;
import dev.chatroom.server.Hub;
import dev.chatroom.server.console.AdminCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/** A real server on 127.0.0.1, port 0, in this JVM, with its console events recorded: for tests where the transport matters. */
public final class TestServer implements AutoCloseable {
    private final ChatServer server;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<IrcTestClient> clients = new ArrayList<>();
    public final AdminCommands admin;

    public TestServer(ServerConfig config) throws StartException {
        server = new ChatServer(config, events::add).start();
        admin = new AdminCommands(server);
    }

    /** Accepts everyone, keeps its data in a fresh temporary folder, flood control off, hosts shown as addresses. */
    public static ServerConfig config() {
        try {
            var dir = Files.createTempDirectory("chatroom-test");
            return ServerConfig.defaults()
                    .with(b -> b.host("127.0.0.1")
                            .port(0)
                            .tlsPort(0)
                            .sshPort(ServerConfig.OFF)
                            .approve(ApprovalPolicy.ALL)
                            .dataDir(dir)
                            .floodRate(0)
                            .cloakHosts(false)
                            .maxPerIp(1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServerConfig config(Consumer<Settings> changes) {
        return config().with(changes);
    }

    public static TestServer start() throws StartException {
        return new TestServer(config());
    }

    public int port() {
        return server.port();
    }

    public int tlsPort() {
        return server.tlsPort();
    }

    public int webPort() {
        return server.web().port();
    }

    public ChatServer server() {
        return server;
    }

    /** A client over an already connected socket (TLS), closed with the server. */
    public IrcTestClient adopt(Socket s) throws IOException {
        IrcTestClient c = new IrcTestClient(s);
        clients.add(c);
        return c;
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
        return Await.take(
                "console event matching " + regex,
                IrcTestClient.TIMEOUT,
                events,
                e -> p.matcher(e).find(),
                new ArrayList<>());
    }

    /** Shuts the server down (clients get its ERROR), leaving the test's sockets to read it. */
    public void stopServer() {
        server.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (IrcTestClient c : clients) c.close();
    }
}
