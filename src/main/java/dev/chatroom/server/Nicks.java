package dev.chatroom.server;

import dev.chatroom.irc.Casemapping;
import java.util.HashMap;
import java.util.Map;

/** Which connection holds which nick, case-insensitively (rfc1459). A nick is held from NICK on, pending included. */
public final class Nicks {
    private final Map<String, Connection> byFolded = new HashMap<>();

    public Connection find(String nick) {
        return byFolded.get(Casemapping.fold(nick));
    }

    /** Takes the nick for c; false when someone else holds it. */
    boolean claim(String nick, Connection c) {
        Connection holder = byFolded.putIfAbsent(Casemapping.fold(nick), c);
        return holder == null || holder == c;
    }

    void release(String nick, Connection c) {
        if (nick != null) byFolded.remove(Casemapping.fold(nick), c);
    }

    public int count() {
        return byFolded.size();
    }
}
