package dev.chatroom.server;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.log.Event;
import dev.chatroom.server.output.Replies;

/**
 * One person on several devices (as ergo's multiclient): connections logged in to the same account
 * are one user. The first is the person (it holds the nick and the room memberships); the others
 * are its devices, which act as the person and get what the person is sent. The person stays while
 * any of its connections does, or while its account is always-on ({@link AlwaysOn}): its own
 * connection may go first, and then it is present without one ({@link Connection#socketless()}).
 * Guests (no account) are one connection each, as always. In a cluster every connection is its
 * own user: the cluster mirrors users, not devices.
 */
public final class Devices {
    private final Hub hub;

    Devices(Hub hub) {
        this.hub = hub;
    }

    /**
     * The person a registering connection would join as another device: the registered user logged
     * in to the same account on this server. Null when there is none, or in a cluster.
     */
    Connection present(Connection c) {
        if (c.account() == null || hub.replication() != Replication.STANDALONE) return null;
        Users users = hub.users();
        for (int i = 0; i < users.count(); i++) {
            Connection p = users.get(i);
            if (p != c
                    && !p.isDevice()
                    && p.isRegistered()
                    && p.account() != null
                    && Casemapping.equals(c.account(), p.account())) return p;
        }
        return null;
    }

    /**
     * A registering connection asks for a logged-in user's nick: it may be another of their devices,
     * logged in already or still able to (negotiating capabilities, SASL to come).
     */
    boolean mayBeDeviceOf(Connection c, Connection holder) {
        if (c.isRegistered() || !holder.isRegistered() || holder.isDevice() || holder.account() == null) return false;
        if (hub.replication() != Replication.STANDALONE || !hasRoom(holder)) return false;
        return c.account() == null ? c.capNegotiating() : Casemapping.equals(c.account(), holder.account());
    }

    /** Whether another device may join the person (below {@code max-devices}). */
    boolean hasRoom(Connection person) {
        return connections(person) < hub.config().maxDevices();
    }

    /** Its connections: its own (when it has one) and its devices. */
    public static int connections(Connection person) {
        return (person.socketless() ? 0 : 1) + person.devices().size();
    }

    /**
     * c, logged in to the person's account, becomes another of its devices: it is welcomed under
     * the person's nick and shown each of its rooms; nobody else sees anything (a person back after
     * being always-on without a device is no longer away).
     */
    void attach(Connection c, Connection person, Replies r) {
        boolean wasAbsent = connections(person) == 0;
        hub.users().release(c); // whatever nick it asked for: 001 tells it the person's
        c.nick(person.nick());
        c.user(person.user(), person.realname());
        c.person(person);
        person.addDevice(c);
        c.state(Connection.State.REGISTERED);
        if (c.credentialsIfAny() != null)
            c.credentialsIfAny().admitted(hub.clock().nanos());
        hub.gate().welcome().send(c, r);
        r.flush();
        for (Room room : person.rooms()) RoomView.show(room, c, hub.output(), hub.readMarkers());
        if (wasAbsent) hub.alwaysOn().back(person);
        hub.events()
                .event(Gate.person(
                                Event.info(
                                        "device_added",
                                        "* " + person.nick() + " connected another device (" + connections(person)
                                                + " now)."),
                                c)
                        .with("devices", connections(person)));
    }

    /**
     * A device of a person leaves (c is not the person itself): only it is closed; when it was
     * the person's last connection and the account is not always-on, the person leaves too.
     */
    void leave(Connection c, Departure d) {
        Connection person = c.person();
        c.state(Connection.State.CLOSED);
        hub.users().remove(c);
        person.removeDevice(c);
        hub.monitors().left(c, false); // its watch list; the person is still here
        hub.stats().disconnected(d.reason());
        hub.history().acknowledgements().gone(c);
        c.link().close();
        remaining(person, d);
    }

    /**
     * The person's own connection ends for a reason that ends one connection only: it stays present
     * through its devices, or always-on. False when nothing keeps it: it leaves as anyone does.
     */
    boolean outlives(Connection person, Departure d) {
        if (!d.reason().endsOneConnection() || person.socketless() || !person.isRegistered()) return false;
        if (person.devices().isEmpty() && !hub.alwaysOn().keeps(person)) return false;
        hub.users().socketGone(person);
        hub.monitors().left(person, false); // the watch list was its connection's
        hub.history().acknowledgements().gone(person);
        person.link().close();
        person.socketGone();
        remaining(person, d);
        return true;
    }

    /** After one of its connections went: with none left, the person is away (always-on) or gone. */
    private void remaining(Connection person, Departure d) {
        if (person.isClosed() || connections(person) > 0) return; // closed: it is leaving with all its devices
        if (hub.alwaysOn().keeps(person)) hub.alwaysOn().absent(person);
        else hub.departures().disconnect(person, d);
    }
}
