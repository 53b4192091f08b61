package dev.chatroom.server;

import dev.chatroom.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a server is started with. Built by the {@code server} command from its flags, or by
 * tests from {@link #defaults()} with the {@code with...} setters; not changed once the server runs.
 */
public final class ServerConfig {
    public enum ApprovalPolicy { ASK, ALL }

    public static final List<String> DEFAULT_MOTD = List.of(
            "Welcome! Everything you type goes to the whole room.",
            "Commands of the chatroom client:",
            "  /private <user> <message>      to one person only (alias /msg)",
            "  /color <color> <message>       a message in color (red, green, yellow, blue, magenta, cyan, white, ...)",
            "  /private <user> /color <color> <message>   both",
            "  /me <action>                   an action: * you wave",
            "  /users                         who is in the room",
            "  /leave                         leave the chat (alias /quit)",
            "  /help                          this list");

    private String host = "0.0.0.0";
    private int port = 6667;
    private String room = "#chatroom";
    private String serverName = "chatroom";
    private ApprovalPolicy approval = ApprovalPolicy.ASK;
    private List<String> motd = DEFAULT_MOTD;
    private int maxClients = 10_000;
    private int maxPerIp = 10;
    private int maxPending = 100;
    private String password;
    private Duration pingInterval = Duration.ofSeconds(60);
    private Duration pingTimeout = Duration.ofSeconds(60);
    private Duration approvalTimeout = Duration.ofMinutes(5);
    private Duration registrationTimeout = Duration.ofSeconds(30);
    private int sendQueueBytes = 1 << 20;
    private int floodBurst = 10;
    private double floodRate = 2;
    private Duration floodDropAfter = Duration.ofSeconds(30);
    private Path dataDir = Path.of("chatroom-data");
    private boolean logMessages;
    private String version = Version.get();

    public static ServerConfig defaults() {
        return new ServerConfig();
    }

    public String host() { return host; }
    public int port() { return port; }
    public String room() { return room; }
    public String serverName() { return serverName; }
    public ApprovalPolicy approval() { return approval; }
    public List<String> motd() { return motd; }
    public int maxClients() { return maxClients; }
    public int maxPerIp() { return maxPerIp; }
    public int maxPending() { return maxPending; }
    public String password() { return password; }
    public Duration pingInterval() { return pingInterval; }
    public Duration pingTimeout() { return pingTimeout; }
    public Duration approvalTimeout() { return approvalTimeout; }
    public Duration registrationTimeout() { return registrationTimeout; }
    public int sendQueueBytes() { return sendQueueBytes; }
    /** Lines a client may send at once before flood control slows it down. */
    public int floodBurst() { return floodBurst; }
    /** Lines per second a client may send sustained; 0 turns flood control off. */
    public double floodRate() { return floodRate; }
    /** A client held back by flood control this long without a break is dropped as "Excess flood". */
    public Duration floodDropAfter() { return floodDropAfter; }
    /** Where bans are kept. */
    public Path dataDir() { return dataDir; }
    public boolean logMessages() { return logMessages; }
    public String version() { return version; }

    /** The default room, or null when the server was started without one. */
    public String defaultRoom() {
        return room == null || room.isEmpty() ? null : room;
    }

    public ServerConfig withHost(String v) { host = v; return this; }
    public ServerConfig withPort(int v) { port = v; return this; }
    public ServerConfig withRoom(String v) { room = v; return this; }
    public ServerConfig withServerName(String v) { serverName = v; return this; }
    public ServerConfig withApproval(ApprovalPolicy v) { approval = v; return this; }
    public ServerConfig withMotd(List<String> v) { motd = List.copyOf(v); return this; }
    public ServerConfig withMaxClients(int v) { maxClients = v; return this; }
    public ServerConfig withMaxPerIp(int v) { maxPerIp = v; return this; }
    public ServerConfig withMaxPending(int v) { maxPending = v; return this; }
    public ServerConfig withPassword(String v) { password = v; return this; }
    public ServerConfig withPing(Duration interval, Duration timeout) { pingInterval = interval; pingTimeout = timeout; return this; }
    public ServerConfig withApprovalTimeout(Duration v) { approvalTimeout = v; return this; }
    public ServerConfig withRegistrationTimeout(Duration v) { registrationTimeout = v; return this; }
    public ServerConfig withSendQueueBytes(int v) { sendQueueBytes = v; return this; }
    public ServerConfig withFlood(int burst, double rate) { floodBurst = burst; floodRate = rate; return this; }
    public ServerConfig withFloodDropAfter(Duration v) { floodDropAfter = v; return this; }
    public ServerConfig withDataDir(Path v) { dataDir = v; return this; }
    public ServerConfig withLogMessages(boolean v) { logMessages = v; return this; }
}
