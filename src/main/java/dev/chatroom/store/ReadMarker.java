package dev.chatroom.store;

/**
 * How far an account has read one conversation (IRCv3 draft/read-marker): the time of the last
 * message its user saw there. account and target are keys (case-folded, as {@link Account#key()}
 * and a room's or nick's key); a marker only ever moves forward.
 */
public record ReadMarker(String account, String target, long millis) {}
