package dev.chatroom.client;

/** What a line typed by the user asks for. */
public sealed interface Action {
    /** A message to the room ({@code to == null}) or to one user; {@code action} for /me. Text may hold mIRC codes. */
    record Send(String to, String text, boolean action) implements Action {}

    record Leave(String reason) implements Action {}

    record Users() implements Action {}

    record Help() implements Action {}

    /** Nothing is sent; the user is told this (a usage line, an unknown command or color). */
    record Problem(String message) implements Action {}

    /** A blank line. */
    record Nothing() implements Action {}
}
