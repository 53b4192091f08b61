package dev.chatroom.server;

import dev.chatroom.irc.Casemapping;
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
    public record Ban(String mask, String reason, Instant since) {}

    private final Map<String, Ban> byMask = new LinkedHashMap<>();
    private final Map<String, Ban> nicks = new HashMap<>();
    private final Map<String, Ban> addresses = new HashMap<>();
    private final List<Ban> wildNicks = new ArrayList<>();
    private final List<Ban> wildAddresses = new ArrayList<>();

    /** What the admin typed (a nick, an address, or a mask) as a full mask. */
    public static String normalize(String target) {
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

    /** An ssh key is banned as the host key:SHA256:...: /ban key:SHA256:... makes that mask. */
    public static String keyHost(String fingerprint) {
        return "key:" + fingerprint;
    }

    /** Whether a mask can be a ban: nick!user@host, all three parts present, no spaces or controls. */
    public static boolean validMask(String mask) {
        int bang = mask.indexOf('!');
        int at = mask.indexOf('@');
        return bang > 0 && at > bang + 1 && at < mask.length() - 1 && mask.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    }

    /** Adds (or replaces) a ban. */
    public Ban add(String mask, String reason, Instant since) {
        remove(mask);
        Ban ban = new Ban(mask, reason == null ? "" : reason.replaceAll("\\p{Cntrl}", " ").strip(), since);
        byMask.put(Casemapping.fold(mask), ban);
        index(ban);
        return ban;
    }

    /** Removes a ban; false when there was none. */
    public boolean remove(String mask) {
        if (byMask.remove(Casemapping.fold(mask)) == null) return false;
        nicks.clear();
        addresses.clear();
        wildNicks.clear();
        wildAddresses.clear();
        for (Ban b : byMask.values()) index(b);
        return true;
    }

    private void index(Ban b) {
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
    public Ban find(String nick, String user, String host) {
        Ban b = nicks.get(Casemapping.fold(nick));
        if (b == null) b = findByAddress(host);
        if (b != null) return b;
        String subject = Casemapping.fold(nick + "!" + user + "@" + host);
        for (Ban w : wildNicks) if (Glob.matches(Casemapping.fold(w.mask()), subject)) return w;
        return null;
    }

    /** The ban on an address alone (masks of the form *!*@host), checked as soon as someone connects. */
    public Ban findByAddress(String host) {
        String h = Casemapping.fold(host);
        Ban b = addresses.get(h);
        if (b != null) return b;
        for (Ban w : wildAddresses) if (Glob.matches(Casemapping.fold(w.mask()).substring(4), h)) return w;
        return null;
    }

    public List<Ban> all() {
        return List.copyOf(byMask.values());
    }

    public int size() {
        return byMask.size();
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}
