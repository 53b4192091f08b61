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
    /** A password request is under way: the registration waits for its outcome. */
    private boolean checking;
    /** This connection gave the account's password (a password login, REGISTER), last at passwordProvedNanos. */
    private boolean passwordProved;

    private long passwordProvedNanos;

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

    /** The account's password was given on this connection, right, at this time. */
    void passwordProved(long nanos) {
        passwordProved = true;
        passwordProvedNanos = nanos;
    }

    /** Let in by the admin: a password proved while waiting counts from now, waiting is no absence. */
    void admitted(long nanos) {
        if (passwordProved) passwordProvedNanos = nanos;
    }

    /** Whether the account's password was proved on this connection within the window before now. */
    boolean passwordProvedWithin(long windowNanos, long nowNanos) {
        return passwordProved && nowNanos - passwordProvedNanos <= windowNanos;
    }
}
