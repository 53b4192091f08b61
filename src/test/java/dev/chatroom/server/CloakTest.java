package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.config.Settings;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Addresses are private: others see a cloak wherever a host is shown or matched, the user
 * themself and the admin see the address, the admin's bans match both and room operators' bans
 * only the cloak. In memory, with the cloaking on as by default.
 */
class CloakTest {
    private static final String ALICE_AT = "203.0.113.7";
    private static final String CLOAK = "[a-z2-9]{16}\\.ip";
    private static final String KEY = "SHA256:i+0XQr03fLRSlLx6UYoTQDOiF3wlE5iK90o4j8CIa/w";

    @TempDir
    Path dir;

    private static InMemoryServer cloaking() {
        return cloaking(b -> {});
    }

    private static InMemoryServer cloaking(Consumer<Settings> changes) {
        return new InMemoryServer(InMemoryServer.config(b -> changes.accept(b.cloakHosts(true))));
    }

    /** The host of the nick!user@host prefix a line starts with. */
    private static String hostIn(String line) {
        return line.substring(line.indexOf('@') + 1, line.indexOf(' '));
    }

    @Test
    void othersSeeTheCloakWhereverAHostIsShown() {
        try (InMemoryServer server = cloaking()) {
            FakeClient bob = server.connect().registerWithCaps("bob", "userhost-in-names");
            FakeClient alice = server.connect(ALICE_AT).register("alice");
            String cloak = hostIn(bob.expect(" JOIN #chatroom"));
            assertThat(cloak).matches(CLOAK);
            alice.send("PRIVMSG #chatroom :hi");
            assertThat(bob.expect("PRIVMSG")).isEqualTo(":alice!~alice@" + cloak + " PRIVMSG #chatroom :hi");
            bob.send("NAMES #chatroom");
            assertThat(bob.expect(" 353 ")).contains("alice!~alice@" + cloak);
            bob.send("WHO #chatroom");
            assertThat(bob.expect(" 352 bob #chatroom ~alice ")).contains(" ~alice " + cloak + " chatroom alice ");
            bob.send("WHO alice %tcuihsnfar");
            assertThat(bob.expect(" 354 ")).contains(" " + cloak + " ");
            bob.send("WHOIS alice");
            assertThat(bob.expect(" 311 ")).isEqualTo(":chatroom 311 bob alice ~alice " + cloak + " * :alice Tester");
            bob.send("USERHOST alice");
            assertThat(bob.expect(" 302 ")).endsWith("alice=+~alice@" + cloak);
            alice.send("QUIT");
            bob.send("WHOWAS alice");
            assertThat(bob.expect(" 314 ")).contains(" alice ~alice " + cloak + " * ");
            assertThat(bob.history()).noneMatch(l -> l.contains(ALICE_AT));
        }
    }

    @Test
    void othersCannotFindOutTheAddressWithWhoxOrMasks() {
        try (InMemoryServer server = cloaking()) {
            FakeClient bob = server.join("bob");
            server.connect(ALICE_AT).register("alice");
            bob.send("WHO alice %ni");
            assertThat(bob.expect(" 354 ")).isEqualTo(":chatroom 354 bob 255.255.255.255 alice");
            bob.send("WHO 203.0.113.*");
            assertThat(bob.sync()).noneMatch(l -> l.contains(" 352 ")).anyMatch(l -> l.contains(" 315 "));
            bob.send("WHO *.ip");
            assertThat(bob.sync()).anyMatch(l -> l.contains(" 352 bob * ~alice "));
        }
    }

    @Test
    void aUserSeesTheirOwnAddressButTheirPrefixIsTheirCloak() {
        try (InMemoryServer server = cloaking()) {
            FakeClient bob = server.join("bob");
            FakeClient alice = server.connect(ALICE_AT).sendRegistration("alice");
            assertThat(alice.expect(" 001 ")).matches(".*Welcome to the chatroom IRC Network, alice!~alice@" + CLOAK);
            alice.send("WHOIS alice");
            assertThat(alice.expect(" 378 "))
                    .isEqualTo(":chatroom 378 alice alice :is connecting from *@" + ALICE_AT + " " + ALICE_AT);
            alice.send("WHO alice %i");
            assertThat(alice.expect(" 354 ")).isEqualTo(":chatroom 354 alice " + ALICE_AT);
            bob.send("WHOIS alice");
            assertThat(bob.sync()).noneMatch(l -> l.contains(" 378 "));
        }
    }

    @Test
    void oneAddressHasOneCloakAndAnIpv6Slash64Too() {
        try (InMemoryServer server = cloaking()) {
            String a1 = server.connect(ALICE_AT).connection().shownHost();
            String a2 = server.connect(ALICE_AT).connection().shownHost();
            String b = server.connect("203.0.113.8").connection().shownHost();
            String v6a = server.connect("2001:db8:1:2::a").connection().shownHost();
            String v6b = server.connect("2001:db8:1:2:ffff::b").connection().shownHost();
            String v6c = server.connect("2001:db8:1:3::a").connection().shownHost();
            assertThat(a1).isEqualTo(a2).isNotEqualTo(b).matches(CLOAK);
            assertThat(v6a).isEqualTo(v6b).isNotEqualTo(v6c).matches(CLOAK);
        }
    }

    @Test
    void cloaksStayTheSameAfterARestartWithTheSecretKeptOwnerOnly() throws Exception {
        Consumer<Settings> cloaked = b -> b.cloakHosts(true);
        String before;
        try (InMemoryServer first = new InMemoryServer(InMemoryServer.config(cloaked), dir)) {
            before = first.connect(ALICE_AT).connection().shownHost();
        }
        Path secret = dir.resolve("cloak-secret");
        assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (InMemoryServer again = new InMemoryServer(InMemoryServer.config(cloaked), dir)) {
            assertThat(again.connect(ALICE_AT).connection().shownHost()).isEqualTo(before);
        }
        try (InMemoryServer elsewhere = cloaking()) { // another server, another secret
            assertThat(elsewhere.connect(ALICE_AT).connection().shownHost()).isNotEqualTo(before);
        }
    }

    @Test
    void withCloakHostsFalseAddressesAreShownAsBefore() {
        try (InMemoryServer server = new InMemoryServer(InMemoryServer.config(b -> b.cloakHosts(false)))) {
            FakeClient bob = server.join("bob");
            server.connect(ALICE_AT).register("alice");
            assertThat(bob.expect(" JOIN #chatroom")).isEqualTo(":alice!~alice@" + ALICE_AT + " JOIN #chatroom");
            bob.send("WHO alice %ni");
            assertThat(bob.expect(" 354 ")).isEqualTo(":chatroom 354 bob " + ALICE_AT + " alice");
            bob.send("WHO 203.0.113.*");
            assertThat(bob.sync()).anyMatch(l -> l.contains(" 352 bob * ~alice "));
        }
    }

    @Test
    void sshUsersAreCloakedEvenWithCloakHostsFalse() {
        try (InMemoryServer server = new InMemoryServer(InMemoryServer.config(b -> b.cloakHosts(false)))) {
            FakeClient bob = server.join("bob");
            FakeClient alice = server.connectSsh(ALICE_AT, KEY).register("alice");
            assertThat(hostIn(bob.expect(" JOIN #chatroom"))).matches("ssh/[a-z2-9]{16}");
            bob.send("WHO alice %ni");
            assertThat(bob.expect(" 354 ")).isEqualTo(":chatroom 354 bob 255.255.255.255 alice");
            bob.send("WHO 203.*");
            assertThat(bob.sync()).noneMatch(l -> l.contains(" 352 "));
            alice.send("QUIT");
            bob.send("WHOWAS alice");
            bob.expect(" 314 ");
            assertThat(bob.history()).noneMatch(l -> l.contains(ALICE_AT) || l.contains("i+0XQr03fLRS"));
        }
    }

    @Test
    void theAdminSeesAddresses() {
        try (InMemoryServer server = cloaking(b -> b.approve(ApprovalPolicy.ASK))) {
            server.connect(ALICE_AT).sendRegistration("alice");
            assertThat(server.expectEvent("wants to join"))
                    .isEqualTo("alice (no account, " + ALICE_AT + ") wants to join. Accept? [y/n/a]");
            assertThat(server.admin.execute("/pending")).contains("alice (" + ALICE_AT + "), waiting");
            server.admin.execute("y");
            assertThat(server.admin.execute("/users")).endsWith("#chatroom (1): alice (" + ALICE_AT + ")");
        }
    }

    @Test
    void theAdminsBansMatchTheAddressAndTheCloak() {
        try (InMemoryServer server = cloaking()) {
            FakeClient alice = server.connect(ALICE_AT).register("alice");
            String cloak = alice.connection().shownHost();
            assertThat(cloak).matches(CLOAK);
            assertThat(server.admin.execute("/ban " + ALICE_AT)).endsWith("Disconnected: alice.");
            assertThat(server.connect(ALICE_AT).awaitClosed()).containsExactly("ERROR :You are banned");
            server.admin.execute("/unban " + ALICE_AT);

            FakeClient again = server.connect(ALICE_AT).register("alice");
            assertThat(server.admin.execute("/ban *!*@" + cloak)).endsWith("Disconnected: alice.");
            assertThat(again.isClosed()).isTrue();
            assertThat(server.connect(ALICE_AT).awaitClosed()).containsExactly("ERROR :You are banned");
            server.connect("203.0.113.8").register("neighbour");
        }
    }

    @Test
    void aRoomOperatorsBanMatchesTheCloakNeverTheAddress() {
        try (InMemoryServer server = cloaking()) {
            FakeClient op = server.join("op");
            op.send("JOIN #r");
            FakeClient alice = server.connect(ALICE_AT).register("alice");
            String cloak = alice.connection().shownHost();
            op.send("MODE #r +b *!*@" + ALICE_AT); // probing: would it keep out whoever is at this address?
            alice.send("JOIN #r");
            alice.expect(" 366 alice #r ");
            alice.send("PART #r");
            op.send("MODE #r +b *!*@" + cloak);
            alice.send("JOIN #r");
            assertThat(alice.expect(" 474 ")).contains("Cannot join channel (+b)");
        }
    }

    @Test
    void theAdminsRoomBanOnAnAddressIsSetAsItsCloak() {
        try (InMemoryServer server = cloaking()) {
            FakeClient op = server.join("op");
            FakeClient alice = server.connect(ALICE_AT).register("alice");
            String cloak = alice.connection().shownHost();
            assertThat(server.admin.execute("/ban " + ALICE_AT + " #chatroom"))
                    .contains("*!*@" + cloak)
                    .doesNotContain(ALICE_AT)
                    .endsWith("Removed from #chatroom: alice.");
            op.send("MODE #chatroom +b");
            assertThat(op.expect(" 367 ")).contains(" #chatroom *!*@" + cloak + " ");
            assertThat(op.history()).noneMatch(l -> l.contains(ALICE_AT));
        }
    }

    @Test
    void whatWasKeptBeforeCloakingIsShownCloakedAfterTheUpgrade() {
        try (InMemoryServer before = new InMemoryServer(InMemoryServer.config(b -> b.cloakHosts(false)), dir)) {
            FakeClient alice = before.connect(ALICE_AT).register("alice");
            alice.send("PRIVMSG #chatroom :said before the upgrade");
            alice.send("JOIN #kept").send("TOPIC #kept :set before the upgrade").send("MODE #kept +b troll");
            alice.expect(" MODE #kept \\+b ");
        } // the server stops with alice inside: #kept is kept as it is
        try (InMemoryServer after = new InMemoryServer(InMemoryServer.config(b -> b.cloakHosts(true)), dir)) {
            String cloak = after.connect(ALICE_AT).connection().shownHost();
            FakeClient plain = after.connect().sendRegistration("plain");
            assertThat(plain.expect("said before the upgrade")).startsWith(":alice!~alice@" + cloak + " PRIVMSG");
            FakeClient bob =
                    after.connect().registerWithCaps("bob", "batch server-time message-tags draft/chathistory");
            bob.send("CHATHISTORY LATEST #chatroom * 10");
            assertThat(bob.expect("said before the upgrade"))
                    .contains(" :alice!~alice@" + cloak + " PRIVMSG #chatroom :");
            bob.send("JOIN #kept");
            assertThat(bob.expect(" 333 ")).contains(" #kept alice!~alice@" + cloak + " ");
            bob.send("MODE #kept +b");
            assertThat(bob.expect(" 367 ")).contains(" #kept troll!*@* alice!~alice@" + cloak + " ");
            assertThat(bob.history()).noneMatch(l -> l.contains(ALICE_AT));
            assertThat(plain.history()).noneMatch(l -> l.contains(ALICE_AT));
        }
    }
}
