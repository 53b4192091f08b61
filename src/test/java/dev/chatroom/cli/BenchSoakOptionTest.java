package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code bench soak}: its options are checked before anything connects. */
class BenchSoakOptionTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void durationsAreWrittenAsTheServersSettingsAre() {
        assertThat(run("bench", "soak", "--duration", "an hour")).isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value for option '--duration': must be a duration such as 90s, 500ms, 5m or 1h");
    }

    @Test
    void theBaselineMustComeBeforeTheEnd() {
        assertThat(run("bench", "soak", "--duration", "5m")).isEqualTo(2); // the default baseline is 10m
        assertThat(err.toString()).contains("--baseline < --duration");
    }

    @Test
    void someoneMustBeLeftToChatBesideTheObservers() {
        assertThat(run("bench", "soak", "--clients", "2", "--observers", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("1 <= --observers < --clients");
    }

    @Test
    void theHelpNamesTheDefaults() {
        assertThat(run("bench", "soak", "--help")).isZero();
        assertThat(out.toString())
                .contains("--duration=TIME", "(default: 1h)", "--sample-every=TIME", "--max-heap-growth=PERCENT");
    }
}
