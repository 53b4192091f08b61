package dev.chatroom.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The admin console acts in any room, above its operators. */
class ConsoleRoomsTest extends HubTest {

    @Test
    void kickFromOneRoomLeavesTheUserConnected() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #side").sync();
        bob.send("JOIN #side").sync();
        alice.sync();
        assertThat(server.admin.execute("/kick bob #side off topic"))
                .isEqualTo("* bob was removed from #side by the admin (off topic).");
        assertThat(alice.next()).isEqualTo(":chatroom KICK #side bob :off topic");
        assertThat(bob.next()).isEqualTo(":chatroom KICK #side bob :off topic");
        bob.send("PRIVMSG #chatroom :still here");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #chatroom :still here");
        assertThat(server.admin.execute("/kick bob #nowhere")).isEqualTo("No room #nowhere.");
    }

    @Test
    void aRoomBanRemovesAndKeepsOut() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #side").sync();
        bob.send("JOIN #side").sync();
        alice.sync();
        assertThat(server.admin.execute("/ban bob #side flooding"))
                .isEqualTo("Mode #side +b bob!*@*. Removed from #side: bob.");
        assertThat(alice.sync())
                .containsExactly(":chatroom MODE #side +b bob!*@*", ":chatroom KICK #side bob :flooding");
        bob.sync();
        bob.send("JOIN #side");
        assertThat(bob.next()).isEqualTo(":chatroom 474 bob #side :Cannot join channel (+b)");
        assertThat(server.admin.execute("/unban bob #side")).isEqualTo("Mode #side -b bob!*@*.");
        assertThat(server.admin.execute("/unban bob #side")).isEqualTo("No ban on bob in #side.");
        bob.send("JOIN #side");
        assertThat(bob.next()).isEqualTo(":bob!~bob@127.0.0.1 JOIN #side");
    }

    @Test
    void aRoomMuteSilencesOnlyThere() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #side").sync();
        bob.send("JOIN #side").sync();
        alice.sync();
        assertThat(server.admin.execute("/mute bob #side 1"))
                .isEqualTo("bob has been muted in #side by the admin for 1 minute.");
        assertThat(alice.next())
                .isEqualTo(":chatroom NOTICE #side :bob has been muted in #side by the admin for 1 minute.");
        bob.sync();
        bob.send("PRIVMSG #side :hello");
        assertThat(bob.next())
                .isEqualTo(":chatroom 404 bob #side :Cannot send to channel (you are muted here by the admin)");
        bob.send("PRIVMSG #chatroom :elsewhere I can");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #chatroom :elsewhere I can");
        server.advance(Duration.ofMinutes(1));
        bob.send("PRIVMSG #side :and now here");
        assertThat(alice.expect("PRIVMSG")).isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #side :and now here");
        server.admin.execute("/mute bob #side");
        assertThat(server.admin.execute("/unmute bob #side")).isEqualTo("bob is no longer muted in #side.");
    }

    @Test
    void topicOfAnyRoom() {
        FakeClient alice = server.join("alice");
        alice.send("JOIN #side").sync();
        assertThat(server.admin.execute("/topic #side Planning")).isEqualTo("Topic of #side set.");
        assertThat(alice.next()).isEqualTo(":chatroom TOPIC #side :Planning");
        assertThat(server.admin.execute("/topic #side")).isEqualTo("Topic of #side: Planning");
    }

    @Test
    void voiceInTheDefaultRoom() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        server.admin.execute("/mode +m");
        alice.sync();
        bob.sync();
        assertThat(server.admin.execute("/voice bob")).isEqualTo("Mode #chatroom +v bob.");
        bob.send("PRIVMSG #chatroom :voiced");
        alice.send("PRIVMSG #chatroom :not voiced");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom MODE #chatroom +v bob",
                        ":bob!~bob@127.0.0.1 PRIVMSG #chatroom :voiced",
                        ":chatroom 404 alice #chatroom :Cannot send to channel (+m)");
    }
}
