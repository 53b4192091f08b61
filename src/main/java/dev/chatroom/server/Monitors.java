package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.RPL_MONOFFLINE;
import static dev.chatroom.irc.Numeric.RPL_MONONLINE;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.output.Broadcast;
import dev.chatroom.server.output.Output;
import dev.chatroom.server.output.Replies;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MONITOR (IRCv3): each connection's watch list of nicks, and the other way round who watches
 * each nick, so an arrival, a departure or a rename costs as many steps as it has watchers.
 * Only connections of this node watch (MONITOR is not relayed); every user, ours or mirrored
 * from another node, is watched, since every node sees every arrival, departure and rename.
 */
public final class Monitors {
    /** Nicks on one connection's list (ISUPPORT MONITOR). */
    public static final int LIMIT = 100;
    /** Longest line the server sends, CRLF included: a list of nicks is split to fit. */
    private static final int LINE_MAX = 512;

    private final Output output;
    /** Watcher -> its list, casefolded nick -> the nick as it was given, in the order added. */
    private final Map<Connection, Map<String, String>> lists = new HashMap<>();
    /** Casefolded nick -> who watches it. */
    private final Map<String, Set<Connection>> watchers = new HashMap<>();

    Monitors(Output output) {
        this.output = output;
    }

    /** Adds nick to w's list (already there: nothing changes); false when the list is full. */
    public boolean add(Connection w, String nick) {
        String folded = Casemapping.fold(nick);
        Map<String, String> list = lists.computeIfAbsent(w, k -> new LinkedHashMap<>());
        if (list.containsKey(folded)) return true;
        if (list.size() >= LIMIT) return false;
        list.put(folded, nick);
        watchers.computeIfAbsent(folded, k -> new LinkedHashSet<>()).add(w);
        return true;
    }

    public void remove(Connection w, String nick) {
        Map<String, String> list = lists.get(w);
        String folded = Casemapping.fold(nick);
        if (list == null || list.remove(folded) == null) return;
        unwatch(folded, w);
        if (list.isEmpty()) lists.remove(w);
    }

    /** Empties w's list (MONITOR C, or w is gone). */
    public void clear(Connection w) {
        Map<String, String> list = lists.remove(w);
        if (list != null) for (String folded : list.keySet()) unwatch(folded, w);
    }

    private void unwatch(String folded, Connection w) {
        Set<Connection> ws = watchers.get(folded);
        if (ws == null) return;
        ws.remove(w);
        if (ws.isEmpty()) watchers.remove(folded);
    }

    /** w's list, each nick as it was given, in the order added. */
    public List<String> list(Connection w) {
        Map<String, String> list = lists.get(w);
        return list == null ? List.of() : new ArrayList<>(list.values());
    }

    /** How many connections have a list: one that left has none. */
    public int watcherCount() {
        return lists.size();
    }

    /** c became a user (registered here, or admitted on its node): its watchers get 730 with its nick!user@host. */
    public void arrived(Connection c) {
        tell(Casemapping.fold(c.nick()), RPL_MONONLINE, c.prefix(), c, null);
    }

    /** c is gone: its own list goes, and if it was a user its watchers get 731. */
    void left(Connection c, boolean wasUser) {
        clear(c);
        if (wasUser && c.nick() != null) tell(Casemapping.fold(c.nick()), RPL_MONOFFLINE, c.nick(), c, null);
    }

    /** A user renamed from old to c.nick(): old goes offline, the new nick online; nothing when only the case changed. r: c's own replies. */
    void renamed(Connection c, String old, Replies r) {
        if (Casemapping.equals(old, c.nick())) return;
        tell(Casemapping.fold(old), RPL_MONOFFLINE, old, c, r);
        tell(Casemapping.fold(c.nick()), RPL_MONONLINE, c.prefix(), c, r);
    }

    private void tell(String folded, String numeric, String item, Connection subject, Replies subjectReplies) {
        Set<Connection> ws = watchers.get(folded);
        if (ws == null) return;
        for (Connection w : List.copyOf(ws)) {
            if (subjectReplies != null && w == subjectReplies.to()) subjectReplies.numeric(numeric, item);
            else output.replies(w).numeric(numeric, item).flush();
        }
    }

    /**
     * extended-monitor: b (about c: AWAY, ACCOUNT, SETNAME) also reaches c's watchers that asked
     * for extended-monitor and cap and do not share a room with c (those heard it as co-members).
     */
    public void tellWatchers(Connection c, Capability cap, Broadcast b) {
        if (c.nick() == null) return;
        Set<Connection> ws = watchers.get(Casemapping.fold(c.nick()));
        if (ws == null) return;
        for (Connection w : ws) {
            // a watch list is a connection's: each watching device gets its own copy, once
            if (w.person() != c && w.has(Capability.EXTENDED_MONITOR) && w.has(cap) && !sharesRoom(w.person(), c))
                b.sendToConnection(w);
        }
    }

    private static boolean sharesRoom(Connection a, Connection b) {
        for (Room r : b.rooms()) if (r.contains(a)) return true;
        return false;
    }

    /**
     * Items (nicks, or nick!user@host) as r's numeric lines, comma-separated, as many on a line
     * as fit in 512 bytes: {@code :server <numeric> <nick> :a,b,c}.
     */
    public static void inLines(Replies r, String numeric, Collection<String> items) {
        int room = LINE_MAX
                - 2
                - (1 + Utf8.length(r.serverName()) + 1 + numeric.length() + 1)
                - Utf8.length(r.to().nickOrStar())
                - 2;
        StringBuilder line = new StringBuilder();
        int bytes = 0;
        for (String item : items) {
            int n = Utf8.length(item);
            if (bytes > 0 && bytes + 1 + n > room) {
                r.numeric(numeric, line.toString());
                line.setLength(0);
                bytes = 0;
            }
            if (bytes > 0) {
                line.append(',');
                bytes++;
            }
            line.append(item);
            bytes += n;
        }
        if (bytes > 0) r.numeric(numeric, line.toString());
    }
}
