package dev.chatroom.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.ip.Address;
import org.junit.jupiter.api.Test;

/** What the gateway believes: only its own line, with this run's secret and a real key fingerprint. */
class SshGatewayLineTest {
    private static final String KEY = "SHA256:i+0XQr03fLRSlLx6UYoTQDOiF3wlE5iK90o4j8CIa/w";

    private static final Address FROM = Address.parse("203.0.113.7");

    @Test
    void theLineItWritesIsTheLineItReads() {
        assertThat(SshGatewayLine.parse(SshGatewayLine.line("s3cret", FROM, KEY), "s3cret"))
                .isEqualTo(new SshGatewayLine(FROM, KEY));
    }

    @Test
    void anIpv6AddressStartingWithAColonTravelsToo() {
        Address loopback = Address.parse("::1");
        assertThat(SshGatewayLine.line("s3cret", loopback, KEY)).startsWith("WEBIRC s3cret ssh 0::1 0::1 :");
        assertThat(SshGatewayLine.parse(SshGatewayLine.line("s3cret", loopback, KEY), "s3cret"))
                .isEqualTo(new SshGatewayLine(loopback, KEY));
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(SshGatewayLine.parse(SshGatewayLine.line("guess", FROM, KEY), "s3cret"))
                .isNull();
        assertThat(SshGatewayLine.parse("WEBIRC s3cret ssh host host :ssh-key=" + KEY, "s3cret"))
                .isNull(); // not an address
        assertThat(SshGatewayLine.parse("NICK alice", "s3cret")).isNull();
        assertThat(SshGatewayLine.parse("WEBIRC s3cret ssh 203.0.113.7 203.0.113.7 :secure", "s3cret"))
                .isNull(); // no key
        assertThat(SshGatewayLine.parse("WEBIRC s3cret ssh 203.0.113.7 203.0.113.7 :ssh-key=SHA256:x;y", "s3cret"))
                .isNull();
        assertThat(SshGatewayLine.parse("WEBIRC s3cret ssh", "s3cret")).isNull();
        assertThat(SshGatewayLine.parse("", "s3cret")).isNull();
    }
}
