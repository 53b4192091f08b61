package dev.chatroom.server;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.log.Event;
import dev.chatroom.server.accounts.Accounts;
import dev.chatroom.server.accounts.RegistrationQuota;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.Account;
import java.util.Set;

/**
 * Creating an account (IRCv3 draft/account-registration: REGISTER, before or after connection
 * registration). An account is named after the nick it protects. Its password travels only over
 * TLS or loopback, is hashed as a {@link PasswordRequests} request, and never appears in a log or
 * a reply. An address's {@link RegistrationQuota} place is taken when REGISTER arrives.
 */
public final class AccountRegistration {
    private final Hub hub;
    private final Logins logins;
    private final RegistrationQuota quota = new RegistrationQuota();

    AccountRegistration(Hub hub, Logins logins) {
        this.hub = hub;
        this.logins = logins;
    }

    // REGISTER <account> <email|*> <password>   (the older draft: REGISTER <email|*> <password>)
    public void register(Connection c, String accountName, String password, Replies r) {
        c.credentials().exchange(null); // a SASL exchange left open would hold registration
        if (c.account() != null) {
            r.standard(
                    "FAIL",
                    "REGISTER",
                    "ALREADY_AUTHENTICATED",
                    c.account(),
                    "You are already logged in as " + c.account());
            return;
        }
        String nick = c.nick();
        if (nick == null) {
            r.standard("FAIL", "REGISTER", "NEED_NICK", "*", "Choose a nick first: the account takes its name");
            return;
        }
        String name = accountName == null || accountName.equals("*") ? nick : accountName;
        if (!Casemapping.equals(name, nick)) {
            r.standard(
                    "FAIL",
                    "REGISTER",
                    "ACCOUNT_NAME_MUST_BE_NICK",
                    name,
                    "An account is named after your nick: register as * or change your nick first");
            return;
        }
        Accounts accounts = logins.accounts();
        if (accounts.find(name) != null) {
            taken(r, name);
            return;
        }
        if (PasswordRules.refused(hub, c, "REGISTER", name, password, r)) return;
        // the database cannot be written now (a full disk): an account made anyway would be gone after a restart
        String paused = hub.history().store().pausedReason();
        if (paused != null) {
            r.standard(
                    "FAIL",
                    "REGISTER",
                    "TEMPORARILY_UNAVAILABLE",
                    name,
                    "Accounts cannot be saved now (" + paused + "); try again later");
            return;
        }
        RegistrationQuota.Place place =
                quota.take(c.address().limitKey(), hub.clock().nanos());
        if (place == null) {
            hub.events()
                    .event(Event.warn(
                                    "registration_refused",
                                    "Registration of " + name + " from " + c.host() + " refused: "
                                            + RegistrationQuota.PER_ADDRESS_PER_HOUR + " accounts from there this hour")
                            .account(name)
                            .address(c.host())
                            .reason("address_quota"));
            r.standard(
                    "FAIL",
                    "REGISTER",
                    "TEMPORARILY_UNAVAILABLE",
                    name,
                    "Too many accounts registered from your address; try again in an hour");
            return;
        }
        PasswordRequests requests = logins.requests();
        requests.hold(c);
        requests.hash(c, () -> logins.hasher().hash(password), hash -> create(c, name, hash, place), () -> {
            quota.release(place);
            requests.answer(
                    c,
                    rr -> rr.standard(
                            "FAIL",
                            "REGISTER",
                            "TEMPORARILY_UNAVAILABLE",
                            name,
                            "The server is busy; try again in a moment"));
        });
    }

    /** The password is hashed: the account is made, unless its name was taken meanwhile (in a cluster, a moment later). */
    private void create(Connection c, String name, String hash, RegistrationQuota.Place place) {
        PasswordRequests requests = logins.requests();
        Accounts accounts = logins.accounts();
        if (c.isClosed() || accounts.find(name) != null || !Casemapping.equals(c.nick(), name)) {
            quota.release(place);
            requests.answer(c, rr -> taken(rr, name));
            return;
        }
        String cert = c.certificate();
        Account a = new Account(
                c.nick(),
                hash,
                false,
                hub.clock().millis(),
                cert == null || accounts.byCertificate(cert) != null ? Set.of() : Set.of(cert));
        accounts.register(a, created -> {
            if (!created) {
                quota.release(place);
                requests.answer(c, rr -> taken(rr, name));
                return;
            }
            hub.stats().accountRegistered();
            c.credentials().passwordProved(hub.clock().nanos());
            requests.answer(c, rr -> {
                rr.add(Message.trailing(
                        hub.serverName(),
                        "REGISTER",
                        "SUCCESS",
                        a.name(),
                        "Account " + a.name() + " registered; you are logged in"
                                + (a.certificates().isEmpty()
                                        ? ""
                                        : ", and your " + (c.sshKey() != null ? "ssh key" : "client certificate")
                                                + " logs you in from now on")));
                logins.loggedIn(c, a, rr, false);
            });
        });
    }

    private static void taken(Replies r, String name) {
        r.standard("FAIL", "REGISTER", "ACCOUNT_EXISTS", name, "That name is already registered");
    }
}
