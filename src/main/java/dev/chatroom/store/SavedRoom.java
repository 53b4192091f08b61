package dev.chatroom.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A room's settings as they are kept across restarts: its name, topic, modes, bans and the accounts of its operators
 * (members are not kept; {@code operators} are account names case-folded, in order). Its {@link #text() text form} is
 * written once here: Redis keeps it and the cluster bus carries it.
 */
public record SavedRoom(
        String name,
        long createdMillis,
        String topic,
        String topicSetBy,
        long topicSetAtMillis,
        String flags,
        String key,
        int limit,
        List<RoomBan> bans,
        List<String> operators) {
    /** The text form's version, its first field: a new form gets a new one, and the old ones stay readable (Redis keeps them). */
    private static final String VERSION = "2";

    private static final int FIELDS = 10;
    /** Version 1 had no operators: a room saved by it remembers none. */
    private static final String VERSION_1 = "1";

    private static final int FIELDS_1 = 9;

    public SavedRoom {
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    /**
     * The room as one line of {@link Fields}: the version, then each field in order, the bans a list of (mask, by, at)
     * records, the operators a list of account names.
     */
    public String text() {
        List<String> banTexts = null;
        if (bans != null) {
            banTexts = new ArrayList<>(bans.size());
            for (RoomBan b : bans)
                banTexts.add(Fields.join(Arrays.asList(b.mask(), b.setBy(), Long.toString(b.setAtSeconds()))));
        }
        return Fields.join(Arrays.asList(
                VERSION,
                name,
                Long.toString(createdMillis),
                topic,
                topicSetBy,
                Long.toString(topicSetAtMillis),
                flags,
                key,
                Integer.toString(limit),
                Fields.list(banTexts),
                Fields.list(operators)));
    }

    /**
     * The room a {@link #text()} describes.
     *
     * @throws IllegalArgumentException when it is damaged or of an unknown version
     */
    public static SavedRoom parse(String text) {
        boolean first = text.startsWith(VERSION_1 + "\t");
        List<String> f = first ? Fields.record(text, VERSION_1, FIELDS_1) : Fields.record(text, VERSION, FIELDS);
        List<String> banTexts = Fields.unlist(f.get(8));
        List<RoomBan> bans = null;
        if (banTexts != null) {
            bans = new ArrayList<>(banTexts.size());
            for (String s : banTexts) {
                List<String> b = Fields.split(s);
                if (b.size() != 3) throw new IllegalArgumentException("a ban of " + b.size() + " fields");
                bans.add(new RoomBan(b.get(0), b.get(1), Long.parseLong(b.get(2))));
            }
            bans = List.copyOf(bans);
        }
        return new SavedRoom(
                f.get(0),
                Long.parseLong(f.get(1)),
                f.get(2),
                f.get(3),
                Long.parseLong(f.get(4)),
                f.get(5),
                f.get(6),
                Integer.parseInt(f.get(7)),
                bans,
                first ? List.of() : Fields.unlist(f.get(9)));
    }
}
