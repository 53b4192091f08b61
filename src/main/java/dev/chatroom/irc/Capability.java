package dev.chatroom.irc;

import java.util.Optional;

/** IRCv3 capabilities this server offers and honours (at most 32: a connection keeps them as bits). */
public enum Capability {
    ACCOUNT_NOTIFY("account-notify"),
    ACCOUNT_REGISTRATION("draft/account-registration", "before-connect"),
    ACCOUNT_TAG("account-tag"),
    AWAY_NOTIFY("away-notify"),
    BATCH("batch"),
    CHATHISTORY("draft/chathistory"),
    ECHO_MESSAGE("echo-message"),
    EXTENDED_JOIN("extended-join"),
    EXTENDED_MONITOR("extended-monitor"),
    LABELED_RESPONSE("labeled-response"),
    MESSAGE_REDACTION("draft/message-redaction"),
    MESSAGE_TAGS("message-tags"),
    MULTI_PREFIX("multi-prefix"),
    /** Limits written once: the server's checks read them from here ({@code MultilineBatch}). */
    MULTILINE(
            "draft/multiline",
            "max-bytes=" + Capability.MULTILINE_MAX_BYTES + ",max-lines=" + Capability.MULTILINE_MAX_LINES),
    READ_MARKER("draft/read-marker"),
    SASL("sasl", "PLAIN,EXTERNAL"),
    SEARCH("soju.im/search"),
    SERVER_TIME("server-time"),
    SETNAME("setname"),
    STANDARD_REPLIES("standard-replies"),
    USERHOST_IN_NAMES("userhost-in-names");

    /** draft/multiline: the most a batch's text may have, in bytes of UTF-8 (line feeds between lines count). */
    public static final int MULTILINE_MAX_BYTES = 4096;
    /** draft/multiline: the most lines a batch may have. */
    public static final int MULTILINE_MAX_LINES = 100;

    private final String wireName;
    /** What CAP LS 302 shows after '=' (sasl=PLAIN,EXTERNAL); null for none. */
    private final String value;

    Capability(String wireName) {
        this(wireName, null);
    }

    Capability(String wireName, String value) {
        this.wireName = wireName;
        this.value = value;
    }

    public String value() {
        return value;
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
