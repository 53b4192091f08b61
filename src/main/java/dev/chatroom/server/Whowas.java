package dev.chatroom.server;

import dev.chatroom.irc.Casemapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The last nicks people gave up (by leaving or renaming), for WHOWAS: a bounded history, newest first. */
public final class Whowas {
    public static final int MAX = 1000;

    /** Who had the nick (host: the one others saw, its cloak), and when they stopped having it. */
    public record Entry(String nick, String ident, String host, String realname, long leftAtMillis) {}

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    void record(Connection c, long nowMillis) {
        if (c.nick() == null) return;
        if (entries.size() == MAX) entries.removeLast();
        entries.addFirst(new Entry(c.nick(), c.ident(), c.shownHost(), c.realname(), nowMillis));
    }

    /** The entries for a nick, newest first, at most max of them (max <= 0: all). */
    public List<Entry> find(String nick, int max) {
        List<Entry> out = new ArrayList<>();
        String folded = Casemapping.fold(nick);
        for (Iterator<Entry> it = entries.iterator(); it.hasNext() && (max <= 0 || out.size() < max); ) {
            Entry e = it.next();
            if (Casemapping.fold(e.nick()).equals(folded)) out.add(e);
        }
        return out;
    }
}
