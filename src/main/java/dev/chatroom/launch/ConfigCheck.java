package dev.chatroom.launch;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.log.EventSink;
import dev.chatroom.server.net.ServerTls;
import dev.chatroom.store.StoreException;
import dev.chatroom.store.redis.RedisStores;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code chatroom server --check-config}: what a start would load, open and bind, checked the way the start does it,
 * without serving and without changing anything: no certificate or key is made, no database created or migrated, a
 * port is bound for an instant only.
 */
public final class ConfigCheck {
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(5);

    private final ServerConfig config;
    private final Findings found = new Findings();

    private ConfigCheck(ServerConfig config) {
        this.config = config;
    }

    public static Findings run(ServerConfig config) {
        ConfigCheck c = new ConfigCheck(config);
        c.preflight();
        c.tls();
        OptionalLong running = StorageCheck.run(config, c.found);
        PortCheck.run(config, running, c.found);
        c.adminSocket();
        c.redis();
        return c.found;
    }

    private void preflight() {
        try {
            Preflight.listensSomewhere(config);
        } catch (StartException e) {
            found.problem("port", e.getMessage());
        }
        if (config.motdFile() != null) {
            try {
                List<String> motd = Preflight.motd(config);
                found.ok("motd-file", config.motdFile() + ": " + motd.size() + " line(s)");
            } catch (StartException e) {
                found.problem("motd-file", e.getMessage());
            }
        }
        if (config.redis() != null) {
            String key = config.clusterSecretFile() != null ? "cluster-secret-file" : "cluster-secret";
            try {
                Preflight.clusterSecret(config);
                found.ok(key, config.clusterSecretFile() != null ? config.clusterSecretFile() + ": usable" : "usable");
            } catch (StartException e) {
                found.problem(key, e.getMessage());
            }
        }
    }

    private void tls() {
        if (config.tlsPort() == ServerConfig.OFF && config.webTlsPort() == ServerConfig.OFF) return;
        try {
            ServerTls.Loaded tls = ServerTls.loadExisting(config);
            if (tls == null) {
                found.ok(
                        "tls-cert",
                        "unset: a self-signed certificate will be made in " + config.dataDir() + " at start");
                return;
            }
            Date expires = tls.leaf().getNotAfter();
            String until = expires.toInstant().toString().substring(0, 10);
            if (expires.before(new Date())) {
                found.problem("tls-cert", tls.certFile() + " expired on " + until + ": clients will refuse it");
                return;
            }
            found.ok(
                    "tls-cert",
                    tls.certFile() + ": expires " + until + ", SHA-256 fingerprint " + tls.fingerprint()
                            + (tls.trusted() ? ", signed by a known authority" : ", self-signed or untrusted"));
        } catch (IOException e) {
            found.problem("tls-cert", e.getMessage());
        }
    }

    /**
     * The admin socket's directory and group. A directory chosen that is missing is only a note: chatroom.service's
     * RuntimeDirectory makes /run/chatroom when the service starts and removes it when it stops.
     */
    private void adminSocket() {
        String group = config.adminGroup();
        if (group != null) {
            try {
                FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
            } catch (IOException e) {
                found.problem("admin-group", "no group " + group + " on this system");
            }
        }
        if (config.adminSocket() == null) return; // admin.sock in the data dir, checked with it
        Path socket = config.adminSocketFile();
        Path dir = socket.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir))
            found.note("admin-socket", dir + " does not exist now: it must when the server starts");
        else if (!Files.isWritable(dir) || !Files.isExecutable(dir))
            found.problem("admin-socket", dir + " is not writable by " + System.getProperty("user.name"));
        else found.ok("admin-socket", socket + ": its directory is writable");
    }

    private void redis() {
        if (config.redis() == null) return;
        try (RedisStores stores =
                RedisStores.open(config.redis(), RedisStores.DEFAULT_PREFIX, EventSink.NONE, REDIS_TIMEOUT, 1, 0)) {
            found.ok("redis", stores.where() + ": reachable");
        } catch (StoreException e) {
            found.problem("redis", e.getMessage());
        }
    }
}
