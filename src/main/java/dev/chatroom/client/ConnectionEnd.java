package dev.chatroom.client;

import dev.chatroom.irc.Message;
import java.util.List;

/**
 * How a connection ends, gathered while it lasts: whether the peer spoke IRC at all, the server's
 * ERROR, the ending a standard reply or a ban announced, whether we quit. Made into the
 * {@link ClientEvent.Closed} event once the connection has closed.
 */
final class ConnectionEnd {
    /** Something that looked like IRC came back: a numeric, CAP, PING, NOTICE, ERROR or a standard reply. */
    private volatile boolean spokeIrc;

    private volatile boolean heardAnything;
    private volatile boolean quitting;
    // network thread only
    private String errorText;
    private ClientEvent.Ending ending;

    /** Bytes arrived. */
    void heard() {
        heardAnything = true;
    }

    /** A line arrived with this command. */
    void line(String command) {
        if (command.length() == 3 && Character.isDigit(command.charAt(0))
                || List.of("CAP", "PING", "NOTICE", "ERROR", "NOTE", "FAIL").contains(command)) spokeIrc = true;
    }

    /** We sent QUIT: the close that follows is us leaving. */
    void quitting() {
        quitting = true;
    }

    /** The server's ERROR: its text is the reason shown. */
    void error(Message m) {
        String text = m.param(0) == null ? "closed by the server" : m.param(0);
        errorText = text.startsWith("Closing link: ") ? text.substring("Closing link: ".length()) : text;
    }

    /** The server said how this connection will end (a standard reply's code, a ban). */
    void endsAs(ClientEvent.Ending e) {
        ending = e;
    }

    /** The event for the closed connection; address is host:port as the user gave them. */
    ClientEvent.Closed closed(String address, boolean kickedByServer, boolean accepted) {
        // a peer that closes before a single IRC line (an HTTP server answering 400) is not an IRC server
        String reason = errorText != null
                ? errorText
                : heardAnything && !spokeIrc ? address + " does not speak IRC" : "connection lost";
        if (ending == null && kickedByServer && errorText != null) ending = ClientEvent.Ending.KICKED;
        ClientEvent.Ending why = quitting ? ClientEvent.Ending.LEFT : ending != null ? ending : ClientEvent.Ending.LOST;
        return new ClientEvent.Closed(reason, !accepted, why);
    }
}
