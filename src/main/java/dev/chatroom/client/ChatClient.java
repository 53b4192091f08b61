package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Numeric;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The client's IRC connection, no terminal: what happens, as {@link ClientEvent}s on the network thread, in order. */
public final class ChatClient implements AutoCloseable {
    private final String host;
    private final int port;
    private final Consumer<ClientEvent> listener;
    private final RoomEvents roomEvents;
    private final JoinedRooms rooms;
    private final CompletableFuture<ClientEvent.Closed> closed = new CompletableFuture<>();
    private volatile IrcConnection connection;
    // Network-thread state; read from other threads only through the volatile fields.
    private volatile String nick;
    private volatile boolean accepted;
    private final ConnectionEnd end = new ConnectionEnd();
    private final LagMeter lag = new LagMeter();
    private final CapNegotiation caps = new CapNegotiation(this::sendLine);
    private final ServerNotes notes = new ServerNotes();
    private final Login login = new Login(this::sendLine);
    private final Consumer<ClientEvent> loginEvents;
    private final IncomingMessages incoming;
    private final OutgoingMessages outgoing;
    private final HistoryRequests history;
    private final ClientTls tls;
    private final Registration registration;
    private SocketAddress gateway;
    private volatile String firstNick; // the name first asked for; a fallback taken after a 433 is not the account

    public ChatClient(String host, int port, ClientTls tls, Consumer<ClientEvent> listener) { // tls null: plain TCP
        this.tls = tls;
        this.loginEvents = this::loginEvent;
        caps.holdEnd(() -> login.startIfWanted(
                firstNick != null ? firstNick : nick, caps.has("sasl"), ClientTls.passwordMayGo(host, tls), listener));
        this.host = host;
        this.port = port;
        this.listener = listener;
        this.roomEvents = new RoomEvents(this, listener);
        this.rooms = roomEvents.rooms;
        this.history = new HistoryRequests(this::sendLine, caps::has, listener);
        this.incoming = new IncomingMessages(this, listener, roomEvents.accounts, caps::has, history::live);
        history.seen(incoming.deletions::seen, incoming.deletions::remember);
        this.outgoing = new OutgoingMessages(this, listener);
        this.registration = new Registration(this::sendLine, listener, ClientTls.passwordMayGo(host, tls));
    }

    /** Connects, or throws an IOException whose message is fit for the user ("connection refused"). */
    public ChatClient connect() throws IOException {
        IrcConnection.Listener events = new IrcConnection.Listener() {
            @Override
            public void line(Message m) {
                handle(m);
            }

            @Override
            public void bytes() {
                end.heard();
            }

            @Override
            public void closed() {
                ClientEvent.Closed event = end.closed(host + ":" + port, roomEvents.kickedByServer, accepted);
                listener.accept(event);
                closed.complete(event);
            }
        };
        connection =
                gateway != null ? IrcConnection.open(gateway, events) : IrcConnection.open(host, port, tls, events);
        return this;
    }

    /** Through the ssh gateway at that address, with a line sent before anything else: who is behind this connection. */
    public ChatClient via(SocketAddress gateway, String line) {
        this.gateway = gateway;
        registration.via(line);
        return this;
    }

    /** The server password, sent first (PASS); null for none. */
    public ChatClient serverPassword(String password) {
        registration.password(password);
        return this;
    }

    /** Starts registration with the given nick. */
    public void register(String wantedNick) {
        nick = wantedNick;
        firstNick = wantedNick;
        registration.start(caps, wantedNick);
    }

    /** The account has no password now (a one-time one was used up): a new one needs no current one. */
    public boolean noPassword() {
        return login.noPassword();
    }

    /** Log in with SASL during registration: a password (account null: the nick), or the client certificate. */
    public void loginWith(String account, String password, boolean certificate) {
        if (certificate) login.withCertificate(account);
        else login.withPassword(account, password);
    }

    /** Logs in now, on this connection (the name we want is someone's account): SASL PLAIN. */
    public void logInNow(String account, String password) {
        login.withPassword(account, password);
        if (!login.mayGo(nick, ClientTls.passwordMayGo(host, tls), listener)) return;
        if (caps.has("sasl")) connection.execute(() -> login.start(nick));
        else listener.accept(new ClientEvent.LoginFailed(account, "This server does not offer logging in (SASL)."));
    }

    /** No (further) login attempt on this connection: registration goes on without it. */
    public void endLogin() {
        connection.execute(caps::end);
    }

    /** Tries another nick after {@link ClientEvent.NameRefused}. */
    public void retryNick(String wantedNick) {
        nick = wantedNick;
        sendLine("NICK " + wantedNick);
    }

    /** Sends a message to a room or a nick, split to fit lines; several lines ("\n") are one where multiline() says so. */
    public void send(String target, String body, boolean action) {
        outgoing.send(target, body, action);
    }

    boolean multiline() { // draft/multiline
        return outgoing.multiline();
    }

    /** A command line as typed (JOIN, PART, TOPIC, MODE...), already built by the caller. */
    public void command(String line) {
        if ((line.startsWith("REGISTER ") || line.startsWith("SETPASS ")) && !ClientTls.passwordMayGo(host, tls)) {
            listener.accept(new ClientEvent.Problem("Not sent: passwords go over TLS only (join with --tls)."));
            return;
        }
        sendLine(line);
    }

    /** Measures the round trip: the PONG sets {@link #lagMillis()}. */
    public void ping() {
        sendLine(lag.ping());
    }

    /** The last measured round trip in ms, -1 before the first. */
    public long lagMillis() {
        return lag.lagMillis();
    }

    /** Asks for a room's member list; answered with {@link ClientEvent.Members}. */
    public void requestMembers(String which) {
        if (which != null) connection.execute(() -> roomEvents.requestNames(which));
    }

    /** Keeps history's marks in these (the session's); the rooms we were in before a reconnection fetch what was missed. */
    public ChatClient remembering(HistoryMarks marks, List<String> rejoining) {
        history.remembering(marks, rejoining);
        return this;
    }

    /** /notify's list (the session's): sent as MONITOR to a server that offers it. */
    public ChatClient watching(Watchlist w) {
        roomEvents.watchlist = w;
        return this;
    }

    /** /history: count messages of a room or private conversation from before the oldest seen. */
    public void history(String target, int count) {
        connection.execute(() -> history.older(target, Math.min(count, HistoryRequests.MAX)));
    }

    /** /delete, /react, /reply and typing notices: done on the network thread, with the messages seen. */
    void withMessages(BiConsumer<IncomingMessages, OutgoingMessages> what) {
        connection.execute(() -> what.accept(incoming, outgoing));
    }

    public void search(String words) {
        connection.execute(() -> history.search(words));
    }

    /** MARKREAD: read up to then; false when not sent (not in, gone, or the server keeps no read markers). */
    boolean markRead(String target, java.time.Instant upTo) {
        return accepted && !closed.isDone() && history.markRead(target, upTo);
    }

    /** Sends QUIT; the server's closing then completes {@link #closed()}. */
    public void quit(String reason) {
        end.quitting();
        sendLine(reason == null ? "QUIT" : "QUIT :" + reason);
    }

    public CompletableFuture<ClientEvent.Closed> closed() {
        return closed;
    }

    public String nick() {
        return nick;
    }

    /** The room the server put us in first. */
    public String room() {
        return roomEvents.firstRoom;
    }

    public boolean accepted() {
        return accepted;
    }

    /** Everyone in our rooms as last known, for completion. */
    public Set<String> members() {
        return rooms.everyone();
    }

    /** The members of one room as last known (empty when we are not in it). */
    public Set<String> members(String which) {
        JoinedRooms.Room r = rooms.find(which);
        return r == null ? Set.of() : r.members;
    }

    /** The rooms we are in, in the order we joined them. */
    public List<String> rooms() {
        return rooms.names();
    }

    /** The account a nick is logged in to as far as the server told us; null when not, or not known. */
    public String accountOf(String who) {
        return roomEvents.accounts.of(who);
    }

    private void loginEvent(ClientEvent e) {
        if (e instanceof ClientEvent.LoggedIn l) roomEvents.accounts.set(nick, l.account());
        listener.accept(e);
    }

    public String topic(String which) {
        JoinedRooms.Room r = rooms.find(which);
        return r == null ? null : r.topic;
    }

    void sendLine(String line) {
        IrcConnection c = connection;
        if (c != null) c.send(line);
    }

    @Override
    public void close() {
        if (connection != null) connection.close();
    }

    /** We are in the room now: what was said there before is asked for. */
    void entered(String room) {
        history.entered(room);
    }

    void renamed(String now) {
        nick = now;
    }

    boolean isMe(String who) {
        return who != null && nick != null && Casemapping.equals(who, nick);
    }

    private void handle(Message line) {
        end.line(line.command());
        Message m = incoming.batches.take(line); // a multiline message is handled once whole
        if (m == null || history.absorb(m)) return;
        String cmd = m.command();
        switch (cmd) {
            case "PING" ->
                sendLine("PONG :"
                        + (m.params().isEmpty() ? "" : m.param(m.params().size() - 1)));
            case "PONG" -> lag.pong(m);
            case "MODE", "INVITE" -> {
                String text = notes.describe(m, nick);
                if (text != null) listener.accept(new ClientEvent.Info(text));
            }
            case "CAP" -> {
                caps.onCap(m);
                outgoing.granted(caps);
            }
            case "ERROR" -> end.error(m);
            case "PRIVMSG", "NOTICE", "TAGMSG" -> incoming.onMessage(m);
            case "REDACT" -> incoming.deletions.onRedact(m);
            case "NOTE", "FAIL", "WARN" -> {
                if ("ONE_TIME_PASSWORD_USED".equals(m.param(1))) login.oneTimePasswordUsed();
                ClientEvent.Ending ending = notes.standardReply(m, listener);
                if (ending != null) end.endsAs(ending);
            }
            case "AUTHENTICATE" -> login.onAuthenticate(m);
            case "REGISTER", "SETPASS" -> login.onSuccess(m, tls != null && tls.hasCertificate(), loginEvents);
            case "JOIN" -> roomEvents.onJoin(m);
            case "PART" -> roomEvents.onLeave(m, m.param(0), m.param(1));
            case "QUIT" -> roomEvents.onLeave(m, null, m.param(0));
            case "KICK" -> roomEvents.onKick(m);
            case "NICK" -> roomEvents.onNick(m);
            case "ACCOUNT" -> roomEvents.onAccount(m);
            case "TOPIC" ->
                roomEvents.onTopic(
                        m.param(0), m.param(1) == null || m.param(1).isEmpty() ? null : m.param(1), m.param(1));
            default -> {
                if (cmd.length() == 3 && Character.isDigit(cmd.charAt(0))) onNumeric(m);
            }
        }
    }

    private void onNumeric(Message m) {
        String code = m.command();
        List<String> p = m.params();
        String last = p.isEmpty() ? "" : p.get(p.size() - 1);
        if (login.onNumeric(code, last, loginEvents)) {
            if (!login.awaitingRetry()) caps.end(); // a refused password: the session tries another or calls endLogin
            return;
        }
        switch (code) {
            case Numeric.RPL_WELCOME -> {
                accepted = true;
                nick = p.get(0);
                history.welcomed();
            }
            case Numeric.RPL_ISUPPORT -> roomEvents.onIsupport(m);
            case Numeric.RPL_MONONLINE, Numeric.RPL_MONOFFLINE -> roomEvents.onMonitor(m);
            case Numeric.RPL_WHOSPCRPL -> roomEvents.onWhoxReply(m);
            case Numeric.RPL_NAMREPLY -> roomEvents.names(last);
            case Numeric.RPL_ENDOFNAMES -> roomEvents.onEndOfNames(p.size() > 1 ? p.get(1) : "");
            case Numeric.RPL_TOPIC -> roomEvents.onTopic(p.get(1), last, last);
            case Numeric.ERR_NICKNAMEINUSE, Numeric.ERR_ERRONEUSNICKNAME, Numeric.ERR_NONICKNAMEGIVEN ->
                listener.accept(ServerNotes.nameRefused(code, p, nick, accepted));
            case Numeric.ERR_YOUREBANNEDCREEP -> end.endsAs(ClientEvent.Ending.BANNED);
            case Numeric.ERR_PASSWDMISMATCH -> {
                if (!accepted && registration.refused()) end.endsAs(ClientEvent.Ending.REJECTED);
            }
            default -> {
                ClientEvent shown = notes.numeric(m, nick);
                if (shown != null) listener.accept(shown);
            }
        }
    }
}
