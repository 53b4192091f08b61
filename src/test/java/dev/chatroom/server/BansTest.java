package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BansTest {
    private final Bans bans = new Bans(Path.of("unused"));

    @Test
    void normalizesWhatTheAdminTypes() {
        assertThat(Bans.normalize("bob")).isEqualTo("bob!*@*");
        assertThat(Bans.normalize("10.0.0.7")).isEqualTo("*!*@10.0.0.7");
        assertThat(Bans.normalize("::1")).isEqualTo("*!*@::1");
        assertThat(Bans.normalize("*@10.0.*")).isEqualTo("*!*@10.0.*");
        assertThat(Bans.normalize("bob!~b")).isEqualTo("bob!~b@*");
        assertThat(Bans.normalize("nick!user@host")).isEqualTo("nick!user@host");
    }

    @Test
    void matchesMasksCaseInsensitivelyWithWildcards() {
        bans.add("bob!*@*", "r", Instant.EPOCH);
        bans.add("*!*@10.0.*", "net", Instant.EPOCH);
        bans.add("x?z!*@*", "", Instant.EPOCH);
        assertThat(bans.find("BOB", "~b", "1.2.3.4")).isNotNull();
        assertThat(bans.find("bobby", "~b", "1.2.3.4")).isNull();
        assertThat(bans.find("alice", "~a", "10.0.3.4").reason()).isEqualTo("net");
        assertThat(bans.find("xyz", "~a", "1.1.1.1")).isNotNull();
        assertThat(bans.find("xyyz", "~a", "1.1.1.1")).isNull();
        assertThat(bans.findByAddress("10.0.9.9")).isNotNull();
        assertThat(bans.findByAddress("11.0.0.1")).isNull();
    }

    @Test
    void regexCharactersInMasksAreLiteral() {
        bans.add("a.b!*@*", "", Instant.EPOCH);
        assertThat(bans.find("a.b", "u", "h")).isNotNull();
        assertThat(bans.find("axb", "u", "h")).isNull();
    }
}
