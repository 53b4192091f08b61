package dev.chatroom.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Our messages of several lines as IRCv3 draft/multiline batches: {@code BATCH +ref draft/multiline
 * target}, a PRIVMSG per line tagged with the batch (a line too long for one cut between words, the
 * rest tagged draft/multiline-concat), {@code BATCH -ref}. Client-only tags go on the opening BATCH.
 * A message over the server's limits goes as several, each as full as they allow.
 */
final class MultilineMessages {
    static final String CONCAT = "draft/multiline-concat";

    /** One PRIVMSG of a batch: its text, and whether it continues the line before (concat). */
    record Piece(String text, boolean concat) {
        int bytes() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }

        boolean blank() {
            return text.isEmpty() && !concat;
        }
    }

    private int refs;

    /**
     * The wire lines of the message: each batch's opening BATCH (after tags: "@+draft/reply=id " or
     * ""), its PRIVMSGs, its closing BATCH. Nothing for text of blank lines only.
     */
    List<String> lines(String target, String text, String tags, MultilineLimits limits, int roomPerLine) {
        List<String> out = new ArrayList<>();
        for (List<Piece> batch : batches(text, limits, roomPerLine)) {
            String ref = "ml" + ++refs;
            out.add(tags + "BATCH +" + ref + " draft/multiline " + target);
            for (Piece p : batch)
                out.add("@batch=" + ref + (p.concat() ? ";" + CONCAT : "") + " PRIVMSG " + target + " :" + p.text());
            out.add("BATCH -" + ref);
        }
        return out;
    }

    /**
     * The text's lines cut into pieces of at most roomPerLine bytes (and max-bytes), grouped into
     * batches within the limits; blank lines are kept inside a batch, dropped at its ends.
     */
    static List<List<Piece>> batches(String text, MultilineLimits limits, int roomPerLine) {
        int room = Math.max(1, Math.min(roomPerLine, limits.maxBytes()));
        List<List<Piece>> batches = new ArrayList<>();
        List<Piece> batch = new ArrayList<>();
        int bytes = 0;
        for (String line : text.split("\n", -1)) {
            boolean concat = false;
            for (String part : Splitter.pieces(line.isBlank() ? "" : line, room)) {
                Piece p = new Piece(part, concat);
                concat = true;
                int adds = p.bytes() + (batch.isEmpty() || p.concat() ? 0 : 1); // a line break counts one byte
                if (!batch.isEmpty() && (bytes + adds > limits.maxBytes() || batch.size() >= limits.maxLines())) {
                    close(batch, batches);
                    batch = new ArrayList<>();
                    bytes = 0;
                    adds = p.bytes();
                }
                batch.add(batch.isEmpty() ? new Piece(p.text(), false) : p);
                bytes += adds;
            }
        }
        close(batch, batches);
        return batches;
    }

    /** What a batch says, its lines put together. */
    static String text(List<Piece> batch) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : batch) sb.append(p.concat() || sb.isEmpty() ? "" : "\n").append(p.text());
        return sb.toString();
    }

    /** A batch without its blank lines at either end; none at all when nothing is left. */
    private static void close(List<Piece> batch, List<List<Piece>> batches) {
        int from = 0;
        int to = batch.size();
        while (from < to && batch.get(from).blank()) from++;
        while (to > from && batch.get(to - 1).blank()) to--;
        if (from == to) return;
        List<Piece> kept = new ArrayList<>(batch.subList(from, to));
        kept.set(0, new Piece(kept.get(0).text(), false));
        batches.add(kept);
    }
}
