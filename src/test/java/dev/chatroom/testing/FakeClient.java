package dev.chatroom.testing;

import dev.chatroom.ip.Address;
import dev.chatroom.irc.IrcFrameDecoder;
import dev.chatroom.irc.IrcLineDecoder;
import dev.chatroom.server.Connection;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A client of an {@link InMemoryServer}: its bytes go through the real framer and decoder into
 * the hub, and what the server sends it is recorded. Reading never waits: by the time a call
 * returns, everything it caused has happened.
 */
public final class FakeClient {
    private static final java.util.regex.Pattern MSGID = java.util.regex.Pattern.compile("msgid=([^; ]+)");

    /** The msgid tag of a line as the server sent it, or null. */
    public static String msgid(String line) {
        java.util.regex.Matcher m = MSGID.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    private final InMemoryServer server;
    private final RecordingLink link = new RecordingLink();
    private final EmbeddedChannel decoder =
            new EmbeddedChannel(new IrcFrameDecoder(IrcLineDecoder.MAX_LINE), new IrcLineDecoder());
    private final List<String> history = new ArrayList<>();
    private final Connection connection;
    public String nick;

    FakeClient(InMemoryServer server, String host) {
        this(server, host, false);
    }

    /** secure: as if it came over TLS. */
    FakeClient(InMemoryServer server, String host, boolean secure) {
        this.server = server;
        this.connection = server.hub.connect(address(host), link, secure);
    }

    /** Through the ssh gateway: someone at host who logged in to ssh with this key. */
    FakeClient(InMemoryServer server, String host, String sshKey) {
        this.server = server;
        this.connection = server.hub.connectSsh(address(host), sshKey, link);
    }

    /** An address in any of its forms, as a socket would report it. */
    private static Address address(String host) {
        Address a = Address.parse(host);
        if (a == null) throw new IllegalArgumentException("not an address: " + host);
        return a;
    }

    /** The server-side connection, null when the server refused it. */
    public Connection connection() {
        return connection;
    }

    public RecordingLink link() {
        return link;
    }

    public FakeClient send(String line) {
        return sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes as a socket would deliver them; complete lines are handled at once. */
    public FakeClient sendRaw(byte[] bytes) {
        if (connection == null || link.closed()) return this;
        decoder.writeInbound(Unpooled.wrappedBuffer(bytes));
        Object line;
        while ((line = decoder.readInbound()) != null) {
            server.hub.received(connection, line);
            server.clock.runPending();
        }
        server.clock.runPending();
        return this;
    }

    /** The connection drops without a QUIT. */
    public void drop() {
        if (connection != null) server.hub.connectionLost(connection);
        server.clock.runPending();
    }

    public FakeClient sendRegistration(String nick) {
        this.nick = nick;
        send("NICK " + nick);
        return send("USER " + nick.toLowerCase() + " 0 * :" + nick + " Tester");
    }

    /** Registers and waits for the end of the default room's NAMES. */
    public FakeClient register(String nick) {
        sendRegistration(nick);
        expect(" 366 " + Pattern.quote(nick) + " ");
        return this;
    }

    public FakeClient registerWithCaps(String nick, String caps) {
        send("CAP REQ :" + caps);
        sendRegistration(nick);
        send("CAP END");
        expect(" 366 " + Pattern.quote(nick) + " ");
        return this;
    }

    /** The next line sent to this client; fails when there is none. */
    public String next() {
        String l = link.lines().poll();
        if (l == null) throw new AssertionError("no line" + (link.closed() ? " (closed)" : "") + "; had: " + history);
        history.add(l);
        return l;
    }

    /** Skips lines until one matches the regex (found anywhere in the line) and returns it. */
    public String expect(String regex) {
        Pattern p = Pattern.compile(regex);
        return expect(l -> p.matcher(l).find(), regex);
    }

    public String expect(Predicate<String> match, String what) {
        while (!link.lines().isEmpty()) {
            String l = next();
            if (match.test(l)) return l;
        }
        throw new AssertionError("no line matching " + what + "; had: " + history);
    }

    /** Every line sent to this client not yet read, taken. */
    public List<String> sync() {
        List<String> out = new ArrayList<>();
        while (!link.lines().isEmpty()) out.add(next());
        return out;
    }

    /** The rest of the lines, asserting the server closed the connection. */
    public List<String> awaitClosed() {
        List<String> rest = sync();
        if (!link.closed()) throw new AssertionError("connection not closed; had: " + history);
        return rest;
    }

    public boolean isClosed() {
        return link.closed();
    }

    public List<String> history() {
        return history;
    }
}
