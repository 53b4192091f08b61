package dev.chatroom.client;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Formatting;
import dev.chatroom.irc.Names;
import dev.chatroom.irc.Sanitizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Turns {@link ClientEvent}s into the lines a person reads: {@code [10:02] bob: hello}. Every
 * piece of remote text is sanitized first; mIRC formatting becomes ANSI when colors are on and
 * is removed when they are off.
 */
public final class Render {
    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";
    private static final String REVERSE = "\u001b[7m";
    private static final String RED = "\u001b[31m";
    private static final String RESET = Formatting.SGR_RESET;
    /** Nick colors: readable on dark and light backgrounds alike. */
    private static final int[] NICK_COLORS = {31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96};

    private final boolean color;
    private final Supplier<String> ownNick;
    private final DateTimeFormatter clock;
    private final DateTimeFormatter dated;
    private final ZoneId zone;
    /** The same without colors, for history: dimmed as a whole, a nick's color would end the dimming. */
    private Render colorless;
    /** The room on screen now, and the one the server put us in first ("the chatroom"); either may be null. */
    private volatile Supplier<String> current = () -> null;

    private volatile Supplier<String> home = () -> null;
    private volatile Function<String, String> accountOf = nick -> null;
    /** After a logged-in name; "+" where the terminal cannot show a check mark. */
    private volatile String mark = "\u2713";
    /** Between a reply's sender and the one answered; "->" where the terminal cannot show it. */
    private volatile String arrow = "\u21aa";

    public Render(boolean color, Supplier<String> ownNick, ZoneId zone) {
        this.color = color;
        this.ownNick = ownNick;
        this.clock = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        this.dated = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.zone = zone;
    }

    /** Where the user is: lines of other rooms get the room's name in front. */
    public Render rooms(Supplier<String> currentRoom, Supplier<String> homeRoom) {
        current = currentRoom;
        home = homeRoom;
        return this;
    }

    /** Who is logged in to which account (for member lists; messages carry their own account-tag). */
    public Render accounts(Function<String, String> accountOfNick, boolean unicode) {
        accountOf = accountOfNick;
        mark = unicode ? "\u2713" : "+";
        arrow = unicode ? "\u21aa" : "->";
        return this;
    }

    /** "[#side] " for a room other than the one on screen, "" otherwise. */
    private String where(String room) {
        String now = current.get();
        if (room == null || now == null || Casemapping.equals(room, now)) return "";
        return "[" + clean(room) + "] ";
    }

    private String entered(String room) {
        String h = home.get();
        return h == null || Casemapping.equals(room, h) ? " entered the chatroom." : " joined " + clean(room) + ".";
    }

    /** The text to print for an event (possibly several lines), or null to print nothing. */
    public String render(ClientEvent event) {
        if (event instanceof ClientEvent.Waiting)
            return "Waiting for the admin to accept you... (Ctrl-C or /leave to give up; what you type is sent once you are in)";
        if (event instanceof ClientEvent.LoggedIn l)
            return l.byRegistering() ? null : "Logged in as " + clean(l.account()) + ".";
        if (event instanceof ClientEvent.LoginFailed f) {
            String why = f.text() == null ? "" : f.text().replaceFirst("^SASL authentication failed:? ?", "");
            return "Login failed for " + clean(f.account()) + (why.isEmpty() ? "." : ": " + clean(why) + ".");
        }
        if (event instanceof ClientEvent.NameRefused r) return nameRefused(r.name(), r.reason());
        if (event instanceof ClientEvent.Welcome w) {
            return "Welcome to " + clean(w.room()) + ", " + nick(w.nick()) + ". Type /help for commands.\n"
                    + memberList(w.room(), w.members());
        }
        if (event instanceof ClientEvent.Members m) return memberList(m.room(), m.members());
        if (event instanceof ClientEvent.Entered e) {
            return "You joined " + clean(e.room()) + ". /switch " + clean(e.room())
                    + " or Alt-number to change rooms.\n" + memberList(e.room(), e.members());
        }
        if (event instanceof ClientEvent.Parted p) return "You left " + clean(p.room()) + ".";
        if (event instanceof ClientEvent.RoomList l) return roomList(l.rooms());
        if (event instanceof ClientEvent.Chat c) return chat(c, stamp(c.time()), where(c.room()), true);
        if (event instanceof ClientEvent.History h) return history(h);
        if (event instanceof ClientEvent.SearchResults s) return searchResults(s);
        if (event instanceof ClientEvent.Joined j)
            return stamp(j.time()) + where(j.room()) + "* " + nick(j.nick()) + entered(j.room());
        if (event instanceof ClientEvent.Left l) {
            if (l.room() != null && !Casemapping.equals(l.room(), String.valueOf(home.get()))) {
                return stamp(l.time()) + where(l.room()) + "* " + nick(l.nick()) + " left " + clean(l.room())
                        + (l.reason() == null || l.reason().isEmpty() ? "." : " (" + text(l.reason(), "") + ")");
            }
            return stamp(l.time()) + "* " + nick(l.nick()) + left(l.reason());
        }
        if (event instanceof ClientEvent.Removed r) {
            boolean homeRoom = r.room() == null || Casemapping.equals(r.room(), String.valueOf(home.get()));
            return stamp(r.time()) + where(r.room()) + "* " + nick(r.nick()) + " was removed"
                    + (homeRoom ? "" : " from " + clean(r.room()))
                    + " by " + (r.by() == null ? "the admin" : nick(r.by()))
                    + (r.reason() == null ? "." : " (" + text(r.reason(), "") + ")");
        }
        if (event instanceof ClientEvent.Announcement a) {
            String body = "*** " + text(a.text(), color ? BOLD : "");
            return stamp(a.time()) + (color ? BOLD + body + RESET : body);
        }
        if (event instanceof ClientEvent.NickChanged n) {
            return stamp(n.time()) + "* " + nick(n.oldNick()) + " is now known as " + nick(n.newNick()) + ".";
        }
        if (event instanceof ClientEvent.Presence p)
            return "* " + nick(p.nick()) + (p.online() ? " is online" : " is offline");
        if (event instanceof ClientEvent.Topic t) return "Topic of " + clean(t.room()) + ": " + text(t.topic(), "");
        if (event instanceof ClientEvent.Deleted d) // in place of the message, as far as a scrolled terminal allows
        return stamp(d.time()) + where(d.message().room()) + faint(Deletions.describe(d, Render::plain));
        if (event instanceof ClientEvent.Reacted r)
            return stamp(r.time()) + where(r.room()) + Replies.describe(r, Render::plain);
        if (event instanceof ClientEvent.Recent r) return Replies.list(r, Render::plain);
        if (event instanceof ClientEvent.Info i) return text(i.text(), "");
        if (event instanceof ClientEvent.Problem p) return color ? RED + clean(p.text()) + RESET : clean(p.text());
        if (event instanceof ClientEvent.Closed c) return closed(c);
        return null;
    }

    public static String nameRefused(String name, String reason) {
        String shown = Sanitizer.clean(name);
        if (reason.contains("taken")) return "The name " + shown + " is already taken. Choose another.";
        if (reason.contains("registered")) return "The name " + shown + " is registered to an account.";
        return "The name " + shown + " is not allowed: use 1-" + Names.NICK_MAX
                + " ASCII letters (a-z, A-Z), digits or " + Names.NICK_SPECIALS + ", not starting with a digit or -.";
    }

    /**
     * Messages from before: under a separator, faint, with their date when not today; a mention
     * in them is not highlighted (it is not news). Nothing for none, unless they were asked for.
     */
    private String history(ClientEvent.History h) {
        String of = h.target() == null || Casemapping.equals(h.target(), String.valueOf(current.get()))
                ? ""
                : (h.target().startsWith("#") ? " in " : " with ") + clean(h.target());
        if (h.messages().isEmpty())
            return h.kind() == ClientEvent.HistoryKind.OLDER ? "No earlier messages" + of + "." : null;
        boolean missed = h.kind() == ClientEvent.HistoryKind.MISSED;
        StringBuilder sb = new StringBuilder(
                faint(missed ? "--- while you were away" + of + " ---" : "--- earlier messages" + of + " ---"));
        // where reading stopped (the read marker); first in what was missed it would only repeat the heading
        boolean unread =
                h.readUpTo() == null || missed && h.messages().get(0).time().isAfter(h.readUpTo());
        for (ClientEvent.Chat c : h.messages()) {
            if (!unread && (unread = c.time().isAfter(h.readUpTo())))
                sb.append('\n').append(faint("--- unread ---"));
            sb.append('\n').append(faint(past(c, where(c.room()), false)));
        }
        sb.append('\n')
                .append(faint(
                        h.kind() == ClientEvent.HistoryKind.OLDER ? "--- end of earlier messages ---" : "--- now ---"));
        return sb.toString();
    }

    /** A line a result: when, where (the room; private ones say so), who, what. */
    private String searchResults(ClientEvent.SearchResults s) {
        if (s.found().isEmpty()) return "No messages match \"" + clean(s.words()) + "\".";
        StringBuilder sb = new StringBuilder();
        for (ClientEvent.Chat c : s.found()) {
            ClientEvent.Chat one = MultilineText.oneLine(c, mark.equals("+") ? " | " : " \u23ce "); // a line a result
            sb.append(past(one, c.room() == null ? "" : clean(c.room()) + " ", true))
                    .append('\n');
        }
        return sb.append(s.found().size())
                .append(s.found().size() == 1 ? " result" : " results")
                .toString();
    }

    /** A message from before, without colors: dated always in a list, else when not from today. */
    private String past(ClientEvent.Chat c, String where, boolean alwaysDated) {
        boolean today = c.time().atZone(zone).toLocalDate().equals(LocalDate.now(zone));
        String stamp = "[" + (alwaysDated || !today ? dated : clock).format(c.time()) + "] ";
        String sums = c.reactions() == null ? "" : "  (" + clean(c.reactions()) + ")";
        return colorless().chat(c, stamp, where, false) + sums;
    }

    private synchronized Render colorless() {
        if (!color) return this;
        if (colorless == null) {
            colorless = new Render(false, ownNick, zone)
                    .rooms(() -> current.get(), () -> home.get())
                    .accounts(n -> accountOf.apply(n), true);
        }
        colorless.mark = mark;
        colorless.arrow = arrow;
        return colorless;
    }

    private String faint(String line) {
        return color ? DIM + line + RESET : line;
    }

    /** live: a mention is highlighted (not in history). */
    private String chat(ClientEvent.Chat c, String stamp, String where, boolean live) {
        String me = ownNick.get();
        boolean mine = me != null && Casemapping.equals(c.from(), me);
        boolean mentioned = live && !mine && me != null && Mentions.mentions(plain(c.text()), me);
        String base = mentioned && color ? BOLD : "";
        String body = text(c.text(), base);
        if (mentioned && color) body = highlight(body, me, base);
        StringBuilder line = new StringBuilder(stamp).append(where);
        if (mentioned && color) line.append(BOLD);
        if (c.room() == null) {
            line.append(mine ? "[to " + nick(c.to()) + bold(mentioned) + "] " : "[private] ");
            if (mine && !c.action())
                return line.append(MultilineText.indent(body, line))
                        .append(color && mentioned ? RESET : "")
                        .toString();
        }
        if (c.action()) {
            line.append("* ")
                    .append(nick(c.from()))
                    .append(loggedIn(c))
                    .append(bold(mentioned))
                    .append(' ');
        } else if (c.notice()) {
            line.append('-')
                    .append(nick(c.from()))
                    .append(loggedIn(c))
                    .append(bold(mentioned))
                    .append("- ");
        } else {
            ClientEvent.Chat to = c.inReplyTo(); // bob ↪ alice: "the deploy..." ok, on it
            line.append(nick(c.from()))
                    .append(loggedIn(c))
                    .append(bold(mentioned))
                    .append(to == null ? ": " : " " + arrow + " " + nick(to.from()) + bold(mentioned) + ": ")
                    .append(to == null ? "" : Replies.quote(to.text(), 15, Render::plain) + " ");
        }
        line.append(MultilineText.indent(body, line));
        if (color && mentioned) line.append(RESET);
        return line.toString();
    }

    /**
     * The sender's account as the server vouches for it (account-tag): a check mark when it is
     * the name shown, the account itself when it differs, so a look-alike name cannot pass.
     */
    private String loggedIn(ClientEvent.Chat c) {
        return loggedIn(c.from(), c.account());
    }

    private String loggedIn(String nick, String account) {
        if (account == null || account.isEmpty() || account.equals("*")) return "";
        return Casemapping.equals(account, nick) ? mark : "(" + clean(account) + mark + ")";
    }

    private String bold(boolean mentioned) {
        return color && mentioned ? BOLD : "";
    }

    private String highlight(String body, String me, String base) {
        Matcher m = Mentions.wordPattern(me).matcher(body);
        return m.replaceAll(r -> Matcher.quoteReplacement(REVERSE + r.group() + RESET + base));
    }

    private String left(String reason) {
        if (reason == null || reason.isEmpty() || reason.equals("left the chat")) return " left the chat.";
        return " left the chat (" + text(reason, "") + ")";
    }

    private String closed(ClientEvent.Closed c) {
        if (c.byUs()) return "You left the chat.";
        String reason = clean(c.reason());
        if (c.beforeAccepted()) return capitalize(reason) + (reason.endsWith(".") ? "" : ".");
        return "Disconnected: " + reason;
    }

    private String roomList(List<String[]> rooms) {
        if (rooms.isEmpty()) return "No rooms.";
        StringBuilder sb = new StringBuilder("Rooms (" + rooms.size() + "):");
        for (String[] r : rooms) {
            sb.append("\n  ")
                    .append(clean(r[0]))
                    .append(" (")
                    .append(clean(r[1]))
                    .append(')');
            if (!r[2].isEmpty()) sb.append(": ").append(text(r[2], ""));
        }
        return sb.toString();
    }

    private String memberList(String room, List<String> members) {
        StringBuilder sb = new StringBuilder("In " + clean(room) + " (" + members.size() + "): ");
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(nick(members.get(i))).append(loggedIn(members.get(i), accountOf.apply(members.get(i))));
        }
        return sb.toString();
    }

    private String stamp(Instant time) {
        String t = "[" + clock.format(time) + "] ";
        return color ? DIM + t + RESET : t;
    }

    /** A nick in its own stable color. */
    String nick(String nick) {
        String shown = clean(nick);
        if (!color) return shown;
        int c = NICK_COLORS[Math.floorMod(Casemapping.fold(nick).hashCode(), NICK_COLORS.length)];
        return "\u001b[" + c + "m" + shown + RESET;
    }

    private String text(String remote, String base) {
        if (remote.indexOf('\n') >= 0) return MultilineText.eachLine(remote, l -> text(l, base));
        String safe = Sanitizer.clean(remote);
        return color ? Formatting.toAnsi(safe, base) : Formatting.strip(safe);
    }

    /** Text shown as is, without formatting or control characters. */
    public static String plain(String text) {
        return clean(text);
    }

    /** Remote text where formatting means nothing (names, reasons shown plainly). */
    private static String clean(String remote) { // a multiline message's lines on one, a space between
        return Formatting.strip(Sanitizer.clean(remote == null ? "" : remote.replace('\n', ' ')));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
