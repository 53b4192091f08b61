package dev.chatroom.testing;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.config.Settings;
import dev.chatroom.server.Background;
import dev.chatroom.server.Clock;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Motd;
import dev.chatroom.server.ServerAccess;
import dev.chatroom.server.accounts.PasswordHash;
import dev.chatroom.server.console.AdminCommands;
import dev.chatroom.server.console.AdminSession;
import dev.chatroom.server.console.AdminSessions;
import dev.chatroom.server.console.OperatorConsole;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.BanStore;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.RoomStore;
import dev.chatroom.store.ServerBan;
import dev.chatroom.store.StoreException;
import dev.chatroom.store.Stores;
import dev.chatroom.store.sqlite.Database;
import dev.chatroom.store.sqlite.SqliteStores;
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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The server's core with no network: the real hub and dispatcher, recording links for clients,
 * a manual clock. Everything happens synchronously on the test's thread, so a test reads
 * exactly what each client was sent, in order, in milliseconds.
 */
public final class InMemoryServer implements ServerAccess, AutoCloseable {
    public final ManualClock clock;
    public final Hub hub;
    /** The server's own console: what it types answers it, as the only console there used to be. */
    public final AdminCommands admin;
    /** Every console, the server's own first (its events are {@link #events()}). */
    public final AdminSessions admins;

    public final TestBudget budget = new TestBudget();
    private final Deque<String> events = new ArrayDeque<>();
    private final List<String> eventsSeen = new ArrayList<>();
    private final List<List<ServerBan>> savedBans = new ArrayList<>();
    private boolean shutDown;
    private final Database database;

    public InMemoryServer(ServerConfig config) {
        this(config, Background.INLINE);
    }

    /** With hashing that finishes when the test says ({@link ManualBackground}). */
    public InMemoryServer(ServerConfig config, ManualBackground hashing) {
        this(config, (Background) hashing);
        hashing.server(this);
    }

    private InMemoryServer(ServerConfig config, Background hashing) {
        clock = new ManualClock();
        database = null;
        admins = admins(config);
        hub = newHub(config, clock, recordingBans(Stores.none()), hashing);
        admin = new AdminCommands(this);
    }

    /**
     * A node of an {@link InMemoryCluster}: on the cluster's clock (hubClock, its share of it, stops
     * when the node is killed), with the cluster's stores.
     */
    InMemoryServer(ServerConfig config, ManualClock clock, Clock hubClock, Stores stores) {
        this.clock = clock;
        database = null;
        admins = admins(config);
        hub = newHub(config, hubClock, recordingBans(stores), Background.INLINE);
        admin = new AdminCommands(this);
        clock.runPending();
    }

    /** With history in the given store (a test's stand-in, answering when the test says), nothing else kept. */
    public InMemoryServer(ServerConfig config, HistoryStore history) {
        clock = new ManualClock();
        database = null;
        admins = admins(config);
        Stores none = Stores.none();
        hub = newHub(
                config,
                clock,
                recordingBans(new Stores() {
                    public AccountStore accounts() {
                        return none.accounts();
                    }

                    public BanStore bans() {
                        return none.bans();
                    }

                    public RoomStore rooms() {
                        return none.rooms();
                    }

                    public HistoryStore history() {
                        return history;
                    }

                    public byte[] cloakSecret() throws StoreException {
                        return none.cloakSecret();
                    }

                    public String where() {
                        return none.where();
                    }

                    public void close() {
                        none.close();
                    }
                }),
                Background.INLINE);
        admin = new AdminCommands(this);
        clock.runPending();
    }

    /**
     * With everything kept in a real chatroom.db in dir (SQLite, its writer and reader running
     * inline on the test's thread), so a test sees what was stored when a command returns and a
     * new server on the same dir is a restart.
     */
    public InMemoryServer(ServerConfig config, Path dir) {
        clock = new ManualClock();
        admins = admins(config);
        try {
            database = Database.open(dir, new InlineExecutor());
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
        hub = newHub(
                config, clock, recordingBans(SqliteStores.inline(database, config, events::add)), Background.INLINE);
        admin = new AdminCommands(this);
        clock.runPending();
    }

    private AdminSessions admins(ServerConfig config) {
        return new AdminSessions(this, config.nodeName(), AdminSession.printing("server console", events::add));
    }

    /** The hub, IRC operators' console lines running at once on the test's thread as everything does here. */
    private Hub newHub(ServerConfig config, Clock hubClock, Stores stores, Background hashing) {
        Hub h = hub(config, hubClock, stores, hashing);
        h.console(new OperatorConsole(this, Runnable::run));
        return h;
    }

    private Hub hub(ServerConfig config, Clock hubClock, Stores stores, Background hashing) {
        try {
            Hub h = new Hub(
                    config,
                    Motd.load(config),
                    hubClock,
                    UnpooledByteBufAllocator.DEFAULT,
                    admins,
                    stores,
                    budget,
                    PasswordHash.DEFAULT,
                    hashing);
            admins.watch(h);
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stores, with every ban list the server saves also recorded for {@link #savedBans()}. */
    private Stores recordingBans(Stores stores) {
        BanStore bans = new BanStore() {
            @Override
            public List<ServerBan> load() throws StoreException {
                return stores.bans().load();
            }

            @Override
            public void save(List<ServerBan> list) {
                savedBans.add(List.copyOf(list));
                stores.bans().save(list);
            }
        };
        return new Stores() {
            public AccountStore accounts() {
                return stores.accounts();
            }

            public BanStore bans() {
                return bans;
            }

            public RoomStore rooms() {
                return stores.rooms();
            }

            public HistoryStore history() {
                return stores.history();
            }

            public byte[] cloakSecret() throws StoreException {
                return stores.cloakSecret();
            }

            public String where() {
                return stores.where();
            }

            public void close() {
                stores.close();
            }
        };
    }

    public InMemoryServer() {
        this(config());
    }

    /**
     * Accepts everyone, no flood control, hosts shown as addresses (tests of those features turn
     * them on: {@code CloakTest}), many connections per address.
     */
    public static ServerConfig config() {
        return ServerConfig.defaults()
                .with(b -> b.host("127.0.0.1")
                        .port(0)
                        .approve(ApprovalPolicy.ALL)
                        .floodRate(0)
                        .cloakHosts(false)
                        .maxPerIp(1000)
                        .dataDir(Path.of("unused-in-memory")));
    }

    public static ServerConfig config(Consumer<Settings> changes) {
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
    public List<List<ServerBan>> savedBans() {
        return savedBans;
    }
}
