package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.irc.Message;
import dev.chatroom.server.commands.Command;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines that used to close a client or throw: each gets a defined answer, and the client goes on. */
class RobustnessTest extends HubTest {
    private static void assertValid(List<String> lines) {
        for (String l : lines) {
            Message.parse(l); // throws if not a line
            String body = l.startsWith("@") ? l.substring(l.indexOf(' ') + 1) : l;
            assertThat(body.getBytes(StandardCharsets.UTF_8).length).as(l).isLessThanOrEqualTo(510);
        }
    }

    private List<String> answer(FakeClient c, String line) {
        c.send(line);
        List<String> got = c.sync();
        assertValid(got);
        assertThat(c.isClosed()).as("closed after " + line).isFalse();
        return got;
    }

    @Test
    void oddLinesBeforeRegistering() {
        FakeClient c = server.connect();
        assertThat(answer(c, ":x :foo")).containsExactly(":chatroom 421 * * :Unknown command");
        assertThat(answer(c, "NICK :a b")).containsExactly(":chatroom 432 * * :Erroneous nickname");
        assertThat(answer(c, "CAP :")).containsExactly(":chatroom 410 * * :Invalid CAP command");
        assertThat(answer(c, "NICK :")).containsExactly(":chatroom 431 * :No nickname given");
        assertThat(answer(c, "USER a 0 * :")).containsExactly(":chatroom 461 * USER :Not enough parameters");
        assertThat(answer(c, "USER :")).containsExactly(":chatroom 461 * USER :Not enough parameters");
        assertThat(answer(c, "PING :")).containsExactly(":chatroom PONG chatroom :");
        assertThat(answer(c, "@a=b")).isEmpty();
        assertThat(answer(c, "   ")).isEmpty();
        c.register("late");
    }

    @Test
    void oddLinesOfARegisteredClient() {
        FakeClient c = server.join("alice");
        assertThat(answer(c, "WHOIS :"))
                .containsExactly(
                        ":chatroom 401 alice * :No such nick/channel", ":chatroom 318 alice * :End of /WHOIS list");
        assertThat(answer(c, "TOPIC :")).containsExactly(":chatroom 403 alice * :No such channel");
        assertThat(answer(c, "NAMES a,,b"))
                .containsExactly(
                        ":chatroom 366 alice a :End of /NAMES list.", ":chatroom 366 alice b :End of /NAMES list.");
        assertThat(answer(c, "JOIN #a,:b")).contains(":chatroom 403 alice * :No such channel");
        assertThat(answer(c, "PRIVMSG a,:b :hi"))
                .containsExactly(
                        ":chatroom 401 alice a :No such nick/channel", ":chatroom 401 alice * :No such nick/channel");
        assertThat(answer(c, "WHO #chatroom %tn,:x"))
                .containsExactly(":chatroom 354 alice * alice", ":chatroom 315 alice #chatroom :End of WHO list");
        assertThat(answer(c, "MODE :")).containsExactly(":chatroom 401 alice * :No such nick/channel");
        assertThat(answer(c, "PRIVMSG ,, :hi")).containsExactly(":chatroom 411 alice :No recipient given (PRIVMSG)");
        assertThat(answer(c, "JOIN ,")).isEmpty();
        assertThat(answer(c, "PART :")).isEmpty();
        assertThat(answer(c, "A B C D E F G H I J K L M N O P Q R S T"))
                .containsExactly(":chatroom 421 alice A :Unknown command");
        for (String verb : List.of(
                "PRIVMSG",
                "NOTICE",
                "TAGMSG",
                "JOIN",
                "PART",
                "NAMES",
                "TOPIC",
                "MODE",
                "WHO",
                "WHOIS",
                "MOTD",
                "LUSERS",
                "AWAY",
                "ISON",
                "USERHOST",
                "PING",
                "PONG",
                "CAP",
                "PASS",
                "NICK",
                "USER")) {
            answer(c, verb); // zero parameters: a numeric or nothing, never a closed connection
        }
        c.send("PRIVMSG #chatroom :still here");
        assertThat(c.isClosed()).isFalse();
    }

    @Test
    void invalidUtf8DuringRegistrationIsAClearErrorAtOnce() {
        FakeClient c = server.connect();
        c.sendRaw("NICK jos\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(c.awaitClosed())
                .containsExactly(
                        "ERROR :Closing link: your client sent text that is not UTF-8; set its encoding to UTF-8");
    }

    @Test
    void everyReplyFitsInOneLineEvenWhenItEchoesAHugeParameter() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        assertValid(answer(alice, "JOIN #" + "x".repeat(480)));
        assertValid(answer(alice, "PRIVMSG " + "n".repeat(480) + " :x"));
        String text = "é".repeat(240); // 480 bytes: with alice's prefix in front the relayed line would pass 512
        alice.send("PRIVMSG #chatroom :" + text);
        String got = bob.next();
        assertValid(List.of(got));
        assertThat(text).startsWith(got.substring(got.indexOf(" :") + 2)); // cut at a character, never inside one
    }

    @Test
    void aClientMayBeInFiftyRooms() {
        FakeClient c = server.join("collector");
        for (int i = 1; i < 50; i++) c.send("JOIN #r" + i);
        c.sync();
        assertThat(answer(c, "JOIN #one-too-many"))
                .containsExactly(":chatroom 405 collector #one-too-many :You have joined too many channels");
        assertThat(answer(c, "JOIN #r1")).isEmpty(); // already in: not another room
        c.send("PART #r1");
        c.sync();
        assertThat(answer(c, "JOIN #one-too-many")).anyMatch(l -> l.endsWith("JOIN #one-too-many"));
        assertThat(server.hub.config()).isNotNull();
    }

    @Test
    void whoisOfSomeoneInManyRoomsIsSplitIntoLinesThatFit() {
        FakeClient c = server.join("collector");
        for (int i = 1; i < 50; i++) c.send("JOIN #a-rather-long-room-name-number-" + i);
        FakeClient asker = server.join("asker");
        List<String> whois = answer(asker, "WHOIS collector");
        List<String> rooms = whois.stream().filter(l -> l.contains(" 319 ")).toList();
        assertThat(rooms).hasSizeGreaterThan(1);
        assertThat(String.join(" ", rooms)).contains("#chatroom", "#a-rather-long-room-name-number-49");
    }

    @Test
    void topicAndAwayAreCutAtACharacterToTheirAdvertisedLength() {
        FakeClient c = server.join("alice");
        c.send("JOIN #mine");
        c.sync();
        List<String> got = answer(c, "TOPIC #mine :" + "ü".repeat(240)); // 480 bytes
        String topic = got.get(0).substring(got.get(0).indexOf(" :") + 2);
        assertThat(topic.getBytes(StandardCharsets.UTF_8).length).isEqualTo(390);
        assertThat(topic).matches("ü+");
        c.send("AWAY :" + "🙂".repeat(60)); // 240 bytes
        c.sync();
        assertThat(server.hub.users().find("alice").away().getBytes(StandardCharsets.UTF_8).length)
                .isEqualTo(200);
    }

    @Test
    void aHandlerThatThrowsIsCountedAndTheConnectionGoesOn() {
        server.hub.dispatcher().register(new Command("BOOM", 0, true, true, Command.Scope.LOCAL, ctx -> {
            throw new IllegalStateException("a bug");
        }));
        FakeClient c = server.join("alice");
        server.events();
        assertThat(answer(c, "BOOM"))
                .containsExactly(":chatroom NOTICE alice :The server could not handle your BOOM command.");
        answer(c, "BOOM");
        assertThat(server.events())
                .singleElement()
                .asString()
                .startsWith(
                        "Internal error (1 so far) handling BOOM: IllegalStateException from alice(127.0.0.1): a bug at ");
        assertThat(server.admin.execute("/stats"))
                .contains("Internal errors (bugs; see the log): BOOM: IllegalStateException 2");
        assertThat(answer(c, "PING :fine")).containsExactly(":chatroom PONG chatroom :fine");
    }

    @Test
    void aThrowingLineHeldByFloodControlDoesNotStallTheReader() {
        try (InMemoryServer s =
                new InMemoryServer(InMemoryServer.config(b -> b.floodBurst(3).floodRate(5)))) {
            s.hub.dispatcher().register(new Command("BOOM", 0, true, true, Command.Scope.LOCAL, ctx -> {
                throw new IllegalStateException("a bug");
            }));
            FakeClient c = s.connect().sendRegistration("alice");
            s.advance(Duration.ofSeconds(2));
            c.sync();
            c.send("BOOM").send("BOOM").send("BOOM").send("BOOM").send("PING :after");
            assertThat(c.link().readingPaused()).isTrue();
            s.advance(Duration.ofSeconds(2));
            assertThat(c.sync()).last().isEqualTo(":chatroom PONG chatroom :after");
            assertThat(c.link().readingPaused()).isFalse();
        }
    }
}
