package dev.chatroom.client;

import dev.chatroom.config.Version;
import dev.chatroom.irc.Message;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * PRIVMSG and NOTICE as chat events: room or private, actions, notices, server announcements, the sender's
 * account, the message answered; CTCP answered. TAGMSG goes to {@link Replies}.
 */
final class IncomingMessages {
    private static final String CTCP = "\u0001";
    private final ChatClient client;
    private final Consumer<ClientEvent> listener;
    private final KnownAccounts accounts;
    /** Which capabilities the server granted. */
    private final Predicate<String> caps;
    /** The msgids of what we said, and the deletions we are told of. */
    final Deletions deletions;
    /** Multiline batches gathered into one message. */
    final MultilineBatches batches = new MultilineBatches();
    /** Reactions, replies and typing. */
    final Replies replies;
    /** A live message and its conversation, for history's marks. */
    private final BiConsumer<Message, String> seen;

    IncomingMessages(
            ChatClient client,
            Consumer<ClientEvent> listener,
            KnownAccounts accounts,
            Predicate<String> caps,
            BiConsumer<Message, String> seen) {
        this.client = client;
        this.seen = seen;
        this.listener = listener;
        this.accounts = accounts;
        this.caps = caps;
        this.deletions = new Deletions(client::sendLine, caps, listener);
        this.replies = new Replies(client, listener, caps, deletions);
    }

    void onMessage(Message m) {
        if (m.command().equals("TAGMSG")) {
            replies.onTagmsg(m);
            return;
        }
        String from = m.sourceNick();
        String target = m.param(0);
        String text = m.param(1);
        if (text == null || from == null) return;
        if (isFromServer(m)) {
            if (target.startsWith("#")) listener.accept(new ClientEvent.Announcement(timeOf(m), text));
            else listener.accept(new ClientEvent.Info(text));
            return;
        }
        // with account-tag, a message without the tag comes from someone not logged in
        if (caps.test("account-tag")) accounts.set(from, m.tags().get("account"));
        ClientEvent.Chat chat = chatOf(m);
        if (chat == null) {
            answerCtcp(from, ctcpBody(text), m.command().equals("NOTICE"));
            return;
        }
        seen.accept(m, conversation(chat));
        listener.accept(replies.answering(m, chat));
        deletions.seen(m, conversation(chat), client.isMe(from));
    }

    /** The conversation a message belongs to: its room, or the other side of a private one. */
    String conversation(ClientEvent.Chat c) {
        return c.room() != null ? c.room() : client.isMe(c.from()) ? c.to() : c.from();
    }

    /** A PRIVMSG or NOTICE of a person as a chat line, changing nothing; null for a CTCP request or a server's message. */
    static ClientEvent.Chat chatOf(Message m) {
        String from = m.sourceNick();
        String target = m.param(0);
        String text = MultilineBatches.text(m);
        if (text == null || from == null || target == null || isFromServer(m)) return null;
        boolean action = false;
        if (text.startsWith(CTCP)) {
            String body = ctcpBody(text);
            if (!body.startsWith("ACTION ")) return null;
            text = body.substring(7);
            action = true;
        }
        boolean toRoom = target.startsWith("#");
        return new ClientEvent.Chat(
                timeOf(m),
                from,
                toRoom ? target : null,
                toRoom ? null : target,
                text,
                action,
                m.command().equals("NOTICE"),
                m.tags().get("account"));
    }

    private static boolean isFromServer(Message m) {
        return m.prefix() == null || !m.prefix().contains("!");
    }

    private static String ctcpBody(String text) {
        return text.substring(1, text.endsWith(CTCP) && text.length() > 1 ? text.length() - 1 : text.length());
    }

    private void answerCtcp(String from, String body, boolean notice) {
        if (notice || client.isMe(from)) return;
        String verb = body.split(" ", 2)[0];
        if (verb.equals("VERSION"))
            client.sendLine("NOTICE " + from + " :" + CTCP + "VERSION chatroom " + Version.get() + CTCP);
        else if (verb.equals("PING")) client.sendLine("NOTICE " + from + " :" + CTCP + body + CTCP);
    }

    static Instant timeOf(Message m) {
        String t = m.tags().get("time");
        if (t != null) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException ignored) {
                // fall through to now
            }
        }
        return Instant.now();
    }
}
