package dev.chatroom.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multiline message (IRCv3 draft/multiline) as its lines and as the one text it stands for: the
 * lines joined by a line feed, a concat line joined directly. The text is what history stores and
 * searches; where the concat lines began is kept beside it, in the message's tags under
 * {@link #CONCAT}, so the lines come back as they were sent (the spec asks to keep a long line's
 * split). Its presence marks a stored message as multiline; it never goes out as a tag.
 */
public record MultilineText(String text, String concatAt) {
    /** The tag a concat line carries on the wire; in stored tags, the offsets of the concat lines. */
    public static final String CONCAT = "draft/multiline-concat";

    /** One line of the batch: its text, and whether it continues the one before it (concat). */
    public record Line(String text, boolean concat) {}

    public static MultilineText of(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (i > 0 && !l.concat()) text.append('\n');
            if (i > 0 && l.concat()) {
                if (at.length() > 0) at.append(',');
                at.append(text.length());
            }
            text.append(l.text());
        }
        return new MultilineText(text.toString(), at.toString());
    }

    /** The lines back: split at every line feed and at every concat offset. */
    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        int[] concat = offsets();
        int next = 0;
        int start = 0;
        boolean concatStart = false;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            boolean feed = !end && text.charAt(i) == '\n';
            boolean cut = !end && next < concat.length && concat[next] == i;
            if (end || feed || cut) {
                out.add(new Line(text.substring(start, i), concatStart));
                concatStart = cut;
                if (cut) next++;
                start = feed ? i + 1 : i;
            }
        }
        return out;
    }

    private int[] offsets() {
        if (concatAt.isEmpty()) return new int[0];
        String[] parts = concatAt.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i]);
        return out;
    }

    /** Whether the stored message was multiline. */
    public static boolean isMultiline(StoredMessage m) {
        return m.clientTags() != null && m.clientTags().containsKey(CONCAT);
    }

    /** A stored multiline message's text and lines; null when it is not one. */
    public static MultilineText of(StoredMessage m) {
        return isMultiline(m) ? new MultilineText(m.text(), m.clientTags().get(CONCAT)) : null;
    }

    /** The tags to store: the client's kept ones and the concat offsets that mark it multiline. */
    public Map<String, String> storedTags(Map<String, String> kept) {
        Map<String, String> out = new LinkedHashMap<>(kept);
        out.put(CONCAT, concatAt);
        return out;
    }

    /** A stored message's client-only tags, without the multiline marker. */
    public static Map<String, String> clientTags(StoredMessage m) {
        if (!isMultiline(m)) return m.clientTags();
        Map<String, String> out = new LinkedHashMap<>(m.clientTags());
        out.remove(CONCAT);
        return out.isEmpty() ? Map.of() : out;
    }
}
