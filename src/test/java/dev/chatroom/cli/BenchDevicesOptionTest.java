package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code bench fanout --devices} and {@code --accounts}: refusals before anything connects. */
class BenchDevicesOptionTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void theClientsMustMakeWholeAccounts() {
        assertThat(run("bench", "fanout", "--clients", "101", "--devices", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("chatroom: --clients must be a multiple of --devices (at least 1)");
        assertThat(run("bench", "fanout", "--devices", "0")).isEqualTo(2);
    }

    @Test
    void itNeedsOneServerOnIpv4Loopback() {
        assertThat(run("bench", "fanout", "--hosts", "127.0.0.1:1,127.0.0.1:2", "--devices", "2"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--devices and --accounts need one server at 127.x.x.x or localhost");
        assertThat(run("bench", "fanout", "--host", "::1", "--devices", "2")).isEqualTo(2);
        assertThat(run("bench", "fanout", "--host", "::1", "--accounts")).isEqualTo(2);
    }
}
