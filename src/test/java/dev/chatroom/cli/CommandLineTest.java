package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.Main;
import dev.chatroom.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line, with captured output; nothing that starts a server. */
class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void version() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("chatroom " + Version.get());
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("server");
    }

    @Test
    void serverHelpListsEveryFlag() {
        assertThat(run("server", "--help")).isZero();
        assertThat(out.toString()).contains("--host", "--port", "--room", "--server-name", "--approve", "--motd-file",
                "--max-clients", "--password", "--ping-interval", "--ping-timeout", "--approval-timeout", "--sendq");
    }

    @Test
    void unknownFlagIsAShortErrorWithExitCode2() {
        assertThat(run("server", "--bogus")).isEqualTo(2);
        assertThat(err.toString()).startsWith("chatroom: Unknown option: '--bogus'").contains("Try 'chatroom server --help'");
        assertThat(err.toString().lines().count()).isEqualTo(2);
    }

    @Test
    void badValuesAreRefused() {
        assertThat(run("server", "--approve", "maybe")).isEqualTo(2);
        assertThat(err.toString()).contains("--approve");
        assertThat(run("server", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be between 0 and 65535");
        assertThat(run("server", "--room", "nohash")).isEqualTo(2);
        assertThat(run("server", "--ping-interval", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void missingMotdFileIsAClearError(@TempDir Path dir) {
        assertThat(run("server", "--motd-file", dir.resolve("nope.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the MOTD file");
    }

    @Test
    void durations() {
        DurationConverter c = new DurationConverter();
        assertThat(c.convert("90")).hasSeconds(90);
        assertThat(c.convert("90s")).hasSeconds(90);
        assertThat(c.convert("500ms")).hasMillis(500);
        assertThat(c.convert("5m")).hasMinutes(5);
        assertThat(c.convert("1h")).hasHours(1);
    }
}
