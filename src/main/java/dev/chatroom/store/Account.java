package dev.chatroom.store;

import dev.chatroom.irc.Casemapping;
import java.util.HashSet;
import java.util.Set;

/**
 * A registered account, immutable: a change is a new value, so a copy can go to the store's
 * writer thread as it is.
 *
 * @param name the account name as registered (a nick: it protects that nick)
 * @param passwordHash an Argon2id hash in PHC form; null when no password logs in (used up one-time password)
 * @param oneTime the password was set by the admin (/resetpass) and works for one login
 * @param certificates SHA-256 fingerprints of client certificates that log in with SASL EXTERNAL
 */
public record Account(String name, String passwordHash, boolean oneTime, long createdMillis, Set<String> certificates) {
    public Account {
        certificates = Set.copyOf(certificates);
    }

    /** The name as looked up: rfc1459 case folding, as nicks are compared. */
    public String key() {
        return Casemapping.fold(name);
    }

    public Account withPassword(String hash, boolean oneTime) {
        return new Account(name, hash, oneTime, createdMillis, certificates);
    }

    public Account withoutCertificate(String fingerprint) {
        var fewer = new HashSet<>(certificates);
        fewer.remove(fingerprint);
        return new Account(name, passwordHash, oneTime, createdMillis, fewer);
    }

    public Account withCertificate(String fingerprint) {
        var more = new HashSet<>(certificates);
        more.add(fingerprint);
        return new Account(name, passwordHash, oneTime, createdMillis, more);
    }
}
