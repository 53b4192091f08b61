package dev.chatroom.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Everything a server is started with, immutable. The defaults are the initial values of
 * {@link Builder}'s fields and nowhere else; {@link ConfigKeys} names each setting for the
 * command line, the config file and {@code --print-config}.
 */
public record ServerConfig(
        String host,
        /** The plain port; {@link #OFF} for none. */
        int port,
        /** The TLS port; {@link #OFF} for none. */
        int tlsPort,
        /** PEM files of a certificate (chain) and its key; both null: a self-signed one in the data dir. */
        Path tlsCert,
        Path tlsKey,
        /** How long clients keep to TLS once told (IRCv3 sts), when the certificate is trusted. */
        Duration stsDuration,
        /** The SSH port; {@link #OFF} for none. */
        int sshPort,
        String room,
        String serverName,
        ApprovalPolicy approve,
        Path motdFile,
        int maxClients,
        int maxPerIp,
        int maxPending,
        String password,
        Duration pingInterval,
        Duration pingTimeout,
        Duration approvalTimeout,
        Duration registrationTimeout,
        int sendq,
        long outputBudget,
        Duration stalledReaderTimeout,
        int floodBurst,
        double floodRate,
        Duration floodDropAfter,
        Path dataDir,
        Path logFile,
        boolean logMessages,
        /** Room messages a joining client is shown (0: none). */
        int historyReplay,
        /** Days messages are kept; 0: nothing is stored. */
        int historyDays,
        /** Most messages kept per room (the oldest go first); 0: no limit but the days. */
        int historyMaxPerRoom,
        /** redis://host:port of the cluster's Redis; null: this server on its own, everything embedded. */
        String redis,
        /** This server's name in the cluster: in its users' ids and its msgids. */
        String nodeName) {

    /** ask: the admin decides (allow-listed accounts skip the queue); all: everyone in; accounts: allow-listed accounts only. */
    public enum ApprovalPolicy { ASK, ALL, ACCOUNTS }

    /** A port that is not listened on. */
    public static final int OFF = -1;

    public static final ServerConfig DEFAULTS = new Builder().build();

    public static ServerConfig defaults() {
        return DEFAULTS;
    }

    /** The default room, or null when the server was started without one. */
    public String defaultRoom() {
        return room == null || room.isEmpty() ? null : room;
    }

    /** A copy with some settings changed: {@code config.with(b -> b.port(0).approve(ALL))}. */
    public ServerConfig with(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.tlsPort = tlsPort;
        b.tlsCert = tlsCert;
        b.tlsKey = tlsKey;
        b.stsDuration = stsDuration;
        b.sshPort = sshPort;
        b.room = room;
        b.serverName = serverName;
        b.approve = approve;
        b.motdFile = motdFile;
        b.maxClients = maxClients;
        b.maxPerIp = maxPerIp;
        b.maxPending = maxPending;
        b.password = password;
        b.pingInterval = pingInterval;
        b.pingTimeout = pingTimeout;
        b.approvalTimeout = approvalTimeout;
        b.registrationTimeout = registrationTimeout;
        b.sendq = sendq;
        b.outputBudget = outputBudget;
        b.stalledReaderTimeout = stalledReaderTimeout;
        b.floodBurst = floodBurst;
        b.floodRate = floodRate;
        b.floodDropAfter = floodDropAfter;
        b.dataDir = dataDir;
        b.logFile = logFile;
        b.logMessages = logMessages;
        b.historyReplay = historyReplay;
        b.historyDays = historyDays;
        b.historyMaxPerRoom = historyMaxPerRoom;
        b.redis = redis;
        b.nodeName = nodeName;
        return b;
    }

    /** The one place defaults are written. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 6667;
        private int tlsPort = 6697;
        private Path tlsCert;
        private Path tlsKey;
        private Duration stsDuration = Duration.ofDays(30);
        private int sshPort = 2022;
        private String room = "#chatroom";
        private String serverName = "chatroom";
        private ApprovalPolicy approve = ApprovalPolicy.ASK;
        private Path motdFile;
        private int maxClients = 10_000;
        private int maxPerIp = 10;
        private int maxPending = 100;
        private String password;
        private String redis;
        private String nodeName = "n1";
        private Duration pingInterval = Duration.ofSeconds(60);
        private Duration pingTimeout = Duration.ofSeconds(60);
        private Duration approvalTimeout = Duration.ofMinutes(5);
        private Duration registrationTimeout = Duration.ofSeconds(30);
        private int sendq = 8 << 20;
        /** 0: a quarter of the JVM's direct-memory limit. */
        private long outputBudget = 0;
        private Duration stalledReaderTimeout = Duration.ofSeconds(10);
        private int floodBurst = 10;
        private double floodRate = 2;
        private Duration floodDropAfter = Duration.ofSeconds(30);
        private Path dataDir = Path.of("chatroom-data");
        private Path logFile;
        private boolean logMessages;
        private int historyReplay = 50;
        private int historyDays = 30;
        private int historyMaxPerRoom = 100_000;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder tlsPort(int v) { tlsPort = v; return this; }
        public Builder tlsCert(Path v) { tlsCert = v; return this; }
        public Builder tlsKey(Path v) { tlsKey = v; return this; }
        public Builder stsDuration(Duration v) { stsDuration = v; return this; }
        public Builder sshPort(int v) { sshPort = v; return this; }
        public Builder room(String v) { room = v; return this; }
        public Builder serverName(String v) { serverName = v; return this; }
        public Builder approve(ApprovalPolicy v) { approve = v; return this; }
        public Builder motdFile(Path v) { motdFile = v; return this; }
        public Builder maxClients(int v) { maxClients = v; return this; }
        public Builder maxPerIp(int v) { maxPerIp = v; return this; }
        public Builder maxPending(int v) { maxPending = v; return this; }
        public Builder password(String v) { password = v; return this; }
        public Builder pingInterval(Duration v) { pingInterval = v; return this; }
        public Builder pingTimeout(Duration v) { pingTimeout = v; return this; }
        public Builder approvalTimeout(Duration v) { approvalTimeout = v; return this; }
        public Builder registrationTimeout(Duration v) { registrationTimeout = v; return this; }
        public Builder sendq(int v) { sendq = v; return this; }
        public Builder outputBudget(long v) { outputBudget = v; return this; }
        public Builder stalledReaderTimeout(Duration v) { stalledReaderTimeout = v; return this; }
        public Builder floodBurst(int v) { floodBurst = v; return this; }
        public Builder floodRate(double v) { floodRate = v; return this; }
        public Builder floodDropAfter(Duration v) { floodDropAfter = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder logFile(Path v) { logFile = v; return this; }
        public Builder logMessages(boolean v) { logMessages = v; return this; }
        public Builder historyReplay(int v) { historyReplay = v; return this; }
        public Builder historyDays(int v) { historyDays = v; return this; }
        public Builder historyMaxPerRoom(int v) { historyMaxPerRoom = v; return this; }
        public Builder redis(String v) { redis = v; return this; }
        public Builder nodeName(String v) { nodeName = v; return this; }

        public ServerConfig build() {
            return new ServerConfig(host, port, tlsPort, tlsCert, tlsKey, stsDuration, sshPort, room, serverName, approve, motdFile, maxClients, maxPerIp, maxPending, password,
                    pingInterval, pingTimeout, approvalTimeout, registrationTimeout, sendq, outputBudget, stalledReaderTimeout, floodBurst, floodRate, floodDropAfter,
                    dataDir, logFile, logMessages, historyReplay, historyDays, historyMaxPerRoom, redis, nodeName);
        }
    }
}
