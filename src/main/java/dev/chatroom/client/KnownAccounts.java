package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which account each nick we can see is logged in to, as the server vouches for it:
 * extended-join, account-notify (ACCOUNT), account-tag on messages, WHOX replies. Written on
 * the network thread, read by the renderer: a concurrent map. Nobody we know nothing of is
 * shown as logged in.
 */
final class KnownAccounts {
    private final Map<String, String> byNick = new ConcurrentHashMap<>();

    /** account null or "*": not logged in. */
    void set(String nick, String account) {
        if (nick == null) return;
        if (account == null || account.isEmpty() || account.equals("*")) byNick.remove(Casemapping.fold(nick));
        else byNick.put(Casemapping.fold(nick), account);
    }

    /** The account, or null when not logged in or not known. */
    String of(String nick) {
        return nick == null ? null : byNick.get(Casemapping.fold(nick));
    }

    /** An account belongs to the connection, so it follows a nick change. */
    void renamed(String old, String now) {
        String account = byNick.remove(Casemapping.fold(old));
        if (account != null) byNick.put(Casemapping.fold(now), account);
    }

    /** Gone from every room we share: whatever it logs in to next, we would not hear of it. */
    void forget(String nick) {
        if (nick != null) byNick.remove(Casemapping.fold(nick));
    }

    void clear() {
        byNick.clear();
    }
}
