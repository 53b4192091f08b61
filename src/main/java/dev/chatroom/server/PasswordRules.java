package dev.chatroom.server;

import dev.chatroom.server.output.Replies;
import java.nio.charset.StandardCharsets;

/**
 * What a new password must be (REGISTER, SETPASS): sent where it cannot be overheard (TLS, or
 * this machine), at least {@link #MIN_PASSWORD} characters and not the account's name, at most
 * {@link #MAX_PASSWORD} bytes. Checked before any hashing, so a refusal costs nothing.
 */
public final class PasswordRules {
    /** Characters, for accounts' passwords and operators' ({@code chatroom admin hash-password}) alike. */
    public static final int MIN_PASSWORD = 8;
    /** Bytes: the draft's advice, so a password fits in any line that may carry it. */
    static final int MAX_PASSWORD = 300;

    private PasswordRules() {}

    /** A password that may not be used here, answered with FAIL command ...; false when it is fine. */
    static boolean refused(Hub hub, Connection c, String command, String name, String password, Replies r) {
        if (!c.confidential()) {
            int port = hub.gate().tlsPort();
            r.standard(
                    "FAIL",
                    command,
                    "TLS_REQUIRED",
                    name,
                    "Passwords go over TLS only" + (port > 0 ? " (port " + port + ")" : "")
                            + ": this connection is not encrypted");
            return true;
        }
        if (password == null
                || password.codePointCount(0, password.length()) < MIN_PASSWORD
                || password.equalsIgnoreCase(name)) {
            r.standard(
                    "FAIL",
                    command,
                    "WEAK_PASSWORD",
                    name,
                    "Use at least " + MIN_PASSWORD + " characters, not the account name");
            return true;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD) {
            r.standard("FAIL", command, "UNACCEPTABLE_PASSWORD", name, "Use at most " + MAX_PASSWORD + " bytes");
            return true;
        }
        return false;
    }
}
