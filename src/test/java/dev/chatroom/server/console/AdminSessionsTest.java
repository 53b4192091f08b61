package dev.chatroom.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.RecordingConsole;
import org.junit.jupiter.api.Test;

/**
 * Several admin consoles on one server: every event reaches each, each asks about the oldest
 * request, the first answer wins, and the others are told who did what.
 */
class AdminSessionsTest extends HubTest {
    @Override
    protected ServerConfig config() {
        return InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK));
    }

    private FakeClient request(String nick) {
        FakeClient c = server.connect().sendRegistration(nick);
        c.expect("Waiting for the admin");
        return c;
    }

    @Test
    void everyConsoleGetsEveryEventAndIsAskedAboutTheOldestRequest() {
        RecordingConsole one = RecordingConsole.attach(server.admins, "console 1");
        RecordingConsole two = RecordingConsole.attach(server.admins, "console 2");
        assertThat(one.expectEvent("^\\(console 2\\) attached$")).isNotNull();
        assertThat(one.question()).isNull();

        request("bob");
        for (RecordingConsole c : new RecordingConsole[] {one, two}) {
            c.expectEvent("^bob \\(no account, 127\\.0\\.0\\.1\\) wants to join\\. Accept\\? \\[y/n/a\\]$");
            assertThat(c.question().nick()).isEqualTo("bob");
            assertThat(c.question().prompt()).isEqualTo("Accept bob? [y/n/a] ");
        }
        server.expectEvent("^bob .* wants to join");

        // a console attaching while someone waits is asked at once
        RecordingConsole three = RecordingConsole.attach(server.admins, "console 3");
        assertThat(three.question().text()).isEqualTo("bob (no account, 127.0.0.1) wants to join. Accept? [y/n/a]");
    }

    @Test
    void theFirstAnswerWinsAndEveryOtherConsoleIsToldWhoGaveIt() {
        RecordingConsole one = RecordingConsole.attach(server.admins, "console 1");
        RecordingConsole two = RecordingConsole.attach(server.admins, "console 2");
        FakeClient bob = request("bob");
        one.events();
        two.events();

        assertThat(one.type("y")).isEmpty(); // the answer as the server's own console gives it: nothing to add
        bob.expect(" 001 bob ");
        assertThat(two.type("n")).isEqualTo("No one is waiting.");
        assertThat(two.type("/reject bob")).isEqualTo("No request from bob. Type /pending.");

        assertThat(two.events()).containsExactly("* bob entered the chatroom.", "(console 1) accepted bob");
        assertThat(one.events()).containsExactly("* bob entered the chatroom."); // neither its own deed, nor a miss
        assertThat(server.events()).contains("(console 1) accepted bob").noneMatch(e -> e.contains("No one"));
        assertThat(one.question()).isNull();
        assertThat(two.question()).isNull();
    }

    @Test
    void whatTheServersOwnConsoleDoesIsToldToTheAttachedOnes() {
        RecordingConsole one = RecordingConsole.attach(server.admins, "console 1");
        FakeClient bob = request("bob");
        server.admins.own().run("/reject bob not today").join();
        bob.awaitClosed();
        assertThat(one.expectEvent("^\\(server console\\)")).isEqualTo("(server console) rejected bob: not today");
    }

    @Test
    void changesAreToldInAFewWordsAndWhatChangesNothingIsNot() {
        RecordingConsole one = RecordingConsole.attach(server.admins, "console 1");
        RecordingConsole two = RecordingConsole.attach(server.admins, "console 2");
        server.admin.execute("/topic old"); // the server's own console: one change to skip below
        FakeClient bob = request("bob");
        one.type("y");
        bob.expect(" 366 bob ");
        one.events();
        two.events();

        assertThat(one.type("/kick nobody")).isEqualTo("No user nobody.");
        assertThat(one.type("/users")).contains("bob");
        assertThat(one.type("/mute bob 5")).isEqualTo("Muted bob for 5 minutes.");
        assertThat(one.type("/topic #chatroom release on Friday")).isEqualTo("Topic of #chatroom set.");
        assertThat(one.type("/op bob")).isEqualTo("Mode #chatroom +o bob.");
        assertThat(one.type("/ban bob spam")).isEqualTo("Banned bob!*@* (spam). Disconnected: bob.");
        assertThat(two.events())
                .containsExactly(
                        "(console 1) muted bob",
                        "(console 1) set the topic of #chatroom: release on Friday",
                        "(console 1) set mode #chatroom +o bob",
                        "(console 1) banned bob!*@* (spam)");
        assertThat(one.events()).noneMatch(e -> e.startsWith("(console 1)"));
    }

    @Test
    void aDetachedConsoleGetsNothingMoreAndTheOthersAreTold() {
        RecordingConsole one = RecordingConsole.attach(server.admins, "console 1");
        RecordingConsole two = RecordingConsole.attach(server.admins, "console 2");
        one.events();
        ConsoleAnswer detach = two.attached().run("/detach").join();
        assertThat(detach.detaches()).isTrue();
        two.attached().close();
        assertThat(one.events()).containsExactly("(console 2) detached");

        request("bob");
        assertThat(two.events()).isEmpty();
        assertThat(two.question()).isNull();
        assertThat(one.question().nick()).isEqualTo("bob");
    }

    @Test
    void aShutdownIsToldToTheOthersBeforeTheServerStopsAndNoDetachingAfter() {
        RecordingConsole one = RecordingConsole.attach(server.admins, "console 1");
        RecordingConsole two = RecordingConsole.attach(server.admins, "console 2");
        FakeClient bob = request("bob");
        one.events();
        assertThat(two.type("/shutdown maintenance")).isEmpty();
        bob.awaitClosed();
        assertThat(one.events()).first().isEqualTo("(console 2) is shutting the server down: maintenance");
        assertThat(server.events()).contains("(console 2) is shutting the server down: maintenance");
        assertThat(two.attached().stopped()).isTrue();
        two.attached().close();
        assertThat(one.events()).isEmpty();
    }

    @Test
    void aOneTimePasswordShowsOnlyOnTheConsoleThatAskedForIt() {
        RecordingConsole one = RecordingConsole.attach(server.admins, "console 1");
        RecordingConsole two = RecordingConsole.attach(server.admins, "console 2");
        FakeClient alice = request("alice");
        one.type("y");
        alice.send("REGISTER * * correct-horse").expect("REGISTER SUCCESS");
        two.events();
        String shown = one.type("/resetpass alice");
        assertThat(shown).startsWith(AdminCommands.CONSOLE_ONLY + "One-time password for alice: ");
        String password = shown.split(": ")[1].split("\n")[0];
        assertThat(two.events()).noneMatch(e -> e.contains(password));
        assertThat(server.events()).noneMatch(e -> e.contains(password));
    }
}
