package dev.chatroom.config;

import dev.chatroom.log.LogFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything a server is started with, immutable, and built only by name through {@link Settings}
 * (a positional constructor would let two neighbouring ints be swapped unnoticed). The defaults are
 * the initial values of {@link Settings}'s fields and nowhere else; {@link ConfigKeys} names each
 * setting for the command line, the config file and {@code --print-config}.
 */
public final class ServerConfig {
    /** ask: the admin decides (allow-listed accounts skip the queue); all: everyone in; accounts: allow-listed accounts only. */
    public enum ApprovalPolicy {
        ASK,
        ALL,
        ACCOUNTS
    }

    /** Whether an account stays present with no device connected: opt-in (each account chooses), opt-out, off. */
    public enum AlwaysOn {
        OPT_IN,
        OPT_OUT,
        OFF
    }

    /** A port that is not listened on. */
    public static final int OFF = -1;

    public static final ServerConfig DEFAULTS = new Settings().build();

    /** A copy no one else holds, so a config never changes once built. */
    private final Settings settings;

    ServerConfig(Settings settings) {
        this.settings = settings;
    }

    public static ServerConfig defaults() {
        return DEFAULTS;
    }

    /** The default room, or null when the server was started without one. */
    public String defaultRoom() {
        return room() == null || room().isEmpty() ? null : room();
    }

    /** A copy with some settings changed: {@code config.with(b -> b.port(0).approve(ALL))}. */
    public ServerConfig with(Consumer<Settings> changes) {
        Settings b = toSettings();
        changes.accept(b);
        return b.build();
    }

    public Settings toSettings() {
        return settings.copy();
    }

    public String host() {
        return settings.host;
    }
    /** The plain port; {@link #OFF} for none. */
    public int port() {
        return settings.port;
    }
    /** The TLS port; {@link #OFF} for none. */
    public int tlsPort() {
        return settings.tlsPort;
    }
    /** PEM files of a certificate (chain) and its key; both null: a self-signed one in the data dir. */
    public Path tlsCert() {
        return settings.tlsCert;
    }

    public Path tlsKey() {
        return settings.tlsKey;
    }
    /** How long clients keep to TLS once told (IRCv3 sts), when the certificate is trusted. */
    public Duration stsDuration() {
        return settings.stsDuration;
    }
    /** The SSH port; {@link #OFF} for none. */
    public int sshPort() {
        return settings.sshPort;
    }
    /** The WebSocket (and web page) port; {@link #OFF} for none. */
    public int webPort() {
        return settings.web.port();
    }
    /** The WebSocket port over TLS; {@link #OFF} for none. */
    public int webTlsPort() {
        return settings.web.tlsPort();
    }
    /** Origins (scheme://host[:port]) whose pages may open a WebSocket, or "*" for any; empty: the listener's own pages only. */
    public List<String> webOrigins() {
        return settings.web.origins();
    }
    /** Proxies (address/length) whose X-Forwarded-For header gives a WebSocket client's address. */
    public List<String> trustedProxies() {
        return settings.web.trustedProxies();
    }

    /** The admin keys file as set; null: admin_keys in the data dir (see {@link #adminKeysFile()}). */
    public Path adminKeys() {
        return settings.adminKeys;
    }

    /** The file (OpenSSH authorized_keys) of the keys that open the admin console over ssh. */
    public Path adminKeysFile() {
        return settings.adminKeys != null ? settings.adminKeys : dataDir().resolve("admin_keys");
    }

    /** The admin socket as set; null: admin.sock in the data dir (see {@link #adminSocketFile()}). */
    public Path adminSocket() {
        return settings.adminSocket;
    }

    /** Where {@code chatroom admin console} attaches: a Unix domain socket. */
    public Path adminSocketFile() {
        return settings.adminSocket != null ? settings.adminSocket : dataDir().resolve("admin.sock");
    }

    /** The group whose members may attach too (the socket 0660), or null: the owner only (0600). */
    public String adminGroup() {
        return settings.adminGroup;
    }

    public String room() {
        return settings.room;
    }

    public String serverName() {
        return settings.serverName;
    }

    public ApprovalPolicy approve() {
        return settings.approve;
    }

    public Path motdFile() {
        return settings.motdFile;
    }

    public int maxClients() {
        return settings.maxClients;
    }

    public int maxPerIp() {
        return settings.maxPerIp;
    }

    /** Most connections logged in to one account at once, sharing its nick and presence. */
    public int maxDevices() {
        return settings.maxDevices;
    }

    public AlwaysOn alwaysOn() {
        return settings.alwaysOn;
    }

    public int maxPending() {
        return settings.maxPending;
    }

    /** The hosts others see are cloaks (keyed hashes of the addresses), not the addresses; ssh users are cloaked either way. */
    public boolean cloakHosts() {
        return settings.cloakHosts;
    }

    /** The IRC operators: name -> Argon2id hash of the password OPER takes; empty for none. */
    public Map<String, String> opers() {
        return settings.opers;
    }

    public String password() {
        return settings.password;
    }

    public Duration pingInterval() {
        return settings.pingInterval;
    }

    public Duration pingTimeout() {
        return settings.pingTimeout;
    }

    public Duration approvalTimeout() {
        return settings.approvalTimeout;
    }

    public Duration registrationTimeout() {
        return settings.registrationTimeout;
    }

    public int sendq() {
        return settings.sendq;
    }
    /** 0: a quarter of the JVM's direct-memory limit. */
    public long outputBudget() {
        return settings.outputBudget;
    }

    public Duration stalledReaderTimeout() {
        return settings.stalledReaderTimeout;
    }

    public int floodBurst() {
        return settings.floodBurst;
    }

    public double floodRate() {
        return settings.floodRate;
    }

    public Duration floodDropAfter() {
        return settings.floodDropAfter;
    }

    public Path dataDir() {
        return settings.dataDir;
    }

    public Path logFile() {
        return settings.logFile;
    }

    /** How events are written on the console and in the log file. */
    public LogFormat logFormat() {
        return settings.logFormat;
    }

    public boolean logMessages() {
        return settings.logMessages;
    }
    /** Room messages a joining client is shown (0: none). */
    public int historyReplay() {
        return settings.historyReplay;
    }
    /** Days messages are kept; 0: nothing is stored. */
    public int historyDays() {
        return settings.historyDays;
    }
    /** Most messages kept per room (the oldest go first); 0: no limit but the days. */
    /** How long senders may delete (REDACT) their own messages; operators and the admin always may. */
    public Duration redactWindow() {
        return settings.redactWindow;
    }

    public int historyMaxPerRoom() {
        return settings.historyMaxPerRoom;
    }
    /** Where /metrics, /healthz and /readyz are served; null: nowhere. */
    public HostPort metrics() {
        return settings.metrics;
    }
    /** The cluster's Redis (redis://host:port, or redis-sentinel://...#primary); null: this server on its own, everything embedded. */
    public String redis() {
        return settings.redis;
    }
    /** Replicas that must have a write to Redis before it counts as done (Redis WAIT); 0: Redis's own answer. */
    public int redisWaitReplicas() {
        return settings.redisWaitReplicas;
    }
    /** This server's name in the cluster: in its users' ids and its msgids. */
    public String nodeName() {
        return settings.nodeName;
    }
    /** The secret a cluster's servers share, given as it is; null: see {@link #clusterSecretFile()}. */
    public String clusterSecret() {
        return settings.clusterSecret;
    }
    /** A file holding the cluster secret (its first line); null: see {@link #clusterSecret()}. */
    public Path clusterSecretFile() {
        return settings.clusterSecretFile;
    }

    /** Two configs are equal when every setting is, as records are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ServerConfig other && Arrays.equals(settings.values(), other.settings.values());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(settings.values());
    }

    @Override
    public String toString() {
        return "ServerConfig" + settings;
    }
}
