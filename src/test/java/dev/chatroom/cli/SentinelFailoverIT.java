package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import dev.chatroom.testing.RedisSentinels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster on Redis watched by Sentinel, with real processes: a primary, its replica, three sentinels and two server
 * nodes on the Sentinel address. The primary is killed (-9) while people on both nodes chat: Sentinel promotes the
 * replica, both nodes split and heal within 15 s on the new primary, people chat across nodes again, every message
 * anyone was answered for is in history once, and nobody got any message twice.
 */
class SentinelFailoverIT {
    private static final Duration REJOIN = Duration.ofSeconds(15);
    private static final Pattern PRIVMSG = Pattern.compile("msgid=([^; ]+).* PRIVMSG #chatroom :(.*)$");

    @TempDir
    Path dir;

    private RedisSentinels redis;
    private final List<JarProcess> nodes = new ArrayList<>();
    private final List<IrcTestClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (IrcTestClient c : clients) c.close();
        for (JarProcess n : nodes) n.close();
        if (redis != null) redis.close();
    }

    private JarProcess node(String name) throws Exception {
        JarProcess p = new JarProcess(
                "server",
                "--port",
                "0",
                "--redis",
                redis.uri(),
                "--redis-wait-replicas",
                "1",
                "--cluster-secret-file",
                ClusterIT.secretFile(dir).toString(),
                "--node-name",
                name,
                "--approve",
                "all",
                "--flood-rate",
                "50",
                "--flood-burst",
                "50");
        nodes.add(p);
        return p;
    }

    private IrcTestClient client(int port, String nick) throws Exception {
        IrcTestClient c = new IrcTestClient(port).autoPong();
        clients.add(c);
        c.registerWithCaps(nick, "message-tags server-time echo-message batch draft/chathistory");
        return c;
    }

    /** Says text in the room and waits for its echo: the server's answer that it took the message. Returns its msgid. */
    private static String say(IrcTestClient c, String text) throws IOException {
        c.send("PRIVMSG #chatroom :" + text);
        String echo = c.expect(l -> l.contains(" :" + c.nick + "!") && l.endsWith(" PRIVMSG #chatroom :" + text), text);
        Matcher m = PRIVMSG.matcher(echo);
        assertThat(m.find()).as(echo).isTrue();
        return m.group(1);
    }

    @Test
    void afterThePrimaryIsKilledTheNodesHealOnThePromotedReplicaLosingAndRepeatingNothing() throws Exception {
        redis = RedisSentinels.start();
        int oldPrimary = redis.primaryPort();
        JarProcess n1 = node("n1");
        JarProcess n2 = node("n2");
        int p2 = n2.awaitListening();
        IrcTestClient alice = client(n1.awaitListening(), "alice");
        IrcTestClient bob = client(p2, "bob");
        alice.expect(":bob!\\S+ JOIN #chatroom");
        Map<String, String> answered = new LinkedHashMap<>(); // msgid -> text, every message whose echo came back
        for (int i = 0; i < 20; i++) {
            answered.put(say(alice, "a" + i), "a" + i);
            answered.put(say(bob, "b" + i), "b" + i);
        }

        long killed = System.nanoTime();
        redis.node(oldPrimary).kill();
        // people go on talking through the failover: on a split their server takes their lines alone
        int i = 20;
        while (!healed(alice) || !healed(bob)) {
            assertThat(Duration.ofNanos(System.nanoTime() - killed))
                    .as("both nodes whole again on the new primary")
                    .isLessThan(REJOIN);
            answered.put(say(alice, "a" + i), "a" + i);
            answered.put(say(bob, "b" + i), "b" + i);
            i++;
        }
        Duration rejoined = Duration.ofNanos(System.nanoTime() - killed);
        System.out.println("SentinelFailoverIT: both nodes whole again " + rejoined.toMillis() + " ms after kill -9");
        assertThat(redis.primaryPort()).isNotEqualTo(oldPrimary);
        assertThat(alice.history()).anyMatch(l -> l.contains("NOTICE alice :The chat is split"));
        assertThat(bob.history()).anyMatch(l -> l.contains("NOTICE bob :The chat is split"));

        sinceHeal(alice, ":bob!\\S+ JOIN #chatroom");
        sinceHeal(bob, ":alice!\\S+ JOIN #chatroom");
        answered.put(say(alice, "across"), "across");
        bob.expect("PRIVMSG #chatroom :across$");
        answered.put(say(bob, "and back"), "and back");
        alice.expect("PRIVMSG #chatroom :and back$");

        IrcTestClient carol = client(p2, "carol");
        carol.sync(); // past the room's replay on joining
        Map<String, String> kept = Await.until(
                "every answered message in history",
                Duration.ofSeconds(20),
                () -> history(carol),
                h -> h.keySet().containsAll(answered.keySet()));
        assertThat(kept).containsAllEntriesOf(answered);
        assertThat(kept.values()).doesNotHaveDuplicates();
        for (IrcTestClient c : List.of(alice, bob))
            assertThat(msgids(c.history())).doesNotHaveDuplicates();

        // the promoted primary has no replica yet: history is kept until one confirms it, then written
        n1.expect("History: Redis took messages but only 0 of 1 replica\\(s\\) confirmed it");
        redis.replicaOf(redis.primaryPort());
        n1.expect("History: Redis takes writes again");
    }

    private static boolean healed(IrcTestClient c) {
        return c.history().stream().anyMatch(l -> l.contains("NOTICE " + c.nick + " :The chat is whole again."));
    }

    /** Waits for a line matching regex, unless one came already since the chat healed (while the test was talking). */
    private static void sinceHeal(IrcTestClient c, String regex) {
        Pattern p = Pattern.compile(regex);
        List<String> h = c.history();
        for (int i = h.size() - 1; i >= 0 && !h.get(i).contains(":The chat is whole again."); i--)
            if (p.matcher(h.get(i)).find()) return;
        c.expect(regex);
    }

    /** The msgids of the room messages among lines, in order: one twice is a message delivered twice. */
    private static List<String> msgids(List<String> lines) {
        List<String> ids = new ArrayList<>();
        for (String l : lines) {
            Matcher m = PRIVMSG.matcher(l);
            if (m.find() && !l.contains("batch=")) ids.add(m.group(1));
        }
        return ids;
    }

    /** The room's history as CHATHISTORY gives it: msgid -> text, failing on a msgid given twice. */
    private static Map<String, String> history(IrcTestClient c) throws IOException {
        c.send("CHATHISTORY LATEST #chatroom * 1000");
        String start = c.expect(" BATCH \\+\\S+ chathistory #chatroom");
        String batch = start.replaceAll(".* BATCH \\+(\\S+) .*", "$1");
        Map<String, String> found = new HashMap<>();
        for (String l = c.next(); !l.endsWith(" BATCH -" + batch); l = c.next()) {
            Matcher m = PRIVMSG.matcher(l);
            if (m.find())
                assertThat(found.put(m.group(1), m.group(2))).as("%s twice", l).isNull();
        }
        return found;
    }
}
