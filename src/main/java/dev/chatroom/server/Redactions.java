package dev.chatroom.server;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.server.output.Broadcast;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.Conversation;
import dev.chatroom.store.StoredMessage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deleting a message (IRCv3 draft/message-redaction): who may, and what a deletion does. A
 * message is found where it is kept (a room's replayed messages, else the store), so only what
 * history keeps can be deleted. Its sender may delete it within the redact window (by account
 * when it was logged in, else while it has the same nick, user and host); a room's operators and
 * IRC operators may delete any message of a room, the admin any message. A deletion removes the
 * message from history for everyone and is told to those who negotiated the capability; the
 * others see nothing. In a cluster the node that decided stores it once and the others tell
 * their own users.
 */
public final class Redactions {
    /** Why a deletion is refused: the spec's FAIL REDACT codes. */
    public enum Refusal {
        REDACT_FORBIDDEN,
        REDACT_WINDOW_EXPIRED
    }

    private final Hub hub;

    public Redactions(Hub hub) {
        this.hub = hub;
    }

    /** How long a sender may delete its own messages. */
    public long windowMillis() {
        return hub.config().redactWindow().toMillis();
    }

    /**
     * The message with this msgid in the conversation; then gets it on the loop (empty when history
     * does not keep it, null when the store could not be read).
     */
    public void find(Conversation conv, String msgid, Consumer<Optional<StoredMessage>> then) {
        StoredMessage replayed = conv.isRoom() ? hub.history().recent(conv.roomKey(), msgid) : null;
        if (replayed != null) then.accept(Optional.of(replayed));
        else hub.history().store().find(conv, msgid, then);
    }

    /** Null when person may delete m; room is m's room (null: a private message, its sender's alone). */
    public Refusal refusal(Connection person, StoredMessage m, Room room) {
        if (room != null && (room.isOperator(person) || person.has(UserMode.OPERATOR))) return null;
        if (!sentBy(m, person)) return Refusal.REDACT_FORBIDDEN;
        if (hub.clock().millis() - m.timeMillis() > windowMillis()) return Refusal.REDACT_WINDOW_EXPIRED;
        return null;
    }

    private static boolean sentBy(StoredMessage m, Connection person) {
        if (m.accountKey() != null)
            return person.account() != null && m.accountKey().equals(Casemapping.fold(person.account()));
        return m.prefix() != null && m.prefix().equals(person.prefix());
    }

    /**
     * Deletes m, by source (a user's prefix, or the server's name for the admin) with reason (null
     * for none): history forgets it and those who negotiated the capability are told. device is the
     * connection that asked (null: the console), answered through replies.
     */
    public void redact(StoredMessage m, String source, String reason, Connection device, Replies r) {
        hub.history().forgetMessage(m.roomKey(), m.msgid());
        hub.history().store().redact(m);
        Message line = reason == null || reason.isEmpty()
                ? Message.of(source, "REDACT", m.target(), m.msgid())
                : Message.trailing(source, "REDACT", m.target(), m.msgid(), reason);
        String senderNick = nickOf(m.prefix());
        try (Broadcast b = hub.output().said(line, Map.of(), device == null ? null : device.person())) {
            tell(b, m.target(), senderNick, device, r);
            hub.replication().redacted(line, b.timeMillis(), b.msgid(), senderNick);
        }
    }

    /** Another node deleted a message: our users are told (the REDACT line as it was stamped there), our replay forgets it. */
    public void redactedElsewhere(Message line, long timeMillis, String msgid, String senderNick) {
        String target = line.param(0);
        if (Names.isChannel(target)) hub.history().forgetMessage(Casemapping.fold(target), line.param(1));
        hub.output().pin(timeMillis, msgid);
        try (Broadcast b = hub.output().said(line, Map.of(), null)) {
            tell(b, target, senderNick, null, null);
        } finally {
            hub.output().unpin();
        }
    }

    /** To a room's members, or a private message's two sides, that negotiated the capability; the asking device with its replies. */
    private void tell(Broadcast b, String target, String senderNick, Connection device, Replies r) {
        Set<Connection> told = new LinkedHashSet<>();
        if (Names.isChannel(target)) {
            Room room = hub.rooms().find(target);
            if (room != null) told.addAll(List.of(room.members()));
        } else {
            for (String nick : new String[] {target, senderNick}) {
                Connection c = nick == null ? null : hub.users().findRegistered(nick);
                if (c != null) told.add(c.person());
            }
        }
        Connection person = device == null ? null : device.person();
        for (Connection c : told) if (c != person) b.sendTo(c, Capability.MESSAGE_REDACTION);
        if (person != null) {
            b.sendToOtherDevices(person, device, Capability.MESSAGE_REDACTION);
            r.add(b); // the asking device's answer, the capability or not
        }
    }

    private static String nickOf(String prefix) {
        if (prefix == null) return null;
        int bang = prefix.indexOf('!');
        return bang < 0 ? prefix : prefix.substring(0, bang);
    }
}
