package dev.chatroom.server.output;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Clock;
import dev.chatroom.server.Connection;
import dev.chatroom.server.UserMode;
import dev.chatroom.store.MultilineText;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import java.util.Map;

/** Makes the two kinds of output: replies to one connection, broadcasts to many. */
public final class Output {
    private final String serverName;
    private final Clock clock;
    private final ByteBufAllocator alloc;
    /** msgids: the start time and a counter, so ids stay unique across restarts of the server. */
    private String idPrefix;

    private long nextId;
    /** Set while a command relayed by the cluster runs: every node stamps it with its origin's time and msgid. */
    private long pinnedMillis = -1;

    private String pinnedId;
    private int pinnedUses;

    public Output(String serverName, Clock clock, ByteBufAllocator alloc) {
        this.serverName = serverName;
        this.clock = clock;
        this.alloc = alloc;
        this.idPrefix = Long.toString(clock.millis(), 36) + "-";
    }

    public Replies replies(Connection c) {
        return new Replies(serverName, c, alloc);
    }

    /** A message many will receive, stamped now; close it once sent. */
    public Broadcast broadcast(Message m) {
        return broadcast(m, Map.of());
    }

    public Broadcast broadcast(Message m, Map<String, String> clientTags) {
        return new Broadcast(m, clock.millis(), null, null, false, clientTags, alloc);
    }

    /**
     * Something a user (a person) did (JOIN, PART, QUIT, NICK, AWAY...): account-tag recipients learn its
     * account, message-tags recipients whether it is a bot.
     */
    public Broadcast from(Message m, Connection source) {
        return new Broadcast(m, clock.millis(), null, source.account(), isBot(source), Map.of(), alloc);
    }

    /**
     * Something a user (a person) said (PRIVMSG, NOTICE, TAGMSG; source null: the server, e.g. the admin's
     * REDACT): it gets a msgid, unique on this server.
     */
    public Broadcast said(Message m, Map<String, String> clientTags, Connection source) {
        String account = source == null ? null : source.account();
        boolean bot = source != null && isBot(source);
        long time = stampMillis();
        return new Broadcast(m, time, nextSaidId(), account, bot, clientTags, alloc);
    }

    /**
     * The msgid of the next thing said: a relayed cluster command's while it runs (one command can
     * say several things, PRIVMSG a,b: each gets its own id, the same on every node), else a new one.
     */
    private String nextSaidId() {
        if (pinnedId == null) return newMsgid();
        return pinnedUses++ == 0 ? pinnedId : pinnedId + "-" + pinnedUses;
    }

    /**
     * A multiline message (draft/multiline) to target, stamped as {@link #said} stamps one: one
     * msgid for all its lines.
     */
    public MultilineBroadcast saidMultiline(
            String target, List<MultilineText.Line> lines, Map<String, String> clientTags, Connection source) {
        long time = stampMillis();
        return new MultilineBroadcast(
                new MultilineLines(
                        source.prefix(),
                        target,
                        lines,
                        time,
                        nextSaidId(),
                        source.account(),
                        isBot(source),
                        clientTags),
                alloc);
    }

    /** Whether a command relayed by the cluster is running (its time and msgid are pinned). */
    public boolean pinned() {
        return pinnedId != null;
    }

    /** The time what is said now is stamped with: a relayed cluster command's origin time while it runs, so every node decides alike. */
    public long stampMillis() {
        return pinnedId != null ? pinnedMillis : clock.millis();
    }

    private static boolean isBot(Connection source) {
        return source.person().has(UserMode.BOT);
    }

    /** A msgid unique on this server (and, with the node's start time in it, in the cluster). */
    public String newMsgid() {
        return idPrefix + Long.toString(nextId++, 36);
    }

    /** In a cluster, ids carry the node's name: two nodes started in the same millisecond must not collide. */
    public void node(String name) {
        idPrefix = name + "." + idPrefix;
    }

    /** What is said until {@link #unpin()} is stamped with this time and msgid (a cluster command's). */
    public void pin(long timeMillis, String msgid) {
        pinnedMillis = timeMillis;
        pinnedId = msgid;
        pinnedUses = 0;
    }

    public void unpin() {
        pinnedId = null;
        pinnedMillis = -1;
    }

    public String serverName() {
        return serverName;
    }
}
