package dev.chatroom.client;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Our PRIVMSGs as they are sent: split into as many lines as the text needs, an action wrapped in
 * CTCP, and shown at once as a chat event unless the server echoes them back (echo-message).
 */
final class OutgoingMessages {
    private static final String CTCP = "\u0001";

    private final ChatClient client;
    private final Consumer<ClientEvent> listener;
    /** The server sends our messages back to us (echo-message): they are shown when they return. */
    private volatile boolean echo;

    OutgoingMessages(ChatClient client, Consumer<ClientEvent> listener) {
        this.client = client;
        this.listener = listener;
    }

    void echo(boolean on) {
        echo = on;
    }

    /** Sends a message to a room or a nick, split into several if it would not fit one line. */
    void send(String target, String body, boolean action) {
        send(target, body, action, "");
    }

    /** The same, each line starting with these tags ("@+draft/reply=id ", or ""). */
    void send(String target, String body, boolean action, String tags) {
        if (target == null) {
            listener.accept(new ClientEvent.Problem("You are not in a room."));
            return;
        }
        boolean toRoom = target.startsWith("#");
        for (String part : Splitter.split(body, Splitter.roomForText(client.nick(), target, action))) {
            String text = action ? CTCP + "ACTION " + part + CTCP : part;
            client.sendLine(tags + "PRIVMSG " + target + " :" + text);
            if (!echo)
                listener.accept(new ClientEvent.Chat(
                        Instant.now(),
                        client.nick(),
                        toRoom ? target : null,
                        toRoom ? null : target,
                        part,
                        action,
                        false));
        }
    }
}
