package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import dev.chatroom.testing.RedisServer;
import dev.chatroom.tls.Pem;
import dev.chatroom.tls.SelfSigned;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster's Redis as an attacker or a careful admin meets it, with real server processes on a real redis-server:
 * events published straight into Redis do nothing, a password or an ACL user and TLS are used when given, and a
 * Redis that asks for no password is named at start.
 */
class RedisSecurityIT {
    private static final String TRUST_PASSWORD = "changeit";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    private <T extends AutoCloseable> T kept(T t) {
        open.add(t);
        return t;
    }

    private JarProcess node(String name, String redisUri, String approve, String... jvm) throws IOException {
        return kept(new JarProcess(
                List.of(jvm),
                "server",
                "--port",
                "0",
                "--redis",
                redisUri,
                "--cluster-secret-file",
                ClusterIT.secretFile(dir).toString(),
                "--node-name",
                name,
                "--approve",
                approve));
    }

    @Test
    void eventsPublishedStraightIntoRedisAreDroppedAndCounted() throws Exception {
        RedisServer redis = kept(RedisServer.start());
        JarProcess n1 = node("n1", redis.uri(), "ask");
        n1.expect("^Cluster: WARNING: Redis at " + redis.uri() + " let this server in without a password");
        int port = n1.awaitListening();
        RedisClient raw = RedisClient.create(redis.uri());
        open.add(raw::shutdown);
        BlockingQueue<String> onTheBus = new LinkedBlockingQueue<>();
        var listening = raw.connectPubSub();
        listening.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                onTheBus.add(message);
            }
        });
        listening.sync().subscribe("chatroom:bus");
        var publishing = raw.connect().sync();

        IrcTestClient bob = kept(new IrcTestClient(port));
        bob.sendRegistration("bob");
        bob.expect("Waiting for the admin");
        n1.expect("^bob \\(no account, 127\\.0\\.0\\.1\\) wants to join");
        publishing.publish("chatroom:bus", "100000 :n1 ADMIN :/accept bob");
        publishing.publish("chatroom:bus", "100001 c2VhbGVk n1:1:0 :n1 ADMIN :/accept bob");
        n1.expect("^Cluster: dropped an event without a valid MAC on the bus \\(1 so far");
        awaitStats(n1, "Cluster events dropped: 2 without a valid MAC"); // the second may still be on its way
        bob.send("PING :still waiting");
        assertThat(bob.next()).contains("PONG").endsWith(":still waiting"); // no 001: the forged /accept did nothing

        n1.type("/say dinner is ready");
        String said = null;
        while (said == null) {
            String m = onTheBus.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("the /say on the bus").isNotNull();
            if (m.endsWith(" :n1 ADMIN :/say dinner is ready")) said = m;
        }
        n1.expect("dinner is ready \\(sent to 0 users\\)");
        publishing.publish("chatroom:bus", said); // captured, and published again as it was
        n1.expect("^Cluster: dropped an event replayed on the bus \\(1 so far");
        n1.type("/stats");
        n1.expect("^Cluster events dropped: 1 replayed, 2 without a valid MAC$");
    }

    /** Types /stats until its count of dropped events reads as expected, for at most 10 s. */
    private static void awaitStats(JarProcess node, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String line;
        do {
            node.type("/stats");
            line = node.expect("^Cluster events dropped: .*$").group();
        } while (!line.equals(expected) && System.nanoTime() < deadline);
        assertThat(line).isEqualTo(expected);
    }

    @Test
    void aPasswordOrAnAclUserIsUsedAndNeverShown() throws Exception {
        RedisServer redis = kept(RedisServer.start(List.of(
                "--requirepass",
                "requirepass-secret",
                // the ACL user the README suggests: its keys and channels only, nothing dangerous
                "--user",
                "chatroom",
                "on",
                ">acl-user-secret",
                "~chatroom:*",
                "&chatroom:*",
                "+@all",
                "-@dangerous")));
        JarProcess n1 = node("n1", redis.uri(":requirepass-secret"), "all");
        JarProcess n2 = node("n2", redis.uri("chatroom:acl-user-secret"), "all");
        n2.expect("^Cluster: node n2 on Redis at " + redis.uri() + "\\.$");
        IrcTestClient alice = kept(new IrcTestClient(n1.awaitListening()).autoPong());
        IrcTestClient bob = kept(new IrcTestClient(n2.awaitListening()).autoPong());
        alice.register("alice");
        bob.register("bob");
        alice.expect(":bob!\\S+ JOIN #chatroom");
        bob.send("PRIVMSG #chatroom :over an ACL user");
        alice.expect("PRIVMSG #chatroom :over an ACL user");

        JarProcess wrong = node("n3", redis.uri("chatroom:wrong-password"), "all");
        assertThat(wrong.waitForExit()).isEqualTo(1);
        assertThat(wrong.printed())
                .anyMatch(l -> l.contains("Redis " + redis.uri()) || l.contains("Redis at " + redis.uri()));
        for (JarProcess p : List.of(n1, n2, wrong)) {
            assertThat(p.printed())
                    .noneMatch(l -> l.contains("requirepass-secret")
                            || l.contains("acl-user-secret")
                            || l.contains("wrong-password")
                            || l.contains("WARNING"));
        }
    }

    @Test
    void aRedisOverTlsIsJoinedWhenItsCertificateIsTrusted() throws Exception {
        Path cert = dir.resolve("redis-cert.pem");
        Path key = dir.resolve("redis-key.pem");
        Pem.Identity redisId = SelfSigned.forServer("localhost", Duration.ofDays(1));
        Pem.write(redisId, cert, key);
        int tlsPort = RedisServer.freePort();
        RedisServer redis = kept(RedisServer.startOrSkip(
                List.of(
                        "--tls-port",
                        Integer.toString(tlsPort),
                        "--tls-cert-file",
                        cert.toString(),
                        "--tls-key-file",
                        key.toString(),
                        "--tls-auth-clients",
                        "no"),
                "SKIPPED: this redis-server takes no TLS (built without it)"));
        Path trust = dir.resolve("redis-ca.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("redis", redisId.leaf());
        try (OutputStream out = Files.newOutputStream(trust)) {
            store.store(out, TRUST_PASSWORD.toCharArray());
        }
        String uri = "rediss://127.0.0.1:" + tlsPort;

        JarProcess untrusting = node("n0", uri, "all"); // the JVM's own trust store knows no such certificate
        assertThat(untrusting.waitForExit()).isEqualTo(1);
        assertThat(untrusting.printed()).anyMatch(l -> l.contains(uri) && l.contains("cannot connect"));

        JarProcess n1 = node(
                "n1",
                uri,
                "all",
                "-Djavax.net.ssl.trustStore=" + trust,
                "-Djavax.net.ssl.trustStorePassword=" + TRUST_PASSWORD);
        n1.expect("^Cluster: node n1 on Redis at " + uri + "\\.$");
        IrcTestClient alice = kept(new IrcTestClient(n1.awaitListening()).autoPong());
        alice.registerWithCaps("alice", "echo-message");
        alice.send("PRIVMSG #chatroom :over TLS");
        alice.expect("PRIVMSG #chatroom :over TLS");
    }
}
