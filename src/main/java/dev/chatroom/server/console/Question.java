package dev.chatroom.server.console;

import dev.chatroom.server.Connection;
import dev.chatroom.server.Gate;
import dev.chatroom.server.Hub;

/**
 * What y, n and a answer: the oldest join request.
 *
 * @param nick who asked
 * @param waiting how many requests wait, this one included
 * @param text the question as a line: "bob (no account, 127.0.0.1) wants to join. Accept? [y/n/a] (1 more waiting)"
 */
public record Question(String nick, int waiting, String text) {
    /** The hub's oldest request, or null when no one waits. On the event loop. */
    static Question of(Hub hub) {
        Connection oldest = hub.gate().approvals().oldest();
        if (oldest == null) return null;
        int waiting = hub.gate().approvals().size();
        return new Question(
                oldest.nick(),
                waiting,
                Gate.request(oldest) + (waiting > 1 ? " (" + (waiting - 1) + " more waiting)" : ""));
    }

    /** The question as a short prompt to type the answer after. */
    public String prompt() {
        return "Accept " + nick + (waiting > 1 ? " (" + (waiting - 1) + " more waiting)" : "") + "? [y/n/a] ";
    }
}
