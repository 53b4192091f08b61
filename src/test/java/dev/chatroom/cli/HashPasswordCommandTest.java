package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.config.Values;
import dev.chatroom.server.accounts.PasswordHash;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code chatroom admin hash-password} without a terminal: the password from standard input,
 * the hash (the accounts' Argon2id) alone on standard output. On a terminal (asked twice) it is
 * run in tmux by interop.OperatorIT.
 */
class HashPasswordCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin) {
        CommandLine cl = new CommandLine(
                new HashPasswordCommand(null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute();
    }

    @Test
    void printsAHashOfTheFirstLineThatTheOpersSettingTakes() {
        assertThat(run("operpassword\nignored\n")).isZero();
        String hash = out.toString().strip();
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(hash).startsWith("$argon2id$");
        assertThat(PasswordHash.DEFAULT.matches("operpassword", hash)).isTrue();
        assertThat(PasswordHash.DEFAULT.matches("ignored", hash)).isFalse();
        assertThat(Values.opers("operuser:" + hash)).containsEntry("operuser", hash);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aShortPasswordOrNoneIsRefusedWithNothingPrinted() {
        assertThat(run("short\n")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("chatroom: use at least 8 characters" + System.lineSeparator());
        assertThat(run("")).isEqualTo(1);
        assertThat(err.toString()).endsWith("chatroom: no password on standard input" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void itIsASubcommandOfAdmin() {
        CommandLine root = RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(root.execute("admin", "hash-password", "--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: chatroom admin hash-password")
                .contains("opers");
    }
}
