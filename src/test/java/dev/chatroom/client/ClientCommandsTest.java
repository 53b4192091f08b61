package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.UsageNotation;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** The client's table: every command is in /help, answers too few words with its usage, and completes with Tab. */
class ClientCommandsTest {
    @Test
    void everyCommandIsInHelpWithItsUsage() {
        for (ClientCommand c : ClientCommands.TABLE) {
            assertThat(ClientCommands.HELP)
                    .containsPattern("(?m)^  " + Pattern.quote(c.usage()) + " {2,}" + Pattern.quote(c.description()));
            for (String alias : c.aliases()) assertThat(ClientCommands.HELP).contains("(alias " + alias + ")");
        }
    }

    @Test
    void tooFewWordsAnswerTheUsageAndTheUsageSaysHowMany() {
        for (ClientCommand c : ClientCommands.TABLE) {
            assertThat(c.minWords()).as(c.usage()).isEqualTo(UsageNotation.requiredWords(c.usage()));
            for (String name : c.names()) {
                if (c.minWords() > 0)
                    assertThat(Input.parse(name)).isEqualTo(new Action.Problem("Usage: " + c.usage()));
                else assertThat(Input.parse(name)).isNotInstanceOf(Action.Problem.class);
            }
        }
    }

    @Test
    void aliasesDoWhatTheirCommandDoes() {
        assertThat(Input.parse("/msg bob hi")).isEqualTo(Input.parse("/private bob hi"));
        assertThat(Input.parse("/list")).isEqualTo(new Action.Rooms());
        assertThat(Input.parse("/QUIT later")).isEqualTo(new Action.Leave("later"));
    }

    /** Each name, typed as far as it differs from every other and then Tab, is completed whole. */
    @Test
    void everyNameAndAliasCompletes() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .streams(new PipedInputStream(keys, 4096), OutputStream.nullOutputStream())
                .type("xterm-256color")
                .size(new Size(80, 24))
                .encoding(StandardCharsets.UTF_8)
                .build();
        TerminalUi ui = new TerminalUi(terminal, false);
        List<String> names = ClientCommands.names();
        assertThat(names).contains("/list", "/msg", "/quit");
        for (String name : names) {
            String prefix = shortestUniquePrefix(name, names);
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> ui.readLine("> "));
            keys.write((prefix + "\t\r").getBytes(StandardCharsets.UTF_8));
            keys.flush();
            // a name that begins another (/notify, /notify-level) completes as far as both go
            boolean beginsAnother = names.stream().anyMatch(other -> !other.equals(name) && other.startsWith(name));
            assertThat(line.get(10, TimeUnit.SECONDS))
                    .as(prefix + " and Tab")
                    .isEqualTo(beginsAnother ? name : name + " ");
        }
        ui.close();
    }

    private static String shortestUniquePrefix(String name, List<String> names) {
        for (int n = 2; n < name.length(); n++) {
            String prefix = name.substring(0, n);
            if (names.stream().filter(other -> other.startsWith(prefix)).count() == 1) return prefix;
        }
        return name;
    }
}
