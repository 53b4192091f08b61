package dev.chatroom.config;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.log.LogFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Every server setting by name: the same key is the flag ({@code --port}), the config file key
 * ({@code port = 6667}) and a line of {@code --print-config}. The default shown is read from
 * {@link ServerConfig#DEFAULTS}, so it is never written twice.
 */
public final class ConfigKeys {
    private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();

    static {
        String net = "Network";
        key(
                "host",
                net,
                "ADDRESS",
                "Address to listen on (127.0.0.1 for this machine only).",
                c -> c.host(),
                (b, v) -> b.host(Values.text(v)));
        key(
                "port",
                net,
                "PORT|off",
                "Plain TCP port; 0 picks a free one (printed at start); off for TLS only.",
                c -> Values.formatPort(c.port()),
                (b, v) -> b.port(Values.port(v)));
        key(
                "tls-port",
                net,
                "PORT|off",
                "TLS port; 0 picks a free one; off for none.",
                c -> Values.formatPort(c.tlsPort()),
                (b, v) -> b.tlsPort(Values.port(v)));
        key(
                "tls-cert",
                net,
                "FILE",
                "The TLS certificate chain (PEM, e.g. Let's Encrypt's fullchain.pem); unset: a self-signed one in the data dir.",
                c -> c.tlsCert(),
                (b, v) -> b.tlsCert(Values.path(v)));
        key(
                "tls-key",
                net,
                "FILE",
                "The certificate's private key (PEM, e.g. privkey.pem).",
                c -> c.tlsKey(),
                (b, v) -> b.tlsKey(Values.path(v)));
        key(
                "sts-duration",
                net,
                "DURATION",
                "With a trusted certificate, clients on the plain port are told to use TLS for this long (IRCv3 sts).",
                c -> c.stsDuration(),
                (b, v) -> b.stsDuration(Values.duration(v)));
        key(
                "ssh-port",
                net,
                "PORT|off",
                "SSH port: ssh -p PORT name@host opens the chat client, nothing to install; 0 picks a free one; off for none.",
                c -> Values.formatPort(c.sshPort()),
                (b, v) -> b.sshPort(Values.port(v)));
        WebKeys.add(net);
        key(
                "admin-keys",
                net,
                "FILE",
                "The ssh keys (OpenSSH authorized_keys format) that open the admin console with ssh -p PORT admin@host; unset: admin_keys in the data dir.",
                c -> c.adminKeys(),
                (b, v) -> b.adminKeys(Values.path(v)));
        key(
                "admin-socket",
                net,
                "FILE",
                "The Unix domain socket chatroom admin console attaches to; unset: admin.sock in the data dir.",
                c -> c.adminSocket(),
                (b, v) -> b.adminSocket(Values.path(v)));
        key(
                "admin-group",
                net,
                "GROUP",
                "A group whose members may attach too: the admin socket is made with this group and mode 0660; unset: its owner only (0600).",
                c -> c.adminGroup(),
                (b, v) -> b.adminGroup(Values.group(v)));
        key(
                "server-name",
                net,
                "NAME",
                "The name in every server reply and numeric, and the IRC NETWORK.",
                c -> c.serverName(),
                (b, v) -> b.serverName(Values.serverName(v)));

        String room = "Room and admission";
        key(
                "room",
                room,
                "#NAME",
                "The room every accepted user lands in; empty for none.",
                c -> c.room(),
                (b, v) -> b.room(Values.room(v)));
        key(
                "approve",
                room,
                "ask|all|accounts",
                "ask: the admin accepts or rejects each join (allow-listed accounts skip the queue); all: everyone is accepted; accounts: allow-listed accounts only.",
                c -> c.approve(),
                (b, v) -> b.approve(Values.choice(v, ApprovalPolicy.class)));
        key(
                "password",
                room,
                "SECRET",
                "Server password clients must send with PASS; none when unset.",
                c -> c.password(),
                (b, v) -> b.password(Values.text(v)));
        key(
                "motd-file",
                room,
                "FILE",
                "Message of the day shown on joining, one line per line; the command list when unset.",
                c -> c.motdFile(),
                (b, v) -> b.motdFile(Values.path(v)));
        key(
                "approval-timeout",
                room,
                "DURATION",
                "A join request unanswered this long is rejected.",
                c -> c.approvalTimeout(),
                (b, v) -> b.approvalTimeout(Values.duration(v)));
        key(
                "cloak-hosts",
                room,
                "true|false",
                "Others see a cloak (a keyed hash of the address, such as 7tnq2mkx5bv4rc3w.ip) as a user's host; false shows addresses. ssh users are always cloaked.",
                c -> c.cloakHosts(),
                (b, v) -> b.cloakHosts(Values.bool(v)));
        list(
                "opers",
                room,
                "NAME:HASH",
                "IRC operators, each NAME:HASH with the HASH from 'chatroom admin hash-password': OPER NAME PASSWORD lets them approve joins and run console commands over IRC. A list of strings in the config file; on the command line the flag again, or ';' between entries.",
                c -> Values.format(c.opers()),
                (b, v) -> b.opers(Values.opers(v)));

        String limits = "Limits";
        key(
                "max-clients",
                limits,
                "N",
                "Most connections at once.",
                c -> c.maxClients(),
                (b, v) -> b.maxClients(Values.integer(v, 1, Integer.MAX_VALUE)));
        key(
                "max-per-ip",
                limits,
                "N",
                "Most connections from one address.",
                c -> c.maxPerIp(),
                (b, v) -> b.maxPerIp(Values.integer(v, 1, Integer.MAX_VALUE)));
        key(
                "max-devices",
                limits,
                "N",
                "Most connections logged in to one account at once: one person on several devices.",
                c -> c.maxDevices(),
                (b, v) -> b.maxDevices(Values.integer(v, 1, 1000)));
        key(
                "always-on",
                limits,
                "opt-in|opt-out|off",
                "Accounts that stay in their rooms with no device connected: opt-in (ACCOUNTSET always-on on), opt-out, off.",
                c -> c.alwaysOn(),
                (b, v) -> b.alwaysOn(Values.choice(v, ServerConfig.AlwaysOn.class)));
        key(
                "max-pending",
                limits,
                "N",
                "Most join requests waiting for the admin at once.",
                c -> c.maxPending(),
                (b, v) -> b.maxPending(Values.integer(v, 1, Integer.MAX_VALUE)));
        key(
                "registration-timeout",
                limits,
                "DURATION",
                "A connection that has not sent NICK and USER by then is closed.",
                c -> c.registrationTimeout(),
                (b, v) -> b.registrationTimeout(Values.duration(v)));
        key(
                "ping-interval",
                limits,
                "DURATION",
                "A client silent this long is sent a PING.",
                c -> c.pingInterval(),
                (b, v) -> b.pingInterval(Values.duration(v)));
        key(
                "ping-timeout",
                limits,
                "DURATION",
                "...and is dropped if nothing arrives within this after the PING.",
                c -> c.pingTimeout(),
                (b, v) -> b.pingTimeout(Values.duration(v)));
        key(
                "sendq",
                limits,
                "BYTES",
                "Bytes queued for a client that does not read; past it the client is dropped.",
                c -> c.sendq(),
                (b, v) -> b.sendq((int) Values.bytes(v, 1024, Integer.MAX_VALUE)));
        key(
                "output-budget",
                limits,
                "BYTES",
                "Bytes queued for all clients together; when full, senders are slowed. 0: a quarter of the JVM's direct memory.",
                c -> c.outputBudget(),
                (b, v) -> b.outputBudget(Values.bytes(v, 0, Long.MAX_VALUE >> 1)));
        key(
                "stalled-reader-timeout",
                limits,
                "DURATION",
                "Clients that take no bytes this long are dropped if they keep the output budget full; a few over their share of it, after a fifth of this.",
                c -> c.stalledReaderTimeout(),
                (b, v) -> b.stalledReaderTimeout(Values.duration(v)));
        key(
                "flood-burst",
                limits,
                "LINES",
                "Lines a client may send at once before flood control slows it down.",
                c -> c.floodBurst(),
                (b, v) -> b.floodBurst(Values.integer(v, 1, 100_000)));
        key(
                "flood-rate",
                limits,
                "LINES/S",
                "Lines per second a client may send sustained; 0 turns flood control off.",
                c -> c.floodRate(),
                (b, v) -> b.floodRate(Values.decimal(v, 0)));
        key(
                "flood-drop-after",
                limits,
                "DURATION",
                "A client held back by flood control this long without a break is dropped.",
                c -> c.floodDropAfter(),
                (b, v) -> b.floodDropAfter(Values.duration(v)));

        ClusterKeys.add();

        String data = "Data and logs";
        key(
                "data-dir",
                data,
                "DIR",
                "Where the server keeps what it remembers: history, rooms, accounts, the allow list and bans (chatroom.db), its TLS certificate.",
                c -> c.dataDir(),
                (b, v) -> b.dataDir(Values.path(v)));
        key(
                "log-file",
                data,
                "FILE",
                "Also append server events, timestamped, to this file.",
                c -> c.logFile(),
                (b, v) -> b.logFile(Values.path(v)));
        key(
                "log-format",
                data,
                "text|json",
                "text: events as sentences (in the log file after a timestamp); json: one JSON object a line, on the console and in the log file.",
                c -> c.logFormat(),
                (b, v) -> b.logFormat(Values.choice(v, LogFormat.class)));
        HistoryKeys.add(data);
        flag(
                "log-messages",
                data,
                "Log the text of messages too (off by default, for privacy).",
                c -> c.logMessages(),
                (b, v) -> b.logMessages(Values.bool(v)));

        key(
                "metrics",
                "Monitoring",
                "HOST:PORT",
                "Serve /metrics (Prometheus), /healthz and /readyz over HTTP here, e.g. 127.0.0.1:9177 (port 0: a free one, printed at start); unset: off.",
                c -> c.metrics(),
                (b, v) -> b.metrics(Values.hostPort(v)));
    }

    private ConfigKeys() {}

    static void key(
            String name,
            String group,
            String label,
            String description,
            Function<ServerConfig, Object> get,
            BiConsumer<Settings, String> set) {
        KEYS.put(name, new ConfigKey(name, group, label, description, false, false, get, set));
    }

    static void list(
            String name,
            String group,
            String label,
            String description,
            Function<ServerConfig, Object> get,
            BiConsumer<Settings, String> set) {
        KEYS.put(name, new ConfigKey(name, group, label, description, false, true, get, set));
    }

    private static void flag(
            String name,
            String group,
            String description,
            Function<ServerConfig, Object> get,
            BiConsumer<Settings, String> set) {
        KEYS.put(name, new ConfigKey(name, group, null, description, true, false, get, set));
    }

    public static List<ConfigKey> all() {
        return List.copyOf(KEYS.values());
    }

    public static ConfigKey find(String name) {
        return KEYS.get(name);
    }
}
