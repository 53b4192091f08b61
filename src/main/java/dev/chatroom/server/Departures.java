package dev.chatroom.server;

import dev.chatroom.irc.Message;
import dev.chatroom.log.Event;
import dev.chatroom.server.Connection.State;
import dev.chatroom.server.output.Broadcast;
import dev.chatroom.server.output.Replies;
import java.util.ArrayList;

/** How connections end: every trace removed in one place, the rooms told once, the admin told why. */
public final class Departures {
    private final Hub hub;
    private boolean shuttingDown;

    Departures(Hub hub) {
        this.hub = hub;
    }

    /** Tells c why in an ERROR line, then disconnects it. */
    public void close(Connection c, Departure d) {
        close(c, d, hub.output().replies(c));
    }

    /** Like {@link #close(Connection, Departure)}, after what r already holds. */
    public void close(Connection c, Departure d, Replies r) {
        if (c.isClosed()) return;
        r.error(d.errorMessage()).flush();
        disconnect(c, d);
    }

    /**
     * Removes every trace of c (nick, rooms, approval, counts) and tells its co-members it quit.
     * Safe to call more than once; only the first call counts.
     */
    public void disconnect(Connection c, Departure d) {
        if (c.isClosed()) return;
        if (c.isDevice()) {
            hub.devices().leave(c, d);
            return;
        }
        if (!shuttingDown && hub.devices().outlives(c, d)) return;
        State was = c.state();
        c.state(State.CLOSED);
        for (Connection device : new ArrayList<>(c.devices())) close(device, d); // the person goes: all of it
        if (!shuttingDown && was == State.REGISTERED) hub.alwaysOn().gone(c);
        if (was == State.REGISTERED) {
            hub.users().countRegistered(c, -1);
            hub.users().whowas().record(c, hub.clock().millis());
        }
        hub.users().remove(c);
        hub.gate().approvals().remove(c);
        hub.stats().disconnected(d.reason());
        if (c.roomCount() > 0 && !shuttingDown) {
            try (Broadcast quit = hub.output().from(Message.trailing(c.prefix(), "QUIT", d.quitMessage()), c)) {
                for (Connection other : hub.rooms().coMembers(c)) quit.sendTo(other);
            }
        }
        for (Room r : new ArrayList<>(c.rooms())) r.removeQuitter(c);
        hub.monitors().left(c, was == State.REGISTERED && !shuttingDown);
        hub.replication().departed(c, d);
        hub.history().acknowledgements().gone(c);
        hub.readMarkers().gone(c);
        Event event = shuttingDown ? null : event(c, was, d);
        if (event != null)
            hub.events().event(Gate.person(event, c).reason(d.reason().key()).with("detail", d.detail()));
        if (event != null && was == State.PENDING) hub.operatorNotices().ended(event.text());
        c.link().close();
    }

    /** The event of a departure, or null when the admin's own command already said it. */
    private static Event event(Connection c, State was, Departure d) {
        if (d.reason().byAdmin()) return null;
        if (was == State.REGISTERED) {
            boolean plain = d.reason() == DisconnectReason.QUIT && d.detail() == null;
            return Event.info(
                    "left", "* " + c.nick() + (plain ? " left the chat." : " left the chat (" + d.quitMessage() + ")"));
        }
        if (was == State.PENDING) {
            if (d.reason() == DisconnectReason.EXPIRED)
                return Event.info("request_expired", "The request of " + c.nick() + " expired unanswered.");
            return Event.info("request_abandoned", c.nick() + " stopped waiting (" + d.quitMessage() + ").");
        }
        return null;
    }

    /** Tells every connection the server is going away and closes it. Nobody is told of anyone else leaving: everyone is. */
    public void shutdown(String reason) {
        shuttingDown = true;
        hub.alwaysOn().saveAll(); // who is always-on is in its rooms again after the restart
        hub.rooms().stopping();
        Departure d = new Departure(DisconnectReason.SHUTDOWN, reason);
        for (Connection c : hub.users().all()) close(c, d);
    }
}
