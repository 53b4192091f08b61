package dev.chatroom.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import io.lettuce.core.sentinel.api.sync.RedisSentinelCommands;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A primary watched by Sentinel, with real processes: one redis-server primary, one replica of it, and three
 * redis-sentinels agreeing (quorum 2) on failing it over quickly (down after 1 s). Started ready for a failover: the
 * replica in sync and every sentinel knowing it and the two others. Each process on a free port in a temp dir, stopped
 * by its PID.
 */
public final class RedisSentinels implements AutoCloseable {
    public static final String MASTER = "chatroom";
    private static final int QUORUM = 2;
    private static final Duration READY = Duration.ofSeconds(30);

    private final List<RedisServer> data = new ArrayList<>();
    private final List<RedisServer> sentinels = new ArrayList<>();
    private final RedisClient client = RedisClient.create();

    private RedisSentinels() {}

    public static RedisSentinels start() throws IOException, InterruptedException {
        RedisSentinels group = new RedisSentinels();
        try {
            RedisServer primary = RedisServer.start();
            group.data.add(primary);
            group.replicaOf(primary.port());
            for (int i = 0; i < 3; i++)
                group.sentinels.add(RedisServer.sentinel(
                        MASTER,
                        primary.port(),
                        QUORUM,
                        List.of(
                                "sentinel down-after-milliseconds " + MASTER + " 1000",
                                "sentinel failover-timeout " + MASTER + " 5000",
                                "sentinel parallel-syncs " + MASTER + " 1")));
            group.awaitWatching(primary.port());
            return group;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            group.close();
            throw e;
        }
    }

    /** A replica of the primary on port, in sync with it. */
    public RedisServer replicaOf(int port) throws IOException, InterruptedException {
        RedisServer replica = RedisServer.start(List.of("--replicaof", "127.0.0.1", Integer.toString(port)));
        data.add(replica);
        Await.until(
                "the replica on port " + replica.port() + " in sync with port " + port,
                READY,
                () -> info(replica.port()).contains("master_link_status:up"));
        return replica;
    }

    /** Until every sentinel knows the primary on port, a replica of it in sync, and the two other sentinels. */
    public void awaitWatching(int port) throws InterruptedException {
        for (RedisServer s : sentinels)
            Await.until(
                    "sentinel on port " + s.port() + " ready to fail over port " + port,
                    READY,
                    () -> ask(s, c -> {
                        Map<String, String> m = c.master(MASTER);
                        return m.get("port").equals(Integer.toString(port))
                                && m.get("num-other-sentinels").equals("2")
                                && c.replicas(MASTER).stream().anyMatch(r -> "ok".equals(r.get("master-link-status")));
                    }));
    }

    /** redis-sentinel://127.0.0.1:a,127.0.0.1:b,127.0.0.1:c#chatroom, as --redis takes it. */
    public String uri() {
        StringJoiner hosts = new StringJoiner(",", "redis-sentinel://", "#" + MASTER);
        for (RedisServer s : sentinels) hosts.add("127.0.0.1:" + s.port());
        return hosts.toString();
    }

    /** The port of the primary as the first sentinel names it now. */
    public int primaryPort() {
        SocketAddress a = ask(sentinels.get(0), c -> c.getMasterAddrByName(MASTER));
        return ((InetSocketAddress) a).getPort();
    }

    /** The data node on port. */
    public RedisServer node(int port) {
        return data.stream().filter(r -> r.port() == port).findFirst().orElseThrow();
    }

    private <T> T ask(RedisServer sentinel, Function<RedisSentinelCommands<String, String>, T> question) {
        try (StatefulRedisSentinelConnection<String, String> c =
                client.connectSentinel(RedisURI.create("redis://127.0.0.1:" + sentinel.port()))) {
            return question.apply(c.sync());
        }
    }

    private String info(int port) {
        try (var c = client.connect(RedisURI.create("redis://127.0.0.1:" + port))) {
            return c.sync().info("replication");
        } catch (RuntimeException notYet) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        client.shutdown();
        for (RedisServer s : sentinels) s.close();
        for (RedisServer r : data) r.close();
    }
}
