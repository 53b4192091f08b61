package dev.chatroom.server.console;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Names;
import dev.chatroom.log.Event;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.PasswordChange;
import dev.chatroom.store.Account;
import dev.chatroom.store.AllowEntry;
import dev.chatroom.tls.Fingerprint;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** The admin's account commands: /accounts, /drop, /resetpass, /certs, /unlink, /allow, /deny, /allowlist. */
final class AccountAdmin {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no l/1, o/0 to misread
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccountAdmin() {}

    static String accounts(Hub hub) {
        List<Account> all = hub.logins().accounts().all();
        if (all.isEmpty())
            return "No accounts. People create one with /register in chatroom join (REGISTER in IRC clients).";
        StringBuilder sb = new StringBuilder(all.size() + (all.size() == 1 ? " account:" : " accounts:"));
        for (Account a : all) {
            AllowEntry e = hub.logins().accounts().allowEntry(a.name());
            Connection on = hub.users().find(a.name());
            sb.append("\n  ")
                    .append(a.name())
                    .append("  registered ")
                    .append(Instant.ofEpochMilli(a.createdMillis()).toString(), 0, 10)
                    .append(
                            a.certificates().isEmpty()
                                    ? ""
                                    : ", " + a.certificates().size() + " certificate(s)")
                    .append(e == null ? "" : e.allowed() ? ", allowed" : ", denied")
                    .append(a.passwordHash() == null ? ", no password" : a.oneTime() ? ", one-time password" : "")
                    .append(on != null && a.name().equalsIgnoreCase(on.account()) ? ", online" : "");
        }
        return sb.toString();
    }

    /** /drop <account> */
    static String drop(ConsoleLine line, Hub hub) {
        String name = line.arg();
        Account a = hub.logins().accounts().find(name);
        if (a == null) return "No account " + name + ". Type /accounts.";
        hub.logins().accounts().drop(name);
        hub.alwaysOn().forget(a.name()); // first: someone present only as always-on leaves with the account
        for (Connection c : hub.users().all())
            if (a.name().equalsIgnoreCase(c.account())) hub.logins().loggedOut(c);
        // its private conversations go too: whoever registers the name next must not read them
        hub.history().forgetAccount(Casemapping.fold(a.name()));
        hub.rooms().accountDropped(a.name()); // nor be any room's operator
        hub.readMarkers().forgetAccount(Casemapping.fold(a.name())); // the store erased them with the account
        return line.changed(
                "Dropped account " + a.name()
                        + " (its certificates, allow-list entry, rooms' operator lists and private message history"
                        + " too); anyone may take the name now.",
                "dropped account " + a.name());
    }

    /** /certs <account>: the certificates that log in to it (SASL EXTERNAL), to check or /unlink them. */
    static String certificates(ConsoleLine line, Hub hub) {
        String name = line.arg();
        Account a = hub.logins().accounts().find(name);
        if (a == null) return "No account " + name + ". Type /accounts.";
        if (a.certificates().isEmpty()) return a.name() + " has no linked certificate.";
        return "Certificates of " + a.name() + ":\n  " + String.join("\n  ", new TreeSet<>(a.certificates()));
    }

    /** /unlink <account> <fingerprint> (colons and case do not matter) */
    static String unlink(ConsoleLine line, Hub hub) {
        String name = line.arg();
        String fingerprint = line.rest().strip();
        Account a = hub.logins().accounts().find(name);
        if (a == null) return "No account " + name + ". Type /accounts.";
        String fp = fingerprint.startsWith("SHA256:") ? fingerprint : Fingerprint.normalize(fingerprint);
        if (fp == null || !a.certificates().contains(fp))
            return "No such certificate on " + a.name() + ". Type /certs " + a.name() + ".";
        hub.logins().accounts().update(a.withoutCertificate(fp));
        return line.changed(
                "Unlinked " + fp + " from " + a.name() + ": it no longer logs in.",
                "unlinked certificate " + fp + " from account " + a.name());
    }

    /**
     * /resetpass <account>: the one-time password is made and hashed here, on the console's
     * thread (hashing is slow), and shown only on this console, never logged.
     */
    static String resetPassword(ConsoleLine line, ConsoleSession session) {
        String name = line.arg();
        if (!session.onLoop(hub -> hub.logins().accounts().find(name) != null))
            return "No account " + name + ". Type /accounts.";
        String password = newOneTimePassword();
        String hash = session.onLoop(hub -> hub.logins().hasher()).hash(password);
        if (!session.onLoop(hub -> setOneTime(hub, name, hash))) return "No account " + name + ". Type /accounts.";
        return AdminCommands.CONSOLE_ONLY + "One-time password for " + name + ": " + password
                + "\nIt works for one login (SASL PLAIN); then they set their own with /passwd within "
                + PasswordChange.RECENT_LOGIN.toMinutes() + " minutes.";
    }

    private static String newOneTimePassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) sb.append('-');
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Gives the account a one-time password (hashed already, off the loop); false when there is no such account. */
    private static boolean setOneTime(Hub hub, String name, String hash) {
        Account a = hub.logins().accounts().find(name);
        if (a == null) return false;
        hub.logins().accounts().update(a.withPassword(hash, true));
        hub.events()
                .event(Event.info("password_reset", "The admin reset the password of account " + a.name() + ".")
                        .account(a.name()));
        return true;
    }

    /** /allow <account|key:SHA256:...> */
    static String allow(ConsoleLine line, Hub hub) {
        return validName(line.arg()) ? allowAccount(line, hub, line.arg()) : line.usage();
    }

    /** Only an existing account: allowing a name nobody registered yet would let in whoever registers it first. */
    static String allowAccount(ConsoleLine line, Hub hub, String name) {
        if (name.startsWith("key:")) {
            hub.logins()
                    .accounts()
                    .remember(new AllowEntry(name, true, null, hub.clock().millis()));
            return line.changed(
                    "Allowed the ssh key " + name.substring(4) + ": it skips the queue.",
                    "allowed the ssh key " + name.substring(4));
        }
        if (hub.logins().accounts().find(name) == null)
            return "No account " + name + ": they /register first, then you /allow them.";
        hub.logins()
                .accounts()
                .remember(new AllowEntry(
                        canonical(hub, name), true, null, hub.clock().millis()));
        return line.changed(
                "Allowed " + canonical(hub, name) + ": logging in to it skips the queue.",
                "allowed " + canonical(hub, name));
    }

    /** /deny <account|key:SHA256:...> [reason] */
    static String deny(ConsoleLine line, Hub hub) {
        if (!validName(line.arg())) return line.usage();
        String n = canonical(hub, line.arg());
        String reason = line.rest();
        hub.logins()
                .accounts()
                .remember(new AllowEntry(
                        n,
                        false,
                        reason == null ? null : reason.strip(),
                        hub.clock().millis()));
        String why = reason == null ? "" : " (" + reason.strip() + ")";
        return line.changed(
                "Denied " + n + why + ": logging in to it is refused. /allow " + n + " undoes it.",
                "denied " + n + why);
    }

    static String allowList(Hub hub) {
        List<AllowEntry> all = hub.logins().accounts().allowList();
        if (all.isEmpty())
            return "The allow list is empty. Answer a join request with a (or /accept <nick> always), or /allow <account>.";
        StringBuilder sb = new StringBuilder("Allow list:");
        for (AllowEntry e : all) {
            sb.append("\n  ")
                    .append(e.allowed() ? "allowed " : "denied  ")
                    .append(e.account())
                    .append(e.reason() == null ? "" : " (" + e.reason() + ")")
                    .append("  since ")
                    .append(Instant.ofEpochMilli(e.changedMillis()).toString(), 0, 10);
        }
        return sb.toString();
    }

    /** An account name, or an ssh key as key:SHA256:... */
    private static boolean validName(String name) {
        return Names.isValidNick(name) || name.matches("key:SHA256:[A-Za-z0-9+/=]{20,}");
    }

    private static String canonical(Hub hub, String name) {
        Account a = hub.logins().accounts().find(name);
        return a == null ? name : a.name();
    }
}
