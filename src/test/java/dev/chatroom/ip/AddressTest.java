package dev.chatroom.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "::1, ::1",
        "0::1, ::1",
        "::, ::",
        "2001:DB8:0:0:0:0:2:1, 2001:db8::2:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1", // one zero group is not compressed
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1", // of two equal runs, the first
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1", // the longest run
        "2001:db8:0:0:0:0:0:0, 2001:db8::",
        "fe80:0000:0000:0000:0000:0000:0000:00ab, fe80::ab",
        "::ffff:10.0.0.7, 10.0.0.7", // IPv4-mapped: the IPv4 address
        "::ffff:a00:7, 10.0.0.7",
        "10.0.0.7, 10.0.0.7",
        "203.0.113.255, 203.0.113.255"
    })
    void everyFormOfAnAddressIsWrittenOneWay(String typed, String canonical) {
        assertThat(Address.parse(typed).text()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bob",
                "10.0.0.256",
                "10.0.*",
                "*",
                "",
                "1.2.3",
                "deadbeef",
                "key:SHA256:abc",
                ":::",
                "1::2::3",
                "fe80::1%eth0",
                "[::1]",
                ".:1",
                "localhost",
                "chat.example.org"
            })
    void whatIsNotAnAddressIsNotParsed(String typed) {
        assertThat(Address.parse(typed)).isNull();
    }

    @Test
    void aSocketsAddressIsCanonicalWithoutItsZone() throws Exception {
        assertThat(Address.of(InetAddress.getByName("0:0:0:0:0:0:0:1")).text()).isEqualTo("::1");
        assertThat(Address.of(InetAddress.getByName("fe80::1%1")).text()).isEqualTo("fe80::1");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        assertThat(Address.of(InetAddress.getByAddress(mapped)).text()).isEqualTo("127.0.0.1");
    }

    @Test
    void anIpv6Slash64CountsAsOneAddressAndIpv4AddressesEachAsTheirOwn() {
        assertThat(Address.parse("2001:db8:1:2:aaaa::1").limitKey())
                .isEqualTo(Address.parse("2001:db8:1:2:bbbb:cccc:dddd:2").limitKey())
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(Address.parse("2001:db8:1:3::1").limitKey()).isEqualTo("2001:db8:1:3::/64");
        assertThat(Address.parse("::1").limitKey()).isEqualTo("::/64");
        assertThat(Address.parse("10.0.0.7").limitKey()).isEqualTo("10.0.0.7");
        assertThat(Address.parse("10.0.0.8").limitKey()).isEqualTo("10.0.0.8");
    }

    @Test
    void asAnIrcHostAnAddressNeverStartsWithAColon() {
        assertThat(Address.parse("::1").hostname()).isEqualTo("0::1");
        assertThat(Address.parse("2001:db8::1").hostname()).isEqualTo("2001:db8::1");
        assertThat(Address.parse(Address.parse("::1").hostname())).isEqualTo(Address.parse("::1"));
    }

    @Test
    void loopbackIsThisMachine() {
        assertThat(Address.parse("127.0.0.1").loopback()).isTrue();
        assertThat(Address.parse("127.8.9.10").loopback()).isTrue();
        assertThat(Address.parse("0:0:0:0:0:0:0:1").loopback()).isTrue();
        assertThat(Address.parse("::ffff:127.0.0.1").loopback()).isTrue();
        assertThat(Address.parse("10.0.0.1").loopback()).isFalse();
        assertThat(Address.parse("::2").loopback()).isFalse();
    }
}
