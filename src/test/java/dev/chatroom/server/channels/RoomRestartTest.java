package dev.chatroom.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart brings every room back as it was: a closed room stays closed, and whoever was its operator (by account)
 * is one again; nobody else is, for being first. A real chatroom.db in a temporary dir, a new server on it a restart.
 */
class RoomRestartTest {
    private static final String PUBLIC = "203.0.113.9";
    private static final String HISTORY_CAPS = "batch draft/chathistory";

    @TempDir
    Path dir;

    private InMemoryServer server;

    @AfterEach
    void close() {
        if (server != null) server.close();
    }

    private void start() {
        server = new InMemoryServer(InMemoryServer.config(), dir);
    }

    /** Everyone is told the server stops, then a new one starts on the same chatroom.db. */
    private void restart() {
        server.shutdown("restarting");
        server.close();
        start();
    }

    /** A new account, its owner logged in and in the default room. */
    private FakeClient register(String nick) {
        FakeClient c = server.connectSecure(PUBLIC, null).registerWithCaps(nick, HISTORY_CAPS);
        c.send("REGISTER * * correct-horse-" + nick);
        c.expect(" 900 ");
        c.sync();
        return c;
    }

    /** The account's owner comes back, logged in with SASL before registering. */
    private FakeClient logIn(String nick) {
        FakeClient c = server.connectSecure(PUBLIC, null);
        c.send("CAP REQ :sasl " + HISTORY_CAPS).sendRegistration(nick);
        c.send("AUTHENTICATE PLAIN");
        c.send("AUTHENTICATE " + plain(nick, "correct-horse-" + nick));
        c.send("CAP END");
        c.expect(" 900 ");
        c.expect(" 366 " + nick + " ");
        c.sync();
        return c;
    }

    private static String plain(String account, String password) {
        return Base64.getEncoder().encodeToString(("\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    private FakeClient guest(String nick) {
        FakeClient c = server.connect().registerWithCaps(nick, HISTORY_CAPS);
        c.sync();
        return c;
    }

    @Test
    void anInviteOnlyRoomStaysClosedAfterARestartAndItsOperatorComesBack() {
        start();
        FakeClient alice = register("alice");
        alice.send("JOIN #vault").send("MODE #vault +i").send("PRIVMSG #vault :the plans");
        FakeClient mallory = guest("mallory");
        mallory.send("JOIN #vault");
        assertThat(mallory.next()).isEqualTo(":chatroom 473 mallory #vault :Cannot join channel (+i)");

        restart();
        mallory = guest("mallory");
        mallory.send("JOIN #vault");
        assertThat(mallory.next()).isEqualTo(":chatroom 473 mallory #vault :Cannot join channel (+i)");
        mallory.send("CHATHISTORY LATEST #vault * 10");
        assertThat(mallory.sync()).noneMatch(l -> l.contains("the plans"));

        alice = logIn("alice"); // her account is as good as an invitation, and she is its operator again
        alice.send("JOIN #vault");
        assertThat(alice.next()).isEqualTo(":alice!~alice@" + PUBLIC + " JOIN #vault");
        assertThat(alice.next()).isEqualTo(":chatroom MODE #vault +o alice");
        assertThat(alice.expect(" 353 ")).endsWith(" #vault :@alice");
        alice.sync();
        alice.send("MODE #vault");
        assertThat(alice.expect(" 324 ")).contains(" #vault +int");
        mallory.sync();
        mallory.send("JOIN #vault");
        assertThat(mallory.next()).isEqualTo(":chatroom 473 mallory #vault :Cannot join channel (+i)");
    }

    @Test
    void theFirstToJoinARestoredRoomIsNotItsOperatorForBeingFirst() {
        start();
        register("alice").send("JOIN #ops");
        restart();
        FakeClient bob = guest("bob");
        bob.send("JOIN #ops");
        assertThat(bob.expect(" 353 ")).endsWith(" #ops :bob");
        bob.sync();
        bob.send("MODE #ops +o bob");
        assertThat(bob.next()).isEqualTo(":chatroom 482 bob #ops :You're not channel operator");
        FakeClient alice = logIn("alice");
        bob.sync();
        alice.send("JOIN #ops");
        assertThat(bob.next()).isEqualTo(":alice!~alice@" + PUBLIC + " JOIN #ops");
        assertThat(bob.next()).isEqualTo(":chatroom MODE #ops +o alice");
    }

    @Test
    void aRoomRemembersTheAccountsItsOperatorsWereGivenAndTakenFrom() {
        start();
        FakeClient alice = register("alice");
        FakeClient carol = register("carol");
        FakeClient dave = guest("dave");
        alice.send("JOIN #ops");
        carol.send("JOIN #ops");
        dave.send("JOIN #ops");
        alice.send("MODE #ops +oo carol dave").send("MODE #ops -o alice");
        assertThat(alice.expect("MODE #ops -o")).isEqualTo(":alice!~alice@" + PUBLIC + " MODE #ops -o alice");
        restart();
        FakeClient daveAgain = guest("dave");
        daveAgain.send("JOIN #ops");
        assertThat(daveAgain.expect(" 353 ")).endsWith(" #ops :dave"); // a guest's @ lasts as long as his connection
        alice = logIn("alice");
        alice.send("JOIN #ops");
        assertThat(alice.expect(" 353 ")).endsWith(" #ops :dave alice");
        carol = logIn("carol");
        carol.send("JOIN #ops");
        assertThat(carol.expect(" 353 ")).endsWith(" #ops :dave alice @carol");
    }

    @Test
    void loggingInInsideARoomRemembersAnOperatorOrMakesOne() {
        start();
        register("alice").send("QUIT");
        FakeClient bob = guest("bob");
        bob.send("JOIN #new"); // first in a new room: operator, not logged in
        bob.send("REGISTER * * correct-horse-bob");
        bob.expect(" 900 ");
        FakeClient carol = guest("carol");
        carol.send("JOIN #new");
        assertThat(server.admin.execute("/op carol #new")).isEqualTo("Mode #new +o carol.");
        restart();
        FakeClient alice = guest("alice_"); // not logged in yet: nobody's operator
        alice.send("JOIN #new");
        assertThat(alice.expect(" 353 ")).endsWith(" #new :alice_");
        FakeClient bobAgain = guest("bob_");
        bobAgain.send("JOIN #new");
        bobAgain.send("AUTHENTICATE PLAIN").send("AUTHENTICATE " + plain("bob", "correct-horse-bob"));
        assertThat(bobAgain.expect(" 900 ")).contains(" bob :You are now logged in as bob");
        assertThat(alice.expect("MODE")).isEqualTo(":chatroom MODE #new +o bob_");
        assertThat(server.admin.execute("/op alice_ #new")).isEqualTo("Mode #new +o alice_."); // a guest: not kept
        alice.send("AUTHENTICATE PLAIN").send("AUTHENTICATE " + plain("alice", "correct-horse-alice"));
        alice.expect(" 900 "); // an operator logging in: her account is remembered from now on
        restart();
        FakeClient again = logIn("alice");
        again.send("JOIN #new");
        assertThat(again.expect(" 353 ")).endsWith(" #new :@alice");
    }

    @Test
    void theAdminLetsPeopleIntoAClosedRoomAndMakesThemOperators() {
        start();
        FakeClient guestOp = guest("gina");
        guestOp.send("JOIN #vault").send("MODE #vault +i");
        restart(); // a closed room nobody's account is operator of: only the admin opens its door
        FakeClient bob = guest("bob");
        bob.send("JOIN #vault");
        assertThat(bob.next()).contains(" 473 bob #vault ");
        assertThat(server.admin.execute("/invite bob")).isEqualTo("Usage: /invite <nick> <#room>");
        assertThat(server.admin.execute("/invite bob #nowhere")).isEqualTo("No room #nowhere.");
        assertThat(server.admin.execute("/invite nobody #vault")).isEqualTo("No user nobody.");
        assertThat(server.admin.execute("/invite bob #vault")).isEqualTo("Invited bob to #vault.");
        assertThat(bob.next()).isEqualTo(":chatroom INVITE bob #vault");
        bob.send("JOIN #vault");
        assertThat(bob.next()).isEqualTo(":bob!~bob@127.0.0.1 JOIN #vault");
        assertThat(bob.expect(" 353 "))
                .endsWith(" #vault :@bob"); // the first in, invited: as in any room without operators
        bob.sync();
        assertThat(server.admin.execute("/invite bob #vault")).isEqualTo("bob is already in #vault.");
        FakeClient carol = guest("carol");
        server.admin.execute("/invite carol #vault");
        carol.send("JOIN #vault");
        assertThat(server.admin.execute("/op carol #vault")).isEqualTo("Mode #vault +o carol.");
        assertThat(bob.expect("MODE")).isEqualTo(":chatroom MODE #vault +o carol");
    }

    @Test
    void aDroppedAccountIsNoRoomsOperatorWhoeverTakesItsNameNext() {
        start();
        FakeClient alice = register("alice");
        alice.send("JOIN #ops");
        FakeClient bob = guest("bob");
        bob.send("JOIN #ops");
        alice.send("QUIT");
        assertThat(server.admin.execute("/drop alice")).contains("rooms' operator lists");
        bob.sync();
        register("alice").send("JOIN #ops"); // someone else, under the free name
        assertThat(bob.expect("JOIN #ops")).isEqualTo(":alice!~alice@" + PUBLIC + " JOIN #ops");
        assertThat(bob.sync()).isEmpty();
    }
}
