package dev.chatroom.server.opers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.Opers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OPER: 381 and +o for the right password, 464 and 491 for the wrong ones, slowed like failed logins. */
class OperTest {
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(Opers::configured));

    @Test
    void theRightPasswordGives381AndUserModePlusO() {
        FakeClient alice = server.join("alice");
        alice.send("OPER operuser operpassword");
        assertThat(alice.sync())
                .containsExactly(":chatroom 381 alice :You are now an IRC operator", ":alice MODE alice :+o");
        server.expectEvent("^alice \\(127\\.0\\.0\\.1\\) is now an IRC operator, as operuser\\.$");

        alice.send("MODE alice");
        assertThat(alice.next()).isEqualTo(":chatroom 221 alice +o");
        alice.send("OPER OPERUSER operpassword"); // names are as nicks: case does not matter; nothing changes twice
        assertThat(alice.sync()).containsExactly(":chatroom 381 alice :You are now an IRC operator");
    }

    @Test
    void aWrongPasswordIs464AndAnUnknownName491AfterADelayAndLogged() {
        FakeClient alice = server.join("alice");
        alice.send("OPER operuser guess");
        assertThat(alice.sync()).isEmpty(); // the answer waits
        server.advance(Duration.ofSeconds(1));
        assertThat(alice.sync()).containsExactly(":chatroom 464 alice :Password incorrect");
        server.expectEvent("^Failed OPER as operuser from 127\\.0\\.0\\.1 \\(1 from this address, 1 to this account");

        alice.send("OPER nobody operpassword");
        server.advance(Duration.ofSeconds(1));
        assertThat(alice.sync()).containsExactly(":chatroom 491 alice :No such operator");
        server.expectEvent("^Failed OPER as nobody from 127\\.0\\.0\\.1 \\(2 from this address");

        alice.send("OPER operuser");
        assertThat(alice.sync()).containsExactly(":chatroom 461 alice OPER :Not enough parameters");
        alice.send("MODE alice");
        assertThat(alice.next()).isEqualTo(":chatroom 221 alice +");
    }

    @Test
    void eachFailureOfANameFromAnAddressWaitsTwiceAsLongAndNobodyElseWaits() {
        FakeClient guesser = server.connectSecure("198.51.100.1", null).register("guesser");
        List<Integer> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) delays.add(secondsUntilAnswer(guesser, "OPER operuser guess-" + i));
        assertThat(delays).containsExactly(1, 2, 4, 8, 16);
        FakeClient other = server.connectSecure("203.0.113.7", null).register("other");
        assertThat(secondsUntilAnswer(other, "OPER operuser typo")).isEqualTo(1);
        assertThat(secondsUntilAnswer(guesser, "OPER nobody guess")).isEqualTo(1); // another name: its own count
    }

    @Test
    void linesSentWhileThePasswordIsCheckedWaitForItsAnswer() {
        FakeClient alice = server.join("alice");
        alice.send("OPER operuser guess").send("PING :after");
        assertThat(alice.sync()).isEmpty();
        server.advance(Duration.ofSeconds(1));
        assertThat(alice.sync())
                .containsExactly(":chatroom 464 alice :Password incorrect", ":chatroom PONG chatroom :after");
    }

    @Test
    void afterTenFailuresFromAnAddressEvenTheRightPasswordIsRefused() {
        FakeClient guesser = server.connectSecure("198.51.100.1", null).register("guesser");
        for (int i = 0; i < 10; i++) secondsUntilAnswer(guesser, "OPER name" + i + " guess");
        guesser.send("OPER operuser operpassword");
        server.advance(Duration.ofSeconds(1));
        assertThat(guesser.sync())
                .containsExactly(
                        ":chatroom 464 guesser :OPER refused: Too many failed logins from your address; try again in"
                                + " 10 minutes");
        server.expectEvent("^Refused OPER as operuser from 198\\.51\\.100\\.1: Too many failed logins");
    }

    @Test
    void aPasswordIsNotTakenOverAnUnencryptedConnectionFromAnotherMachine() {
        FakeClient far = server.connect("203.0.113.9").register("far");
        far.send("OPER operuser operpassword");
        server.advance(Duration.ofSeconds(1));
        assertThat(far.sync())
                .containsExactly(
                        ":chatroom 464 far :OPER refused: send OPER over TLS: this connection is not encrypted");
        FakeClient tls = server.connectSecure("203.0.113.9", null).register("tls");
        tls.send("OPER operuser operpassword");
        assertThat(tls.expect(" 381 ")).isEqualTo(":chatroom 381 tls :You are now an IRC operator");
    }

    @Test
    void minusODropsTheOperatorStatusAndPlusOFromTheUserIsIgnored() {
        FakeClient alice = Opers.operator(server, "alice");
        alice.send("MODE alice -o");
        assertThat(alice.sync()).containsExactly(":alice MODE alice :-o");
        server.expectEvent("^alice is no longer an IRC operator\\.$");
        alice.send("MODE alice +o");
        assertThat(alice.sync()).isEmpty();
        alice.send("WALLOPS :still there?");
        assertThat(alice.sync()).containsExactly(":chatroom 481 alice :Permission denied: you are not an IRC operator");

        FakeClient bob = server.join("bob");
        bob.send("MODE bob +o");
        assertThat(bob.sync()).isEmpty();
        bob.send("MODE bob");
        assertThat(bob.next()).isEqualTo(":chatroom 221 bob +");
    }

    @Test
    void everyOperatorCommandIs481ForOthersAndDoesNothing() {
        FakeClient bob = server.join("bob");
        FakeClient carol = server.join("carol");
        bob.sync();
        for (String line : List.of(
                "KILL carol :bye",
                "WALLOPS :hello",
                "APPROVE dave",
                "REJECT dave",
                "CONSOLE /shutdown",
                "KILL",
                "CONSOLE")) {
            bob.send(line);
            assertThat(bob.sync())
                    .as(line)
                    .containsExactly(":chatroom 481 bob :Permission denied: you are not an IRC operator");
        }
        assertThat(carol.isClosed()).isFalse();
        assertThat(carol.sync()).isEmpty();
        assertThat(server.events()).noneMatch(e -> e.contains("IRC operator"));
    }

    @Test
    void theServerListsTheUserModesIn004() {
        FakeClient alice = server.connect().sendRegistration("alice");
        assertThat(alice.expect(" 004 ")).matches(":chatroom 004 alice chatroom chatroom-\\S+ iowB \\S+ \\S+");
    }

    /** How long the answer to c's OPER took to come, in whole seconds, up to a minute. */
    private int secondsUntilAnswer(FakeClient c, String oper) {
        c.send(oper);
        for (int s = 0; s <= 60; s++) {
            if (c.sync().stream().anyMatch(l -> l.matches(":chatroom (381|464|491) .*"))) return s;
            server.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("no answer in a minute");
    }
}
