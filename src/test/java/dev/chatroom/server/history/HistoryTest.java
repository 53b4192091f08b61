package dev.chatroom.server.history;

import static dev.chatroom.testing.FakeClient.msgid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.Settings;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History on the real hub with a real chatroom.db (SQLite inline on the test's thread) and a manual clock. */
class HistoryTest {
    @TempDir
    Path dir;

    private InMemoryServer server;

    private InMemoryServer start(Consumer<Settings> changes) {
        if (server != null) server.close();
        server = new InMemoryServer(InMemoryServer.config(changes), dir);
        return server;
    }

    private InMemoryServer start() {
        return start(b -> {});
    }

    @AfterEach
    void close() {
        if (server != null) server.close();
    }

    private static final String HISTORY_CAPS =
            "batch server-time message-tags echo-message labeled-response draft/chathistory";

    /** Says n numbered lines in #chatroom; returns their msgids as the echo showed them. */
    private List<String> say(FakeClient c, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.send("PRIVMSG #chatroom :line " + i);
            server.advance(Duration.ofMillis(5));
            ids.add(msgid(c.expect("PRIVMSG #chatroom :line " + i)));
        }
        return ids;
    }

    /** The texts of the PRIVMSGs in the batch that answers the last command. */
    private static List<String> batchTexts(FakeClient c) {
        String start = c.expect(" BATCH \\+");
        String id = start.substring(start.indexOf(" BATCH +") + 8).split(" ")[0];
        List<String> texts = new ArrayList<>();
        while (true) {
            String l = c.next();
            if (l.endsWith(" BATCH -" + id)) return texts;
            assertThat(l).startsWith("@batch=" + id + ";");
            texts.add(l.substring(l.lastIndexOf(" :") + 2));
        }
    }

    @Test
    void aPlainClientJoiningIsShownTheLastMessagesMarkedAsHistory() {
        start(b -> b.historyReplay(3));
        FakeClient alice = server.join("alice");
        for (int i = 0; i < 5; i++) alice.send("PRIVMSG #chatroom :hello " + i);
        alice.send("PART #chatroom").send("JOIN #chatroom");
        server.advance(Duration.ofMinutes(1));
        FakeClient bob = server.connect().sendRegistration("bob");
        bob.expect(" 366 bob ");
        assertThat(bob.next()).isEqualTo(":chatroom NOTICE #chatroom :--- 3 earlier messages ---");
        String first = bob.next();
        assertThat(first)
                .matches(
                        ":alice!~alice@127\\.0\\.0\\.1 PRIVMSG #chatroom :\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\] hello 2");
        assertThat(bob.next()).endsWith("] hello 3");
        assertThat(bob.next()).endsWith("] hello 4");
        assertThat(bob.next()).isEqualTo(":chatroom NOTICE #chatroom :--- end of earlier messages ---");
        assertThat(bob.sync()).noneMatch(l -> l.contains("PRIVMSG"));
    }

    @Test
    void aBatchClientIsShownTheMInAChathistoryBatchWithTheirOriginalTimeAndMsgid() {
        start();
        FakeClient alice = server.join("alice");
        alice.send("CAP REQ :message-tags").sync();
        alice.send("PRIVMSG #chatroom :first");
        server.advance(Duration.ofSeconds(3));
        alice.send("NOTICE #chatroom :second");
        alice.send("TOPIC #chatroom :not a message");
        FakeClient bob = server.connect();
        bob.registerWithCaps("bob", "batch server-time message-tags");
        String start = bob.expect(" BATCH \\+");
        assertThat(start).matches(":chatroom BATCH \\+(\\S+) chathistory #chatroom");
        String id = start.split(" ")[2].substring(1);
        String first = bob.next();
        assertThat(first)
                .matches("@batch=" + Pattern.quote(id)
                        + ";time=\\S+;msgid=\\S+ :alice!~alice@127\\.0\\.0\\.1 PRIVMSG #chatroom :first");
        assertThat(bob.next()).contains("NOTICE #chatroom :second");
        assertThat(bob.next()).isEqualTo(":chatroom BATCH -" + id);
        assertThat(first)
                .contains("time="
                        + Instant.ofEpochMilli(server.clock.millis() - 3000)
                                .toString()
                                .replace("Z", ".000Z")
                                .replaceAll("\\.(\\d{3})\\.000Z", ".$1Z"));
    }

    @Test
    void aChathistoryClientGetsNoReplayButAsksForIt() {
        start();
        FakeClient alice = server.join("alice");
        alice.send("PRIVMSG #chatroom :before bob");
        FakeClient bob = server.connect();
        bob.registerWithCaps("bob", HISTORY_CAPS);
        assertThat(bob.sync()).noneMatch(l -> l.contains("BATCH"));
        bob.send("@label=h1 CHATHISTORY LATEST #chatroom * 10");
        String start = bob.expect(" BATCH ");
        assertThat(start).matches("@label=h1 :chatroom BATCH \\+\\S+ chathistory #chatroom");
        assertThat(bob.expect("PRIVMSG")).endsWith(":before bob");
        bob.expect(" BATCH -");
    }

    @Test
    void chathistorySubcommandsFollowTheSpecification() {
        start();
        FakeClient c = server.connect();
        c.registerWithCaps("alice", HISTORY_CAPS);
        List<String> ids = say(c, 10);
        c.sync();
        c.send("CHATHISTORY LATEST #chatroom * 100");
        assertThat(batchTexts(c))
                .containsExactly(
                        "line 0", "line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8",
                        "line 9");
        c.send("CHATHISTORY LATEST #chatroom * 2");
        assertThat(batchTexts(c)).containsExactly("line 8", "line 9");
        c.send("CHATHISTORY LATEST #chatroom msgid=" + ids.get(6) + " 100");
        assertThat(batchTexts(c)).containsExactly("line 7", "line 8", "line 9");
        c.send("CHATHISTORY BEFORE #chatroom msgid=" + ids.get(3) + " 2");
        assertThat(batchTexts(c)).containsExactly("line 1", "line 2");
        c.send("CHATHISTORY AFTER #chatroom msgid=" + ids.get(3) + " 2");
        assertThat(batchTexts(c)).containsExactly("line 4", "line 5");
        c.send("CHATHISTORY AROUND #chatroom msgid=" + ids.get(5) + " 3");
        assertThat(batchTexts(c)).containsExactly("line 4", "line 5", "line 6");
        c.send("CHATHISTORY BETWEEN #chatroom msgid=" + ids.get(0) + " msgid=" + ids.get(9) + " 3");
        assertThat(batchTexts(c)).containsExactly("line 1", "line 2", "line 3");
        c.send("CHATHISTORY BETWEEN #chatroom msgid=" + ids.get(9) + " msgid=" + ids.get(0) + " 3");
        assertThat(batchTexts(c)).containsExactly("line 6", "line 7", "line 8");
        // timestamps: exclusive, in the form server-time writes them
        long t3 = server.clock.millis() - 5 * 7; // line 3 was said 7 steps of 5 ms before the end
        c.send("CHATHISTORY AFTER #chatroom timestamp=" + Instant.ofEpochMilli(t3) + " 2");
        assertThat(batchTexts(c)).containsExactly("line 4", "line 5");
        c.send("CHATHISTORY BEFORE #chatroom timestamp=" + Instant.ofEpochMilli(t3) + " 100");
        assertThat(batchTexts(c)).containsExactly("line 0", "line 1", "line 2");
        c.send("CHATHISTORY LATEST #chatroom msgid=unknown 10");
        assertThat(batchTexts(c)).isEmpty();
    }

    @Test
    void badRequestsAreRefusedWithStandardReplies() {
        start();
        FakeClient c = server.connect();
        c.registerWithCaps("alice", HISTORY_CAPS);
        server.join("bob").send("JOIN #elsewhere");
        c.sync();
        c.send("CHATHISTORY LATEST #elsewhere * 10");
        assertThat(c.next())
                .isEqualTo(":chatroom FAIL CHATHISTORY INVALID_TARGET LATEST #elsewhere :You are not in that channel");
        c.send("CHATHISTORY LATEST #nowhere * 10");
        assertThat(c.next()).startsWith(":chatroom FAIL CHATHISTORY INVALID_TARGET LATEST #nowhere ");
        c.send("CHATHISTORY LATEST #chatroom * 0");
        assertThat(c.next()).startsWith(":chatroom FAIL CHATHISTORY INVALID_PARAMS LATEST #chatroom ");
        c.send("CHATHISTORY BEFORE #chatroom * 10");
        assertThat(c.next()).startsWith(":chatroom FAIL CHATHISTORY INVALID_PARAMS BEFORE ");
        c.send("CHATHISTORY AFTER #chatroom timestamp=yesterday 10");
        assertThat(c.next()).startsWith(":chatroom FAIL CHATHISTORY INVALID_PARAMS AFTER ");
        c.send("CHATHISTORY SIDEWAYS #chatroom * 10");
        assertThat(c.next()).startsWith(":chatroom FAIL CHATHISTORY UNKNOWN_COMMAND SIDEWAYS ");
        c.send("CHATHISTORY BETWEEN #chatroom *");
        assertThat(c.next()).startsWith(":chatroom FAIL CHATHISTORY NEED_MORE_PARAMS BETWEEN ");
        c.send("CHATHISTORY LATEST #chatroom * 5000"); // more than the most: the most
        assertThat(c.next()).matches(":chatroom BATCH \\+\\S+ chathistory #chatroom");
        c.sync();
        c.send("VERSION");
        assertThat(String.join("\n", c.sync())).contains("CHATHISTORY=1000").contains("MSGREFTYPES=msgid,timestamp");
    }

    private FakeClient account(String nick) {
        FakeClient c = server.connectSecure("203.0.113.9", null);
        c.registerWithCaps(nick, HISTORY_CAPS);
        c.send("REGISTER * * correct-horse-" + nick);
        c.expect(" 900 ");
        c.sync();
        return c;
    }

    @Test
    void privateMessagesAreKeptForAccountsOnly() {
        start();
        FakeClient alice = account("alice");
        FakeClient bob = account("bob");
        FakeClient guest = server.connect();
        guest.registerWithCaps("guest", HISTORY_CAPS);
        FakeClient other = server.connect();
        other.registerWithCaps("other", HISTORY_CAPS);
        alice.send("PRIVMSG bob :hi bob");
        bob.send("PRIVMSG alice :hi alice");
        guest.send("PRIVMSG alice :from a guest");
        guest.send("PRIVMSG other :between guests");
        alice.sync();
        alice.send("CHATHISTORY LATEST BOB * 10");
        assertThat(batchTexts(alice)).containsExactly("hi bob", "hi alice");
        alice.send("CHATHISTORY LATEST guest * 10");
        assertThat(batchTexts(alice)).containsExactly("from a guest");
        bob.sync();
        bob.send("CHATHISTORY LATEST alice * 10");
        assertThat(batchTexts(bob)).containsExactly("hi bob", "hi alice");
        guest.sync();
        guest.send("CHATHISTORY LATEST other * 10");
        assertThat(batchTexts(guest)).isEmpty();
        guest.send("CHATHISTORY LATEST alice * 10");
        assertThat(batchTexts(guest)).isEmpty();

        alice.send("CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z timestamp=2200-01-01T00:00:00.000Z 10");
        List<String> lines = alice.sync();
        assertThat(lines.get(0)).matches(":chatroom BATCH \\+\\S+ draft/chathistory-targets");
        assertThat(lines).anyMatch(l -> l.matches("@batch=\\S+ :chatroom CHATHISTORY TARGETS bob timestamp=\\S+"));
        assertThat(lines).anyMatch(l -> l.matches("@batch=\\S+ :chatroom CHATHISTORY TARGETS guest timestamp=\\S+"));
    }

    @Test
    void searchFindsWordsInTheRoomsOfTheUserOnly() {
        start();
        FakeClient alice = server.connect();
        alice.registerWithCaps("alice", HISTORY_CAPS + " soju.im/search");
        alice.send("PRIVMSG #chatroom :the \u000304deploy\u0003 failed again");
        alice.send("PRIVMSG #chatroom :\u0001ACTION deploys the fix\u0001");
        alice.send("PRIVMSG #chatroom :lunch?");
        FakeClient bob = server.join("bob");
        bob.send("JOIN #secret").send("PRIVMSG #secret :deploy secrets here");
        alice.sync();
        alice.send("@label=s1 SEARCH text=deploy");
        String start = alice.next();
        assertThat(start).matches("@label=s1 :chatroom BATCH \\+\\S+ soju.im/search");
        List<String> found = new ArrayList<>();
        String l;
        while (!(l = alice.next()).contains(" BATCH -")) found.add(l);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).contains("failed again");
        assertThat(found.get(1)).contains("ACTION deploys the fix");
        alice.send("SEARCH text=dep");
        assertThat(alice.sync()).filteredOn(x -> x.contains("PRIVMSG")).hasSize(2); // three letters: a prefix
        alice.send("SEARCH text=de");
        assertThat(alice.sync()).noneMatch(x -> x.contains("PRIVMSG")); // fewer: the word itself only
        alice.send("SEARCH text=lunch;from=bob");
        assertThat(alice.sync()).noneMatch(x -> x.contains("PRIVMSG"));
        alice.send("SEARCH in=#secret;text=deploy");
        assertThat(alice.next()).startsWith(":chatroom FAIL SEARCH INVALID_PARAMS ");
        alice.send("SEARCH limit=3");
        assertThat(alice.next()).startsWith(":chatroom FAIL SEARCH INVALID_PARAMS ");
        alice.send("SEARCH text=\"quoted OR NEAR(\"");
        assertThat(alice.sync()).noneMatch(x -> x.contains("FAIL"));
    }

    @Test
    void retentionRemovesOldMessagesAndKeepsAtMostTheMostPerRoom() {
        start(b -> b.historyDays(2)
                .historyMaxPerRoom(3)
                .pingInterval(Duration.ofDays(30))
                .pingTimeout(Duration.ofDays(30)));
        FakeClient alice = server.connect();
        alice.registerWithCaps("alice", HISTORY_CAPS);
        alice.send("PRIVMSG #chatroom :old");
        server.advance(Duration.ofDays(1));
        for (int i = 0; i < 5; i++) alice.send("PRIVMSG #chatroom :new " + i);
        server.advance(Duration.ofHours(1)); // the hourly pruning runs
        alice.sync();
        alice.send("CHATHISTORY LATEST #chatroom * 100");
        assertThat(batchTexts(alice)).containsExactly("new 2", "new 3", "new 4");
        server.advance(Duration.ofDays(2));
        alice.send("CHATHISTORY LATEST #chatroom * 100");
        assertThat(batchTexts(alice)).isEmpty();
        FakeClient late = server.join("late");
        assertThat(late.sync()).noneMatch(x -> x.contains("PRIVMSG"));
    }

    @Test
    void aRestartKeepsRoomsTopicsModesBansAndHistory() {
        start();
        FakeClient alice = server.join("alice");
        alice.send("JOIN #ops")
                .send("TOPIC #ops :release on friday")
                .send("MODE #ops +ntk sesame")
                .send("MODE #ops +b troll!*@*");
        alice.send("PRIVMSG #ops :remember this");
        assertThat(server.admin.execute("/topic #chatroom welcome all")).isEqualTo("Topic of #chatroom set.");
        server.join("bob").send("JOIN #gone").send("PART #gone");
        start(); // the same chatroom.db
        FakeClient carol = server.join("carol");
        assertThat(carol.history()).anyMatch(l -> l.contains(" 332 carol #chatroom :welcome all"));
        carol.send("JOIN #ops");
        assertThat(carol.next()).contains(" 475 carol #ops ");
        carol.send("JOIN #ops sesame");
        List<String> joined = carol.sync();
        assertThat(joined).anyMatch(l -> l.contains(" 332 carol #ops :release on friday"));
        assertThat(joined)
                .anyMatch(l -> l.endsWith(
                        "PRIVMSG #ops :[" + l.replaceAll(".*:\\[", "").replaceAll("\\].*", "") + "] remember this"));
        carol.send("MODE #ops").send("MODE #ops b");
        List<String> modes = carol.sync();
        assertThat(modes).anyMatch(l -> l.contains(" 324 carol #ops +ntk sesame"));
        assertThat(modes).anyMatch(l -> l.contains(" 367 carol #ops troll!*@* "));
        carol.send("LIST");
        assertThat(carol.sync()).noneMatch(l -> l.contains("#gone"));
    }

    @Test
    void theAdminPurgesARoomOrAPerson() {
        start();
        FakeClient alice = server.connect();
        alice.registerWithCaps("alice", HISTORY_CAPS);
        FakeClient bob = server.join("bob");
        bob.send("PRIVMSG #chatroom :bob was here");
        alice.send("PRIVMSG #chatroom :alice was here");
        assertThat(server.admin.execute("/purge bob"))
                .isEqualTo("Removed 1 message said by or sent privately to bob from the history.");
        alice.sync();
        alice.send("CHATHISTORY LATEST #chatroom * 10");
        assertThat(batchTexts(alice)).containsExactly("alice was here");
        assertThat(server.admin.execute("/purge #chatroom"))
                .isEqualTo("Removed 1 message said in #chatroom from the history.");
        alice.send("CHATHISTORY LATEST #chatroom * 10");
        assertThat(batchTexts(alice)).isEmpty();
        assertThat(server.join("carol").sync()).noneMatch(l -> l.contains("was here"));
    }

    @Test
    void historyCapabilitiesAreOfferedOnlyWhileHistoryIsKept() {
        start();
        FakeClient c = server.connect();
        c.send("CAP LS 302");
        assertThat(c.next()).contains(" draft/chathistory ").contains(" soju.im/search ");
        start(b -> b.historyDays(0));
        FakeClient off = server.connect();
        off.send("CAP LS 302");
        assertThat(off.next()).doesNotContain("chathistory").doesNotContain("search");
        off.send("CAP REQ :batch draft/chathistory");
        assertThat(off.next()).isEqualTo(":chatroom CAP * NAK :batch draft/chathistory");
    }

    @Test
    void aClosedRoomTakesItsHistoryWithItAPublicOneKeepsIt() {
        start();
        FakeClient alice = server.join("alice");
        alice.send("JOIN #vault").send("MODE #vault +k sesame").send("PRIVMSG #vault :the secret");
        alice.send("JOIN #pub").send("PRIVMSG #pub :hello all");
        alice.send("PART #vault").send("PART #pub");
        FakeClient mallory = server.connect();
        mallory.registerWithCaps("mallory", "batch server-time message-tags");
        mallory.send("JOIN #vault");
        assertThat(mallory.sync()).noneMatch(l -> l.contains("the secret"));
        mallory.send("CHATHISTORY LATEST #vault * 10");
        assertThat(batchTexts(mallory)).isEmpty();
        mallory.send("JOIN #pub");
        assertThat(mallory.sync()).anyMatch(l -> l.endsWith("PRIVMSG #pub :hello all"));
    }

    @Test
    void aDroppedAccountsPrivateMessagesAreNotTheNextOwners() {
        start();
        FakeClient alice = account("alice");
        FakeClient bob = account("bob");
        bob.send("PRIVMSG alice :for alice only");
        bob.send("QUIT");
        alice.send("QUIT");
        assertThat(server.admin.execute("/drop alice")).contains("private message history too");
        FakeClient next = account("alice");
        next.send("CHATHISTORY LATEST bob * 10");
        assertThat(batchTexts(next)).isEmpty();
        next.send("SEARCH text=alice");
        assertThat(next.sync()).noneMatch(l -> l.contains("for alice only"));
    }

    @Test
    void searchInAPrivateConversationSearchesOnlyThatOne() {
        start();
        FakeClient alice = account("alice");
        account("bob");
        account("carol");
        alice.send("PRIVMSG bob :deploy with bob");
        for (int i = 0; i < 5; i++) alice.send("PRIVMSG carol :deploy with carol " + i);
        alice.sync();
        alice.send("SEARCH in=bob;text=deploy;limit=2");
        List<String> found = alice.sync();
        assertThat(found).anyMatch(l -> l.endsWith(":deploy with bob")).noneMatch(l -> l.contains("with carol"));
    }
}
