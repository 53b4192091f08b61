package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.Values;
import dev.chatroom.config.Version;
import dev.chatroom.testing.Opers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line, with captured output; nothing that starts a server. */
class CommandLineTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void version() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo("chatroom " + Version.get());
    }

    @Test
    void onlyTheSubcommandTheArgumentsNameIsMade() {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        assertThat(RootCommand.commandLine(o, e, new String[] {"--version"}).getSubcommands())
                .isEmpty();
        assertThat(RootCommand.commandLine(o, e, new String[] {"join", "--name", "x"})
                        .getSubcommands()
                        .keySet())
                .containsExactly("join");
        assertThat(RootCommand.commandLine(o, e, new String[] {"--help"})
                        .getSubcommands()
                        .keySet())
                .containsExactly("server", "join", "bench", "admin");
        assertThat(RootCommand.commandLine(o, e, new String[] {"join", "--help"})
                        .execute("join", "--help"))
                .isZero();
        assertThat(out.toString()).startsWith("Usage: chatroom join ");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("server");
    }

    @Test
    void serverHelpListsEveryFlag() {
        assertThat(run("server", "--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "--host",
                        "--port",
                        "--room",
                        "--server-name",
                        "--approve",
                        "--motd-file",
                        "--max-clients",
                        "--password",
                        "--ping-interval",
                        "--ping-timeout",
                        "--approval-timeout",
                        "--sendq");
    }

    @Test
    void unknownFlagIsAShortErrorWithExitCode2() {
        assertThat(run("server", "--bogus")).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("chatroom: Unknown option: '--bogus'")
                .contains("Try 'chatroom server --help'");
        assertThat(err.toString().lines().count()).isEqualTo(2);
    }

    @Test
    void badValuesAreRefused() {
        assertThat(run("server", "--approve", "maybe")).isEqualTo(2);
        assertThat(err.toString()).contains("--approve");
        assertThat(run("server", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("chatroom: --port must be between 0 and 65535");
        assertThat(run("server", "--room", "nohash")).isEqualTo(2);
        assertThat(run("server", "--ping-interval", "soon")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--ping-interval must be a duration such as 90s, 500ms, 5m or 1h, not 'soon'");
    }

    @Test
    void opersIsGivenOnceForEachOperatorAndCheckedBeforeStarting() {
        String entry = "oscar:" + Opers.HASH;
        assertThat(run("server", "--opers", entry, "--opers", entry)).isEqualTo(2); // the two were read as one list
        assertThat(err.toString()).startsWith("chatroom: --opers names the operator oscar twice");
        assertThat(run("server", "--opers", "oscar")).isEqualTo(2);
        assertThat(err.toString()).contains("chatroom: --opers entry 1 must be NAME:HASH");
    }

    @Test
    void printConfigPrintsACompleteFile() {
        assertThat(run("server", "--print-config")).isZero();
        assertThat(out.toString())
                .startsWith("# chatroom server configuration (TOML)")
                .contains("\nport = 6667\n", "\nsendq = \"8m\"\n");
    }

    @Test
    void aBrokenConfigFileIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("chatroom.toml"), "port = 7000\nprot = 1\n");
        assertThat(run("server", "--config", file.toString())).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo(
                        "chatroom: chatroom.toml line 2: unknown key 'prot'; 'chatroom server --print-config' lists them all"
                                + System.lineSeparator());
        assertThat(run("server", "--config", dir.resolve("missing.toml").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the config file");
    }

    @Test
    void serverHelpShowsDefaultsWrittenOnce() {
        assertThat(run("server", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("(default: 6667)", "(default: 1m)", "(default: ask)", "--config", "--print-config");
    }

    @Test
    void missingMotdFileIsAClearError(@TempDir Path dir) {
        assertThat(run("server", "--motd-file", dir.resolve("nope.txt").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the MOTD file");
    }

    @Test
    void aClusterNodeWithoutAGoodSecretDoesNotStart(@TempDir Path dir) throws Exception {
        String[] node = {"server", "--redis", "redis://127.0.0.1:1", "--data-dir", dir.toString()};
        assertThat(run(node)).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("chatroom: --redis needs the cluster's secret, the same on every server:"
                        + " --cluster-secret-file FILE (or --cluster-secret), at least 32 characters;"
                        + " openssl rand -hex 32 > FILE makes one" + System.lineSeparator());
        Path file = Files.writeString(dir.resolve("secret"), "too short\n");
        assertThat(run(with(node, "--cluster-secret-file", file.toString()))).isEqualTo(2);
        assertThat(err.toString()).contains("chatroom: the cluster secret is too short (9 characters)");
        assertThat(run(with(node, "--cluster-secret-file", dir.resolve("none").toString())))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("cannot read --cluster-secret-file " + dir.resolve("none") + ": no such file");
        assertThat(run(with(node, "--cluster-secret", "x".repeat(32), "--cluster-secret-file", file.toString())))
                .isEqualTo(2);
        assertThat(err.toString()).contains("chatroom: give --cluster-secret or --cluster-secret-file, not both");
    }

    private static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void durations() {
        assertThat(Values.duration("90")).hasSeconds(90);
        assertThat(Values.duration("90s")).hasSeconds(90);
        assertThat(Values.duration("500ms")).hasMillis(500);
        assertThat(Values.duration("5m")).hasMinutes(5);
        assertThat(Values.duration("1h")).hasHours(1);
        assertThat(Values.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Values.format(Duration.ofMinutes(5))).isEqualTo("5m");
    }

    @Test
    void joinRefusesTlsFlagsThatCannotApply(@TempDir Path dir) {
        assertThat(run("join", "--insecure")).isEqualTo(2);
        assertThat(err.toString()).contains("chatroom: --insecure and --cert need --tls");
        assertThat(run("join", "--tls", "--key", "k.pem")).isEqualTo(2);
        assertThat(err.toString()).contains("chatroom: --key needs --cert");
        assertThat(run("join", "--tls", "--cert", dir.resolve("missing.pem").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("chatroom: cannot use --cert ").contains("missing.pem: no such file");
    }
}
