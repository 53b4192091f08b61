package dev.chatroom.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.Conversation;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.HistoryQuery.Kind;
import dev.chatroom.store.MessageRef;
import dev.chatroom.store.SearchLimits;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.SearchResult;
import dev.chatroom.store.StoredMessage;
import dev.chatroom.store.TargetTime;
import dev.chatroom.testing.Await;
import dev.chatroom.testing.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RedisHistoryStore against a real redis-server: the answers HistoryTest expects of the SQLite
 * store, by msgid and by timestamp, and what only a network store has to survive (Redis killed,
 * appends made while it is down). Tests share one Redis under different key prefixes; those that
 * kill it start their own.
 */
class RedisHistoryStoreTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final AtomicInteger TESTS = new AtomicInteger();
    private static RedisServer shared;

    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final List<RedisHistoryStore> stores = new ArrayList<>();
    private ExecutorService loop;
    private Thread loopThread;
    private String prefix;
    private RedisHistoryStore store;

    @BeforeAll
    static void startRedis() throws Exception {
        shared = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (shared != null) shared.close();
    }

    @BeforeEach
    void open() throws Exception {
        loop = Executors.newSingleThreadExecutor(r -> loopThread = new Thread(r, "test-loop"));
        prefix = "test" + TESTS.incrementAndGet() + ":";
        store = open(shared);
    }

    private RedisHistoryStore open(RedisServer redis) {
        RedisHistoryStore s = new RedisHistoryStore(redis.uri(), prefix, loop, events::add);
        stores.add(s);
        return s;
    }

    @AfterEach
    void close() {
        stores.forEach(s -> s.close(2_000));
        loop.shutdownNow();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static StoredMessage said(String msgid, long t, String nick, String room, String text) {
        return new StoredMessage(
                msgid,
                t,
                nick + "!u@host",
                nick.toLowerCase(),
                null,
                null,
                "PRIVMSG",
                room,
                room.toLowerCase(),
                null,
                null,
                text,
                Map.of());
    }

    private static StoredMessage line(int i) {
        return said("m" + i, T0 + 5L * i, "alice", "#Chat", "line " + i);
    }

    private static StoredMessage privately(
            String msgid, long t, String from, String fromAccount, String to, String toAccount, String text) {
        return new StoredMessage(
                msgid,
                t,
                from + "!u@host",
                from.toLowerCase(),
                fromAccount,
                fromAccount == null ? null : fromAccount.toLowerCase(),
                "PRIVMSG",
                to,
                null,
                to.toLowerCase(),
                toAccount == null ? null : toAccount.toLowerCase(),
                text,
                Map.of("+draft/reply", "m0"));
    }

    /** Runs on the loop, as the server calls the store. */
    private void onLoop(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            r.run();
            done.complete(null);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    private void append(RedisHistoryStore s, StoredMessage... ms) throws Exception {
        onLoop(() -> {
            for (StoredMessage m : ms) s.append(m);
        });
    }

    /** Asks on the loop and waits for the answer, which must come back on the loop. */
    private <T> T ask(Consumer<Consumer<T>> call) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> call.accept(r -> {
            if (Thread.currentThread() != loopThread)
                answer.completeExceptionally(new AssertionError("answered off the loop"));
            answer.complete(r);
        }));
        return answer.get(15, TimeUnit.SECONDS);
    }

    private List<String> query(
            RedisHistoryStore s, Kind kind, Conversation c, MessageRef from, MessageRef to, int limit)
            throws Exception {
        List<StoredMessage> found = ask(then -> s.query(new HistoryQuery(kind, c, from, to, limit), then));
        return found.stream().map(StoredMessage::text).toList();
    }

    private List<String> room(Kind kind, MessageRef from, int limit) throws Exception {
        return query(store, kind, Conversation.room("#chat"), from, MessageRef.NONE, limit);
    }

    private List<String> between(MessageRef a, MessageRef b, int limit) throws Exception {
        return query(store, Kind.BETWEEN, Conversation.room("#chat"), a, b, limit);
    }

    private List<String> search(
            String words,
            List<String> rooms,
            String account,
            String from,
            String with,
            long after,
            long before,
            int limit)
            throws Exception {
        SearchResult found = ask(
                then -> store.search(new SearchQuery(words, rooms, account, from, after, before, limit, with), then));
        return found.messages().stream().map(StoredMessage::text).toList();
    }

    private static MessageRef at(int line) {
        return MessageRef.time(T0 + 5L * line);
    }

    private static MessageRef id(int line) {
        return MessageRef.msgid("m" + line);
    }

    private void tenLines() throws Exception {
        for (int i = 0; i < 10; i++) append(store, line(i));
    }

    // --- queries -------------------------------------------------------------------------------------------------

    @Test
    void msgidReferencesFollowTheSpecification() throws Exception {
        tenLines();
        assertThat(room(Kind.LATEST, MessageRef.NONE, 100))
                .containsExactly(
                        "line 0", "line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8",
                        "line 9");
        assertThat(room(Kind.LATEST, MessageRef.NONE, 2)).containsExactly("line 8", "line 9");
        assertThat(room(Kind.LATEST, id(6), 100)).containsExactly("line 7", "line 8", "line 9");
        assertThat(room(Kind.BEFORE, id(3), 2)).containsExactly("line 1", "line 2");
        assertThat(room(Kind.AFTER, id(3), 2)).containsExactly("line 4", "line 5");
        assertThat(room(Kind.AROUND, id(5), 3)).containsExactly("line 4", "line 5", "line 6");
        assertThat(room(Kind.AROUND, id(0), 3)).containsExactly("line 0", "line 1", "line 2");
        assertThat(between(id(0), id(9), 3)).containsExactly("line 1", "line 2", "line 3");
        assertThat(between(id(9), id(0), 3)).containsExactly("line 6", "line 7", "line 8");
        assertThat(room(Kind.LATEST, MessageRef.msgid("unknown"), 10)).isEmpty();
        assertThat(room(Kind.AROUND, MessageRef.msgid("unknown"), 10)).isEmpty();
        assertThat(between(id(0), MessageRef.msgid("unknown"), 10)).isEmpty();
        // a msgid of another conversation is not a point in this one
        append(store, said("elsewhere", T0 + 3, "bob", "#other", "over there"));
        assertThat(room(Kind.AFTER, MessageRef.msgid("elsewhere"), 10)).isEmpty();
        assertThat(query(store, Kind.LATEST, Conversation.room("#nowhere"), MessageRef.NONE, MessageRef.NONE, 10))
                .isEmpty();
    }

    @Test
    void timestampReferencesAreExclusiveAndByMessageTime() throws Exception {
        tenLines();
        assertThat(room(Kind.AFTER, at(3), 2)).containsExactly("line 4", "line 5");
        assertThat(room(Kind.BEFORE, at(3), 100)).containsExactly("line 0", "line 1", "line 2");
        assertThat(room(Kind.LATEST, at(6), 100)).containsExactly("line 7", "line 8", "line 9");
        assertThat(room(Kind.AROUND, at(5), 3)).containsExactly("line 4", "line 5", "line 6");
        assertThat(room(Kind.AROUND, MessageRef.time(T0 + 27), 3))
                .containsExactly("line 5", "line 6", "line 7"); // between lines: the next is the centre
        assertThat(room(Kind.AROUND, MessageRef.time(T0 + 1000), 5))
                .containsExactly("line 8", "line 9"); // past the end
        assertThat(between(at(1), at(8), 100))
                .containsExactly("line 2", "line 3", "line 4", "line 5", "line 6", "line 7");
        assertThat(between(at(8), at(1), 2)).containsExactly("line 6", "line 7");
        assertThat(between(id(2), at(5), 100)).containsExactly("line 3", "line 4");
        assertThat(between(at(7), id(4), 100)).containsExactly("line 5", "line 6");
        assertThat(room(Kind.BEFORE, MessageRef.time(T0 - 1), 10)).isEmpty();
        assertThat(room(Kind.AFTER, MessageRef.time(T0 + 45), 10)).isEmpty();
        assertThat(room(Kind.BEFORE, MessageRef.time(0), 10)).isEmpty();
        assertThat(room(Kind.AFTER, MessageRef.time(0), 1)).containsExactly("line 0");
    }

    @Test
    void messagesInTheSameMillisecondOrBehindTheClockKeepTheirArrivalOrderAndTheirTime() throws Exception {
        append(store, said("a", T0, "alice", "#chat", "a"), said("b", T0, "bob", "#chat", "b"));
        append(store, said("c", T0 - 60_000, "carol", "#chat", "c")); // a node whose clock is a minute behind
        append(store, said("d", T0 + 1, "dave", "#chat", "d"));
        assertThat(room(Kind.LATEST, MessageRef.NONE, 10)).containsExactly("a", "b", "c", "d");
        assertThat(room(Kind.AFTER, MessageRef.msgid("b"), 10)).containsExactly("c", "d");
        assertThat(room(Kind.BEFORE, MessageRef.msgid("c"), 10)).containsExactly("a", "b");
        List<StoredMessage> all = ask(then -> store.query(
                new HistoryQuery(Kind.LATEST, Conversation.room("#chat"), MessageRef.NONE, MessageRef.NONE, 10), then));
        assertThat(all.get(2).timeMillis()).isEqualTo(T0 - 60_000);
        assertThat(all.get(2)).isEqualTo(said("c", T0 - 60_000, "carol", "#chat", "c"));
    }

    @Test
    void privateMessagesAreKeptForEachAccountOnItsSide() throws Exception {
        append(
                store,
                privately("p1", T0, "Alice", "alice", "Bob", "bob", "hi bob"),
                privately("p2", T0 + 1, "Bob", "bob", "Alice", "alice", "hi alice"),
                privately("p3", T0 + 2, "Guest", null, "Alice", "alice", "from a guest"),
                privately("p4", T0 + 3, "Guest", null, "Other", null, "between guests"),
                privately("p5", T0 + 4, "Alice", "alice", "Alice", "alice", "note to self"));
        assertThat(query(store, Kind.LATEST, Conversation.direct("alice", "bob"), MessageRef.NONE, MessageRef.NONE, 10))
                .containsExactly("hi bob", "hi alice");
        assertThat(query(store, Kind.LATEST, Conversation.direct("bob", "alice"), MessageRef.NONE, MessageRef.NONE, 10))
                .containsExactly("hi bob", "hi alice");
        assertThat(query(
                        store,
                        Kind.LATEST,
                        Conversation.direct("alice", "guest"),
                        MessageRef.NONE,
                        MessageRef.NONE,
                        10))
                .containsExactly("from a guest");
        assertThat(query(
                        store,
                        Kind.LATEST,
                        Conversation.direct("alice", "alice"),
                        MessageRef.NONE,
                        MessageRef.NONE,
                        10))
                .containsExactly("note to self");
        assertThat(query(store, Kind.LATEST, Conversation.direct(null, "other"), MessageRef.NONE, MessageRef.NONE, 10))
                .isEmpty();
        assertThat(query(
                        store,
                        Kind.AFTER,
                        Conversation.direct("bob", "alice"),
                        MessageRef.msgid("p1"),
                        MessageRef.NONE,
                        10))
                .containsExactly("hi alice");
        List<StoredMessage> kept = ask(then -> store.query(
                new HistoryQuery(Kind.LATEST, Conversation.direct("alice", "bob"), MessageRef.NONE, MessageRef.NONE, 1),
                then));
        assertThat(kept.get(0)).isEqualTo(privately("p2", T0 + 1, "Bob", "bob", "Alice", "alice", "hi alice"));
    }

    @Test
    void targetsAreTheRoomsGivenAndTheAccountsConversationsLatestStrictlyBetween() throws Exception {
        append(
                store,
                said("r1", T0 + 10, "alice", "#Chat", "x"),
                said("r2", T0 + 50, "bob", "#Ops", "y"),
                said("r3", T0 + 20, "bob", "#Hidden", "z"),
                privately("p1", T0 + 30, "Alice", "alice", "Bob", "bob", "hi"),
                privately("p2", T0 + 40, "Guest", null, "Alice", "alice", "hey"),
                privately("p3", T0 + 5, "Carol", "carol", "Dave", "dave", "not alice's"));
        List<TargetTime> all =
                ask(then -> store.targets(List.of("#chat", "#ops", "#empty"), "alice", T0, T0 + 100, 10, then));
        assertThat(all)
                .containsExactly(
                        new TargetTime("#Chat", "#chat", true, T0 + 10),
                        new TargetTime("Bob", "bob", false, T0 + 30),
                        new TargetTime("Guest", "guest", false, T0 + 40),
                        new TargetTime("#Ops", "#ops", true, T0 + 50));
        List<TargetTime> strictly =
                ask(then -> store.targets(List.of("#chat", "#ops"), "alice", T0 + 10, T0 + 50, 10, then));
        assertThat(strictly).extracting(TargetTime::key).containsExactly("bob", "guest");
        List<TargetTime> limited = ask(then -> store.targets(List.of("#chat", "#ops"), null, T0, T0 + 100, 1, then));
        assertThat(limited).extracting(TargetTime::key).containsExactly("#chat");
    }

    @Test
    void searchFindsAllTheWordsInTheConversationsGiven() throws Exception {
        append(
                store,
                said("s1", T0 + 1, "alice", "#chat", "the \u000304deploy\u0003 failed again"),
                said("s2", T0 + 2, "alice", "#chat", "\u0001ACTION deploys the fix\u0001"),
                said("s3", T0 + 3, "alice", "#chat", "lunch?"),
                said("s4", T0 + 4, "bob", "#secret", "deploy secrets here"),
                said("s5", T0 + 5, "bob", "#chat", "Café DEPLOY don't"),
                privately("p1", T0 + 6, "Alice", "alice", "Bob", "bob", "deploy with bob"),
                privately("p2", T0 + 7, "Alice", "alice", "Carol", "carol", "deploy with carol"));
        List<String> chat = List.of("#chat");
        assertThat(search("deploy", chat, null, null, null, -1, -1, 10))
                .containsExactly(
                        "the \u000304deploy\u0003 failed again",
                        "\u0001ACTION deploys the fix\u0001",
                        "Café DEPLOY don't");
        assertThat(search("dep", chat, null, null, null, -1, -1, 10)).hasSize(3); // three letters: a prefix
        assertThat(search("de", chat, null, null, null, -1, -1, 10)).isEmpty(); // fewer: the word itself only
        assertThat(search("cafe deploy", chat, null, null, null, -1, -1, 10)).containsExactly("Café DEPLOY don't");
        assertThat(search("don't", chat, null, null, null, -1, -1, 10)).containsExactly("Café DEPLOY don't");
        assertThat(search("deploy failed", chat, null, null, null, -1, -1, 10))
                .containsExactly("the \u000304deploy\u0003 failed again");
        assertThat(search("lunch", chat, null, "bob", null, -1, -1, 10)).isEmpty();
        assertThat(search("deploy", chat, null, "bob", null, -1, -1, 10)).containsExactly("Café DEPLOY don't");
        assertThat(search("deploy", chat, null, null, null, T0 + 1, T0 + 5, 10))
                .containsExactly("\u0001ACTION deploys the fix\u0001");
        assertThat(search("deploy", chat, null, null, null, -1, -1, 2))
                .containsExactly("\u0001ACTION deploys the fix\u0001", "Café DEPLOY don't");
        assertThat(search("\"quoted OR NEAR(\"", chat, null, null, null, -1, -1, 10))
                .isEmpty();
        assertThat(search("  ", chat, null, null, null, -1, -1, 10)).isEmpty();
        assertThat(search("deploy", List.of(), "alice", null, null, -1, -1, 10))
                .containsExactly("deploy with bob", "deploy with carol");
        assertThat(search("deploy", List.of(), "alice", null, "bob", -1, -1, 10))
                .containsExactly("deploy with bob");
        assertThat(search("deploy", List.of(), "bob", null, null, -1, -1, 10)).containsExactly("deploy with bob");
        assertThat(search("deploy", List.of(), null, null, null, -1, -1, 10)).isEmpty();
    }

    @Test
    void searchLooksFurtherBackThanOneChunk() throws Exception {
        StoredMessage[] many = new StoredMessage[RedisHistoryReads.SEARCH_CHUNK * 3];
        for (int i = 0; i < many.length; i++)
            many[i] = said("n" + i, T0 + i, "alice", "#chat", i == 7 ? "the needle" : "hay " + i);
        append(store, many);
        assertThat(search("needle", List.of("#chat"), null, null, null, -1, -1, 10))
                .containsExactly("the needle");
    }

    @Test
    void searchLooksAtSoManyEntriesInAllConversationsTogetherAndSaysWhenItStoppedEarly() throws Exception {
        SearchLimits limits = new SearchLimits(RedisHistoryReads.SEARCH_CHUNK * 3, SearchLimits.TIME);
        int perRoom = limits.examined() * 2 / 5;
        List<String> rooms = List.of("#a", "#b", "#c");
        for (String room : rooms) {
            StoredMessage[] many = new StoredMessage[perRoom];
            for (int i = 0; i < perRoom; i++)
                many[i] = said(room + i, T0 + i, "alice", room, i == 0 ? "the needle" : "hay " + i);
            append(store, many);
        }
        SearchResult one =
                ask(then -> store.search(new SearchQuery("needle", List.of("#a"), null, null, -1, -1, 10, null), then));
        assertThat(one.messages()).extracting(StoredMessage::text).containsExactly("the needle");
        assertThat(one.cutShort()).isFalse();
        SearchResult all =
                ask(then -> store.search(new SearchQuery("needle", rooms, null, null, -1, -1, 10, null), limits, then));
        assertThat(all.cutShort()).isTrue();
        assertThat(all.messages()).hasSizeLessThan(3);
    }

    @Test
    void recentPerRoomIsTheNewestOfEachRoomOldestFirst() throws Exception {
        append(
                store,
                said("a1", T0 + 1, "x", "#a", "a1"),
                said("b1", T0 + 2, "x", "#b", "b1"),
                said("a2", T0 + 3, "x", "#a", "a2"),
                said("a3", T0 + 4, "x", "#a", "a3"),
                said("b2", T0 + 5, "x", "#b", "b2"),
                privately("p", T0 + 6, "A", "a", "B", "b", "private"));
        this.<List<StoredMessage>>ask(then -> store.query(
                new HistoryQuery(Kind.LATEST, Conversation.room("#a"), MessageRef.NONE, MessageRef.NONE, 1),
                then)); // written
        assertThat(store.recentPerRoom(2)).extracting(StoredMessage::text).containsExactly("b1", "a2", "a3", "b2");
        assertThat(store.recentPerRoom(0)).isEmpty();
    }

    // --- removal -------------------------------------------------------------------------------------------------

    @Test
    void pruningRemovesOldMessagesAndKeepsAtMostTheMostPerRoom() throws Exception {
        append(
                store,
                said("old", T0, "alice", "#chat", "old"),
                privately("p-old", T0 + 1, "A", "a", "B", "b", "old private"));
        for (int i = 0; i < 5; i++) append(store, said("new" + i, T0 + 10 + i, "alice", "#chat", "new " + i));
        for (int i = 0; i < 5; i++) append(store, privately("p" + i, T0 + 10 + i, "A", "a", "B", "b", "private " + i));
        onLoop(() -> store.prune(T0 + 5, 3));
        Await.until(
                "event saying what was removed",
                Duration.ofSeconds(10),
                () -> events.stream().anyMatch(e -> e.contains("removed")));
        assertThat(room(Kind.LATEST, MessageRef.NONE, 100)).containsExactly("new 2", "new 3", "new 4");
        assertThat(query(store, Kind.LATEST, Conversation.direct("a", "b"), MessageRef.NONE, MessageRef.NONE, 100))
                .hasSize(5)
                .doesNotContain("old private");
        assertThat(room(Kind.AFTER, MessageRef.msgid("new1"), 10)).isEmpty(); // its msgid went with it
        onLoop(() -> store.prune(T0 + 1000, 0));
        // the room's stream and the private one are pruned one after the other: wait for both
        Await.until("empty history after pruning everything", Duration.ofSeconds(10), () -> {
            try {
                return room(Kind.LATEST, MessageRef.NONE, 100).isEmpty()
                        && query(
                                        store,
                                        Kind.LATEST,
                                        Conversation.direct("b", "a"),
                                        MessageRef.NONE,
                                        MessageRef.NONE,
                                        100)
                                .isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        append(store, said("again", T0 + 2000, "alice", "#chat", "again")); // an emptied stream comes back
        assertThat(room(Kind.LATEST, MessageRef.NONE, 100)).containsExactly("again");
    }

    @Test
    void theAdminPurgesARoomOrAPerson() throws Exception {
        append(
                store,
                said("b1", T0, "bob", "#chat", "bob was here"),
                said("a1", T0 + 1, "alice", "#chat", "alice was here"),
                said("b2", T0 + 2, "bob", "#ops", "bob again"),
                privately("p1", T0 + 3, "Alice", "alice", "Bob", "bob", "to bob"),
                privately("p2", T0 + 4, "Alice", "alice", "Carol", "carol", "to carol"));
        int bob = ask(then -> store.purge(null, "bob", then));
        assertThat(bob).isEqualTo(3); // two said, one received: its two copies are one message
        assertThat(room(Kind.LATEST, MessageRef.NONE, 10)).containsExactly("alice was here");
        assertThat(query(store, Kind.LATEST, Conversation.direct("alice", "bob"), MessageRef.NONE, MessageRef.NONE, 10))
                .isEmpty();
        assertThat(query(
                        store,
                        Kind.LATEST,
                        Conversation.direct("alice", "carol"),
                        MessageRef.NONE,
                        MessageRef.NONE,
                        10))
                .containsExactly("to carol");
        int chat = ask(then -> store.purge("#chat", null, then));
        assertThat(chat).isEqualTo(1);
        assertThat(room(Kind.LATEST, MessageRef.NONE, 10)).isEmpty();
        int none = ask(then -> store.purge("#nowhere", null, then));
        assertThat(none).isZero();
    }

    @Test
    void aDroppedAccountsPrivateMessagesGoFromBothSides() throws Exception {
        append(
                store,
                privately("p1", T0, "Bob", "bob", "Alice", "alice", "for alice only"),
                privately("p2", T0 + 1, "Alice", "alice", "Bob", "bob", "for bob"),
                privately("p3", T0 + 2, "Bob", "bob", "Carol", "carol", "for carol"),
                said("r", T0 + 3, "alice", "#chat", "in the room"));
        onLoop(() -> store.purgeAccount("alice"));
        Await.until("erasure of alice's conversation with bob", Duration.ofSeconds(10), () -> {
            try {
                return query(
                                store,
                                Kind.LATEST,
                                Conversation.direct("bob", "alice"),
                                MessageRef.NONE,
                                MessageRef.NONE,
                                10)
                        .isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(query(store, Kind.LATEST, Conversation.direct("alice", "bob"), MessageRef.NONE, MessageRef.NONE, 10))
                .isEmpty();
        assertThat(query(store, Kind.LATEST, Conversation.direct("bob", "carol"), MessageRef.NONE, MessageRef.NONE, 10))
                .containsExactly("for carol");
        assertThat(room(Kind.LATEST, MessageRef.NONE, 10)).containsExactly("in the room");
        assertThat(search("alice", List.of(), "alice", null, null, -1, -1, 10)).isEmpty();
        List<TargetTime> targets = ask(then -> store.targets(List.of(), "alice", 0, Long.MAX_VALUE, 10, then));
        assertThat(targets).isEmpty();
    }

    // --- writes ---------------------------------------------------------------------------------------------------

    @Test
    void theSameMessageAppendedTwiceIsStoredOnce() throws Exception {
        append(store, line(0), line(1), line(1), privately("p", T0 + 20, "Alice", "alice", "Bob", "bob", "once"));
        RedisHistoryStore other = open(shared); // another server, or this one after a reconnect, sending them again
        append(other, line(1), privately("p", T0 + 20, "Alice", "alice", "Bob", "bob", "once"), line(2));
        assertThat(query(other, Kind.LATEST, Conversation.room("#chat"), MessageRef.NONE, MessageRef.NONE, 10))
                .containsExactly("line 0", "line 1", "line 2");
        assertThat(query(store, Kind.LATEST, Conversation.direct("bob", "alice"), MessageRef.NONE, MessageRef.NONE, 10))
                .containsExactly("once");
        assertThat(query(store, Kind.LATEST, Conversation.direct("alice", "bob"), MessageRef.NONE, MessageRef.NONE, 10))
                .containsExactly("once");
    }

    @Test
    void aQueryRightAfterAppendingSeesEverythingAppendedBeforeIt() throws Exception {
        CompletableFuture<List<StoredMessage>> answer = new CompletableFuture<>();
        loop.execute(() -> {
            for (int i = 0; i < 3_000; i++) store.append(said("n" + i, T0 + i, "alice", "#chat", "n" + i));
            store.query(
                    new HistoryQuery(Kind.LATEST, Conversation.room("#chat"), MessageRef.NONE, MessageRef.NONE, 3),
                    answer::complete);
        });
        assertThat(answer.get(15, TimeUnit.SECONDS))
                .extracting(StoredMessage::text)
                .containsExactly("n2997", "n2998", "n2999");
    }

    @Test
    void closingWritesWhatIsStillQueued() throws Exception {
        StoredMessage[] ms = new StoredMessage[1_200];
        for (int i = 0; i < ms.length; i++) ms[i] = said("c" + i, T0 + i, "alice", "#chat", "c" + i);
        append(store, ms);
        store.close(10_000);
        RedisHistoryStore again = open(shared);
        assertThat(query(again, Kind.LATEST, Conversation.room("#chat"), MessageRef.NONE, MessageRef.NONE, 2_000))
                .hasSize(1_200)
                .startsWith("c0")
                .endsWith("c1199");
    }

    @Test
    void redisKilledKeepsEveryAcknowledgedMessage() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            RedisHistoryStore s = open(redis);
            for (int i = 0; i < 300; i++) append(s, said("k" + i, T0 + i, "alice", "#chat", "k" + i));
            Await.until("acknowledgement of every append", Duration.ofSeconds(10), () -> s.waiting() == 0);
            redis.kill(); // SIGKILL: only what reached the append-only file survives, and acknowledged means it did
            redis.startAgain();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 300; i++) expected.add("k" + i);
            Await.until("reconnection with every message", Duration.ofSeconds(20), () -> {
                try {
                    return query(s, Kind.LATEST, Conversation.room("#chat"), MessageRef.NONE, MessageRef.NONE, 1_000)
                            .equals(expected);
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    @Test
    void appendsMadeWhileRedisIsDownArriveWhenItIsBack() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            RedisHistoryStore s = open(redis);
            append(s, said("before", T0, "alice", "#chat", "before"));
            Await.until("acknowledgement of every append", Duration.ofSeconds(10), () -> s.waiting() == 0);
            redis.kill();
            for (int i = 0; i < 50; i++) append(s, said("d" + i, T0 + 1 + i, "alice", "#chat", "d" + i));
            long asked = System.nanoTime();
            assertThat(query(s, Kind.LATEST, Conversation.room("#chat"), MessageRef.NONE, MessageRef.NONE, 100))
                    .isEmpty(); // answered, not hung
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(12));
            assertThat(s.waiting()).isEqualTo(50);
            assertThat(s.behind()).isFalse();
            redis.startAgain();
            Await.until("write after the outage", Duration.ofSeconds(20), () -> s.waiting() == 0);
            List<String> texts =
                    query(s, Kind.LATEST, Conversation.room("#chat"), MessageRef.NONE, MessageRef.NONE, 100);
            assertThat(texts)
                    .hasSize(51)
                    .startsWith("before", "d0")
                    .endsWith("d49")
                    .doesNotHaveDuplicates();
            assertThat(events)
                    .anyMatch(e -> e.contains("cannot reach Redis"))
                    .anyMatch(e -> e.contains("takes writes again"));
        }
    }

    @Test
    void sendersAreHeldBackWhileTooManyAppendsWaitForRedis() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            RedisHistoryStore s = open(redis);
            redis.kill();
            StoredMessage[] ms = new StoredMessage[RedisHistoryWriter.BEHIND + 100];
            for (int i = 0; i < ms.length; i++) ms[i] = said("h" + i, T0 + i, "alice", "#chat", "h" + i);
            append(s, ms);
            assertThat(s.behind()).isTrue();
            CompletableFuture<Boolean> released = new CompletableFuture<>();
            onLoop(() -> s.whenCaughtUp(() -> released.complete(Thread.currentThread() == loopThread)));
            assertThat(released).isNotDone();
            redis.startAgain();
            assertThat(released.get(20, TimeUnit.SECONDS)).isTrue(); // on the loop
            assertThat(s.behind()).isFalse();
            Await.until("all written", Duration.ofSeconds(20), () -> s.waiting() == 0);
            assertThat(query(s, Kind.LATEST, Conversation.room("#chat"), MessageRef.NONE, MessageRef.NONE, 5_000))
                    .hasSize(ms.length);
        }
    }

    @Test
    void ticketsAreReportedOnTheLoopOnlyOnceRedisHasAnsweredForThem() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            RedisHistoryStore s = open(redis);
            ConcurrentLinkedQueue<Long> written = new ConcurrentLinkedQueue<>();
            onLoop(() -> s.whenWritten((through, stored) -> {
                if (stored && Thread.currentThread() == loopThread) written.add(through);
            }));
            CompletableFuture<List<Long>> tickets = new CompletableFuture<>();
            onLoop(() -> tickets.complete(List.of(s.append(line(0)), s.append(line(1)))));
            assertThat(tickets.get()).containsExactly(1L, 2L);
            Await.until("a report of both", Duration.ofSeconds(10), () -> written.contains(2L));

            redis.kill();
            CompletableFuture<Long> third = new CompletableFuture<>();
            onLoop(() -> third.complete(s.append(line(2))));
            assertThat(third.get()).isEqualTo(3L);
            assertThat(s.waiting()).isEqualTo(1); // kept, not reported: Redis has not answered for it
            assertThat(written).doesNotContain(3L);
            redis.startAgain();
            Await.until("a report once Redis is back", Duration.ofSeconds(20), () -> written.contains(3L));
        }
    }
}
