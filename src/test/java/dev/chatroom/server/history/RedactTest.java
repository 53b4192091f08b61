package dev.chatroom.server.history;

import static dev.chatroom.testing.FakeClient.msgid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.Settings;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.Opers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REDACT (draft/message-redaction) on the real hub with a real chatroom.db (inline) and a manual clock. */
class RedactTest {
    private static final String CAPS = "message-tags echo-message draft/message-redaction";
    private static final String PUBLIC = "203.0.113.7";

    @TempDir
    Path dir;

    private InMemoryServer server;

    private InMemoryServer start(Consumer<Settings> changes) {
        Consumer<Settings> quiet = b -> b.pingInterval(Duration.ofDays(30)).pingTimeout(Duration.ofDays(30));
        server = new InMemoryServer(
                InMemoryServer.config(quiet.andThen(Opers::configured).andThen(changes)), dir);
        return server;
    }

    @AfterEach
    void close() {
        if (server != null) server.close();
    }

    private FakeClient member(String nick, String caps) {
        FakeClient c = server.connect().registerWithCaps(nick, caps);
        c.send("JOIN #dev").expect(" 366 " + nick + " ");
        return c;
    }

    /** c says text in #dev; its msgid, as the echo showed it. */
    private String say(FakeClient c, String target, String text) {
        c.send("PRIVMSG " + target + " :" + text);
        return msgid(c.expect("PRIVMSG " + Pattern.quote(target) + " :" + Pattern.quote(text)));
    }

    @Test
    void theSenderDeletesItsMessageAndThoseWithTheCapabilityAreTold() {
        start(b -> {});
        FakeClient alice = member("alice", CAPS + " labeled-response");
        FakeClient bob = member("bob", CAPS);
        FakeClient carol = member("carol", "message-tags");
        String id = say(alice, "#dev", "oops, wrong room");
        bob.sync();
        carol.sync();

        alice.send("@label=r1 REDACT #dev " + id + " :wrong room");
        assertThat(alice.next())
                .matches("@label=r1;msgid=\\S+ :alice!\\S+ REDACT #dev " + Pattern.quote(id) + " :wrong room");
        assertThat(bob.next()).matches("@msgid=\\S+ :alice!\\S+ REDACT #dev " + Pattern.quote(id) + " :wrong room");
        assertThat(carol.sync()).isEmpty();
        assertThat(bob.sync()).isEmpty();

        alice.send("REDACT #dev " + id); // gone: a second time it is unknown
        assertThat(alice.next())
                .isEqualTo(":chatroom FAIL REDACT UNKNOWN_MSGID #dev " + id
                        + " :This message does not exist or is too old");
    }

    @Test
    void aDeletedMessageIsGoneFromChathistorySearchAndTheJoinReplay() {
        start(b -> {});
        FakeClient alice = member("alice", CAPS + " batch draft/chathistory soju.im/search");
        String kept = say(alice, "#dev", "the deploy is done");
        String gone = say(alice, "#dev", "the deploy password is hunter2");
        alice.send("REDACT #dev " + gone).expect(" REDACT #dev ");

        alice.send("CHATHISTORY LATEST #dev * 10");
        String batch = String.join("\n", alice.sync());
        assertThat(batch).contains(kept).doesNotContain(gone).doesNotContain("hunter2");
        alice.send("SEARCH text=deploy");
        String found = String.join("\n", alice.sync());
        assertThat(found).contains("the deploy is done").doesNotContain("hunter2");

        FakeClient dave = server.connect().register("dave");
        dave.send("JOIN #dev");
        String replay = String.join("\n", dave.sync());
        assertThat(replay).contains("the deploy is done").doesNotContain("hunter2");
    }

    @Test
    void othersAreRefusedAndNobodyIsTold() {
        start(b -> {});
        FakeClient alice = member("alice", CAPS); // the room's first member: its operator
        FakeClient bob = member("bob", CAPS);
        bob.send("PRIVMSG #dev :hello");
        alice.sync();
        String id = say(alice, "#dev", "mine");
        bob.sync();

        bob.send("REDACT #dev " + id + " :no");
        assertThat(bob.next())
                .isEqualTo(":chatroom FAIL REDACT REDACT_FORBIDDEN #dev " + id
                        + " :You are not authorised to delete this message");
        assertThat(alice.sync()).isEmpty();

        bob.send("REDACT #elsewhere " + id);
        assertThat(bob.next())
                .isEqualTo(
                        ":chatroom FAIL REDACT INVALID_TARGET #elsewhere :You cannot delete messages from #elsewhere");
        bob.send("REDACT #dev no-such-id");
        assertThat(bob.next()).startsWith(":chatroom FAIL REDACT UNKNOWN_MSGID #dev no-such-id :");
    }

    @Test
    void roomOperatorsAndIrcOperatorsDeleteOthersMessagesWhateverTheirAge() {
        start(b -> {});
        FakeClient alice = member("alice", CAPS); // operator of #dev
        FakeClient bob = member("bob", CAPS);
        String first = say(bob, "#dev", "spam one");
        String second = say(bob, "#dev", "spam two");
        server.advance(Duration.ofDays(2));
        alice.sync();

        alice.send("REDACT #dev " + first + " :spam");
        assertThat(alice.next()).contains(":alice!").endsWith(" REDACT #dev " + first + " :spam");
        assertThat(bob.next()).contains(":alice!").endsWith(" REDACT #dev " + first + " :spam");

        FakeClient oper = Opers.operator(server, "oper"); // not even in the room
        oper.send("CAP REQ :" + CAPS).sync();
        oper.send("REDACT #dev " + second);
        assertThat(oper.next()).contains(":oper!").endsWith(" REDACT #dev " + second);
        assertThat(bob.expect(" REDACT ")).endsWith(" REDACT #dev " + second);
    }

    @Test
    void aSenderMayDeleteOnlyWithinTheWindow() {
        start(b -> b.redactWindow(Duration.ofHours(1)));
        member("alice", CAPS);
        FakeClient bob = member("bob", CAPS);
        String early = say(bob, "#dev", "first");
        String late = say(bob, "#dev", "second");
        server.advance(Duration.ofMinutes(59));
        bob.send("REDACT #dev " + early);
        assertThat(bob.next()).endsWith(" REDACT #dev " + early);
        server.advance(Duration.ofMinutes(2));
        bob.send("REDACT #dev " + late);
        assertThat(bob.next())
                .isEqualTo(":chatroom FAIL REDACT REDACT_WINDOW_EXPIRED #dev " + late
                        + " 3600 :You can no longer delete this message");
    }

    @Test
    void anotherDeviceOfTheSameAccountDeletesWhatTheFirstSaid() {
        start(b -> {});
        registerAccount("alice");
        FakeClient bob = server.connect().registerWithCaps("bob", CAPS);
        FakeClient laptop = device("alice", CAPS);
        FakeClient phone = device("alice", CAPS);
        String id = say(laptop, "#chatroom", "from the laptop");
        phone.sync();
        bob.sync();

        phone.send("REDACT #chatroom " + id);
        assertThat(phone.next()).contains(":alice!").endsWith(" REDACT #chatroom " + id);
        assertThat(laptop.next()).endsWith(" REDACT #chatroom " + id);
        assertThat(bob.next()).endsWith(" REDACT #chatroom " + id);
    }

    @Test
    void privateMessagesAreTheSendersToDeleteAndLeaveTheHistoryOfBothSides() {
        start(b -> {});
        registerAccount("alice");
        registerAccount("bob");
        FakeClient alice = device("alice", CAPS + " batch draft/chathistory");
        FakeClient bob = device("bob", CAPS + " batch draft/chathistory");
        String id = say(alice, "bob", "a secret");
        bob.expect("PRIVMSG bob :a secret");

        bob.send("REDACT alice " + id);
        assertThat(bob.next()).startsWith(":chatroom FAIL REDACT ");
        alice.send("REDACT bob " + id);
        assertThat(alice.next()).matches("@msgid=\\S+ :alice!\\S+ REDACT bob " + Pattern.quote(id));
        assertThat(bob.next()).matches("@msgid=\\S+ :alice!\\S+ REDACT bob " + Pattern.quote(id));

        bob.send("CHATHISTORY LATEST alice * 10");
        assertThat(String.join("\n", bob.sync())).doesNotContain("a secret");
        alice.send("CHATHISTORY LATEST bob * 10");
        assertThat(String.join("\n", alice.sync())).doesNotContain("a secret");
    }

    @Test
    void theAdminDeletesAnyMessageAsTheServer() {
        start(b -> {});
        FakeClient alice = member("alice", CAPS);
        FakeClient bob = member("bob", CAPS);
        String id = say(alice, "#dev", "rude words");
        bob.sync();

        assertThat(server.admin.execute("/redact #dev " + id + " rudeness"))
                .isEqualTo("Deleted the message " + id + " from #dev.");
        assertThat(bob.next())
                .isEqualTo("@msgid=" + msgid(bob.history().get(bob.history().size() - 1)) + " :chatroom REDACT #dev "
                        + id + " :rudeness");
        assertThat(alice.next()).endsWith(":chatroom REDACT #dev " + id + " :rudeness");
        assertThat(server.admin.execute("/redact #dev " + id))
                .isEqualTo("No message " + id + " in the history of #dev.");
    }

    @Test
    void withoutHistoryTheCapabilityIsNotOffered() {
        start(b -> b.historyDays(0));
        FakeClient alice = server.connect();
        alice.send("CAP LS 302");
        assertThat(alice.next()).doesNotContain("message-redaction");
    }

    private void registerAccount(String name) {
        FakeClient a = server.connectSecure(PUBLIC, null).register(name);
        a.send("REGISTER * * correct-horse");
        a.expect("REGISTER SUCCESS");
        a.send("QUIT");
    }

    /** A device logged in to the account with SASL, with these caps too; after the default room's NAMES. */
    private FakeClient device(String account, String caps) {
        FakeClient c = server.connectSecure(PUBLIC, null);
        c.send("CAP LS 302").send("CAP REQ :sasl " + caps).sendRegistration(account);
        c.send("AUTHENTICATE PLAIN");
        c.expect("AUTHENTICATE \\+");
        String plain = Base64.getEncoder()
                .encodeToString(("\0" + account + "\0correct-horse").getBytes(StandardCharsets.UTF_8));
        c.send("AUTHENTICATE " + plain).send("CAP END");
        c.expect(" 366 ");
        c.nick = account;
        return c;
    }
}
