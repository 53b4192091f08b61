package dev.chatroom.bench;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One connection of a {@link SoakUser}: registers (logging in with SASL, or registering the
 * account, when it holds one), joins one or two rooms, then until its time is up sends a message
 * now and then to one of its rooms or privately to an observer, and sometimes parts a room and
 * joins another; then waits for the echoes of what it sent and quits. A message counts as sent
 * when the server echoes it (echo-message): from then on every observer must receive it. Runs on
 * the generator's event loop.
 */
final class SoakSession extends LineClient {
    /** How long the server may take to confirm a message, or to close after QUIT. */
    private static final long ANSWER_SECONDS = 10;

    private static final int SIZE = 100;

    final String nick;
    private final SoakUser user;
    private final boolean login;
    private final SoakLedger ledger;
    private final List<String> joined = new ArrayList<>();
    /** Sent and not yet echoed: seq to target. */
    private final Map<Long, String> unconfirmed = new HashMap<>();

    private int joining;
    private long endsAt;
    private boolean chatting;
    private boolean leaving;
    private boolean quitting;
    private ScheduledFuture<?> next;

    SoakSession(SoakUser user, String nick, boolean login) {
        this.user = user;
        this.nick = nick;
        this.login = login;
        this.ledger = user.run.ledger();
    }

    @Override
    void opened() {
        send("CAP REQ :" + (login ? "echo-message sasl" : "echo-message"));
        register(user.run.settings().password(), nick, "chatroom soak");
        send(login ? "AUTHENTICATE PLAIN" : "CAP END");
    }

    @Override
    void line(ByteBuf b, int start, int end) {
        Message m;
        try {
            m = Message.parse(b.toString(start, end - start, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return;
        }
        switch (m.command()) {
            case "AUTHENTICATE" -> {
                String plain = user.account + "\0" + user.account + "\0" + user.accountPassword;
                send("AUTHENTICATE " + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
            }
            case "903" -> {
                ledger.logins++;
                send("CAP END");
            }
            case "001" -> {
                if (user.account != null && !user.accountMade) send("REGISTER * * " + user.accountPassword);
                else joinRooms();
            }
            case "REGISTER" -> {
                if ("SUCCESS".equals(m.param(0))) {
                    user.accountMade = true;
                    ledger.registrations++;
                }
                joinRooms();
            }
            case "366" -> joinedRoom(m.param(1));
            case "PRIVMSG" -> {
                if (Casemapping.equals(m.sourceNick(), nick)) echoed(m);
            }
            case "CAP" -> {
                if ("NAK".equals(m.param(1))) error("the server refused capabilities: " + m);
            }
            case "ERROR" -> {
                if (!quitting) error(m.toString());
            }
            default -> {
                if (isError(m)) {
                    error(m.toString());
                    if ("FAIL".equals(m.command()) && "REGISTER".equals(m.param(0))) joinRooms();
                    if (m.command().equals("904") || m.command().equals("433")) quit(); // cannot go on as this user
                }
            }
        }
    }

    /** A reply saying something failed: a FAIL, or a numeric error (400-599, or SASL's 902-907 but 903). */
    static boolean isError(Message m) {
        String c = m.command();
        if (c.equals("FAIL")) return true;
        if (c.length() != 3 || !Character.isDigit(c.charAt(0))) return false;
        int n = Integer.parseInt(c);
        return (n >= 400 && n < 600) || (n >= 902 && n <= 907 && n != 903);
    }

    private void joinRooms() {
        List<String> rooms = user.run.rooms();
        int first = user.random.nextInt(rooms.size());
        join(rooms.get(first));
        if (rooms.size() > 1 && user.random.nextBoolean()) join(rooms.get((first + 1) % rooms.size()));
    }

    private void join(String room) {
        joining++;
        send("JOIN " + room);
    }

    private void joinedRoom(String room) {
        if (ledger.target(room) < 0) return; // the server's default room, joined on registration
        joined.add(room);
        joining--;
        if (!chatting && joining == 0) {
            chatting = true;
            endsAt = System.nanoTime() + user.sessionNanos();
            schedule();
        }
    }

    private void schedule() {
        next = channel.eventLoop().schedule(this::act, user.actionDelayNanos(), TimeUnit.NANOSECONDS);
    }

    /** One step of chatting: mostly a room message, sometimes a private one or a change of room; or the end. */
    private void act() {
        if (quitting || !channel.isActive()) return;
        if (user.run.stopping() || System.nanoTime() >= endsAt) {
            leave();
            return;
        }
        double dice = user.random.nextDouble();
        List<String> rooms = user.run.rooms();
        if (dice < 0.05 && joining == 0 && rooms.size() > joined.size()) {
            if (joined.size() > 1) send("PART " + joined.remove(user.random.nextInt(joined.size())) + " :soak");
            else join(otherRoom(rooms));
        } else if (dice < 0.15 || joined.isEmpty()) {
            List<String> observers = user.run.observerNicks();
            say(observers.get(user.random.nextInt(observers.size())));
        } else {
            say(joined.get(user.random.nextInt(joined.size())));
        }
        schedule();
    }

    private String otherRoom(List<String> rooms) {
        while (true) {
            String r = rooms.get(user.random.nextInt(rooms.size()));
            if (!joined.contains(r)) return r;
        }
    }

    private void say(String target) {
        long seq = user.nextSeq++;
        unconfirmed.put(seq, target);
        ledger.sent++;
        send(Payload.line(target, user.slot, seq, System.nanoTime(), SIZE));
    }

    /** The server's echo of a message this connection sent: confirmed, every observer must now get it. */
    private void echoed(Message m) {
        SoakText t = SoakText.parse(m.param(1));
        if (t == null || t.sender() != user.slot) return;
        String target = unconfirmed.remove(t.seq());
        if (target == null) return; // replayed history of an earlier connection of this account
        ledger.confirm(ledger.target(target));
        if (leaving && unconfirmed.isEmpty()) quit();
    }

    /** Time is up: quit once everything sent is confirmed, or after ANSWER_SECONDS. */
    private void leave() {
        leaving = true;
        if (unconfirmed.isEmpty()) {
            quit();
            return;
        }
        channel.eventLoop()
                .schedule(
                        () -> {
                            if (quitting) return;
                            error("no echo within " + ANSWER_SECONDS + " s for " + unconfirmed.size() + " messages");
                            quit();
                        },
                        ANSWER_SECONDS,
                        TimeUnit.SECONDS);
    }

    private void quit() {
        if (quitting) return;
        quitting = true;
        if (next != null) next.cancel(false);
        send("QUIT :soak");
        channel.eventLoop()
                .schedule(
                        () -> {
                            if (!channel.isActive()) return;
                            error("still connected " + ANSWER_SECONDS + " s after QUIT");
                            channel.close();
                        },
                        ANSWER_SECONDS,
                        TimeUnit.SECONDS);
    }

    private void error(String what) {
        ledger.error(nick, what);
    }

    @Override
    void closed() {
        if (next != null) next.cancel(false);
        if (!quitting) error("the server closed the connection");
        if (!unconfirmed.isEmpty() && !leaving) error(unconfirmed.size() + " messages never echoed");
        user.sessionEnded();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!quitting) error(String.valueOf(cause));
        super.exceptionCaught(ctx, cause);
    }
}
