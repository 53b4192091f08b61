package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * What the user types, from the moment the request is made: actions while connected go out at
 * once; chat typed while waiting or reconnecting is queued (and said to be) and sent when the
 * session is in again; a paste of several lines is confirmed, then sent paced under the server's
 * flood limit; room keys and /switch change the room on screen.
 */
final class SessionInput {
    /** Lines a paste may have before it is confirmed. */
    static final int PASTE_ASK_OVER = 3;
    /** Pacing of pasted or queued lines: the server lets 10 through at once, then 2 a second. */
    static final int BURST = 5;

    static final long PACE_MILLIS = 550;

    private final Session session;
    private final Ui ui;
    private final Render render;
    private final Deque<Action> queued = new ArrayDeque<>();
    private Thread thread;
    private boolean leaveWhenSent;
    private int sentInBurst;
    private long lastSentMillis;

    /** Our typing notifications; null with --no-typing. */
    private final TypingNotices typing;

    SessionInput(Session session, Ui ui, Render render, boolean typingNotices) {
        this.session = session;
        this.ui = ui;
        this.render = render;
        this.typing = typingNotices
                ? new TypingNotices(System::currentTimeMillis, this::typing, session.state::current)
                : null;
        if (!typingNotices) session.state.typists.off();
    }

    /** A typing notification, while we are in (none is queued: it would be stale). */
    private void typing(String target, String state) {
        ChatClient c = session.client();
        if (c != null && session.state.phase() == SessionState.Phase.CHATTING)
            c.withMessages((in, out) -> in.replies.typing(target, state));
    }

    synchronized boolean started() {
        return thread != null;
    }

    /** Starts reading (once): as soon as the server knows our name. */
    synchronized void start() {
        if (thread != null) return;
        if (typing != null) ui.onTyping(typing::typed);
        thread = new Thread(this::readLoop, "chatroom-input");
        thread.setDaemon(true);
        thread.start();
        Thread lag = new Thread(this::pingLoop, "chatroom-lag");
        lag.setDaemon(true);
        lag.start();
    }

    private void readLoop() {
        try {
            while (!session.ended()) {
                String line = ui.readLine(promptText());
                if (line == null) {
                    endOfInput();
                    return;
                }
                // a paste arrives as one buffer; terminals and tmux send its line breaks as CR
                if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) paste(line);
                else handle(Input.parse(line));
            }
        } catch (IOException e) {
            endOfInput();
        }
    }

    /**
     * Ctrl-C on an empty line or Ctrl-D: leave at once (a request waiting for the admin is
     * withdrawn). The end of a script's input: leave once what it queued has gone out.
     */
    private void endOfInput() {
        synchronized (this) {
            if (!ui.interactive()
                    && !queued.isEmpty()
                    && session.state.phase() != SessionState.Phase.CHATTING
                    && session.state.phase() != SessionState.Phase.ENDED) {
                leaveWhenSent = true;
                return;
            }
        }
        session.leave(null);
    }

    private void pingLoop() {
        while (!session.ended()) {
            ChatClient c = session.client();
            if (c != null && session.state.phase() == SessionState.Phase.CHATTING) c.ping();
            try {
                Thread.sleep(
                        c != null && c.lagMillis() < 0 ? 2_000 : 15_000); // a measurement cadence, not synchronisation
            } catch (InterruptedException e) {
                return;
            }
            session.updateStatus();
        }
    }

    /** Several lines: one message where the server takes them (see PastedMessage), else each line as if typed. */
    private void paste(String text) throws IOException {
        List<String> all = Arrays.asList(text.split("\\r\\n|\\r|\\n"));
        List<String> lines = all.stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) return;
        if (lines.size() > PASTE_ASK_OVER && ui.interactive()) {
            String answer = ui.ask("Send " + lines.size() + " lines? [y/N] ");
            if (answer == null || !answer.strip().toLowerCase().startsWith("y")) {
                ui.print("Not sent.");
                return;
            }
        }
        ChatClient c = session.client();
        // blank lines inside are kept, those before the first and after the last are not
        List<String> kept = all.subList(all.indexOf(lines.get(0)), all.lastIndexOf(lines.get(lines.size() - 1)) + 1);
        Action one = c != null && c.multiline() ? PastedMessage.of(kept) : null;
        if (one != null) handle(one);
        else for (String l : lines) handle(Input.parse(l));
    }

    void handle(Action a) {
        if (a instanceof Action.Leave l) {
            session.leave(l.reason());
        } else if (a instanceof Action.Help) {
            ui.print(ClientCommands.HELP);
        } else if (a instanceof Action.Problem p) {
            ui.print(render.render(new ClientEvent.Problem(p.message())));
        } else if (a instanceof Action.Switch s) {
            switchTo(s.room());
        } else if (a instanceof Action.Nothing) {
            return;
        } else if (a instanceof Action.Notify n) {
            ui.print(session.settings().watchlist().command(n));
        } else if (a instanceof Action.NotifyLevel || a instanceof Action.Mute || a instanceof Action.Ignore) {
            ui.print(session.settings().answer(a, session.state.current()));
        } else if (a instanceof Action.Server s && s.line().endsWith(Input.ASK_PASSWORD)) {
            askPasswordFor(s);
        } else if (session.state.phase() != SessionState.Phase.CHATTING) {
            synchronized (this) {
                queued.add(a);
            }
            if (a instanceof Action.Send s) ui.print("(queued) " + Render.plain(s.text()));
            else ui.print("(queued until you are in)");
        } else {
            perform(a);
        }
    }

    /**
     * /register or /passwd alone: the password typed twice, unseen; for /passwd the current one
     * first (left empty, or after a one-time password, only the new one is sent).
     */
    private void askPasswordFor(Action.Server s) {
        try {
            String line = s.line();
            if (line.contains(Input.ASK_CURRENT_PASSWORD)) {
                ChatClient c = session.client();
                String current = c != null && c.noPassword() ? "" : ui.readSecret("Current password: ");
                if (current == null) return;
                if (current.contains(" ") || current.startsWith(":")) {
                    ui.print(Input.CURRENT_PASSWORD_UNSENDABLE);
                    return;
                }
                line = current.isEmpty()
                        ? "SETPASS :" + Input.ASK_PASSWORD
                        : line.replace(Input.ASK_CURRENT_PASSWORD, current);
            }
            String pw = ui.readSecret(line.startsWith("SETPASS ") ? "New password: " : "Password: ");
            if (pw == null || pw.isBlank()) return;
            if (!pw.equals(ui.readSecret("Again: "))) {
                ui.print("The two passwords differ; nothing sent.");
                return;
            }
            handle(new Action.Server(line.replace(Input.ASK_PASSWORD, pw)));
        } catch (IOException e) {
            ui.print("Nothing sent.");
        }
    }

    /** Sends what was typed while the session was not in, paced, in order. */
    void sendQueued() {
        while (true) {
            Action a;
            synchronized (this) {
                a = queued.poll();
                if (a == null) break;
            }
            perform(a);
        }
        boolean leave;
        synchronized (this) {
            leave = leaveWhenSent;
        }
        if (leave) new Thread(() -> session.leave(null), "chatroom-leave").start();
    }

    private void perform(Action a) {
        ChatClient c = session.client();
        String room = session.state.current();
        if (a instanceof Action.Send s) {
            pace();
            c.send(s.to() == null ? room : s.to(), s.text(), s.action());
            if (typing != null) typing.sent();
        } else if (a instanceof Action.Users) {
            c.requestMembers(room);
        } else if (a instanceof Action.Join j) {
            session.state.rememberKey(j.room(), j.key());
            if (isRoom(j.room())) switchTo(j.room());
            else c.command("JOIN " + j.room() + (j.key() == null ? "" : " " + j.key()));
        } else if (a instanceof Action.Part p) {
            String which = p.room() == null ? room : p.room();
            c.command("PART " + which + (p.reason() == null ? "" : " :" + p.reason()));
        } else if (a instanceof Action.History h) {
            String target = h.target() == null ? room : h.target();
            if (target == null) ui.print(render.render(new ClientEvent.Problem("You are not in a room.")));
            else c.history(target, h.count());
        } else if (a instanceof Action.Delete d) {
            String target = d.target() == null ? room : d.target();
            if (target == null) ui.print(render.render(new ClientEvent.Problem("You are not in a room.")));
            else c.withMessages((in, out) -> in.deletions.delete(target, d.nth()));
        } else if (a instanceof Action.React r) {
            c.withMessages((in, out) -> {
                if (r.reaction() == null) in.replies.list("react", room);
                else in.replies.react(room, r.nth(), r.reaction());
            });
        } else if (a instanceof Action.Reply r) {
            pace();
            c.withMessages((in, out) -> {
                if (r.text() == null) in.replies.list("reply", room);
                else in.replies.reply(room, r.nth(), r.text(), out);
            });
            if (typing != null) typing.sent();
        } else if (a instanceof Action.Search s) {
            c.search(s.words());
        } else if (a instanceof Action.Rooms) {
            c.command("LIST");
        } else if (a instanceof Action.Server s) {
            boolean secret = s.line().startsWith("REGISTER ") || s.line().startsWith("SETPASS ");
            c.command(
                    secret
                            ? s.line()
                            : s.line().replace("{room}", room == null ? "*" : room)); // a password is sent as typed
            // the typed line is erased on Enter and kept out of the history; this says it went, without the password
            if (s.line().startsWith("REGISTER ")) ui.print("/register ********");
            else if (s.line().startsWith("SETPASS ")) ui.print("/passwd ********");
        }
    }

    private boolean isRoom(String room) {
        for (String r : session.rooms()) if (Casemapping.equals(r, room)) return true;
        return false;
    }

    /** Keeps a run of lines under the server's flood limit. */
    private void pace() {
        long now = System.currentTimeMillis();
        if (now - lastSentMillis > 5_000) sentInBurst = 0;
        if (++sentInBurst > BURST) {
            long wait = PACE_MILLIS - (now - lastSentMillis);
            if (wait > 0) {
                try {
                    Thread.sleep(wait); // pacing output to the server's flood limit, not synchronisation
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        lastSentMillis = System.currentTimeMillis();
    }

    /** A room key: its number from 1, or TerminalUi.NEXT / PREVIOUS. */
    void roomKey(int which) {
        List<String> rooms = session.rooms();
        if (rooms.isEmpty()) return;
        int at = 0;
        String now = session.state.current();
        for (int i = 0; i < rooms.size(); i++) if (now != null && Casemapping.equals(rooms.get(i), now)) at = i;
        int to = which == TerminalUi.NEXT
                ? (at + 1) % rooms.size()
                : which == TerminalUi.PREVIOUS ? (at - 1 + rooms.size()) % rooms.size() : which - 1;
        if (to >= 0 && to < rooms.size()) switchTo(rooms.get(to));
    }

    /** "alice> " in the default room, "alice #dev> " in another. */
    private String promptText() {
        ChatClient c = session.client();
        String room = session.state.current();
        boolean home = room == null || Casemapping.equals(room, String.valueOf(session.state.home()));
        return (c == null ? "" : c.nick()) + (home ? "" : " " + room) + "> ";
    }

    void switchTo(String room) {
        String found = null;
        for (String r : session.rooms()) if (Casemapping.equals(r, room)) found = r;
        if (found == null) {
            ui.print("You are not in " + Render.plain(room) + ". /join " + Render.plain(room) + " to go in.");
            return;
        }
        String was = session.state.current();
        session.state.current(found);
        session.read.switched(was, found);
        ui.prompt(promptText());
        ui.print("Now in " + Render.plain(found) + ".");
        session.updateStatus();
    }
}
