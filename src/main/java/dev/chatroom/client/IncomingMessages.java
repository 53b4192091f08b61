package dev.chatroom.client;

import dev.chatroom.Version;
import dev.chatroom.irc.Message;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/** PRIVMSG and NOTICE as chat events: room or private, actions, notices, server announcements, the sender's account; CTCP answered. */
final class IncomingMessages {
    private static final String CTCP = "\u0001";
    private final ChatClient client;
    private final Consumer<ClientEvent> listener;
    private final KnownAccounts accounts;
    private final java.util.function.BooleanSupplier accountTags;

    IncomingMessages(ChatClient client, Consumer<ClientEvent> listener, KnownAccounts accounts, java.util.function.BooleanSupplier accountTags) {
        this.client = client;
        this.listener = listener;
        this.accounts = accounts;
        this.accountTags = accountTags;
    }

    void onMessage(Message m) {
        String from = m.sourceNick();
        String target = m.param(0);
        String text = m.param(1);
        if (text == null || from == null) return;
        boolean notice = m.command().equals("NOTICE");
        boolean fromServer = m.prefix() == null || !m.prefix().contains("!");
        if (fromServer) {
            if (target.startsWith("#")) listener.accept(new ClientEvent.Announcement(timeOf(m), text));
            else listener.accept(new ClientEvent.Info(text));
            return;
        }
        // with account-tag, a message without the tag comes from someone not logged in
        if (accountTags.getAsBoolean()) accounts.set(from, m.tags().get("account"));
        boolean action = false;
        if (text.startsWith(CTCP)) {
            String body = text.substring(1, text.endsWith(CTCP) && text.length() > 1 ? text.length() - 1 : text.length());
            if (body.startsWith("ACTION ")) {
                text = body.substring(7);
                action = true;
            } else {
                answerCtcp(from, body, notice);
                return;
            }
        }
        boolean toRoom = target.startsWith("#");
        listener.accept(new ClientEvent.Chat(timeOf(m), from, toRoom ? target : null, toRoom ? null : target, text, action, notice,
                m.tags().get("account")));
    }

    private void answerCtcp(String from, String body, boolean notice) {
        if (notice || client.isMe(from)) return;
        String verb = body.split(" ", 2)[0];
        if (verb.equals("VERSION")) client.sendLine("NOTICE " + from + " :" + CTCP + "VERSION chatroom " + Version.get() + CTCP);
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
