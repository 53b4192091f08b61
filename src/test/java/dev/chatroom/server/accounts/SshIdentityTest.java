package dev.chatroom.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import org.junit.jupiter.api.Test;

/** Someone who came over ssh, as the hub sees them: their key is who they are. */
class SshIdentityTest {
    private static final String KEY = "SHA256:i+0XQr03fLRSlLx6UYoTQDOiF3wlE5iK90o4j8CIa/w";
    private static final String OTHER = "SHA256:8MmJX2GWsTxdaXtBbpQRfcx/CXqmUsvmXEA60g0MxXE";
    private static final String ADDRESS = "203.0.113.7";

    private static InMemoryServer asking() {
        return new InMemoryServer(InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK)));
    }

    @Test
    void theAdminSeesTheKeyAndAlwaysAllowsIt() {
        InMemoryServer server = asking();
        FakeClient alice = server.connectSsh(ADDRESS, KEY).sendRegistration("alice");
        assertThat(server.expectEvent("wants to join"))
                .isEqualTo("alice (ssh, " + KEY + ", " + ADDRESS + ") wants to join. Accept? [y/n/a]");
        assertThat(server.admin.execute("a"))
                .isEqualTo("Allowed alice's ssh key " + KEY + ": it skips the queue from now on.");
        alice.expect(" 366 alice ");
        alice.send("QUIT");
        FakeClient again = server.connectSsh(ADDRESS, KEY).sendRegistration("alice");
        again.expect(" 366 alice ");
        assertThat(server.expectEvent("allow list"))
                .startsWith("alice (ssh, " + KEY + ", " + ADDRESS + ") is on the allow list");
        FakeClient stranger = server.connectSsh(ADDRESS, OTHER).sendRegistration("mallory");
        assertThat(server.expectEvent("wants to join")).startsWith("mallory (ssh, " + OTHER);
        assertThat(stranger.sync()).noneMatch(l -> l.contains(" 001 "));
        server.admin.execute("n");
        assertThat(server.admin.execute("/deny key:" + OTHER + " not you"))
                .startsWith("Denied key:" + OTHER + " (not you)");
        FakeClient denied = server.connectSsh(ADDRESS, OTHER).sendRegistration("mallory");
        assertThat(denied.awaitClosed()).anyMatch(l -> l.contains("The admin has refused your ssh key: not you"));
        assertThat(server.admin.execute("/allow key:" + OTHER))
                .isEqualTo("Allowed the ssh key " + OTHER + ": it skips the queue.");
        server.connectSsh(ADDRESS, OTHER).sendRegistration("mallory").expect(" 366 mallory ");
    }

    @Test
    void othersSeeAnSshHostAndLimitsGoByTheRealAddress() {
        InMemoryServer server = new InMemoryServer(InMemoryServer.config(b -> b.maxPerIp(2)));
        FakeClient bob = server.join("bob");
        FakeClient alice = server.connectSsh(ADDRESS, KEY).register("alice");
        alice.send("PRIVMSG #chatroom :hi");
        // a keyed hash of the key: its fingerprint's start would tell anyone with the public key who this is
        String line = bob.expect("PRIVMSG #chatroom :hi");
        assertThat(line).matches(":alice!~alice@ssh/[a-z2-9]{16} PRIVMSG #chatroom :hi");
        assertThat(line).doesNotContain("i-0XQr03fLRS").doesNotContain(ADDRESS);
        String host = line.substring(line.indexOf('@') + 1, line.indexOf(' '));
        bob.send("WHOIS alice");
        assertThat(bob.expect(" 311 ")).contains(" alice ~alice " + host + " * ");
        server.connectSsh(ADDRESS, OTHER).register("carol");
        FakeClient third = server.connectSsh(ADDRESS, "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(third.connection()).isNull(); // a third from the same address, whatever the key
    }

    @Test
    void registeringLinksTheKeyWhichThenLogsInAndHoldsTheName() {
        InMemoryServer server = new InMemoryServer();
        FakeClient alice = server.connectSsh(ADDRESS, KEY).register("alice");
        alice.send("REGISTER * * correct-horse");
        assertThat(alice.expect("REGISTER SUCCESS")).endsWith("and your ssh key logs you in from now on");
        alice.send("QUIT");
        FakeClient back = server.connectSsh(ADDRESS, KEY);
        assertThat(back.expect(" 900 ")).contains("You are now logged in as alice");
        back.register("alice");
        back.send("QUIT");
        FakeClient impostor = server.connectSsh(ADDRESS, OTHER).sendRegistration("alice");
        assertThat(impostor.expect(" 433 ")).contains("Nickname is registered to an account");
    }

    @Test
    void aBannedKeyIsRefusedAndItsSessionsEnd() {
        InMemoryServer server = new InMemoryServer();
        FakeClient alice = server.connectSsh(ADDRESS, KEY).register("alice");
        assertThat(server.admin.execute("/ban key:" + KEY + " spam"))
                .isEqualTo("Banned *!*@key:" + KEY + " (spam). Disconnected: alice.");
        assertThat(alice.awaitClosed())
                .anyMatch(l -> l.contains(" 465 "))
                .anyMatch(l -> l.startsWith("ERROR :") && l.contains("spam"));
        FakeClient again = server.connectSsh("198.51.100.1", KEY);
        assertThat(again.connection()).isNull();
        assertThat(again.awaitClosed())
                .anyMatch(l -> l.contains(" 465 "))
                .anyMatch(l -> l.startsWith("ERROR :") && l.contains("spam"));
        assertThat(server.connectSsh("198.51.100.1", OTHER).register("bob").connection())
                .isNotNull();
    }

    @Test
    void aDeniedKeyStaysOutEvenWhenItsAccountIsAllowed() {
        InMemoryServer server = asking();
        FakeClient alice = server.connectSsh(ADDRESS, KEY).sendRegistration("alice");
        server.admin.execute("y");
        alice.expect(" 366 alice ");
        alice.send("REGISTER * * correct-horse");
        alice.expect("REGISTER SUCCESS");
        alice.send("QUIT");
        server.admin.execute("/allow alice");
        assertThat(server.admin.execute("/deny key:" + KEY + " stolen laptop")).startsWith("Denied key:" + KEY);
        FakeClient thief = server.connectSsh(ADDRESS, KEY).sendRegistration("alice");
        assertThat(thief.awaitClosed()).anyMatch(l -> l.contains("The admin has refused your ssh key: stolen laptop"));
        assertThat(server.admin.execute("/unlink alice " + KEY))
                .isEqualTo("Unlinked " + KEY + " from alice: it no longer logs in.");
    }
}
