package dev.chatroom.client;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Numeric;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The client's side of SASL: EXTERNAL with the client certificate, or PLAIN with the account
 * and password, sent in 400-byte AUTHENTICATE chunks. The password is kept only for this
 * exchange and for reconnecting; it is never printed.
 */
final class Login {
    static final int CHUNK = 400;
    /** Why a password was not sent at all (asking for another would not help). */
    static final String NOT_ENCRYPTED = "not sent: this connection is not encrypted (join with --tls)";

    private final Consumer<String> send;
    private volatile String account;
    private volatile String password;
    private volatile boolean external;
    private volatile String mechanism;
    /** A password was refused: CAP END waits for the session to try another one or to give up. */
    private volatile boolean awaitingRetry;
    /** Logged in with a one-time password, now used up: the account has no password to give until one is set. */
    private volatile boolean noPassword;

    Login(Consumer<String> send) {
        this.send = send;
    }

    /** Log in with a password (account null: the nick). */
    void withPassword(String account, String password) {
        this.account = account;
        this.password = password;
        this.external = false;
    }

    void withCertificate(String account) {
        this.account = account;
        this.external = true;
    }

    boolean certificate() {
        return external;
    }

    boolean wanted() {
        return external || password != null;
    }

    boolean inProgress() {
        return mechanism != null;
    }

    String account() {
        return account;
    }

    /** When the caps are granted: starts the exchange if a login is wanted; true holds CAP END back until it ends. */
    boolean startIfWanted(String nick, boolean saslOffered, boolean encrypted, Consumer<ClientEvent> listener) {
        if (!wanted() || !mayGo(nick, encrypted, listener)) return false;
        if (!saslOffered) {
            listener.accept(
                    new ClientEvent.Problem("This server does not offer logging in (SASL); you are not logged in."));
            return false;
        }
        start(nick);
        return true;
    }

    /** A password is never sent in clear text (a certificate proves itself in the handshake). */
    boolean mayGo(String nick, boolean encrypted, Consumer<ClientEvent> listener) {
        if (external || encrypted) return true;
        listener.accept(new ClientEvent.LoginFailed(account == null ? nick : account, NOT_ENCRYPTED));
        return false;
    }

    /** Starts the exchange; the account defaults to the nick we are registering with. */
    void start(String nick) {
        if (account == null) account = nick;
        awaitingRetry = false;
        mechanism = external ? "EXTERNAL" : "PLAIN";
        send.accept("AUTHENTICATE " + mechanism);
    }

    /** The server's {@code AUTHENTICATE +}: our response. */
    void onAuthenticate(Message m) {
        if (mechanism == null || !"+".equals(m.param(0))) return;
        if (mechanism.equals("EXTERNAL")) {
            send.accept("AUTHENTICATE +");
            return;
        }
        String payload = Base64.getEncoder()
                .encodeToString((account + "\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < payload.length(); i += CHUNK)
            send.accept("AUTHENTICATE " + payload.substring(i, Math.min(payload.length(), i + CHUNK)));
        if (payload.length() % CHUNK == 0) send.accept("AUTHENTICATE +");
    }

    boolean awaitingRetry() {
        return awaitingRetry;
    }

    /** The server's NOTE ONE_TIME_PASSWORD_USED. */
    void oneTimePasswordUsed() {
        noPassword = true;
    }

    /** Whether the account has no password now (a one-time one was used): /passwd asks only for the new one. */
    boolean noPassword() {
        return noPassword;
    }

    /** 903-907 ended the exchange. */
    void finished() {
        mechanism = null;
    }

    /** The password was refused: forget it, so a reconnect asks again instead of failing again. */
    void forgetPassword() {
        if (!external) password = null;
    }

    /** SASL's numerics (900, 903-908); true when the exchange ended (negotiation may end now). */
    boolean onNumeric(String code, String text, Consumer<ClientEvent> listener) {
        switch (code) {
            case Numeric.RPL_SASLSUCCESS -> {
                finished();
                listener.accept(new ClientEvent.LoggedIn(account));
                return true;
            }
            case Numeric.ERR_SASLFAIL, Numeric.ERR_SASLTOOLONG -> {
                finished();
                awaitingRetry = !external;
                forgetPassword();
                listener.accept(new ClientEvent.LoginFailed(account, text));
                return true;
            }
            case Numeric.ERR_SASLABORTED, Numeric.ERR_SASLALREADY -> {
                finished();
                return true;
            }
            default -> {
                return false; // 900 and 908: 903 or 904 follows and says it
            }
        }
    }

    /** {@code REGISTER SUCCESS <account>} or {@code SETPASS SUCCESS <account>}. */
    void onSuccess(Message m, boolean withCertificate, Consumer<ClientEvent> listener) {
        if (!"SUCCESS".equals(m.param(0))) return;
        if (m.command().equals("SETPASS")) {
            noPassword = false;
            String text = m.param(m.params().size() - 1);
            listener.accept(new ClientEvent.Info(
                    text == null || text.isEmpty() || text.equals(m.param(1))
                            ? "Password changed."
                            : text + (text.endsWith(".") ? "" : ".")));
            return;
        }
        account = m.param(1);
        listener.accept(new ClientEvent.LoggedIn(account, true));
        listener.accept(new ClientEvent.Info(
                "Account " + account + " registered; you are logged in. Next time: --login or CHATROOM_PASSWORD"
                        + (withCertificate ? " (or just --cert: your certificate is linked)." : ".")));
    }
}
