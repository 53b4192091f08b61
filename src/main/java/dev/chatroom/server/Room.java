package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.RPL_ENDOFNAMES;
import static dev.chatroom.irc.Numeric.RPL_NAMREPLY;
import static dev.chatroom.irc.Numeric.RPL_TOPIC;
import static dev.chatroom.irc.Numeric.RPL_TOPICWHOTIME;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.output.Broadcast;
import dev.chatroom.server.output.Replies;
import java.util.Arrays;

/**
 * A channel: its members in join order with their status, its topic, and what happens in it
 * (join, part, kick, topic, names). Both sides of membership, the room's and the connection's,
 * change here and nowhere else. Fan-out iterates {@link #members()}, an array rebuilt only when
 * membership changes, so sending costs no allocation and a member leaving mid-send cannot
 * disturb the loop.
 */
public final class Room {
    private static final Connection[] NONE = new Connection[0];
    private static final int OPERATOR = 1;
    /** Bytes of names per 353 line: with any prefix the line stays within 512. */
    private static final int NAMES_LINE = 400;

    private final Rooms rooms;
    private final String name;
    private final boolean permanent;
    private final long createdAtMillis;
    /** Members in join order; replaced, never changed in place, so a fan-out loop over it is never disturbed. */
    private Connection[] snapshot = NONE;
    private String topic;
    private String topicSetBy;
    private long topicSetAtMillis;

    Room(Rooms rooms, String name, boolean permanent, long createdAtMillis) {
        this.rooms = rooms;
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
        return c.isIn(this);
    }

    public boolean isOperator(Connection c) {
        int flags = c.flagsIn(this);
        return flags > 0 && (flags & OPERATOR) != 0;
    }

    /** The member's status prefix in NAMES and WHO ("@" or ""). */
    public String prefixOf(Connection c) {
        return isOperator(c) ? "@" : "";
    }

    /**
     * c joins: everyone in the room sees the JOIN, c gets its topic and member list. The first
     * to join a room that is not permanent becomes its operator. Joining twice does nothing.
     */
    void join(Connection c, Replies r) {
        if (contains(c)) return;
        add(c, snapshot.length == 0 && !permanent ? OPERATOR : 0);
        try (Broadcast join = rooms.output().broadcast(Message.of(c.prefix(), "JOIN", name))) {
            join.sendToMembersExcept(this, c);
            r.add(join);
        }
        if (topic != null) sendTopic(r);
        sendNames(r);
    }

    /** c leaves with an optional reason; everyone in the room, c included, sees the PART. */
    public void part(Connection c, String reason, Replies r) {
        if (!contains(c)) return;
        Message m = reason == null || reason.isEmpty()
                ? Message.of(c.prefix(), "PART", name)
                : Message.trailing(c.prefix(), "PART", name, reason);
        try (Broadcast part = rooms.output().broadcast(m)) {
            part.sendToMembersExcept(this, c);
            r.add(part);
        }
        remove(c);
    }

    /** The server removes c; everyone in the room, c included, sees the KICK. */
    void kickByServer(Connection c, String reason) {
        if (!contains(c)) return;
        try (Broadcast kick = rooms.output().broadcast(Message.trailing(rooms.output().serverName(), "KICK", name, c.nick(), reason))) {
            kick.sendToMembersExcept(this, null);
        }
        remove(c);
    }

    /** c is gone from the server; its QUIT was announced once to all its rooms together. */
    void removeQuitter(Connection c) {
        remove(c);
    }

    private void add(Connection c, int flags) {
        Connection[] next = Arrays.copyOf(snapshot, snapshot.length + 1);
        next[snapshot.length] = c;
        snapshot = next;
        c.joined(this, flags);
    }

    private void remove(Connection c) {
        if (!c.isIn(this)) return;
        int i = 0;
        while (snapshot[i] != c) i++;
        Connection[] next = new Connection[snapshot.length - 1];
        System.arraycopy(snapshot, 0, next, 0, i);
        System.arraycopy(snapshot, i + 1, next, i, next.length - i);
        snapshot = next;
        c.left(this);
        if (snapshot.length == 0 && !permanent) rooms.abandoned(this);
    }

    public String topic() {
        return topic;
    }

    /**
     * Sets (or with an empty text clears) the topic; every member sees the TOPIC from setBy. The
     * member who set it (requester, null for the server) gets its copy with its other replies.
     */
    public void topic(String text, String setBy, long nowMillis, Replies requester) {
        topic = text == null || text.isEmpty() ? null : text;
        topicSetBy = setBy;
        topicSetAtMillis = nowMillis;
        try (Broadcast b = rooms.output().broadcast(Message.trailing(setBy, "TOPIC", name, text == null ? "" : text))) {
            b.sendToMembersExcept(this, requester == null ? null : requester.to());
            if (requester != null) requester.add(b);
        }
    }

    /** 332 and 333: the topic, who set it and when. */
    public void sendTopic(Replies r) {
        r.numeric(RPL_TOPIC, name, topic);
        r.numericWords(RPL_TOPICWHOTIME, name, topicSetBy, Long.toString(topicSetAtMillis / 1000));
    }

    /** 353 lines (as many as needed) and 366. */
    public void sendNames(Replies r) {
        StringBuilder names = new StringBuilder();
        int bytes = 0;
        for (Connection m : snapshot) {
            String entry = prefixOf(m) + m.nick();
            int n = Utf8.length(entry);
            if (bytes > 0 && bytes + 1 + n > NAMES_LINE) {
                r.numeric(RPL_NAMREPLY, "=", name, names.toString());
                names.setLength(0);
                bytes = 0;
            }
            if (bytes > 0) {
                names.append(' ');
                bytes++;
            }
            names.append(entry);
            bytes += n;
        }
        if (names.length() > 0) r.numeric(RPL_NAMREPLY, "=", name, names.toString());
        r.numeric(RPL_ENDOFNAMES, name, "End of /NAMES list.");
    }
}
