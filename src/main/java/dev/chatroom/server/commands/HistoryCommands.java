package dev.chatroom.server.commands;

import dev.chatroom.irc.Capability;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.server.Cloaks;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Room;
import dev.chatroom.server.SearchTurns;
import dev.chatroom.server.output.HistoryLines;
import dev.chatroom.server.output.Replies;
import dev.chatroom.store.Conversation;
import dev.chatroom.store.HistoryQuery;
import dev.chatroom.store.MessageRef;
import dev.chatroom.store.SearchQuery;
import dev.chatroom.store.SearchResult;
import dev.chatroom.store.TargetTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CHATHISTORY (IRCv3 draft/chathistory) and SEARCH (soju.im/search). Both read the store off
 * the loop: the command's answer comes later, labeled then if it was labeled. Searches take
 * turns per address ({@link SearchTurns}).
 */
public final class HistoryCommands {
    /** The most messages one request returns (ISUPPORT CHATHISTORY). */
    public static final int MAX_LIMIT = 1000;

    static final int SEARCH_DEFAULT = 50;

    private HistoryCommands() {}

    static List<Command> all() {
        return List.of(
                Command.registered("CHATHISTORY", 1, HistoryCommands::chathistory),
                Command.registered("SEARCH", 0, HistoryCommands::search));
    }

    // CHATHISTORY LATEST|BEFORE|AFTER|AROUND <target> <ref> <limit>
    // CHATHISTORY BETWEEN <target> <ref> <ref> <limit>
    // CHATHISTORY TARGETS <timestamp> <timestamp> <limit>
    static void chathistory(Context ctx) {
        String sub = ctx.param(0).toUpperCase(Locale.ROOT);
        if (sub.equals("TARGETS")) {
            targets(ctx);
            return;
        }
        HistoryQuery.Kind kind;
        try {
            kind = HistoryQuery.Kind.valueOf(sub);
        } catch (IllegalArgumentException e) {
            fail(ctx.replies(), "UNKNOWN_COMMAND", "Unknown CHATHISTORY subcommand", ctx.param(0));
            return;
        }
        int needed = kind == HistoryQuery.Kind.BETWEEN ? 5 : 4;
        if (ctx.paramCount() < needed) {
            fail(ctx.replies(), "NEED_MORE_PARAMS", "Missing parameters", sub);
            return;
        }
        String target = ctx.param(1);
        MessageRef from = MessageRef.parse(ctx.param(2));
        MessageRef to = kind == HistoryQuery.Kind.BETWEEN ? MessageRef.parse(ctx.param(3)) : MessageRef.NONE;
        Integer limit = limit(ctx.param(needed - 1));
        boolean starAllowed = kind == HistoryQuery.Kind.LATEST;
        if (from == null
                || to == null
                || limit == null
                || (from.isNone() && !starAllowed)
                || (kind == HistoryQuery.Kind.BETWEEN && to.isNone())) {
            fail(ctx.replies(), "INVALID_PARAMS", "Invalid reference or limit", sub, target);
            return;
        }
        Conversation conv = conversation(ctx, sub, target);
        if (conv == null) return;
        Connection c = ctx.device(); // answered on the device that asked
        String label = ctx.replies().takeLabel();
        HistoryQuery q = new HistoryQuery(kind, conv, from, to, limit);
        if (conv.accountKey() == null && !conv.isRoom()) {
            c.awaitAnswer(); // answered at once, but through the same path
            answer(
                    ctx.hub(),
                    c,
                    label,
                    r -> HistoryLines.batch(r, ctx.hub().cloaks(), HistoryLines.CHATHISTORY, target, List.of()));
            return;
        }
        c.awaitAnswer(); // what c sends next waits for the answer: one read per client at a time
        ctx.hub()
                .history()
                .store()
                .query(
                        q,
                        found -> answer(ctx.hub(), c, label, r -> {
                            if (found == null)
                                fail(
                                        r,
                                        "MESSAGE_ERROR",
                                        "History is unavailable right now; try again later",
                                        sub,
                                        target);
                            else HistoryLines.batch(r, ctx.hub().cloaks(), HistoryLines.CHATHISTORY, target, found);
                        }));
    }

    /** Whose history target names, for c: a room it is in, or a nick (its account's conversation; no account: none). */
    private static Conversation conversation(Context ctx, String sub, String target) {
        Connection c = ctx.client();
        if (Names.isChannel(target)) {
            Room room = ctx.hub().rooms().find(target);
            if (room == null || !room.contains(c)) {
                fail(ctx.replies(), "INVALID_TARGET", "You are not in that channel", sub, target);
                return null;
            }
            return Conversation.room(Casemapping.fold(room.name()));
        }
        if (!Names.isValidNick(target)) {
            fail(ctx.replies(), "INVALID_TARGET", "No such nick or channel", sub, target);
            return null;
        }
        String account = c.account();
        return Conversation.direct(account == null ? null : Casemapping.fold(account), Casemapping.fold(target));
    }

    private static void targets(Context ctx) {
        if (ctx.paramCount() < 4) {
            fail(ctx.replies(), "NEED_MORE_PARAMS", "Missing parameters", "TARGETS");
            return;
        }
        MessageRef a = MessageRef.parse(ctx.param(1));
        MessageRef b = MessageRef.parse(ctx.param(2));
        Integer limit = limit(ctx.param(3));
        if (a == null
                || b == null
                || limit == null
                || a.msgid() != null
                || b.msgid() != null
                || a.isNone()
                || b.isNone()) {
            fail(ctx.replies(), "INVALID_PARAMS", "TARGETS takes two timestamps and a limit", "TARGETS");
            return;
        }
        Connection c = ctx.device(); // answered on the device that asked
        List<String> rooms = new ArrayList<>();
        for (Room r : ctx.client().rooms()) rooms.add(Casemapping.fold(r.name()));
        String account = c.account() == null ? null : Casemapping.fold(c.account());
        String label = ctx.replies().takeLabel();
        long lo = Math.min(a.timeMillis(), b.timeMillis());
        long hi = Math.max(a.timeMillis(), b.timeMillis());
        Hub hub = ctx.hub();
        c.awaitAnswer();
        hub.history()
                .store()
                .targets(
                        rooms,
                        account,
                        lo,
                        hi,
                        limit,
                        found -> answer(hub, c, label, r -> {
                            if (found == null) {
                                fail(
                                        r,
                                        "MESSAGE_ERROR",
                                        "History is unavailable right now; try again later",
                                        "TARGETS");
                                return;
                            }
                            String batch = c.has(Capability.BATCH) ? r.startBatch("draft/chathistory-targets") : null;
                            for (TargetTime t : found) {
                                Room room = t.room() ? hub.rooms().find(t.name()) : null;
                                String name = room != null ? room.name() : t.name();
                                r.addInBatch(
                                        Message.of(
                                                r.serverName(),
                                                "CHATHISTORY",
                                                "TARGETS",
                                                name,
                                                "timestamp=" + Instant.ofEpochMilli(t.latestMillis())),
                                        batch);
                            }
                            if (batch != null) r.endBatch(batch);
                        }));
    }

    // SEARCH <attributes>   e.g. SEARCH in=#room;text=deploy\sfailed;from=alice;limit=20
    static void search(Context ctx) {
        if (ctx.paramCount() == 0 || ctx.param(0).isEmpty()) {
            ctx.replies()
                    .standardWords("FAIL", "SEARCH", "NEED_MORE_PARAMS", "SEARCH needs attributes, e.g. text=words");
            return;
        }
        Map<String, String> attrs;
        try {
            attrs = Message.parse("@" + ctx.param(0) + " SEARCH").tags();
        } catch (RuntimeException e) {
            attrs = null;
        }
        String text = attrs == null ? null : attrs.get("text");
        if (text == null || text.isBlank()) {
            ctx.replies().standardWords("FAIL", "SEARCH", "INVALID_PARAMS", "Give the words to find: text=...");
            return;
        }
        Integer limit = attrs.containsKey("limit") ? limit(attrs.get("limit")) : Integer.valueOf(SEARCH_DEFAULT);
        MessageRef after =
                attrs.containsKey("after") ? MessageRef.parse("timestamp=" + attrs.get("after")) : MessageRef.NONE;
        MessageRef before =
                attrs.containsKey("before") ? MessageRef.parse("timestamp=" + attrs.get("before")) : MessageRef.NONE;
        if (limit == null || after == null || before == null) {
            ctx.replies().standardWords("FAIL", "SEARCH", "INVALID_PARAMS", "Invalid limit or time");
            return;
        }
        Connection c = ctx.device(); // answered on the device that asked
        Connection person = ctx.client();
        String account = c.account() == null ? null : Casemapping.fold(c.account());
        String in = attrs.get("in");
        List<String> rooms = new ArrayList<>();
        String correspondent = null;
        if (in == null) {
            for (Room r : person.rooms()) rooms.add(Casemapping.fold(r.name()));
        } else if (Names.isChannel(in)) {
            Room room = ctx.hub().rooms().find(in);
            if (room == null || !room.contains(person)) {
                ctx.replies().standardWords("FAIL", "SEARCH", "INVALID_PARAMS", "You are not in that channel", in);
                return;
            }
            rooms.add(Casemapping.fold(room.name()));
            account = null;
        } else {
            correspondent = Casemapping.fold(in);
        }
        String from = attrs.get("from");
        SearchQuery q = new SearchQuery(
                text,
                rooms,
                in != null && correspondent == null ? null : account,
                from == null ? null : Casemapping.fold(from),
                after.timeMillis(),
                before.timeMillis(),
                limit,
                correspondent);
        String label = ctx.replies().takeLabel();
        Hub hub = ctx.hub();
        SearchTurns turns = hub.history().searchTurns();
        String address = c.host();
        c.awaitAnswer();
        turns.start(address, () -> {
            if (c.isClosed()) { // gone while waiting for its turn: nobody to answer
                c.answered();
                turns.done(address);
                return;
            }
            hub.history().store().search(q, found -> {
                try {
                    answer(hub, c, label, r -> searchAnswer(r, hub.cloaks(), found));
                } finally {
                    turns.done(address); // whatever happened, the address's next search gets its turn
                }
            });
        });
    }

    private static void searchAnswer(Replies r, Cloaks cloaks, SearchResult found) {
        if (found == null) {
            r.standardWords(
                    "FAIL", "SEARCH", "TEMPORARILY_UNAVAILABLE", "Search is unavailable right now; try again later");
            return;
        }
        HistoryLines.batch(r, cloaks, HistoryLines.SEARCH, null, found.messages());
        if (found.cutShort())
            r.standardWords(
                    "NOTE",
                    "SEARCH",
                    "CUT_SHORT",
                    "Search stopped early; older matches may exist. More words search further back.");
    }

    /** A positive count, at most {@link #MAX_LIMIT}; null when it is not one. */
    private static Integer limit(String s) {
        try {
            int n = Integer.parseInt(s);
            return n <= 0 ? null : Math.min(n, MAX_LIMIT);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An answer that comes after the command returned: for c if it is still here, with the command's label. */
    private static void answer(Hub hub, Connection c, String label, Consumer<Replies> write) {
        if (!c.isClosed()) {
            Replies r = hub.output().replies(c);
            if (label != null) r.label(label);
            write.accept(r);
            r.finish();
        }
        c.answered(); // after the answer: what c sent meanwhile is handled now
    }

    private static void fail(Replies r, String code, String text, String... context) {
        r.standardWords("FAIL", "CHATHISTORY", code, text, context);
    }
}
