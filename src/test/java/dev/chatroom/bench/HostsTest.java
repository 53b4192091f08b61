package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostsTest {
    @Test
    void parsesEntriesInOrderWithIpv6InBrackets() {
        Hosts h = Hosts.parse("127.0.0.1:6667, localhost:7000,[::1]:6697");
        assertThat(h.entries())
                .containsExactly(
                        new Hosts.Endpoint("127.0.0.1", 6667),
                        new Hosts.Endpoint("localhost", 7000),
                        new Hosts.Endpoint("::1", 6697));
        assertThat(h).hasToString("127.0.0.1:6667,localhost:7000,[::1]:6697");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1|no port",
                "127.0.0.1:|port '' is not a number",
                "127.0.0.1:x1|port 'x1' is not a number",
                "127.0.0.1:0|outside 1-65535",
                "127.0.0.1:70000|outside 1-65535",
                "127.0.0.1:99999999999|is not a number",
                ":6667|no host",
                "::1:6667|needs brackets",
                "[::1]6667|expected [IPv6]:PORT",
                "127.0.0.1:6667,,127.0.0.1:6668|empty entry",
                "127.0.0.1:6667,|empty entry",
                "' '|got nothing"
            })
    void refusesBadEntriesSayingWhichAndWhy(String spec, String why) {
        assertThatThrownBy(() -> Hosts.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }

    @Test
    void theMessageNamesTheBadEntry() {
        assertThatThrownBy(() -> Hosts.parse("127.0.0.1:6667,127.0.0.1:port"))
                .hasMessageStartingWith("'127.0.0.1:port': ");
    }

    @Test
    void assignsClientsRoundRobin() {
        Hosts h = Hosts.parse("127.0.0.1:1,127.0.0.1:2,127.0.0.1:3");
        assertThat(IntStream.range(0, 7).map(h::nodeOf).boxed()).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(h.of(4)).isEqualTo(new Hosts.Endpoint("127.0.0.1", 2));
        // 7 clients over 3 nodes: 3, 2, 2
        assertThat(IntStream.range(0, 3).map(n -> h.clientsOn(n, 7)).boxed()).containsExactly(3, 2, 2);
        assertThat(IntStream.range(0, 3).map(n -> h.clientsOn(n, 2)).boxed()).containsExactly(1, 1, 0);
    }

    @Test
    void oneHostIsNodeZeroForEveryone() {
        Hosts h = Hosts.single("127.0.0.1", 6667);
        assertThat(h.size()).isEqualTo(1);
        assertThat(IntStream.range(0, 5).map(h::nodeOf).boxed()).containsOnly(0);
        assertThat(h.clientsOn(0, 5)).isEqualTo(5);
    }
}
