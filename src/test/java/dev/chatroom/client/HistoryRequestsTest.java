package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.irc.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A server that offers batch but not draft/chathistory replays a room by itself on joining; the
 * lines are those our server writes then (HistoryLines.replay). Also: labels match answers to
 * requests, whatever order they come in.
 */
class HistoryRequestsTest {
    private final List<String> sent = new ArrayList<>();
    private final List<ClientEvent> events = new ArrayList<>();

    private HistoryRequests requests(String... caps) {
        return new HistoryRequests(sent::add, Set.of(caps)::contains, events::add);
    }

    private static void feed(HistoryRequests h, String... lines) {
        for (String l : lines) assertThat(h.absorb(Message.parse(l))).as(l).isTrue();
    }

    private static String[] replay(String id, String... texts) {
        List<String> lines = new ArrayList<>(List.of(":chatroom BATCH +" + id + " chathistory #chatroom"));
        for (int i = 0; i < texts.length; i++) {
            lines.add("@batch=" + id + ";time=2026-12-02T10:00:0" + i + ".000Z;msgid=" + texts[i]
                    + " :bob!~bob@127.0.0.1 PRIVMSG #chatroom :" + texts[i]);
        }
        lines.add(":chatroom BATCH -" + id);
        return lines.toArray(new String[0]);
    }

    @Test
    void theServersOwnReplayIsHistoryAndAfterAReconnectionOnlyWhatWasMissed() {
        HistoryMarks marks = new HistoryMarks();
        HistoryRequests first = requests("batch", "server-time");
        first.remembering(marks, List.of());
        first.entered("#chatroom");
        assertThat(sent).isEmpty(); // no draft/chathistory: nothing to ask, the server replays
        feed(first, replay("H1", "a", "b"));
        ClientEvent.History h = (ClientEvent.History) events.get(0);
        assertThat(h.kind()).isEqualTo(ClientEvent.HistoryKind.JOINED);
        assertThat(h.messages()).extracting(ClientEvent.Chat::text).containsExactly("a", "b");

        HistoryRequests again = requests("batch", "server-time");
        again.remembering(marks, List.of("#chatroom"));
        again.entered("#chatroom");
        feed(again, replay("H2", "a", "b", "c", "d"));
        ClientEvent.History missed = (ClientEvent.History) events.get(1);
        assertThat(missed.kind()).isEqualTo(ClientEvent.HistoryKind.MISSED);
        assertThat(missed.messages()).extracting(ClientEvent.Chat::text).containsExactly("c", "d");

        assertThat(again.absorb(Message.parse(":bob!~bob@127.0.0.1 PRIVMSG #chatroom :live")))
                .isFalse();
        again.older("#chatroom", 10);
        assertThat(((ClientEvent.Problem) events.get(2)).text())
                .isEqualTo("This server keeps no history (no draft/chathistory).");
        again.search("x");
        assertThat(((ClientEvent.Problem) events.get(3)).text())
                .isEqualTo("This server does not offer search (no soju.im/search).");
    }

    @Test
    void labelsTellWhichAnswerIsWhich() {
        HistoryRequests h = requests(
                "batch", "server-time", "message-tags", "labeled-response", "draft/chathistory", "soju.im/search");
        h.entered("#chatroom");
        h.search("deploy failed");
        assertThat(sent)
                .containsExactly(
                        "@label=h1 CHATHISTORY LATEST #chatroom * 50", "@label=h2 SEARCH text=deploy\\sfailed");
        feed(h, "@label=h2 :chatroom FAIL SEARCH INVALID_PARAMS :Give the words to find: text=...");
        assertThat(((ClientEvent.Problem) events.get(0)).text())
                .isEqualTo("Search failed: Give the words to find: text=...");
        String[] answer = replay("H9", "a");
        answer[0] = "@label=h1 " + answer[0];
        feed(h, answer);
        assertThat(((ClientEvent.History) events.get(1)).kind()).isEqualTo(ClientEvent.HistoryKind.JOINED);

        h.older("#chatroom", 20);
        assertThat(sent.get(2)).isEqualTo("@label=h3 CHATHISTORY BEFORE #chatroom msgid=a 20");
        feed(h, "@label=h3 :chatroom BATCH +H10 chathistory #chatroom", ":chatroom BATCH -H10");
        ClientEvent.History none = (ClientEvent.History) events.get(2);
        assertThat(none.kind()).isEqualTo(ClientEvent.HistoryKind.OLDER);
        assertThat(none.messages()).isEmpty();
    }

    @Test
    void reactionsInHistoryAreSummedOnTheirMessageAndRepliesLinked() {
        HistoryRequests h = requests("batch", "server-time", "message-tags");
        List<Message> remembered = new ArrayList<>();
        h.seen(msgid -> null, remembered::add);
        String at = ";time=2026-12-02T10:00:0";
        feed(
                h,
                ":chatroom BATCH +R chathistory #chatroom",
                "@batch=R" + at + "0.000Z;msgid=a :alice!~a@127.0.0.1 PRIVMSG #chatroom :the deploy failed",
                "@batch=R" + at + "1.000Z;msgid=r1;+draft/react=\uD83D\uDC4D;+draft/reply=a :bob!~b@h TAGMSG #chatroom",
                "@batch=R" + at + "2.000Z;msgid=r2;+draft/react=\u2764;+draft/reply=a :carol!~c@h TAGMSG #chatroom",
                "@batch=R" + at
                        + "3.000Z;msgid=r3;+draft/react=\uD83D\uDC4D;+draft/reply=a :dave!~d@h TAGMSG #chatroom",
                "@batch=R" + at + "4.000Z;msgid=r4;+draft/react=x;+draft/reply=gone :dave!~d@h TAGMSG #chatroom",
                "@batch=R" + at + "5.000Z;msgid=b;+draft/reply=a :bob!~b@h PRIVMSG #chatroom :ok, on it",
                ":chatroom BATCH -R");
        ClientEvent.History shown = (ClientEvent.History) events.get(0);
        assertThat(shown.messages())
                .extracting(ClientEvent.Chat::text)
                .containsExactly("the deploy failed", "ok, on it");
        assertThat(shown.messages().get(0).reactions()).isEqualTo("\uD83D\uDC4D 2, \u2764 1");
        assertThat(shown.messages().get(1).inReplyTo().text()).isEqualTo("the deploy failed");
        assertThat(remembered).hasSize(2);
        String text = new Render(false, () -> "zed", java.time.ZoneOffset.UTC).render(shown);
        assertThat(text)
                .contains("alice: the deploy failed  (\uD83D\uDC4D 2, \u2764 1)\n")
                .contains("bob \u21aa alice: \"the deploy...\" ok, on it\n");
    }
}
