package dev.chatroom.config;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.log.LogFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every server setting by name: the same key is the flag ({@code --port}), the config file key
 * ({@code port = 6667}) and a line of {@code --print-config}. The default shown is read from
 * {@link ServerConfig#DEFAULTS}, so it is never written twice.
 */
public final class ConfigKeys {
    private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();

    static {
        String net = "Network";
        add(ConfigKey.setting(
                "host",
                net,
                "ADDRESS",
                "Address to listen on (127.0.0.1 for this machine only).",
                c -> c.host(),
                (b, v) -> b.host(Values.text(v))));
        add(ConfigKey.setting(
                "port",
                net,
                "PORT|off",
                "Plain TCP port; 0 picks a free one (printed at start); off for TLS only.",
                c -> Values.formatPort(c.port()),
                (b, v) -> b.port(Values.port(v))));
        add(ConfigKey.setting(
                "tls-port",
                net,
                "PORT|off",
                "TLS port; 0 picks a free one; off for none.",
                c -> Values.formatPort(c.tlsPort()),
                (b, v) -> b.tlsPort(Values.port(v))));
        add(ConfigKey.setting(
                "tls-cert",
                net,
                "FILE",
                "The TLS certificate chain (PEM, e.g. Let's Encrypt's fullchain.pem); unset: a self-signed one in the data dir.",
                c -> c.tlsCert(),
                (b, v) -> b.tlsCert(Values.path(v))));
        add(ConfigKey.setting(
                "tls-key",
                net,
                "FILE",
                "The certificate's private key (PEM, e.g. privkey.pem).",
                c -> c.tlsKey(),
                (b, v) -> b.tlsKey(Values.path(v))));
        add(ConfigKey.setting(
                "sts-duration",
                net,
                "DURATION",
                "With a trusted certificate, clients on the plain port are told to use TLS for this long (IRCv3 sts).",
                c -> c.stsDuration(),
                (b, v) -> b.stsDuration(Values.duration(v))));
        add(ConfigKey.setting(
                "ssh-port",
                net,
                "PORT|off",
                "SSH port: ssh -p PORT name@host opens the chat client, nothing to install; 0 picks a free one; off for none.",
                c -> Values.formatPort(c.sshPort()),
                (b, v) -> b.sshPort(Values.port(v))));
        add(ConfigKey.setting(
                "admin-keys",
                net,
                "FILE",
                "The ssh keys (OpenSSH authorized_keys format) that open the admin console with ssh -p PORT admin@host; unset: admin_keys in the data dir.",
                c -> c.adminKeys(),
                (b, v) -> b.adminKeys(Values.path(v))));
        add(ConfigKey.setting(
                "admin-socket",
                net,
                "FILE",
                "The Unix domain socket chatroom admin console attaches to; unset: admin.sock in the data dir.",
                c -> c.adminSocket(),
                (b, v) -> b.adminSocket(Values.path(v))));
        add(ConfigKey.setting(
                "admin-group",
                net,
                "GROUP",
                "A group whose members may attach too: the admin socket is made with this group and mode 0660; unset: its owner only (0600).",
                c -> c.adminGroup(),
                (b, v) -> b.adminGroup(Values.group(v))));
        add(ConfigKey.setting(
                "server-name",
                net,
                "NAME",
                "The name in every server reply and numeric, and the IRC NETWORK.",
                c -> c.serverName(),
                (b, v) -> b.serverName(Values.serverName(v))));

        String room = "Room and admission";
        add(ConfigKey.setting(
                "room",
                room,
                "#NAME",
                "The room every accepted user lands in; empty for none.",
                c -> c.room(),
                (b, v) -> b.room(Values.room(v))));
        add(ConfigKey.setting(
                "approve",
                room,
                "ask|all|accounts",
                "ask: the admin accepts or rejects each join (allow-listed accounts skip the queue); all: everyone is accepted; accounts: allow-listed accounts only.",
                c -> c.approve(),
                (b, v) -> b.approve(Values.choice(v, ApprovalPolicy.class))));
        add(ConfigKey.setting(
                "password",
                room,
                "SECRET",
                "Server password clients must send with PASS; none when unset.",
                c -> c.password(),
                (b, v) -> b.password(Values.text(v))));
        add(ConfigKey.setting(
                "motd-file",
                room,
                "FILE",
                "Message of the day shown on joining, one line per line; the command list when unset.",
                c -> c.motdFile(),
                (b, v) -> b.motdFile(Values.path(v))));
        add(ConfigKey.setting(
                "approval-timeout",
                room,
                "DURATION",
                "A join request unanswered this long is rejected.",
                c -> c.approvalTimeout(),
                (b, v) -> b.approvalTimeout(Values.duration(v))));
        add(ConfigKey.setting(
                "cloak-hosts",
                room,
                "true|false",
                "Others see a cloak (a keyed hash of the address, such as 7tnq2mkx5bv4rc3w.ip) as a user's host; false shows addresses. ssh users are always cloaked.",
                c -> c.cloakHosts(),
                (b, v) -> b.cloakHosts(Values.bool(v))));
        add(ConfigKey.list(
                "opers",
                room,
                "NAME:HASH",
                "IRC operators, each NAME:HASH with the HASH from 'chatroom admin hash-password': OPER NAME PASSWORD lets them approve joins and run console commands over IRC. A list of strings in the config file; on the command line the flag again, or ';' between entries.",
                c -> Values.format(c.opers()),
                (b, v) -> b.opers(Values.opers(v))));

        String limits = "Limits";
        add(ConfigKey.setting(
                "max-clients",
                limits,
                "N",
                "Most connections at once.",
                c -> c.maxClients(),
                (b, v) -> b.maxClients(Values.integer(v, 1, Integer.MAX_VALUE))));
        add(ConfigKey.setting(
                "max-per-ip",
                limits,
                "N",
                "Most connections from one address.",
                c -> c.maxPerIp(),
                (b, v) -> b.maxPerIp(Values.integer(v, 1, Integer.MAX_VALUE))));
        add(ConfigKey.setting(
                "max-pending",
                limits,
                "N",
                "Most join requests waiting for the admin at once.",
                c -> c.maxPending(),
                (b, v) -> b.maxPending(Values.integer(v, 1, Integer.MAX_VALUE))));
        add(ConfigKey.setting(
                "registration-timeout",
                limits,
                "DURATION",
                "A connection that has not sent NICK and USER by then is closed.",
                c -> c.registrationTimeout(),
                (b, v) -> b.registrationTimeout(Values.duration(v))));
        add(ConfigKey.setting(
                "ping-interval",
                limits,
                "DURATION",
                "A client silent this long is sent a PING.",
                c -> c.pingInterval(),
                (b, v) -> b.pingInterval(Values.duration(v))));
        add(ConfigKey.setting(
                "ping-timeout",
                limits,
                "DURATION",
                "...and is dropped if nothing arrives within this after the PING.",
                c -> c.pingTimeout(),
                (b, v) -> b.pingTimeout(Values.duration(v))));
        add(ConfigKey.setting(
                "sendq",
                limits,
                "BYTES",
                "Bytes queued for a client that does not read; past it the client is dropped.",
                c -> c.sendq(),
                (b, v) -> b.sendq((int) Values.bytes(v, 1024, Integer.MAX_VALUE))));
        add(ConfigKey.setting(
                "output-budget",
                limits,
                "BYTES",
                "Bytes queued for all clients together; when full, senders are slowed. 0: a quarter of the JVM's direct memory.",
                c -> c.outputBudget(),
                (b, v) -> b.outputBudget(Values.bytes(v, 0, Long.MAX_VALUE >> 1))));
        add(ConfigKey.setting(
                "stalled-reader-timeout",
                limits,
                "DURATION",
                "Clients that take no bytes this long are dropped if they keep the output budget full; a few over their share of it, after a fifth of this.",
                c -> c.stalledReaderTimeout(),
                (b, v) -> b.stalledReaderTimeout(Values.duration(v))));
        add(ConfigKey.setting(
                "flood-burst",
                limits,
                "LINES",
                "Lines a client may send at once before flood control slows it down.",
                c -> c.floodBurst(),
                (b, v) -> b.floodBurst(Values.integer(v, 1, 100_000))));
        add(ConfigKey.setting(
                "flood-rate",
                limits,
                "LINES/S",
                "Lines per second a client may send sustained; 0 turns flood control off.",
                c -> c.floodRate(),
                (b, v) -> b.floodRate(Values.decimal(v, 0))));
        add(ConfigKey.setting(
                "flood-drop-after",
                limits,
                "DURATION",
                "A client held back by flood control this long without a break is dropped.",
                c -> c.floodDropAfter(),
                (b, v) -> b.floodDropAfter(Values.duration(v))));

        String cluster = "Cluster";
        add(ConfigKey.setting(
                "redis",
                cluster,
                "URI",
                "Join a cluster of servers sharing one Redis (redis://host:6379, redis://user:password@host:6379, rediss:// for TLS): rooms, users, history and bans are shared; unset: this server alone, all embedded.",
                c -> c.redis(),
                (b, v) -> b.redis(Values.redisUri(v))));
        add(ConfigKey.setting(
                "node-name",
                cluster,
                "NAME",
                "This server's name in the cluster, unique among its nodes (letters, digits, '-').",
                c -> c.nodeName(),
                (b, v) -> b.nodeName(Values.nodeName(v))));
        add(ConfigKey.setting(
                "cluster-secret",
                cluster,
                "SECRET",
                "The secret every server of the cluster shares (at least 32 characters; openssl rand -hex 32 makes one): each event on the bus carries a MAC made with it. Needed with redis; ps shows flags, so prefer cluster-secret-file.",
                c -> c.clusterSecret(),
                (b, v) -> b.clusterSecret(Values.text(v))));
        add(ConfigKey.setting(
                "cluster-secret-file",
                cluster,
                "FILE",
                "A file holding the cluster secret on its first line (readable by this user only), instead of cluster-secret.",
                c -> c.clusterSecretFile(),
                (b, v) -> b.clusterSecretFile(Values.path(v))));

        String data = "Data and logs";
        add(ConfigKey.setting(
                "data-dir",
                data,
                "DIR",
                "Where the server keeps what it remembers: history, rooms, accounts, the allow list and bans (chatroom.db), its TLS certificate.",
                c -> c.dataDir(),
                (b, v) -> b.dataDir(Values.path(v))));
        add(ConfigKey.setting(
                "log-file",
                data,
                "FILE",
                "Also append server events, timestamped, to this file.",
                c -> c.logFile(),
                (b, v) -> b.logFile(Values.path(v))));
        add(ConfigKey.setting(
                "log-format",
                data,
                "text|json",
                "text: events as sentences (in the log file after a timestamp); json: one JSON object a line, on the console and in the log file.",
                c -> c.logFormat(),
                (b, v) -> b.logFormat(Values.choice(v, LogFormat.class))));
        add(ConfigKey.setting(
                "history-replay",
                data,
                "N",
                "Room messages shown to someone joining (0: none).",
                c -> c.historyReplay(),
                (b, v) -> b.historyReplay(Values.integer(v, 0, 1000))));
        add(ConfigKey.setting(
                "history-days",
                data,
                "DAYS",
                "Days room messages (and private messages of accounts) are kept in chatroom.db; 0 stores nothing.",
                c -> c.historyDays(),
                (b, v) -> b.historyDays(Values.integer(v, 0, 100_000))));
        add(ConfigKey.setting(
                "history-max-per-room",
                data,
                "N",
                "Most messages kept per room, the oldest removed first; 0: only --history-days limits it.",
                c -> c.historyMaxPerRoom(),
                (b, v) -> b.historyMaxPerRoom(Values.integer(v, 0, Integer.MAX_VALUE))));
        add(ConfigKey.flag(
                "log-messages",
                data,
                "Log the text of messages too (off by default, for privacy).",
                c -> c.logMessages(),
                (b, v) -> b.logMessages(Values.bool(v))));

        add(ConfigKey.setting(
                "metrics",
                "Monitoring",
                "HOST:PORT",
                "Serve /metrics (Prometheus), /healthz and /readyz over HTTP here, e.g. 127.0.0.1:9177 (port 0: a free one, printed at start); unset: off.",
                c -> c.metrics(),
                (b, v) -> b.metrics(Values.hostPort(v))));
    }

    private ConfigKeys() {}

    private static void add(ConfigKey k) {
        KEYS.put(k.name(), k);
    }

    public static List<ConfigKey> all() {
        return List.copyOf(KEYS.values());
    }

    public static ConfigKey find(String name) {
        return KEYS.get(name);
    }
}
