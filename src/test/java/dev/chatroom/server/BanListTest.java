package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.irc.Glob;
import dev.chatroom.store.ServerBan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BanListTest {
    private final BanList bans = new BanList();

    @Test
    void normalizesWhatTheAdminTypes() {
        assertThat(BanList.normalize("bob")).isEqualTo("bob!*@*");
        assertThat(BanList.normalize("10.0.0.7")).isEqualTo("*!*@10.0.0.7");
        assertThat(BanList.normalize("::1")).isEqualTo("*!*@::1");
        assertThat(BanList.normalize("*@10.0.*")).isEqualTo("*!*@10.0.*");
        assertThat(BanList.normalize("bob!~b")).isEqualTo("bob!~b@*");
        assertThat(BanList.normalize("nick!user@host")).isEqualTo("nick!user@host");
    }

    @Test
    void anAddressIsBannedInItsOneWrittenFormHoweverItWasTyped() {
        assertThat(BanList.normalize("0:0:0:0:0:0:0:1")).isEqualTo("*!*@::1");
        assertThat(BanList.normalize("bob!*@2001:DB8:0:0:0:0:0:1")).isEqualTo("bob!*@2001:db8::1");
        assertThat(BanList.normalize("*!*@2001:db8:*")).isEqualTo("*!*@2001:db8:*");
        // as an older version saved it, when connections' addresses were written this way
        BanList kept = BanList.of(List.of(new ServerBan("*!*@0:0:0:0:0:0:0:1", "old", Instant.EPOCH)));
        assertThat(kept.findByAddress("::1")).isNotNull();
        assertThat(kept.all()).extracting(ServerBan::mask).containsExactly("*!*@::1");
        assertThat(kept.remove("*!*@0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void matchesMasksCaseInsensitivelyWithWildcards() {
        bans.add("bob!*@*", "r", Instant.EPOCH);
        bans.add("*!*@10.0.*", "net", Instant.EPOCH);
        bans.add("x?z!*@*", "", Instant.EPOCH);
        bans.add("*!*@192.168.1.1", "one", Instant.EPOCH);
        assertThat(bans.find("BOB", "~b", "1.2.3.4")).isNotNull();
        assertThat(bans.find("bobby", "~b", "1.2.3.4")).isNull();
        assertThat(bans.find("alice", "~a", "10.0.3.4").reason()).isEqualTo("net");
        assertThat(bans.find("xyz", "~a", "1.1.1.1")).isNotNull();
        assertThat(bans.find("xyyz", "~a", "1.1.1.1")).isNull();
        assertThat(bans.findByAddress("10.0.9.9")).isNotNull();
        assertThat(bans.findByAddress("11.0.0.1")).isNull();
        assertThat(bans.findByAddress("192.168.1.1").reason()).isEqualTo("one");
        assertThat(bans.findByAddress("192.168.1.10")).isNull();
    }

    @Test
    void rfc1459CaseFoldingAppliesToNicks() {
        bans.add("x[1]!*@*", "", Instant.EPOCH);
        assertThat(bans.find("X{1}", "u", "h")).isNotNull();
    }

    @Test
    void regexCharactersInMasksAreLiteral() {
        bans.add("a.b!*@*", "", Instant.EPOCH);
        bans.add("(x)+!*@*", "", Instant.EPOCH);
        assertThat(bans.find("a.b", "u", "h")).isNotNull();
        assertThat(bans.find("axb", "u", "h")).isNull();
        assertThat(bans.find("(x)+", "u", "h")).isNotNull();
        assertThat(bans.find("xx", "u", "h")).isNull();
    }

    @Test
    void removingABanRemovesItFromEveryIndex() {
        bans.add("bob!*@*", "", Instant.EPOCH);
        bans.add("*!*@10.*", "", Instant.EPOCH);
        assertThat(bans.remove("BOB!*@*")).isTrue();
        assertThat(bans.find("bob", "u", "1.1.1.1")).isNull();
        assertThat(bans.remove("*!*@10.*")).isTrue();
        assertThat(bans.findByAddress("10.0.0.1")).isNull();
        assertThat(bans.remove("nobody!*@*")).isFalse();
    }

    @Test
    void globMatching() {
        assertThat(Glob.matches("*", "")).isTrue();
        assertThat(Glob.matches("a*b*c", "axxbyyc")).isTrue();
        assertThat(Glob.matches("a*b*c", "axxbyy")).isFalse();
        assertThat(Glob.matches("??", "ab")).isTrue();
        assertThat(Glob.matches("??", "abc")).isFalse();
        assertThat(Glob.matches("*a", "bbbbbba")).isTrue();
    }

    @Test
    void fiftyThousandPlainBansAreHashLookups() {
        for (int i = 0; i < 50_000; i++) bans.add("user" + i + "!*@*", "", Instant.EPOCH);
        for (int i = 0; i < 1_000; i++) bans.add("*!*@10." + i + ".0.1", "", Instant.EPOCH);
        assertThat(bans.find("user49999", "~u", "1.2.3.4")).isNotNull();
        assertThat(bans.find("stranger", "~u", "1.2.3.4")).isNull();
        assertThat(bans.findByAddress("10.999.0.1")).isNotNull();
        assertThat(bans.size()).isEqualTo(51_000);
    }
}
