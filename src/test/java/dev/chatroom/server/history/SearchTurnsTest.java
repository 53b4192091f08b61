package dev.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.Conversation;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.SearchResult;
import dev.chatroom.store.StoredMessage;
import dev.chatroom.store.TargetTime;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SEARCH on the real hub, with a store that answers when the test says: one search at a time per address, and what a cut-short search says. */
class SearchTurnsTest {
    /** A history store whose searches wait for the test to answer them. */
    private static final class HeldSearches implements HistoryStore {
        final List<String> asked = new ArrayList<>();
        final List<Consumer<SearchResult>> answers = new ArrayList<>();

        @Override
        public void search(SearchQuery q, Consumer<SearchResult> then) {
            asked.add(q.words());
            answers.add(then);
        }

        void answer(String words, SearchResult r) {
            answers.get(asked.indexOf(words)).accept(r);
        }

        @Override
        public long append(StoredMessage m) {
            return 0;
        }

        @Override
        public void query(HistoryQuery q, Consumer<List<StoredMessage>> then) {
            then.accept(List.of());
        }

        @Override
        public void targets(
                List<String> roomKeys,
                String accountKey,
                long afterMillis,
                long beforeMillis,
                int limit,
                Consumer<List<TargetTime>> then) {
            then.accept(List.of());
        }

        @Override
        public List<StoredMessage> recentPerRoom(int perRoom) {
            return List.of();
        }

        @Override
        public void prune(long olderThanMillis, int maxPerRoom) {}

        @Override
        public void find(Conversation conv, String msgid, Consumer<Optional<StoredMessage>> then) {
            then.accept(Optional.empty());
        }

        @Override
        public void redact(StoredMessage m) {}

        @Override
        public void purge(String roomKey, String nickKey, Consumer<Integer> then) {
            then.accept(0);
        }
    }

    private final HeldSearches store = new HeldSearches();
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(), store);

    @AfterEach
    void close() {
        server.close();
    }

    private FakeClient join(String nick, String host) {
        FakeClient c = server.connect(host)
                .registerWithCaps(nick, "batch server-time message-tags labeled-response soju.im/search");
        c.sync();
        return c;
    }

    private static StoredMessage said(String text) {
        return new StoredMessage(
                "id-" + text,
                1_700_000_000_000L,
                "bob!~bob@host",
                "bob",
                null,
                null,
                "PRIVMSG",
                "#chatroom",
                "#chatroom",
                null,
                null,
                text,
                Map.of());
    }

    @Test
    void aSecondSearchFromTheSameAddressWaitsForTheFirstWhileAnotherAddressGoesOn() {
        FakeClient phone = join("alice", "10.0.0.1");
        FakeClient laptop = join("alice2", "10.0.0.1");
        FakeClient bob = join("bob", "10.0.0.2");
        phone.send("SEARCH text=one");
        laptop.send("SEARCH text=two");
        bob.send("SEARCH text=three");
        assertThat(store.asked).containsExactly("one", "three");

        store.answer("one", SearchResult.NONE);
        assertThat(phone.sync()).anyMatch(l -> l.contains(" BATCH -"));
        assertThat(store.asked).containsExactly("one", "three", "two"); // the address's turn passed on
        store.answer("two", SearchResult.NONE);
        assertThat(laptop.sync()).anyMatch(l -> l.contains(" BATCH -"));
        store.answer("three", SearchResult.NONE);
        assertThat(bob.sync()).anyMatch(l -> l.contains(" BATCH -"));
    }

    @Test
    void aWaitingSearchWhoseClientLeftIsNotRunAndTheNextOneIs() {
        FakeClient first = join("alice", "10.0.0.1");
        FakeClient leaving = join("alice2", "10.0.0.1");
        FakeClient third = join("alice3", "10.0.0.1");
        first.send("SEARCH text=one");
        leaving.send("SEARCH text=two");
        third.send("SEARCH text=three");
        leaving.send("QUIT");
        store.answer("one", SearchResult.NONE);
        assertThat(store.asked).containsExactly("one", "three");
        store.answer("three", SearchResult.NONE);
        assertThat(third.sync()).anyMatch(l -> l.contains(" BATCH -"));
    }

    @Test
    void aSearchCutShortAnswersWithWhatItFoundAndSaysSo() {
        FakeClient alice = join("alice", "10.0.0.1");
        alice.send("@label=s1 SEARCH text=deploy");
        store.answer("deploy", new SearchResult(List.of(said("deploy failed")), true));
        List<String> lines = alice.sync();
        assertThat(lines.get(0)).matches("@label=s1 :chatroom BATCH \\+\\S+ labeled-response");
        assertThat(lines.get(1)).matches("@batch=\\S+ :chatroom BATCH \\+\\S+ soju.im/search");
        assertThat(lines.get(2)).endsWith(" PRIVMSG #chatroom :deploy failed");
        assertThat(lines.get(3)).matches("@batch=\\S+ :chatroom BATCH -\\S+");
        assertThat(lines.get(4))
                .matches("@batch=\\S+ :chatroom NOTE SEARCH CUT_SHORT :Search stopped early; older matches may"
                        + " exist\\. More words search further back\\.");
        assertThat(lines.get(5))
                .isEqualTo(":chatroom BATCH -" + lines.get(0).split("\\+")[1].split(" ")[0]);

        alice.send("SEARCH text=complete");
        store.answer("complete", new SearchResult(List.of(said("complete")), false));
        assertThat(alice.sync()).noneMatch(l -> l.contains("NOTE"));
    }
}
