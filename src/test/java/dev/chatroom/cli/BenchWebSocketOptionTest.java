package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code bench fanout --websocket}: refusals before anything connects. */
class BenchWebSocketOptionTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void itNeedsOneServer() {
        assertThat(run("bench", "fanout", "--hosts", "127.0.0.1:1,127.0.0.1:2", "--websocket", "8080"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("chatroom: --websocket needs a port (1-65535) and one server, not --hosts");
    }

    @Test
    void itNeedsAPort() {
        assertThat(run("bench", "fanout", "--websocket", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--websocket needs a port");
        err.getBuffer().setLength(0);
        assertThat(run("bench", "fanout", "--websocket")).isEqualTo(2);
        assertThat(err.toString()).contains("--websocket");
    }
}
