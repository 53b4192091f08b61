package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import org.junit.jupiter.api.Test;

/** Both sides of membership stay together whatever the order of joins and parts. */
class MembershipTest extends HubTest {
    private static String names(Connection c) {
        return String.join(",", c.rooms().stream().map(Room::name).toList());
    }

    @Test
    void joiningAndLeavingInAnyOrderKeepsBothSidesTogether() {
        FakeClient alice = server.join("alice");
        Connection c = alice.connection();
        alice.send("JOIN #a,#b,#c,#d");
        assertThat(names(c)).isEqualTo("#chatroom,#a,#b,#c,#d");
        alice.send("PART #chatroom"); // the first one
        assertThat(names(c)).isEqualTo("#a,#b,#c,#d");
        alice.send("PART #c"); // one in the middle
        assertThat(names(c)).isEqualTo("#a,#b,#d");
        alice.send("PART #d"); // the last
        assertThat(names(c)).isEqualTo("#a,#b");
        alice.send("JOIN #e");
        assertThat(names(c)).isEqualTo("#a,#b,#e");
        for (Room r : server.hub.rooms().all()) {
            assertThat(r.contains(c)).as(r.name()).isEqualTo(names(c).contains(r.name()));
            for (Connection m : r.members()) assertThat(m.isIn(r)).isTrue();
        }
        assertThat(server.hub.rooms().find("#a").isOperator(c)).isTrue();
        alice.send("JOIN 0");
        assertThat(c.roomCount()).isZero();
        assertThat(server.hub.rooms().count()).isEqualTo(1); // only the permanent room is left
    }

    @Test
    void operatorStatusBelongsToTheRoomItWasGotIn() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #hers");
        bob.send("JOIN #his");
        bob.send("JOIN #hers");
        Room hers = server.hub.rooms().find("#hers");
        Room his = server.hub.rooms().find("#his");
        assertThat(hers.isOperator(alice.connection())).isTrue();
        assertThat(hers.isOperator(bob.connection())).isFalse();
        assertThat(his.isOperator(bob.connection())).isTrue();
        bob.send("PART #his");
        assertThat(hers.isOperator(bob.connection())).isFalse();
        assertThat(bob.connection().rooms()).extracting(Room::name).containsExactly("#chatroom", "#hers");
    }
}
