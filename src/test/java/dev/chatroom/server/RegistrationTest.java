package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistrationTest extends HubTest {

    @Test
    void registersWithoutCapAndLandsInTheRoom() {
        FakeClient alice = server.connect();
        alice.sendRegistration("alice");
        assertThat(alice.expect(" 001 "))
                .isEqualTo(":chatroom 001 alice :Welcome to the chatroom IRC Network, alice!~alice@127.0.0.1");
        assertThat(alice.next()).startsWith(":chatroom 002 alice :Your host is chatroom");
        assertThat(alice.next()).startsWith(":chatroom 003 alice :");
        assertThat(alice.next()).matches(":chatroom 004 alice chatroom chatroom-\\S+ iowB biklmnostv bklov");
        String isupport = alice.next() + " " + alice.next();
        assertThat(isupport)
                .startsWith(":chatroom 005 alice ")
                .contains(
                        "CASEMAPPING=rfc1459",
                        "CHANTYPES=#",
                        "PREFIX=(ov)@+",
                        "NICKLEN=30",
                        "NETWORK=chatroom",
                        "WHOX",
                        "CHANMODES=b,k,l,imnst",
                        "MODES=4",
                        "ELIST=MNU",
                        "MAXLIST=b:100",
                        "KEYLEN=32")
                .endsWith(":are supported by this server");
        assertThat(alice.next()).isEqualTo(":chatroom 375 alice :- chatroom Message of the day - ");
        String motd = alice.expect(" 376 ");
        assertThat(alice.history())
                .anyMatch(l -> l.contains(" 372 alice :- ") && l.contains("/private <user> <message>"));
        assertThat(motd).isEqualTo(":chatroom 376 alice :End of /MOTD command.");
        assertThat(alice.next()).isEqualTo(":alice!~alice@127.0.0.1 JOIN #chatroom");
        assertThat(alice.next()).isEqualTo(":chatroom 353 alice = #chatroom :alice");
        assertThat(alice.next()).isEqualTo(":chatroom 366 alice #chatroom :End of /NAMES list.");
    }

    @Test
    void capNegotiationHoldsRegistrationUntilEnd() {
        FakeClient c = server.connect();
        c.send("CAP LS 302");
        assertThat(c.next())
                .isEqualTo(
                        ":chatroom CAP * LS :account-notify draft/account-registration=before-connect account-tag away-notify batch echo-message extended-join extended-monitor labeled-response message-tags multi-prefix draft/multiline=max-bytes=4096,max-lines=100 sasl=PLAIN,EXTERNAL server-time setname standard-replies userhost-in-names");
        c.sendRegistration("carol");
        c.send("CAP REQ :echo-message server-time");
        assertThat(c.next()).isEqualTo(":chatroom CAP carol ACK :echo-message server-time");
        assertThat(c.sync()).isEmpty(); // no 001 while CAP is open
        c.send("CAP LIST");
        assertThat(c.next()).isEqualTo(":chatroom CAP carol LIST :echo-message server-time");
        c.send("CAP END");
        c.expect(" 001 carol ");
    }

    @Test
    void capRequestWithAnUnknownCapIsRefusedWhole() {
        FakeClient c = server.connect();
        c.send("CAP LS 302").next();
        c.send("CAP REQ :echo-message chghost");
        assertThat(c.next()).isEqualTo(":chatroom CAP * NAK :echo-message chghost");
        c.send("CAP LIST");
        assertThat(c.next()).isEqualTo(":chatroom CAP * LIST :");
        c.send("CAP BOGUS");
        assertThat(c.next()).isEqualTo(":chatroom 410 * BOGUS :Invalid CAP command");
    }

    @Test
    void nickErrors() {
        FakeClient c = server.connect();
        c.send("NICK");
        assertThat(c.next()).isEqualTo(":chatroom 431 * :No nickname given");
        c.send("NICK 9lives");
        assertThat(c.next()).isEqualTo(":chatroom 432 * 9lives :Erroneous nickname");
        c.send("NICK " + "a".repeat(31));
        assertThat(c.next()).contains(" 432 * ");
        c.send("NICK bad\u001b[2Jnick");
        assertThat(c.next()).contains(" 432 * ");
    }

    @Test
    void adminIsTheConsolesNameNotANick() {
        FakeClient c = server.connect();
        c.send("NICK Admin");
        assertThat(c.next()).isEqualTo(":chatroom 432 * Admin :That nickname is the server's admin console");
        FakeClient bob = server.join("bob");
        bob.send("NICK admin");
        assertThat(bob.expect(" 432 "))
                .isEqualTo(":chatroom 432 bob admin :That nickname is the server's admin console");
    }

    @Test
    void nickInUseAlsoWhenDifferingOnlyInCase() {
        server.join("Alice");
        FakeClient c = server.connect();
        c.send("NICK alice");
        assertThat(c.next()).isEqualTo(":chatroom 433 * alice :Nickname is already in use");
        c.send("NICK ALICE");
        assertThat(c.next()).isEqualTo(":chatroom 433 * ALICE :Nickname is already in use");
        c.send("NICK alice_").send("USER a 0 * :A");
        c.expect(" 001 alice_ ");
    }

    @Test
    void rfc1459SpecialsCollideToo() {
        server.join("x[1]");
        FakeClient c = server.connect();
        c.send("NICK X{1}");
        assertThat(c.next()).contains(" 433 * X{1} ");
    }

    @Test
    void commandsBeforeRegistrationGet451AndMissingParams461() {
        FakeClient c = server.connect();
        c.send("PRIVMSG #chatroom :hi");
        assertThat(c.next()).isEqualTo(":chatroom 451 * :You have not registered");
        c.send("JOIN #x");
        assertThat(c.next()).isEqualTo(":chatroom 451 * :You have not registered");
        c.send("USER onlyone");
        assertThat(c.next()).isEqualTo(":chatroom 461 * USER :Not enough parameters");
    }

    @Test
    void reregistering462() {
        FakeClient c = server.join("dave");
        c.send("USER again 0 * :x");
        assertThat(c.next()).isEqualTo(":chatroom 462 dave :You may not reregister");
    }

    @Test
    void unknownCommand421() {
        FakeClient c = server.join("erin");
        c.send("FROBNICATE now");
        assertThat(c.next()).isEqualTo(":chatroom 421 erin FROBNICATE :Unknown command");
        c.send("privmsg #chatroom :lowercase verbs work");
        assertThat(c.sync()).isEmpty();
    }

    @Test
    void pingIsAnsweredBeforeAndAfterRegistration() {
        FakeClient c = server.connect();
        c.send("PING :early bird");
        assertThat(c.next()).isEqualTo(":chatroom PONG chatroom :early bird");
        c.send("PING");
        assertThat(c.next()).isEqualTo(":chatroom 461 * PING :Not enough parameters");
    }

    @Test
    void passwordIsEnforcedWhenConfigured() {
        try (InMemoryServer guarded = new InMemoryServer(InMemoryServer.config(b -> b.password("s3cret")))) {
            FakeClient wrong = guarded.connect();
            wrong.send("PASS nope").sendRegistration("wrong");
            wrong.send("PING :ignored while refused");
            assertThat(wrong.sync()).isEmpty(); // the answer comes after a delay
            assertThat(wrong.link().readingPaused()).isTrue();
            guarded.advance(Duration.ofSeconds(1));
            assertThat(wrong.awaitClosed())
                    .containsExactly(":chatroom 464 * :Password incorrect", "ERROR :Closing link: Bad password");
            guarded.expectEvent("^Wrong server password from 127\\.0\\.0\\.1 \\(1 failure\\)$");

            FakeClient missing = guarded.connect();
            missing.sendRegistration("missing");
            assertThat(missing.sync())
                    .containsExactly(":chatroom 464 * :Password required", ":chatroom 464 * :Password required");

            FakeClient right = guarded.connect();
            right.send("PASS s3cret").register("right");
            FakeClient almost = guarded.connect();
            almost.send("PASS s3cre").sendRegistration("almost"); // a prefix is no match
            guarded.advance(Duration.ofSeconds(1));
            assertThat(almost.awaitClosed()).contains(":chatroom 464 * :Password incorrect");
        }
    }

    @Test
    void guessingThePasswordIsSlowAndAnAddressIsRefusedAfterTenFailures() {
        try (InMemoryServer guarded = new InMemoryServer(InMemoryServer.config(b -> b.password("s3cret")))) {
            for (int i = 0; i < 10; i++) {
                FakeClient guess = guarded.connect();
                guess.send("PASS guess" + i).sendRegistration("g" + i);
                guarded.advance(Duration.ofSeconds(1));
                assertThat(guess.awaitClosed()).last().isEqualTo("ERROR :Closing link: Bad password");
            }
            assertThat(guarded.events())
                    .last()
                    .asString()
                    .endsWith("(10 failures; the address is refused for 10 minutes)");
            FakeClient more = guarded.connect();
            assertThat(more.awaitClosed())
                    .containsExactly(
                            "ERROR :Closing link: too many wrong passwords from your address; try again later");
            FakeClient elsewhere = guarded.connect("10.0.0.9"); // another address still may try
            elsewhere.send("PASS s3cret").register("other");
            guarded.advance(Duration.ofMinutes(11));
            FakeClient later = guarded.connect();
            later.send("PASS s3cret").register("patient");
        }
    }

    @Test
    void passwordIsIgnoredWhenNotConfigured() {
        FakeClient c = server.connect();
        c.send("PASS whatever").register("frank");
    }

    @Test
    void nickChangeAfterJoiningIsAnnouncedAndFreesTheOldNick() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.sync();
        alice.send("NICK alicia");
        assertThat(alice.next()).isEqualTo(":alice!~alice@127.0.0.1 NICK :alicia");
        assertThat(bob.expect("NICK")).isEqualTo(":alice!~alice@127.0.0.1 NICK :alicia");
        server.join("alice");
        alice.send("NICK Alicia"); // case change of one's own nick is allowed
        assertThat(alice.expect(" NICK ")).isEqualTo(":alicia!~alice@127.0.0.1 NICK :Alicia");
        bob.send("NICK Alicia");
        assertThat(bob.expect(" 433 ")).isEqualTo(":chatroom 433 bob Alicia :Nickname is already in use");
    }
}
