package dev.chatroom.client;

import java.io.IOException;

/**
 * How a session logs in, across its connections: the account, the password (from
 * CHATROOM_PASSWORD, asked for with --login, or typed when the name turned out to be
 * registered) or the client certificate, and what to do when the server refuses it. The
 * password is held only in memory, to log in again after a reconnection; it is never printed.
 */
final class SessionLogin {
    private final Ui ui;
    /** Called after each prompt: the user's typing does not count against the server's answer time. */
    private final Runnable typed;

    private String account;
    private volatile String password;
    private boolean certificate;
    /** --login without CHATROOM_PASSWORD: ask once the name is known, before connecting. */
    private boolean askFirst;
    /** A refused password was asked again once already. */
    private boolean retried;
    /** A name we log in for, to ask for again once logged in. */
    private String nickAfterLogin;

    SessionLogin(Ui ui, Runnable typed) {
        this.ui = ui;
        this.typed = typed;
    }

    void with(String account, String password, boolean certificate) {
        this.account = account;
        this.password = password;
        this.certificate = certificate;
    }

    void asking(String account) {
        this.account = account;
        this.askFirst = true;
    }

    /** Before the first connection; false when no password was given. */
    boolean askBeforeConnecting(String name) throws IOException {
        if (!askFirst) return true;
        password = ui.readSecret("Password for " + (account != null ? account : name) + ": ");
        if (password != null && !password.isEmpty()) return true;
        ui.print("No password given.");
        return false;
    }

    /** Whether each connection logs in (a password or a certificate). */
    boolean wanted() {
        return password != null || certificate;
    }

    /** Each new connection logs in during registration. */
    void applyTo(ChatClient c) {
        if (password != null || certificate) c.loginWith(account, password, certificate && password == null);
    }

    String nickAfterLogin() {
        return nickAfterLogin;
    }

    void loggedInForNick() {
        nickAfterLogin = null;
    }

    /**
     * The login asked for failed: a certificate not linked yet goes on without it (to /register
     * or log in with the password once); a refused password is asked once more at a terminal,
     * and otherwise ends the session. True: go on.
     */
    boolean failed(ChatClient c, ClientEvent.LoginFailed f, boolean reconnecting) throws IOException {
        if (password == null && certificate) return true;
        password = null;
        if (reconnecting) { // the input line is busy: go on without it; the name may get a _
            c.endLogin();
            return true;
        }
        if (ui.interactive() && !retried && !Login.NOT_ENCRYPTED.equals(f.text())) {
            retried = true;
            String pw = ui.readSecret("Password for " + f.account() + ": ");
            typed.run();
            if (pw != null && !pw.isEmpty()) {
                password = pw;
                c.logInNow(f.account(), pw);
                return true;
            }
        }
        return false;
    }

    /** A refused password is never re-sent (after a reconnection): it would only count as a guess. */
    void refused() {
        if (password != null) password = null;
    }

    /** The name is someone's account: ask for its password and log in on this connection. False when the user would rather pick another name. */
    boolean askForName(ChatClient c, String accountName) throws IOException {
        if (!ui.interactive()) return false;
        String pw = ui.readSecret("Password for " + accountName + " (empty to choose another name): ");
        typed.run();
        if (pw == null || pw.isEmpty()) return false;
        password = pw;
        account = accountName;
        nickAfterLogin = accountName;
        c.logInNow(accountName, pw);
        return true;
    }
}
