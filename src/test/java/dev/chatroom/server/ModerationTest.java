package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.server.console.AdminConsole;
import dev.chatroom.store.ServerBan;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The admin console's moderation commands, in memory. */
class ModerationTest extends HubTest {
    @Test
    void kickRemovesTheUserTellsTheRoomAndTheyMayComeBack() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        server.events();
        assertThat(server.admin.execute("/kick bob spamming")).isEqualTo("* bob was removed by the admin (spamming).");
        assertThat(alice.sync())
                .containsExactly(":chatroom KICK #chatroom bob :spamming"); // no QUIT on top of the KICK
        assertThat(bob.awaitClosed())
                .containsExactly(
                        ":chatroom KICK #chatroom bob :spamming",
                        "ERROR :Closing link: removed by the admin (spamming)");
        assertThat(server.events()).isEmpty(); // the command's answer is the one line about it
        server.join("bob");
        assertThat(server.admin.execute("/kick nobody")).isEqualTo("No user nobody.");
        assertThat(server.admin.execute("/kick")).isEqualTo("Usage: /kick <nick> [#room] [reason]");
    }

    @Test
    void kickWithoutAReasonNamesTheKickerAsIrcDoes() {
        FakeClient alice = server.join("alice");
        server.join("bob");
        alice.sync();
        assertThat(server.admin.execute("/kick bob")).isEqualTo("* bob was removed by the admin.");
        assertThat(alice.sync()).containsExactly(":chatroom KICK #chatroom bob :chatroom");
    }

    @Test
    void banByNickDisconnectsNowAndRefusesThatNickLater() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        server.events();
        assertThat(server.admin.execute("/ban bob spam")).isEqualTo("Banned bob!*@* (spam). Disconnected: bob.");
        assertThat(bob.awaitClosed())
                .containsExactly(":chatroom 465 bob :You are banned from this server", "ERROR :You are banned: spam");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :banned (spam)");
        assertThat(server.events()).isEmpty();

        FakeClient again = server.connect().sendRegistration("BOB");
        assertThat(again.awaitClosed())
                .containsExactly(":chatroom 465 BOB :You are banned from this server", "ERROR :You are banned: spam");
        server.join("robert"); // the address is not banned
        assertThat(server.admin.execute("/bans")).startsWith("Bans (1):\n  bob!*@* (spam), since 2026-01-01T00:00:00Z");
        assertThat(server.admin.execute("/unban bob")).isEqualTo("Unbanned bob!*@*.");
        assertThat(server.admin.execute("/unban bob")).isEqualTo("No ban on bob!*@*. Type /bans.");
        server.join("bob");
        assertThat(server.savedBans()).hasSize(2);
        assertThat(server.savedBans().get(0)).extracting(ServerBan::mask).containsExactly("bob!*@*");
        assertThat(server.savedBans().get(1)).isEmpty();
    }

    @Test
    void aBannedNickCannotBeTakenByARename() {
        FakeClient alice = server.join("alice");
        server.admin.execute("/ban mallory");
        alice.send("NICK mallory");
        assertThat(alice.next()).isEqualTo(":chatroom 432 alice mallory :That nickname is banned");
    }

    @Test
    void banByAddressRefusesAtConnectBeforeRegistration() {
        server.join("alice");
        assertThat(server.admin.execute("/ban 127.0.0.* flooding"))
                .startsWith("Banned *!*@127.0.0.* (flooding). Disconnected: alice");
        FakeClient c = server.connect();
        assertThat(c.awaitClosed()).containsExactly("ERROR :You are banned: flooding");
        server.connect("10.1.2.3").register("elsewhere");
    }

    @Test
    void banByMask() {
        server.join("alice");
        assertThat(server.admin.execute("/ban *!~ali*@*")).isEqualTo("Banned *!~ali*@*. Disconnected: alice.");
        assertThat(server.admin.execute("/ban bad@")).startsWith("Not a nick, address or nick!user@host mask");
    }

    @Test
    void mutedUserIsToldAndNothingIsRelayedUntilUnmuted() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        assertThat(server.admin.execute("/mute bob 10")).isEqualTo("Muted bob for 10 minutes.");
        assertThat(bob.expect("NOTICE bob"))
                .isEqualTo(
                        ":chatroom NOTICE bob :You have been muted by the admin for 10 minutes. Your messages will not be sent.");
        assertThat(alice.next())
                .isEqualTo(":chatroom NOTICE #chatroom :bob has been muted by the admin for 10 minutes.");
        bob.sync();
        bob.send("PRIVMSG #chatroom :can you hear me?").send("PRIVMSG alice :psst");
        assertThat(bob.sync())
                .containsExactly(
                        ":chatroom NOTICE bob :You are muted by the admin; your message was not sent.",
                        ":chatroom NOTICE bob :You are muted by the admin; your message was not sent.");
        assertThat(alice.sync()).isEmpty();
        assertThat(server.admin.execute("/unmute bob")).isEqualTo("Unmuted bob.");
        bob.send("PRIVMSG #chatroom :back");
        assertThat(alice.expect("PRIVMSG")).isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #chatroom :back");
        assertThat(server.admin.execute("/unmute bob")).isEqualTo("bob is not muted.");
        assertThat(server.admin.execute("/mute bob soon")).startsWith("Usage: /mute <nick> [#room] [minutes]");
        assertThat(server.admin.execute("/mute bob")).isEqualTo("Muted bob until /unmute.");
    }

    @Test
    void aTimedMuteEndsOnItsOwn() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        server.admin.execute("/mute bob 1");
        alice.sync();
        server.advance(Duration.ofSeconds(59));
        bob.send("PRIVMSG #chatroom :too early");
        assertThat(alice.sync()).isEmpty();
        server.advance(Duration.ofSeconds(1));
        bob.send("PRIVMSG #chatroom :now");
        assertThat(alice.sync()).contains(":bob!~bob@127.0.0.1 PRIVMSG #chatroom :now");
    }

    @Test
    void sayIsAnAnnouncementToEveryoneAndIsConfirmed() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        assertThat(server.admin.execute("/say Server restarts at 18:00"))
                .isEqualTo("*** Server restarts at 18:00 (sent to 2 users)");
        assertThat(alice.next()).isEqualTo(":chatroom NOTICE #chatroom :Server restarts at 18:00");
        assertThat(bob.next()).isEqualTo(":chatroom NOTICE #chatroom :Server restarts at 18:00");
        assertThat(server.admin.execute("/say")).isEqualTo("Usage: /say <text>");
    }

    @Test
    void topicIsSetForTheRoomAndShownOnJoin() {
        FakeClient alice = server.join("alice");
        assertThat(server.admin.execute("/topic"))
                .isEqualTo("No topic is set in #chatroom. Usage: /topic [#room] <text>");
        assertThat(server.admin.execute("/topic Friday: pizza")).isEqualTo("Topic of #chatroom set.");
        assertThat(alice.next()).isEqualTo(":chatroom TOPIC #chatroom :Friday: pizza");
        FakeClient bob = server.connect().sendRegistration("bob");
        bob.expect("JOIN #chatroom");
        assertThat(bob.next()).isEqualTo(":chatroom 332 bob #chatroom :Friday: pizza");
        assertThat(bob.next()).isEqualTo(":chatroom 333 bob #chatroom chatroom 1767225600");
        assertThat(server.admin.execute("/topic")).isEqualTo("Topic of #chatroom: Friday: pizza");
    }

    @Test
    void statsCountWhatHappened() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        server.advance(Duration.ofSeconds(75));
        alice.send("PRIVMSG #chatroom :one").send("PRIVMSG bob :two");
        bob.send("QUIT");
        String stats = server.admin.execute("/stats");
        assertThat(stats).startsWith("Up 0d 00h 01m 15s\n");
        assertThat(stats)
                .contains(
                        "Connected: 1 in the chat, 0 waiting, 0 registering",
                        "Messages relayed: 2",
                        "Disconnects: quit 1");
    }

    @Test
    void theConsoleNeverPrintsEscapeSequencesFromUsers() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var console = AdminConsole.lines(
                "server console", InputStream.nullInputStream(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        console.event("* bob left the chat (\u001b[2J\u001b]0;owned\u0007bye\u000304red)");
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("* bob left the chat (byered)" + System.lineSeparator());
    }
}
