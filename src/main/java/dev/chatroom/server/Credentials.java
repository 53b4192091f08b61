package dev.chatroom.server;

/**
 * Who a connection has proved to be, and a SASL exchange under way. Made only for connections
 * that present a client certificate or log in, so an anonymous connection pays one null field.
 */
public final class Credentials {
    /** The SHA-256 fingerprint of the client certificate presented in the TLS handshake; null for none. */
    private String certificate;
    /** The account logged in to; null when not logged in. */
    private String account;
    /** The mechanism of the SASL exchange under way, and what its client has sent so far. */
    private String mechanism;

    private StringBuilder data;
    /** A password is being checked (off the loop): further AUTHENTICATE and REGISTER lines wait their turn. */
    private boolean checking;

    public String certificate() {
        return certificate;
    }

    void certificate(String fingerprint) {
        certificate = fingerprint;
    }

    public String account() {
        return account;
    }

    public void account(String a) {
        account = a;
    }

    public String mechanism() {
        return mechanism;
    }

    public StringBuilder data() {
        return data;
    }

    /** Starts a SASL exchange; null ends it. */
    public void exchange(String m) {
        mechanism = m;
        data = m == null ? null : new StringBuilder();
    }

    public boolean checking() {
        return checking;
    }

    public void checking(boolean v) {
        checking = v;
    }
}
