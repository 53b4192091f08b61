package dev.chatroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's table of server settings cannot drift from the code: it lists the keys of
 * {@link ConfigKeys} in their order, each with its default as {@code --print-config} writes it
 * ({@code unset} for a key printed commented out).
 */
class ReadmeSettingsTest {
    private static final String SECTION = "## `chatroom server`";
    private static final String HEADER = "| setting | default | meaning |";
    /** A row's key and default; the meaning is free text. */
    private static final Pattern ROW = Pattern.compile("\\| `([^`]+)` \\| ([^|]+?) \\|.*");

    @Test
    void theReadmeTableHasEveryKeyInOrderWithItsPrintedDefault() throws IOException {
        List<String> expected = ConfigKeys.all().stream()
                .map(k -> k.name() + " " + shown(k.defaultText()))
                .toList();
        assertThat(readmeRows()).containsExactlyElementsOf(expected);
    }

    private static String shown(String defaultText) {
        return defaultText == null ? "unset" : "`" + defaultText + "`";
    }

    /** "key default" for each row of the first settings table under the server section. */
    private static List<String> readmeRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int section = lines.indexOf(SECTION);
        assertThat(section).as("README section " + SECTION).isNotNegative();
        int header = section + lines.subList(section, lines.size()).indexOf(HEADER);
        assertThat(header).as("settings table under " + SECTION).isGreaterThan(section);
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) break;
            Matcher m = ROW.matcher(line);
            rows.add(m.matches() ? m.group(1) + " " + m.group(2) : "unreadable row: " + line);
        }
        return rows;
    }
}
