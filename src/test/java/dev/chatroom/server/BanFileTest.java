package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ban file on disk: written by its own thread, replaced atomically, damaged lines reported and kept. */
class BanFileTest {
    private final List<String> events = new ArrayList<>();

    @Test
    void savedBansAreReadBackByTheNextRun(@TempDir Path data) throws Exception {
        BanList bans = new BanList();
        bans.add("mallory!*@*", "no trolls", Instant.parse("2026-03-01T10:00:00Z"));
        try (BanFile file = new BanFile(data, events::add)) {
            file.save(bans.all());
        }
        assertThat(Files.readString(data.resolve("bans.txt"))).contains("mallory!*@*\tno trolls\t2026-03-01T10:00:00Z");
        assertThat(data.resolve("bans.txt.tmp")).doesNotExist();
        try (BanFile again = new BanFile(data, events::add)) {
            BanFile.Loaded loaded = again.load();
            assertThat(loaded.problems()).isEmpty();
            assertThat(loaded.bans().find("mallory", "~m", "1.2.3.4").reason()).isEqualTo("no trolls");
        }
        assertThat(events).isEmpty();
    }

    @Test
    void damagedLinesAreReportedAndKeptCommentedWhenTheFileIsRewritten(@TempDir Path data) throws Exception {
        Files.write(data.resolve("bans.txt"), ("# my own note\n"
                + "eve!*@*\tno eves\t2026-01-01T00:00:00Z\n"
                + "garbage without tabs\n"
                + "x!*@*\treason\tnot-a-time\n"
                + "\u0000\u00ff\u00fe\n").getBytes(StandardCharsets.ISO_8859_1));
        BanFile.Loaded loaded;
        try (BanFile file = new BanFile(data, events::add)) {
            loaded = file.load();
            assertThat(loaded.problems()).containsExactly(
                    "bans.txt line 3: expected MASK<TAB>REASON<TAB>TIME; skipped",
                    "bans.txt line 4: 'not-a-time' is not a time; skipped",
                    "bans.txt line 5: expected MASK<TAB>REASON<TAB>TIME; skipped");
            assertThat(loaded.bans().find("eve", "~e", "h").reason()).isEqualTo("no eves");
            loaded.bans().add("zed!*@*", "", Instant.EPOCH);
            file.save(loaded.bans().all());
        }
        String rewritten = Files.readString(data.resolve("bans.txt"));
        assertThat(rewritten).contains("# my own note\n", "# line 3 could not be read (expected MASK<TAB>REASON<TAB>TIME): garbage without tabs\n",
                "# line 4 could not be read", "eve!*@*\tno eves\t", "zed!*@*\t\t1970-01-01T00:00:00Z\n");
        try (BanFile again = new BanFile(data, events::add)) {
            BanFile.Loaded reread = again.load();
            assertThat(reread.problems()).isEmpty();
            assertThat(reread.bans().size()).isEqualTo(2);
        }
    }

    @Test
    void aFailedSaveIsReportedNotThrown(@TempDir Path data) throws Exception {
        Path notADir = Files.writeString(data.resolve("file"), "x");
        try (BanFile file = new BanFile(notADir, events::add)) {
            file.save(List.of());
        }
        assertThat(events).singleElement().asString().startsWith("Could not save the bans to ");
    }
}
