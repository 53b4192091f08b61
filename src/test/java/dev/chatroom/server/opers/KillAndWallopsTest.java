package dev.chatroom.server.opers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.Opers;
import org.junit.jupiter.api.Test;

/** What operators do as on other IRC servers: KILL someone, WALLOPS to those who asked for them. */
class KillAndWallopsTest {
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(Opers::configured));
    private final FakeClient alice = Opers.operator(server, "alice");

    @Test
    void killDisconnectsWithTheOperatorsNameAndReasonAndTheRoomSeesIt() {
        FakeClient bob = server.join("bob");
        FakeClient carol = server.join("carol");
        alice.sync();
        bob.sync();
        alice.send("KILL carol :spamming");
        assertThat(carol.awaitClosed()).containsExactly("ERROR :Closing link: Killed (alice (spamming))");
        assertThat(bob.sync()).containsExactly(":carol!~carol@127.0.0.1 QUIT :Killed (alice (spamming))");
        assertThat(alice.sync()).containsExactly(":carol!~carol@127.0.0.1 QUIT :Killed (alice (spamming))");
        server.expectEvent("^\\* carol left the chat \\(Killed \\(alice \\(spamming\\)\\)\\)$");

        alice.send("KILL bob");
        assertThat(bob.awaitClosed()).containsExactly("ERROR :Closing link: Killed (alice)");
        alice.send("KILL nobody :x");
        assertThat(alice.sync())
                .containsExactly(
                        ":bob!~bob@127.0.0.1 QUIT :Killed (alice)", ":chatroom 401 alice nobody :No such nick/channel");
    }

    @Test
    void wallopsReachUsersWithPlusWAndOperatorsOnly() {
        FakeClient plain = server.join("plain");
        FakeClient reader = server.join("reader");
        FakeClient oscar = Opers.operator(server, "oscar");
        reader.send("MODE reader +w");
        assertThat(reader.sync()).endsWith(":reader MODE reader :+w");
        plain.send("MODE plain -w");
        for (FakeClient c : new FakeClient[] {alice, plain, reader, oscar}) c.sync();

        alice.send("WALLOPS :the server restarts at noon");
        String wallops = ":alice!~alice@127.0.0.1 WALLOPS :the server restarts at noon";
        assertThat(alice.sync()).containsExactly(wallops);
        assertThat(reader.sync()).containsExactly(wallops);
        assertThat(oscar.sync()).containsExactly(wallops);
        assertThat(plain.sync()).isEmpty();

        reader.send("MODE reader -w");
        reader.sync();
        alice.send("WALLOPS :again");
        assertThat(reader.sync()).isEmpty();
        assertThat(alice.sync()).containsExactly(":alice!~alice@127.0.0.1 WALLOPS :again");
        reader.send("MODE reader");
        assertThat(reader.sync()).containsExactly(":chatroom 221 reader +");
        alice.send("WALLOPS :  ");
        assertThat(alice.sync()).containsExactly(":chatroom 461 alice WALLOPS :Not enough parameters");
    }
}
