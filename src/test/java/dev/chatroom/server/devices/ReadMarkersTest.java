package dev.chatroom.server.devices;

import static dev.chatroom.server.devices.DevicesTest.device;
import static dev.chatroom.server.devices.DevicesTest.registerAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read markers (draft/read-marker): set, asked for, never moved back, shown after JOIN, pushed to the
 * account's other devices, kept across a restart in SQLite and erased with the account. In memory.
 */
class ReadMarkersTest {
    private static final String CAP = "draft/read-marker";
    private static final ServerConfig CONFIG = InMemoryServer.config(s -> s.historyDays(7));

    @TempDir
    Path dir;

    private InMemoryServer server() {
        return new InMemoryServer(CONFIG, dir);
    }

    @Test
    void aMarkerIsSetAskedForAndNeverMovesBack() {
        InMemoryServer server = server();
        FakeClient alice = server.connect().registerWithCaps("alice", CAP);
        alice.send("MARKREAD #chatroom");
        assertThat(alice.next()).isEqualTo(":chatroom MARKREAD #chatroom *");

        alice.send("MARKREAD #chatroom timestamp=2025-06-01T12:00:00.000Z");
        assertThat(alice.next()).isEqualTo(":chatroom MARKREAD #chatroom timestamp=2025-06-01T12:00:00.000Z");
        alice.send("MARKREAD #CHATROOM timestamp=2025-01-01T00:00:00.000Z");
        assertThat(alice.next()).isEqualTo(":chatroom MARKREAD #CHATROOM timestamp=2025-06-01T12:00:00.000Z");
        alice.send("MARKREAD #chatroom");
        assertThat(alice.next()).isEqualTo(":chatroom MARKREAD #chatroom timestamp=2025-06-01T12:00:00.000Z");
        alice.send("MARKREAD bob timestamp=2025-07-04T00:00:00.123Z");
        assertThat(alice.next()).isEqualTo(":chatroom MARKREAD bob timestamp=2025-07-04T00:00:00.123Z");
    }

    @Test
    void badRequestsFailAsTheSpecificationSays() {
        InMemoryServer server = server();
        FakeClient alice = server.connect().registerWithCaps("alice", CAP);
        alice.send("MARKREAD");
        assertThat(alice.next()).startsWith(":chatroom FAIL MARKREAD NEED_MORE_PARAMS ");
        for (String bad :
                List.of("*", "timestamp=not-a-time", "timestamp=2025-06-01T12:00:00Z", "2025-06-01T12:00:00.000Z")) {
            alice.send("MARKREAD #chatroom " + bad);
            assertThat(alice.next()).startsWith(":chatroom FAIL MARKREAD INVALID_PARAMS #chatroom ");
        }
        alice.send("MARKREAD bad,target timestamp=2025-06-01T12:00:00.000Z");
        assertThat(alice.next()).startsWith(":chatroom FAIL MARKREAD INVALID_PARAMS ");
        alice.send("MARKREAD #chatroom");
        assertThat(alice.next()).isEqualTo(":chatroom MARKREAD #chatroom *");
    }

    @Test
    void aMarkerFarInTheFutureIsTakenAsNow() {
        InMemoryServer server = server();
        FakeClient alice = server.connect().registerWithCaps("alice", CAP);
        alice.send("MARKREAD #chatroom timestamp=2999-01-01T00:00:00.000Z");
        assertThat(alice.next()).isEqualTo(":chatroom MARKREAD #chatroom timestamp=2026-01-01T00:00:00.000Z");
    }

    @Test
    void joiningShowsTheMarkerAfterTheJoinAndBeforeTheNames() {
        InMemoryServer server = server();
        FakeClient alice = server.connect().registerWithCaps("alice", CAP);
        FakeClient plain = server.join("plain");
        alice.send("MARKREAD #ops timestamp=2025-03-15T10:00:00.000Z");
        alice.expect("MARKREAD");
        alice.send("JOIN #ops");
        assertThat(alice.next()).startsWith(":alice!").endsWith(" JOIN #ops");
        assertThat(alice.next()).isEqualTo(":chatroom MARKREAD #ops timestamp=2025-03-15T10:00:00.000Z");
        assertThat(alice.next()).contains(" 353 ");
        alice.send("JOIN #new");
        alice.expect(" JOIN #new");
        assertThat(alice.next()).isEqualTo(":chatroom MARKREAD #new *");

        plain.send("JOIN #ops");
        assertThat(plain.sync()).noneMatch(l -> l.contains("MARKREAD"));
    }

    @Test
    void aMarkerMovedOnOneDeviceArrivesOnTheOthersThatAskedForIt() {
        InMemoryServer server = server();
        registerAccount(server, "alice");
        FakeClient laptop = device(server, "alice", "alice", CAP);
        FakeClient phone = device(server, "alice", "alice", CAP);
        FakeClient old = device(server, "alice", "alice", "");
        laptop.sync();

        laptop.send("MARKREAD #chatroom timestamp=2025-11-11T11:11:11.111Z");
        assertThat(laptop.sync()).containsExactly(":chatroom MARKREAD #chatroom timestamp=2025-11-11T11:11:11.111Z");
        assertThat(phone.sync()).containsExactly(":chatroom MARKREAD #chatroom timestamp=2025-11-11T11:11:11.111Z");
        assertThat(old.sync()).isEmpty();

        phone.send("MARKREAD #chatroom timestamp=2025-01-01T00:00:00.000Z"); // behind: answered, nobody else told
        assertThat(phone.sync()).containsExactly(":chatroom MARKREAD #chatroom timestamp=2025-11-11T11:11:11.111Z");
        assertThat(laptop.sync()).isEmpty();

        FakeClient tablet = device(server, "alice", "alice", CAP); // a new device is shown the room with its marker
        assertThat(tablet.history()).contains(":chatroom MARKREAD #chatroom timestamp=2025-11-11T11:11:11.111Z");
    }

    @Test
    void aGuestsMarkersGoWithItsConnection() {
        InMemoryServer server = server();
        FakeClient guest = server.connect().registerWithCaps("guest", CAP);
        guest.send("MARKREAD #chatroom timestamp=2025-06-01T12:00:00.000Z");
        guest.next();
        guest.send("QUIT");
        guest.awaitClosed();
        FakeClient again = server.connect().registerWithCaps("guest", CAP);
        again.send("MARKREAD #chatroom");
        assertThat(again.next()).isEqualTo(":chatroom MARKREAD #chatroom *");
    }

    @Test
    void anAccountsMarkersSurviveARestartAndGoWithTheAccount() {
        InMemoryServer first = server();
        registerAccount(first, "alice");
        FakeClient alice = device(first, "alice", "alice", CAP);
        alice.send("MARKREAD #chatroom timestamp=2025-05-20T08:30:00.000Z");
        alice.send("MARKREAD bob timestamp=2025-05-20T08:31:00.000Z");
        alice.sync();
        first.close();

        InMemoryServer second = server();
        FakeClient back = device(second, "alice", "alice", CAP);
        assertThat(back.history()).contains(":chatroom MARKREAD #chatroom timestamp=2025-05-20T08:30:00.000Z");
        back.send("MARKREAD BOB");
        assertThat(back.next()).isEqualTo(":chatroom MARKREAD BOB timestamp=2025-05-20T08:31:00.000Z");
        back.send("QUIT");
        back.awaitClosed();
        assertThat(second.admin.execute("/drop alice")).startsWith("Dropped account alice");
        registerAccount(second, "alice");
        FakeClient next = device(second, "alice", "alice", CAP);
        assertThat(next.history()).contains(":chatroom MARKREAD #chatroom *");
        second.close();

        InMemoryServer third = server(); // erased from the store too
        FakeClient after = device(third, "alice", "alice", CAP);
        assertThat(after.history()).contains(":chatroom MARKREAD #chatroom *");
        third.close();
    }
}
