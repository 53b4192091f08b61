package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.ServerTest;
import dev.chatroom.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin console's moderation commands, through its API, against real sockets. */
class ModerationTest extends ServerTest {
    @Test
    void kickRemovesTheUserTellsTheRoomAndTheyMayComeBack() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.sync();
        assertThat(server.admin.execute("/kick bob spamming")).isEmpty();
        assertThat(alice.next()).isEqualTo(":chatroom KICK #chatroom bob :spamming");
        assertThat(bob.awaitClosed()).containsExactly(":chatroom KICK #chatroom bob :spamming",
                "ERROR :Closing link: removed by the admin (spamming)");
        assertThat(alice.sync()).isEmpty(); // no QUIT on top of the KICK
        server.expectEvent("^\\* bob was removed by the admin \\(spamming\\)\\.$");
        server.join("bob");
        assertThat(server.admin.execute("/kick nobody")).isEqualTo("No user nobody.");
        assertThat(server.admin.execute("/kick")).isEqualTo("Usage: /kick <nick> [reason]");
    }

    @Test
    void banByNickDisconnectsNowAndRefusesThatNickLater() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.sync();
        assertThat(server.admin.execute("/ban bob spam")).isEqualTo("Banned bob!*@* (spam). Disconnected: bob.");
        assertThat(bob.awaitClosed()).containsExactly("ERROR :You are banned: spam");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 QUIT :banned (spam)");

        IrcTestClient again = server.connect().sendRegistration("BOB");
        assertThat(again.awaitClosed()).containsExactly("ERROR :You are banned: spam");
        server.join("robert"); // the address is not banned
        assertThat(server.admin.execute("/bans")).startsWith("Bans (1):\n  bob!*@* (spam), since ");
        assertThat(server.admin.execute("/unban bob")).isEqualTo("Unbanned bob!*@*.");
        assertThat(server.admin.execute("/unban bob")).isEqualTo("No ban on bob!*@*. Type /bans.");
        server.join("bob");
    }

    @Test
    void banByAddressRefusesAtConnectBeforeRegistration() throws Exception {
        server.join("alice");
        assertThat(server.admin.execute("/ban 127.0.0.* flooding")).startsWith("Banned *!*@127.0.0.* (flooding). Disconnected: alice");
        IrcTestClient c = server.connect();
        assertThat(c.awaitClosed()).containsExactly("ERROR :You are banned: flooding");
    }

    @Test
    void banByMask() throws Exception {
        server.join("alice");
        assertThat(server.admin.execute("/ban *!~ali*@*")).isEqualTo("Banned *!~ali*@*. Disconnected: alice.");
        assertThat(server.admin.execute("/ban bad@")).startsWith("Not a nick, address or nick!user@host mask");
    }

    @Test
    void bansSurviveARestart(@TempDir Path data) throws Exception {
        try (TestServer first = new TestServer(TestServer.config().withDataDir(data))) {
            first.admin.execute("/ban mallory no trolls");
        }
        assertThat(Files.readString(data.resolve("bans.txt"))).contains("mallory!*@*\tno trolls\t");
        assertThat(data.resolve("bans.txt.tmp")).doesNotExist();
        try (TestServer second = new TestServer(TestServer.config().withDataDir(data))) {
            second.expectEvent("^1 ban\\(s\\) loaded from ");
            IrcTestClient m = second.connect().sendRegistration("mallory");
            assertThat(m.awaitClosed()).containsExactly("ERROR :You are banned: no trolls");
        }
    }

    @Test
    void aDamagedBanFileIsReportedAndTheServerStillStarts(@TempDir Path data) throws Exception {
        Files.write(data.resolve("bans.txt"), ("# comment\n"
                + "eve!*@*\tno eves\t2026-01-01T00:00:00Z\n"
                + "garbage without tabs\n"
                + "x!*@*\treason\tnot-a-time\n"
                + "\u0000\u00ff\u00fe\n").getBytes(StandardCharsets.ISO_8859_1));
        try (TestServer s = new TestServer(TestServer.config().withDataDir(data))) {
            s.expectEvent("^Ban file: bans\\.txt line 3: expected MASK<TAB>REASON<TAB>TIME; skipped$");
            s.expectEvent("^Ban file: bans\\.txt line 4: 'not-a-time' is not a time; skipped$");
            s.expectEvent("^Ban file: bans\\.txt line 5: ");
            IrcTestClient eve = s.connect().sendRegistration("eve");
            assertThat(eve.awaitClosed()).containsExactly("ERROR :You are banned: no eves");
            s.join("adam");
        }
    }

    @Test
    void mutedUserIsToldAndNothingIsRelayedUntilUnmuted() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.sync();
        assertThat(server.admin.execute("/mute bob 10")).isEqualTo("Muted bob for 10 minutes.");
        assertThat(bob.expect("NOTICE bob")).isEqualTo(":chatroom NOTICE bob :You have been muted by the admin for 10 minutes. Your messages will not be sent.");
        assertThat(alice.next()).isEqualTo(":chatroom NOTICE #chatroom :bob has been muted by the admin for 10 minutes.");
        bob.sync();
        bob.send("PRIVMSG #chatroom :can you hear me?").send("PRIVMSG alice :psst");
        assertThat(bob.sync()).containsExactly(
                ":chatroom NOTICE bob :You are muted by the admin; your message was not sent.",
                ":chatroom NOTICE bob :You are muted by the admin; your message was not sent.");
        assertThat(alice.sync()).isEmpty();
        assertThat(server.admin.execute("/unmute bob")).isEqualTo("Unmuted bob.");
        bob.send("PRIVMSG #chatroom :back");
        assertThat(alice.expect("PRIVMSG")).isEqualTo(":bob!~bob@127.0.0.1 PRIVMSG #chatroom :back");
        assertThat(server.admin.execute("/unmute bob")).isEqualTo("bob is not muted.");
        assertThat(server.admin.execute("/mute bob soon")).startsWith("Usage: /mute <nick> [minutes]");
        assertThat(server.admin.execute("/mute bob")).isEqualTo("Muted bob until /unmute.");
    }

    @Test
    void sayIsAnAnnouncementToEveryone() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.sync();
        server.admin.execute("/say Server restarts at 18:00");
        assertThat(alice.next()).isEqualTo(":chatroom NOTICE #chatroom :Server restarts at 18:00");
        assertThat(bob.next()).isEqualTo(":chatroom NOTICE #chatroom :Server restarts at 18:00");
        assertThat(server.admin.execute("/say")).isEqualTo("Usage: /say <text>");
    }

    @Test
    void topicIsSetForTheRoomAndShownOnJoin() throws Exception {
        IrcTestClient alice = server.join("alice");
        assertThat(server.admin.execute("/topic")).isEqualTo("No topic is set. Usage: /topic <text>");
        assertThat(server.admin.execute("/topic Friday: pizza")).isEqualTo("Topic of #chatroom set.");
        assertThat(alice.next()).isEqualTo(":chatroom TOPIC #chatroom :Friday: pizza");
        IrcTestClient bob = server.connect().sendRegistration("bob");
        bob.expect("JOIN #chatroom");
        assertThat(bob.next()).isEqualTo(":chatroom 332 bob #chatroom :Friday: pizza");
        assertThat(bob.next()).matches(":chatroom 333 bob #chatroom chatroom \\d+");
        assertThat(server.admin.execute("/topic")).isEqualTo("Topic of #chatroom: Friday: pizza");
    }

    @Test
    void statsCountWhatHappened() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.send("PRIVMSG #chatroom :one").send("PRIVMSG bob :two");
        alice.sync();
        bob.send("QUIT");
        bob.awaitClosed();
        String stats = server.admin.execute("/stats");
        assertThat(stats).matches("(?s)Up 0d 00h 00m \\d\\ds\n.*");
        assertThat(stats).contains("Connected: 1 in the chat, 0 waiting, 0 registering", "Messages relayed: 2", "Disconnects: quit 1");
        assertThat(stats).containsPattern("Bytes in: [1-9]\\d*, out: [1-9]\\d*");
    }

    @Test
    void shutdownWithAReasonTellsEveryone() throws Exception {
        IrcTestClient alice = server.join("alice");
        IrcTestClient bob = server.join("bob");
        alice.sync();
        assertThat(server.admin.execute("/shutdown maintenance")).isEqualTo("Server stopped.");
        assertThat(alice.awaitClosed()).containsExactly("ERROR :Server shutting down: maintenance");
        assertThat(bob.awaitClosed()).last().isEqualTo("ERROR :Server shutting down: maintenance");
    }

    @Test
    void theConsoleNeverPrintsEscapeSequencesFromUsers() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        dev.chatroom.server.console.AdminConsole console = new dev.chatroom.server.console.AdminConsole(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8));
        console.event("* bob left the chat (\u001b[2J\u001b]0;owned\u0007bye\u000304red)");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("* bob left the chat (byered)" + System.lineSeparator());
    }
}
