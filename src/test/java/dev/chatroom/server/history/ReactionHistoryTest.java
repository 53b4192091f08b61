package dev.chatroom.server.history;

import static dev.chatroom.testing.FakeClient.msgid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies (+draft/reply) and reactions (+draft/react on TAGMSG) kept with history, on the real hub
 * with a real chatroom.db (SQLite inline) and a manual clock: returned by CHATHISTORY in order
 * with their tags, shown on joining, sent only to clients that negotiated message-tags; typing never kept.
 */
class ReactionHistoryTest {
    private static final String CAPS =
            "batch server-time message-tags echo-message labeled-response draft/chathistory draft/message-redaction";
    /** A reaction whose value needs escaping on the wire: what comes back must be what went in. */
    private static final String REACTION = "\uD83C\uDF89\\sparty\\:on";

    @TempDir
    Path dir;

    private InMemoryServer server;

    private void start() {
        if (server != null) server.close();
        server = new InMemoryServer(InMemoryServer.config(b -> {}), dir);
    }

    @AfterEach
    void close() {
        if (server != null) server.close();
    }

    /** c sends line; the msgid of its echo, which ends with echoEnd. */
    private String send(FakeClient c, String line, String echoEnd) {
        c.send(line);
        server.advance(Duration.ofMillis(5));
        return msgid(c.expect(Pattern.quote(echoEnd) + "$"));
    }

    /** The lines of the batch answering the last command, each without its batch tag. */
    private static List<String> batch(FakeClient c) {
        String start = c.expect(" BATCH \\+");
        String id = start.substring(start.indexOf(" BATCH +") + 8).split(" ")[0];
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = c.next();
            if (l.endsWith(" BATCH -" + id)) return lines;
            assertThat(l).startsWith("@batch=" + id + ";");
            lines.add("@" + l.substring(l.indexOf(';') + 1));
        }
    }

    /** What alice, bob and carol said in #chatroom: a message, a reply to it, a reaction to it, typing. */
    private record Said(FakeClient alice, FakeClient bob, String first, String reply, String reaction, String last) {}

    private Said conversation() {
        FakeClient alice = server.connect();
        alice.registerWithCaps("alice", CAPS);
        FakeClient bob = server.connect();
        bob.registerWithCaps("bob", CAPS);
        String first = send(alice, "PRIVMSG #chatroom :the deploy is done", "PRIVMSG #chatroom :the deploy is done");
        String reply = send(
                bob,
                "@+draft/reply=" + first + ";+example/color=red;+typing=done PRIVMSG #chatroom :great news",
                "PRIVMSG #chatroom :great news");
        String reaction = send(
                bob, "@+draft/react=" + REACTION + ";+draft/reply=" + first + " TAGMSG #chatroom", "TAGMSG #chatroom");
        bob.send("@+typing=active TAGMSG #chatroom"); // for now, never kept
        bob.send("@+draft/reply=" + first + " TAGMSG #chatroom"); // a link to nothing, no reaction: not kept
        String last = send(alice, "PRIVMSG #chatroom :thanks", "PRIVMSG #chatroom :thanks");
        alice.sync();
        bob.sync();
        return new Said(alice, bob, first, reply, reaction, last);
    }

    @Test
    void chathistoryReturnsRepliesAndReactionsInOrderWithTheirTags() {
        start();
        Said said = conversation();
        FakeClient carol = server.connect();
        carol.registerWithCaps("carol", CAPS);
        carol.sync();

        String first = "@time=\\S+;msgid=" + Pattern.quote(said.first())
                + " :alice!\\S+ PRIVMSG #chatroom :the deploy is done";
        String reply = "@time=\\S+;msgid=" + Pattern.quote(said.reply()) + ";\\+draft/reply="
                + Pattern.quote(said.first()) + " :bob!\\S+ PRIVMSG #chatroom :great news";
        String reaction = "@time=\\S+;msgid=" + Pattern.quote(said.reaction()) + ";\\+draft/react="
                + Pattern.quote(REACTION) + ";\\+draft/reply=" + Pattern.quote(said.first())
                + " :bob!\\S+ TAGMSG #chatroom";
        String last = "@time=\\S+;msgid=" + Pattern.quote(said.last()) + " :alice!\\S+ PRIVMSG #chatroom :thanks";

        carol.send("CHATHISTORY LATEST #chatroom * 10");
        assertLines(batch(carol), first, reply, reaction, last);
        carol.send("CHATHISTORY BEFORE #chatroom msgid=" + said.last() + " 2");
        assertLines(batch(carol), reply, reaction);
        carol.send("CHATHISTORY AFTER #chatroom msgid=" + said.first() + " 2");
        assertLines(batch(carol), reply, reaction);
        carol.send("CHATHISTORY AROUND #chatroom msgid=" + said.reaction() + " 3");
        assertLines(batch(carol), reply, reaction, last);
        carol.send("CHATHISTORY BETWEEN #chatroom msgid=" + said.first() + " msgid=" + said.last() + " 10");
        assertLines(batch(carol), reply, reaction);

        start(); // a restart on the same chatroom.db: the tags come back from the disk
        FakeClient dave = server.connect();
        dave.registerWithCaps("dave", CAPS);
        dave.sync();
        dave.send("CHATHISTORY LATEST #chatroom * 10");
        assertLines(batch(dave), first, reply, reaction, last);
    }

    private static void assertLines(List<String> lines, String... patterns) {
        assertThat(lines).hasSize(patterns.length);
        for (int i = 0; i < patterns.length; i++) assertThat(lines.get(i)).matches(patterns[i]);
    }

    @Test
    void aClientWithoutMessageTagsIsSentNoReactionsNorTags() {
        start();
        conversation();
        FakeClient plain = server.connect();
        plain.registerWithCaps("plain", "batch server-time draft/chathistory");
        plain.sync();
        plain.send("CHATHISTORY LATEST #chatroom * 10");
        List<String> lines = batch(plain);
        assertThat(lines).hasSize(3).allMatch(l -> l.matches("@time=\\S+ :\\S+ PRIVMSG #chatroom :.*"));
        assertThat(lines.get(1)).endsWith(":great news");

        FakeClient old = server.connect().sendRegistration("old"); // no capabilities: plain lines on joining
        old.expect(" 366 old ");
        assertThat(old.next()).isEqualTo(":chatroom NOTICE #chatroom :--- 3 earlier messages ---");
        assertThat(old.next()).endsWith("] the deploy is done");
        assertThat(old.next()).endsWith("] great news");
        assertThat(old.next()).endsWith("] thanks");
        assertThat(old.next()).isEqualTo(":chatroom NOTICE #chatroom :--- end of earlier messages ---");
    }

    @Test
    void joiningShowsReactionsToMessageTagsClients() {
        start();
        Said said = conversation();
        FakeClient joiner = server.connect();
        joiner.registerWithCaps("joiner", "batch server-time message-tags"); // no chathistory: replayed on joining
        List<String> replay = batch(joiner);
        assertThat(replay).hasSize(4);
        assertThat(replay.get(2))
                .matches("@time=\\S+;msgid=" + Pattern.quote(said.reaction()) + ";\\+draft/react="
                        + Pattern.quote(REACTION) + ";\\+draft/reply=" + Pattern.quote(said.first())
                        + " :bob!\\S+ TAGMSG #chatroom");
        assertThat(String.join("\n", replay)).doesNotContain("typing").doesNotContain("+example/color");
    }

    @Test
    void aDeletedReactionLeavesHistoryAndAReactionOutlivesTheMessageItNamed() {
        start();
        Said said = conversation();
        said.bob().send("REDACT #chatroom " + said.reaction());
        said.bob().expect(" REDACT #chatroom " + Pattern.quote(said.reaction()) + "$");
        said.alice().send("REDACT #chatroom " + said.first());
        said.alice().expect(" REDACT #chatroom " + Pattern.quote(said.first()) + "$");
        said.bob().send("@+draft/react=ok;+draft/reply=" + said.first() + " TAGMSG #chatroom");
        said.bob().sync();
        FakeClient carol = server.connect();
        carol.registerWithCaps("carol", CAPS);
        carol.sync();
        carol.send("CHATHISTORY LATEST #chatroom * 10");
        List<String> lines = batch(carol);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains(said.reply()).endsWith(":great news");
        assertThat(lines.get(1)).endsWith(":thanks");
        assertThat(lines.get(2))
                .contains("+draft/react=ok;+draft/reply=" + said.first())
                .endsWith(" TAGMSG #chatroom");
    }

    private FakeClient account(String nick) {
        FakeClient c = server.connectSecure("203.0.113.9", null);
        c.registerWithCaps(nick, CAPS);
        c.send("REGISTER * * correct-horse-" + nick);
        c.expect(" 900 ");
        c.sync();
        return c;
    }

    @Test
    void aReactionToAPrivateMessageIsKeptForBothAccounts() {
        start();
        FakeClient alice = account("alice");
        FakeClient bob = account("bob");
        String hi = send(alice, "PRIVMSG bob :lunch?", "PRIVMSG bob :lunch?");
        String yes = send(bob, "@+draft/react=yes;+draft/reply=" + hi + " TAGMSG alice", "TAGMSG alice");
        bob.send("@+typing=active TAGMSG alice");
        alice.sync();
        bob.sync();
        for (FakeClient c : List.of(alice, bob)) {
            c.send("CHATHISTORY LATEST " + (c == alice ? "bob" : "alice") + " * 10");
            List<String> lines = batch(c);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).endsWith(" PRIVMSG bob :lunch?");
            assertThat(lines.get(1))
                    .matches("@time=\\S+;msgid=" + Pattern.quote(yes) + ";\\+draft/react=yes;\\+draft/reply="
                            + Pattern.quote(hi) + " :bob!\\S+ TAGMSG alice");
        }
    }
}
