package dev.chatroom.store;

import java.time.Duration;

/**
 * What one search may cost, whatever the history holds: at most {@code examined} messages looked
 * at (candidates with the words, newest first, across the whole server), and at most
 * {@code time} of work. A search that reaches either answers with what it found so far
 * ({@link SearchResult#cutShort()}).
 */
public record SearchLimits(int examined, Duration time) {
    /** A person waits no longer than this for an answer, and the reader is free again as soon. */
    public static final Duration TIME = Duration.ofSeconds(1);
}
