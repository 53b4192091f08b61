package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutes and ignores outlast the session, in a file a person can read; names compare by IRC casemapping. */
class PreferencesTest {
    @Test
    void mutesAndIgnoresAreSavedAndReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chatroom").resolve("preferences");
        Preferences p = Preferences.load(file);
        assertThat(p.mute("#Dev", true)).isTrue();
        assertThat(p.mute("#dev", true)).isFalse();
        assertThat(p.ignore("Bob[1]", true)).isTrue();
        assertThat(p.ignore("eve", true)).isTrue();
        assertThat(p.ignore("EVE", false)).isTrue();
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).contains("mute #Dev", "ignore Bob[1]");

        Preferences again = Preferences.load(file);
        assertThat(again.muted("#DEV")).isTrue();
        assertThat(again.ignored("bob{1}")).isTrue();
        assertThat(again.ignored("eve")).isFalse();
        assertThat(again.mutedRooms()).containsExactly("#Dev");
        assertThat(again.ignoredNicks()).containsExactly("Bob[1]");
    }

    @Test
    void anIgnoredPersonsMessagesAreGoneFromLiveHistoryAndSearch() throws Exception {
        Preferences p = Preferences.inMemory();
        p.ignore("bob", true);
        ClientEvent.Chat fromBob = new ClientEvent.Chat(Instant.EPOCH, "Bob", "#dev", null, "hi", false, false);
        ClientEvent.Chat fromCarol = new ClientEvent.Chat(Instant.EPOCH, "carol", null, "alice", "hi", false, false);
        ClientEvent.Chat privateFromBob =
                new ClientEvent.Chat(Instant.EPOCH, "bob", null, "alice", "psst", false, false);
        assertThat(p.withoutIgnored(fromBob)).isNull();
        assertThat(p.withoutIgnored(privateFromBob)).isNull();
        assertThat(p.withoutIgnored(fromCarol)).isSameAs(fromCarol);
        assertThat(p.withoutIgnored(
                        new ClientEvent.History("#dev", ClientEvent.HistoryKind.JOINED, List.of(fromBob, fromCarol))))
                .isEqualTo(new ClientEvent.History("#dev", ClientEvent.HistoryKind.JOINED, List.of(fromCarol)));
        assertThat(p.withoutIgnored(new ClientEvent.SearchResults("hi", List.of(fromBob))))
                .isEqualTo(new ClientEvent.SearchResults("hi", List.of()));
        ClientEvent joined = new ClientEvent.Joined(Instant.EPOCH, "bob", "#dev");
        assertThat(p.withoutIgnored(joined)).isSameAs(joined); // like irssi: only messages are hidden
    }

    @Test
    void aFileWithoutPreferencesIsEmptyAndUnknownLinesAreSkipped(@TempDir Path dir) throws Exception {
        assertThat(Preferences.load(dir.resolve("none")).mutedRooms()).isEmpty();
        Path file = dir.resolve("preferences");
        Files.writeString(file, "# comment\nmute #a\nsomething else entirely\nignore\nignore carol\n");
        Preferences p = Preferences.load(file);
        assertThat(p.mutedRooms()).containsExactly("#a");
        assertThat(p.ignoredNicks()).containsExactly("carol");
    }
}
