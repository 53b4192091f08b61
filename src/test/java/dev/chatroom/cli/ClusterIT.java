package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import dev.chatroom.testing.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke tests of cluster mode where the in-memory tests (dev.chatroom.cluster, on InMemoryBus)
 * cannot reach: real server processes on one real redis-server, in real time. Messages cross
 * nodes in one order, a killed node's users quit, a Redis restart splits the chat and it heals,
 * a running server holds its node name, history lives in Redis.
 */
class ClusterIT {
    private RedisServer redis;
    private final List<JarProcess> nodes = new ArrayList<>();
    private final List<IrcTestClient> clients = new ArrayList<>();
    private Path secret;

    @BeforeEach
    void redis(@TempDir Path dir) throws Exception {
        redis = RedisServer.start();
        secret = secretFile(dir);
    }

    /** A cluster secret in a file of its own, as the README says to keep it. */
    static Path secretFile(Path dir) throws IOException {
        Path file = dir.resolve("cluster-secret");
        Files.writeString(file, "0123456789abcdef0123456789abcdef0123456789abcdef\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @AfterEach
    void stop() throws Exception {
        for (IrcTestClient c : clients) c.close();
        for (JarProcess n : nodes) n.close();
        if (redis != null) redis.close();
    }

    private int node(String name) throws Exception {
        JarProcess p = new JarProcess(
                "server",
                "--port",
                "0",
                "--redis",
                redis.uri(),
                "--cluster-secret-file",
                secret.toString(),
                "--node-name",
                name,
                "--approve",
                "all");
        nodes.add(p);
        return p.awaitListening();
    }

    private IrcTestClient client(int port, String nick) throws IOException {
        IrcTestClient c = new IrcTestClient(port).autoPong();
        clients.add(c);
        c.registerWithCaps(nick, "message-tags server-time echo-message");
        return c;
    }

    @Test
    void roomAndPrivateMessagesCrossNodesInOneOrder() throws Exception {
        int p1 = node("n1");
        int p2 = node("n2");
        IrcTestClient alice = client(p1, "alice");
        IrcTestClient bob = client(p2, "bob");
        alice.expect(":bob!\\S+ JOIN #chatroom");
        bob.send("NAMES #chatroom");
        bob.expect(" 353 bob = #chatroom :.*alice");
        for (int i = 0; i < 20; i++) {
            alice.send("PRIVMSG #chatroom :a" + i);
            bob.send("PRIVMSG #chatroom :b" + i);
        }
        List<String> seenByAlice = said(alice, 40);
        List<String> seenByBob = said(bob, 40);
        assertThat(seenByAlice).hasSize(40).doesNotHaveDuplicates().isEqualTo(seenByBob);

        alice.send("PRIVMSG bob :just for you");
        String got = bob.expect("PRIVMSG bob :just for you");
        assertThat(got).contains(":alice!").contains("msgid=n1.");
    }

    @Test
    void everyNodeShowsAUserUnderTheOneCloakTheSecretInRedisMakes() throws Exception {
        int p1 = node("n1");
        int p2 = node("n2");
        IrcTestClient alice = client(p1, "alice");
        String cloak = alice.history().stream()
                .filter(l -> l.contains(" 001 alice "))
                .findFirst()
                .orElseThrow()
                .replaceAll(".*@", "");
        assertThat(cloak).matches("[a-z2-9]{16}\\.ip");
        IrcTestClient bob = client(p2, "bob");
        bob.send("WHOIS alice");
        assertThat(bob.expect(" 311 ")).isEqualTo(":chatroom 311 bob alice ~alice " + cloak + " * :alice Tester");
    }

    /** The texts of the next n room messages, in the order received (msgid included: every node must give the same one). */
    private static List<String> said(IrcTestClient c, int n) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String l = c.expect("PRIVMSG #chatroom :");
            String msgid = l.replaceAll(".*msgid=([^; ]+).*", "$1");
            out.add(msgid + " " + l.substring(l.lastIndexOf(':') + 1));
        }
        return out;
    }

    @Test
    void aKilledNodesUsersQuitWithinTenSeconds() throws Exception {
        int p1 = node("n1");
        int p2 = node("n2");
        IrcTestClient alice = client(p1, "alice");
        IrcTestClient bob = client(p2, "bob");
        alice.expect(":bob!\\S+ JOIN #chatroom");
        long start = System.nanoTime();
        nodes.get(1).kill();
        alice.expect(":bob!\\S+ QUIT :node lost");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        IrcTestClient bobAgain = client(p1, "bob"); // the nick is free again
        alice.expect(":bob!\\S+ JOIN #chatroom");
        bobAgain.send("PRIVMSG alice :back");
        alice.expect("PRIVMSG alice :back");
    }

    @Test
    void redisRestartSplitsThenHeals() throws Exception {
        int p1 = node("n1");
        int p2 = node("n2");
        IrcTestClient alice = client(p1, "alice");
        IrcTestClient bob = client(p2, "bob");
        alice.expect(":bob!\\S+ JOIN #chatroom");
        redis.kill();
        alice.expect("NOTICE alice :The chat is split");
        alice.expect(":bob!\\S+ QUIT :node lost");
        alice.send("PRIVMSG #chatroom :only here");
        alice.expect("PRIVMSG #chatroom :only here");
        redis.startAgain();
        alice.expect("NOTICE alice :The chat is whole again");
        alice.expect(":bob!\\S+ JOIN #chatroom");
        bob.expect(":alice!\\S+ JOIN #chatroom");
        alice.send("PRIVMSG #chatroom :together again");
        bob.expect("PRIVMSG #chatroom :together again");
        assertThat(bob.history()).noneMatch(l -> l.contains("only here"));
    }

    @Test
    void historyIsSharedWithANodeStartedLater() throws Exception {
        int p1 = node("n1");
        IrcTestClient alice = client(p1, "alice");
        alice.send("PRIVMSG #chatroom :remember me");
        alice.expect("PRIVMSG #chatroom :remember me");
        alice.send("PRIVMSG #chatroom :and me");
        String second = alice.expect("PRIVMSG #chatroom :and me");
        int p2 = node("n2");
        IrcTestClient carol = new IrcTestClient(p2).autoPong();
        clients.add(carol);
        carol.send("CAP REQ :message-tags server-time batch draft/chathistory");
        carol.sendRegistration("carol");
        carol.send("CAP END");
        carol.expect(" 366 carol ");
        carol.send("CHATHISTORY LATEST #chatroom * 10");
        carol.expect("PRIVMSG #chatroom :remember me");
        String replayed = carol.expect("PRIVMSG #chatroom :and me");
        assertThat(replayed).contains(second.replaceAll(".*(msgid=[^; ]+).*", "$1"));
    }

    @Test
    void aNodeNameIsHeldByOneRunningServer() throws Exception {
        node("n1");
        JarProcess twin = new JarProcess(
                "server",
                "--port",
                "0",
                "--redis",
                redis.uri(),
                "--cluster-secret-file",
                secret.toString(),
                "--node-name",
                "n1",
                "--approve",
                "all");
        nodes.add(twin);
        twin.expect("the node name n1 is in use by another running server");
        assertThat(twin.waitForExit()).isEqualTo(2);
        nodes.get(0).kill();
        int again = node("n1"); // waits for the dead server's hold on the name to run out
        client(again, "alice").send("PING :x").expect("PONG .*x");
    }
}
