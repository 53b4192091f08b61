package dev.chatroom.client;

import java.util.function.Consumer;

/**
 * The lines that register a connection, in the order the server needs them: the ssh gateway's
 * line, PASS with the server password (first: a server with a password answers nothing else
 * before it, so every 464 after it is about it), CAP LS, NICK and USER. When the server wants its
 * password and none was sent it says so once ({@link ClientEvent.ServerPasswordNeeded}). Like
 * every password, it leaves this machine only encrypted.
 */
final class Registration {
    private final Consumer<String> send;
    private final Consumer<ClientEvent> listener;
    private final boolean passwordMayGo;
    private volatile String gatewayLine;
    private volatile String password;
    private volatile boolean passwordSent;
    private volatile boolean passwordAsked;

    Registration(Consumer<String> send, Consumer<ClientEvent> listener, boolean passwordMayGo) {
        this.send = send;
        this.listener = listener;
        this.passwordMayGo = passwordMayGo;
    }

    /** The ssh gateway's line, saying who is behind this connection, before anything else. */
    void via(String line) {
        gatewayLine = line;
    }

    /** The server password to send first; null for none. */
    void password(String pw) {
        password = pw;
    }

    /** Registers as nick: the gateway's line, PASS when there is a password that may go, CAP LS, NICK, USER. */
    void start(CapNegotiation caps, String nick) {
        if (gatewayLine != null) send.accept(gatewayLine);
        if (password != null && passwordMayGo) {
            send.accept("PASS :" + password);
            passwordSent = true;
        }
        caps.start();
        send.accept("NICK " + nick);
        send.accept("USER " + nick + " 0 * :" + nick);
    }

    /** 464 before we are in: true when the password sent was wrong (the server closes); without one sent, it is asked for once. */
    boolean refused() {
        if (passwordSent) return true;
        if (!passwordAsked) {
            passwordAsked = true;
            listener.accept(new ClientEvent.ServerPasswordNeeded());
        }
        return false;
    }
}
