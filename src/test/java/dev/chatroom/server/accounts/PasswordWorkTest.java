package dev.chatroom.server.accounts;

import static dev.chatroom.server.accounts.AccountsTest.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.ManualBackground;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Password hashing is shared fairly: one address never holds every hashing thread, and its queue is short. */
class PasswordWorkTest {
    private static final String BUSY_ADDRESS = "203.0.113.7";
    private static final String OTHER_ADDRESS = "198.51.100.9";

    private final ManualBackground hashing = new ManualBackground();
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(), hashing);

    /** alice's account, made from an address of its own. */
    private void aliceRegistered() {
        FakeClient alice = server.connectSecure("192.0.2.1", null).register("alice");
        alice.send("REGISTER * * correct-horse");
        hashing.finishAll();
        alice.expect("REGISTER SUCCESS");
    }

    /** A SASL PLAIN login to alice's account from address, with a wrong password: one hash. */
    private FakeClient login(String address, int i) {
        FakeClient c = server.connectSecure(address, null);
        c.send("CAP REQ :sasl")
                .send("NICK guest" + address.hashCode() + "x" + i)
                .send("AUTHENTICATE PLAIN");
        c.send("AUTHENTICATE " + plain("alice", "guess-" + i));
        return c;
    }

    @Test
    void oneAddressGetsOneHashingThreadAndTheOthersTakeTurns() {
        aliceRegistered();
        List<FakeClient> busy = new ArrayList<>();
        for (int i = 0; i < 3; i++) busy.add(login(BUSY_ADDRESS, i));
        assertThat(hashing.running()).isEqualTo(1); // the second thread stays free for everyone else
        FakeClient other = login(OTHER_ADDRESS, 9);
        assertThat(hashing.running()).isEqualTo(2);
        hashing.finishNext(); // the busy address's first: its second may start now
        assertThat(hashing.running()).isEqualTo(2);
        hashing.finishNext(); // the other address's, started before the busy one's second
        server.advance(Duration.ofSeconds(1));
        assertThat(other.expect(" 904 ")).contains("wrong account name or password");
        hashing.finishAll();
        server.advance(Duration.ofMinutes(1));
        for (FakeClient c : busy) assertThat(c.expect(" 904 ")).contains("wrong account name or password");
    }

    @Test
    void pastAShortQueueAnAddressIsToldBusyAtOnce() {
        aliceRegistered();
        List<FakeClient> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) clients.add(login(BUSY_ADDRESS, i));
        assertThat(hashing.running()).isEqualTo(1);
        for (int i = 0; i < 5; i++) assertThat(clients.get(i).sync()).noneMatch(l -> l.contains(" 904 "));
        assertThat(clients.get(5).expect(" 904 "))
                .endsWith(":SASL authentication failed: the server is busy; try again in a moment");
        FakeClient elsewhere = server.connectSecure(OTHER_ADDRESS, null).register("bob");
        elsewhere.send("REGISTER * * correct-horse");
        assertThat(hashing.running()).isEqualTo(2);
    }

    @Test
    void anAddressGetsAFewHashesAtOnceThenOneASecond() {
        aliceRegistered();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) login(BUSY_ADDRESS, round * 4 + i);
            hashing.finishAll();
        }
        // five at once (the first four and one more), then the rest wait for the clock
        assertThat(hashing.running()).isZero();
        server.advance(Duration.ofMillis(999));
        assertThat(hashing.running()).isZero();
        server.advance(Duration.ofMillis(1));
        assertThat(hashing.running()).isEqualTo(1);
        hashing.finishNext();
        server.advance(Duration.ofSeconds(1));
        assertThat(hashing.running()).isEqualTo(1);
    }
}
