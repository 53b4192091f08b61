package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who is in which of our rooms, kept from JOIN, PART, QUIT, KICK, NICK and NAMES, and the
 * events they mean: the welcome (the first room's member list), entering another room, others
 * coming and going; and who of /notify's names is online (MONITOR). Runs on the network thread.
 */
final class RoomEvents {
    private final ChatClient client;
    private final Consumer<ClientEvent> listener;
    final JoinedRooms rooms = new JoinedRooms();
    final KnownAccounts accounts = new KnownAccounts();
    /** The server answers WHO with the account field (WHOX in 005): asked on entering a room. */
    private boolean whox;

    private final List<String> namesBuffer = new ArrayList<>();
    /** Rooms whose NAMES the user asked for (/users), answered as Members rather than on entering. */
    final Set<String> namesRequested = Collections.synchronizedSet(new HashSet<>());

    private boolean welcomed;
    /** The room the server put us in first (the default room). */
    volatile String firstRoom;
    /** A KICK of us by the server: followed by ERROR, the admin removed us from the chat. */
    boolean kickedByServer;
    /** /notify's list (the session's): given to the server when its ISUPPORT offers MONITOR. */
    volatile Watchlist watchlist = Watchlist.inMemory();

    RoomEvents(ChatClient client, Consumer<ClientEvent> listener) {
        this.client = client;
        this.listener = listener;
    }

    private boolean isMe(String who) {
        return client.isMe(who);
    }

    void names(String list) {
        for (String n : list.split(" ")) if (!n.isEmpty()) namesBuffer.add(stripPrefix(n));
    }

    void onJoin(Message m) {
        String who = m.sourceNick();
        String joined = m.param(0);
        if (m.params().size() >= 3) accounts.set(who, m.param(1)); // extended-join: JOIN #room <account|*> :realname
        if (isMe(who)) {
            if (firstRoom == null) firstRoom = joined;
            rooms.add(joined).members.clear();
            return; // the welcome, or the entering, comes with the member list (366)
        }
        JoinedRooms.Room r = rooms.find(joined);
        if (r != null) r.members.add(who);
        listener.accept(new ClientEvent.Joined(IncomingMessages.timeOf(m), who, joined));
    }

    void onLeave(Message m, String fromRoom, String reason) {
        String who = m.sourceNick();
        if (isMe(who)) {
            if (fromRoom != null) {
                rooms.remove(fromRoom);
                listener.accept(new ClientEvent.Parted(fromRoom));
            }
            return;
        }
        if (fromRoom == null) {
            accounts.forget(who);
            if (rooms.quit(who).isEmpty()) return;
        } else {
            JoinedRooms.Room r = rooms.find(fromRoom);
            if (r != null) r.members.remove(who);
            if (!rooms.everyone().contains(who)) accounts.forget(who);
        }
        listener.accept(new ClientEvent.Left(IncomingMessages.timeOf(m), who, fromRoom, reason));
    }

    void onKick(Message m) {
        String victim = m.param(1);
        String from = m.param(0);
        JoinedRooms.Room r = rooms.find(from);
        if (r != null) r.members.remove(victim);
        if (!rooms.everyone().contains(victim)) accounts.forget(victim);
        boolean byServer = m.prefix() == null || !m.prefix().contains("!");
        // a KICK from the server followed by ERROR is the admin removing us from the chat
        if (isMe(victim) && byServer) kickedByServer = true;
        if (isMe(victim)) rooms.remove(from);
        String why = m.param(2);
        // RFC 2812: without a reason, the comment is the kicker's name
        if (why != null && (why.isEmpty() || why.equals(m.sourceNick()))) why = null;
        listener.accept(new ClientEvent.Removed(
                IncomingMessages.timeOf(m), victim, from, byServer ? null : m.sourceNick(), why));
    }

    void onNick(Message m) {
        String old = m.sourceNick();
        String now = m.param(0);
        rooms.rename(old, now);
        accounts.renamed(old, now);
        if (isMe(old)) client.renamed(now);
        listener.accept(new ClientEvent.NickChanged(IncomingMessages.timeOf(m), old, now));
    }

    void onEndOfNames(String forRoom) {
        List<String> names = List.copyOf(namesBuffer);
        namesBuffer.clear();
        JoinedRooms.Room r = rooms.find(forRoom);
        if (namesRequested.remove(Casemapping.fold(forRoom))) {
            listener.accept(new ClientEvent.Members(r == null ? forRoom : r.name, names));
        } else if (r != null && r.members.isEmpty()) {
            r.members.addAll(names);
            if (!welcomed) {
                welcomed = true;
                listener.accept(new ClientEvent.Welcome(client.nick(), r.name, names));
            } else {
                listener.accept(new ClientEvent.Entered(r.name, names, r.topic));
            }
            // who of those already there is logged in: no join of theirs told us
            if (whox) client.sendLine("WHO " + r.name + " %tna," + WHOX_TOKEN);
            client.entered(r.name);
        }
    }

    static final String WHOX_TOKEN = "152";

    /** TOPIC or 332: kept is the topic as remembered (null for none), shown what the server said. */
    void onTopic(String room, String kept, String shown) {
        JoinedRooms.Room r = rooms.find(room);
        if (r != null) r.topic = kept;
        listener.accept(new ClientEvent.Topic(room, shown));
    }

    /** account-notify: {@code :nick!u@h ACCOUNT <account|*>}. */
    void onAccount(Message m) {
        accounts.set(m.sourceNick(), m.param(0));
    }

    /** 005 lines: whether WHO can tell accounts. */
    void onIsupport(Message m) {
        for (String token : m.params()) if (token.equals("WHOX")) whox = true;
        watchlist.isupport(m, client);
    }

    /** 730 or 731 about names on the /notify list. */
    void onMonitor(Message m) {
        watchlist.told(m).forEach(listener);
    }

    /** /users: flagged and asked for in one task on the network thread, so the reply can never come first. */
    void requestNames(String which) {
        namesRequested.add(Casemapping.fold(which));
        client.sendLine("NAMES " + which);
    }

    /** Our WHOX answer: {@code 354 me 152 <nick> <account|0>}. */
    void onWhoxReply(Message m) {
        if (m.params().size() < 4 || !WHOX_TOKEN.equals(m.param(1))) return;
        String account = m.param(3);
        accounts.set(m.param(2), account.equals("0") ? null : account);
    }

    static String stripPrefix(String name) {
        int i = 0;
        while (i < name.length() && "@+%&~".indexOf(name.charAt(i)) >= 0) i++;
        return name.substring(i);
    }
}
