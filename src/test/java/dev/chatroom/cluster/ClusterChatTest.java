package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What users on different nodes see of each other: one order for a room, private messages, the queries. */
class ClusterChatTest {
    private static final String CAPS = "message-tags server-time echo-message";

    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1");
    private final InMemoryServer n2 = cluster.start("n2");

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aRoomsMessagesReachEveryNodeInOneOrderWithOneMsgidEach() {
        FakeClient alice = n1.connect().registerWithCaps("alice", CAPS);
        FakeClient bob = n2.connect().registerWithCaps("bob", CAPS);
        alice.expect(":bob!\\S+ JOIN #chatroom");
        cluster.clock.atOnce(() -> {
            for (int i = 0; i < 20; i++) {
                alice.send("PRIVMSG #chatroom :a" + i);
                bob.send("PRIVMSG #chatroom :b" + i);
            }
        });

        List<String> seenByAlice = said(alice);
        assertThat(seenByAlice).hasSize(40).doesNotHaveDuplicates().isEqualTo(said(bob));
        assertThat(seenByAlice.get(0)).matches("n1\\.\\S+ a0");
        assertThat(seenByAlice.get(1)).matches("n2\\.\\S+ b0");
    }

    /** The room messages a client got, each as its msgid and text, in the order received. */
    private static List<String> said(FakeClient c) {
        List<String> out = new ArrayList<>();
        for (String l : c.sync()) {
            if (l.contains(" PRIVMSG #chatroom :"))
                out.add(l.replaceAll(".*msgid=([^; ]+).*", "$1") + " " + l.substring(l.lastIndexOf(':') + 1));
        }
        return out;
    }

    @Test
    void privateMessagesCrossNodesBothWays() {
        FakeClient alice = n1.connect().registerWithCaps("alice", CAPS);
        FakeClient bob = n2.connect().registerWithCaps("bob", CAPS);
        alice.send("PRIVMSG bob :just for you");
        assertThat(bob.expect("PRIVMSG bob :just for you")).contains(":alice!").contains("msgid=n1.");
        bob.send("NOTICE alice :got it");
        assertThat(alice.expect("NOTICE alice :got it")).contains(":bob!").contains("msgid=n2.");
        alice.send("PRIVMSG nobody :hello?");
        alice.expect(" 401 alice nobody ");
    }

    @Test
    void clientOnlyTagsCrossNodesFromThoseWhoNegotiatedMessageTagsOnly() {
        FakeClient alice = n1.connect().registerWithCaps("alice", CAPS);
        FakeClient plain = n1.connect().register("plain");
        FakeClient bob = n2.connect().registerWithCaps("bob", CAPS);
        alice.send("@+draft/react=wave TAGMSG bob");
        assertThat(bob.expect("TAGMSG")).contains("+draft/react=wave").contains(":alice!");
        plain.send("@+draft/reply=x PRIVMSG bob :untagged");
        assertThat(bob.expect("PRIVMSG bob :untagged")).doesNotContain("+draft/reply");
    }

    @Test
    void whoisNamesAndLusersCountEveryNode() {
        n1.connect().register("alice");
        FakeClient bob = n2.connect().register("bob");
        bob.send("NAMES #chatroom");
        bob.expect(" 353 bob = #chatroom :.*alice");
        bob.send("WHOIS alice");
        bob.expect(" 311 bob alice ~alice ");
        bob.expect(" 312 bob alice chatroom :chatroom server, node n1");
        bob.send("WHOIS bob");
        bob.expect(" 312 bob bob chatroom :chatroom server, node n2");
        bob.send("LUSERS");
        bob.expect(" 251 bob :There are 2 users and 0 invisible on 2 servers");
        bob.expect(" 255 bob :I have 1 clients and 1 servers");
        bob.expect(" 265 bob 1 1 :");
        bob.expect(" 266 bob 2 2 :");
    }

    @Test
    void aThirdNodeSeesTheUsersOfTheTwoBeforeIt() {
        n1.connect().register("alice");
        n2.connect().register("bob");
        FakeClient carol = cluster.start("n3").connect().register("carol");
        carol.send("NAMES #chatroom");
        assertThat(carol.expect(" 353 carol = #chatroom "))
                .contains("alice")
                .contains("bob")
                .contains("carol");
        carol.send("LUSERS");
        carol.expect(" 251 carol :There are 3 users and 0 invisible on 3 servers");
    }

    @Test
    void joinsTopicsAndNickChangesShowOnEveryNode() {
        FakeClient alice = n1.connect().register("alice");
        FakeClient bob = n2.connect().register("bob");
        alice.sync();
        bob.send("JOIN #dev");
        bob.send("TOPIC #dev :shipping");
        alice.send("JOIN #dev");
        alice.expect(" 332 alice #dev :shipping");
        alice.expect(" 353 alice = #dev :.*@bob");
        bob.expect(":alice!\\S+ JOIN #dev");
        bob.send("NICK robert");
        alice.expect(":bob!\\S+ NICK :?robert");
        alice.send("PRIVMSG robert :hi robert");
        bob.expect(":alice!\\S+ PRIVMSG robert :hi robert");
    }
}
