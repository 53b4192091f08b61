package dev.chatroom.attach;

import dev.chatroom.server.console.AdminConsole;
import dev.chatroom.server.console.ConsoleAnswer;
import dev.chatroom.server.console.ConsoleLink;
import dev.chatroom.server.console.Question;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;

/**
 * {@code chatroom admin console}'s end of admin.sock: the lines typed go to the server, and a
 * thread hands what the server sends (events, the question, answers) to the console.
 */
public final class RemoteConsole implements ConsoleLink, AdminProtocol.Receiver, AutoCloseable {
    /** No server to attach to, in words for the admin. */
    public static final class NoServer extends Exception {
        NoServer(String message) {
            super(message);
        }
    }

    private final LineChannel channel;
    private final AdminConsole console;
    private final AdminProtocol.Reader reader = new AdminProtocol.Reader(this);
    /** Completes when the server is gone: true when it said it was stopping, false when the connection broke. */
    private final CompletableFuture<Boolean> ended = new CompletableFuture<>();

    private volatile CompletableFuture<ConsoleAnswer> answer;
    private volatile boolean stopping;

    private RemoteConsole(LineChannel channel, AdminConsole console) {
        this.channel = channel;
        this.console = console;
    }

    /** Attaches console to the server listening on the admin socket at path. */
    public static RemoteConsole attach(Path path, AdminConsole console) throws NoServer {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new NoServer("cannot attach to " + path + ": " + e.getMessage());
        }
        try {
            channel.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            close(channel);
            if (e instanceof ConnectException)
                throw new NoServer("no server is running: nothing listens on " + path + " (left by one that stopped)");
            if (missing(path))
                throw new NoServer("no server is running: no " + path
                        + " (give the server's --data-dir, or --config with its config file)");
            throw new NoServer("cannot attach to " + path + ": " + e.getMessage()
                    + " (run this as the user the server runs as, or as a member of its admin-group)");
        }
        RemoteConsole remote = new RemoteConsole(new LineChannel(channel), console);
        Thread reading = new Thread(remote::read, "admin-console-in");
        reading.setDaemon(true);
        reading.start();
        return remote;
    }

    /** True when path is known not to exist (not when it may not be looked at). */
    private static boolean missing(Path path) {
        try {
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return false;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // never connected
        }
    }

    private void read() {
        try {
            for (String line = channel.readLine(); line != null; line = channel.readLine()) reader.take(line);
        } catch (IOException e) {
            // the connection broke
        }
        CompletableFuture<ConsoleAnswer> waiting = answer;
        if (waiting != null) waiting.completeExceptionally(new IOException("the server is gone"));
        console.disconnected();
        ended.complete(stopping);
    }

    /** Completes when the server is gone: true when it stopped, false when the connection to it broke. */
    public CompletableFuture<Boolean> ended() {
        return ended;
    }

    @Override
    public CompletableFuture<ConsoleAnswer> run(String line) {
        CompletableFuture<ConsoleAnswer> next = new CompletableFuture<>();
        answer = next;
        try {
            channel.writeLine(line);
        } catch (IOException e) {
            next.completeExceptionally(e);
        }
        if (ended.isDone()) next.completeExceptionally(new IOException("the server is gone"));
        return next;
    }

    @Override
    public boolean stopped() {
        return ended.isDone();
    }

    @Override
    public void attached(String name) {
        console.greet(name);
    }

    @Override
    public void event(String text) {
        console.event(text);
    }

    @Override
    public void question(Question q) {
        console.question(q);
    }

    @Override
    public void answered(ConsoleAnswer a) {
        CompletableFuture<ConsoleAnswer> waiting = answer;
        if (waiting != null) waiting.complete(a);
    }

    @Override
    public void stopping() {
        stopping = true;
    }

    /** Detaches: the server keeps running. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
