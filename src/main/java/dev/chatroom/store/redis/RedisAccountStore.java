package dev.chatroom.store.redis;

import dev.chatroom.store.Account;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.AllowEntry;
import dev.chatroom.store.Fields;
import dev.chatroom.store.Presence;
import dev.chatroom.store.ReadMarker;
import dev.chatroom.store.StoreException;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Accounts and the allow list in Redis, shared by every node of a cluster. Two hashes, each
 * field a record's key ({@link Account#key()}, {@link AllowEntry#key()}) and each value the whole
 * record ({@link Fields}): {@code <prefix>accounts} and {@code <prefix>allow}. A save is one HSET,
 * so another node never reads half an account, and a node told "account X changed" reads it
 * back with {@link #account}. An account's read markers are a hash of their own,
 * {@code <prefix>readmarkers:<account key>} (target key -> time in ms), moved forward only by a
 * script, so two nodes saving one marker keep the later time whatever their order.
 *
 * <p>Writes go out on the shared connection in the order they are made and are never waited
 * for. While Redis is unreachable they wait in Lettuce's queue (bounded, see {@link RedisStores})
 * and are sent when it is back; a write that fails or does not fit is reported through the
 * EventSink, and the in-memory accounts go on as they are.
 */
public final class RedisAccountStore implements AccountStore {
    private static final String VERSION = "1";
    private final RedisBackend redis;
    private final String accounts;
    private final String allow;
    private final String presences;
    private final String readMarkers;

    RedisAccountStore(RedisBackend redis) {
        this.redis = redis;
        this.accounts = redis.key("accounts");
        this.allow = redis.key("allow");
        this.presences = redis.key("presences");
        this.readMarkers = redis.key("readmarkers:");
    }

    /** Moves a marker forward: KEYS[1] the account's hash, ARGV target and time. */
    private static final String FORWARD = "local t = redis.call('HGET', KEYS[1], ARGV[1])\n"
            + "if not t or tonumber(t) < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end\n"
            + "return 0";

    /** Everything, read at start (blocking, bounded by the timeout). A damaged record stops the start rather than losing an account. */
    @Override
    public Contents load() throws StoreException {
        Map<String, String> a = redis.await("read the accounts (" + accounts + ")", redis.redis.hgetall(accounts));
        Map<String, String> e = redis.await("read the allow list (" + allow + ")", redis.redis.hgetall(allow));
        List<Account> list = new ArrayList<>(a.size());
        for (var x : a.entrySet())
            list.add(decode(accounts, x.getKey(), x.getValue(), RedisAccountStore::decodeAccount));
        List<AllowEntry> entries = new ArrayList<>(e.size());
        for (var x : e.entrySet())
            entries.add(decode(allow, x.getKey(), x.getValue(), RedisAccountStore::decodeAllowEntry));
        Map<String, String> p = redis.await("read the presences (" + presences + ")", redis.redis.hgetall(presences));
        List<Presence> present = new ArrayList<>(p.size());
        for (var x : p.entrySet()) present.add(decode(presences, x.getKey(), x.getValue(), Presence::parse));
        return new Contents(list, entries, present, readMarkers(list));
    }

    /** The read markers of these accounts: asked for all at once, then read. */
    private List<ReadMarker> readMarkers(List<Account> of) throws StoreException {
        List<CompletionStage<Map<String, String>>> asked = new ArrayList<>(of.size());
        for (Account a : of) asked.add(redis.redis.hgetall(readMarkers + a.key()));
        List<ReadMarker> markers = new ArrayList<>();
        for (int i = 0; i < of.size(); i++) {
            String hash = readMarkers + of.get(i).key();
            for (var x : redis.await("read the read markers (" + hash + ")", asked.get(i))
                    .entrySet()) {
                String account = of.get(i).key();
                markers.add(decode(
                        hash, x.getKey(), x.getValue(), v -> new ReadMarker(account, x.getKey(), Long.parseLong(v))));
            }
        }
        return markers;
    }

    /** The account saved under this key (as {@link Account#key()} gives it), as Redis has it now; fails after the timeout. */
    public CompletionStage<Optional<Account>> account(String key) {
        return redis.read(redis.redis.hget(accounts, key))
                .thenApply(v -> Optional.ofNullable(v).map(RedisAccountStore::decodeAccount));
    }

    /** The allow-list entry saved under this key, as Redis has it now; fails after the timeout. */
    public CompletionStage<Optional<AllowEntry>> allowEntry(String key) {
        return redis.read(redis.redis.hget(allow, key))
                .thenApply(v -> Optional.ofNullable(v).map(RedisAccountStore::decodeAllowEntry));
    }

    @Override
    public void save(Account a) {
        redis.write("save account " + a.name(), redis.redis.hset(accounts, a.key(), encode(a)));
    }

    @Override
    public void deleteAccount(String key) {
        redis.write("drop account " + key, redis.redis.hdel(accounts, key));
        redis.write("forget the read markers of " + key, redis.redis.del(readMarkers + key));
    }

    @Override
    public void save(AllowEntry e) {
        redis.write("save the allow list entry of " + e.account(), redis.redis.hset(allow, e.key(), encode(e)));
    }

    @Override
    public void deleteAllowEntry(String key) {
        redis.write("remove " + key + " from the allow list", redis.redis.hdel(allow, key));
    }

    @Override
    public void save(Presence p) {
        redis.write("save the presence of " + p.account(), redis.redis.hset(presences, p.key(), p.text()));
    }

    @Override
    public void deletePresence(String key) {
        redis.write("forget the presence of " + key, redis.redis.hdel(presences, key));
    }

    @Override
    public void save(ReadMarker m) {
        redis.write(
                "save a read marker of " + m.account(),
                redis.redis.eval(
                        FORWARD,
                        ScriptOutputType.INTEGER,
                        new String[] {readMarkers + m.account()},
                        m.target(),
                        Long.toString(m.millis())));
    }

    @Override
    public void deleteReadMarker(String account, String target) {
        redis.write("forget a read marker of " + account, redis.redis.hdel(readMarkers + account, target));
    }

    /** Nothing of its own: the connection is shared, {@link RedisStores#close()} flushes and closes it. */
    @Override
    public void close() {}

    static String encode(Account a) {
        // sorted, so the same account is always the same bytes (easy to compare by eye or by tools)
        return Fields.join(Arrays.asList(
                VERSION,
                a.name(),
                a.passwordHash(),
                Fields.bool(a.oneTime()),
                Long.toString(a.createdMillis()),
                Fields.list(new TreeSet<>(a.certificates()))));
    }

    static Account decodeAccount(String text) {
        List<String> f = Fields.record(text, VERSION, 5);
        return new Account(
                f.get(0),
                f.get(1),
                Fields.bool(f.get(2)),
                Long.parseLong(f.get(3)),
                Set.copyOf(Fields.unlist(f.get(4))));
    }

    static String encode(AllowEntry e) {
        return Fields.join(Arrays.asList(
                VERSION, e.account(), Fields.bool(e.allowed()), e.reason(), Long.toString(e.changedMillis())));
    }

    static AllowEntry decodeAllowEntry(String text) {
        List<String> f = Fields.record(text, VERSION, 4);
        return new AllowEntry(f.get(0), Fields.bool(f.get(1)), f.get(2), Long.parseLong(f.get(3)));
    }

    private <T> T decode(String hash, String field, String value, Function<String, T> parse) throws StoreException {
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "Redis " + redis.where + ": the record " + field + " in " + hash + " is damaged ("
                            + RedisBackend.describe(e) + "); fix or delete it (redis-cli HDEL " + hash + " " + field
                            + ")",
                    e);
        }
    }
}
