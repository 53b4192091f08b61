package dev.chatroom.launch;

import dev.chatroom.cluster.ClusterSecret;
import dev.chatroom.config.ServerConfig;
import dev.chatroom.server.Motd;
import java.io.IOException;
import java.util.List;

/**
 * What a start reads and refuses before it opens anything, each refusal a bad setup (exit 2) in words for the admin:
 * shared by the start and by {@code --check-config}, so that both judge a configuration alike.
 */
final class Preflight {
    private Preflight() {}

    /** The cluster secret when the server joins a cluster (redis set); null on its own. */
    static ClusterSecret clusterSecret(ServerConfig config) throws StartException {
        if (config.redis() == null) return null;
        try {
            return ClusterSecret.of(config);
        } catch (IllegalArgumentException e) {
            throw new StartException(e.getMessage(), true, e);
        }
    }

    static List<String> motd(ServerConfig config) throws StartException {
        try {
            return Motd.load(config);
        } catch (IOException e) {
            throw new StartException(e.getMessage(), true, e);
        }
    }

    static void listensSomewhere(ServerConfig config) throws StartException {
        if (config.port() == ServerConfig.OFF
                && config.tlsPort() == ServerConfig.OFF
                && config.webPort() == ServerConfig.OFF
                && config.webTlsPort() == ServerConfig.OFF) {
            throw new StartException("--port and --tls-port are both off: nothing to listen on", true, null);
        }
    }
}
