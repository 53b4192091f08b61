package dev.chatroom.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything a server is started with, immutable, and built only by name through {@link Builder}
 * (a positional constructor would let two neighbouring ints be swapped unnoticed). The defaults are
 * the initial values of {@link Builder}'s fields and nowhere else; {@link ConfigKeys} names each
 * setting for the command line, the config file and {@code --print-config}.
 */
public final class ServerConfig {
    /** ask: the admin decides (allow-listed accounts skip the queue); all: everyone in; accounts: allow-listed accounts only. */
    public enum ApprovalPolicy {
        ASK,
        ALL,
        ACCOUNTS
    }

    /** A port that is not listened on. */
    public static final int OFF = -1;

    public static final ServerConfig DEFAULTS = new Builder().build();

    /** A copy no one else holds, so a config never changes once built. */
    private final Builder settings;

    private ServerConfig(Builder settings) {
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
    public ServerConfig with(Consumer<Builder> changes) {
        Builder b = toBuilder();
        changes.accept(b);
        return b.build();
    }

    public Builder toBuilder() {
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

    public int maxPending() {
        return settings.maxPending;
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
    public int historyMaxPerRoom() {
        return settings.historyMaxPerRoom;
    }
    /** redis://host:port of the cluster's Redis; null: this server on its own, everything embedded. */
    public String redis() {
        return settings.redis;
    }
    /** This server's name in the cluster: in its users' ids and its msgids. */
    public String nodeName() {
        return settings.nodeName;
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

    /** The one place defaults are written. */
    public static final class Builder implements Cloneable {
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

        /** The settings above, read reflectively so that equals, hashCode and toString need no list of them. */
        private static final List<Field> SETTINGS = Arrays.stream(Builder.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .toList();

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder tlsPort(int v) {
            tlsPort = v;
            return this;
        }

        public Builder tlsCert(Path v) {
            tlsCert = v;
            return this;
        }

        public Builder tlsKey(Path v) {
            tlsKey = v;
            return this;
        }

        public Builder stsDuration(Duration v) {
            stsDuration = v;
            return this;
        }

        public Builder sshPort(int v) {
            sshPort = v;
            return this;
        }

        public Builder room(String v) {
            room = v;
            return this;
        }

        public Builder serverName(String v) {
            serverName = v;
            return this;
        }

        public Builder approve(ApprovalPolicy v) {
            approve = v;
            return this;
        }

        public Builder motdFile(Path v) {
            motdFile = v;
            return this;
        }

        public Builder maxClients(int v) {
            maxClients = v;
            return this;
        }

        public Builder maxPerIp(int v) {
            maxPerIp = v;
            return this;
        }

        public Builder maxPending(int v) {
            maxPending = v;
            return this;
        }

        public Builder password(String v) {
            password = v;
            return this;
        }

        public Builder pingInterval(Duration v) {
            pingInterval = v;
            return this;
        }

        public Builder pingTimeout(Duration v) {
            pingTimeout = v;
            return this;
        }

        public Builder approvalTimeout(Duration v) {
            approvalTimeout = v;
            return this;
        }

        public Builder registrationTimeout(Duration v) {
            registrationTimeout = v;
            return this;
        }

        public Builder sendq(int v) {
            sendq = v;
            return this;
        }

        public Builder outputBudget(long v) {
            outputBudget = v;
            return this;
        }

        public Builder stalledReaderTimeout(Duration v) {
            stalledReaderTimeout = v;
            return this;
        }

        public Builder floodBurst(int v) {
            floodBurst = v;
            return this;
        }

        public Builder floodRate(double v) {
            floodRate = v;
            return this;
        }

        public Builder floodDropAfter(Duration v) {
            floodDropAfter = v;
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        public Builder logFile(Path v) {
            logFile = v;
            return this;
        }

        public Builder logMessages(boolean v) {
            logMessages = v;
            return this;
        }

        public Builder historyReplay(int v) {
            historyReplay = v;
            return this;
        }

        public Builder historyDays(int v) {
            historyDays = v;
            return this;
        }

        public Builder historyMaxPerRoom(int v) {
            historyMaxPerRoom = v;
            return this;
        }

        public Builder redis(String v) {
            redis = v;
            return this;
        }

        public Builder nodeName(String v) {
            nodeName = v;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(copy());
        }

        /** Every field holds an immutable value, so a shallow copy is a full one. */
        private Builder copy() {
            try {
                return (Builder) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        private Object[] values() {
            Object[] values = new Object[SETTINGS.size()];
            for (int i = 0; i < values.length; i++) {
                try {
                    values[i] = SETTINGS.get(i).get(this);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e); // a class may always read its own fields
                }
            }
            return values;
        }

        @Override
        public String toString() {
            List<String> named = new ArrayList<>();
            Object[] values = values();
            for (int i = 0; i < values.length; i++) named.add(SETTINGS.get(i).getName() + "=" + values[i]);
            return named.toString();
        }
    }
}
