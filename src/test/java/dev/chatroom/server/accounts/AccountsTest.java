package dev.chatroom.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.server.console.AdminCommands;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Registration, SASL PLAIN and EXTERNAL, protected names, and brute force slowed: in memory, with a manual clock. */
class AccountsTest {
    static final String PUBLIC = "203.0.113.7";

    static String plain(String account, String password) {
        return Base64.getEncoder().encodeToString(("\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** alice registers over TLS from a public address and leaves; her account stays. */
    static void registerAlice(InMemoryServer server) {
        FakeClient a = server.connectSecure(PUBLIC, null).register("alice");
        a.send("REGISTER * * correct-horse");
        assertThat(a.expect("REGISTER SUCCESS"))
                .isEqualTo(":chatroom REGISTER SUCCESS alice :Account alice registered; you are logged in");
        a.send("QUIT");
    }

    static FakeClient saslLogin(InMemoryServer server, FakeClient c, String nick, String account, String password) {
        c.send("CAP LS 302").send("CAP REQ :sasl").sendRegistration(nick);
        c.send("AUTHENTICATE PLAIN");
        assertThat(c.expect("AUTHENTICATE")).isEqualTo("AUTHENTICATE +");
        c.send("AUTHENTICATE " + plain(account, password));
        return c;
    }

    @Test
    void registerLogsInAndTheAccountProtectsTheName() {
        InMemoryServer server = new InMemoryServer();
        FakeClient a = server.connectSecure(PUBLIC, null).register("alice");
        a.send("REGISTER * * correct-horse");
        assertThat(a.expect(" 900 "))
                .isEqualTo(":chatroom 900 alice alice!~alice@" + PUBLIC + " alice :You are now logged in as alice");
        a.send("WHOIS alice");
        assertThat(a.expect(" 671 ")).contains("is using a secure connection");
        assertThat(a.expect(" 330 ")).isEqualTo(":chatroom 330 alice alice alice :is logged in as");
        a.send("QUIT");

        FakeClient squatter = server.connect(PUBLIC).sendRegistration("alice");
        assertThat(squatter.expect(" 433 "))
                .isEqualTo(":chatroom 433 * alice :Nickname is registered to an account: log in to use it");
        squatter.send("NICK mallory");
        squatter.expect(" 001 mallory ");
        squatter.send("NICK Alice");
        assertThat(squatter.expect(" 433 ")).contains("registered to an account");
    }

    @Test
    void registrationIsRefusedWithTheStandardReasons() {
        InMemoryServer server = new InMemoryServer();
        registerAlice(server);
        FakeClient clear = server.connect(PUBLIC).register("bob");
        clear.send("REGISTER * * correct-horse");
        assertThat(clear.expect("FAIL REGISTER"))
                .startsWith(":chatroom FAIL REGISTER TLS_REQUIRED bob :Passwords go over TLS only");
        FakeClient bob = server.connectSecure(PUBLIC, null).register("bob2");
        bob.send("REGISTER bob2 * short");
        assertThat(bob.expect("FAIL REGISTER")).startsWith(":chatroom FAIL REGISTER WEAK_PASSWORD bob2 ");
        bob.send("REGISTER carol * long-enough-pw");
        assertThat(bob.expect("FAIL REGISTER")).startsWith(":chatroom FAIL REGISTER ACCOUNT_NAME_MUST_BE_NICK carol ");
        bob.send("REGISTER * long-enough-pw"); // the older two-parameter draft
        assertThat(bob.expect("REGISTER SUCCESS")).contains(" bob2 ");
        bob.send("REGISTER * * another-password");
        assertThat(bob.expect("FAIL REGISTER")).startsWith(":chatroom FAIL REGISTER ALREADY_AUTHENTICATED bob2 ");
        FakeClient early = server.connectSecure(PUBLIC, null);
        early.send("REGISTER * * long-enough-pw");
        assertThat(early.expect("FAIL REGISTER")).startsWith(":chatroom FAIL REGISTER NEED_NICK * ");
        assertThat(server.hub.logins().accounts().find("ALICE").name()).isEqualTo("alice");
    }

    @Test
    void saslPlainLogsInAndRegistrationWaitsForIt() {
        InMemoryServer server = new InMemoryServer();
        registerAlice(server);
        FakeClient c = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", "correct-horse");
        assertThat(c.expect(" 90[0-9] ")).startsWith(":chatroom 900 alice ");
        assertThat(c.next()).isEqualTo(":chatroom 903 alice :SASL authentication successful");
        assertThat(c.sync()).noneMatch(l -> l.contains(" 001 "));
        c.send("CAP END");
        c.expect(" 001 alice ");
    }

    @Test
    void aWrongPasswordIsAnsweredOnlyAfterTheDelayAndCounted() {
        InMemoryServer server = new InMemoryServer();
        registerAlice(server);
        FakeClient c = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", "wrong-guess");
        c.send("CAP END");
        assertThat(c.sync()).noneMatch(l -> l.contains(" 904 ") || l.contains(" 001 "));
        server.advance(Duration.ofMillis(999));
        assertThat(c.sync()).noneMatch(l -> l.contains(" 904 "));
        server.advance(Duration.ofMillis(1));
        assertThat(c.expect(" 904 "))
                .isEqualTo(":chatroom 904 alice :SASL authentication failed: wrong account name or password");
        // the name stays alice's: registration goes no further with it
        assertThat(c.expect(" 433 ")).contains("registered to an account");
        assertThat(server.expectEvent("Failed login"))
                .isEqualTo("Failed login to account alice from " + PUBLIC
                        + " (1 from this address, 1 to this account in 10 minutes)");
    }

    @Test
    void tenFailuresFromOneAddressShutItOutEvenWithTheRightPassword() {
        InMemoryServer server = new InMemoryServer();
        registerAlice(server);
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            FakeClient c = saslLogin(server, server.connectSecure(PUBLIC, null), "guess" + i, "alice", "guess-" + i);
            server.advance(Duration.ofSeconds(16)); // each failure from here waits longer, up to 16 s
            c.expect(" 904 ");
            c.send("QUIT");
        }
        FakeClient right = saslLogin(server, server.connectSecure(PUBLIC, null), "late", "alice", "correct-horse");
        server.advance(Duration.ofSeconds(1));
        assertThat(right.expect(" 904 ")).contains("Too many failed logins from your address");
        FakeClient elsewhere =
                saslLogin(server, server.connectSecure("198.51.100.1", null), "alice", "alice", "correct-horse");
        assertThat(elsewhere.expect(" 90[0-9] ")).contains(" 900 ");
        server.advance(LoginThrottle.WINDOW_NANOS > 0 ? Duration.ofMinutes(11) : Duration.ZERO);
        FakeClient later = saslLogin(server, server.connectSecure(PUBLIC, null), "later", "alice", "correct-horse");
        assertThat(later.expect(" 90[0-9] ")).contains(" 900 ");
    }

    @Test
    void plainIsRefusedInClearTextExceptOnLoopback() {
        InMemoryServer server = new InMemoryServer();
        registerAlice(server);
        FakeClient clear = server.connect(PUBLIC);
        clear.send("CAP REQ :sasl").sendRegistration("alice");
        clear.send("AUTHENTICATE PLAIN");
        assertThat(clear.expect(" 904 "))
                .isEqualTo(":chatroom 904 alice :SASL authentication failed: send passwords over TLS");
        FakeClient local = saslLogin(server, server.connect("127.0.0.1"), "alice", "alice", "correct-horse");
        assertThat(local.expect(" 90[0-9] ")).contains(" 900 ");
    }

    @Test
    void externalLogsInWithTheCertificateLinkedAtRegistration() {
        InMemoryServer server = new InMemoryServer();
        String cert = "ab:".repeat(31) + "ab";
        FakeClient a = server.connectSecure(PUBLIC, cert).register("alice");
        a.send("REGISTER * * correct-horse");
        assertThat(a.expect("REGISTER SUCCESS")).contains("your client certificate logs you in from now on");
        a.send("QUIT");

        FakeClient c = server.connectSecure(PUBLIC, cert);
        c.send("CAP REQ :sasl").sendRegistration("alice");
        c.send("AUTHENTICATE EXTERNAL");
        c.expect("AUTHENTICATE \\+");
        c.send("AUTHENTICATE +");
        assertThat(c.expect(" 90[0-9] ")).contains(" 900 alice ");
        c.send("CAP END");
        c.expect(" 001 alice ");

        FakeClient other = server.connectSecure(PUBLIC, "cd:".repeat(31) + "cd");
        other.send("CAP REQ :sasl").sendRegistration("bob");
        other.send("AUTHENTICATE EXTERNAL");
        other.expect("AUTHENTICATE \\+");
        other.send("AUTHENTICATE +");
        assertThat(other.expect(" 904 ")).contains("this certificate is not linked to an account");
        FakeClient none = server.connectSecure(PUBLIC, null);
        none.send("AUTHENTICATE EXTERNAL");
        assertThat(none.expect(" 904 ")).contains("needs a client certificate");
    }

    @Test
    void saslEdgeCases() {
        InMemoryServer server = new InMemoryServer();
        FakeClient c = server.connectSecure(PUBLIC, null);
        c.send("AUTHENTICATE SCRAM-SHA-256");
        assertThat(c.next()).isEqualTo(":chatroom 908 * PLAIN,EXTERNAL :are available SASL mechanisms");
        assertThat(c.next()).startsWith(":chatroom 904 * ");
        c.send("AUTHENTICATE PLAIN").send("AUTHENTICATE *");
        c.expect(" 906 ");
        c.send("AUTHENTICATE PLAIN").send("AUTHENTICATE " + "A".repeat(401));
        c.expect(" 905 ");
        c.send("AUTHENTICATE PLAIN").send("AUTHENTICATE not*base64");
        assertThat(c.expect(" 904 ")).contains("not base64");
    }

    @Test
    void withOneDeviceAnAccountTheOwnerTakesTheNameBackFromAConnectionLeftBehind() {
        InMemoryServer server = new InMemoryServer(InMemoryServer.config(s -> s.maxDevices(1)));
        registerAlice(server);
        FakeClient old = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", "correct-horse");
        old.send("CAP END");
        old.expect(" 001 alice ");
        FakeClient fresh = server.connectSecure(PUBLIC, null);
        fresh.send("CAP REQ :sasl").sendRegistration("alice");
        fresh.expect(" 433 \\* alice :Nickname is already in use");
        fresh.send("NICK alice_").send("AUTHENTICATE PLAIN").send("AUTHENTICATE " + plain("alice", "correct-horse"));
        fresh.send("CAP END");
        fresh.expect(" 001 alice ");
        assertThat(old.awaitClosed()).anyMatch(l -> l.contains("logged in from elsewhere"));
    }

    @Test
    void whoIsLoggedInTravelsWithMessagesJoinsAndLogins() {
        InMemoryServer server = new InMemoryServer();
        registerAlice(server);
        FakeClient watcher = server.connect().registerWithCaps("watcher", "account-tag extended-join account-notify");
        FakeClient alice = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", "correct-horse");
        alice.send("CAP END");
        alice.expect(" 366 alice ");
        assertThat(watcher.expect(" JOIN "))
                .isEqualTo("@account=alice :alice!~alice@" + PUBLIC + " JOIN #chatroom alice :alice Tester");
        alice.send("PRIVMSG #chatroom :hi");
        assertThat(watcher.expect("PRIVMSG"))
                .isEqualTo("@account=alice :alice!~alice@" + PUBLIC + " PRIVMSG #chatroom :hi");
        FakeClient bob = server.connectSecure(PUBLIC, null).register("bob");
        assertThat(watcher.expect(" JOIN ")).isEqualTo(":bob!~bob@" + PUBLIC + " JOIN #chatroom * :bob Tester");
        bob.send("REGISTER * * bobs-password");
        assertThat(watcher.expect(" ACCOUNT ")).isEqualTo(":bob!~bob@" + PUBLIC + " ACCOUNT bob");
        bob.send("PRIVMSG #chatroom :me too");
        assertThat(watcher.expect("PRIVMSG")).startsWith("@account=bob ");
        server.admin.execute("/drop bob");
        assertThat(watcher.expect(" ACCOUNT ")).isEqualTo(":bob!~bob@" + PUBLIC + " ACCOUNT *");
        assertThat(bob.expect(" 901 ")).contains("You are now logged out");
        alice.send("PART #chatroom :brb");
        assertThat(watcher.expect(" PART "))
                .isEqualTo("@account=alice :alice!~alice@" + PUBLIC + " PART #chatroom :brb");
        alice.send("JOIN #chatroom");
        assertThat(watcher.expect(" JOIN "))
                .startsWith("@account=alice :alice!~alice@" + PUBLIC + " JOIN #chatroom alice ");
        FakeClient plainWatcher = server.connect().register("plainer");
        alice.send("PRIVMSG #chatroom :again");
        assertThat(plainWatcher.expect("PRIVMSG")).isEqualTo(":alice!~alice@" + PUBLIC + " PRIVMSG #chatroom :again");
    }

    @Test
    void setpassChangesThePasswordAndResetpassGivesAOneTimeOne() {
        InMemoryServer server = new InMemoryServer();
        registerAlice(server);
        String shown = server.admin.execute("/resetpass alice").replace(AdminCommands.CONSOLE_ONLY, "");
        assertThat(shown).startsWith("One-time password for alice: ");
        String oneTime = shown.substring("One-time password for alice: ".length(), shown.indexOf('\n'));
        assertThat(server.eventsSeen()).noneMatch(e -> e.contains(oneTime));
        FakeClient c = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", oneTime);
        assertThat(c.expect(" 90[0-9] ")).contains(" 900 ");
        assertThat(c.expect("one-time password")).contains("used up");
        c.send("CAP END");
        c.expect(" 001 alice ");
        c.send("SETPASS new-password-1");
        assertThat(c.expect("SETPASS")).isEqualTo(":chatroom SETPASS SUCCESS alice :Password changed");
        c.send("QUIT");
        FakeClient again = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", oneTime);
        server.advance(Duration.ofSeconds(1));
        again.expect(" 904 ");
        FakeClient right =
                saslLogin(server, server.connectSecure("198.51.100.2", null), "alice", "alice", "new-password-1");
        assertThat(right.expect(" 90[0-9] ")).contains(" 900 ");
    }

    @Test
    void allowListedAccountsSkipTheQueueOthersWaitAndDeniedAreRefused() {
        InMemoryServer server = new InMemoryServer(InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK)));
        FakeClient reg = server.connectSecure(PUBLIC, null).send("CAP LS 302").sendRegistration("alice");
        reg.send("REGISTER * * correct-horse").send("CAP END");
        reg.expect("REGISTER SUCCESS");
        assertThat(server.expectEvent("wants to join"))
                .isEqualTo("alice (account alice, TLS, " + PUBLIC + ") wants to join. Accept? [y/n/a]");
        assertThat(server.admin.execute("a")).isEqualTo("Allowed alice: logging in to it skips the queue.");
        reg.expect(" 001 alice ");
        reg.send("QUIT");

        FakeClient back = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", "correct-horse");
        back.send("CAP END");
        back.expect(" 001 alice ");
        assertThat(server.expectEvent("allow list"))
                .contains("alice (account alice, TLS, " + PUBLIC + ") is on the allow list");
        back.send("QUIT");

        FakeClient anon = server.connect(PUBLIC).sendRegistration("visitor");
        anon.expect("Waiting for the admin");
        assertThat(server.admin.execute("a"))
                .isEqualTo(
                        "visitor has no account: accepted this time only. (They can /register, then you /allow visitor.)");
        anon.expect(" 001 visitor ");

        assertThat(server.admin.execute("/deny alice spam")).startsWith("Denied alice (spam)");
        FakeClient denied = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", "correct-horse");
        denied.send("CAP END");
        assertThat(denied.awaitClosed()).anyMatch(l -> l.contains("The admin has refused account alice: spam"));
        assertThat(server.admin.execute("/allowlist")).contains("denied  alice (spam)");
    }

    @Test
    void approveAccountsAdmitsOnlyAllowListedLogins() {
        InMemoryServer server = new InMemoryServer(InMemoryServer.config(b -> b.approve(ApprovalPolicy.ACCOUNTS)));
        FakeClient anon =
                server.connect(PUBLIC).send("CAP REQ :standard-replies").sendRegistration("visitor");
        anon.send("CAP END");
        assertThat(anon.awaitClosed())
                .anyMatch(l ->
                        l.contains("FAIL * ACCOUNT_REQUIRED :This server admits only accounts the admin has allowed"));
        FakeClient reg = server.connectSecure(PUBLIC, null).send("CAP LS 302").sendRegistration("alice");
        reg.send("REGISTER * * correct-horse").send("CAP END");
        assertThat(reg.awaitClosed())
                .anyMatch(l -> l.contains("ERROR") && l.contains("not on this server's allow list"));
        server.admin.execute("/allow alice");
        FakeClient in = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", "correct-horse");
        in.send("CAP END");
        in.expect(" 001 alice ");
    }

    @Test
    void onlyExistingAccountsCanBeAllowedAndPendingPeopleCannotLogInOrRegister() {
        InMemoryServer server = new InMemoryServer(InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK)));
        assertThat(server.admin.execute("/allow carol"))
                .isEqualTo("No account carol: they /register first, then you /allow them.");
        assertThat(server.admin.execute("/allowlist")).startsWith("The allow list is empty.");
        FakeClient pending = server.connectSecure(PUBLIC, null).sendRegistration("carol");
        pending.expect("Waiting for the admin");
        pending.send("REGISTER * * correct-horse");
        assertThat(pending.sync()).noneMatch(l -> l.contains("REGISTER SUCCESS"));
        assertThat(server.hub.logins().accounts().find("carol")).isNull();
    }

    @Test
    void capEndWithAnExchangeLeftOpenAbortsItAndRegistersWithoutAnAccount() {
        InMemoryServer server = new InMemoryServer();
        FakeClient c = server.connectSecure(PUBLIC, null);
        c.send("CAP LS 302").send("CAP REQ :sasl").sendRegistration("dora").send("AUTHENTICATE PLAIN");
        c.expect("AUTHENTICATE \\+");
        c.send("CAP END");
        assertThat(c.expect(" 906 ")).isEqualTo(":chatroom 906 dora :SASL authentication aborted");
        c.expect(" 001 dora ");
    }

    @Test
    void oneAddressCreatesAtMostThreeAccountsAnHour() {
        InMemoryServer server = new InMemoryServer();
        for (int i = 0; i < 3; i++) {
            FakeClient c = server.connectSecure(PUBLIC, null).register("squat" + i);
            c.send("REGISTER * * correct-horse");
            c.expect("REGISTER SUCCESS");
        }
        FakeClient fourth = server.connectSecure(PUBLIC, null).register("squat3");
        fourth.send("REGISTER * * correct-horse");
        assertThat(fourth.expect("FAIL REGISTER"))
                .isEqualTo(
                        ":chatroom FAIL REGISTER TEMPORARILY_UNAVAILABLE squat3 :Too many accounts registered from your address; try again in an hour");
        FakeClient elsewhere = server.connectSecure("198.51.100.9", null).register("other");
        elsewhere.send("REGISTER * * correct-horse");
        elsewhere.expect("REGISTER SUCCESS");
        server.advance(Duration.ofMinutes(61));
        FakeClient later = server.connectSecure(PUBLIC, null).register("squat4");
        later.send("REGISTER * * correct-horse");
        later.expect("REGISTER SUCCESS");
    }

    @Test
    void theAdminListsAndUnlinksCertificates() {
        InMemoryServer server = new InMemoryServer();
        String cert = "ab:".repeat(31) + "ab";
        FakeClient a = server.connectSecure(PUBLIC, cert).register("alice");
        a.send("REGISTER * * correct-horse");
        a.expect("REGISTER SUCCESS");
        assertThat(server.admin.execute("/certs alice")).isEqualTo("Certificates of alice:\n  " + cert);
        assertThat(server.admin.execute("/unlink alice " + cert.replace(":", "").toUpperCase()))
                .isEqualTo("Unlinked " + cert + " from alice: it no longer logs in.");
        assertThat(server.admin.execute("/certs alice")).isEqualTo("alice has no linked certificate.");
        FakeClient c = server.connectSecure(PUBLIC, cert);
        c.send("AUTHENTICATE EXTERNAL");
        c.expect("AUTHENTICATE \\+");
        c.send("AUTHENTICATE +");
        assertThat(c.expect(" 904 ")).contains("not linked");
    }
}
