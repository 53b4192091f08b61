package dev.chatroom.testing;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.server.BanList;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Motd;
import dev.chatroom.server.ServerAccess;
import dev.chatroom.server.console.AdminCommands;
import dev.chatroom.server.store.Database;
import dev.chatroom.server.store.SqliteHistoryStore;
import dev.chatroom.server.store.SqliteRoomStore;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The server's core with no network: the real hub and dispatcher, recording links for clients,
 * a manual clock. Everything happens synchronously on the test's thread, so a test reads
 * exactly what each client was sent, in order, in milliseconds.
 */
public final class InMemoryServer implements ServerAccess, AutoCloseable {
    public final ManualClock clock = new ManualClock();
    public final Hub hub;
    public final AdminCommands admin;
    public final TestBudget budget = new TestBudget();
    private final Deque<String> events = new ArrayDeque<>();
    private final List<String> eventsSeen = new ArrayList<>();
    private final List<List<BanList.Ban>> savedBans = new ArrayList<>();
    private boolean shutDown;
    private final Database database;

    public InMemoryServer(ServerConfig config) {
        this(config, new BanList());
    }

    public InMemoryServer(ServerConfig config, BanList bans) {
        try {
            hub = new Hub(config, Motd.load(config), clock, UnpooledByteBufAllocator.DEFAULT, events::add, bans, savedBans::add, budget);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        admin = new AdminCommands(this);
        database = null;
    }

    /**
     * With history and rooms kept in a real chatroom.db in dir (SQLite, its writer and reader
     * running inline on the test's thread), so a test sees what was stored when a command returns
     * and a new server on the same dir is a restart.
     */
    public InMemoryServer(ServerConfig config, Path dir) {
        try {
            database = Database.open(dir, new InlineExecutor());
            SqliteHistoryStore history = new SqliteHistoryStore(database, Runnable::run, events::add, true);
            hub = new Hub(config, Motd.load(config), clock, UnpooledByteBufAllocator.DEFAULT, events::add, new BanList(), savedBans::add, budget,
                    dev.chatroom.server.accounts.Accounts.inMemory(), dev.chatroom.server.accounts.PasswordHash.DEFAULT,
                    dev.chatroom.server.Background.INLINE, history, new SqliteRoomStore(database, events::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (dev.chatroom.server.accounts.AccountStore.StoreException e) {
            throw new IllegalStateException(e);
        }
        admin = new AdminCommands(this);
        clock.runPending();
    }

    public InMemoryServer() {
        this(config());
    }

    /** Accepts everyone, no flood control (tests of those features turn them on), many connections per address. */
    public static ServerConfig config() {
        return ServerConfig.defaults().with(b -> b.host("127.0.0.1").port(0).approve(ApprovalPolicy.ALL).floodRate(0).maxPerIp(1000)
                .dataDir(Path.of("unused-in-memory")));
    }

    public static ServerConfig config(java.util.function.Consumer<ServerConfig.Builder> changes) {
        return config().with(changes);
    }

    public FakeClient connect() {
        return connect("127.0.0.1");
    }

    public FakeClient connect(String host) {
        FakeClient c = new FakeClient(this, host);
        clock.runPending();
        return c;
    }

    /** A client that came over ssh with this key (SHA256:...), from host. */
    public FakeClient connectSsh(String host, String key) {
        FakeClient c = new FakeClient(this, host, key);
        clock.runPending();
        return c;
    }

    /** A client over TLS, optionally with a client certificate of this fingerprint (null for none). */
    public FakeClient connectSecure(String host, String certificate) {
        FakeClient c = new FakeClient(this, host, true);
        if (certificate != null) hub.clientCertificate(c.connection(), certificate);
        clock.runPending();
        return c;
    }

    /** A client that registered and, when everyone is accepted, landed in the default room. */
    public FakeClient join(String nick) {
        return connect().register(nick);
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    public <T> CompletableFuture<T> call(Function<Hub, T> f) {
        T result = f.apply(hub);
        clock.runPending();
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void shutdown(String reason) {
        if (shutDown) return;
        shutDown = true;
        hub.departures().shutdown(reason);
        clock.runPending();
    }

    /** Runs f on the hub (there is no other thread here). */
    public <T> T onLoop(Function<Hub, T> f) {
        return call(f).join();
    }

    @Override
    public void close() {
        if (database != null) database.close(); // no sockets, no threads: only the database file to let go of
    }

    /** The next console event matching the regex; the ones before it are skipped. */
    public String expectEvent(String regex) {
        Pattern p = Pattern.compile(regex);
        List<String> skipped = new ArrayList<>();
        while (!events.isEmpty()) {
            String e = events.poll();
            eventsSeen.add(e);
            if (p.matcher(e).find()) return e;
            skipped.add(e);
        }
        throw new AssertionError("no console event matching " + regex + "; had: " + skipped);
    }

    /** Console events not yet looked at, taken. */
    public List<String> events() {
        List<String> out = new ArrayList<>(events);
        eventsSeen.addAll(events);
        events.clear();
        return out;
    }

    public List<String> eventsSeen() {
        eventsSeen.addAll(events);
        events.clear();
        return eventsSeen;
    }

    /** Every ban list the server asked to save, in order. */
    public List<List<BanList.Ban>> savedBans() {
        return savedBans;
    }
}
