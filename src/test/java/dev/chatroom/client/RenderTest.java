package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderTest {
    private static final Instant T = Instant.parse("2026-11-24T10:02:33Z");
    private final Render plain = new Render(false, () -> "alice", ZoneOffset.UTC);
    private final Render ansi = new Render(true, () -> "alice", ZoneOffset.UTC);

    private static ClientEvent.Chat room(String from, String text) {
        return new ClientEvent.Chat(T, from, "#chatroom", null, text, false, false);
    }

    @Test
    void roomMessage() {
        assertThat(plain.render(room("bob", "hello"))).isEqualTo("[10:02] bob: hello");
    }

    @Test
    void usesTheServerTimeOfTheMessage() {
        Render paris = new Render(false, () -> "alice", ZoneOffset.ofHours(1));
        assertThat(paris.render(room("bob", "hi"))).isEqualTo("[11:02] bob: hi");
    }

    @Test
    void privateMessagesAreMarkedBothWays() {
        assertThat(plain.render(new ClientEvent.Chat(T, "bob", null, "alice", "psst", false, false)))
                .isEqualTo("[10:02] [private] bob: psst");
        assertThat(plain.render(new ClientEvent.Chat(T, "alice", null, "bob", "see you", false, false)))
                .isEqualTo("[10:02] [to bob] see you");
        assertThat(plain.render(new ClientEvent.Chat(T, "bob", null, "alice", "waves", true, false)))
                .isEqualTo("[10:02] [private] * bob waves");
    }

    @Test
    void actionsNoticesJoinsAndLeaves() {
        assertThat(plain.render(new ClientEvent.Chat(T, "bob", "#chatroom", null, "waves", true, false)))
                .isEqualTo("[10:02] * bob waves");
        assertThat(plain.render(new ClientEvent.Chat(T, "bob", "#chatroom", null, "fyi", false, true)))
                .isEqualTo("[10:02] -bob- fyi");
        assertThat(plain.render(new ClientEvent.Joined(T, "bob", "#chatroom")))
                .isEqualTo("[10:02] * bob entered the chatroom.");
        assertThat(plain.render(new ClientEvent.Left(T, "bob", null, "left the chat")))
                .isEqualTo("[10:02] * bob left the chat.");
        assertThat(plain.render(new ClientEvent.Left(T, "bob", null, null))).isEqualTo("[10:02] * bob left the chat.");
        assertThat(plain.render(new ClientEvent.Left(T, "bob", null, "connection lost")))
                .isEqualTo("[10:02] * bob left the chat (connection lost)");
        assertThat(plain.render(new ClientEvent.NickChanged(T, "bob", "rob")))
                .isEqualTo("[10:02] * bob is now known as rob.");
    }

    @Test
    void plainOutputStripsMircFormatting() {
        assertThat(plain.render(room("bob", "\u000303green\u000F and \u0002bold\u0002")))
                .isEqualTo("[10:02] bob: green and bold");
    }

    @Test
    void colorOutputRendersMircAsAnsi() {
        String line = ansi.render(room("bob", "\u000304red\u000F \u0002bold\u0002 \u001Dit\u001D \u001Fu\u001F"));
        assertThat(line)
                .contains(
                        "\u001b[0m\u001b[91mred",
                        "\u001b[0m\u001b[1mbold",
                        "\u001b[0m\u001b[3mit",
                        "\u001b[0m\u001b[4mu");
        assertThat(line).endsWith("\u001b[0m");
    }

    @Test
    void backgroundColors() {
        assertThat(ansi.render(room("bob", "\u00030,4x"))).contains("\u001b[97;101mx");
    }

    @Test
    void remoteEscapeSequencesNeverReachTheTerminal() {
        String evil = "hi\u001b[2J\u001b]0;owned\u0007\u001b[31m";
        assertThat(ansi.render(room("bob", evil))).doesNotContain("\u001b[2J", "owned", "\u001b[31m");
        assertThat(plain.render(room("bob", evil))).isEqualTo("[10:02] bob: hi");
        assertThat(plain.render(new ClientEvent.Left(T, "bob\u001b[2J", null, "\u001b]0;x\u0007bye")))
                .isEqualTo("[10:02] * bob left the chat (bye)");
    }

    @Test
    void nickColorIsStableAndDiffersBetweenNicks() {
        assertThat(ansi.nick("bob"))
                .isEqualTo(ansi.nick("bob"))
                .isEqualTo(new Render(true, () -> "x", ZoneOffset.UTC).nick("bob"));
        assertThat(ansi.nick("Bob")).startsWith(ansi.nick("bob").substring(0, 5)); // same color ignoring case
        assertThat(List.of("bob", "carol", "dave", "erin", "frank").stream()
                        .map(n -> ansi.nick(n).substring(0, 5))
                        .distinct()
                        .count())
                .isGreaterThan(1);
        assertThat(plain.nick("bob")).isEqualTo("bob");
    }

    @Test
    void mentionsAreHighlighted() {
        String line = ansi.render(room("bob", "hey alice, look"));
        assertThat(line).contains("\u001b[7malice\u001b[0m").contains("\u001b[1m");
        assertThat(Mentions.mentions("hey Alice!", "alice")).isTrue();
        assertThat(Mentions.mentions("malice aforethought", "alice")).isFalse();
        assertThat(Mentions.mentions("alice_ is someone else", "alice")).isFalse();
        assertThat(ansi.render(room("alice", "I am alice"))).doesNotContain("\u001b[7m"); // not one's own lines
    }

    @Test
    void welcomeMembersAndClosing() {
        assertThat(plain.render(new ClientEvent.Welcome("alice", "#chatroom", List.of("alice", "bob"))))
                .isEqualTo("Welcome to #chatroom, alice. Type /help for commands.\nIn #chatroom (2): alice, bob");
        assertThat(plain.render(new ClientEvent.Closed(
                        "the admin rejected your request: not today", true, ClientEvent.Ending.REJECTED)))
                .isEqualTo("The admin rejected your request: not today.");
        assertThat(plain.render(new ClientEvent.Closed("connection lost", false, ClientEvent.Ending.LOST)))
                .isEqualTo("Disconnected: connection lost");
        assertThat(plain.render(new ClientEvent.Closed("bye", false, ClientEvent.Ending.LEFT)))
                .isEqualTo("You left the chat.");
    }

    @Test
    void nameRefusals() {
        assertThat(Render.nameRefused("bob", "is already taken"))
                .isEqualTo("The name bob is already taken. Choose another.");
        assertThat(Render.nameRefused("1x", "is not allowed"))
                .startsWith("The name 1x is not allowed: use 1-30 ASCII letters (a-z, A-Z), digits or");
        assertThat(Render.nameRefused("Zoë", "is not allowed"))
                .isEqualTo(
                        "The name Zoë is not allowed: use 1-30 ASCII letters (a-z, A-Z), digits or -_[]\\`^{}|, not starting with a digit or -.");
    }

    @Test
    void loggedInSendersAreMarkedAndAnotherAccountIsNamed() {
        assertThat(plain.render(new ClientEvent.Chat(T, "bob", "#chatroom", null, "hi", false, false, "bob")))
                .isEqualTo("[10:02] bob\u2713: hi");
        assertThat(plain.render(new ClientEvent.Chat(T, "Bob", "#chatroom", null, "hi", false, false, "bob")))
                .isEqualTo("[10:02] Bob\u2713: hi");
        assertThat(plain.render(new ClientEvent.Chat(T, "b0b", "#chatroom", null, "hi", false, false, "mallory")))
                .isEqualTo("[10:02] b0b(mallory\u2713): hi");
        assertThat(plain.render(new ClientEvent.Chat(T, "bob", "#chatroom", null, "waves", true, false, "bob")))
                .isEqualTo("[10:02] * bob\u2713 waves");
        assertThat(plain.render(room("bob", "hi"))).isEqualTo("[10:02] bob: hi");
    }

    @Test
    void loginOutcomesInWords() {
        assertThat(plain.render(new ClientEvent.LoggedIn("alice"))).isEqualTo("Logged in as alice.");
        assertThat(plain.render(new ClientEvent.LoginFailed(
                        "alice", "SASL authentication failed: wrong account name or password")))
                .isEqualTo("Login failed for alice: wrong account name or password.");
        assertThat(plain.render(new ClientEvent.NameRefused("alice", "is registered to an account", true)))
                .isEqualTo("The name alice is registered to an account.");
    }

    @Test
    void memberListsMarkWhoIsLoggedInAsFarAsKnown() {
        Map<String, String> accounts = Map.of("bob", "bob", "b0b", "mallory");
        Render r = new Render(false, () -> "alice", ZoneOffset.UTC).accounts(accounts::get, true);
        assertThat(r.render(new ClientEvent.Members("#chatroom", List.of("alice", "bob", "b0b"))))
                .isEqualTo("In #chatroom (3): alice, bob\u2713, b0b(mallory\u2713)");
        Render ascii = new Render(false, () -> "alice", ZoneOffset.UTC).accounts(accounts::get, false);
        assertThat(ascii.render(new ClientEvent.Chat(T, "bob", "#chatroom", null, "hi", false, false, "bob")))
                .isEqualTo("[10:02] bob+: hi");
    }

    @Test
    void registeringSaysItOnce() {
        assertThat(plain.render(new ClientEvent.LoggedIn("alice", true))).isNull();
    }

    @Test
    void historyFromAnotherDayIsDatedAndSearchResultsNameTheirPlace() {
        Instant old = Instant.parse("2020-01-02T03:04:05Z");
        Render r = new Render(false, () -> "alice", ZoneOffset.UTC).rooms(() -> "#chatroom", () -> "#chatroom");
        ClientEvent.Chat said = new ClientEvent.Chat(old, "bob", "#dev", null, "hi", false, false);
        assertThat(r.render(new ClientEvent.History("#dev", ClientEvent.HistoryKind.MISSED, List.of(said))))
                .isEqualTo("--- while you were away in #dev ---\n[2020-01-02 03:04] [#dev] bob: hi\n--- now ---");
        ClientEvent.Chat secret = new ClientEvent.Chat(old, "bob", null, "alice", "psst", false, false);
        assertThat(r.render(new ClientEvent.SearchResults("hi", List.of(said, secret))))
                .isEqualTo("[2020-01-02 03:04] #dev bob: hi\n[2020-01-02 03:04] [private] bob: psst\n2 results");
        assertThat(r.render(new ClientEvent.History("bob", ClientEvent.HistoryKind.OLDER, List.of())))
                .isEqualTo("No earlier messages with bob.");
    }

    @Test
    void theUnreadLineStandsWhereReadingStopped() {
        ClientEvent.Chat read = new ClientEvent.Chat(T, "bob", "#chatroom", null, "read", false, false);
        ClientEvent.Chat fresh = new ClientEvent.Chat(T.plusSeconds(60), "bob", "#chatroom", null, "new", false, false);
        assertThat(plain.render(
                        new ClientEvent.History("#chatroom", ClientEvent.HistoryKind.JOINED, List.of(read, fresh), T)))
                .isEqualTo("--- earlier messages in #chatroom ---\n[2026-11-24 10:02] bob: read\n--- unread ---\n"
                        + "[2026-11-24 10:03] bob: new\n"
                        + "--- now ---");
        // all read, or no marker: no line
        assertThat(plain.render(new ClientEvent.History(
                        "#chatroom", ClientEvent.HistoryKind.JOINED, List.of(read, fresh), T.plusSeconds(60))))
                .doesNotContain("unread");
        assertThat(plain.render(new ClientEvent.History("#chatroom", ClientEvent.HistoryKind.JOINED, List.of(read))))
                .doesNotContain("unread");
        // all unread: on joining it says so; what was missed says it already
        assertThat(plain.render(new ClientEvent.History(
                        "#chatroom", ClientEvent.HistoryKind.JOINED, List.of(fresh), T.minusSeconds(1))))
                .startsWith("--- earlier messages in #chatroom ---\n--- unread ---\n");
        assertThat(plain.render(new ClientEvent.History(
                        "#chatroom", ClientEvent.HistoryKind.MISSED, List.of(fresh), T.minusSeconds(1))))
                .doesNotContain("unread");
    }

    @Test
    void reactionsRepliesAndTheirListAreCleanedAndShort() {
        java.time.Instant t = java.time.Instant.parse("2026-01-01T10:00:00Z");
        ClientEvent.Chat deploy =
                new ClientEvent.Chat(t, "alice", "#chatroom", null, "the deploy failed again, badly", false, false);
        ClientEvent.Chat reply =
                new ClientEvent.Chat(t, "bob", "#chatroom", null, "ok, on it", false, false, null, deploy);
        Render ascii = new Render(false, () -> "carol", ZoneOffset.UTC).accounts(n -> null, false);
        assertThat(ascii.render(reply)).isEqualTo("[10:00] bob -> alice: \"the deploy...\" ok, on it");
        assertThat(plain.render(new ClientEvent.Reacted(t, "bob\u001b[2J", "#chatroom", "\u2764\u0007", null)))
                .isEqualTo("[10:00] * bob reacted \u2764");
        assertThat(plain.render(new ClientEvent.Reacted(t, "bob", null, "+1", deploy)))
                .isEqualTo("[10:00] * bob reacted +1 to alice: \"the deploy failed again, badly\"");
        assertThat(plain.render(new ClientEvent.Recent("reply", java.util.List.of())))
                .isEqualTo("No messages here yet to reply to.");
        assertThat(plain.render(new ClientEvent.Typing("bob", "#chatroom", "active")))
                .isNull();
    }
}
