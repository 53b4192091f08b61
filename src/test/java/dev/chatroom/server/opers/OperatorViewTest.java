package dev.chatroom.server.opers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.Opers;
import org.junit.jupiter.api.Test;

/** How others see an operator (WHO *, WHOIS 313), and MODE on any room, as the admin has it. */
class OperatorViewTest {
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(Opers::configured));
    private final FakeClient bob = server.join("bob");
    private final FakeClient alice = Opers.operator(server, "alice");

    @Test
    void whoMarksAnOperatorWithAStarAndWhoisSays313() {
        bob.sync();
        bob.send("WHO alice");
        assertThat(bob.sync()).first().asString().contains(" 352 bob * ~alice 127.0.0.1 chatroom alice H* :0 ");
        bob.send("WHO #chatroom %nf");
        assertThat(bob.sync()).contains(":chatroom 354 bob alice H*", ":chatroom 354 bob bob H");
        alice.send("AWAY :lunch");
        bob.send("WHO alice");
        assertThat(bob.sync()).first().asString().contains(" alice G* :0 ");
        bob.send("WHOIS alice");
        assertThat(bob.sync()).contains(":chatroom 313 bob alice :is an IRC operator");
        bob.send("WHOIS bob");
        assertThat(bob.sync()).noneMatch(l -> l.contains(" 313 "));

        alice.send("MODE alice -o");
        bob.send("WHO alice");
        assertThat(bob.sync()).first().asString().contains(" alice G :0 ");
    }

    @Test
    void anOperatorChangesTheModesOfAnyRoomEvenASecretOneSheIsNotIn() {
        bob.send("JOIN #hideout");
        bob.send("MODE #hideout +sk sesame");
        bob.sync();
        alice.sync();
        alice.send("MODE #hideout");
        assertThat(alice.sync()).first().asString().isEqualTo(":chatroom 324 alice #hideout +nstk sesame");
        alice.send("MODE #hideout +m-k *");
        assertThat(bob.sync()).containsExactly(":alice!~alice@127.0.0.1 MODE #hideout +m-k *");

        FakeClient carol = server.join("carol");
        carol.send("MODE #hideout -m");
        assertThat(carol.sync()).containsExactly(":chatroom 403 carol #hideout :No such channel");
        alice.send("MODE alice -o");
        alice.send("MODE #hideout -m");
        assertThat(alice.sync()).contains(":chatroom 403 alice #hideout :No such channel");
    }
}
