package dev.chatroom.server;

import dev.chatroom.ip.Address;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Glob;
import dev.chatroom.store.ServerBan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bans as {@code nick!user@host} masks with {@code *} and {@code ?}. A ban on a plain nick or a
 * plain address is found by one hash lookup; only masks with wildcards are matched one by one,
 * by a glob matcher that needs no compiling, so a long ban list costs little per registration.
 */
public final class BanList {

    private final Map<String, ServerBan> byMask = new LinkedHashMap<>();
    private final Map<String, ServerBan> nicks = new HashMap<>();
    private final Map<String, ServerBan> addresses = new HashMap<>();
    private final List<ServerBan> wildNicks = new ArrayList<>();
    private final List<ServerBan> wildAddresses = new ArrayList<>();

    /** A nick, an address or a mask as a full nick!user@host mask, as typed. */
    public static String fullMask(String target) {
        if (target.regionMatches(true, 0, "key:", 0, 4)) return "*!*@key:" + target.substring(4);
        if (target.contains("!") || target.contains("@")) {
            String m = target;
            if (!m.contains("!")) m = "*!" + m;
            if (!m.contains("@")) m = m + "@*";
            return m;
        }
        // Nicks cannot contain '.' or ':', addresses always do.
        if (target.contains(".") || target.contains(":")) return "*!*@" + target;
        return target + "!*@*";
    }

    /**
     * What the admin typed as a server ban's mask: an address in it is written as connections'
     * addresses are ({@code 0:0:0:0:0:0:0:1} becomes {@code ::1}), or it would never match.
     */
    public static String normalize(String target) {
        String m = fullMask(target);
        int at = m.indexOf('@');
        return m.substring(0, at + 1) + canonical(m.substring(at + 1));
    }

    private static String canonical(String host) {
        Address a = Address.parse(host);
        return a == null ? host : a.text();
    }

    /** An ssh key is banned as the host key:SHA256:...: /ban key:SHA256:... makes that mask. */
    public static String keyHost(String fingerprint) {
        return "key:" + fingerprint;
    }

    /** A list holding these bans, as a store kept them (an address in a mask written before addresses were canonical is now). */
    public static BanList of(List<ServerBan> kept) {
        BanList list = new BanList();
        for (ServerBan b : kept) list.add(b.mask(), b.reason(), b.since());
        return list;
    }

    /** Adds (or replaces) a ban. */
    public ServerBan add(String fullMask, String reason, Instant since) {
        String mask = normalize(fullMask);
        remove(mask);
        ServerBan ban = new ServerBan(
                mask, reason == null ? "" : reason.replaceAll("\\p{Cntrl}", " ").strip(), since);
        byMask.put(Casemapping.fold(mask), ban);
        index(ban);
        return ban;
    }

    /** Removes a ban; false when there was none. */
    public boolean remove(String fullMask) {
        if (byMask.remove(Casemapping.fold(normalize(fullMask))) == null) return false;
        nicks.clear();
        addresses.clear();
        wildNicks.clear();
        wildAddresses.clear();
        for (ServerBan b : byMask.values()) index(b);
        return true;
    }

    private void index(ServerBan b) {
        String mask = Casemapping.fold(b.mask());
        if (mask.startsWith("*!*@")) {
            String host = mask.substring(4);
            if (hasWildcard(host)) wildAddresses.add(b);
            else addresses.put(host, b);
        } else if (mask.endsWith("!*@*") && !hasWildcard(mask.substring(0, mask.length() - 4))) {
            nicks.put(mask.substring(0, mask.length() - 4), b);
        } else {
            wildNicks.add(b);
        }
    }

    /** The ban matching nick!user@host, or null. */
    public ServerBan find(String nick, String user, String host) {
        ServerBan b = nicks.get(Casemapping.fold(nick));
        if (b == null) b = findByAddress(host);
        if (b != null) return b;
        String subject = Casemapping.fold(nick + "!" + user + "@" + host);
        for (ServerBan w : wildNicks) if (Glob.matches(Casemapping.fold(w.mask()), subject)) return w;
        return null;
    }

    /**
     * The ban on c under this nick (its own, or one it asks for): the admin's bans match the
     * address and the host others see (its cloak), so a ban on either keeps the person out.
     */
    public ServerBan find(String nick, Connection c) {
        ServerBan b = find(nick, c.ident(), c.host());
        return b != null ? b : find(nick, c.ident(), c.shownHost());
    }

    /** The ban on c's address or cloak alone (masks of the form *!*@host), checked as soon as it connects. */
    public ServerBan findByHost(Connection c) {
        ServerBan b = findByAddress(c.host());
        return b != null ? b : findByAddress(c.shownHost());
    }

    /** The ban on an address alone (masks of the form *!*@host), checked as soon as someone connects. */
    public ServerBan findByAddress(String host) {
        String h = Casemapping.fold(host);
        ServerBan b = addresses.get(h);
        if (b != null) return b;
        for (ServerBan w : wildAddresses)
            if (Glob.matches(Casemapping.fold(w.mask()).substring(4), h)) return w;
        return null;
    }

    public List<ServerBan> all() {
        return List.copyOf(byMask.values());
    }

    public int size() {
        return byMask.size();
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}
