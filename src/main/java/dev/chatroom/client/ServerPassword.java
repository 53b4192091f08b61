package dev.chatroom.client;

import java.io.IOException;

/**
 * The server password across a session's connections: from CHATROOM_SERVER_PASSWORD, or asked
 * for (unseen) the first time the server wants it, then sent first on every connection (so a new
 * connection is made once it is known). Held only in memory, never printed. A wrong one is the
 * server's to refuse: it closes the connection.
 */
public final class ServerPassword {
    /** Where a script gives it. */
    public static final String ENVIRONMENT = "CHATROOM_SERVER_PASSWORD";

    private final Ui ui;
    /** Called after the prompt: the user's typing does not count against the server's answer time. */
    private final Runnable typed;

    private volatile String password;

    ServerPassword(Ui ui, Runnable typed) {
        this.ui = ui;
        this.typed = typed;
    }

    void given(String pw) {
        password = pw == null || pw.isEmpty() ? null : pw;
    }

    /** Each new connection sends it first. */
    void applyTo(ChatClient c) {
        c.serverPassword(password);
    }

    /**
     * The server at where wants its password and none was sent: asked for, to connect again with
     * it. Null when it was given, else the exit code (it cannot be asked, or is not given).
     */
    Integer needed(String where, boolean mayGo) throws IOException {
        String refusal = !mayGo
                ? where + " needs a server password, and passwords go over TLS only (join with --tls)."
                : !ui.interactive() ? where + " needs a server password: set " + ENVIRONMENT + "." : null;
        String pw = refusal == null ? ui.readSecret("Server password for " + where + ": ") : null;
        typed.run();
        if (pw == null || pw.isEmpty()) {
            ui.print(refusal != null ? refusal : "No server password given.");
            return Session.EXIT_REFUSED;
        }
        password = pw;
        return null;
    }
}
