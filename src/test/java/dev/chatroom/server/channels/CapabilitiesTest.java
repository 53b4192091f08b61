package dev.chatroom.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The IRCv3 capabilities real clients ask for, each as the specification describes it. */
class CapabilitiesTest extends HubTest {

    @Test
    void theCapabilitiesWeChatAsksForTogetherAreAllAccepted() {
        FakeClient c = server.connect();
        c.send("CAP LS 302");
        assertThat(c.next())
                .isEqualTo(
                        ":chatroom CAP * LS :account-notify draft/account-registration=before-connect account-tag away-notify batch echo-message extended-join extended-monitor labeled-response message-tags multi-prefix draft/multiline=max-bytes=4096,max-lines=100 sasl=PLAIN,EXTERNAL server-time setname standard-replies userhost-in-names");
        c.send("CAP REQ :multi-prefix userhost-in-names away-notify");
        assertThat(c.next()).isEqualTo(":chatroom CAP * ACK :multi-prefix userhost-in-names away-notify");
    }

    @Test
    void userhostInNamesShowsFullMasks() {
        server.join("alice");
        FakeClient bob = server.connect().registerWithCaps("bob", "userhost-in-names");
        bob.send("NAMES #chatroom");
        assertThat(bob.next()).isEqualTo(":chatroom 353 bob = #chatroom :alice!~alice@127.0.0.1 bob!~bob@127.0.0.1");
    }

    @Test
    void everyRelayedMessageCarriesAUniqueMsgidForMessageTagsClients() {
        FakeClient alice = server.connect().registerWithCaps("alice", "message-tags echo-message");
        FakeClient bob = server.connect().registerWithCaps("bob", "message-tags");
        FakeClient plain = server.join("plain");
        alice.sync();
        bob.sync();
        alice.send("PRIVMSG #chatroom :one");
        alice.send("PRIVMSG #chatroom :two");
        String echo = alice.next();
        String first = bob.next();
        String second = bob.next();
        assertThat(first).matches("@msgid=[0-9a-z]+-[0-9a-z]+ :alice!~alice@127\\.0\\.0\\.1 PRIVMSG #chatroom :one");
        assertThat(echo.split(" ")[0]).isEqualTo(first.split(" ")[0]); // the sender's echo has the same id
        assertThat(second.split(" ")[0]).isNotEqualTo(first.split(" ")[0]);
        assertThat(plain.expect("PRIVMSG")).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :one");
        alice.send("PRIVMSG bob :direct");
        assertThat(bob.expect("direct")).matches("@msgid=\\S+ :alice!~alice@127\\.0\\.0\\.1 PRIVMSG bob :direct");
    }

    @Test
    void tagDataOverTheClientLimitGets417() {
        FakeClient alice = server.connect().registerWithCaps("alice", "message-tags");
        FakeClient bob = server.join("bob");
        alice.send("@+big=" + "v".repeat(4094 - 5) + " PRIVMSG #chatroom :fits");
        assertThat(bob.expect("PRIVMSG")).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :fits");
        alice.sync();
        alice.send("@+big=" + "v".repeat(4094 - 4) + " PRIVMSG #chatroom :too much");
        assertThat(alice.next()).isEqualTo(":chatroom 417 alice :Input line was too long");
        assertThat(bob.sync()).isEmpty();
    }

    @Test
    void labeledResponsesComeAsOneLabeledLineAnAckOrABatch() {
        FakeClient alice = server.connect().registerWithCaps("alice", "labeled-response batch");
        alice.send("@label=p1 PING :x");
        assertThat(alice.next()).isEqualTo("@label=p1 :chatroom PONG chatroom :x");
        alice.send("@label=m1 PRIVMSG #chatroom :nobody echoes this");
        assertThat(alice.next()).isEqualTo("@label=m1 :chatroom ACK");
        alice.send("@label=w1 WHOIS alice");
        String start = alice.next();
        assertThat(start).matches("@label=w1 :chatroom BATCH \\+(\\S+) labeled-response");
        String id = start.split(" ")[3].substring(1);
        String line;
        int inside = 0;
        while (!(line = alice.next()).startsWith(":chatroom BATCH -")) {
            assertThat(line).startsWith("@batch=" + id + " :chatroom 3");
            inside++;
        }
        assertThat(line).isEqualTo(":chatroom BATCH -" + id);
        assertThat(inside).isGreaterThanOrEqualTo(3);
        alice.send("PING :unlabeled");
        assertThat(alice.next()).isEqualTo(":chatroom PONG chatroom :unlabeled");
    }

    @Test
    void aLabeledMessageToOneselfWithEchoComesTwiceLabeledOnce() {
        FakeClient alice = server.connect().registerWithCaps("alice", "labeled-response batch echo-message");
        alice.send("@label=s1 PRIVMSG alice :note to self");
        assertThat(alice.next()).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG alice :note to self");
        assertThat(alice.next()).isEqualTo("@label=s1 :alice!~alice@127.0.0.1 PRIVMSG alice :note to self");
        assertThat(alice.sync()).isEmpty();
    }

    @Test
    void labelsAreIgnoredWithoutTheCapability() {
        FakeClient alice = server.join("alice");
        alice.send("@label=p1 PING :x");
        assertThat(alice.next()).isEqualTo(":chatroom PONG chatroom :x");
    }

    @Test
    void awayNotifyTellsCoMembersWhoAskedAndJoinsOfAwayUsers() {
        FakeClient alice = server.connect().registerWithCaps("alice", "away-notify");
        FakeClient bob = server.join("bob");
        FakeClient plain = server.join("plain");
        alice.sync();
        bob.sync();
        bob.send("AWAY :gone fishing");
        assertThat(bob.next()).isEqualTo(":chatroom 306 bob :You have been marked as being away");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 AWAY :gone fishing");
        bob.send("AWAY");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 AWAY");
        assertThat(plain.sync()).isEmpty();
        bob.send("AWAY :again").send("JOIN #side").sync();
        alice.send("JOIN #side").sync();
        plain.send("AWAY :brb").sync();
        assertThat(alice.next()).isEqualTo(":plain!~plain@127.0.0.1 AWAY :brb");
        plain.send("JOIN #side");
        assertThat(alice.next()).isEqualTo(":plain!~plain@127.0.0.1 JOIN #side");
        assertThat(alice.next()).isEqualTo(":plain!~plain@127.0.0.1 AWAY :brb");
    }

    @Test
    void setnameChangesTheRealnameAndTellsThoseWhoAsked() {
        FakeClient alice = server.connect().registerWithCaps("alice", "setname");
        FakeClient bob = server.connect().registerWithCaps("bob", "setname");
        FakeClient plain = server.join("plain");
        alice.sync();
        bob.sync();
        alice.send("SETNAME :Alice Liddell");
        assertThat(alice.next()).isEqualTo(":alice!~alice@127.0.0.1 SETNAME :Alice Liddell");
        assertThat(bob.next()).isEqualTo(":alice!~alice@127.0.0.1 SETNAME :Alice Liddell");
        assertThat(plain.sync()).isEmpty();
        bob.send("WHOIS alice");
        assertThat(bob.next()).isEqualTo(":chatroom 311 bob alice ~alice 127.0.0.1 * :Alice Liddell");
        alice.send("SETNAME :" + "n".repeat(101));
        assertThat(alice.next()).isEqualTo(":chatroom NOTICE alice :Realname is not valid (1-100 bytes).");
    }

    @Test
    void stsPointsPlainClientsToTheTlsPortOnlyWhenTheCertificateIsTrusted() {
        InMemoryServer server = new InMemoryServer();
        FakeClient before = server.connect().send("CAP LS 302");
        assertThat(before.next()).doesNotContain("sts");
        server.hub.gate().strictTransport(6697, Duration.ofDays(30));
        FakeClient plain = server.connect().send("CAP LS 302");
        assertThat(plain.next()).endsWith(" userhost-in-names sts=port=6697,duration=2592000");
        FakeClient secure = server.connectSecure("203.0.113.7", null).send("CAP LS 302");
        assertThat(secure.next()).endsWith(" sts=duration=2592000");
        FakeClient old = server.connect().send("CAP LS");
        assertThat(old.next()).endsWith(" userhost-in-names"); // sts means nothing without its value
        plain.send("CAP REQ :sts");
        assertThat(plain.next()).isEqualTo(":chatroom CAP * NAK :sts");
    }
}
