package dev.chatroom.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A raw IRC connection for tests: sends exact lines, collects every received line, and waits
 * for lines with a timeout. {@link #sync()} uses PING/PONG: the server answers lines strictly in
 * order, so everything a command caused arrives before the PONG of a PING sent after it.
 */
public final class IrcTestClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String CLOSED = "\u0000closed";
    private static final AtomicInteger TOKENS = new AtomicInteger();

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> history = new ArrayList<>();
    private volatile boolean autoPong;
    public String nick;

    public IrcTestClient(int port) throws IOException {
        this(port, true);
    }

    public IrcTestClient(int port, boolean read) throws IOException {
        socket = new Socket();
        if (!read) socket.setReceiveBufferSize(4096); // a client that never reads should fill up fast
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        if (read) {
            Thread reader = new Thread(this::readLoop, "test-client-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Over a socket already connected (a TLS socket whose handshake the test controls). */
    public IrcTestClient(Socket connected) throws IOException {
        socket = connected;
        out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "test-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream(), 65536)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    String text = new String(bytes, 0, len, StandardCharsets.UTF_8);
                    if (autoPong && text.startsWith("PING ")) send("PONG " + text.substring(5));
                    lines.add(text);
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException ignored) {
            // reset or closed by the test
        }
        lines.add(CLOSED);
    }

    /** Answers every PING the server sends, as a live client does. */
    public IrcTestClient autoPong() {
        autoPong = true;
        return this;
    }

    public synchronized IrcTestClient send(String line) throws IOException {
        return sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public synchronized IrcTestClient sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Registers with NICK/USER and, when the server accepts everyone, waits for the end of the room's NAMES. */
    public IrcTestClient register(String nick) throws IOException {
        sendRegistration(nick);
        expect(" 366 " + Pattern.quote(nick) + " ");
        return this;
    }

    /** Requests the capabilities, registers, ends CAP, and waits for the end of the room's NAMES. */
    public IrcTestClient registerWithCaps(String nick, String caps) throws IOException {
        send("CAP REQ :" + caps);
        sendRegistration(nick);
        send("CAP END");
        expect(" 366 " + Pattern.quote(nick) + " ");
        return this;
    }

    public IrcTestClient sendRegistration(String nick) throws IOException {
        this.nick = nick;
        send("NICK " + nick);
        send("USER " + nick.toLowerCase() + " 0 * :" + nick + " Tester");
        return this;
    }

    /** The next line, failing after the timeout. */
    public String next() {
        try {
            String l = lines.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (l == null) throw new AssertionError("no line within " + TIMEOUT + "; had: " + history);
            if (l == CLOSED) {
                lines.add(CLOSED);
                throw new AssertionError("connection closed; had: " + history);
            }
            history.add(l);
            return l;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Skips lines until one matches the regex (found anywhere in the line) and returns it. */
    public String expect(String regex) {
        Pattern p = Pattern.compile(regex);
        return expect(l -> p.matcher(l).find(), regex);
    }

    public String expect(Predicate<String> match, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String l = next();
            if (match.test(l)) return l;
        }
        throw new AssertionError("no line matching " + what + "; had: " + history);
    }

    /** Lines received up to the PONG of a new PING: everything the server owed this client so far. */
    public List<String> sync() throws IOException {
        String token = "sync" + TOKENS.incrementAndGet();
        send("PING " + token);
        List<String> before = new ArrayList<>();
        while (true) {
            String l = next();
            if (l.endsWith("PONG chatroom :" + token) || l.endsWith("PONG chatroom " + token)) return before;
            before.add(l);
        }
    }

    /** Waits until the server closes the connection; returns the lines received until then. */
    public List<String> awaitClosed() {
        int from = history.size();
        try {
            Await.take("close of the connection", TIMEOUT, lines, l -> l == CLOSED, history);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        history.remove(history.size() - 1); // the end of the connection, not a line
        return new ArrayList<>(history.subList(from, history.size()));
    }

    public List<String> history() {
        return history;
    }

    /** Closes without QUIT: an abrupt disconnect (RST with SO_LINGER 0). */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
