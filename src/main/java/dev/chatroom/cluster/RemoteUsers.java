package dev.chatroom.cluster;

import dev.chatroom.ip.Address;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Numeric;
import dev.chatroom.log.Event;
import dev.chatroom.server.ChannelMode;
import dev.chatroom.server.Clock;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Departure;
import dev.chatroom.server.DisconnectReason;
import dev.chatroom.server.Gate;
import dev.chatroom.server.Hub;
import dev.chatroom.server.NowhereLink;
import dev.chatroom.server.Room;
import dev.chatroom.server.UserMode;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.SavedRoom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The users of the other nodes, mirrored here as connections whose lines go nowhere: they are
 * in the rooms, hold their nicks and answer WHO, WHOIS, NAMES and LUSERS like anyone, and
 * commands relayed from their node run on them exactly as on the node they are on. Also what
 * a node tells the others about its own users and rooms when it (re)meets them (the burst).
 */
final class RemoteUsers {
    private static final Clock.Timer NO_EXPIRY = () -> {};
    private static final String ROOM_TAG = "room";

    private final Hub hub;
    private final Map<String, Connection> byId = new HashMap<>();
    private final Predicate<Connection> holdsInCluster;

    RemoteUsers(Hub hub, Predicate<Connection> holdsInCluster) {
        this.hub = hub;
        this.holdsInCluster = holdsInCluster;
    }

    Connection find(String id) {
        return byId.get(id);
    }

    /**
     * USER id nick user address account flags sshkey :realname (flags: s TLS, the user modes' letters
     * such as i or o; state C claiming, P pending, R registered).
     */
    static Message describe(String node, Connection c, char state) {
        StringBuilder flags = new StringBuilder(c.secure() ? "s" : "");
        for (UserMode m : UserMode.values()) if (c.has(m)) flags.append(m.letter());
        flags.append(state);
        Map<String, String> tags = c.away() == null ? Map.of() : Map.of("away", c.away());
        return Message.create(
                tags,
                node,
                "USER",
                List.of(
                        c.clusterId(),
                        c.nick(),
                        c.user(),
                        c.address().hostname(), // a parameter may not start with ':' (::1)
                        orStar(c.account()),
                        flags.toString(),
                        orStar(c.sshKey()),
                        c.realname() == null ? "" : c.realname()),
                true);
    }

    /** Mirrors the user an event describes; null when its nick is held in the cluster by someone else (it loses: it came later). */
    Connection add(Message e) {
        String id = e.param(0);
        if (byId.containsKey(id)) return byId.get(id);
        String nick = e.param(1);
        Connection holder = hub.users().find(nick);
        if (holder != null && holdsInCluster.test(holder)) return null;
        if (holder != null) bump(holder);
        String flags = e.param(5);
        Address address = Address.parse(e.param(3));
        if (address == null) throw new IllegalArgumentException("a USER event whose address is not one: " + e.param(3));
        String sshKey = "*".equals(e.param(6)) ? null : e.param(6);
        Connection g = new Connection(
                address,
                hub.cloaks().host(address, sshKey), // every node has the same secret: the same cloak as at home
                NowhereLink.REMOTE,
                flags.indexOf('s') >= 0,
                hub.clock().millis(),
                hub.clock().nanos());
        g.clusterId(id, true);
        hub.users().add(g);
        hub.users().claim(g, nick);
        g.user(e.param(2), e.param(7));
        if (!"*".equals(e.param(4))) g.credentials().account(e.param(4));
        if (sshKey != null) g.sshKey(sshKey);
        for (UserMode m : UserMode.values()) g.mode(m, flags.indexOf(m.letter()) >= 0);
        if (e.tags().get("away") != null) g.away(e.tags().get("away"));
        byId.put(id, g);
        if (flags.indexOf('R') >= 0) admit(g);
        else if (flags.indexOf('P') >= 0) queue(g);
        return g;
    }

    /**
     * A connection of ours still registering holds a nick only here: whoever the cluster gave
     * the nick to first keeps it, and ours must pick another (433, as if it had been taken).
     */
    void bump(Connection local) {
        if (local.isRemote() || local.isRegistered()) return;
        String nick = local.nick();
        hub.users().release(local);
        hub.output()
                .replies(local)
                .numeric(Numeric.ERR_NICKNAMEINUSE, nick, "Nickname is already in use")
                .flush();
    }

    void admit(Connection g) {
        if (g.state() == Connection.State.REGISTERED) return;
        if (g.state() == Connection.State.PENDING) hub.gate().approvals().remove(g);
        g.state(Connection.State.REGISTERED);
        hub.users().countRegistered(g, 1);
        hub.monitors().arrived(g);
        hub.events().event(Gate.person(Event.info("arrived", "* " + g.nick() + " entered the chatroom."), g));
        if (hub.config().defaultRoom() != null)
            hub.rooms().join(g, hub.config().defaultRoom(), hub.output().replies(g));
    }

    void queue(Connection g) {
        if (g.state() != Connection.State.REGISTERING) return;
        g.state(Connection.State.PENDING);
        hub.gate().queue(g, NO_EXPIRY);
    }

    /** The user left (its node said so), or its node was lost. */
    void remove(String id, Departure d) {
        Connection g = byId.remove(id);
        if (g != null) hub.departures().disconnect(g, d);
    }

    /** Every user of a node that stopped answering, announced as quit; their nicks are free again. */
    int nodeLost(String node) {
        List<String> ids = new ArrayList<>();
        for (String id : byId.keySet()) if (id.startsWith(node + ":")) ids.add(id);
        for (String id : ids) remove(id, new Departure(DisconnectReason.NODE_LOST, null));
        return ids.size();
    }

    /** Every ghost: the node lost Redis and can no longer tell whether they are still there. */
    List<String> nodes() {
        List<String> nodes = new ArrayList<>();
        for (String id : byId.keySet()) {
            String n = id.substring(0, id.lastIndexOf(':'));
            if (!nodes.contains(n)) nodes.add(n);
        }
        return nodes;
    }

    /**
     * ROOM :members, the members "id=statuses" separated by spaces ("n1:a=o n1:b="), the room's
     * settings in the tag {@code room} in their saved text form: what a node tells others of its rooms.
     */
    static Message describe(String node, Room room, List<Connection> ours) {
        StringBuilder members = new StringBuilder();
        for (Connection c : ours) {
            if (members.length() > 0) members.append(' ');
            members.append(c.clusterId()).append('=');
            for (ChannelMode s : ChannelMode.statuses()) if (room.has(c, s)) members.append(s.letter());
        }
        return Message.create(Map.of(ROOM_TAG, room.saved().text()), node, "ROOM", List.of(members.toString()), true);
    }

    /** Another node's room: its settings taken when nobody of ours is inside, its members joined (their rooms see the JOINs). */
    void room(Message e) {
        String saved = e.tags().get(ROOM_TAG);
        if (saved == null)
            throw new IllegalArgumentException("a ROOM event without its room (from a node of an older version?)");
        Room room = hub.rooms().mirror(SavedRoom.parse(saved));
        for (String member : e.param(0).isEmpty() ? new String[0] : e.param(0).split(" ")) {
            int eq = member.lastIndexOf('=');
            Connection g = byId.get(member.substring(0, eq));
            if (g == null || !g.isRegistered() || room.contains(g)) continue;
            Replies discard = hub.output().replies(g);
            room.join(g, discard);
            String statuses = member.substring(eq + 1);
            for (ChannelMode s : ChannelMode.statuses()) room.status(g, s, statuses.indexOf(s.letter()) >= 0);
        }
    }

    private static String orStar(String s) {
        return s == null ? "*" : s;
    }
}
