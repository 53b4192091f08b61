package dev.chatroom.server;

import dev.chatroom.irc.Capability;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One client: who it is, how far registration got, what it negotiated, which rooms it is in.
 * Owned by the server's event loop; nothing here is touched from another thread. Room
 * membership is changed only by {@link Room}, which keeps both sides of it together.
 */
public final class Connection {
    public enum State {
        /** Connected, registration (NICK, USER, CAP) not complete. */
        REGISTERING,
        /** NICK and USER done, waiting for the admin. */
        PENDING,
        /** Accepted: a member of the chat. */
        REGISTERED,
        /** Refused (a wrong password): told after a delay, then closed; its lines are ignored meanwhile. */
        REFUSED,
        /** Gone; kept only by whoever still holds a reference. */
        CLOSED
    }

    private final String host;
    private final Link link;
    private final long connectedAtMillis;
    private final Set<Capability> caps = EnumSet.noneOf(Capability.class);
    private final List<Room> rooms = new ArrayList<>(2);
    private State state = State.REGISTERING;
    private String nick;
    private String user;
    private String realname;
    private String away;
    private boolean capNegotiating;
    private String passwordGiven;
    private boolean invisible;
    private long mutedUntilMillis;
    private FloodGate nickChanges;
    private long lastSpokeMillis;
    private KeepAlive keepAlive;
    private Inbox inbox;

    public Connection(String host, Link link, long nowMillis) {
        this.host = host;
        this.link = link;
        this.connectedAtMillis = nowMillis;
        this.lastSpokeMillis = nowMillis;
    }

    public String host() {
        return host;
    }

    public Link link() {
        return link;
    }

    public State state() {
        return state;
    }

    void state(State s) {
        state = s;
    }

    public boolean isRegistered() {
        return state == State.REGISTERED;
    }

    public boolean isClosed() {
        return state == State.CLOSED;
    }

    /** The nick, or "*" before one is set (as numerics use it). */
    public String nickOrStar() {
        return nick == null ? "*" : nick;
    }

    public String nick() {
        return nick;
    }

    void nick(String n) {
        nick = n;
    }

    public String user() {
        return user;
    }

    /** The username as it appears in prefixes: not verified by ident, hence the '~'. */
    public String ident() {
        return "~" + (user == null ? "*" : user);
    }

    public String realname() {
        return realname;
    }

    public void user(String u, String real) {
        user = u;
        realname = real;
    }

    /** nick!~user@host: the source of everything this client says. */
    public String prefix() {
        return nick + "!" + ident() + "@" + host;
    }

    public Set<Capability> caps() {
        return caps;
    }

    public boolean has(Capability c) {
        return caps.contains(c);
    }

    public boolean capNegotiating() {
        return capNegotiating;
    }

    public void capNegotiating(boolean v) {
        capNegotiating = v;
    }

    /** What PASS said, checked by the gate when registration completes. */
    String passwordGiven() {
        return passwordGiven;
    }

    public void passwordGiven(String v) {
        passwordGiven = v;
    }

    public String away() {
        return away;
    }

    public void away(String a) {
        away = a;
    }

    public boolean invisible() {
        return invisible;
    }

    public void invisible(boolean v) {
        invisible = v;
    }

    public boolean mutedAt(long nowMillis) {
        return mutedUntilMillis > nowMillis;
    }

    void mutedUntil(long millis) {
        mutedUntilMillis = millis;
    }

    /** Nick changes after joining: two at once, then one every 30 seconds. */
    public FloodGate nickChanges(long nowNanos) {
        if (nickChanges == null) nickChanges = new FloodGate(2, 1.0 / 30, nowNanos);
        return nickChanges;
    }

    /** The rooms this connection is in, in the order it joined them. */
    public List<Room> rooms() {
        return Collections.unmodifiableList(rooms);
    }

    void joined(Room r) {
        rooms.add(r);
    }

    void left(Room r) {
        rooms.remove(r);
    }

    public long connectedAtMillis() {
        return connectedAtMillis;
    }

    public long lastSpokeMillis() {
        return lastSpokeMillis;
    }

    public void spoke(long nowMillis) {
        lastSpokeMillis = nowMillis;
    }

    KeepAlive keepAlive() {
        return keepAlive;
    }

    void keepAlive(KeepAlive k) {
        keepAlive = k;
    }

    Inbox inbox() {
        return inbox;
    }

    void inbox(Inbox t) {
        inbox = t;
    }

    @Override
    public String toString() {
        return nickOrStar() + "(" + host + ")";
    }
}
