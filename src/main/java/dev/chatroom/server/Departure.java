package dev.chatroom.server;

/**
 * A reason with its detail, and the words each audience gets: the client's ERROR line, the QUIT
 * its rooms see, the admin's console line.
 *
 * @param detail a quit message, or the admin's reason; may be null
 */
public record Departure(DisconnectReason reason, String detail) {
    public Departure {
        if (detail != null && detail.isBlank()) detail = null;
        if (detail != null) detail = detail.strip();
    }

    public static Departure of(DisconnectReason reason) {
        return new Departure(reason, null);
    }

    /** What the quitter's rooms see in the QUIT. */
    public String quitMessage() {
        return switch (reason) {
            case QUIT -> detail == null ? reason.text() : detail;
            case REMOTE -> detail == null ? "Quit" : detail;
            case KICKED, BANNED -> reason.text() + (detail == null ? "" : " (" + detail + ")");
            case REJECTED -> reason.text() + (detail == null ? "" : ": " + detail);
            case KILLED -> reason.text() + " (" + detail + ")"; // "Killed (alice (spam))", as other servers say it
            case SHUTDOWN -> reason.text() + (detail == null ? "" : ": " + detail);
            default -> reason.text() + (detail == null ? "" : " (" + detail + ")");
        };
    }

    /** The text of the ERROR line the client gets last. */
    public String errorMessage() {
        return switch (reason) {
            case BANNED -> "You are banned" + (detail == null ? "" : ": " + detail);
            case SHUTDOWN -> quitMessage();
            default -> "Closing link: " + quitMessage();
        };
    }
}
