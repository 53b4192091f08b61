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

    /** /join #room [key] */
    record Join(String room, String key) implements Action {}

    /** /part [#room] [reason]; room null: the current one. */
    record Part(String room, String reason) implements Action {}

    /** /switch #room, or a room's number as the status line shows it. */
    record Switch(String room) implements Action {}

    /** /rooms: the server's room list. */
    record Rooms() implements Action {}

    /** A command for the server, as an IRC line where {@code {room}} stands for the current room. */
    record Server(String line) implements Action {}

    /** /history [#room|user] [count]: target null for the room on screen. */
    record History(String target, int count) implements Action {}

    /** /delete [#room|user] [n]: our nth last message there (target null: the room on screen). */
    record Delete(String target, int nth) implements Action {}

    /** /react [n] reaction: to the nth last message on screen; reaction null (/react alone) lists them. */
    record React(int nth, String reaction) implements Action {}

    /** /reply [n] text: to the nth last message on screen; text null (/reply alone) lists them. */
    record Reply(int nth, String text) implements Action {}

    /** /search words */
    record Search(String words) implements Action {}

    /** /notify add|del name, or /notify list (nick null). */
    record Notify(String verb, String nick) implements Action {}

    /** /notify-level [all|mentions|none]: level "" asks what it is. */
    record NotifyLevel(String level) implements Action {}

    /** /mute-room or /unmute-room [#room]: room null for the one on screen. */
    record Mute(String room, boolean on) implements Action {}

    /** /ignore or /unignore nick: nick null (/ignore alone) lists who is ignored. */
    record Ignore(String nick, boolean on) implements Action {}

    /** A blank line. */
    record Nothing() implements Action {}
}
