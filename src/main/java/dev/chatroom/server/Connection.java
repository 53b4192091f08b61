package dev.chatroom.server;

import dev.chatroom.ip.Address;
import dev.chatroom.irc.Capability;
import dev.chatroom.server.flow.Liveness;
import java.util.EnumSet;
import java.util.Set;

/**
 * One client: who it is, how far registration got, what it negotiated, which rooms it is in. Owned by
 * the event loop. Room membership is changed only by {@link Room}, which keeps both sides of it together.
 */
public final class Connection extends Pacing {
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

    private final Address address;
    private final String shownHost;
    private String sshKey;
    private Link link;
    /** Reached us over TLS. */
    private final boolean secure;

    private Credentials credentials;
    private final long connectedAtMillis;
    private final long connectedAtNanos;
    /** Negotiated capabilities, one bit each by ordinal: an EnumSet would be an object per connection. */
    private int capBits;

    private State state = State.REGISTERING;
    private String nick;
    private String user;
    private String realname;
    private String away;
    private boolean capNegotiating;
    private boolean passwordNeeded;
    /** User modes ({@link UserMode}), one bit each by ordinal. */
    private int modeBits;

    private long lastSpokeMillis;
    private final Liveness liveness;
    private Inbox inbox;
    private Invitations invitations = Invitations.NONE;
    private MultilineBatch multiline;
    /** Where this connection sits in {@link Users}' list. */
    private int index = -1;
    /** In a cluster: node:number, the same on every node; null until introduced, and without a cluster. */
    private String clusterId;
    /** A user of another node, mirrored here: its lines go nowhere, its own node delivers to it. */
    private boolean remote;

    /** shownHost: what others see as its host ({@link Cloaks#host}). */
    public Connection(Address address, String shownHost, Link link, boolean secure, long nowMillis, long nowNanos) {
        this.secure = secure;
        this.address = address;
        this.shownHost = shownHost;
        this.link = link;
        this.connectedAtMillis = nowMillis;
        this.connectedAtNanos = nowNanos;
        this.lastSpokeMillis = nowMillis;
        this.liveness = new Liveness(nowNanos);
    }

    public String clusterId() {
        return clusterId;
    }

    public void clusterId(String id, boolean remote) {
        this.clusterId = id;
        this.remote = remote;
    }

    /** True for a user of another node of the cluster. */
    public boolean isRemote() {
        return remote;
    }

    /**
     * Where it connects from: what bans, per-address limits ({@link Address#limitKey()}) and the
     * admin go by. Never shown to other users, unless {@link #showsAddress()}.
     */
    public Address address() {
        return address;
    }

    /** The address as the admin and the logs show it ({@code ::1}); others see {@link #shownHost()}. */
    public String host() {
        return address.text();
    }

    /** The host others see, in nick!user@host and everywhere else: its cloak, or its address with {@code cloak-hosts = false}. */
    public String shownHost() {
        return shownHost;
    }

    /** Others see the address itself as its host: not cloaked ({@code cloak-hosts = false}, not over ssh). */
    public boolean showsAddress() {
        return shownHost.equals(address.hostname());
    }

    /** The SHA256:... fingerprint of the ssh key this user came in with; null when not over ssh. */
    public String sshKey() {
        return sshKey;
    }

    /** Came in over ssh with this key: it identifies the person (allow list, bans, a linked account). */
    public void sshKey(String fingerprint) {
        sshKey = fingerprint;
    }

    public Link link() {
        return link;
    }

    /** Its own connection is gone, the person stays ({@link Devices}): present without one from now on. */
    void socketGone() {
        link = Link.GONE;
    }

    public boolean socketless() {
        return link == Link.GONE;
    }

    /** Over TLS. */
    public boolean secure() {
        return secure;
    }

    /** Whether a password may travel on this connection: encrypted, or never leaving this machine. */
    public boolean confidential() {
        return secure || address.loopback();
    }

    /** Its login state, made on first use. */
    public Credentials credentials() {
        if (credentials == null) credentials = new Credentials();
        return credentials;
    }

    Credentials credentialsIfAny() {
        return credentials;
    }

    /** The account it is logged in to, or null. */
    public String account() {
        return credentials == null ? null : credentials.account();
    }

    /** The client certificate's fingerprint, or null. */
    public String certificate() {
        return credentials == null ? null : credentials.certificate();
    }

    public State state() {
        return state;
    }

    public void state(State s) {
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
        return nick + "!" + ident() + "@" + shownHost();
    }

    /** The negotiated capabilities, in their declared order. */
    public Set<Capability> caps() {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        for (Capability c : Capability.values()) if (has(c)) out.add(c);
        return out;
    }

    public boolean has(Capability c) {
        return (capBits & (1 << c.ordinal())) != 0;
    }

    public void enable(Capability c, boolean on) {
        capBits = on ? capBits | (1 << c.ordinal()) : capBits & ~(1 << c.ordinal());
    }

    public boolean capNegotiating() {
        return capNegotiating;
    }

    public void capNegotiating(boolean v) {
        capNegotiating = v;
    }

    /** The server has a password and this connection has not given it yet: it may say nothing but PASS, CAP, PING, PONG, QUIT. */
    public boolean passwordNeeded() {
        return passwordNeeded;
    }

    void passwordNeeded(boolean v) {
        passwordNeeded = v;
    }

    public String away() {
        return away;
    }

    public void away(String a) {
        away = a;
    }

    public boolean has(UserMode m) {
        return (modeBits & (1 << m.ordinal())) != 0;
    }

    /** Sets or clears a user mode; false when it was so already. */
    public boolean mode(UserMode m, boolean on) {
        if (has(m) == on) return false;
        modeBits ^= 1 << m.ordinal();
        return true;
    }

    public boolean invisible() {
        return has(UserMode.INVISIBLE);
    }

    /** Rooms it was invited to and has not joined yet. */
    public Invitations invitations() {
        return invitations;
    }

    public void invite(Room r) {
        invitations = invitations.with(r);
    }

    /** Joining uses the invitation up. */
    void uninvite(Room r) {
        invitations = invitations.without(r);
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

    long connectedAtNanos() {
        return connectedAtNanos;
    }

    Liveness liveness() {
        return liveness;
    }

    int index() {
        return index;
    }

    void index(int i) {
        index = i;
    }

    Inbox inbox() {
        return inbox;
    }

    /** Answered later (a history read): lines sent meanwhile wait, so replies keep the order asked; ended by {@link #answered()}. */
    public void awaitAnswer() {
        if (inbox != null) inbox.awaitAnswer();
    }

    public void answered() {
        if (inbox != null) inbox.answered();
    }

    void inbox(Inbox t) {
        inbox = t;
    }

    /** Its open draft/multiline batch, or null. */
    public MultilineBatch multiline() {
        return multiline;
    }

    public void multiline(MultilineBatch b) {
        multiline = b;
    }

    @Override
    public String toString() {
        return nickOrStar() + "(" + address + ")";
    }
}
