package dev.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.Values;
import dev.chatroom.ip.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may open a WebSocket (Origin) and who it is from (X-Forwarded-For), without a socket. */
class WebAdmissionTest {

    @Test
    void unsetOnlyTheListenersOwnPagesMayConnect() {
        WebOrigins own = new WebOrigins(List.of());
        assertThat(own.allows(null, "chat.example.org"))
                .as("no Origin: not a browser")
                .isTrue();
        assertThat(own.allows("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(own.allows("https://chat.example.org", "chat.example.org"))
                .as("behind a proxy")
                .isTrue();
        assertThat(own.allows("https://Chat.Example.org:443/", "chat.example.org:443"))
                .isTrue();
        assertThat(own.allows("http://127.0.0.1:8081", "127.0.0.1:8080")).isFalse();
        assertThat(own.allows("https://evil.example", "chat.example.org")).isFalse();
        assertThat(own.allows("null", "chat.example.org")).isFalse();
    }

    @Test
    void aListAllowsItsOriginsOnlyAndAStarAny() {
        WebOrigins list = new WebOrigins(Values.origins("https://chat.example.org; http://localhost:3000/"));
        assertThat(list.allows("https://chat.example.org", "irc.example.org")).isTrue();
        assertThat(list.allows("http://localhost:3000", "irc.example.org")).isTrue();
        assertThat(list.allows("https://irc.example.org", "irc.example.org")).isFalse();
        assertThat(new WebOrigins(List.of("*")).allows("https://anywhere.example", "x"))
                .isTrue();
    }

    @Test
    void theClientIsTheRightmostHopThatIsNotATrustedProxy() {
        TrustedProxies proxies = new TrustedProxies(Values.cidrs("10.0.0.0/8, ::1"));
        Address proxy = Address.parse("10.1.2.3");
        assertThat(proxies.client(proxy, List.of("1.1.1.1, 203.0.113.7, 10.9.9.9")))
                .isEqualTo(Address.parse("203.0.113.7"));
        assertThat(proxies.client(proxy, List.of("1.1.1.1", "2001:db8::5"))).isEqualTo(Address.parse("2001:db8::5"));
        assertThat(proxies.client(proxy, List.of())).isEqualTo(proxy);
        assertThat(proxies.client(proxy, List.of("unknown"))).isEqualTo(proxy);
        assertThat(proxies.client(Address.parse("::1"), List.of("192.0.2.1"))).isEqualTo(Address.parse("192.0.2.1"));
        Address stranger = Address.parse("192.0.2.50");
        assertThat(proxies.client(stranger, List.of("203.0.113.7")))
                .as("not a proxy: ignored")
                .isEqualTo(stranger);
    }

    @Test
    void settingsAreCheckedAndWrittenOneWay() {
        assertThat(Values.cidrs("10.1.2.3/8;::ffff:192.0.2.1")).containsExactly("10.0.0.0/8", "192.0.2.1/32");
        assertThat(Values.origins("HTTPS://Chat.Example.org/")).containsExactly("https://chat.example.org");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Values.cidrs("10.0.0.0/33"))
                .hasMessageContaining("must be an address or a block");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Values.origins("chat.example.org"))
                .hasMessageContaining("must be an origin");
    }
}
