package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import dev.chatroom.testing.RedisServer;

/**
 * Several real server processes on one real redis-server: what users on different nodes see of
 * each other, nick uniqueness, the approval queue, a node killed, Redis restarted.
 */
class ClusterIT {
    private RedisServer redis;
    private final List<JarProcess> nodes = new ArrayList<>();
    private final List<IrcTestClient> clients = new ArrayList<>();

    @BeforeEach
    void redis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (IrcTestClient c : clients) c.close();
        for (JarProcess n : nodes) n.close();
        if (redis != null) redis.close();
    }

    private int node(String name, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("server", "--port", "0", "--redis", redis.uri(), "--node-name", name));
        args.addAll(List.of(extra));
        if (!args.contains("--approve")) args.addAll(List.of("--approve", "all"));
        JarProcess p = new JarProcess(args.toArray(String[]::new));
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
        bob.send("WHOIS alice");
        bob.expect(" 311 bob alice ");
        bob.expect(" 312 bob alice chatroom :chatroom server, node n1");
        bob.send("LUSERS");
        bob.expect(" 251 bob :There are 2 users and 0 invisible on 2 servers");
        bob.expect(" 255 bob :I have 1 clients and 1 servers");
        bob.expect(" 265 bob 1 1 :");
        bob.expect(" 266 bob 2 2 :");
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
    void aNickIsOnePersonsInTheWholeCluster() throws Exception {
        int p1 = node("n1");
        int p2 = node("n2");
        IrcTestClient watcher = client(p1, "watcher");
        watcher.send("PING warm");
        watcher.expect("PONG");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int port = i % 2 == 0 ? p1 : p2;
            tries.add(pool.submit(() -> {
                IrcTestClient c = new IrcTestClient(port).autoPong();
                synchronized (clients) {
                    clients.add(c);
                }
                c.sendRegistration("carol");
                String l = c.expect(" (001|433) ");
                return l.contains(" 001 ");
            }));
        }
        int won = 0;
        for (Future<Boolean> f : tries) if (f.get(30, TimeUnit.SECONDS)) won++;
        pool.shutdown();
        assertThat(won).as("connections that got the nick carol").isEqualTo(1);
        watcher.send("WHO carol");
        watcher.expect(" 352 watcher \\S+ \\S+ \\S+ \\S+ carol ");
    }

    @Test
    void aRequestIsAnsweredOnAnotherNodesConsole() throws Exception {
        node("n1", "--approve", "ask");
        int p2 = node("n2", "--approve", "ask");
        JarProcess console1 = nodes.get(0);
        IrcTestClient dave = new IrcTestClient(p2).autoPong();
        clients.add(dave);
        dave.sendRegistration("dave");
        dave.expect("Waiting for the admin");
        console1.expect("dave \\(.*\\) wants to join");
        console1.type("/accept dave");
        dave.expect(" 001 dave ");
        dave.expect(" 366 dave ");
        nodes.get(1).expect("dave entered the chatroom");
        console1.type("/accept dave");
        console1.expect("No request from dave");
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
    void anAccountMadeOnOneNodeWorksOnTheOthersAtOnce() throws Exception {
        int p1 = node("n1");
        int p2 = node("n2");
        IrcTestClient bob = new IrcTestClient(p2).autoPong();
        clients.add(bob);
        bob.registerWithCaps("bob", "account-notify");
        IrcTestClient alice = client(p1, "alice");
        bob.expect("JOIN #chatroom");
        alice.send("REGISTER * * correct-horse");
        alice.expect("REGISTER SUCCESS alice");
        bob.expect(":alice!\\S+ ACCOUNT alice");
        bob.send("WHOIS alice");
        bob.expect(" 330 bob alice alice ");
        alice.send("SETPASS battery-staple");
        alice.expect("SETPASS SUCCESS alice");
        alice.send("QUIT");
        alice.awaitClosed();

        assertThat(sasl(p2, "alice", "correct-horse")).contains(" 904 ");
        assertThat(sasl(p2, "alice", "battery-staple")).contains(" 900 ");
    }

    @Test
    void oneNameRegisteredOnTwoNodesAtOnceGoesToOne() throws Exception {
        int[] ports = {node("n1"), node("n2")};
        List<IrcTestClient> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            IrcTestClient c = new IrcTestClient(ports[i % 2]).autoPong();
            clients.add(c);
            both.add(c);
            c.send("CAP LS 302").send("NICK zed");
        }
        for (IrcTestClient c : both) c.send("REGISTER * * correct-horse-" + both.indexOf(c));
        List<String> answers = new ArrayList<>();
        for (IrcTestClient c : both) answers.add(c.expect("REGISTER (SUCCESS|ACCOUNT_EXISTS)"));
        assertThat(answers.stream().filter(a -> a.contains("SUCCESS"))).hasSize(1);
        int winner = answers.get(0).contains("SUCCESS") ? 0 : 1;
        assertThat(sasl(ports[1 - winner], "zed", "correct-horse-" + winner)).contains(" 900 ");
    }

    @Test
    void aPurgeOnOneNodeIsNotReplayedByAnother() throws Exception {
        int p1 = node("n1");
        int p2 = node("n2");
        IrcTestClient alice = client(p1, "alice");
        client(p2, "bob");
        alice.expect(":bob!\\S+ JOIN #chatroom");
        alice.send("PRIVMSG #chatroom :a secret");
        alice.expect("PRIVMSG #chatroom :a secret");
        IrcTestClient carol = client(p2, "carol");
        carol.expect("PRIVMSG #chatroom :a secret"); // replayed on joining: n2 holds it
        nodes.get(0).type("/purge #chatroom");
        nodes.get(0).expect("Removed 1 message said in #chatroom from the history");
        IrcTestClient dave = client(p2, "dave");
        dave.send("CHATHISTORY LATEST #chatroom * 10").send("PING :done");
        dave.expect("PONG .*done");
        assertThat(dave.history()).noneMatch(l -> l.contains("a secret"));
    }

    @Test
    void aNodeNameIsHeldByOneRunningServer() throws Exception {
        node("n1");
        JarProcess twin = new JarProcess("server", "--port", "0", "--redis", redis.uri(), "--node-name", "n1", "--approve", "all");
        nodes.add(twin);
        twin.expect("the node name n1 is in use by another running server");
        assertThat(twin.waitForExit()).isEqualTo(2);
        nodes.get(0).kill();
        int again = node("n1"); // waits for the dead server's hold on the name to run out
        client(again, "alice").send("PING :x").expect("PONG .*x");
    }

    /** Logs in with SASL PLAIN on a fresh connection: the 900 or 904 line. */
    private String sasl(int port, String account, String password) throws IOException {
        IrcTestClient c = new IrcTestClient(port).autoPong();
        clients.add(c);
        c.send("CAP REQ :sasl").send("NICK " + account + "_" + clients.size()).send("USER a 0 * :a").send("AUTHENTICATE PLAIN");
        c.expect("AUTHENTICATE \\+");
        c.send("AUTHENTICATE " + java.util.Base64.getEncoder().encodeToString(("\0" + account + "\0" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return c.expect(" 90[034] ");
    }
}
