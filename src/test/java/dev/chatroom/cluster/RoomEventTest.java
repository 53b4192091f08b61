package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Room;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a node tells the others of its rooms (ROOM in the burst): the room arrives with every setting and status it had. */
class RoomEventTest {
    @Test
    void aRoomArrivesOnAnotherNodeAsItIsHere() {
        InMemoryServer here = new InMemoryServer();
        FakeClient alice = here.join("alice");
        FakeClient bob = here.join("bob");
        alice.send("JOIN #side").sync();
        bob.send("JOIN #side").sync();
        alice.send("TOPIC #side :semi;colon \\ back\tslash ✓ 🎉 e\u0301 \\0");
        alice.send("MODE #side +imsk-t sesame\\;x");
        alice.send("MODE #side +l 5");
        for (int i = 0; i < 30; i++) alice.send("MODE #side +bbv spam" + i + " *!*@10.0." + i + ".* bob");
        alice.connection().clusterId("a:1", false);
        bob.connection().clusterId("a:2", false);
        Room side = here.hub.rooms().find("#side");
        assertThat(side.modes().bans()).hasSize(60);
        assertThat(side.modes().key()).isEqualTo("sesame\\;x");

        InMemoryServer there = new InMemoryServer();
        RemoteUsers remote = new RemoteUsers(there.hub, c -> false);
        for (FakeClient c : List.of(alice, bob)) remote.add(overTheBus(RemoteUsers.describe("a", c.connection(), 'R')));
        remote.room(overTheBus(RemoteUsers.describe("a", side, List.of(alice.connection(), bob.connection()))));

        Room mirrored = there.hub.rooms().find("#side");
        assertThat(mirrored.saved()).isEqualTo(side.saved());
        assertThat(mirrored.modes().describe(true)).containsExactly("+imnskl", "sesame\\;x", "5");
        Connection ghostAlice = there.hub.users().find("alice");
        Connection ghostBob = there.hub.users().find("bob");
        assertThat(mirrored.members()).containsExactly(ghostAlice, ghostBob);
        assertThat(mirrored.prefixOf(ghostAlice, true)).isEqualTo("@");
        assertThat(mirrored.prefixOf(ghostBob, true)).isEqualTo("+");
    }

    /** The bus carries events as lines. */
    private static Message overTheBus(Message e) {
        return Message.parse(e.toString());
    }
}
