package dev.chatroom.server.accounts;

import static dev.chatroom.server.accounts.AccountsTest.saslLogin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guessing slows the guesser down and cannot lock the owner out: on the manual clock. */
class LockoutTest {
    private static final String HOME = "203.0.113.7";
    private static final String TRAVELLING = "192.0.2.77";
    private static final List<String> ATTACKERS = List.of("198.51.100.1", "198.51.100.2", "198.51.100.3");
    private static final String CERT = "ab:".repeat(31) + "ab";
    private static final String KEY = "SHA256:i+0XQr03fLRSlLx6UYoTQDOiF3wlE5iK90o4j8CIa/w";

    private final InMemoryServer server = new InMemoryServer();
    private int guesses;

    /** alice registers at home with a certificate, and links her ssh key by logging in over ssh once. */
    private void aliceRegistered() {
        FakeClient a = server.connectSecure(HOME, CERT).register("alice");
        a.send("REGISTER * * correct-horse");
        a.expect("REGISTER SUCCESS");
        a.send("QUIT");
        FakeClient ssh = saslLogin(server, server.connectSsh(HOME, KEY), "alice", "alice", "correct-horse");
        ssh.expect(" 903 ");
        ssh.send("QUIT");
    }

    private FakeClient guess(String address, String password) {
        return saslLogin(server, server.connectSecure(address, null), "guest" + ++guesses, "alice", password);
    }

    /** How long the answer to c's login took to come, in whole seconds, up to a minute. */
    private int secondsUntilAnswer(FakeClient c) {
        for (int s = 0; s <= 60; s++) {
            if (c.sync().stream().anyMatch(l -> l.contains(" 904 ") || l.contains(" 903 "))) return s;
            server.advance(Duration.ofSeconds(1));
        }
        throw new AssertionError("no answer in a minute");
    }

    @Test
    void eachFailureOfAnAccountFromAnAddressWaitsTwiceAsLongAndNobodyElseWaits() {
        aliceRegistered();
        List<Integer> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) delays.add(secondsUntilAnswer(guess(ATTACKERS.get(0), "guess-" + i)));
        assertThat(delays).containsExactly(1, 2, 4, 8, 16, 16);
        assertThat(secondsUntilAnswer(guess(HOME, "typo-horse"))).isEqualTo(1);
        assertThat(secondsUntilAnswer(guess(ATTACKERS.get(1), "guess-x"))).isEqualTo(1);
    }

    @Test
    void thirtyWrongGuessesFromThreeAddressesDoNotLockTheOwnerOut() {
        aliceRegistered();
        for (int round = 0; round < 10; round++) {
            List<FakeClient> guesses = new ArrayList<>();
            for (String address : ATTACKERS) guesses.add(guess(address, "guess-" + round));
            server.advance(Duration.ofSeconds(16));
            for (FakeClient g : guesses) assertThat(g.expect(" 904 ")).contains("wrong account name or password");
        }
        FakeClient stranger = guess(TRAVELLING, "correct-horse");
        server.advance(Duration.ofSeconds(1));
        assertThat(stranger.expect(" 904 ")).contains("password logins to it are paused for 10 minutes");

        FakeClient home = saslLogin(server, server.connectSecure(HOME, null), "alice", "alice", "correct-horse");
        assertThat(home.expect(" 90[34] ")).contains(" 903 "); // home is where she logged in before
        home.send("QUIT");
        FakeClient certificate = server.connectSecure(TRAVELLING, CERT);
        certificate.send("CAP REQ :sasl").sendRegistration("alice").send("AUTHENTICATE EXTERNAL");
        certificate.send("AUTHENTICATE +");
        assertThat(certificate.expect(" 90[34] ")).contains(" 903 ");
        certificate.send("QUIT");
        FakeClient ssh = server.connectSsh(TRAVELLING, KEY);
        assertThat(ssh.expect(" 900 ")).contains("You are now logged in as alice");
    }
}
