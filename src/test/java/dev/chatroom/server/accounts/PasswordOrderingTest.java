package dev.chatroom.server.accounts;

import static dev.chatroom.server.accounts.AccountsTest.PUBLIC;
import static dev.chatroom.server.accounts.AccountsTest.plain;
import static dev.chatroom.server.accounts.AccountsTest.registerAlice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.ManualBackground;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every line gets its answer, in the order the lines were sent, also while a password is hashed or a failure waits. */
class PasswordOrderingTest {
    @Test
    void linesAfterAWrongPasswordAreAnsweredAfterItsFailureInOrder() {
        InMemoryServer server = new InMemoryServer();
        registerAlice(server);
        FakeClient c = server.connectSecure(PUBLIC, null);
        c.send("CAP LS 302").send("CAP REQ :sasl").sendRegistration("carol");
        c.sync();
        c.send("AUTHENTICATE PLAIN");
        c.send("AUTHENTICATE " + plain("alice", "wrong-guess"));
        c.send("AUTHENTICATE *");
        c.send("REGISTER * * carols-password");
        c.send("PING :after");
        assertThat(c.sync()).containsExactly("AUTHENTICATE +");
        server.advance(Duration.ofSeconds(1));
        assertThat(c.sync())
                .containsExactly(
                        ":chatroom 904 carol :SASL authentication failed: wrong account name or password",
                        ":chatroom 906 carol :SASL authentication aborted",
                        ":chatroom REGISTER SUCCESS carol :Account carol registered; you are logged in",
                        ":chatroom 900 carol carol!~carol@" + PUBLIC + " carol :You are now logged in as carol",
                        ":chatroom PONG chatroom :after");
    }

    @Test
    void linesSentWhileAPasswordIsHashedWaitForItsAnswer() {
        ManualBackground hashing = new ManualBackground();
        InMemoryServer server = new InMemoryServer(InMemoryServer.config(), hashing);
        FakeClient c = server.connectSecure(PUBLIC, null).register("dora");
        c.sync();
        c.send("REGISTER * * doras-password").send("SETPASS doras-password doras-new-password");
        c.send("PING :one")
                .send("SETPASS doras-new-password even-newer-password")
                .send("PING :two");
        assertThat(c.sync()).isEmpty();
        hashing.finishNext();
        assertThat(c.sync())
                .containsExactly(
                        ":chatroom REGISTER SUCCESS dora :Account dora registered; you are logged in",
                        ":chatroom 900 dora dora!~dora@" + PUBLIC + " dora :You are now logged in as dora");
        hashing.finishNext();
        assertThat(c.sync())
                .containsExactly(":chatroom SETPASS SUCCESS dora :Password changed", ":chatroom PONG chatroom :one");
        hashing.finishNext();
        assertThat(c.sync())
                .containsExactly(":chatroom SETPASS SUCCESS dora :Password changed", ":chatroom PONG chatroom :two");
        assertThat(hashing.running()).isZero();
    }

    @Test
    void aQuitWhileAPasswordIsCheckedIsNotHeldBack() {
        ManualBackground hashing = new ManualBackground();
        InMemoryServer server = new InMemoryServer(InMemoryServer.config(), hashing);
        FakeClient c = server.connectSecure(PUBLIC, null).register("erin");
        c.sync();
        c.send("REGISTER * * erins-password").send("QUIT :bye");
        assertThat(c.awaitClosed()).last().asString().startsWith("ERROR ");
        hashing.finishAll();
        assertThat(server.hub.logins().accounts().find("erin")).isNull();
    }
}
