package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bench ... --hosts}: refusals before anything connects. */
class BenchHostsOptionTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fanout", "connect", "store", "join", "soak"})
    void everyBenchOffersIt(String mode) {
        assertThat(run("bench", mode, "--help")).isZero();
        assertThat(out.toString()).contains("--hosts=HOST:PORT[,HOST:PORT...]", "round-robin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fanout", "connect", "store", "join", "soak"})
    void aBadPortIsNamedWithItsEntry(String mode) {
        assertThat(run("bench", mode, "--hosts", "127.0.0.1:6667,127.0.0.1:66x"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("chatroom: Invalid value for option '--hosts': '127.0.0.1:66x': port '66x' is not a number");
    }

    @Test
    void aMissingPortOrAnEmptyEntryIsRefused() {
        assertThat(run("bench", "fanout", "--hosts", "127.0.0.1")).isEqualTo(2);
        assertThat(err.toString()).contains("'127.0.0.1': no port (expected HOST:PORT)");
        assertThat(run("bench", "fanout", "--hosts", "127.0.0.1:1,,127.0.0.1:2"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("empty entry");
    }

    @Test
    void everyEntryMustBeThisMachine() {
        assertThat(run("bench", "fanout", "--hosts", "127.0.0.1:6667,192.0.2.1:6667"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("bench only targets this machine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port", "--host"})
    void itDoesNotMixWithHostOrPort(String other) {
        String value = other.equals("--port") ? "6667" : "127.0.0.1";
        assertThat(run("bench", "fanout", "--hosts", "127.0.0.1:1,127.0.0.1:2", other, value))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--hosts replaces --host and --port; give one or the other");
    }
}
