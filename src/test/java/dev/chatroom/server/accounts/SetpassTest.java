package dev.chatroom.server.accounts;

import static dev.chatroom.server.accounts.AccountsTest.PUBLIC;
import static dev.chatroom.server.accounts.AccountsTest.registerAlice;
import static dev.chatroom.server.accounts.AccountsTest.saslLogin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.server.PasswordChange;
import dev.chatroom.server.console.AdminCommands;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SETPASS takes the current password, or just the new one right after the password was given on the connection. */
class SetpassTest {
    private static final String CERT = "ab:".repeat(31) + "ab";

    /** No keepalive in the way of the hours these tests let pass. */
    private static InMemoryServer server() {
        return new InMemoryServer(InMemoryServer.config(b -> b.pingInterval(Duration.ofDays(1))));
    }

    /** alice logged in with her password and let in. */
    private static FakeClient aliceIn(InMemoryServer server) {
        FakeClient c = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", "correct-horse");
        c.send("CAP END");
        c.expect(" 366 alice ");
        return c;
    }

    private static boolean logsIn(InMemoryServer server, String address, String password) {
        FakeClient c = saslLogin(server, server.connectSecure(address, null), "alice", "alice", password);
        server.advance(Duration.ofSeconds(20));
        boolean in = c.expect(" 90[34] ").contains(" 903 ");
        c.send("QUIT");
        return in;
    }

    @Test
    void theNewPasswordAloneWillDoOnlyRightAfterTheLogin() {
        InMemoryServer server = server();
        registerAlice(server);
        FakeClient alice = aliceIn(server);
        server.advance(PasswordChange.RECENT_LOGIN.plusSeconds(1));
        alice.send("SETPASS taken-over-password");
        assertThat(alice.expect("FAIL SETPASS"))
                .isEqualTo(
                        ":chatroom FAIL SETPASS NEED_CURRENT_PASSWORD alice :Give your current password too: SETPASS <current> <new>");
        assertThat(logsIn(server, "198.51.100.2", "taken-over-password")).isFalse();
        alice.send("QUIT");

        FakeClient fresh = aliceIn(server);
        fresh.send("SETPASS :a fresh password");
        assertThat(fresh.expect("SETPASS")).isEqualTo(":chatroom SETPASS SUCCESS alice :Password changed");
        assertThat(logsIn(server, "198.51.100.3", "a fresh password")).isTrue();
    }

    @Test
    void theCurrentPasswordChangesItAnytimeAndAWrongOneCountsAsAFailedLogin() {
        InMemoryServer server = server();
        registerAlice(server);
        FakeClient alice = aliceIn(server);
        server.advance(Duration.ofHours(1));
        alice.send("SETPASS wrong-guess stolen-password");
        assertThat(alice.sync()).isEmpty(); // a wrong one is answered after the delay, like a failed login
        server.advance(Duration.ofSeconds(1));
        assertThat(alice.expect("FAIL SETPASS"))
                .isEqualTo(":chatroom FAIL SETPASS WRONG_PASSWORD alice :That is not your current password");
        assertThat(server.expectEvent("Failed password change"))
                .isEqualTo("Failed password change of account alice from " + PUBLIC
                        + " (1 from this address, 1 to this account in 10 minutes)");
        alice.send("SETPASS correct-horse :battery staple");
        assertThat(alice.expect("SETPASS")).isEqualTo(":chatroom SETPASS SUCCESS alice :Password changed");
        assertThat(logsIn(server, "198.51.100.2", "battery staple")).isTrue();
    }

    @Test
    void aCertificateLoginNeedsTheCurrentPassword() {
        InMemoryServer server = server();
        FakeClient reg = server.connectSecure(PUBLIC, CERT).register("alice");
        reg.send("REGISTER * * correct-horse");
        reg.expect("REGISTER SUCCESS");
        reg.send("QUIT");
        FakeClient c = server.connectSecure(PUBLIC, CERT);
        c.send("CAP REQ :sasl")
                .sendRegistration("alice")
                .send("AUTHENTICATE EXTERNAL")
                .send("AUTHENTICATE +");
        c.send("CAP END");
        c.expect(" 001 alice ");
        c.send("SETPASS someone-elses-now");
        assertThat(c.expect("FAIL SETPASS")).contains(" NEED_CURRENT_PASSWORD alice ");
        c.send("SETPASS correct-horse still-mine-now");
        assertThat(c.expect("SETPASS")).isEqualTo(":chatroom SETPASS SUCCESS alice :Password changed");
    }

    @Test
    void aOneTimePasswordIsReplacedRightAfterUsingIt() {
        InMemoryServer server = server();
        registerAlice(server);
        String shown = server.admin.execute("/resetpass alice").replace(AdminCommands.CONSOLE_ONLY, "");
        String oneTime = shown.substring("One-time password for alice: ".length(), shown.indexOf('\n'));
        FakeClient c = saslLogin(server, server.connectSecure(PUBLIC, null), "alice", "alice", oneTime);
        assertThat(c.expect("one-time password"))
                .endsWith(
                        ":That was a one-time password and it is used up: set your own within 5 minutes (/passwd, or SETPASS <new password>).");
        c.send("CAP END");
        c.expect(" 001 alice ");
        c.send("SETPASS my-own-again");
        assertThat(c.expect("SETPASS")).isEqualTo(":chatroom SETPASS SUCCESS alice :Password changed");
    }

    @Test
    void aNewPasswordWithSpacesMustBeTheLastParameter() {
        InMemoryServer server = server();
        registerAlice(server);
        FakeClient alice = aliceIn(server);
        alice.send("SETPASS correct-horse battery staple");
        assertThat(alice.expect("FAIL SETPASS"))
                .isEqualTo(":chatroom FAIL SETPASS INVALID_PARAMS * :Use SETPASS <current password> :<new password>");
    }
}
