package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * History in the client against the real server on 127.0.0.1 (its real chatroom.db): the latest
 * messages on entering a room, /history further back, /search, and after a cut connection
 * exactly what was missed.
 */
class ClientHistoryTest {
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Render plain =
            new Render(false, () -> "alice", ZoneId.systemDefault()).rooms(() -> "#chatroom", () -> "#chatroom");

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    /** A client connected to the port, closed after the test. */
    private Recorder connect(int port) throws IOException {
        Recorder r = new Recorder(port, null);
        open.add(r);
        r.client.connect();
        return r;
    }

    private TestServer server() throws Exception {
        TestServer s = TestServer.start();
        open.add(s);
        return s;
    }

    private Recorder joined(TestServer s, String nick) throws Exception {
        Recorder r = connect(s.port());
        r.client.register(nick);
        r.await(ClientEvent.Welcome.class);
        return r;
    }

    private static List<String> texts(List<ClientEvent.Chat> chats) {
        return chats.stream().map(ClientEvent.Chat::text).toList();
    }

    private static void say(IrcTestClient who, String room, String... texts) throws IOException {
        for (String t : texts) who.send("PRIVMSG " + room + " :" + t);
        who.sync(); // the server has taken them, in order
    }

    @Test
    void enteringARoomShowsItsLatestMessagesApartFromLiveOnes() throws Exception {
        TestServer s = server();
        IrcTestClient bob = s.join("bob");
        say(bob, "#chatroom", "one", "two alice");
        Recorder alice = joined(s, "alice");
        ClientEvent.History h = alice.await(ClientEvent.History.class);
        assertThat(h.kind()).isEqualTo(ClientEvent.HistoryKind.JOINED);
        assertThat(h.target()).isEqualTo("#chatroom");
        assertThat(texts(h.messages())).containsExactly("one", "two alice");
        assertThat(alice.seen).noneMatch(e -> e instanceof ClientEvent.Chat); // not mistaken for live messages

        String shown = plain.render(h);
        assertThat(shown.lines().toList()).hasSize(4);
        assertThat(shown)
                .startsWith("--- earlier messages ---\n[")
                .contains("] bob: one\n")
                .endsWith("] bob: two alice\n--- now ---");
        Render ansi =
                new Render(true, () -> "alice", ZoneId.systemDefault()).rooms(() -> "#chatroom", () -> "#chatroom");
        for (String line : ansi.render(h).split("\n"))
            assertThat(line).startsWith("\u001b[2m").endsWith("\u001b[0m"); // faint, no mention highlight
        assertThat(ansi.render(h)).doesNotContain("\u001b[7m");

        alice.client.command("JOIN #empty");
        alice.await(ClientEvent.Entered.class);
        ClientEvent.History none = alice.await(ClientEvent.History.class);
        assertThat(none.messages()).isEmpty();
        assertThat(plain.render(none)).isNull(); // nothing at all for a room without history
    }

    @Test
    void historyFetchesWhatCameBeforeTheOldestShownUntilThereIsNothingMore() throws Exception {
        TestServer s = server();
        IrcTestClient bob = s.join("bob");
        String[] lines = new String[60];
        for (int i = 0; i < lines.length; i++) lines[i] = "m" + i;
        say(bob, "#chatroom", lines);
        Recorder alice = joined(s, "alice");
        ClientEvent.History latest = alice.await(ClientEvent.History.class);
        assertThat(texts(latest.messages())).hasSize(50).startsWith("m10").endsWith("m59");

        alice.client.history("#chatroom", 5);
        ClientEvent.History older = alice.await(ClientEvent.History.class);
        assertThat(older.kind()).isEqualTo(ClientEvent.HistoryKind.OLDER);
        assertThat(texts(older.messages())).containsExactly("m5", "m6", "m7", "m8", "m9");
        assertThat(plain.render(older))
                .startsWith("--- earlier messages ---\n")
                .endsWith("] bob: m9\n--- end of earlier messages ---");

        alice.client.history("#chatroom", 50);
        assertThat(texts(alice.await(ClientEvent.History.class).messages()))
                .containsExactly("m0", "m1", "m2", "m3", "m4");
        alice.client.history("#chatroom", 50);
        assertThat(plain.render(alice.await(ClientEvent.History.class))).isEqualTo("No earlier messages.");

        alice.client.history("#elsewhere", 10);
        assertThat(alice.await(ClientEvent.Problem.class).text())
                .isEqualTo("No history of #elsewhere: You are not in that channel");
    }

    @Test
    void historyOfAPrivateConversationIsAskedByNick() throws Exception {
        TestServer s = server();
        Recorder alice = joined(s, "alice");
        alice.client.command("REGISTER * * :correct-horse-alice");
        alice.await(ClientEvent.LoggedIn.class);
        IrcTestClient bob = s.join("bob");
        bob.send("PRIVMSG alice :psst").sync();
        alice.await(ClientEvent.Chat.class, c -> c.text().equals("psst"));
        alice.client.quit(null);
        alice.client.closed().get(10, TimeUnit.SECONDS);

        Recorder again = connect(s.port());
        again.client.loginWith(null, "correct-horse-alice", false);
        again.client.register("alice");
        again.await(ClientEvent.Welcome.class);
        again.client.history("bob", 10);
        ClientEvent.History h =
                again.await(ClientEvent.History.class, x -> x.target().equals("bob"));
        assertThat(texts(h.messages())).containsExactly("psst");
        assertThat(plain.render(h))
                .startsWith("--- earlier messages with bob ---\n[")
                .contains("] [private] bob: psst\n");
    }

    @Test
    void searchListsTheMatchesOrSaysThereAreNone() throws Exception {
        TestServer s = server();
        IrcTestClient bob = s.join("bob");
        say(bob, "#chatroom", "the deploy failed", "lunch?", "deploy; again");
        Recorder alice = joined(s, "alice");
        alice.client.search("deploy");
        ClientEvent.SearchResults found = alice.await(ClientEvent.SearchResults.class);
        assertThat(texts(found.found())).containsExactly("the deploy failed", "deploy; again");
        String shown = plain.render(found);
        assertThat(shown.lines().toList()).hasSize(3);
        assertThat(shown)
                .matches(
                        "(?s)\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\] #chatroom bob: the deploy failed\n.*\n2 results");

        alice.client.search("deploy; again"); // escaped as a tag value: ';' and ' ' are no separators
        assertThat(texts(alice.await(ClientEvent.SearchResults.class).found())).containsExactly("deploy; again");
        alice.client.search("nothing like it");
        assertThat(plain.render(alice.await(ClientEvent.SearchResults.class)))
                .isEqualTo("No messages match \"nothing like it\".");
    }
}
