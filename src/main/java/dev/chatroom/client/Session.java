package dev.chatroom.client;

import java.io.IOException;
import java.net.SocketAddress;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of {@code chatroom join}: asks for a name, connects, waits for the admin, then relays
 * what the user types and prints what happens. A lost connection is retried with backoff, the
 * same name and the same rooms; what is typed meanwhile is queued and sent once back in.
 */
public final class Session {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CONNECTION = 1;
    public static final int EXIT_USAGE = 2;
    /** The admin rejected us, the request expired, or the name was refused with no way to ask again. */
    public static final int EXIT_REFUSED = 3;
    /** Not an exit: the server password is known now, connect again at once to send it first. */
    private static final int WITH_SERVER_PASSWORD = -1;

    private final Ui ui;
    private final String host;
    private final int port;
    private final SessionOptions options;
    private final Render render;
    private final BlockingQueue<ClientEvent> outcomes = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    final SessionState state = new SessionState(this::updateStatus);
    /** The newest and oldest message seen of each conversation, kept across reconnections. */
    private final HistoryMarks marks = new HistoryMarks();
    /** What the user read, told to the server (draft/read-marker). */
    final MarkRead read = MarkRead.onOwnThread(marks, (target, upTo) -> {
        ChatClient c = this.client;
        return c != null && c.markRead(target, upTo);
    });

    private final SessionInput input;
    private volatile ChatClient client;
    private final SessionName name;
    /** The connection being tried was accepted (the backoff starts over after it). */
    private volatile boolean acceptedNow;

    private ClientTls tls;
    private final SessionLogin login;
    private final ServerPassword serverPassword;
    private boolean refusedCertificate; // the server's certificate was refused: never retried
    private long deadline; // for the registration's answer; pushed back while the user types a password
    private volatile ClientSettings settings = ClientSettings.defaults();

    /** Which messages call the user back, and the mutes and ignores kept across sessions. */
    public Session notifications(Notifications.Level level, Preferences kept) {
        settings = new ClientSettings(level, kept).watching(settings.watchlist());
        return this;
    }

    ClientSettings settings() {
        return settings;
    }

    /** Through the in-process ssh gateway: where it is, its first line, and the server's name to show instead. */
    public Session via(SocketAddress gateway, String gatewayLine, String shownAs) {
        this.gateway = new Gateway(gateway, gatewayLine, shownAs);
        return this;
    }

    private record Gateway(SocketAddress address, String line, String shownAs) {}

    private Gateway gateway;

    /** The server, in words: host:port, or the name given instead. */
    private String where() {
        return gateway != null && gateway.shownAs() != null ? gateway.shownAs() : host + ":" + port;
    }

    /** /notify's list: kept in the user's files by `chatroom join`. */
    public Session watchlist(Watchlist w) {
        settings.watching(w);
        return this;
    }

    /** Connect over TLS (null: plain). */
    public Session tls(ClientTls t) {
        tls = t;
        return this;
    }

    /** Log in at every connection: with a password (account null: the name), or with the client certificate. */
    public Session login(String account, String password, boolean certificate) {
        login.with(account, password, certificate);
        return this;
    }

    /** The server password (PASS), sent first on every connection; asked for when needed and not given. */
    public Session serverPassword(String password) {
        serverPassword.given(password);
        return this;
    }

    /** Log in with a password asked for (masked) before connecting; account null: the name. */
    public Session loginAsking(String account) {
        login.asking(account);
        return this;
    }

    public Session(Ui ui, String host, int port, String name, boolean color) {
        this(ui, host, port, name, color, SessionOptions.defaults());
    }

    public Session(Ui ui, String host, int port, String name, boolean color, SessionOptions options) {
        this.ui = ui;
        this.host = host;
        this.port = port;
        this.options = options;
        this.render = new Render(color, () -> client == null ? null : client.nick(), ZoneId.systemDefault())
                .rooms(state::current, state::home)
                .accounts(nick -> client == null ? null : client.accountOf(nick), ui.unicode());
        this.input = new SessionInput(this, ui, render, options.typing());
        this.login = new SessionLogin(ui, this::restartDeadline);
        this.serverPassword = new ServerPassword(ui, this::restartDeadline);
        this.name = new SessionName(ui, name, login, this::restartDeadline);
    }

    ChatClient client() {
        return client;
    }

    Ui ui() {
        return ui;
    }

    boolean ended() {
        return exit.isDone();
    }

    public int run() throws IOException, InterruptedException {
        Integer noName = name.choose();
        if (noName != null) return noName;
        if (!login.askBeforeConnecting(name.current())) return EXIT_USAGE;
        ui.onRoomKeys(input::roomKey);
        int attempt = 0;
        boolean everAccepted = false;
        try {
            while (!exit.isDone()) {
                acceptedNow = false;
                Integer code = connectOnce(everAccepted);
                everAccepted |= acceptedNow;
                if (exit.isDone()) break;
                if (Objects.equals(code, WITH_SERVER_PASSWORD)) continue;
                if (refusedCertificate) return code;
                if (code != null && (code != EXIT_CONNECTION || !options.reconnect() || !everAccepted)) return code;
                attempt = acceptedNow ? 1 : attempt + 1;
                if (!backOff(attempt)) break;
            }
            return exit.getNow(EXIT_OK);
        } finally {
            if (client != null) client.close();
            read.close();
            state.phase(SessionState.Phase.ENDED);
        }
    }

    /**
     * One connection from connect to close. Returns the exit code it ended with (null when the
     * user left meanwhile).
     */
    private Integer connectOnce(boolean reconnecting) throws IOException, InterruptedException {
        state.phase(reconnecting ? SessionState.Phase.RECONNECTING : SessionState.Phase.CONNECTING);
        ui.print("Connecting to " + where() + (tls == null ? "" : " (TLS)") + "...");
        updateStatus();
        outcomes.clear();
        AtomicBoolean abandoned = new AtomicBoolean();
        ChatClient c = new ChatClient(host, port, tls, e -> {
                    if (!abandoned.get()) onEvent(e);
                })
                .remembering(marks, reconnecting ? state.remembered() : List.of())
                .watching(settings.watchlist());
        login.applyTo(c);
        serverPassword.applyTo(c);
        if (gateway != null) c.via(gateway.address(), gateway.line());
        try {
            c.connect();
        } catch (ClientTls.Refused e) {
            ui.print(e.getMessage());
            refusedCertificate = true;
            return EXIT_CONNECTION;
        } catch (IrcConnection.TlsFailed e) {
            ui.print(where() + ": " + e.getMessage());
            return EXIT_CONNECTION;
        } catch (IOException e) {
            ui.print("Cannot reach " + where() + ": " + e.getMessage());
            return EXIT_CONNECTION;
        }
        if (client != null) client.close();
        client = c;
        ui.completeNicksFrom(() -> settings.watchlist().withMembers(c.members()));
        c.register(name.current());
        Integer refused = awaitAcceptance(c);
        if (Objects.equals(refused, WITH_SERVER_PASSWORD)) {
            abandoned.set(true); // this connection is done with: nothing it says counts any more
            c.close();
        }
        if (refused != null) return refused;
        state.accepted(c);
        acceptedNow = true;
        input.start();
        for (String room : state.roomsToRejoin())
            c.command("JOIN " + room + (state.key(room) == null ? "" : " " + state.key(room)));
        input.sendQueued();
        updateStatus();
        ClientEvent.Closed closed = c.closed().join();
        state.remember(c.rooms());
        return exitCode(closed);
    }

    /** Null once accepted; otherwise the exit code. */
    private Integer awaitAcceptance(ChatClient c) throws InterruptedException, IOException {
        restartDeadline();
        boolean waiting = false;
        while (true) {
            long left = deadline - System.nanoTime();
            ClientEvent e =
                    waiting ? outcomes.poll(1, TimeUnit.DAYS) : outcomes.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (exit.isDone()) return exit.getNow(EXIT_OK);
            if (e == null) {
                ui.print("Server did not answer (" + where() + ").");
                c.close();
                return EXIT_CONNECTION;
            }
            if (e instanceof ClientEvent.Welcome) return null;
            if (e instanceof ClientEvent.Closed closed) return exitCode(closed);
            if (e instanceof ClientEvent.Waiting) {
                waiting = true;
                state.phase(SessionState.Phase.WAITING); // Render said so when the event came
                updateStatus();
                input.start();
            }
            if (e instanceof ClientEvent.ServerPasswordNeeded) {
                Integer refused = serverPassword.needed(where(), ClientTls.passwordMayGo(host, tls));
                return refused != null ? refused : WITH_SERVER_PASSWORD;
            }
            if (e instanceof ClientEvent.LoginFailed f && login.nickAfterLogin() == null) {
                if (login.failed(c, f, state.everAccepted())) continue;
                c.quit(null);
                return EXIT_REFUSED;
            }
            Integer gaveUp = name.answer(e, c, state.everAccepted(), input.started());
            if (gaveUp != null) return gaveUp;
        }
    }

    private void restartDeadline() {
        deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.registrationTimeoutMillis());
    }

    /** Waits before the next attempt: 1 s doubling to 30 s, with jitter. False when the user left meanwhile. */
    private boolean backOff(int attempt) throws InterruptedException {
        long base = Math.min(options.maxRetryMillis(), options.firstRetryMillis() << Math.min(20, attempt - 1));
        long wait = base - base / 5 + ThreadLocalRandom.current().nextLong(base / 5 * 2 + 1);
        state.phase(SessionState.Phase.RECONNECTING);
        String text = "Reconnecting in " + Math.max(1, Math.round(wait / 1000.0)) + " s... (attempt " + attempt + ")";
        ui.print(text);
        state.retryText(text);
        updateStatus();
        try {
            exit.get(wait, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private void onEvent(ClientEvent event) {
        ClientEvent e = settings.preferences().withoutIgnored(event);
        if (e == null) return;
        state.seen(e, client);
        boolean stillHeld = e instanceof ClientEvent.NameRefused r
                && state.everAccepted()
                && r.reason().contains("taken");
        String text = stillHeld
                ? SessionName.nameStillHeld(((ClientEvent.NameRefused) e).name(), login.wanted())
                : render.render(e);
        if (text != null) ui.print(text);
        if (client != null) settings.alert(e, client.nick(), ui);
        read.shown(e, state.current(), client);
        if (e instanceof ClientEvent.Welcome
                || e instanceof ClientEvent.NameRefused
                || e instanceof ClientEvent.Waiting
                || e instanceof ClientEvent.LoggedIn
                || e instanceof ClientEvent.LoginFailed
                || e instanceof ClientEvent.ServerPasswordNeeded) outcomes.add(e);
        if (e instanceof ClientEvent.Entered en) input.switchTo(en.room());
        if (e instanceof ClientEvent.Closed c) {
            outcomes.add(c);
            boolean retry = options.reconnect()
                    && c.ending() == ClientEvent.Ending.LOST
                    && (state.everAccepted() || client != null && client.accepted());
            if (!retry) exit.complete(exitCode(c));
        }
        updateStatus();
    }

    static int exitCode(ClientEvent.Closed c) {
        if (c.byUs()) return EXIT_OK;
        if (c.ending() == ClientEvent.Ending.REJECTED) return EXIT_REFUSED;
        return EXIT_CONNECTION;
    }

    void updateStatus() {
        ui.status(state.statusText(client));
    }

    /** Sends QUIT and waits briefly for the server to close; closes anyway after that. */
    void leave(String reason) {
        ChatClient c = client;
        if (c != null && state.phase() != SessionState.Phase.RECONNECTING) {
            read.sendPending(); // what the interval held back
            c.quit(reason);
            try {
                c.closed().get(3, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state.phase() == SessionState.Phase.RECONNECTING || c == null) ui.print("You left the chat.");
        exit.complete(EXIT_OK);
        outcomes.add(new ClientEvent.Closed("left", false, ClientEvent.Ending.LEFT));
    }

    /** The rooms we are in now, for the room keys. */
    List<String> rooms() {
        ChatClient c = client;
        return c == null ? new ArrayList<>() : c.rooms();
    }
}
