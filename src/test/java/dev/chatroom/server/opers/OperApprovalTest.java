package dev.chatroom.server.opers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.Opers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Operators are told of each join request and of what became of it, and answer with APPROVE and REJECT. */
class OperApprovalTest {
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(b -> Opers.configured(b)
            .approve(ApprovalPolicy.ASK)
            .approvalTimeout(Duration.ofSeconds(30))
            .cloakHosts(true)));
    private final FakeClient alice = Opers.operator(server, "alice");
    private final FakeClient ops2 = Opers.operator(server, "oscar");

    {
        alice.sync(); // oscar's own request, and what became of it
    }

    private FakeClient waiting(String nick, String address) {
        FakeClient c = server.connect(address).sendRegistration(nick);
        c.expect("Waiting for the admin");
        return c;
    }

    @Test
    void eachRequestIsANoticeWithTheRealAddressAndApproveLetsThemIn() {
        FakeClient bob = waiting("bob", "10.0.0.9");
        String request = ":chatroom NOTICE alice :*** bob (no account, 10.0.0.9) wants to join: APPROVE bob or REJECT"
                + " bob [reason]";
        assertThat(alice.sync()).containsExactly(request);
        assertThat(ops2.sync()).hasSize(1);

        alice.send("APPROVE bob");
        bob.expect(" 001 bob ");
        bob.expect(" 366 bob ");
        assertThat(alice.sync()).startsWith(":chatroom NOTICE alice :*** bob was accepted by alice.");
        assertThat(ops2.sync()).startsWith(":chatroom NOTICE oscar :*** bob was accepted by alice.");
        server.expectEvent("^IRC operator alice: /accept bob$");
        server.expectEvent("^\\* bob entered the chatroom\\.$");

        alice.send("APPROVE bob"); // the console's rules: answered once
        assertThat(alice.sync()).containsExactly(":chatroom NOTICE alice :No request from bob. Type /pending.");
    }

    @Test
    void rejectTellsThemTheReasonAndEveryOperatorWhoDidIt() {
        FakeClient bob = waiting("bob", "10.0.0.9");
        waiting("carol", "10.0.0.10"); // the console would be asked about her next; operators had her notice
        alice.sync();
        ops2.sync();
        ops2.send("REJECT bob :not today");
        assertThat(bob.awaitClosed()).contains("ERROR :Closing link: the admin rejected your request: not today");
        assertThat(alice.sync()).containsExactly(":chatroom NOTICE alice :*** bob was rejected by oscar: not today");
        assertThat(ops2.sync())
                .containsExactly(
                        ":chatroom NOTICE oscar :*** bob was rejected by oscar: not today",
                        ":chatroom NOTICE oscar :Rejected bob.");
        server.expectEvent("^IRC operator oscar: /reject bob not today$");
    }

    @Test
    void whatTheConsoleAndTheClockDoToRequestsIsToldToo() {
        waiting("bob", "10.0.0.9");
        FakeClient carol = waiting("carol", "10.0.0.10");
        waiting("dave", "10.0.0.11");
        alice.sync();

        server.admin.execute("/accept bob");
        assertThat(alice.sync()).startsWith(":chatroom NOTICE alice :*** bob was accepted by the admin.");
        server.admin.execute("/reject dave");
        assertThat(alice.sync()).containsExactly(":chatroom NOTICE alice :*** dave was rejected by the admin.");
        carol.send("QUIT :bored");
        assertThat(alice.sync()).containsExactly(":chatroom NOTICE alice :*** carol stopped waiting (bored).");

        waiting("erin", "10.0.0.12");
        alice.sync();
        server.advance(Duration.ofSeconds(30));
        assertThat(alice.sync()).containsExactly(":chatroom NOTICE alice :*** The request of erin expired unanswered.");
    }

    @Test
    void requestsAlreadyWaitingAreListedToWhoeverBecomesAnOperator() {
        waiting("bob", "10.0.0.9");
        waiting("carol", "10.0.0.10");
        FakeClient dan = server.connect().sendRegistration("dan");
        server.admin.execute("/accept dan");
        dan.expect(" 366 dan ");
        dan.send("OPER operuser operpassword");
        assertThat(dan.sync())
                .containsExactly(
                        ":chatroom 381 dan :You are now an IRC operator",
                        ":dan MODE dan :+o",
                        ":chatroom NOTICE dan :*** bob (no account, 10.0.0.9) wants to join: APPROVE bob or REJECT"
                                + " bob [reason]",
                        ":chatroom NOTICE dan :*** carol (no account, 10.0.0.10) wants to join: APPROVE carol or"
                                + " REJECT carol [reason]");
    }

    @Test
    void approveAlwaysPutsTheAccountOnTheAllowListAsAtTheConsole() {
        FakeClient bob = server.connect().sendRegistration("bob");
        server.admin.execute("/accept bob");
        bob.expect(" 366 bob ");
        bob.send("REGISTER * * correct-horse");
        bob.expect("REGISTER SUCCESS");
        bob.send("QUIT");
        FakeClient again = server.connect().send("CAP REQ :sasl").sendRegistration("bob");
        again.send("AUTHENTICATE PLAIN");
        again.send("AUTHENTICATE " + java.util.Base64.getEncoder().encodeToString("\0bob\0correct-horse".getBytes()));
        again.send("CAP END");
        again.expect("Waiting for the admin");
        assertThat(alice.sync()).last().asString().contains("bob (account bob, 127.0.0.1) wants to join");

        alice.send("APPROVE bob always");
        again.expect(" 001 bob ");
        assertThat(alice.sync())
                .contains(
                        ":chatroom NOTICE alice :*** bob was accepted by alice.",
                        ":chatroom NOTICE alice :Allowed bob: logging in to it skips the queue.");
        assertThat(server.admin.execute("/allowlist")).contains("bob");

        FakeClient guest = waiting("guest", "10.0.0.20");
        alice.sync();
        alice.send("APPROVE guest always");
        guest.expect(" 001 guest ");
        assertThat(alice.sync())
                .contains(":chatroom NOTICE alice :guest has no account: accepted this time only."
                        + " (They can /register, then you /allow guest.)");
    }

    @Test
    void othersSeeTheCloakWhereOperatorsSeeTheAddress() {
        waiting("bob", "10.0.0.9");
        alice.sync();
        alice.send("APPROVE bob");
        alice.sync();
        FakeClient carol = server.connect("192.0.2.30").sendRegistration("carol");
        server.admin.execute("/accept carol");
        carol.expect(" 366 carol ");
        carol.send("WHOIS bob");
        assertThat(carol.sync()).noneMatch(l -> l.contains("10.0.0.9"));
        alice.send("WHOIS bob");
        assertThat(alice.sync()).contains(":chatroom 378 alice bob :is connecting from *@10.0.0.9 10.0.0.9");
        alice.send("WHO 10.0.0.*");
        assertThat(alice.sync()).anyMatch(l -> l.contains(" 352 alice * ~bob "));
        carol.send("WHO 10.0.0.*");
        assertThat(carol.sync()).noneMatch(l -> l.contains(" 352 "));
        alice.send("WHO bob %in");
        assertThat(alice.sync()).contains(":chatroom 354 alice 10.0.0.9 bob");
        carol.send("WHO bob %in");
        assertThat(carol.sync()).contains(":chatroom 354 carol 255.255.255.255 bob");
    }
}
