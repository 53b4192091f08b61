package dev.chatroom.config;

import dev.chatroom.log.LogFormat;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every setting of a server, with its default: the one place defaults are written. Set by name
 * ({@code new Settings().port(0).approve(ALL)}), then frozen with {@link #build()}; {@link ConfigKeys}
 * names each setting for the command line, the config file and {@code --print-config}.
 */
public final class Settings implements Cloneable {
    String host = "0.0.0.0";
    int port = 6667;
    int tlsPort = 6697;
    Path tlsCert;
    Path tlsKey;
    Duration stsDuration = Duration.ofDays(30);
    int sshPort = 2022;
    WebSettings web = WebSettings.OFF;

    Path adminKeys;
    Path adminSocket;
    String adminGroup;
    String room = "#chatroom";
    String serverName = "chatroom";
    ServerConfig.ApprovalPolicy approve = ServerConfig.ApprovalPolicy.ASK;
    Path motdFile;
    int maxClients = 10_000;
    int maxPerIp = 10;
    int maxPending = 100;
    int maxDevices = 8;
    ServerConfig.AlwaysOn alwaysOn = ServerConfig.AlwaysOn.OPT_IN;
    String password;
    String redis;
    int redisWaitReplicas;
    String nodeName = "n1";
    String clusterSecret;
    Path clusterSecretFile;
    Duration pingInterval = Duration.ofSeconds(60);
    Duration pingTimeout = Duration.ofSeconds(60);
    Duration approvalTimeout = Duration.ofMinutes(5);
    boolean cloakHosts = true;
    /** IRC operators: name -> Argon2id hash of their password, in the order given (unmodifiable). */
    Map<String, String> opers = Map.of();

    Duration registrationTimeout = Duration.ofSeconds(30);
    int sendq = 8 << 20;
    long outputBudget = 0;
    Duration stalledReaderTimeout = Duration.ofSeconds(10);
    int floodBurst = 10;
    double floodRate = 2;
    Duration floodDropAfter = Duration.ofSeconds(30);
    Path dataDir = Path.of("chatroom-data");
    Path logFile;
    LogFormat logFormat = LogFormat.TEXT;
    boolean logMessages;
    int historyReplay = 50;
    int historyDays = 30;
    int historyMaxPerRoom = 100_000;
    Duration redactWindow = Duration.ofDays(1);
    HostPort metrics;

    /** The settings above, read reflectively so that equals, hashCode and toString need no list of them. */
    private static final List<Field> SETTINGS = Arrays.stream(Settings.class.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .toList();

    public Settings host(String v) {
        host = v;
        return this;
    }

    public Settings port(int v) {
        port = v;
        return this;
    }

    public Settings tlsPort(int v) {
        tlsPort = v;
        return this;
    }

    public Settings tlsCert(Path v) {
        tlsCert = v;
        return this;
    }

    public Settings tlsKey(Path v) {
        tlsKey = v;
        return this;
    }

    public Settings stsDuration(Duration v) {
        stsDuration = v;
        return this;
    }

    public Settings sshPort(int v) {
        sshPort = v;
        return this;
    }

    public Settings web(UnaryOperator<WebSettings> change) {
        web = change.apply(web);
        return this;
    }

    public Settings adminKeys(Path v) {
        adminKeys = v;
        return this;
    }

    public Settings adminSocket(Path v) {
        adminSocket = v;
        return this;
    }

    public Settings adminGroup(String v) {
        adminGroup = v;
        return this;
    }

    public Settings room(String v) {
        room = v;
        return this;
    }

    public Settings serverName(String v) {
        serverName = v;
        return this;
    }

    public Settings approve(ServerConfig.ApprovalPolicy v) {
        approve = v;
        return this;
    }

    public Settings motdFile(Path v) {
        motdFile = v;
        return this;
    }

    public Settings maxClients(int v) {
        maxClients = v;
        return this;
    }

    public Settings maxPerIp(int v) {
        maxPerIp = v;
        return this;
    }

    public Settings maxDevices(int v) {
        maxDevices = v;
        return this;
    }

    public Settings alwaysOn(ServerConfig.AlwaysOn v) {
        alwaysOn = v;
        return this;
    }

    public Settings maxPending(int v) {
        maxPending = v;
        return this;
    }

    public Settings password(String v) {
        password = v;
        return this;
    }

    public Settings cloakHosts(boolean v) {
        cloakHosts = v;
        return this;
    }

    /** name -> Argon2id hash; kept as given, so pass an unmodifiable map ({@link Values#opers} makes one). */
    public Settings opers(Map<String, String> v) {
        opers = v;
        return this;
    }

    public Settings pingInterval(Duration v) {
        pingInterval = v;
        return this;
    }

    public Settings pingTimeout(Duration v) {
        pingTimeout = v;
        return this;
    }

    public Settings approvalTimeout(Duration v) {
        approvalTimeout = v;
        return this;
    }

    public Settings registrationTimeout(Duration v) {
        registrationTimeout = v;
        return this;
    }

    public Settings sendq(int v) {
        sendq = v;
        return this;
    }

    public Settings outputBudget(long v) {
        outputBudget = v;
        return this;
    }

    public Settings stalledReaderTimeout(Duration v) {
        stalledReaderTimeout = v;
        return this;
    }

    public Settings floodBurst(int v) {
        floodBurst = v;
        return this;
    }

    public Settings floodRate(double v) {
        floodRate = v;
        return this;
    }

    public Settings floodDropAfter(Duration v) {
        floodDropAfter = v;
        return this;
    }

    public Settings dataDir(Path v) {
        dataDir = v;
        return this;
    }

    public Settings logFile(Path v) {
        logFile = v;
        return this;
    }

    public Settings logFormat(LogFormat v) {
        logFormat = v;
        return this;
    }

    public Settings logMessages(boolean v) {
        logMessages = v;
        return this;
    }

    public Settings historyReplay(int v) {
        historyReplay = v;
        return this;
    }

    public Settings historyDays(int v) {
        historyDays = v;
        return this;
    }

    public Settings redactWindow(Duration v) {
        redactWindow = v;
        return this;
    }

    public Settings historyMaxPerRoom(int v) {
        historyMaxPerRoom = v;
        return this;
    }

    public Settings metrics(HostPort v) {
        metrics = v;
        return this;
    }

    public Settings redis(String v) {
        redis = v;
        return this;
    }

    public Settings redisWaitReplicas(int v) {
        redisWaitReplicas = v;
        return this;
    }

    public Settings nodeName(String v) {
        nodeName = v;
        return this;
    }

    public Settings clusterSecret(String v) {
        clusterSecret = v;
        return this;
    }

    public Settings clusterSecretFile(Path v) {
        clusterSecretFile = v;
        return this;
    }

    public ServerConfig build() {
        return new ServerConfig(copy());
    }

    /** Every field holds an immutable value, so a shallow copy is a full one. */
    Settings copy() {
        try {
            return (Settings) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    Object[] values() {
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
