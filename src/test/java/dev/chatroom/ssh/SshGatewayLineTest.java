package dev.chatroom.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the gateway believes: only its own line, with this run's secret and a real key fingerprint. */
class SshGatewayLineTest {
    private static final String KEY = "SHA256:i+0XQr03fLRSlLx6UYoTQDOiF3wlE5iK90o4j8CIa/w";

    @Test
    void theLineItWritesIsTheLineItReads() {
        assertThat(SshGatewayLine.parse(SshGatewayLine.line("s3cret", "203.0.113.7", KEY), "s3cret"))
                .isEqualTo(new SshGatewayLine("203.0.113.7", KEY));
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(SshGatewayLine.parse(SshGatewayLine.line("guess", "203.0.113.7", KEY), "s3cret"))
                .isNull();
        assertThat(SshGatewayLine.parse("NICK alice", "s3cret")).isNull();
        assertThat(SshGatewayLine.parse("WEBIRC s3cret ssh 203.0.113.7 203.0.113.7 :secure", "s3cret"))
                .isNull(); // no key
        assertThat(SshGatewayLine.parse("WEBIRC s3cret ssh 203.0.113.7 203.0.113.7 :ssh-key=SHA256:x;y", "s3cret"))
                .isNull();
        assertThat(SshGatewayLine.parse("WEBIRC s3cret ssh", "s3cret")).isNull();
        assertThat(SshGatewayLine.parse("", "s3cret")).isNull();
    }
}
