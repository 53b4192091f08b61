package dev.chatroom.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A channel: its members (in join order) and their operator flag, and its topic. Fan-out iterates
 * {@link #members()}, an array rebuilt only when membership changes, so sending costs no
 * allocation and a member leaving mid-send cannot disturb the loop.
 */
public final class Room {
    private static final Connection[] NONE = new Connection[0];

    private final String name;
    private final boolean permanent;
    private final long createdAtMillis;
    private final Map<Connection, Boolean> operators = new LinkedHashMap<>();
    private Connection[] snapshot = NONE;
    private String topic;
    private String topicSetBy;
    private long topicSetAtMillis;

    public Room(String name, boolean permanent, long createdAtMillis) {
        this.name = name;
        this.permanent = permanent;
        this.createdAtMillis = createdAtMillis;
    }

    public String name() {
        return name;
    }

    /** The default room lives as long as the server; others go when their last member leaves. */
    public boolean permanent() {
        return permanent;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public Connection[] members() {
        return snapshot;
    }

    public int size() {
        return snapshot.length;
    }

    public boolean contains(Connection c) {
        return operators.containsKey(c);
    }

    public boolean isOperator(Connection c) {
        return Boolean.TRUE.equals(operators.get(c));
    }

    void add(Connection c, boolean operator) {
        if (operators.putIfAbsent(c, operator) == null) snapshot = operators.keySet().toArray(NONE);
    }

    boolean remove(Connection c) {
        if (operators.remove(c) == null) return false;
        snapshot = operators.keySet().toArray(NONE);
        return true;
    }

    public String topic() {
        return topic;
    }

    public String topicSetBy() {
        return topicSetBy;
    }

    public long topicSetAtMillis() {
        return topicSetAtMillis;
    }

    void topic(String text, String setBy, long atMillis) {
        topic = text == null || text.isEmpty() ? null : text;
        topicSetBy = setBy;
        topicSetAtMillis = atMillis;
    }
}
