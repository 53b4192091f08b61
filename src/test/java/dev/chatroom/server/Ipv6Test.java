package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.server.accounts.LoginThrottle;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IPv6 addresses are written one way everywhere (bans typed by the admin, the console, the
 * logs), and an IPv6 /64 is one address for every per-address limit. Bans on real sockets on
 * [::1]; the limits in memory, where any address can be had.
 */
class Ipv6Test {
    @BeforeAll
    static void thisMachineHasIpv6Loopback() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback here (" + e.getMessage() + ")");
        }
    }

    private static TestServer onIpv6Loopback(ApprovalPolicy approve) throws Exception {
        return new TestServer(TestServer.config(b -> b.host("::1").tlsPort(0).approve(approve)));
    }

    private static IrcTestClient fromIpv6Loopback(TestServer server) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(InetAddress.getByName("::1"), server.port()), 5000);
        return server.adopt(s);
    }

    @Test
    void aBanOnColonColonOneKeepsAClientFromThereOut() throws Exception {
        try (TestServer server = onIpv6Loopback(ApprovalPolicy.ALL)) {
            IrcTestClient before = fromIpv6Loopback(server).register("before");
            assertThat(server.admin.execute("/ban ::1 go away"))
                    .isEqualTo("Banned *!*@::1 (go away). Disconnected: before.");
            before.awaitClosed();
            IrcTestClient after = fromIpv6Loopback(server);
            assertThat(after.awaitClosed()).containsExactly("ERROR :You are banned: go away");
        }
    }

    @Test
    void aBanOnTheLongFormOfTheAddressIsTheSameBan() throws Exception {
        try (TestServer server = onIpv6Loopback(ApprovalPolicy.ALL)) {
            assertThat(server.admin.execute("/ban 0:0:0:0:0:0:0:1")).isEqualTo("Banned *!*@::1.");
            assertThat(fromIpv6Loopback(server).awaitClosed()).containsExactly("ERROR :You are banned");
            assertThat(server.admin.execute("/unban ::1")).isEqualTo("Unbanned *!*@::1.");
            fromIpv6Loopback(server).register("welcome");
        }
    }

    @Test
    void theConsoleAndTheLogsShowTheShortForm() throws Exception {
        try (TestServer server = onIpv6Loopback(ApprovalPolicy.ASK)) {
            fromIpv6Loopback(server).sendRegistration("alice");
            assertThat(server.expectEvent("wants to join"))
                    .isEqualTo("alice (no account, ::1) wants to join. Accept? [y/n/a]");
            assertThat(server.admin.execute("/pending")).contains("  alice (::1), waiting ");
        }
    }

    @Test
    void maxPerIpCountsAnIpv6Slash64AsOneAddress() {
        try (InMemoryServer s = new InMemoryServer(InMemoryServer.config(b -> b.maxPerIp(2)))) {
            s.connect("2001:db8:1:2::a").register("a");
            s.connect("2001:db8:1:2:ffff::b").register("b");
            assertThat(s.connect("2001:db8:1:2:1234:5678:9abc:def0").awaitClosed())
                    .containsExactly("ERROR :Closing link: too many connections from your address (2)");
            s.connect("2001:db8:1:3::a").register("next-door"); // another /64 is another address
        }
    }

    @Test
    void registeringAccountsIsLimitedPerSlash64() {
        InMemoryServer server = new InMemoryServer();
        for (int i = 0; i < 3; i++) {
            FakeClient c =
                    server.connectSecure("2001:db8:1:2::" + (i + 1), null).register("squat" + i);
            c.send("REGISTER * * correct-horse");
            c.expect("REGISTER SUCCESS");
        }
        FakeClient fourth = server.connectSecure("2001:db8:1:2::99", null).register("squat3");
        fourth.send("REGISTER * * correct-horse");
        assertThat(fourth.expect("FAIL REGISTER")).contains("TEMPORARILY_UNAVAILABLE");
        assertThat(server.expectEvent("Registration of squat3"))
                .isEqualTo("Registration of squat3 from 2001:db8:1:2::99 refused: 3 accounts from there this hour");
    }

    @Test
    void failedLoginsAreCountedPerSlash64() {
        InMemoryServer server = new InMemoryServer();
        FakeClient owner = server.connectSecure("198.51.100.1", null).register("alice");
        owner.send("REGISTER * * correct-horse");
        owner.expect("REGISTER SUCCESS");
        owner.send("QUIT");
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            FakeClient c = saslLogin(server.connectSecure("2001:db8:1:2::" + (i + 1), null), "guess" + i, "guess-" + i);
            // guesses at one account from one /64: the failure delay doubles up to 16 s, after a turn at the hashing
            server.advance(Duration.ofSeconds(17));
            c.expect(" 904 ");
            c.send("QUIT");
        }
        FakeClient another = saslLogin(server.connectSecure("2001:db8:1:2::abcd", null), "late", "correct-horse");
        server.advance(Duration.ofSeconds(1));
        assertThat(another.expect(" 904 ")).contains("Too many failed logins from your address");
    }

    @Test
    void theServerPasswordLockoutCoversTheSlash64() {
        try (InMemoryServer guarded = new InMemoryServer(InMemoryServer.config(b -> b.password("s3cret")))) {
            for (int i = 0; i < 10; i++) {
                FakeClient guess = guarded.connect("2001:db8:1:2::" + (i + 1));
                guess.send("PASS guess" + i).sendRegistration("g" + i);
                guarded.advance(Duration.ofSeconds(1));
                guess.awaitClosed();
            }
            assertThat(guarded.events())
                    .last()
                    .isEqualTo(
                            "Wrong server password from 2001:db8:1:2::10 (10 failures; the address is refused for 10 minutes)");
            assertThat(guarded.connect("2001:db8:1:2::beef").awaitClosed())
                    .containsExactly(
                            "ERROR :Closing link: too many wrong passwords from your address; try again later");
        }
    }

    private static FakeClient saslLogin(FakeClient c, String nick, String password) {
        c.send("CAP LS 302").send("CAP REQ :sasl").sendRegistration(nick);
        c.send("AUTHENTICATE PLAIN");
        c.expect("AUTHENTICATE \\+");
        String plain = "\0alice\0" + password;
        return c.send("AUTHENTICATE " + Base64.getEncoder().encodeToString(plain.getBytes()));
    }
}
