package dev.chatroom.server.console;

import static dev.chatroom.server.console.ConsoleCommand.Scope.CLUSTER;
import static dev.chatroom.server.console.ConsoleCommand.Scope.CLUSTER_WHEN_SETTING;
import static dev.chatroom.server.console.ConsoleCommand.Scope.NODE;
import static dev.chatroom.server.console.ConsoleCommand.Scope.answeringOldest;
import static dev.chatroom.server.console.ConsoleCommand.of;
import static dev.chatroom.server.console.ConsoleCommand.onLoop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The admin's commands, one row a verb, in the order /help lists them. A new command is a row
 * here and its handler in one of the families (Approving, UserAdmin, RoomAdmin, AccountAdmin,
 * Reports, ServerAdmin); nothing here knows which console typed it.
 */
public final class ConsoleCommands {
    static final List<ConsoleCommand> TABLE = List.of(
            of("y", 0, "accept the oldest join request", answeringOldest("/accept %s"), onLoop(Approving::acceptOldest))
                    .alias("yes"),
            of("n", 0, "reject the oldest join request", answeringOldest("/reject %s"), onLoop(Approving::rejectOldest))
                    .alias("no"),
            of(
                            "a",
                            0,
                            "accept the oldest join request and allow its account always",
                            answeringOldest("/accept %s always"),
                            onLoop(Approving::allowOldest))
                    .alias("always"),
            of(
                    "/accept <nick> [always]",
                    1,
                    "accept that request (always: put its account on the allow list)",
                    CLUSTER,
                    onLoop(Approving::accept)),
            of(
                    "/reject <nick> [reason]",
                    1,
                    "reject that request, telling them the reason",
                    CLUSTER,
                    onLoop(Approving::reject)),
            of("/pending", 0, "the requests waiting, oldest first", NODE, onLoop(Reports::pending)),
            of("/users", 0, "who is connected, by room", NODE, onLoop(Reports::users)),
            of(
                    "/kick <nick> [#room] [reason]",
                    1,
                    "remove someone from the chat, or from one room (they may come back)",
                    CLUSTER,
                    onLoop(UserAdmin::kick)),
            of(
                    "/ban <nick|ip|mask|key:SHA256:...> [#room] [reason]",
                    1,
                    "disconnect and keep out (nick!user@host masks, * and ?; an ssh key), or keep out of one room",
                    CLUSTER,
                    onLoop(UserAdmin::ban)),
            of("/unban <nick|ip|mask> [#room]", 1, "lift a ban", CLUSTER, onLoop(UserAdmin::unban)),
            of("/bans", 0, "the bans", NODE, onLoop(Reports::bans)),
            of(
                    "/mute <nick> [#room] [minutes]",
                    1,
                    "keep someone from talking (until /unmute if no minutes)",
                    CLUSTER,
                    onLoop(UserAdmin::mute)),
            of("/unmute <nick> [#room]", 1, "let them talk again", CLUSTER, onLoop(UserAdmin::unmute)),
            of("/say <text>", 1, "an announcement to everyone", CLUSTER, onLoop(UserAdmin::say)),
            of(
                    "/topic [#room] [text]",
                    0,
                    "show or set a room's topic (default: the main room)",
                    CLUSTER_WHEN_SETTING,
                    onLoop(RoomAdmin::topic)),
            of(
                    "/invite <nick> <#room>",
                    2,
                    "let someone into a room, invite-only (+i) or not",
                    CLUSTER,
                    onLoop(RoomAdmin::invite)),
            of("/op <nick> [#room]", 1, "make someone a channel operator", CLUSTER, onLoop(RoomAdmin.setting("+o"))),
            of(
                    "/deop <nick> [#room]",
                    1,
                    "stop someone being a channel operator",
                    CLUSTER,
                    onLoop(RoomAdmin.setting("-o"))),
            of(
                    "/voice <nick> [#room]",
                    1,
                    "let someone speak in a moderated room",
                    CLUSTER,
                    onLoop(RoomAdmin.setting("+v"))),
            of(
                    "/devoice <nick> [#room]",
                    1,
                    "stop someone speaking in a moderated room",
                    CLUSTER,
                    onLoop(RoomAdmin.setting("-v"))),
            of(
                    "/mode [#room] [modes [args]]",
                    0,
                    "show or set a room's modes as the server (e.g. +m, +k key, +l 50)",
                    CLUSTER_WHEN_SETTING,
                    onLoop(RoomAdmin::mode)),
            of("/accounts", 0, "the registered accounts", NODE, onLoop(AccountAdmin::accounts)),
            of("/drop <account>", 1, "delete an account (its name is free again)", CLUSTER, onLoop(AccountAdmin::drop)),
            of("/resetpass <account>", 1, "print a one-time password for it", NODE, AccountAdmin::resetPassword),
            of(
                    "/certs <account>",
                    1,
                    "the client certificates that log in to it",
                    NODE,
                    onLoop(AccountAdmin::certificates)),
            of(
                    "/unlink <account> <fingerprint>",
                    2,
                    "stop that certificate logging in to it",
                    CLUSTER,
                    onLoop(AccountAdmin::unlink)),
            of(
                    "/allow <account|key:SHA256:...>",
                    1,
                    "its logins (or that ssh key) skip the queue",
                    CLUSTER,
                    onLoop(AccountAdmin::allow)),
            of(
                    "/deny <account|key:SHA256:...> [reason]",
                    1,
                    "refuse its logins (or that ssh key)",
                    CLUSTER,
                    onLoop(AccountAdmin::deny)),
            of("/allowlist", 0, "who is allowed and denied", NODE, onLoop(AccountAdmin::allowList)),
            of(
                    "/purge <#room|nick>",
                    1,
                    "erase a room's history, or everything a person (nick or account) said and was sent privately",
                    NODE,
                    ServerAdmin::purge),
            of(
                    "/redact <#room|nick> <msgid> [reason]",
                    2,
                    "delete a message from a room, or a private one of that person's; those who can are told",
                    NODE,
                    ServerAdmin::redact),
            of("/reload", 0, "read the TLS certificate files again (also SIGHUP)", NODE, ServerAdmin::reload),
            of("/stats", 0, "uptime, users, traffic, disconnects", NODE, onLoop(Reports::stats)),
            of("/detach", 0, "leave this console; the server keeps running", NODE, (line, session) -> line.detaching()),
            of("/shutdown [reason]", 0, "tell everyone and stop the server", NODE, ServerAdmin::shutdown),
            of("/help", 0, "this list", NODE, (line, session) -> help()));

    private static final Map<String, ConsoleCommand> BY_NAME = new HashMap<>();

    static {
        for (ConsoleCommand c : TABLE) {
            for (String name : c.names()) {
                if (BY_NAME.put(name, c) != null)
                    throw new IllegalStateException("two console commands are called " + name);
            }
        }
    }

    private ConsoleCommands() {}

    /** The row of a verb (in lower case), or null. */
    static ConsoleCommand find(String verb) {
        return BY_NAME.get(verb);
    }

    /** Every word a console line may start with, verbs and aliases: what Tab completes. */
    public static List<String> names() {
        return TABLE.stream().flatMap(c -> c.names().stream()).toList();
    }

    /** True for y, n and a: a line piped in before anyone asked waits for a request to answer. */
    public static boolean answersOldest(String line) {
        ConsoleCommand c = find(ConsoleLine.verb(line.strip()));
        return c != null && c.scope().answering("") != null;
    }

    /**
     * y, n or a as the answer to the request the console shows (q; null: none), "/accept bob";
     * any other line as it is.
     */
    static String answering(String line, Question q) {
        ConsoleCommand c = find(ConsoleLine.verb(line.strip()));
        String named = c == null || q == null || line.strip().contains(" ")
                ? null
                : c.scope().answering(q.nick());
        return named == null ? line : named;
    }

    /** What /help answers: a line a command. */
    public static String help() {
        StringJoiner out = new StringJoiner("\n");
        for (ConsoleCommand c : TABLE) out.add(c.helpLine());
        return out.toString();
    }

    /** Every verb, its aliases in parentheses ("y (yes)", "/kick"), for a summary such as {@code chatroom server --help}. */
    public static List<String> verbs() {
        return TABLE.stream()
                .map(c -> c.aliases().isEmpty() ? c.verb() : c.verb() + " (" + String.join(", ", c.aliases()) + ")")
                .toList();
    }
}
