package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import org.junit.jupiter.api.Test;

/**
 * IRCv3 bot mode: +B set by the user, announced in 004 and 005, shown by WHOIS (335) and WHO (B),
 * and the bot tag on what a bot sends, for clients that negotiated message-tags only. In memory.
 */
class BotModeTest {
    private final InMemoryServer server = new InMemoryServer();

    /** A client that made itself a bot; its lines so far read. */
    private FakeClient bot(String nick, String caps) {
        FakeClient c = caps.isEmpty() ? server.join(nick) : server.connect().registerWithCaps(nick, caps);
        c.send("MODE " + nick + " +B");
        assertThat(c.expect(" MODE ")).isEqualTo(":" + nick + " MODE " + nick + " :+B");
        c.sync();
        return c;
    }

    @Test
    void aUserMakesItselfABotAndBackAndTheServerSaysItCan() {
        FakeClient robot = server.connect();
        robot.register("robot");
        assertThat(robot.history()).anyMatch(l -> l.matches(":chatroom 004 robot chatroom \\S+ iowB \\S+ \\S+"));
        assertThat(robot.history()).anyMatch(l -> l.contains(" 005 ") && l.contains(" BOT=B "));

        robot.send("MODE robot +B");
        assertThat(robot.sync()).containsExactly(":robot MODE robot :+B");
        robot.send("MODE robot +B");
        assertThat(robot.sync()).isEmpty(); // already so: nothing changed, nothing said
        robot.send("MODE robot");
        assertThat(robot.sync()).containsExactly(":chatroom 221 robot +B");
        robot.send("MODE robot -B+i");
        assertThat(robot.sync()).containsExactly(":robot MODE robot :-B+i");
    }

    @Test
    void whoisAndWhoShowABotAndOnlyABot() {
        bot("robot", "");
        FakeClient alice = server.join("alice");
        alice.send("WHOIS robot");
        assertThat(alice.sync()).contains(":chatroom 335 alice robot :is a bot");
        alice.send("WHOIS alice");
        assertThat(alice.sync()).noneMatch(l -> l.contains(" 335 "));

        alice.send("WHO #chatroom");
        assertThat(alice.sync())
                .contains(":chatroom 352 alice #chatroom ~robot 127.0.0.1 chatroom robot HB :0 robot Tester")
                .contains(":chatroom 352 alice #chatroom ~alice 127.0.0.1 chatroom alice H :0 alice Tester");
        alice.send("WHO robot %nf");
        assertThat(alice.sync()).contains(":chatroom 354 alice robot HB");
    }

    @Test
    void aBotsMessagesCarryTheBotTagForMessageTagsClientsOnly() {
        FakeClient robot = bot("robot", "message-tags echo-message");
        FakeClient tags = server.connect().registerWithCaps("tags", "message-tags");
        FakeClient time = server.connect().registerWithCaps("timed", "server-time account-tag");
        FakeClient plain = server.join("plain");
        robot.sync();
        tags.sync();
        time.sync();

        robot.send("PRIVMSG #chatroom :beep");
        assertThat(tags.expect("PRIVMSG"))
                .matches("@msgid=\\S+;bot :robot!~robot@127\\.0\\.0\\.1 PRIVMSG #chatroom :beep");
        assertThat(time.expect("PRIVMSG")).matches("@time=\\S+ :robot!\\S+ PRIVMSG #chatroom :beep");
        assertThat(plain.sync()).containsExactly(":robot!~robot@127.0.0.1 PRIVMSG #chatroom :beep");
        assertThat(robot.expect("PRIVMSG")).matches("@msgid=\\S+;bot :robot!\\S+ PRIVMSG #chatroom :beep"); // the echo

        robot.send("NOTICE tags :boop");
        assertThat(tags.expect("NOTICE")).matches("@msgid=\\S+;bot :robot!\\S+ NOTICE tags :boop");
        robot.send("@+typing=active TAGMSG #chatroom");
        assertThat(tags.expect("TAGMSG")).matches("@msgid=\\S+;bot;\\+typing=active :robot!\\S+ TAGMSG #chatroom");
        robot.send("PRIVMSG plain :beep");
        assertThat(plain.sync()).containsExactly(":robot!~robot@127.0.0.1 PRIVMSG plain :beep");

        robot.send("PART #chatroom");
        assertThat(tags.expect(" PART ")).isEqualTo("@bot :robot!~robot@127.0.0.1 PART #chatroom");
        assertThat(plain.sync()).containsExactly(":robot!~robot@127.0.0.1 PART #chatroom");

        tags.send("PRIVMSG #chatroom :not a bot");
        assertThat(plain.expect("PRIVMSG")).isEqualTo(":tags!~tags@127.0.0.1 PRIVMSG #chatroom :not a bot");
        robot.send("MODE robot -B");
        robot.send("PRIVMSG tags :human now");
        assertThat(tags.expect("PRIVMSG")).matches("@msgid=\\S+ :robot!\\S+ PRIVMSG tags :human now");
    }
}
