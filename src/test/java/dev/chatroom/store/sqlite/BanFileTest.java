package dev.chatroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.store.ServerBan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ban file of versions before the database, read once for the import: damaged lines reported, never fatal. */
class BanFileTest {
    @Test
    void bansAreReadAndDamagedLinesReported(@TempDir Path data) throws Exception {
        Path file = data.resolve("bans.txt");
        Files.write(
                file,
                ("# chatroom bans: MASK<TAB>REASON<TAB>SINCE, one per line\n"
                                + "# my own note\n"
                                + "eve!*@*\tno eves\t2026-01-01T00:00:00Z\n"
                                + "garbage without tabs\n"
                                + "x!*@*\treason\tnot-a-time\n"
                                + "nomask\treason\t2026-01-01T00:00:00Z\n"
                                + "\u0000\u00ff\u00fe\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        BanFile.Loaded loaded = BanFile.read(file);
        assertThat(loaded.bans())
                .containsExactly(new ServerBan("eve!*@*", "no eves", Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(loaded.problems())
                .containsExactly(
                        "bans.txt line 4: expected MASK<TAB>REASON<TAB>TIME; skipped",
                        "bans.txt line 5: 'not-a-time' is not a time; skipped",
                        "bans.txt line 6: 'nomask' is not a nick!user@host mask; skipped",
                        "bans.txt line 7: expected MASK<TAB>REASON<TAB>TIME; skipped");
    }
}
