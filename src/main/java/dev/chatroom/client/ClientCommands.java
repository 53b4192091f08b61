package dev.chatroom.client;

import static dev.chatroom.client.ClientCommand.of;
import static dev.chatroom.client.Input.after;
import static dev.chatroom.client.Input.word;

import dev.chatroom.irc.Colors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** The client's slash commands, one row a command, in the order /help lists them. A new command is a row here. */
public final class ClientCommands {
    static final List<ClientCommand> TABLE = List.of(
            of("/private <user> <message>", 2, "to one person only; /color or /me may follow <user>", Input::privately)
                    .alias("/msg"),
            of("/color <color> <message>", 2, "a message in color", rest -> Input.colored(null, rest)),
            of("/me <action>", 1, "an action: * you wave", rest -> new Action.Send(null, rest, true)),
            of("/users", 0, "who is in the room", rest -> new Action.Users()),
            of("/join #room [key]", 1, "join (or create) a room and switch to it", Input::join),
            of(
                    "/part [#room] [reason]",
                    0,
                    "leave a room (default: the one on screen)",
                    rest -> rest.startsWith("#")
                            ? new Action.Part(word(rest, 0), after(rest))
                            : new Action.Part(null, rest.isEmpty() ? null : rest)),
            of("/rooms", 0, "every room on the server", rest -> new Action.Rooms())
                    .alias("/list"),
            of(
                    "/switch #room",
                    1,
                    "change the room on screen (also Alt-1..9, Ctrl-N, Ctrl-P; the status line numbers them)",
                    rest -> new Action.Switch(word(rest, 0))),
            of(
                    "/topic [text]",
                    0,
                    "show or set the room's topic",
                    rest -> new Action.Server(rest.isEmpty() ? "TOPIC {room}" : "TOPIC {room} :" + rest)),
            of(
                    "/invite <user>",
                    1,
                    "invite someone to the room (channel operators)",
                    rest -> new Action.Server("INVITE " + word(rest, 0) + " {room}")),
            of(
                    "/kick <user> [reason]",
                    1,
                    "remove someone from the room (channel operators)",
                    rest -> new Action.Server(
                            "KICK {room} " + word(rest, 0) + (after(rest) == null ? "" : " :" + after(rest)))),
            of(
                    "/mode [#room] [modes [args]]",
                    0,
                    "show or set a room's modes (+m, +k key, ...)",
                    rest -> new Action.Server(
                            rest.isEmpty()
                                    ? "MODE {room}"
                                    : rest.startsWith("#") ? "MODE " + rest : "MODE {room} " + rest)),
            of("/op <user>", 1, "give someone @ in the room (channel operators)", rest -> status("+o", rest)),
            of("/deop <user>", 1, "take someone's @ away (channel operators)", rest -> status("-o", rest)),
            of(
                    "/voice <user>",
                    1,
                    "give someone +, to speak in a moderated room (channel operators)",
                    rest -> status("+v", rest)),
            of("/devoice <user>", 1, "take someone's + away (channel operators)", rest -> status("-v", rest)),
            of("/nick <name>", 1, "change your name", rest -> new Action.Server("NICK " + word(rest, 0))),
            of(
                    "/away [text]",
                    0,
                    "say you are away (alone: back)",
                    rest -> new Action.Server(rest.isEmpty() ? "AWAY" : "AWAY :" + rest)),
            of("/whois <user>", 1, "who someone is", rest -> new Action.Server("WHOIS " + word(rest, 0))),
            of(
                    "/notify [add|del|list] [user]",
                    0,
                    "be told when someone comes online or leaves (alone: the list)",
                    Input::notify),
            of("/history [#room|user] [n]", 0, "n earlier messages (default 50, at most 1000)", Input::history),
            of("/delete [#room|user] [n]", 0, "delete the last (or n-th last) message you sent there", Input::delete),
            of(
                    "/react [[n] <emoji>]",
                    0,
                    "react to the last (or n-th last) message on screen (alone: numbers the last few)",
                    Input::react),
            of(
                    "/reply [[n] <message>]",
                    0,
                    "answer the last (or n-th last) message on screen (alone: numbers the last few)",
                    Input::reply),
            of("/search <words>", 1, "messages of your rooms and conversations with all the words", Action.Search::new),
            of(
                    "/notify-level [all|mentions|none]",
                    0,
                    "which messages ring the bell when the terminal is not focused (alone: says)",
                    Action.NotifyLevel::new),
            of(
                    "/mute-room [#room]",
                    0,
                    "no notifications from a room (default: the one on screen); kept",
                    rest -> new Action.Mute(rest.isEmpty() ? null : word(rest, 0), true)),
            of(
                    "/unmute-room [#room]",
                    0,
                    "notifications from a room again",
                    rest -> new Action.Mute(rest.isEmpty() ? null : word(rest, 0), false)),
            of(
                    "/ignore [user]",
                    0,
                    "hide someone's messages, private ones too; kept (alone: who is ignored)",
                    rest -> new Action.Ignore(rest.isEmpty() ? null : word(rest, 0), true)),
            of("/unignore <user>", 1, "show someone's messages again", rest -> new Action.Ignore(word(rest, 0), false)),
            // alone, they ask for the password without showing it
            of(
                    "/register [password]",
                    0,
                    "your name as an account (alone: asked unseen; logged-in names show a \u2713)",
                    rest -> new Action.Server("REGISTER * * :" + (rest.isEmpty() ? Input.ASK_PASSWORD : rest))),
            of(
                    "/passwd [current new]",
                    0,
                    "your account's new password (alone: asks for the current and the new one, unseen)",
                    Input::passwd),
            of(
                    "/set [always-on on|off]",
                    0,
                    "your account's settings on the server (alone: shows them); always-on: stay in your rooms with no device connected",
                    rest -> new Action.Server(rest.isEmpty() ? "ACCOUNTSET" : "ACCOUNTSET " + rest)),
            of("/leave [reason]", 0, "leave the chat", rest -> new Action.Leave(rest.isEmpty() ? null : rest))
                    .alias("/quit"),
            of("/help", 0, "this list", rest -> new Action.Help()));

    /** What /help prints. */
    public static final String HELP = help();

    private static final Map<String, ClientCommand> BY_NAME = new HashMap<>();

    static {
        for (ClientCommand c : TABLE) {
            for (String name : c.names()) {
                if (BY_NAME.put(name, c) != null) throw new IllegalStateException("two commands are called " + name);
            }
        }
    }

    private ClientCommands() {}

    /** The row of a command (in lower case), or null. */
    static ClientCommand find(String name) {
        return BY_NAME.get(name);
    }

    /** Every name and alias, for tab completion. */
    public static List<String> names() {
        return TABLE.stream().flatMap(c -> c.names().stream()).toList();
    }

    /** Every command, its aliases in parentheses ("/leave (/quit)"), for a summary such as {@code chatroom join --help}. */
    public static List<String> summary() {
        return TABLE.stream()
                .map(c -> c.aliases().isEmpty() ? c.name() : c.name() + " (" + String.join(", ", c.aliases()) + ")")
                .toList();
    }

    private static String help() {
        StringJoiner out = new StringJoiner("\n");
        out.add("Everything you type goes to the room you are in. Commands:");
        for (ClientCommand c : TABLE) out.add(c.helpLine());
        out.add(ClientCommand.helpLine("//text", "send text that starts with /"));
        out.add("Colors: " + String.join(", ", Colors.names()) + " (and megenta, purple, gray, ...)");
        return out.toString();
    }

    private static Action status(String letters, String rest) {
        return new Action.Server("MODE {room} " + letters + " " + word(rest, 0));
    }
}
