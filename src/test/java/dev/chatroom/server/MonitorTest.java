package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.ServerConfig.ApprovalPolicy;
import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** MONITOR and extended-monitor, in memory: the list, its limit, and 730/731 as users come, go and rename. */
class MonitorTest extends HubTest {

    @Test
    void isupportSaysTheLimit() {
        FakeClient alice = server.connect();
        alice.sendRegistration("alice");
        assertThat(alice.expect(" 005 .*MONITOR=")).contains(" MONITOR=100 ");
    }

    @Test
    void addingSaysWhoIsOnlineAndWhoIsNot() {
        FakeClient alice = server.join("alice");
        server.join("bob");
        alice.sync();
        alice.send("MONITOR + Bob,carol");
        assertThat(alice.sync())
                .containsExactly(":chatroom 730 alice :bob!~bob@127.0.0.1", ":chatroom 731 alice :carol");
    }

    @Test
    void arrivalQuitAndDropAreTold() {
        FakeClient alice = server.join("alice");
        alice.sync();
        alice.send("MONITOR + bob");
        assertThat(alice.sync()).containsExactly(":chatroom 731 alice :bob");
        FakeClient bob = server.join("bob");
        assertThat(alice.expect(" 73[01] ")).isEqualTo(":chatroom 730 alice :bob!~bob@127.0.0.1");
        bob.send("QUIT :bye");
        assertThat(alice.expect(" 73[01] ")).isEqualTo(":chatroom 731 alice :bob");
        FakeClient again = server.join("bob");
        alice.expect(":chatroom 730 alice :bob!");
        again.drop();
        alice.expect(":chatroom 731 alice :bob");
    }

    @Test
    void aRenameTakesTheOldNickOfflineAndTheNewOneOnline() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("MONITOR + qux");
        alice.sync();
        bob.send("NICK qux");
        assertThat(alice.sync())
                .filteredOn(l -> l.contains(" 73"))
                .containsExactly(":chatroom 730 alice :qux!~bob@127.0.0.1");
        bob.send("NICK QUX");
        assertThat(alice.sync()).noneMatch(l -> l.contains(" 73"));
        bob.send("NICK bazbat");
        assertThat(alice.sync()).filteredOn(l -> l.contains(" 73")).containsExactly(":chatroom 731 alice :QUX");
    }

    @Test
    void listRemoveClearAndStatus() {
        FakeClient alice = server.join("alice");
        server.join("bob");
        alice.send("MONITOR + bob,carol,dave");
        alice.sync();
        alice.send("MONITOR - carol");
        assertThat(alice.sync()).isEmpty();
        alice.send("MONITOR L");
        assertThat(alice.sync())
                .containsExactly(":chatroom 732 alice :bob,dave", ":chatroom 733 alice :End of MONITOR list");
        alice.send("MONITOR S");
        assertThat(alice.sync())
                .containsExactly(":chatroom 730 alice :bob!~bob@127.0.0.1", ":chatroom 731 alice :dave");
        alice.send("MONITOR C");
        assertThat(alice.sync()).isEmpty();
        alice.send("MONITOR L");
        assertThat(alice.sync()).containsExactly(":chatroom 733 alice :End of MONITOR list");
    }

    @Test
    void masksAndRoomsAreNotNicksAndAreLeftOut() {
        FakeClient alice = server.join("alice");
        alice.sync();
        alice.send("MONITOR + *!bob@127.0.0.1,#chatroom");
        assertThat(alice.sync()).isEmpty();
        alice.send("MONITOR L");
        assertThat(alice.sync()).containsExactly(":chatroom 733 alice :End of MONITOR list");
        alice.send("MONITOR +");
        assertThat(alice.next()).isEqualTo(":chatroom 461 alice MONITOR :Not enough parameters");
        alice.send("MONITOR X bob");
        assertThat(alice.next()).contains("Unknown MONITOR subcommand X");
    }

    @Test
    void aFullListRefusesTheRestWith734() {
        FakeClient alice = server.join("alice");
        alice.sync();
        List<String> nicks = new ArrayList<>();
        for (int i = 0; i < 98; i++) nicks.add("n" + i);
        alice.send("MONITOR + " + String.join(",", nicks));
        alice.sync();
        alice.send("MONITOR + n0,x1,x2,x3,x4");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom 734 alice 100 x3,x4 :Monitor list is full.", ":chatroom 731 alice :n0,x1,x2");
        alice.send("MONITOR L");
        Set<String> listed = new HashSet<>();
        for (String l : alice.sync()) if (l.contains(" 732 ")) listed.addAll(List.of(l.split(" :")[1].split(",")));
        assertThat(listed).hasSize(100).contains("x1", "x2").doesNotContain("x3");
    }

    @Test
    void longListsAreSplitIntoLinesOf512BytesAtMost() {
        FakeClient alice = server.join("alice");
        alice.sync();
        List<String> nicks = new ArrayList<>();
        for (int i = 0; i < 100; i++) nicks.add(String.format("%-29s", "n" + i).replace(' ', 'x') + "y");
        for (int from = 0; from < 100; from += 10) {
            alice.send("MONITOR + " + String.join(",", nicks.subList(from, from + 10)));
        }
        alice.sync();
        for (String command : List.of("MONITOR L", "MONITOR S")) {
            alice.send(command);
            List<String> lines = alice.sync();
            assertThat(lines).hasSizeGreaterThan(2);
            Set<String> named = new HashSet<>();
            for (String l : lines) {
                assertThat((l + "\r\n").getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512);
                if (l.contains(" 732 ") || l.contains(" 731 ")) named.addAll(List.of(l.split(" :")[1].split(",")));
            }
            assertThat(named).containsExactlyInAnyOrderElementsOf(nicks);
        }
    }

    @Test
    void aWatchersDepartureDropsItsList() {
        FakeClient alice = server.join("alice");
        alice.send("MONITOR + bob");
        assertThat(server.hub.monitors().watcherCount()).isEqualTo(1);
        alice.send("QUIT");
        assertThat(server.hub.monitors().watcherCount()).isZero();
        server.join("bob"); // nobody is told, nothing fails
    }

    @Test
    void watchersSeeTheCloakNeverTheAddress() {
        try (InMemoryServer cloaking = new InMemoryServer(InMemoryServer.config(b -> b.cloakHosts(true)))) {
            FakeClient alice = cloaking.join("alice");
            alice.send("MONITOR + bob");
            cloaking.connect("203.0.113.7").register("bob");
            String online = alice.expect(" 730 ");
            assertThat(online)
                    .matches(":chatroom 730 alice :bob!~bob@[a-z2-9]{16}\\.ip")
                    .doesNotContain("203.0.113");
            alice.send("MONITOR S");
            assertThat(alice.next()).isEqualTo(online);
        }
    }

    @Test
    void aUserWaitingForTheAdminIsNotOnlineYet() {
        try (InMemoryServer approving = new InMemoryServer(InMemoryServer.config(b -> b.approve(ApprovalPolicy.ASK)))) {
            FakeClient alice = approving.connect().sendRegistration("alice");
            approving.admin.execute("/accept alice");
            alice.expect(" 366 ");
            alice.send("MONITOR + bob");
            approving.connect().sendRegistration("bob");
            assertThat(alice.sync()).containsExactly(":chatroom 731 alice :bob");
            approving.admin.execute("/accept bob");
            assertThat(alice.expect(" 73[01] ")).startsWith(":chatroom 730 alice :bob!");
        }
    }

    @Test
    void extendedMonitorTellsAwayAndSetnameOfWatchedUsersOutsideOurRooms() {
        FakeClient alice = server.connect().registerWithCaps("alice", "extended-monitor away-notify setname");
        FakeClient carol = server.connect().registerWithCaps("carol", "away-notify setname");
        FakeClient bob = server.join("bob");
        bob.send("PART #chatroom");
        alice.send("MONITOR + bob");
        carol.send("MONITOR + bob");
        alice.sync();
        carol.sync();
        bob.send("AWAY :afk");
        assertThat(alice.sync()).containsExactly(":bob!~bob@127.0.0.1 AWAY :afk");
        assertThat(carol.sync()).isEmpty(); // no extended-monitor
        bob.send("SETNAME :Bob B");
        assertThat(alice.sync()).containsExactly(":bob!~bob@127.0.0.1 SETNAME :Bob B");
        bob.send("JOIN #chatroom");
        alice.sync();
        bob.send("AWAY");
        assertThat(alice.sync()).containsExactly(":bob!~bob@127.0.0.1 AWAY"); // once, as a co-member
    }

    @Test
    void extendedMonitorNeedsTheCapabilityOfTheNotification() {
        FakeClient alice = server.connect().registerWithCaps("alice", "extended-monitor");
        FakeClient bob = server.join("bob");
        bob.send("PART #chatroom");
        alice.send("MONITOR + bob");
        alice.sync();
        bob.send("AWAY :afk");
        bob.send("SETNAME :Bob B");
        assertThat(alice.sync()).isEmpty();
    }
}
