package dev.chatroom.server;

import dev.chatroom.ip.Address;
import dev.chatroom.irc.Casemapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every connection, which one holds which nick (case-insensitively, rfc1459), and how many come
 * from each address (an IPv6 /64 counting as one). A nick is held from NICK on, pending included, until the connection closes.
 */
public final class Users {
    /** Every connection, in no particular order: removal swaps the last one in, so it costs nothing. */
    private final List<Connection> all = new ArrayList<>();

    private final Map<String, Connection> byNick = new HashMap<>();
    private final Map<String, Integer> perAddress = new HashMap<>();
    private int registered;
    /** Users of other nodes among {@link #all}: not counted per address nor against this node's limits. */
    private int remote;
    /** People present without a connection of their own ({@link Connection#socketless()}): not connections. */
    private int socketless;

    private int mostRegistered;
    private int localRegistered;
    private int mostLocal;
    private final Whowas whowas = new Whowas();

    public void add(Connection c) {
        c.index(all.size());
        all.add(c);
        if (c.isRemote()) remote++;
        else if (c.socketless()) socketless++;
        else perAddress.merge(c.address().limitKey(), 1, Integer::sum);
    }

    void remove(Connection c) {
        int i = c.index();
        if (i < 0 || i >= all.size() || all.get(i) != c) return;
        Connection last = all.remove(all.size() - 1);
        if (last != c) {
            all.set(i, last);
            last.index(i);
        }
        c.index(-1);
        if (c.isRemote()) remote--;
        else if (c.socketless()) socketless--;
        else perAddress.computeIfPresent(c.address().limitKey(), (h, n) -> n > 1 ? n - 1 : null);
        if (c.nick() != null) byNick.remove(Casemapping.fold(c.nick()), c);
    }

    /** c's own connection is gone, c stays (another device, always-on): it no longer counts as a connection. */
    void socketGone(Connection c) {
        if (c.isRemote() || c.socketless()) return;
        socketless++;
        perAddress.computeIfPresent(c.address().limitKey(), (h, n) -> n > 1 ? n - 1 : null);
    }

    /** Whoever holds the nick, registered or not. */
    public Connection find(String nick) {
        return nick == null ? null : byNick.get(Casemapping.fold(nick));
    }

    /** The registered user with this nick, or null: pending and registering connections cannot be reached. */
    public Connection findRegistered(String nick) {
        Connection c = find(nick);
        return c != null && c.isRegistered() ? c : null;
    }

    /** Takes the nick for c, releasing its old one; false when someone else holds it. */
    public boolean claim(Connection c, String nick) {
        Connection holder = byNick.putIfAbsent(Casemapping.fold(nick), c);
        if (holder != null && holder != c) return false;
        if (c.nick() != null && !Casemapping.equals(c.nick(), nick)) byNick.remove(Casemapping.fold(c.nick()), c);
        c.nick(nick);
        return true;
    }

    /** c gives up its nick (a registering connection told the nick is someone's account). */
    public void release(Connection c) {
        if (c.nick() != null) byNick.remove(Casemapping.fold(c.nick()), c);
        c.nick(null);
    }

    public void countRegistered(Connection c, int delta) {
        registered += delta;
        mostRegistered = Math.max(mostRegistered, registered);
        if (c.isRemote()) return;
        localRegistered += delta;
        mostLocal = Math.max(mostLocal, localRegistered);
    }

    /** The most users registered at once since the server started, in the whole cluster (LUSERS 266). */
    public int mostRegistered() {
        return mostRegistered;
    }

    /** Users registered on this node (LUSERS 255/265); all of them on a server of its own. */
    public int localRegistered() {
        return localRegistered;
    }

    /** The most users registered on this node at once (LUSERS 265). */
    public int mostLocal() {
        return mostLocal;
    }

    public Whowas whowas() {
        return whowas;
    }

    public int registeredCount() {
        return registered;
    }

    public int count() {
        return all.size();
    }

    /** Connections to this node (in a cluster, the others' users are mirrored here too). */
    public int localCount() {
        return all.size() - remote - socketless;
    }

    public int countFrom(Address address) {
        return perAddress.getOrDefault(address.limitKey(), 0);
    }

    /** Every connection, as a copy: safe to close connections while going through it. */
    public List<Connection> all() {
        return new ArrayList<>(all);
    }

    /** The i-th connection, for sweeping without a copy (see {@link #count()}). */
    Connection get(int i) {
        return all.get(i);
    }
}
