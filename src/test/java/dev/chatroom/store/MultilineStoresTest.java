package dev.chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.HistoryQuery.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A multiline message kept by both real stores with their own threads, SQLite and Redis (a real
 * redis-server; skipped when none is installed): one message whose text has line breaks, its lines
 * given back as they were sent (blank and concat lines too), found by a word of any line, removed whole.
 */
class MultilineStoresTest extends HistoryStoresFixture {

    @Test
    void sqliteKeepsMultilineMessages() throws Exception {
        keepsMultilineMessages(sqlite());
    }

    @Test
    void redisKeepsMultilineMessages() throws Exception {
        keepsMultilineMessages(redis("multiline:"));
    }

    private void keepsMultilineMessages(HistoryStore store) throws Exception {
        List<MultilineText.Line> lines = List.of(
                new MultilineText.Line("hello; a\\b", false),
                new MultilineText.Line("", false),
                new MultilineText.Line("how is ", false),
                new MultilineText.Line("everyone?", true));
        MultilineText text = MultilineText.of(lines);
        StoredMessage before = said("m1", 0, "PRIVMSG", "first", Map.of());
        StoredMessage multiline = said("m2", 1, "PRIVMSG", text.text(), text.storedTags(tags("+draft/reply", "m1")));
        StoredMessage after = said("m3", 2, "PRIVMSG", "last", Map.of());
        onLoop(() -> List.of(before, multiline, after).forEach(store::append));

        List<StoredMessage> all = query(store, Kind.LATEST, MessageRef.NONE, 10);
        assertThat(all).containsExactly(before, multiline, after);
        StoredMessage back = all.get(1);
        assertThat(back.text()).isEqualTo("hello; a\\b\n\nhow is everyone?");
        assertThat(MultilineText.of(back).lines()).isEqualTo(lines);
        assertThat(MultilineText.clientTags(back)).isEqualTo(Map.of("+draft/reply", "m1"));
        SearchResult found = ask(then ->
                store.search(new SearchQuery("everyone", List.of("#chat"), null, null, -1, -1, 10, null), then));
        assertThat(found.messages()).containsExactly(multiline);

        onLoop(() -> store.redact(multiline));
        assertThat(query(store, Kind.LATEST, MessageRef.NONE, 10)).containsExactly(before, after);
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
