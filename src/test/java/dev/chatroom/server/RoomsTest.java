package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import org.junit.jupiter.api.Test;

class RoomsTest extends HubTest {

    @Test
    void joiningANewRoomCreatesItWithTheJoinerAsOperator() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        alice.send("JOIN #Side");
        assertThat(alice.next()).isEqualTo(":alice!~alice@127.0.0.1 JOIN #Side");
        assertThat(alice.next()).isEqualTo(":chatroom 353 alice = #Side :@alice");
        assertThat(alice.next()).isEqualTo(":chatroom 366 alice #Side :End of /NAMES list.");
        bob.send("JOIN #side"); // case-insensitive: the same room, under its first spelling
        assertThat(bob.next()).isEqualTo(":bob!~bob@127.0.0.1 JOIN #Side");
        assertThat(bob.next()).isEqualTo(":chatroom 353 bob = #Side :@alice bob");
        assertThat(alice.expect("JOIN")).isEqualTo(":bob!~bob@127.0.0.1 JOIN #Side");
    }

    @Test
    void theDefaultRoomHasNoOperatorAndJoiningTwiceIsHarmless() {
        FakeClient alice = server.join("alice");
        alice.send("JOIN #chatroom");
        assertThat(alice.sync()).isEmpty();
        alice.send("NAMES #chatroom");
        assertThat(alice.next()).isEqualTo(":chatroom 353 alice = #chatroom :alice");
    }

    @Test
    void badChannelNames() {
        FakeClient alice = server.join("alice");
        alice.send("JOIN nohash");
        assertThat(alice.next()).isEqualTo(":chatroom 403 alice nohash :No such channel");
        alice.send("JOIN #bad\u0007bell");
        assertThat(alice.next()).isEqualTo(":chatroom 476 alice #bad\u0007bell :Bad Channel Mask");
        alice.send("JOIN #" + "x".repeat(50));
        assertThat(alice.next()).contains(" 476 alice ");
        alice.send("JOIN");
        assertThat(alice.next()).isEqualTo(":chatroom 461 alice JOIN :Not enough parameters");
    }

    @Test
    void partIsAnnouncedAndTheRoomGoesWhenEmpty() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #side");
        alice.expect(" 366 alice #side ");
        bob.send("JOIN #side");
        bob.expect(" 366 bob #side ");
        alice.sync();
        bob.send("PART #side :later");
        assertThat(bob.next()).isEqualTo(":bob!~bob@127.0.0.1 PART #side :later");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 PART #side :later");
        alice.send("PART #side");
        assertThat(alice.next()).isEqualTo(":alice!~alice@127.0.0.1 PART #side");
        Room gone = server.onLoop(h -> h.rooms().find("#side"));
        assertThat(gone).isNull();
        bob.send("JOIN #side");
        assertThat(bob.expect(" 353 ")).endsWith(":@bob"); // created afresh
    }

    @Test
    void partErrors() {
        FakeClient alice = server.join("alice");
        server.join("bob").send("JOIN #bobs").expect(" 366 ");
        alice.sync();
        alice.send("PART #nowhere");
        assertThat(alice.next()).isEqualTo(":chatroom 403 alice #nowhere :No such channel");
        alice.send("PART #bobs");
        assertThat(alice.next()).isEqualTo(":chatroom 442 alice #bobs :You're not on that channel");
    }

    @Test
    void partingTheDefaultRoomKeepsItForOthers() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        bob.send("PART #chatroom :bye room");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 PART #chatroom :bye room");
        alice.send("PART #chatroom");
        alice.sync();
        Room kept = server.onLoop(h -> h.rooms().find("#chatroom"));
        assertThat(kept).isNotNull();
    }

    @Test
    void joinZeroLeavesEveryRoom() {
        FakeClient alice = server.join("alice");
        alice.send("JOIN #a,#b");
        alice.expect(" 366 alice #b ");
        alice.send("JOIN 0");
        assertThat(alice.sync())
                .containsExactly(
                        ":alice!~alice@127.0.0.1 PART #chatroom",
                        ":alice!~alice@127.0.0.1 PART #a",
                        ":alice!~alice@127.0.0.1 PART #b");
    }

    @Test
    void topicByOperatorIsShownOnJoin() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #side");
        alice.expect(" 366 ");
        alice.send("TOPIC #side");
        assertThat(alice.next()).isEqualTo(":chatroom 331 alice #side :No topic is set");
        alice.send("TOPIC #side :plans for friday");
        assertThat(alice.next()).isEqualTo(":alice!~alice@127.0.0.1 TOPIC #side :plans for friday");
        bob.send("JOIN #side");
        bob.expect("JOIN #side");
        assertThat(bob.next()).isEqualTo(":chatroom 332 bob #side :plans for friday");
        assertThat(bob.next()).matches(":chatroom 333 bob #side alice!~alice@127.0.0.1 \\d+");
        bob.send("TOPIC #side :mine now");
        assertThat(bob.expect(" 482 ")).isEqualTo(":chatroom 482 bob #side :You're not channel operator");
    }

    @Test
    void serverWithoutADefaultRoomStillWorks() {
        try (InMemoryServer roomless = new InMemoryServer(InMemoryServer.config(b -> b.room("")))) {
            FakeClient alice = roomless.connect().sendRegistration("alice");
            alice.expect(" 376 alice ");
            assertThat(alice.sync()).isEmpty(); // no automatic JOIN
            alice.send("JOIN #mine");
            assertThat(alice.expect(" 353 ")).endsWith(":@alice");
        }
    }
}
