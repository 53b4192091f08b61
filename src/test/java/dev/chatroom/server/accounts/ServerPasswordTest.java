package dev.chatroom.server.accounts;

import static dev.chatroom.server.accounts.AccountsTest.PUBLIC;
import static dev.chatroom.server.accounts.AccountsTest.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server password covers everything: before it, a connection may only give it, negotiate, ping and quit. */
class ServerPasswordTest {
    private static final String PASSWORD = "s3cret";

    private static InMemoryServer guarded() {
        return new InMemoryServer(InMemoryServer.config(b -> b.password(PASSWORD)));
    }

    @Test
    void withoutThePasswordNoNameNoAccountAndNoLogin() {
        InMemoryServer server = guarded();
        FakeClient outsider = server.connectSecure(PUBLIC, null);
        outsider.send("CAP LS 302");
        assertThat(outsider.next()).startsWith(":chatroom CAP * LS :");
        outsider.send("CAP REQ :sasl");
        assertThat(outsider.next()).isEqualTo(":chatroom CAP * ACK :sasl");
        outsider.send("NICK bob");
        outsider.send("USER bob 0 * :Bob");
        outsider.send("REGISTER bob * correct-horse");
        outsider.send("AUTHENTICATE PLAIN");
        outsider.send("AUTHENTICATE " + plain("bob", "correct-horse"));
        outsider.send("SETPASS correct-horse another-one");
        outsider.send("JOIN #chatroom");
        outsider.send("NOSUCHCOMMAND");
        outsider.send("PING :still here");
        assertThat(outsider.sync())
                .containsExactly(
                        ":chatroom 464 * :Password required",
                        ":chatroom 464 * :Password required",
                        ":chatroom 464 * :Password required",
                        ":chatroom 464 * :Password required",
                        ":chatroom 464 * :Password required",
                        ":chatroom 464 * :Password required",
                        ":chatroom 464 * :Password required",
                        ":chatroom 464 * :Password required",
                        ":chatroom PONG chatroom :still here");
        assertThat(server.hub.logins().accounts().find("bob")).isNull();
        assertThat(server.hub.users().find("bob")).isNull();

        FakeClient bob = server.connectSecure("198.51.100.4", null);
        bob.send("PASS " + PASSWORD).register("bob"); // the name is free for its real owner
        bob.send("REGISTER * * correct-horse");
        bob.expect("REGISTER SUCCESS bob ");
        outsider.send("QUIT");
        assertThat(outsider.awaitClosed()).last().asString().startsWith("ERROR ");
    }

    @Test
    void theOwnerOfARegisteredNameIsNotBumpedBySomeoneWithoutThePassword() {
        InMemoryServer server = guarded();
        FakeClient alice = server.connectSecure(PUBLIC, null).send("PASS " + PASSWORD);
        alice.register("alice").send("REGISTER * * correct-horse");
        alice.expect("REGISTER SUCCESS");
        FakeClient outsider = server.connectSecure("198.51.100.4", null);
        outsider.send("CAP REQ :sasl").send("AUTHENTICATE PLAIN");
        outsider.send("AUTHENTICATE " + plain("alice", "correct-horse")).send("NICK alice");
        server.advance(Duration.ofSeconds(20));
        assertThat(outsider.sync()).noneMatch(l -> l.contains(" 90") || l.contains(" 001 "));
        assertThat(alice.isClosed()).isFalse();
        assertThat(alice.sync()).noneMatch(l -> l.contains("NICK_TAKEN_OVER"));
    }

    @Test
    void thePasswordIsCheckedAsItArrivesSoTheLinesAfterItGoOn() {
        InMemoryServer server = guarded();
        FakeClient c = server.connect();
        c.send("PASS " + PASSWORD).sendRegistration("carol");
        c.expect(" 001 carol ");
    }

    @Test
    void nickAndUserBeforeThePasswordDoNotRegister() { // irctest's testPassAfterNickuser
        InMemoryServer server = guarded();
        FakeClient c = server.connect();
        c.sendRegistration("dave").send("PASS " + PASSWORD);
        assertThat(c.sync())
                .containsExactly(":chatroom 464 * :Password required", ":chatroom 464 * :Password required");
        c.sendRegistration("dave");
        c.expect(" 001 dave ");
    }

    @Test
    void aWrongPasswordIsAnsweredAfterTheDelayAndCloses() {
        InMemoryServer server = guarded();
        FakeClient c = server.connect();
        c.send("PASS nope").sendRegistration("erin").send("PING :x");
        assertThat(c.sync()).isEmpty();
        server.advance(Duration.ofSeconds(1));
        assertThat(c.awaitClosed())
                .containsExactly(":chatroom 464 * :Password incorrect", "ERROR :Closing link: Bad password");
        assertThat(server.hub.users().find("erin")).isNull();
    }
}
