package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagingTest extends HubTest {

    @Test
    void everyOtherMemberSeesTheJoin() {
        FakeClient alice = server.join("alice");
        server.join("bob");
        assertThat(alice.next()).isEqualTo(":bob!~bob@127.0.0.1 JOIN #chatroom");
    }

    @Test
    void broadcastReachesAllOthersExactlyOnceAndNotTheSender() {
        List<FakeClient> room = new ArrayList<>();
        for (int i = 0; i < 5; i++) room.add(server.join("user" + i));
        for (FakeClient c : room) c.sync();
        FakeClient sender = room.get(0);
        sender.send("PRIVMSG #chatroom :hello everyone");
        assertThat(sender.sync()).isEmpty();
        for (FakeClient c : room.subList(1, room.size())) {
            assertThat(c.sync()).containsExactly(":user0!~user0@127.0.0.1 PRIVMSG #chatroom :hello everyone");
        }
    }

    @Test
    void echoMessageAndServerTime() {
        FakeClient alice = server.connect().registerWithCaps("alice", "echo-message server-time");
        FakeClient bob = server.join("bob");
        alice.sync();
        alice.send("PRIVMSG #chatroom :seen by all");
        String echo = alice.next();
        assertThat(echo)
                .matches(
                        "@time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z :alice!~alice@127.0.0.1 PRIVMSG #chatroom :seen by all");
        assertThat(bob.next()).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :seen by all");
    }

    @Test
    void clientTagsTravelOnlyToMessageTagsClients() {
        FakeClient alice = server.connect().registerWithCaps("alice", "message-tags");
        FakeClient bob = server.connect().registerWithCaps("bob", "message-tags");
        FakeClient plain = server.join("plain");
        bob.sync();
        alice.send("@+draft/react=wave;notforwarded=1 PRIVMSG #chatroom :hi");
        assertThat(bob.expect("PRIVMSG"))
                .matches("@msgid=\\S+;\\+draft/react=wave :alice!~alice@127\\.0\\.0\\.1 PRIVMSG #chatroom :hi");
        assertThat(plain.expect("PRIVMSG")).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :hi");
        alice.send("@+typing=active TAGMSG #chatroom");
        assertThat(bob.expect("TAGMSG"))
                .matches("@msgid=\\S+;\\+typing=active :alice!~alice@127\\.0\\.0\\.1 TAGMSG #chatroom");
        assertThat(plain.sync()).isEmpty();
    }

    @Test
    void privateMessageReachesOnlyItsTarget() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        FakeClient carol = server.join("carol");
        alice.sync();
        bob.sync();
        alice.send("PRIVMSG BOB :psst");
        assertThat(alice.sync()).isEmpty(); // processed: everything it caused is on its way
        assertThat(bob.sync()).containsExactly(":alice!~alice@127.0.0.1 PRIVMSG bob :psst");
        assertThat(carol.sync())
                .doesNotContain(":alice!~alice@127.0.0.1 PRIVMSG bob :psst")
                .noneMatch(l -> l.contains("psst"));
    }

    @Test
    void privateMessageEchoesToTheSenderWithEchoMessage() {
        FakeClient alice = server.connect().registerWithCaps("alice", "echo-message");
        FakeClient bob = server.join("bob");
        alice.sync();
        alice.send("PRIVMSG bob :for you");
        assertThat(alice.next()).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG bob :for you");
        assertThat(bob.next()).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG bob :for you");
    }

    @Test
    void unknownTargetsAndEmptyText() {
        FakeClient alice = server.join("alice");
        alice.send("PRIVMSG nobody :hello?");
        assertThat(alice.next()).isEqualTo(":chatroom 401 alice nobody :No such nick/channel");
        alice.send("PRIVMSG #nowhere :hello?");
        assertThat(alice.next()).isEqualTo(":chatroom 403 alice #nowhere :No such channel");
        alice.send("PRIVMSG #chatroom :");
        assertThat(alice.next()).isEqualTo(":chatroom 412 alice :No text to send");
        alice.send("PRIVMSG #chatroom");
        assertThat(alice.next()).isEqualTo(":chatroom 412 alice :No text to send");
        alice.send("PRIVMSG");
        assertThat(alice.next()).isEqualTo(":chatroom 411 alice :No recipient given (PRIVMSG)");
    }

    @Test
    void pendingUsersAreNotReachable() {
        try (InMemoryServer ask =
                new InMemoryServer(InMemoryServer.config(b -> b.approve(ServerConfig.ApprovalPolicy.ASK)))) {
            FakeClient waiting = ask.connect().sendRegistration("waiting");
            waiting.next();
            FakeClient other = ask.connect().sendRegistration("other");
            other.next();
            ask.admin.execute("/accept other");
            other.expect(" 366 ");
            other.send("PRIVMSG waiting :hi");
            assertThat(other.next()).isEqualTo(":chatroom 401 other waiting :No such nick/channel");
        }
    }

    @Test
    void noticeIsRelayedButNeverAnsweredWithErrors() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        alice.send("NOTICE nobody :x").send("NOTICE #nowhere :x").send("NOTICE #chatroom :");
        assertThat(alice.sync()).isEmpty();
        alice.send("NOTICE #chatroom :heads up");
        assertThat(bob.expect("NOTICE")).isEqualTo(":alice!~alice@127.0.0.1 NOTICE #chatroom :heads up");
    }

    @Test
    void textIsPassedOnByteExactWithMircCodesAndUnicode() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        String text = "\u000304,01red on black\u000F \u0002bold\u0002 ünïcödé 😀 \u001b[2J tabs\there";
        alice.sendRaw(("PRIVMSG #chatroom :" + text + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(bob.expect("PRIVMSG")).isEqualTo(":alice!~alice@127.0.0.1 PRIVMSG #chatroom :" + text);
    }

    @Test
    void cannotSendToARoomOneIsNotIn() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        bob.send("JOIN #side");
        bob.expect(" 366 bob #side ");
        alice.send("PRIVMSG #side :let me in");
        assertThat(alice.expect(" 404 ")).isEqualTo(":chatroom 404 alice #side :Cannot send to channel (+n)");
    }

    @Test
    void tooManyTargets() {
        FakeClient alice = server.join("alice");
        alice.send("PRIVMSG a,b,c,d,e :x");
        assertThat(alice.next()).startsWith(":chatroom 407 alice a,b,c,d,e :");
    }

    @Test
    void awayIsReportedToPrivateSenders() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        bob.send("AWAY :lunch");
        assertThat(bob.next()).isEqualTo(":chatroom 306 bob :You have been marked as being away");
        alice.send("PRIVMSG bob :there?");
        assertThat(alice.expect(" 301 ")).isEqualTo(":chatroom 301 alice bob :lunch");
        bob.send("AWAY");
        assertThat(bob.expect(" 305 ")).isEqualTo(":chatroom 305 bob :You are no longer marked as being away");
    }

    @Test
    void repliesComeInOrderAfterWhatTheCommandBeforeCaused() {
        FakeClient alice = server.join("alice");
        alice.send("PRIVMSG nobody :1").send("PING :after").send("PRIVMSG nobody2 :2");
        assertThat(alice.next()).contains(" 401 alice nobody ");
        assertThat(alice.next()).isEqualTo(":chatroom PONG chatroom :after");
        assertThat(alice.next()).contains(" 401 alice nobody2 ");
    }
}
