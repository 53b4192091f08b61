package dev.chatroom.client;

import java.time.Instant;
import java.util.List;

/** What the client learned from the server, in terms of the chat rather than IRC lines. */
public sealed interface ClientEvent {
    /** Registered; the admin has not decided yet. */
    record Waiting() implements ClientEvent {}

    /** The server refused the name during registration; another one may be tried. {@code registered}: it is someone's account. */
    record NameRefused(String name, String reason, boolean registered) implements ClientEvent {
        public NameRefused(String name, String reason) {
            this(name, reason, false);
        }
    }

    /** SASL (or a REGISTER) logged us in to this account. */
    record LoggedIn(String account, boolean byRegistering) implements ClientEvent {
        public LoggedIn(String account) {
            this(account, false);
        }
    }

    /** The server wants its password (PASS) and none was sent: ask for it, or give up. */
    record ServerPasswordNeeded() implements ClientEvent {}

    /** SASL failed; text is the server's reason. */
    record LoginFailed(String account, String text) implements ClientEvent {}

    /** Accepted and in the room. */
    record Welcome(String nick, String room, List<String> members) implements ClientEvent {}

    /** We entered another room (after the first): its members and topic (may be null). */
    record Entered(String room, List<String> members, String topic) implements ClientEvent {}

    /** We left a room (our PART). */
    record Parted(String room) implements ClientEvent {}

    /** The answer to /rooms: each entry name, member count, topic. */
    record RoomList(List<String[]> rooms) implements ClientEvent {}

    /** The answer to /users. */
    record Members(String room, List<String> members) implements ClientEvent {}

    /**
     * A message. {@code room} is set for a room message; for a private one it is null and
     * {@code to} is the recipient. {@code from} may be our own nick (echo of what we sent).
     * {@code inReplyTo}: the message it answers (+draft/reply), when we saw that one; else null.
     * {@code reactions}: in history, the reactions to it summed ("👍 2, ❤ 1"); else null.
     */
    record Chat(
            Instant time,
            String from,
            String room,
            String to,
            String text,
            boolean action,
            boolean notice,
            String account,
            Chat inReplyTo,
            String reactions)
            implements ClientEvent {
        public Chat(Instant time, String from, String room, String to, String text, boolean action, boolean notice) {
            this(time, from, room, to, text, action, notice, null);
        }

        public Chat(
                Instant time,
                String from,
                String room,
                String to,
                String text,
                boolean action,
                boolean notice,
                String account) {
            this(time, from, room, to, text, action, notice, account, null, null);
        }

        public Chat(
                Instant time,
                String from,
                String room,
                String to,
                String text,
                boolean action,
                boolean notice,
                String account,
                Chat inReplyTo) {
            this(time, from, room, to, text, action, notice, account, inReplyTo, null);
        }

        Chat replyingTo(Chat earlier) {
            return new Chat(time, from, room, to, text, action, notice, account, earlier, reactions);
        }

        Chat withReactions(String sums) {
            return new Chat(time, from, room, to, text, action, notice, account, inReplyTo, sums);
        }

        Chat withText(String shown) {
            return new Chat(time, from, room, to, shown, action, notice, account, inReplyTo, reactions);
        }
    }

    /**
     * Someone reacted (+draft/react) to a message in a room (room null: privately): {@code to} is
     * that message, null when we never saw it.
     */
    record Reacted(Instant time, String from, String room, String reaction, Chat to) implements ClientEvent {}

    /** Someone's typing notification (+typing) in a room, or privately to us (conversation: their nick). */
    record Typing(String from, String conversation, String state) implements ClientEvent {}

    /** The last messages of the conversation on screen, newest first: what /react and /reply number. */
    record Recent(String command, List<Chat> newestFirst) implements ClientEvent {}

    /**
     * Messages from before now, oldest first, for one conversation: a room, or the nick of a
     * private one. They are not live: shown apart; those after readUpTo (the server's read
     * marker, null when it keeps none) are unread.
     */
    record History(String target, HistoryKind kind, List<Chat> messages, Instant readUpTo) implements ClientEvent {
        public History(String target, HistoryKind kind, List<Chat> messages) {
            this(target, kind, messages, null);
        }
    }

    /** The server's read marker of a conversation (draft/read-marker): read up to then (null: never). */
    record ReadMarker(String target, Instant upTo) implements ClientEvent {}

    /** Why history was shown: on entering a room, after a reconnection (what was missed), or asked for with /history. */
    enum HistoryKind {
        JOINED,
        MISSED,
        OLDER
    }

    /** The answer to /search, oldest first. */
    record SearchResults(String words, List<Chat> found) implements ClientEvent {}

    record Joined(Instant time, String nick, String room) implements ClientEvent {}

    /** Someone left: {@code room} is null for a QUIT (left the chat), set for a PART; reason may be null. */
    record Left(Instant time, String nick, String room, String reason) implements ClientEvent {}

    /** Someone was removed from a room (IRC KICK); {@code by} is null when the server (the admin) did it. */
    record Removed(Instant time, String nick, String room, String by, String reason) implements ClientEvent {}

    /** An announcement from the server to the room (the admin's /say). */
    record Announcement(Instant time, String text) implements ClientEvent {}

    record NickChanged(Instant time, String oldNick, String newNick) implements ClientEvent {}

    /** Someone on the /notify list came online or left (MONITOR). */
    record Presence(String nick, boolean online) implements ClientEvent {}

    record Topic(String room, String topic) implements ClientEvent {}

    /**
     * A message we saw was deleted (REDACT).
     *
     * @param by who deleted it (the sender or an operator); null for the admin
     * @param reason as given, or null
     */
    record Deleted(Instant time, Chat message, String by, String reason) implements ClientEvent {}

    /** Something the server says: notices, the message of the day. */
    record Info(String text) implements ClientEvent {}

    /** An error reply, already put in words for the user ("No such user: bob"). */
    record Problem(String text) implements ClientEvent {}

    /** How a connection ended, from protocol facts: our QUIT, a standard reply, 465, a KICK of us by the server. */
    enum Ending {
        /** We sent QUIT. */
        LEFT,
        /** The admin rejected our request, or it expired. */
        REJECTED,
        /** The admin removed us. */
        KICKED,
        /** A ban matched. */
        BANNED,
        /** Anything else: the server closed, the network failed. */
        LOST
    }

    /**
     * The connection ended.
     *
     * @param reason what the server said (ERROR), or "connection lost"
     * @param beforeAccepted it ended before we were accepted
     * @param ending why, as far as the protocol told us
     */
    record Closed(String reason, boolean beforeAccepted, Ending ending) implements ClientEvent {
        public boolean byUs() {
            return ending == Ending.LEFT;
        }
    }
}
