package dev.chatroom.server.accounts;

import static dev.chatroom.server.accounts.AccountsTest.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import dev.chatroom.testing.ManualBackground;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Three accounts an hour from one address, however many REGISTERs arrive at once. */
class RegistrationQuotaTest {
    private final ManualBackground hashing = new ManualBackground();
    private final InMemoryServer server = new InMemoryServer(InMemoryServer.config(), hashing);

    private FakeClient registering(String address, String nick) {
        FakeClient c = server.connectSecure(address, null).register(nick);
        c.sync();
        c.send("REGISTER * * correct-horse");
        return c;
    }

    @Test
    void eightRegistrationsAtOnceFromOneAddressMakeExactlyThreeAccounts() {
        List<FakeClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) clients.add(registering(PUBLIC, "squat" + i));
        hashing.finishAll();
        server.advance(Duration.ofSeconds(10));
        long made = clients.stream()
                .filter(c -> c.sync().stream().anyMatch(l -> l.contains("REGISTER SUCCESS")))
                .count();
        assertThat(made).isEqualTo(3);
        assertThat(server.hub.logins().accounts().count()).isEqualTo(3);
        assertThat(clients.get(7).history())
                .contains(
                        ":chatroom FAIL REGISTER TEMPORARILY_UNAVAILABLE squat7 :Too many accounts registered from your address; try again in an hour");
    }

    @Test
    void aRegistrationThatFailsGivesItsPlaceBack() {
        for (int i = 0; i < 3; i++) registering(PUBLIC, "gone" + i).send("QUIT"); // gone before the hash is done
        hashing.finishAll();
        for (int i = 0; i < 3; i++) {
            FakeClient c = registering(PUBLIC, "mine" + i);
            hashing.finishAll();
            c.expect("REGISTER SUCCESS");
        }
        assertThat(server.hub.logins().accounts().count()).isEqualTo(3);
    }
}
