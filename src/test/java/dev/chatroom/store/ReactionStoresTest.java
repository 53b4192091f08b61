package dev.chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.HistoryQuery.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A reply's and a reaction's tags kept by both real stores with their own threads, SQLite and Redis
 * (a real redis-server; skipped when none is installed): a TAGMSG with empty text among the
 * PRIVMSGs, in order, its tags as they were (values that need escaping too), and removable by msgid.
 */
class ReactionStoresTest extends HistoryStoresFixture {
    /** A value with everything a tag value escapes: ; space \ and a line end, and an emoji. */
    private static final String REACTION = "\uD83C\uDF89 a;b\\c\r\n";

    @Test
    void sqliteKeepsRepliesAndReactions() throws Exception {
        keepsRepliesAndReactions(sqlite());
    }

    @Test
    void redisKeepsRepliesAndReactions() throws Exception {
        keepsRepliesAndReactions(redis("react:"));
    }

    private void keepsRepliesAndReactions(HistoryStore store) throws Exception {
        StoredMessage first = said("m1", 0, "PRIVMSG", "the deploy is done", Map.of());
        StoredMessage reply = said("m2", 1, "PRIVMSG", "great news", Map.of("+draft/reply", "m1"));
        StoredMessage reaction = said("m3", 2, "TAGMSG", "", tags("+draft/react", REACTION, "+draft/reply", "m1"));
        StoredMessage last = said("m4", 3, "PRIVMSG", "thanks", Map.of());
        onLoop(() -> List.of(first, reply, reaction, last).forEach(store::append));

        assertThat(query(store, Kind.LATEST, MessageRef.NONE, 10)).containsExactly(first, reply, reaction, last);
        assertThat(query(store, Kind.BEFORE, MessageRef.msgid("m4"), 2)).containsExactly(reply, reaction);
        assertThat(query(store, Kind.AFTER, MessageRef.msgid("m1"), 2)).containsExactly(reply, reaction);
        assertThat(query(store, Kind.AFTER, MessageRef.time(T0 + 1), 10)).containsExactly(reaction, last);
        SearchResult found = ask(
                then -> store.search(new SearchQuery("great", List.of("#chat"), null, null, -1, -1, 10, null), then));
        assertThat(found.messages()).containsExactly(reply);

        onLoop(() -> store.redact(reaction));
        assertThat(query(store, Kind.LATEST, MessageRef.NONE, 10)).containsExactly(first, reply, last);
        assertThat(events).isEmpty();
    }

    private static Map<String, String> tags(String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) out.put(namesAndValues[i], namesAndValues[i + 1]);
        return out;
    }

    private static StoredMessage said(String msgid, long t, String command, String text, Map<String, String> tags) {
        return new StoredMessage(
                msgid, T0 + t, "bob!u@host", "bob", null, null, command, "#Chat", "#chat", null, null, text, tags);
    }

    private List<StoredMessage> query(HistoryStore store, Kind kind, MessageRef from, int limit) throws Exception {
        return ask(then ->
                store.query(new HistoryQuery(kind, Conversation.room("#chat"), from, MessageRef.NONE, limit), then));
    }
}
