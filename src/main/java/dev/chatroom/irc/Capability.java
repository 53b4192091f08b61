package dev.chatroom.irc;

import java.util.Optional;

/** IRCv3 capabilities this server offers and honours (at most 32: a connection keeps them as bits). */
public enum Capability {
    AWAY_NOTIFY("away-notify"),
    BATCH("batch"),
    ECHO_MESSAGE("echo-message"),
    LABELED_RESPONSE("labeled-response"),
    MESSAGE_TAGS("message-tags"),
    MULTI_PREFIX("multi-prefix"),
    SERVER_TIME("server-time"),
    SETNAME("setname"),
    STANDARD_REPLIES("standard-replies"),
    USERHOST_IN_NAMES("userhost-in-names");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Capability> byName(String name) {
        for (Capability c : values()) {
            if (c.wireName.equalsIgnoreCase(name)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
