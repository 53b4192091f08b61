package dev.chatroom.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Join requests waiting for the admin, oldest first, each with its expiry timer. */
public final class Approvals {
    private final Map<Connection, Clock.Timer> waiting = new LinkedHashMap<>();
    private Runnable changed = () -> {};

    /** Runs after every change of the queue: the admins' question (what y, n and a answer) follows it. */
    public void onChange(Runnable r) {
        changed = r;
    }

    public void add(Connection c, Clock.Timer expiry) {
        waiting.put(c, expiry);
        changed.run();
    }

    /** Takes c off the queue (answered, expired or gone); false if it was not waiting. */
    public boolean remove(Connection c) {
        Clock.Timer expiry = waiting.remove(c);
        if (expiry == null) return false;
        expiry.cancel();
        changed.run();
        return true;
    }

    public Connection oldest() {
        return waiting.isEmpty() ? null : waiting.keySet().iterator().next();
    }

    public List<Connection> inOrder() {
        return new ArrayList<>(waiting.keySet());
    }

    public int size() {
        return waiting.size();
    }
}
