package dev.chatroom.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.log.EventSink;
import dev.chatroom.server.BanList;
import dev.chatroom.server.accounts.Accounts;
import dev.chatroom.store.Account;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.AllowEntry;
import dev.chatroom.store.ReadMarker;
import dev.chatroom.store.RoomBan;
import dev.chatroom.store.SavedRoom;
import dev.chatroom.store.ServerBan;
import dev.chatroom.store.StoreException;
import dev.chatroom.testing.Await;
import dev.chatroom.testing.RedisServer;
import io.lettuce.core.RedisClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Redis stores against a real redis-server (append-only, fsync always): what is written comes back exactly, across nodes and restarts. */
class RedisStoresTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private RedisServer redis;
    private final Events events = new Events();
    private final List<RedisStores> opened = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (RedisStores s : opened) s.close();
        redis.close();
    }

    /** The server's view of a store's accounts: in memory, written through. */
    private Accounts accounts(RedisStores s) throws StoreException {
        Accounts a = views.get(s);
        if (a == null) views.put(s, a = new Accounts(s.accounts(), s.accounts().load()));
        return a;
    }

    private final Map<RedisStores, Accounts> views = new IdentityHashMap<>();

    private RedisStores open() throws StoreException {
        return open(RedisStores.DEFAULT_PREFIX, RedisStores.DEFAULT_MAX_QUEUED);
    }

    private RedisStores open(String prefix, int maxQueued) throws StoreException {
        RedisStores s = RedisStores.open(redis.uri(), prefix, events, WAIT, maxQueued, 0);
        opened.add(s);
        accounts(s); // read at start, as a server does
        return s;
    }

    private static <T> T get(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    // every awkward character the encoding escapes, a literal "\0", astral and combining unicode
    private static final String AWKWARD = "tab\there\nnew\rline \\ \\0 \\t ✓ 🎉 e\u0301";
    private static final Account BOB = new Account(
            "Ünïcødé[Bob]",
            "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA",
            false,
            1_700_000_000_123L,
            Set.of("SHA256:aa", "SHA256:bb"));
    private static final Account NO_PASSWORD = new Account("nopass", null, true, 0, Set.of());
    private static final Account ODD = new Account("odd", AWKWARD, true, -5, Set.of("", "\\0", AWKWARD));
    private static final AllowEntry ALLOWED = new AllowEntry("Ünïcødé[Bob]", true, null, 1L);
    private static final AllowEntry DENIED = new AllowEntry("eve", false, AWKWARD, Long.MAX_VALUE);
    private static final AllowEntry EMPTY_REASON = new AllowEntry("e2", false, "", Long.MIN_VALUE);

    @Test
    void accountsAndTheAllowListComeBackExactlyOnAnotherNode() throws Exception {
        RedisStores a = open();
        for (Account x : List.of(BOB, NO_PASSWORD, ODD)) accounts(a).create(x);
        for (AllowEntry e : List.of(ALLOWED, DENIED, EMPTY_REASON)) accounts(a).remember(e);

        // a read after a write on the same connection sees it, no flush needed
        assertThat(get(a.accounts().account(BOB.key()))).contains(BOB);
        assertThat(get(a.accounts().account(ODD.key()))).contains(ODD);
        assertThat(get(a.accounts().account(NO_PASSWORD.key()))).contains(NO_PASSWORD);
        assertThat(get(a.accounts().account("nobody"))).isEmpty();
        assertThat(get(a.accounts().allowEntry(DENIED.key()))).contains(DENIED);
        assertThat(get(a.accounts().allowEntry("nobody"))).isEmpty();

        RedisStores b = open();
        AccountStore.Contents c = b.accounts().load();
        assertThat(c.accounts()).containsExactlyInAnyOrder(BOB, NO_PASSWORD, ODD);
        assertThat(c.allowList()).containsExactlyInAnyOrder(ALLOWED, DENIED, EMPTY_REASON);
        assertThat(accounts(b).find("Ünïcødé{BOB}")).isEqualTo(BOB); // rfc1459 folding: ASCII, and [] are {}
        assertThat(accounts(b).byCertificate("SHA256:bb")).isEqualTo(BOB);
        assertThat(get(b.accounts().allowEntry(ALLOWED.key()))).contains(ALLOWED);
        assertThat(get(b.accounts().allowEntry(EMPTY_REASON.key()))).contains(EMPTY_REASON);
    }

    @Test
    void everyNodeCloaksWithTheOneSecretTheFirstMade() throws Exception {
        byte[] first = open().cloakSecret();
        assertThat(first).hasSize(32);
        assertThat(open().cloakSecret()).isEqualTo(first);
        assertThat(open("other:", RedisStores.DEFAULT_MAX_QUEUED).cloakSecret())
                .isNotEqualTo(first); // another chat network on the same Redis
    }

    @Test
    void deletedAccountsAndEntriesAreGoneForEveryone() throws Exception {
        RedisStores a = open();
        accounts(a).create(BOB);
        accounts(a).create(NO_PASSWORD);
        accounts(a).remember(ALLOWED);
        accounts(a).remember(DENIED);
        assertThat(accounts(a).drop(BOB.name())).isTrue(); // its allow-list entry goes with it
        a.accounts().deleteAllowEntry(DENIED.key());

        assertThat(get(a.accounts().account(BOB.key()))).isEmpty();
        assertThat(get(a.accounts().allowEntry(ALLOWED.key()))).isEmpty();
        assertThat(get(a.accounts().allowEntry(DENIED.key()))).isEmpty();
        AccountStore.Contents c = open().accounts().load();
        assertThat(c.accounts()).containsExactly(NO_PASSWORD);
        assertThat(c.allowList()).isEmpty();
    }

    @Test
    void readMarkersOnlyMoveForwardAndGoWithTheirAccount() throws Exception {
        RedisStores a = open();
        accounts(a).create(BOB);
        accounts(a).create(NO_PASSWORD);
        a.accounts().save(new ReadMarker(BOB.key(), "#room", 200));
        a.accounts().save(new ReadMarker(BOB.key(), "#room", 100)); // behind: stays at 200
        a.accounts().save(new ReadMarker(BOB.key(), "alice", 5));
        a.accounts().save(new ReadMarker(BOB.key(), "#gone", 7));
        a.accounts().deleteReadMarker(BOB.key(), "#gone");
        a.accounts().save(new ReadMarker(NO_PASSWORD.key(), "#room", 1_767_225_600_123L));
        assertThat(a.flush(WAIT)).isTrue();

        assertThat(open().accounts().load().readMarkers())
                .containsExactlyInAnyOrder(
                        new ReadMarker(BOB.key(), "#room", 200),
                        new ReadMarker(BOB.key(), "alice", 5),
                        new ReadMarker(NO_PASSWORD.key(), "#room", 1_767_225_600_123L));
        accounts(a).drop(BOB.name());
        assertThat(a.flush(WAIT)).isTrue();
        assertThat(open().accounts().load().readMarkers())
                .containsExactly(new ReadMarker(NO_PASSWORD.key(), "#room", 1_767_225_600_123L));
        accounts(a).create(BOB); // the name taken again: nothing of the old account's
        assertThat(open().accounts().load().readMarkers()).hasSize(1);
    }

    @Test
    void bansKeepTheirOrderAndEveryField() throws Exception {
        List<ServerBan> bans = new ArrayList<>();
        bans.add(new ServerBan("bad!*@*", null, Instant.ofEpochSecond(1, 123_456_789)));
        bans.add(new ServerBan("*!*@10.0.0.1", AWKWARD, Instant.EPOCH));
        bans.add(new ServerBan("*!*@key:SHA256:xyz", "", null));
        for (int i = 0; i < 10; i++)
            bans.add(new ServerBan("n" + i + "!*@*", "r" + i, Instant.ofEpochMilli(i))); // past "10" < "2"
        RedisStores a = open();
        a.bans().save(bans);
        assertThat(a.bans().load()).isEqualTo(bans);

        RedisStores b = open();
        assertThat(BanList.of(b.bans().load()).all())
                .extracting(ServerBan::mask)
                .containsExactlyElementsOf(bans.stream().map(ServerBan::mask).toList());
        assertThat(BanList.of(b.bans().load()).find("bad", "u", "h")).isNotNull();

        a.bans().save(bans.subList(1, 2));
        assertThat(a.flush(WAIT)).isTrue();
        assertThat(b.bans().load()).isEqualTo(bans.subList(1, 2));
        a.bans().save(List.of());
        assertThat(a.bans().load()).isEmpty();
        assertThat(BanList.of(open().bans().load()).size()).isZero();
    }

    @Test
    void roomsComeBackExactlyAndCanBeForgotten() throws Exception {
        SavedRoom full = new SavedRoom(
                "#Ünïcødé",
                1_700_000_000_000L,
                AWKWARD,
                "op!u@h",
                1_700_000_000_999L,
                "nst",
                "s3cret\\0",
                42,
                List.of(new RoomBan("*!*@bad.example", "op", 1_700_000_000L), new RoomBan("x!*@*", "ünï", -1)),
                List.of("alice", "b\tob"));
        SavedRoom nulls = new SavedRoom("#nulls", 0, null, null, 0, null, null, 0, null, null);
        SavedRoom empty = new SavedRoom("#empty", -1, "", "", -1, "", "", -1, List.of(), List.of());
        RedisStores a = open();
        for (SavedRoom r : List.of(full, nulls, empty)) a.rooms().save(r);
        assertThat(get(a.rooms().room("#Ünïcødé"))).contains(full); // keys are rfc1459-folded: ASCII only
        assertThat(get(a.rooms().room("#nulls"))).contains(nulls);
        assertThat(get(a.rooms().room("#nowhere"))).isEmpty();

        RedisStores b = open();
        assertThat(b.rooms().load()).containsExactlyInAnyOrder(full, nulls, empty);
        a.rooms().remove("#Ünïcødé");
        assertThat(get(a.rooms().room("#Ünïcødé"))).isEmpty(); // answered after the removal, so b sees it too
        assertThat(get(b.rooms().room("#Ünïcødé"))).isEmpty();
        assertThat(open().rooms().load()).containsExactlyInAnyOrder(nulls, empty);
    }

    @Test
    void aPrefixSeparatesTwoNetworksInOneRedis() throws Exception {
        RedisStores one = open("one:", 100);
        accounts(one).create(BOB);
        one.rooms().save(new SavedRoom("#r", 1, null, null, 0, "", null, 0, List.of(), List.of()));
        assertThat(one.flush(WAIT)).isTrue();
        RedisStores two = open("two:", 100);
        assertThat(accounts(two).count()).isZero();
        assertThat(two.rooms().load()).isEmpty();
        assertThat(accounts(open("one:", 100)).find(BOB.name())).isEqualTo(BOB);
    }

    @Test
    void acknowledgedWritesSurviveRedisBeingKilled() throws Exception {
        RedisStores a = open();
        accounts(a).create(BOB);
        a.bans().save(List.of(new ServerBan("bad!*@*", "why", Instant.ofEpochSecond(5))));
        a.rooms().save(new SavedRoom("#kept", 1, "t", "me", 2, "n", null, 0, List.of(), List.of()));
        assertThat(a.flush(WAIT)).isTrue();
        redis.kill();
        redis.startAgain();

        RedisStores b = open();
        assertThat(accounts(b).find(BOB.name())).isEqualTo(BOB);
        assertThat(BanList.of(b.bans().load()).size()).isEqualTo(1);
        assertThat(b.rooms().load()).extracting(SavedRoom::name).containsExactly("#kept");
    }

    @Test
    void writesMadeWhileRedisIsDownAreSentWhenItIsBack() throws Exception {
        RedisStores a = open();
        redis.kill();
        events.await(l -> l.contains("connection lost"));
        accounts(a).create(BOB);
        a.rooms().save(new SavedRoom("#later", 1, null, null, 0, "", null, 0, List.of(), List.of()));
        accounts(a).drop(BOB.name()); // in order: created, then dropped
        accounts(a).create(ODD);
        assertThat(a.pendingWrites()).isEqualTo(5); // the drop is two: the account, its read markers
        redis.startAgain();
        events.await(l -> l.contains("connected again"));
        assertThat(a.flush(WAIT)).isTrue();

        RedisStores b = open();
        assertThat(accounts(b).all()).containsExactly(ODD);
        assertThat(b.rooms().load()).extracting(SavedRoom::name).containsExactly("#later");
        assertThat(events.lines()).noneMatch(l -> l.contains("cannot"));
    }

    @Test
    void writesBeyondTheBoundAreReportedNotKept() throws Exception {
        RedisStores a = open(RedisStores.DEFAULT_PREFIX, 3);
        redis.kill();
        events.await(l -> l.contains("connection lost"));
        for (int i = 0; i < 10; i++) accounts(a).create(new Account("user" + i, null, false, i, Set.of()));
        events.await(l -> l.contains("cannot save account user3") && l.contains("Later failures are counted"));
        redis.startAgain();
        assertThat(a.flush(WAIT)).isTrue();
        accounts(a).create(BOB); // the first success after the failures says how many more there were
        events.await(l -> l.contains("6 more write(s) failed"));

        assertThat(accounts(open()).all())
                .extracting(Account::name)
                .containsExactlyInAnyOrder("user0", "user1", "user2", BOB.name());
    }

    @Test
    void noRedisIsAClearErrorNamingTheUri() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String uri = "redis://127.0.0.1:" + port;
        long started = System.nanoTime();
        assertThatThrownBy(
                        () -> RedisStores.open(uri, RedisStores.DEFAULT_PREFIX, events, Duration.ofSeconds(3), 10, 0))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Redis " + uri + ": cannot connect")
                .hasMessageContaining("refused");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThatThrownBy(() -> RedisStores.open(
                        "http://nowhere", RedisStores.DEFAULT_PREFIX, events, Duration.ofSeconds(3), 10, 0))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("http://nowhere");
    }

    @Test
    void aDamagedAccountStopsTheStartADamagedRoomIsLeftOut() throws Exception {
        RedisClient raw = RedisClient.create(redis.uri());
        SavedRoom fine = new SavedRoom("#fine", 1, null, null, 0, "", null, 0, List.of(), List.of());
        try (var c = raw.connect()) {
            c.sync().hset("chatroom:accounts", "mallory", "1\tmallory\tnot enough fields");
            c.sync().hset("chatroom:rooms", "#broken", "9\tfrom the future");
            c.sync().hset("chatroom:rooms", "#fine", fine.text());
            // losing an account would free its nick for anyone: the admin must look first
            assertThatThrownBy(this::open)
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("mallory")
                    .hasMessageContaining("chatroom:accounts");
            c.sync().hdel("chatroom:accounts", "mallory");
        } finally {
            raw.shutdown();
        }
        assertThat(open().rooms().load()).containsExactly(fine);
        assertThat(events.lines()).anyMatch(l -> l.contains("#broken") && l.contains("format 9"));
    }

    /** What the stores tell the admin, waited for by condition. */
    private static final class Events implements EventSink {
        private final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void event(String line) {
            lines.add(line);
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        void await(Predicate<String> p) throws InterruptedException {
            Await.until("such event", WAIT, this::lines, lines -> lines.stream().anyMatch(p));
        }
    }
}
