package dev.chatroom.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryCluster;
import dev.chatroom.testing.InMemoryServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every node cloaks alike (one secret for the cluster), and every node's admin sees addresses. */
class ClusterCloakTest {
    private final InMemoryCluster cluster = new InMemoryCluster();
    private final InMemoryServer n1 = cluster.start("n1", b -> b.cloakHosts(true));
    private final InMemoryServer n2 = cluster.start("n2", b -> b.cloakHosts(true));

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void aUserHasOneCloakOnEveryNode() {
        FakeClient alice = n1.connect("203.0.113.7").sendRegistration("alice");
        String cloak = alice.expect(" 001 ").replaceAll(".*@", "");
        assertThat(cloak).matches("[a-z2-9]{16}\\.ip");
        FakeClient bob = n2.connect("2001:db8::1").register("bob"); // its address travels as 2001:db8::1, ::1 as 0::1
        String bobsCloak = bob.connection().shownHost();
        assertThat(alice.expect(":bob!\\S+ JOIN #chatroom")).isEqualTo(":bob!~bob@" + bobsCloak + " JOIN #chatroom");
        bob.send("WHOIS alice");
        assertThat(bob.expect(" 311 ")).contains(" alice ~alice " + cloak + " * ");
        bob.send("WHO alice %ni");
        assertThat(bob.expect(" 354 ")).isEqualTo(":chatroom 354 bob 255.255.255.255 alice");
        assertThat(n2.admin.execute("/users")).contains("alice (203.0.113.7)", "bob (2001:db8::1)");
        assertThat(n1.admin.execute("/users")).contains("alice (203.0.113.7)", "bob (2001:db8::1)");
    }

    @Test
    void anIpv6LoopbackUserTravelsToTheOtherNodes() {
        n1.connect("::1").register("local");
        assertThat(n2.admin.execute("/users")).contains("local (::1)");
    }
}
