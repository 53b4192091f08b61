package dev.chatroom.server;

import dev.chatroom.Version;

import java.time.Duration;
import java.util.List;

/**
 * Everything a server is started with. Built by the {@code server} command from its flags, or by
 * tests with {@link #defaults()} and the {@code with...} methods.
 */
public record ServerConfig(
        String host,
        int port,
        String room,
        String serverName,
        ApprovalPolicy approval,
        List<String> motd,
        int maxClients,
        String password,
        Duration pingInterval,
        Duration pingTimeout,
        Duration approvalTimeout,
        int sendQueueBytes,
        String version) {

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

    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", 6667, "#chatroom", "chatroom", ApprovalPolicy.ASK, DEFAULT_MOTD,
                10_000, null, Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(5),
                1 << 20, Version.get());
    }

    public ServerConfig withHost(String v) {
        return new ServerConfig(v, port, room, serverName, approval, motd, maxClients, password, pingInterval, pingTimeout, approvalTimeout, sendQueueBytes, version);
    }

    public ServerConfig withPort(int v) {
        return new ServerConfig(host, v, room, serverName, approval, motd, maxClients, password, pingInterval, pingTimeout, approvalTimeout, sendQueueBytes, version);
    }

    public ServerConfig withRoom(String v) {
        return new ServerConfig(host, port, v, serverName, approval, motd, maxClients, password, pingInterval, pingTimeout, approvalTimeout, sendQueueBytes, version);
    }

    public ServerConfig withServerName(String v) {
        return new ServerConfig(host, port, room, v, approval, motd, maxClients, password, pingInterval, pingTimeout, approvalTimeout, sendQueueBytes, version);
    }

    public ServerConfig withApproval(ApprovalPolicy v) {
        return new ServerConfig(host, port, room, serverName, v, motd, maxClients, password, pingInterval, pingTimeout, approvalTimeout, sendQueueBytes, version);
    }

    public ServerConfig withMotd(List<String> v) {
        return new ServerConfig(host, port, room, serverName, approval, v, maxClients, password, pingInterval, pingTimeout, approvalTimeout, sendQueueBytes, version);
    }

    public ServerConfig withMaxClients(int v) {
        return new ServerConfig(host, port, room, serverName, approval, motd, v, password, pingInterval, pingTimeout, approvalTimeout, sendQueueBytes, version);
    }

    public ServerConfig withPassword(String v) {
        return new ServerConfig(host, port, room, serverName, approval, motd, maxClients, v, pingInterval, pingTimeout, approvalTimeout, sendQueueBytes, version);
    }

    public ServerConfig withPing(Duration interval, Duration timeout) {
        return new ServerConfig(host, port, room, serverName, approval, motd, maxClients, password, interval, timeout, approvalTimeout, sendQueueBytes, version);
    }

    public ServerConfig withApprovalTimeout(Duration v) {
        return new ServerConfig(host, port, room, serverName, approval, motd, maxClients, password, pingInterval, pingTimeout, v, sendQueueBytes, version);
    }

    public ServerConfig withSendQueueBytes(int v) {
        return new ServerConfig(host, port, room, serverName, approval, motd, maxClients, password, pingInterval, pingTimeout, approvalTimeout, v, version);
    }

    /** The default room, or null when the server was started without one. */
    public String defaultRoom() {
        return room == null || room.isEmpty() ? null : room;
    }
}
