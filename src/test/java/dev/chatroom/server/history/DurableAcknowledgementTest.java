package dev.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.ManualHistoryStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Durable acknowledgement on the real hub, with a store that writes when the test says: what a
 * sender is answered after its message waits for the batch that holds it; nobody else waits.
 */
class DurableAcknowledgementTest {
    private final ManualHistoryStore store = new ManualHistoryStore();
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(), store);

    private FakeClient join(String nick, String caps) {
        FakeClient c = server.connect().registerWithCaps(nick, caps);
        c.sync();
        return c;
    }

    @Test
    void theEchoWaitsForTheBatchWhileTheRoomHasTheMessageAtOnce() {
        FakeClient alice = join("alice", "echo-message");
        FakeClient bob = join("bob", "message-tags");
        alice.sync();

        alice.send("PRIVMSG #chatroom :safe?");
        assertThat(bob.sync()).singleElement().asString().endsWith("PRIVMSG #chatroom :safe?");
        assertThat(alice.sync()).isEmpty();
        assertThat(bob.link().holding()).isFalse();

        store.write();
        assertThat(alice.sync()).singleElement().asString().endsWith("PRIVMSG #chatroom :safe?");
        assertThat(alice.link().holding()).isFalse();
    }

    @Test
    void aPongComesOnceTheMessagesBeforeItAreWrittenAndNeverWaitsForThoseAfter() {
        FakeClient alice = join("alice", "");
        alice.send("PRIVMSG #chatroom :one");
        store.write();
        alice.send("PRIVMSG #chatroom :two");
        alice.send("PING :after-two");
        alice.send("PRIVMSG #chatroom :three");
        alice.send("PING :after-three");
        assertThat(alice.sync()).isEmpty();

        store.writeFirst(1); // a batch with "two" only
        assertThat(alice.sync()).containsExactly(":chatroom PONG chatroom :after-two");
        store.write();
        assertThat(alice.sync()).containsExactly(":chatroom PONG chatroom :after-three");
        assertThat(store.writtenTexts()).containsExactly("one", "two", "three");
    }

    @Test
    void aStoreThatWritesNothingForSecondsIsLateAndNobodyWaitsForItUntilItCatchesUp() {
        FakeClient alice = join("alice", "echo-message standard-replies");
        alice.send("PRIVMSG #chatroom :stuck");
        server.advance(Duration.ofSeconds(2));
        assertThat(alice.sync()).isEmpty();

        server.advance(Duration.ofSeconds(5));
        assertThat(alice.sync())
                .satisfiesExactly(
                        l -> assertThat(l).endsWith(":stuck"),
                        l -> assertThat(l).isEqualTo(":chatroom NOTE * HISTORY_DELAYED :" + DELAYED));
        alice.send("PRIVMSG #chatroom :still stuck");
        assertThat(alice.sync()).singleElement().asString().endsWith(":still stuck"); // told once

        store.write(); // caught up: answers wait for the store again
        alice.send("PRIVMSG #chatroom :flowing");
        assertThat(alice.sync()).isEmpty();
        store.write();
        assertThat(alice.sync()).singleElement().asString().endsWith(":flowing");
    }

    @Test
    void whileHistoryIsPausedChatGoesOnTheAdminSeesItAndNoAccountIsMadeThatCouldNotBeSaved() {
        FakeClient alice = join("alice", "echo-message standard-replies");
        FakeClient bob = join("bob", "");
        alice.sync();
        assertThat(server.admin.execute("/stats")).contains("History: writing, 0 message(s) waiting for the disk");

        store.pause("no space left on device");
        alice.send("PRIVMSG #chatroom :kept for later");
        assertThat(bob.sync()).singleElement().asString().endsWith(":kept for later");
        assertThat(alice.sync()).isEmpty(); // not stored: not acknowledged
        assertThat(server.admin.execute("/stats"))
                .contains("History: paused (no space left on device), 1 message(s) waiting for the disk");
        bob.send("REGISTER * * correct-horse");
        assertThat(bob.sync())
                .containsExactly(":chatroom FAIL REGISTER TEMPORARILY_UNAVAILABLE bob :Accounts cannot be saved now"
                        + " (no space left on device); try again later");

        server.advance(Duration.ofSeconds(7)); // answers come, saying the message is not stored yet
        assertThat(alice.sync())
                .satisfiesExactly(
                        l -> assertThat(l).endsWith(":kept for later"),
                        l -> assertThat(l).isEqualTo(":chatroom NOTE * HISTORY_DELAYED :" + DELAYED));

        store.pause(null);
        store.write();
        assertThat(store.writtenTexts()).containsExactly("kept for later");
        bob.send("REGISTER * * correct-horse");
        bob.expect("REGISTER SUCCESS");
    }

    private static final String DELAYED = "History is behind: your messages are delivered but not stored yet.";

    @Test
    void aLabeledAckWaitsToo() {
        FakeClient alice = join("alice", "labeled-response");
        alice.send("@label=m1 PRIVMSG #chatroom :hello");
        assertThat(alice.sync()).isEmpty();
        store.write();
        assertThat(alice.sync()).containsExactly("@label=m1 :chatroom ACK");
    }

    @Test
    void whatOthersSayMeanwhileReachesTheSenderAfterItsEchoInOrder() {
        FakeClient alice = join("alice", "echo-message");
        FakeClient bob = join("bob", "");
        alice.sync();
        alice.send("PRIVMSG #chatroom :first");
        assertThat(bob.sync()).singleElement().asString().endsWith(":first");
        bob.send("PRIVMSG #chatroom :reply");
        assertThat(alice.sync()).isEmpty();
        store.writeFirst(1); // alice's message; bob's is in the next batch, and only bob waits for it
        assertThat(alice.sync())
                .satisfiesExactly(
                        l -> assertThat(l).endsWith(":first"),
                        l -> assertThat(l).endsWith(":reply"));
        assertThat(bob.link().holding()).isTrue();
        store.write();
        assertThat(bob.link().holding()).isFalse();
    }

    @Test
    void withHistoryOffNothingWaits() {
        try (InMemoryServer off = new InMemoryServer(InMemoryServer.config(b -> b.historyDays(0)), store)) {
            FakeClient alice = off.connect().registerWithCaps("alice", "echo-message");
            alice.sync();
            alice.send("PRIVMSG #chatroom :not kept");
            alice.send("PING :x");
            assertThat(alice.sync()).hasSize(2).last().isEqualTo(":chatroom PONG chatroom :x");
            assertThat(store.waiting()).isZero();
        }
    }

    @Test
    void aPrivateMessageOfAnAccountWaitsAndOneBetweenGuestsDoesNot() {
        FakeClient guest = join("guest", "echo-message");
        FakeClient other = join("other", "");
        guest.sync();
        guest.send("PRIVMSG other :not kept");
        assertThat(guest.sync()).singleElement().asString().endsWith(":not kept");

        FakeClient alice = server.connectSecure("203.0.113.9", null).registerWithCaps("alice", "echo-message");
        alice.send("REGISTER * * correct-horse-alice");
        alice.expect(" 900 ");
        alice.sync();
        alice.send("PRIVMSG other :kept");
        assertThat(other.sync()).anyMatch(l -> l.endsWith(":kept"));
        assertThat(alice.sync()).isEmpty();
        store.write();
        assertThat(alice.sync()).singleElement().asString().endsWith(":kept");
    }

    @Test
    void aQuitWhileHeldIsAnsweredOnceWrittenAndADroppedConnectionLeavesNothingWaiting() {
        FakeClient alice = join("alice", "");
        alice.send("PRIVMSG #chatroom :last words");
        alice.send("QUIT :bye");
        assertThat(alice.sync()).isEmpty();
        store.write();
        assertThat(alice.awaitClosed()).singleElement().asString().startsWith("ERROR :Closing link");

        FakeClient bob = join("bob", "echo-message");
        bob.send("PRIVMSG #chatroom :and gone");
        bob.drop();
        store.write();
        assertThat(bob.link().holding()).isFalse();
        int waiting = server.onLoop(h -> h.history().acknowledgements().senders());
        assertThat(waiting).isZero();
        assertThat(store.writtenTexts()).containsExactly("last words", "and gone");
    }

    @Test
    void aBatchThatCannotBeWrittenReleasesItsSendersAndTellsEachOnce() {
        FakeClient alice = join("alice", "echo-message standard-replies");
        FakeClient plain = join("plain", "");
        alice.sync();
        alice.send("PRIVMSG #chatroom :lost one");
        alice.send("PRIVMSG #chatroom :lost two");
        assertThat(plain.sync()).hasSize(2); // before it said anything itself, nothing waited for it
        plain.send("PRIVMSG #chatroom :lost too");
        assertThat(alice.sync()).isEmpty();

        store.fail();
        assertThat(alice.sync())
                .satisfiesExactly(
                        l -> assertThat(l).endsWith(":lost one"),
                        l -> assertThat(l).endsWith(":lost two"),
                        l -> assertThat(l).endsWith(":lost too"),
                        l -> assertThat(l).isEqualTo(":chatroom NOTE * HISTORY_NOT_STORED :" + NOT_STORED));
        assertThat(plain.sync()).containsExactly(":chatroom NOTICE plain :" + NOT_STORED);

        alice.send("PRIVMSG #chatroom :goes on");
        store.write();
        assertThat(alice.sync()).singleElement().asString().endsWith(":goes on");
    }

    private static final String NOT_STORED = "Some of your messages were delivered but could not be stored in history.";
}
