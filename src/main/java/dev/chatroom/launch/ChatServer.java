package dev.chatroom.launch;

import dev.chatroom.cluster.ClusterSecret;
import dev.chatroom.config.HostPort;
import dev.chatroom.config.ServerConfig;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.metrics.MetricsServer;
import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerAccess;
import dev.chatroom.server.accounts.PasswordHash;
import dev.chatroom.server.console.AdminSession;
import dev.chatroom.server.console.AdminSessions;
import dev.chatroom.server.console.OperatorConsole;
import dev.chatroom.server.net.Descriptors;
import dev.chatroom.server.net.HashingThreads;
import dev.chatroom.server.net.Listeners;
import dev.chatroom.server.net.LoopClock;
import dev.chatroom.server.net.ServerTls;
import dev.chatroom.server.net.SshGateway;
import dev.chatroom.store.StoreException;
import dev.chatroom.store.Stores;
import dev.chatroom.store.redis.RedisStores;
import dev.chatroom.store.sqlite.SqliteStores;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A running server, put together: the stores (SQLite on its own, Redis in a cluster), the hub
 * on the event loop, the cluster when there is one, the listeners and SSH. It only wires these
 * parts and stops them in the right order; each does its own job.
 */
public final class ChatServer implements ServerAccess, AutoCloseable {
    private final ServerConfig config;
    private final AdminAccess admin;
    private final EventSink events;
    private Listeners listeners;
    private Hub hub;
    private Stores stores;
    private HashingThreads hashing;
    private ServerTls tls;
    private Channel plain;
    private Channel secure;
    private WebPorts web = WebPorts.NONE;
    private SshGateway ssh;
    private ServerConfig effective;
    private DataDirLock dataDir;
    private MetricsServer metrics;
    /** Listening with the store open (and the cluster joined), until it stops: what /readyz reports. */
    private volatile boolean serving;

    private boolean closed;

    /** A server whose own console only prints (a log, a test's record). */
    public ChatServer(ServerConfig config, EventSink output) {
        this(config, AdminSession.printing("server console", output));
    }

    /** A server with its own console; every event reaches it and every other attached console. */
    public ChatServer(ServerConfig config, AdminSession own) {
        this.config = config;
        this.admin = new AdminAccess(config, this, own);
        this.events = admin.sessions();
    }

    public ChatServer start() throws StartException {
        dataDir = DataDirLock.take(config.dataDir());
        try {
            return startHoldingDataDir();
        } catch (StartException | RuntimeException e) {
            dataDir.close();
            throw e;
        }
    }

    private ChatServer startHoldingDataDir() throws StartException {
        PrivateDataDir.secure(config, events);
        ClusterSecret secret = Preflight.clusterSecret(config);
        List<String> motd = Preflight.motd(config);
        Preflight.listensSomewhere(config);
        if (config.tlsPort() != ServerConfig.OFF || config.webTlsPort() != ServerConfig.OFF) {
            try {
                tls = ServerTls.start(config);
            } catch (IOException e) {
                throw new StartException(e.getMessage(), true, e);
            }
        }
        listeners = new Listeners(config);
        try {
            // first, so that /readyz says "not yet" while the rest starts
            if (config.metrics() != null)
                metrics = MetricsServer.start(config.metrics(), this, listeners.memory()::queued, () -> serving);
            stores = config.redis() != null
                    ? RedisStores.open(config, listeners.loop(), events)
                    : SqliteStores.open(config, listeners.loop(), events);
        } catch (IOException e) {
            listeners.stopNow();
            throw new StartException(e.getMessage(), false, e);
        } catch (StoreException e) {
            if (metrics != null) metrics.close();
            listeners.stopNow();
            throw new StartException("Cannot use the database: " + e.getMessage(), false, e);
        }
        events.event(Event.info(
                "history",
                config.historyDays() > 0
                        ? "History: kept " + config.historyDays() + " day(s) in " + stores.where()
                                + "; joining shows the last " + config.historyReplay() + " message(s) of a room."
                        : "History: off (--history-days 0); nothing said is stored."));
        effective = config.with(b -> b.maxClients(Descriptors.maxClients(config.maxClients())));
        hashing = new HashingThreads(listeners.loop());
        try {
            hub = call(h -> newHub(motd)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            stop(null);
            throw new StartException(
                    "Cannot use the database: " + (e.getCause() == null ? e : e.getCause()).getMessage(), false, e);
        }
        listeners.serve(hub, tls);
        if (secret != null) {
            try {
                ClusterJoin.join(config, secret, this, listeners.loop(), admin.sessions(), stores.where());
            } catch (StartException e) {
                stop(null);
                throw e;
            }
        }
        plain = listen(config.port(), false);
        if (tls != null && config.tlsPort() != ServerConfig.OFF) secure = listenTls();
        web = WebPorts.bind(listeners, config, () -> stop(null));
        if (config.sshPort() != ServerConfig.OFF) startSsh();
        try {
            admin.openSocket();
        } catch (StartException e) {
            stop(null);
            throw e;
        }
        int tlsPort = tlsPort();
        boolean sts = tls != null && tls.current().trusted();
        call(h -> {
                    h.gate().tlsPort(tlsPort);
                    if (sts) h.gate().strictTransport(tlsPort, config.stsDuration());
                    return null;
                })
                .join();
        serving = true;
        return this;
    }

    private Hub newHub(List<String> motd) {
        try {
            Hub h = new Hub(
                    effective,
                    motd,
                    new LoopClock(listeners.loop()),
                    Listeners.ALLOC,
                    events,
                    stores,
                    listeners.memory(),
                    PasswordHash.DEFAULT,
                    hashing);
            admin.sessions().watch(h);
            h.console(new OperatorConsole(this));
            return h;
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Channel listen(int port, boolean tlsToo) throws StartException {
        if (port == ServerConfig.OFF) return null;
        try {
            return listeners.bind(port, tlsToo);
        } catch (IOException e) {
            stop(null);
            throw new StartException(e.getMessage(), false, e);
        }
    }

    /**
     * The TLS port. The default one (6697) being taken is not fatal: a second server on a machine,
     * started with only --port, should start like it did before TLS existed; it says so instead.
     */
    private Channel listenTls() throws StartException {
        if (config.tlsPort() != ServerConfig.DEFAULTS.tlsPort()) return listen(config.tlsPort(), true);
        try {
            return listeners.bind(config.tlsPort(), true);
        } catch (IOException e) {
            events.event(Event.warn(
                    "tls_off",
                    "TLS is off: " + e.getMessage().replaceFirst("^Cannot listen on ", "cannot listen on ")
                            + ". Give --tls-port another port (or off)."));
            tls = null;
            return null;
        }
    }

    /** SSH, started after the plain and TLS listeners. The default port being taken is not fatal (like TLS's); a chosen one is. */
    private void startSsh() throws StartException {
        try {
            ssh = listeners.startSsh(admin.ssh(), events);
        } catch (Exception e) {
            String why = e instanceof IOException && e.getMessage() != null ? e.getMessage() : Listeners.bindProblem(e);
            if (config.sshPort() == ServerConfig.DEFAULTS.sshPort()) {
                events.event(Event.warn("ssh_off", "SSH is off: " + why + ". Give --ssh-port another port (or off)."));
                return;
            }
            stop(null);
            throw new StartException(why, false, e);
        }
    }

    /** Every admin console of this server: its own, and those attached. */
    public AdminSessions admins() {
        return admin.sessions();
    }

    /** How an admin can reach the console besides this terminal, as commands to type; empty when no way is open. */
    public List<String> adminWays() {
        return admin.ways(sshPort());
    }

    /** The SSH port listened on; -1 when off. */
    public int sshPort() {
        return ssh == null ? ServerConfig.OFF : ssh.port();
    }

    /** The SSH host key's fingerprint (SHA256:...), null when SSH is off. */
    public String sshFingerprint() {
        return ssh == null ? null : ssh.fingerprint();
    }

    @Override
    public String reloadTls() {
        return TlsReport.reload(this);
    }

    /** The TLS certificate in use; null when TLS is off. */
    public ServerTls.Loaded tlsCertificate() {
        return tls == null ? null : tls.current();
    }

    /**
     * Reads the certificate files again (the console's /reload, SIGHUP). New connections get the
     * new certificate; those up keep theirs. Returns what is in use now; throws with the reason
     * when the new files are not usable, and the old certificate stays.
     */
    public synchronized ServerTls.Loaded reloadCertificate() throws IOException {
        if (tls == null) throw new IOException("TLS is off (--tls-port off)");
        ServerTls.Loaded loaded = tls.reload();
        call(h -> {
            if (loaded.trusted()) h.gate().strictTransport(tlsPort(), config.stsDuration());
            else h.gate().strictTransport(ServerConfig.OFF, null);
            return null;
        });
        return loaded;
    }

    /** Where /metrics, /healthz and /readyz are served, with the port; null when they are not. */
    public HostPort metricsAddress() {
        return metrics == null ? null : metrics.address();
    }

    /** The output budget in bytes, as the server uses it. */
    public long outputBudget() {
        return listeners.memory().budget();
    }

    /** The configuration as the server runs it: max-clients may be lowered to what the open-file limit allows. */
    public ServerConfig effectiveConfig() {
        return effective;
    }

    /** The plain port listened on; -1 when off. */
    public int port() {
        return plain == null ? ServerConfig.OFF : ((InetSocketAddress) plain.localAddress()).getPort();
    }

    /** The TLS port listened on; -1 when off. */
    public int tlsPort() {
        return secure == null ? ServerConfig.OFF : ((InetSocketAddress) secure.localAddress()).getPort();
    }

    /** The WebSocket listeners. */
    public WebPorts web() {
        return web;
    }

    public String transport() {
        return listeners.transport();
    }

    /** Runs f on the server's event loop, where the hub may be touched. */
    @Override
    public <T> CompletableFuture<T> call(Function<Hub, T> f) {
        return listeners.onLoop(() -> f.apply(hub));
    }

    /** Returns once the server has been closed and has stopped. */
    public void awaitClose() throws InterruptedException {
        listeners.awaitStopped();
    }

    /** Stops accepting, tells every client the server is shutting down, closes them, then stops. */
    @Override
    public void close() {
        shutdown(null);
    }

    @Override
    public void shutdown(String reason) {
        stop(reason);
    }

    private synchronized void stop(String reason) {
        if (closed || listeners == null) return;
        closed = true;
        serving = false;
        if (ssh != null) ssh.stopListening();
        if (plain != null) plain.close().awaitUninterruptibly();
        if (secure != null) secure.close().awaitUninterruptibly();
        web.close();
        if (hub != null) {
            try {
                call(h -> {
                            h.departures().shutdown(reason);
                            return null;
                        })
                        .get(2, TimeUnit.SECONDS);
                listeners.awaitClients(3);
            } catch (Exception e) {
                // stopping anyway: the event loop shutdown below closes what is left
            }
            hub.replication().close(); // after our users' departures were published
        }
        admin.close(); // the attached consoles saw the departures, then are told the server stops
        if (ssh != null) ssh.close(); // after its sessions' clients were told, like every connection
        listeners.stop();
        if (hashing != null) hashing.close();
        if (stores != null)
            stores.close(); // the database: writes the messages, bans and accounts still pending, then closes
        dataDir.close();
        if (metrics != null) metrics.close(); // last: /readyz says "not ready" until the very end
    }
}
