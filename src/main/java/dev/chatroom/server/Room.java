package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.RPL_TOPIC;
import static dev.chatroom.irc.Numeric.RPL_TOPICWHOTIME;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Numeric;
import dev.chatroom.server.output.Broadcast;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.RoomBan;
import dev.chatroom.store.SavedRoom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel: its members in join order with their status (@ operator, + voice), its topic and
 * modes, and what happens in it (join, part, kick, topic, names, who may join and speak). Both sides of membership, the room's and the connection's,
 * change here and nowhere else. Fan-out iterates {@link #members()}, an array rebuilt only when
 * membership changes, so sending costs no allocation and a member leaving mid-send cannot
 * disturb the loop.
 */
public final class Room {
    private static final Connection[] NONE = new Connection[0];

    private final Rooms rooms;
    private final String name;
    private final boolean permanent;
    private final long createdAtMillis;
    /** Members in join order; replaced, never changed in place, so a fan-out loop over it is never disturbed. */
    private Connection[] snapshot = NONE;

    private String topic;
    private String topicSetBy;
    private long topicSetAtMillis;
    private final RoomModes modes = RoomModes.standard();
    private final RoomOperators operators = new RoomOperators();
    /** Members muted in this room only (by the admin), until when; null while there are none. */
    private Map<Connection, Long> mutedUntil;

    Room(Rooms rooms, String name, boolean permanent, long createdAtMillis) {
        this.rooms = rooms;
        this.name = name;
        this.permanent = permanent;
        this.createdAtMillis = createdAtMillis;
    }

    public String name() {
        return name;
    }

    /** The default room lives as long as the server; others go when their last member leaves. */
    public boolean permanent() {
        return permanent;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public Connection[] members() {
        return snapshot;
    }

    public int size() {
        return snapshot.length;
    }

    public boolean contains(Connection c) {
        return c.isIn(this);
    }

    /** False once the room has gone (its last member left); a new room of the same name is another room. */
    public boolean exists() {
        return rooms.find(name) == this;
    }

    public RoomModes modes() {
        return modes;
    }

    public boolean isOperator(Connection c) {
        return has(c, ChannelMode.OPERATOR);
    }

    public boolean isVoiced(Connection c) {
        return has(c, ChannelMode.VOICE);
    }

    /** Whether the member has the status ({@link ChannelMode.Kind#STATUS}). */
    public boolean has(Connection c, ChannelMode status) {
        int flags = c.flagsIn(this);
        return flags > 0 && (flags & status.statusBit()) != 0;
    }

    /**
     * Gives or takes a member's status; false when c is not a member or nothing changed. Making a logged-in member an
     * operator remembers their account, so they are one again after a restart; taking it forgets it.
     */
    public boolean status(Connection c, ChannelMode status, boolean on) {
        int flags = c.flagsIn(this);
        if (flags < 0 || ((flags & status.statusBit()) != 0) == on) return false;
        c.flagsIn(this, on ? flags | status.statusBit() : flags & ~status.statusBit());
        if (status == ChannelMode.OPERATOR) operators.set(c.account(), on);
        return true;
    }

    /** The member's status prefix in NAMES and WHO: the highest ("@", "+" or ""), or all of them (multi-prefix). */
    public String prefixOf(Connection c, boolean all) {
        if (c.flagsIn(this) <= 0) return "";
        StringBuilder prefixes = new StringBuilder(2);
        for (ChannelMode s : ChannelMode.statuses()) {
            if (!has(c, s)) continue;
            prefixes.append(s.prefix());
            if (!all) break;
        }
        return prefixes.toString();
    }

    public String prefixOf(Connection c) {
        return prefixOf(c, false);
    }

    /** Whether someone outside may learn that c is in this room (LIST, WHOIS, WHO, NAMES). */
    public boolean visibleTo(Connection viewer) {
        return !modes.has(ChannelMode.SECRET) || contains(viewer);
    }

    /**
     * Why c may not join with this key: the numeric and its text, or null when c may. An invitation, or being logged
     * in to an operator's account, lets c past +i; a ban, the key and the limit hold for everyone.
     */
    public String[] refusal(Connection c, String key) {
        if (modes.banned(c)) return new String[] {Numeric.ERR_BANNEDFROMCHAN, "Cannot join channel (+b)"};
        if (modes.has(ChannelMode.INVITE_ONLY) && !c.invitations().contains(this) && !operators.contains(c.account()))
            return new String[] {Numeric.ERR_INVITEONLYCHAN, "Cannot join channel (+i)"};
        if (modes.key() != null && !modes.key().equals(key))
            return new String[] {Numeric.ERR_BADCHANNELKEY, "Cannot join channel (+k)"};
        if (modes.limit() > 0 && snapshot.length >= modes.limit())
            return new String[] {Numeric.ERR_CHANNELISFULL, "Cannot join channel (+l)"};
        return null;
    }

    /** Why c may not speak here, for 404; null when it may. Operators and voiced members always may. */
    public String silenced(Connection c, long nowMillis) {
        boolean member = contains(c);
        if (!member && modes.has(ChannelMode.NO_EXTERNAL_MESSAGES)) return "Cannot send to channel (+n)";
        if (member && (isOperator(c) || isVoiced(c))) return null;
        if (modes.has(ChannelMode.MODERATED)) return "Cannot send to channel (+m)";
        if (modes.banned(c)) return "Cannot send to channel (+b)";
        Long until = mutedUntil == null ? null : mutedUntil.get(c);
        if (until != null && until > nowMillis) return "Cannot send to channel (you are muted here by the admin)";
        return null;
    }

    /** The admin mutes a member here until the given time (0: unmutes); false when c is not a member. */
    public boolean mute(Connection c, long untilMillis) {
        if (!contains(c)) return false;
        if (untilMillis <= 0) {
            if (mutedUntil != null) mutedUntil.remove(c);
            return true;
        }
        if (mutedUntil == null) mutedUntil = new IdentityHashMap<>();
        mutedUntil.put(c, untilMillis);
        return true;
    }

    /**
     * c joins: everyone in the room sees the JOIN (and, with away-notify, whether c is away),
     * c gets its topic and member list. Whoever is logged in to an operator's account is an operator (the room sees
     * the MODE); so is the first to join a room that is not permanent and remembers no operator (a restored room
     * with operators is not anyone's for being first). Joining twice does nothing.
     */
    public void join(Connection c, Replies r) {
        if (contains(c)) return;
        c.uninvite(this);
        boolean byAccount = operators.contains(c.account());
        boolean first = snapshot.length == 0 && !permanent && operators.isEmpty();
        add(c, byAccount || first ? ChannelMode.OPERATOR.statusBit() : 0);
        if (first && operators.set(c.account(), true)) rooms.changed(this);
        Message extended = Message.trailing(
                c.prefix(),
                "JOIN",
                name,
                c.account() == null ? "*" : c.account(),
                c.realname() == null ? "" : c.realname());
        try (Broadcast join = rooms.output().from(Message.of(c.prefix(), "JOIN", name), c);
                Broadcast extendedJoin = rooms.output().from(extended, c)) {
            for (Connection m : snapshot)
                if (m != c) Broadcast.sendEither(m, Capability.EXTENDED_JOIN, extendedJoin, join);
            r.add(r.to().has(Capability.EXTENDED_JOIN) ? extendedJoin : join);
        }
        rooms.readMarkers().joined(c, name, r);
        if (byAccount) showModes(rooms.output().serverName(), List.of("+o", c.nick()), r);
        if (c.away() != null) {
            try (Broadcast away = rooms.output().from(Message.trailing(c.prefix(), "AWAY", c.away()), c)) {
                for (Connection m : snapshot) if (m != c) away.sendTo(m, Capability.AWAY_NOTIFY);
            }
        }
        if (topic != null) sendTopic(r);
        sendNames(r);
        for (Connection d : c.devices()) if (d != r.to()) RoomView.show(this, d, rooms.output(), rooms.readMarkers());
        if (c != r.to()) RoomView.show(this, c, rooms.output(), rooms.readMarkers());
    }

    /** c leaves with an optional reason; everyone in the room, c included, sees the PART. */
    public void part(Connection c, String reason, Replies r) {
        if (!contains(c)) return;
        Message m = reason == null || reason.isEmpty()
                ? Message.of(c.prefix(), "PART", name)
                : Message.trailing(c.prefix(), "PART", name, reason);
        try (Broadcast part = rooms.output().from(m, c)) {
            part.sendToMembersExcept(this, r.to());
            r.add(part);
        }
        remove(c);
    }

    /** The server removes c; everyone in the room, c included, sees the KICK. */
    void kickByServer(Connection c, String reason) {
        kick(c, rooms.output().serverName(), reason, null);
    }

    /**
     * c is removed by source (a member's prefix, or the server's name); everyone in the room,
     * c included, sees the KICK. The kicker (requester, null for the server) gets its copy with
     * its other replies.
     */
    public void kick(Connection c, String source, String reason, Replies requester) {
        if (!contains(c)) return;
        try (Broadcast kick = rooms.output().broadcast(Message.trailing(source, "KICK", name, c.nick(), reason))) {
            kick.sendToMembersExcept(this, requester == null ? null : requester.to());
            if (requester != null) requester.add(kick);
        }
        remove(c);
    }

    /** A MODE change by source, seen by every member; the one who made it (may be null) gets it with its replies. */
    public void announceModes(String source, List<String> change, Replies requester) {
        showModes(source, change, requester);
        rooms.changed(this);
    }

    private void showModes(String source, List<String> change, Replies requester) {
        List<String> params = new ArrayList<>(change.size() + 1);
        params.add(name);
        params.addAll(change);
        try (Broadcast b = rooms.output().broadcast(Message.of(source, "MODE", params.toArray(new String[0])))) {
            b.sendToMembersExcept(this, requester == null ? null : requester.to());
            if (requester != null) requester.add(b);
        }
    }

    /** c, a member, logged in: an operator's account is remembered; a remembered account's member is made operator. */
    void loggedIn(Connection c) {
        if (isOperator(c) && operators.set(c.account(), true)) rooms.changed(this);
        else if (!isOperator(c) && operators.contains(c.account()) && status(c, ChannelMode.OPERATOR, true))
            announceModes(rooms.output().serverName(), List.of("+o", c.nick()), null);
    }

    /** The account is gone (dropped): whoever registers its name next is nobody's operator. */
    void forgetOperator(String account) {
        if (operators.set(account, false)) rooms.changed(this);
    }

    /** The room's settings as they are saved for a restart. */
    public SavedRoom saved() {
        return new SavedRoom(
                name,
                createdAtMillis,
                topic,
                topicSetBy,
                topicSetAtMillis,
                modes.flagLetters(),
                modes.key(),
                modes.limit(),
                List.copyOf(modes.bans()),
                operators.list());
    }

    /** At start: the settings it had before the restart. */
    void restore(SavedRoom s) {
        topic = s.topic();
        topicSetBy = s.topicSetBy();
        topicSetAtMillis = s.topicSetAtMillis();
        modes.flagLetters(s.flags());
        modes.setting(ChannelMode.KEY, s.key());
        modes.setting(ChannelMode.LIMIT, s.limit() > 0 ? Integer.toString(s.limit()) : null);
        for (RoomBan b : s.bans()) modes.ban(b.mask(), b.setBy(), b.setAtSeconds());
        operators.restore(s.operators());
    }

    /** c is gone from the server; its QUIT was announced once to all its rooms together. */
    void removeQuitter(Connection c) {
        remove(c);
    }

    private void add(Connection c, int flags) {
        Connection[] next = Arrays.copyOf(snapshot, snapshot.length + 1);
        next[snapshot.length] = c;
        snapshot = next;
        c.joined(this, flags);
    }

    private void remove(Connection c) {
        if (!c.isIn(this)) return;
        int i = 0;
        while (snapshot[i] != c) i++;
        Connection[] next = new Connection[snapshot.length - 1];
        System.arraycopy(snapshot, 0, next, 0, i);
        System.arraycopy(snapshot, i + 1, next, i, next.length - i);
        snapshot = next;
        c.left(this);
        if (mutedUntil != null) mutedUntil.remove(c);
        if (snapshot.length == 0 && !permanent) rooms.abandoned(this);
    }

    public String topic() {
        return topic;
    }

    /**
     * Sets (or with an empty text clears) the topic; every member sees the TOPIC from setBy. The
     * member who set it (requester, null for the server) gets its copy with its other replies.
     */
    public void topic(String text, String setBy, long nowMillis, Replies requester) {
        topic = text == null || text.isEmpty() ? null : text;
        topicSetBy = setBy;
        topicSetAtMillis = nowMillis;
        rooms.changed(this);
        try (Broadcast b = rooms.output().broadcast(Message.trailing(setBy, "TOPIC", name, text == null ? "" : text))) {
            b.sendToMembersExcept(this, requester == null ? null : requester.to());
            if (requester != null) requester.add(b);
        }
    }

    /** 332 and 333: the topic, who set it and when. */
    public void sendTopic(Replies r) {
        r.numeric(RPL_TOPIC, name, topic);
        r.numericWords(RPL_TOPICWHOTIME, name, topicSetBy, Long.toString(topicSetAtMillis / 1000));
    }

    /** 353 lines (as many as needed) and 366, as the recipient may see them ({@link NamesReply}). */
    public void sendNames(Replies r) {
        NamesReply.send(this, r);
    }
}
