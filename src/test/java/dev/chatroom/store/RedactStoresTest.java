package dev.chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.HistoryQuery.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Finding a message by msgid and removing it (REDACT), in both real stores with their own threads:
 * SQLite (writer and readers) and Redis (a real redis-server; skipped when none is installed).
 */
class RedactStoresTest extends HistoryStoresFixture {

    @Test
    void sqliteFindsAndForgetsOneMessage() throws Exception {
        findsAndForgets(sqlite());
    }

    @Test
    void redisFindsAndForgetsOneMessage() throws Exception {
        findsAndForgets(redis("redact:"));
    }

    private void findsAndForgets(HistoryStore store) throws Exception {
        onLoop(() -> {
            store.append(said("r1", 0, "the deploy is done"));
            store.append(said("r2", 1, "the deploy password is hunter2"));
            store.append(privately("p1", 2, "alice", "bob", "a secret"));
            store.append(privately("p2", 3, "bob", "alice", "an answer"));
        });
        assertThat(find(store, Conversation.room("#chat"), "r2"))
                .hasValueSatisfying(m -> assertThat(m.text()).endsWith("hunter2"));
        assertThat(find(store, Conversation.room("#other"), "r2")).isEmpty();
        assertThat(find(store, Conversation.direct("alice", "bob"), "p1")).isPresent();
        assertThat(find(store, Conversation.direct("bob", null), "p1")).isPresent(); // any of bob's conversations
        assertThat(find(store, Conversation.direct("carol", "bob"), "p1")).isEmpty();
        assertThat(find(store, Conversation.room("#chat"), "p1")).isEmpty();

        onLoop(() -> {
            store.redact(said("r2", 1, "the deploy password is hunter2"));
            store.redact(privately("p1", 2, "alice", "bob", "a secret"));
            StoredMessage queued = said("r3", 4, "just said, still queued");
            store.append(queued);
            store.redact(queued); // in order with the append before it: not written back after
        });
        assertThat(texts(store, Conversation.room("#chat"))).containsExactly("the deploy is done");
        assertThat(texts(store, Conversation.direct("alice", "bob"))).containsExactly("an answer");
        assertThat(texts(store, Conversation.direct("bob", "alice"))).containsExactly("an answer");
        SearchResult found = ask(
                then -> store.search(new SearchQuery("deploy", List.of("#chat"), null, null, -1, -1, 10, null), then));
        assertThat(found.messages()).extracting(StoredMessage::text).containsExactly("the deploy is done");
        assertThat(find(store, Conversation.room("#chat"), "r2")).isEmpty();
        assertThat(events).isEmpty();
    }

    private static StoredMessage said(String msgid, long t, String text) {
        return new StoredMessage(
                msgid,
                T0 + t,
                "alice!u@host",
                "alice",
                null,
                null,
                "PRIVMSG",
                "#Chat",
                "#chat",
                null,
                null,
                text,
                Map.of());
    }

    private static StoredMessage privately(String msgid, long t, String from, String to, String text) {
        return new StoredMessage(
                msgid, T0 + t, from + "!u@host", from, from, from, "PRIVMSG", to, null, to, to, text, Map.of());
    }

    private Optional<StoredMessage> find(HistoryStore store, Conversation conv, String msgid) throws Exception {
        return ask(then -> store.find(conv, msgid, then));
    }

    private List<String> texts(HistoryStore store, Conversation conv) throws Exception {
        List<StoredMessage> found = ask(
                then -> store.query(new HistoryQuery(Kind.LATEST, conv, MessageRef.NONE, MessageRef.NONE, 10), then));
        return found.stream().map(StoredMessage::text).toList();
    }
}
