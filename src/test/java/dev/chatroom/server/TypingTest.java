package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.StoredMessage;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.ManualHistoryStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Typing notifications (+typing on TAGMSG): relayed to message-tags clients only, never stored, and
 * per sender and target at most one active every three seconds, paused and done never repeated;
 * the excess dropped without a word. In memory, on the manual clock.
 */
class TypingTest {
    private final ManualHistoryStore store = new ManualHistoryStore();
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(), store);
    private final FakeClient alice = server.connect().registerWithCaps("alice", "message-tags echo-message");
    private final FakeClient bob = server.connect().registerWithCaps("bob", "message-tags");
    private final FakeClient plain = server.join("plain");

    {
        alice.sync();
        bob.sync();
    }

    /** The typing states bob was told of, in order, as "target=value". */
    private List<String> typingSeenByBob() {
        return bob.sync().stream()
                .filter(l -> l.contains(" TAGMSG "))
                .map(l -> l.replaceAll(".*TAGMSG (\\S+).*", "$1") + "=" + l.replaceAll(".*\\+typing=([a-z]*).*", "$1"))
                .toList();
    }

    private void type(String target, String value) {
        alice.send("@+typing=" + value + " TAGMSG " + target);
    }

    @Test
    void activeGoesOutOnceEveryThreeSecondsPerTarget() {
        type("#chatroom", "active");
        type("#chatroom", "active");
        type("bob", "active"); // another target: its own pace
        server.advance(Duration.ofMillis(2999));
        type("#chatroom", "active");
        assertThat(typingSeenByBob()).containsExactly("#chatroom=active", "bob=active");
        assertThat(alice.sync()) // the echoes of what went out; of the rest nothing, not even an error
                .hasSize(2)
                .allMatch(l -> l.contains(" TAGMSG "));

        server.advance(Duration.ofMillis(1));
        type("#chatroom", "active");
        type("#chatroom", "paused");
        type("#chatroom", "active"); // a pause does not reopen the three seconds
        assertThat(typingSeenByBob()).containsExactly("#chatroom=active", "#chatroom=paused");
    }

    @Test
    void pausedAndDoneAreNeverRepeatedAndFollowTyping() {
        type("bob", "paused"); // nothing typed yet: nothing to pause
        type("bob", "done");
        type("bob", "active");
        type("bob", "paused");
        type("bob", "paused");
        type("bob", "done");
        type("bob", "done");
        type("bob", "paused");
        assertThat(typingSeenByBob()).containsExactly("bob=active", "bob=paused", "bob=done");

        type("bob", "bogus"); // unknown values are paced as active
        server.advance(Duration.ofSeconds(3));
        type("bob", "bogus");
        type("bob", "bogus");
        assertThat(typingSeenByBob()).containsExactly("bob=bogus");
    }

    @Test
    void theDraftNameIsPacedAlikeAndOtherClientTagsAreNot() {
        alice.send("@+draft/typing=active TAGMSG bob");
        alice.send("@+typing=active TAGMSG bob");
        alice.send("@+draft/react=wave TAGMSG bob");
        alice.send("@+draft/react=wave TAGMSG bob");
        assertThat(bob.sync())
                .hasSize(3)
                .anyMatch(l -> l.contains("+draft/typing=active"))
                .filteredOn(l -> l.contains("+draft/react=wave"))
                .hasSize(2);
    }

    @Test
    void typingReachesOnlyMessageTagsClientsAndIsNeverStored() {
        type("#chatroom", "active");
        type("plain", "active");
        assertThat(typingSeenByBob()).containsExactly("#chatroom=active");
        assertThat(plain.sync()).isEmpty();

        alice.send("@+typing=done;+draft/reply=x PRIVMSG #chatroom :sent");
        assertThat(bob.expect("PRIVMSG")).contains("+typing=done");
        store.write();
        assertThat(store.written())
                .singleElement()
                .extracting(StoredMessage::text, StoredMessage::clientTags)
                .containsExactly("sent", Map.of("+draft/reply", "x"));
    }
}
