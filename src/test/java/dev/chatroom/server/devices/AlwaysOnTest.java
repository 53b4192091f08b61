package dev.chatroom.server.devices;

import static dev.chatroom.server.devices.DevicesTest.device;
import static dev.chatroom.server.devices.DevicesTest.registerAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Always-on accounts: present with no device, shown as away, back at once, across a restart. In memory. */
class AlwaysOnTest {
    @Test
    void accountsetShowsAndChangesTheSetting() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient alice = device(server, "alice", "alice", "standard-replies");
        alice.send("ACCOUNTSET");
        assertThat(alice.expect("ACCOUNTSET"))
                .isEqualTo(
                        ":chatroom NOTE * ACCOUNTSET :always-on is off: you leave your rooms when your last device does");
        alice.send("ACCOUNTSET always-on on");
        assertThat(alice.expect("ACCOUNTSET"))
                .isEqualTo(
                        ":chatroom NOTE * ACCOUNTSET :always-on is on: with no device connected you stay in your rooms, shown as away");
        alice.send("ACCOUNTSET always-on maybe");
        assertThat(alice.expect("ACCOUNTSET")).contains("FAIL ACCOUNTSET INVALID_VALUE");
        alice.send("ACCOUNTSET colour blue");
        assertThat(alice.expect("ACCOUNTSET")).contains("FAIL ACCOUNTSET UNKNOWN_SETTING");

        FakeClient guest = server.connect().registerWithCaps("guest", "standard-replies");
        guest.send("ACCOUNTSET always-on on");
        assertThat(guest.expect("ACCOUNTSET")).contains("FAIL ACCOUNTSET ACCOUNT_REQUIRED");
    }

    @Test
    void withNoDeviceTheAccountStaysAwayAndIsBackAtOnce() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient bob = server.connect().registerWithCaps("bob", "away-notify");
        FakeClient laptop = device(server, "alice", "alice", "");
        laptop.send("ACCOUNTSET always-on on");
        bob.sync();

        laptop.send("QUIT :lid closed");
        laptop.awaitClosed();
        assertThat(bob.sync()).containsExactly(":alice!~alice@203.0.113.7 AWAY :No device connected");
        bob.send("PRIVMSG alice :are you there?");
        assertThat(bob.expect(" 301 ")).endsWith("alice :No device connected");
        bob.send("NAMES #chatroom");
        assertThat(bob.expect(" 353 ")).contains("alice");
        bob.expect(" 366 ");

        FakeClient phone = device(server, "alice", "alice", "");
        assertThat(phone.history()).anyMatch(l -> l.contains(" JOIN ") && l.endsWith("#chatroom"));
        assertThat(bob.sync()).containsExactly(":alice!~alice@203.0.113.7 AWAY");
        phone.send("PRIVMSG #chatroom :back");
        assertThat(bob.expect("PRIVMSG")).startsWith(":alice!");
    }

    @Test
    void theServerDefaultOptOutMakesEveryAccountAlwaysOnAndOffTurnsItOff() {
        InMemoryServer optOut =
                new InMemoryServer(InMemoryServer.config(s -> s.alwaysOn(ServerConfig.AlwaysOn.OPT_OUT)));
        registerAccount(optOut, "alice");
        FakeClient bob = optOut.join("bob");
        FakeClient alice = device(optOut, "alice", "alice", "");
        bob.sync();
        alice.send("QUIT");
        alice.awaitClosed();
        assertThat(bob.sync()).noneMatch(l -> l.contains("QUIT"));

        InMemoryServer off = new InMemoryServer(InMemoryServer.config(s -> s.alwaysOn(ServerConfig.AlwaysOn.OFF)));
        registerAccount(off, "carol");
        FakeClient dave = off.join("dave");
        FakeClient carol = device(off, "carol", "carol", "standard-replies");
        carol.send("ACCOUNTSET always-on on");
        assertThat(carol.expect("ACCOUNTSET")).contains("FAIL ACCOUNTSET NOT_OFFERED");
        dave.sync();
        carol.send("QUIT");
        assertThat(dave.expect(" QUIT ")).startsWith(":carol!");
    }

    @Test
    void alwaysOnPresenceSurvivesARestart(@TempDir Path dir) {
        ServerConfig config = InMemoryServer.config(s -> s.historyDays(7));
        InMemoryServer first = new InMemoryServer(config, dir);
        registerAccount(first, "alice");
        FakeClient alice = device(first, "alice", "alice", "");
        alice.send("JOIN #ops");
        alice.expect(" 366 alice #ops ");
        alice.send("ACCOUNTSET always-on on");
        alice.send("QUIT");
        alice.awaitClosed();
        first.shutdown("restart");
        first.close();

        InMemoryServer second = new InMemoryServer(config, dir);
        FakeClient bob = second.join("bob");
        bob.send("JOIN #ops");
        assertThat(bob.expect(" 353 bob . #ops ")).contains("alice");
        bob.send("PRIVMSG alice :missed this");
        assertThat(bob.expect(" 301 ")).contains("alice");

        FakeClient back = device(second, "alice", "alice", "draft/chathistory batch server-time message-tags");
        back.sync();
        assertThat(back.history()).anyMatch(l -> l.contains(" JOIN ") && l.endsWith("#ops"));
        back.send("CHATHISTORY LATEST bob * 10");
        assertThat(back.expect("PRIVMSG alice")).endsWith(":missed this");
        back.send("QUIT");
        back.awaitClosed();
        second.admin.execute("/drop alice"); // its presence goes with it: not back after the next restart
        second.shutdown("restart");
        second.close();

        InMemoryServer third = new InMemoryServer(config, dir);
        FakeClient carol = third.join("carol");
        carol.send("NAMES #chatroom");
        assertThat(carol.expect(" 353 ")).doesNotContain("alice");
        third.close();
    }
}
