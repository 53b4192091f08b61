package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.ERR_YOUREBANNEDCREEP;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.irc.Utf8;
import dev.chatroom.server.output.Broadcast;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.BanStore;
import dev.chatroom.store.ServerBan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the admin can do to people and rooms: kick, ban, mute, announce, set topics. */
public final class Moderation {
    private final Hub hub;
    private final BanStore store;

    Moderation(Hub hub, BanStore store) {
        this.hub = hub;
        this.store = store;
    }

    /** Removes c from the chat: its rooms see a KICK by the server, then it is disconnected. It may come back. */
    public void kick(Connection c, String reason) {
        Departure d =
                new Departure(DisconnectReason.KICKED, reason == null ? null : Utf8.truncate(reason, Names.KICK_MAX));
        // RFC 2812: without a reason, the comment is the kicker's name
        String kickText = d.detail() == null ? hub.serverName() : d.detail();
        for (Room r : new ArrayList<>(c.rooms())) r.kickByServer(c, kickText);
        hub.departures().close(c, d);
    }

    /** Bans a mask and disconnects whoever matches it now; returns who that was. */
    public List<String> ban(String mask, String reason) {
        ServerBan ban =
                hub.bans().add(mask, reason, Instant.ofEpochMilli(hub.clock().millis()));
        store.save(hub.bans().all());
        List<String> gone = new ArrayList<>();
        BanList only = new BanList();
        only.add(ban.mask(), ban.reason(), ban.since());
        for (Connection c : hub.users().all()) {
            boolean keyMatches = c.sshKey() != null && only.findByAddress(BanList.keyHost(c.sshKey())) != null;
            if (!keyMatches && only.find(c.nick() == null ? "*" : c.nick(), c) == null) continue;
            if (!gone.contains(c.nickOrStar())) gone.add(c.nickOrStar()); // a person's devices share its nick
            Replies r = hub.output().replies(c).numeric(ERR_YOUREBANNEDCREEP, "You are banned from this server");
            hub.departures().close(c, new Departure(DisconnectReason.BANNED, ban.reason()), r);
        }
        return gone;
    }

    /** Lifts a ban; false when there was none. */
    public boolean unban(String mask) {
        if (!hub.bans().remove(mask)) return false;
        store.save(hub.bans().all());
        return true;
    }

    /** Mutes a registered user until the given time (Long.MAX_VALUE: until unmuted); the rooms are told. */
    public void mute(Connection c, long untilMillis, String howLong) {
        c.mutedUntil(untilMillis);
        hub.output()
                .replies(c)
                .notice("You have been muted by the admin" + howLong + ". Your messages will not be sent.")
                .flush();
        announce(c.nick() + " has been muted by the admin" + howLong + ".");
    }

    /** False when c was not muted. */
    public boolean unmute(Connection c) {
        if (!c.mutedAt(hub.clock().millis())) return false;
        c.mutedUntil(0);
        hub.output().replies(c).notice("You are no longer muted.").flush();
        announce(c.nick() + " is no longer muted.");
        return true;
    }

    /** A NOTICE from the server to every room, and to registered users in no room; returns how many people got it. */
    public int announce(String text) {
        int reached = 0;
        for (Room r : hub.rooms().all()) {
            if (r.size() == 0) continue;
            try (Broadcast b = hub.output().broadcast(Message.trailing(hub.serverName(), "NOTICE", r.name(), text))) {
                b.sendToMembersExcept(r, null);
            }
        }
        for (Connection c : hub.users().all()) {
            if (!c.isRegistered()) continue;
            if (!c.isDevice()) reached++;
            if (c.person().roomCount() == 0)
                hub.output().replies(c).notice(text).flush();
        }
        return reached;
    }

    /** A NOTICE from the server to one room. */
    public void announceIn(Room r, String text) {
        try (Broadcast b = hub.output().broadcast(Message.trailing(hub.serverName(), "NOTICE", r.name(), text))) {
            b.sendToMembersExcept(r, null);
        }
    }

    /** Sets a room's topic as the server. */
    public void topic(Room r, String text) {
        r.topic(
                Utf8.truncate(text, Names.TOPIC_MAX),
                hub.serverName(),
                hub.clock().millis(),
                null);
    }
}
