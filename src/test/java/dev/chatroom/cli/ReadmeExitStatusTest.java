package dev.chatroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.md's table of the server's exit statuses lists those of {@link ServerExit}, in order: a supervisor relies on it. */
class ReadmeExitStatusTest {
    private static final String HEADER = "| status | meaning |";
    private static final Pattern ROW = Pattern.compile("\\| `(\\d+)` \\|.*");

    @Test
    void theReadmeTableHasEveryStatusInOrder() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int header = lines.indexOf(HEADER);
        assertThat(header).as("the exit status table in README.md").isNotNegative();
        List<Integer> rows = new ArrayList<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) break;
            Matcher m = ROW.matcher(line);
            rows.add(m.matches() ? Integer.parseInt(m.group(1)) : -1);
        }
        assertThat(rows)
                .containsExactlyElementsOf(
                        Arrays.stream(ServerExit.values()).map(ServerExit::code).toList());
    }
}
