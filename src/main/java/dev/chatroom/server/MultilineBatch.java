package dev.chatroom.server;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Utf8;
import dev.chatroom.store.MultilineText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connection's open draft/multiline batch: its lines, collected until the client closes it, and
 * the limits they are held to. A connection has one at most. Once a line breaks a rule the batch
 * is failed: the client is told once, and the rest of it is ignored until it is closed.
 *
 * <p>Flood control charges a batch as one message per started {@link #BYTES_PER_MESSAGE} bytes of
 * its text: the opening line pays for the first, its lines go free, the closing line pays the rest
 * ({@link #cost}). A failed batch's lines cost a message each, as any line does.
 */
public final class MultilineBatch {
    public static final String TYPE = "draft/multiline";
    /** A batch not closed within this long is dropped. */
    public static final long MAX_OPEN_NANOS = 30_000_000_000L;
    /** Flood control counts a batch as a message per started this many bytes of text. */
    static final int BYTES_PER_MESSAGE = 512;

    private final String ref;
    private final String target;
    private final String label;
    private final Map<String, String> clientTags;
    private final List<MultilineText.Line> lines = new ArrayList<>();
    private int bytes;
    private boolean failed;
    private Clock.Timer timer;

    public MultilineBatch(String ref, String target, String label, Map<String, String> clientTags) {
        this.ref = ref;
        this.target = target;
        this.label = label;
        this.clientTags = clientTags;
    }

    public String ref() {
        return ref;
    }

    public String target() {
        return target;
    }

    /** The opening line's label: the echo's opening line carries it. */
    public String label() {
        return label;
    }

    public Map<String, String> clientTags() {
        return clientTags;
    }

    public boolean failed() {
        return failed;
    }

    /** Its lines are ignored from now on. */
    public void fail() {
        failed = true;
        lines.clear();
    }

    /**
     * Adds a line; returns the FAIL code it breaks (MULTILINE_MAX_BYTES, MULTILINE_MAX_LINES,
     * MULTILINE_INVALID), or null when it was taken.
     */
    public String add(String text, boolean concat) {
        if (concat && text.isEmpty()) return "MULTILINE_INVALID";
        int added = Utf8.length(text) + (lines.isEmpty() || concat ? 0 : 1);
        if (bytes + added > Capability.MULTILINE_MAX_BYTES) return "MULTILINE_MAX_BYTES";
        if (lines.size() >= Capability.MULTILINE_MAX_LINES) return "MULTILINE_MAX_LINES";
        bytes += added;
        lines.add(new MultilineText.Line(text, concat && !lines.isEmpty()));
        return null;
    }

    public List<MultilineText.Line> lines() {
        return lines;
    }

    /** Whether every line is blank (nothing to send). */
    public boolean blank() {
        for (MultilineText.Line l : lines) if (!l.text().isEmpty()) return false;
        return true;
    }

    /** The timer that drops it when left open; called off when it closes. */
    public void timer(Clock.Timer t) {
        timer = t;
    }

    public void cancelTimer() {
        if (timer != null) timer.cancel();
    }

    /** What a line costs in flood control while this batch (null: none) is open. */
    static int cost(MultilineBatch open, Message m) {
        if (open == null || open.failed) return 1;
        String batch = m.tags().get("batch");
        if (batch != null) return batch.equals(open.ref) ? 0 : 1;
        if (m.command().equals("BATCH") && ("-" + open.ref).equals(m.param(0))) {
            int messages = (open.bytes + BYTES_PER_MESSAGE - 1) / BYTES_PER_MESSAGE;
            return Math.max(messages - 1, 0); // the opening line paid for the first
        }
        return 1;
    }
}
