package dev.chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A saved room's text form: what Redis keeps and the cluster bus carries. */
class SavedRoomTest {
    private static final String AWKWARD = "tab\there\nnew\rline \\ \\0 \\t ✓ 🎉 e\u0301";

    @Test
    void awkwardValuesComeBackExactly() {
        List<RoomBan> bans = new ArrayList<>();
        for (int i = 0; i < 100; i++)
            bans.add(new RoomBan("*!*@host" + i + ".example", i % 2 == 0 ? "op!u@h" : AWKWARD, 1_700_000_000L + i));
        bans.add(new RoomBan("", "", -1));
        bans.add(new RoomBan("a\tb\\c", "\\0", 0));
        SavedRoom full = new SavedRoom(
                "#Ünïcødé",
                1_700_000_000_000L,
                AWKWARD,
                "op!u@h",
                1_700_000_000_999L,
                "imnst",
                "s3cret\\0",
                42,
                List.copyOf(bans),
                List.of("alice", AWKWARD, ""));
        SavedRoom nulls = new SavedRoom("#nulls", 0, null, null, 0, null, null, 0, null, null);
        SavedRoom empty = new SavedRoom("#empty", -1, "", "", -1, "", "", -1, List.of(), List.of());
        SavedRoom oneEmptyBan = new SavedRoom(
                "",
                Long.MIN_VALUE,
                "\t",
                "\\",
                Long.MAX_VALUE,
                "\n",
                "\r",
                Integer.MAX_VALUE,
                List.of(new RoomBan("", "", 0)),
                List.of(""));
        for (SavedRoom r : List.of(full, nulls, empty, oneEmptyBan)) {
            assertThat(SavedRoom.parse(r.text())).isEqualTo(r);
            assertThat(r.text()).doesNotContain("\n", "\r"); // one line: it travels as an IRC tag on the cluster bus
        }
    }

    /** Written by the versions before rooms remembered their operators; Redis still holds such rooms: they remember none. */
    @Test
    void formatOneAsRedisHoldsItIsRead() {
        String written = "1\t#Ünï\t1700000000000\ttab\\there \\\\ ✓\top!u@h\t1700000000999\tnst\ts3cret\t42\t"
                + "2\\t*!*@bad.example\\\\top!u@h\\\\t1700000000\\tx!*@*\\\\tünï\\\\t-1";
        SavedRoom expected = new SavedRoom(
                "#Ünï",
                1_700_000_000_000L,
                "tab\there \\ ✓",
                "op!u@h",
                1_700_000_000_999L,
                "nst",
                "s3cret",
                42,
                List.of(new RoomBan("*!*@bad.example", "op!u@h", 1_700_000_000L), new RoomBan("x!*@*", "ünï", -1)),
                List.of());
        assertThat(SavedRoom.parse(written)).isEqualTo(expected);
        assertThat(expected.text()).isEqualTo(written.replaceFirst("^1", "2") + "\t0"); // now written as format 2
        SavedRoom nulls = new SavedRoom("#nulls", 0, null, null, 0, null, null, 0, null, null);
        assertThat(SavedRoom.parse("1\t#nulls\t0\t\\0\t\\0\t0\t\\0\t\\0\t0\t\\0"))
                .isEqualTo(nulls);
    }

    @Test
    void damagedTextIsRefused() {
        String good = new SavedRoom(
                        "#r", 1, null, null, 0, "nt", null, 0, List.of(new RoomBan("m!*@*", "op", 3)), List.of("op"))
                .text();
        assertThatThrownBy(() -> SavedRoom.parse("9\tfrom the future"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 9");
        assertThatThrownBy(() -> SavedRoom.parse(good + "\textra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 fields");
        assertThatThrownBy(() -> SavedRoom.parse(good.replace("\t1\t", "\tone\t")))
                .isInstanceOf(NumberFormatException.class);
        String banOfTwo = Fields.join(List.of(
                "1", "#r", "1", "", "", "0", "nt", "", "0", Fields.list(List.of(Fields.join(List.of("m!*@*", "op"))))));
        assertThatThrownBy(() -> SavedRoom.parse(banOfTwo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a ban of 2 fields");
    }
}
