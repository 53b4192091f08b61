package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How fan-out's clients make accounts of several devices, and where they connect from. */
class DeviceAccountsTest {
    private final DeviceAccounts six = new DeviceAccounts(6, 3, false, "b");

    @Test
    void clientIIsAConnectionOfAccountIModTheAccountsAndTheFirstOnesJoin() {
        assertThat(six.accounts).isEqualTo(2);
        assertThat(six.login(0)).isEqualTo(new DeviceAccounts.Login("b-0", DeviceAccounts.password("b-0"), false));
        assertThat(six.login(1).account()).isEqualTo("b-1");
        assertThat(six.login(1).device()).isFalse();
        assertThat(six.login(4)).isEqualTo(new DeviceAccounts.Login("b-0", DeviceAccounts.password("b-0"), true));
        assertThat(six.login(5).account()).isEqualTo("b-1");
    }

    @Test
    void withOneDeviceEachTheClientsAreGuests() {
        DeviceAccounts one = new DeviceAccounts(6, 1, false, "b");
        assertThat(one.enabled()).isFalse();
        assertThat(one.login(3)).isNull();
    }

    @Test
    void withAccountsAndOneDeviceEachEveryClientIsAnAccountOfItsOwnThatJoins() {
        DeviceAccounts own = new DeviceAccounts(6, 1, true, "b");
        assertThat(own.enabled()).isTrue();
        assertThat(own.accounts).isEqualTo(6);
        assertThat(own.login(0)).isEqualTo(new DeviceAccounts.Login("b-0", DeviceAccounts.password("b-0"), false));
        assertThat(own.login(5)).isEqualTo(new DeviceAccounts.Login("b-5", DeviceAccounts.password("b-5"), false));
    }

    @Test
    void aPasswordIsLongEnoughAndNotTheAccountName() {
        assertThat(DeviceAccounts.password("b-0"))
                .hasSizeGreaterThanOrEqualTo(8)
                .isNotEqualToIgnoringCase("b-0");
    }

    @Test
    void registrationsAndLoginsComeFromAddressesOfTheirOwnAFewPerAddress() {
        assertThat(DeviceAccounts.registrationSource(0).getAddress().getHostAddress())
                .isEqualTo("127.1.0.1");
        assertThat(DeviceAccounts.registrationSource(2).getAddress())
                .isEqualTo(DeviceAccounts.registrationSource(0).getAddress());
        assertThat(DeviceAccounts.registrationSource(3).getAddress().getHostAddress())
                .isEqualTo("127.1.0.2");
        assertThat(six.loginSource(3).getAddress().getHostAddress()).isEqualTo("127.2.0.1");
        assertThat(six.loginSource(4).getAddress().getHostAddress()).isEqualTo("127.2.0.2");
        // never .0 or .255: the 254th address goes on to the next /24
        assertThat(DeviceAccounts.source(2, 253).getAddress().getHostAddress()).isEqualTo("127.2.0.254");
        assertThat(DeviceAccounts.source(2, 254).getAddress().getHostAddress()).isEqualTo("127.2.1.1");
        assertThat(DeviceAccounts.source(2, 0).getPort()).isZero();
    }

    @Test
    void theClientsMustMakeWholeAccounts() {
        assertThatThrownBy(() -> new DeviceAccounts(5, 2, false, "b")).isInstanceOf(IllegalArgumentException.class);
    }
}
