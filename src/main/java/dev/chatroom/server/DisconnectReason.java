package dev.chatroom.server;

import java.util.Locale;

/**
 * Why a connection ended, as a value that statistics, logs and replies share: nobody parses a
 * reason's wording. {@link Departure} adds the detail (a quit message, a kick reason).
 */
public enum DisconnectReason {
    /** The client sent QUIT; the detail is its message. */
    QUIT("quit", "left the chat"),
    CONNECTION_LOST("connection lost", "connection lost"),
    PING_TIMEOUT("ping timeout", "ping timeout"),
    SENDQ_EXCEEDED("sendq exceeded", "SendQ exceeded"),
    EXCESS_FLOOD("excess flood", "Excess flood"),
    REGISTRATION_TIMEOUT("registration timeout", "registration timeout"),
    BAD_PASSWORD("bad password", "Bad password"),
    /** Refused at connect: too many wrong passwords from the address lately. */
    LOCKED_OUT("locked out", "too many wrong passwords from your address; try again later"),
    /** A line during registration that was not UTF-8: the client will never register as it is. */
    NOT_UTF8("not UTF-8", "your client sent text that is not UTF-8; set its encoding to UTF-8"),
    /** Removed by the admin; the detail is the admin's reason. */
    KICKED("kicked", "removed by the admin"),
    /** An IRC operator's KILL; the detail is the operator's nick and reason: "alice (spam)". */
    KILLED("killed", "Killed"),
    /** A ban matched; the detail is the ban's reason. */
    BANNED("banned", "banned"),
    /** The admin said no; the detail is the admin's reason. */
    REJECTED("rejected", "the admin rejected your request"),
    NOT_ALLOWED("not allowed", "this server admits only accounts the admin has allowed"),
    GHOSTED("logged in elsewhere", "logged in from elsewhere"),
    NICK_RECLAIMED("nick reclaimed", "the owner of this nick's account logged in"),
    EXPIRED("request expired", "your request expired: the admin did not answer in time"),
    TOO_MANY_PENDING("too many pending", "too many people are waiting for the admin; try again later"),
    SERVER_FULL("server full", "the server is full"),
    /** Its account has max-devices connections already; the detail is that number. */
    TOO_MANY_DEVICES("too many devices", "too many devices connected to this account"),
    TOO_MANY_FROM_ADDRESS("too many from one address", "too many connections from your address"),
    SHUTDOWN("shutdown", "Server shutting down"),
    /** A user of another node left; the detail is the quit message its node gave. */
    REMOTE("on another node", "left"),
    /** The node a user was on stopped answering (it died, or this node lost Redis). */
    NODE_LOST("node lost", "node lost");

    private final String label;
    private final String text;

    DisconnectReason(String label, String text) {
        this.label = label;
        this.text = text;
    }

    /** The name in metrics and JSON logs: ping_timeout. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name in /stats. */
    public String label() {
        return label;
    }

    /** The reason in words, without detail. */
    public String text() {
        return text;
    }

    /**
     * True when it ends one connection, not the person: someone on several devices, or always-on,
     * stays while another device does. Kills, bans and the like end the person on all of them.
     */
    public boolean endsOneConnection() {
        return this == QUIT
                || this == CONNECTION_LOST
                || this == PING_TIMEOUT
                || this == SENDQ_EXCEEDED
                || this == EXCESS_FLOOD
                || this == NOT_UTF8;
    }

    /** True when the admin caused it: the admin's own command already reported it. */
    public boolean byAdmin() {
        return this == KICKED || this == BANNED || this == REJECTED;
    }
}
