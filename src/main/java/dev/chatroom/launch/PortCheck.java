package dev.chatroom.launch;

import dev.chatroom.config.HostPort;
import dev.chatroom.config.ServerConfig;
import dev.chatroom.server.net.Listeners;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The ports a start would listen on (metrics included), for {@code --check-config}: each bound for an instant, as the start binds it. A
 * port in use while a server holds the data dir is taken to be that server's (the check before a restart).
 */
final class PortCheck {
    private PortCheck() {}

    static void run(ServerConfig config, OptionalLong running, Findings found) {
        Map<Integer, String> taken = new HashMap<>();
        String host = config.host();
        port(host, "port", config.port(), null, running, taken, found);
        // the default TLS and SSH ports may be taken: the server then starts without them, and says so
        String tls = config.tlsPort() == ServerConfig.DEFAULTS.tlsPort() ? "TLS" : null;
        port(host, "tls-port", config.tlsPort(), tls, running, taken, found);
        String ssh = config.sshPort() == ServerConfig.DEFAULTS.sshPort() ? "SSH" : null;
        port(host, "ssh-port", config.sshPort(), ssh, running, taken, found);
        if (config.webPort() != ServerConfig.OFF) port(host, "web-port", config.webPort(), null, running, taken, found);
        if (config.webTlsPort() != ServerConfig.OFF)
            port(host, "web-tls-port", config.webTlsPort(), null, running, taken, found);
        if (config.metrics() == null) found.ok("metrics", "off");
        else port(config.metrics().host(), "metrics", config.metrics().port(), null, running, taken, found);
    }

    private static void port(
            String host,
            String key,
            int port,
            String withoutIfTaken,
            OptionalLong running,
            Map<Integer, String> taken,
            Findings found) {
        if (port == ServerConfig.OFF) {
            found.ok(key, "off");
            return;
        }
        if (port == 0) {
            found.ok(key, "0: a free port is picked at start");
            return;
        }
        String where = new HostPort(host, port).toString();
        String other = taken.putIfAbsent(port, key);
        if (other != null) {
            found.problem(key, port + " is also " + other + ": give each its own port");
            return;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(host, port));
            found.ok(key, where + " is free");
        } catch (IOException | RuntimeException e) {
            String why = Listeners.bindProblem(e);
            if (running.isPresent() && why.equals(Listeners.ADDRESS_IN_USE))
                found.note(key, where + " is in use, by the running server" + DataDirLock.pid(running) + " presumably");
            else if (withoutIfTaken != null)
                found.ok(
                        key,
                        "cannot listen on " + where + " (" + why + "): the server would start without "
                                + withoutIfTaken);
            else found.problem(key, "cannot listen on " + where + ": " + why);
        }
    }
}
