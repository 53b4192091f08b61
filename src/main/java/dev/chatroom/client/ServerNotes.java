package dev.chatroom.client;

import dev.chatroom.irc.Message;
import dev.chatroom.irc.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replies that answer the user's own questions (/whois, /rooms, /mode, /invite), mode changes
 * and the numerics the client only shows (the MOTD, errors), put in words. Null for anything it
 * does not describe.
 */
final class ServerNotes {
    private List<String[]> listing = new ArrayList<>();

    /** A numeric the client only shows, as its event (Info, Problem or the room list); null when nothing is shown. */
    ClientEvent numeric(Message m, String me) {
        String code = m.command();
        List<String> p = m.params();
        String last = p.isEmpty() ? "" : p.get(p.size() - 1);
        return switch (code) {
            case Numeric.RPL_MOTD -> new ClientEvent.Info(last.startsWith("- ") ? last.substring(2) : last);
            case Numeric.ERR_NOSUCHNICK -> new ClientEvent.Problem("No such user: " + p.get(1));
            case Numeric.ERR_NOSUCHCHANNEL -> new ClientEvent.Problem("No such room: " + p.get(1));
            case Numeric.ERR_CANNOTSENDTOCHAN -> new ClientEvent.Problem("Cannot send to " + p.get(1) + ": " + last);
            case Numeric.ERR_INPUTTOOLONG -> new ClientEvent.Problem("The server refused a line as too long.");
            case Numeric.RPL_AWAY -> new ClientEvent.Info(p.get(1) + " is away: " + last);
            case Numeric.ERR_NOTREGISTERED -> null; // we only send chat commands after being accepted: nothing to show
            case Numeric.RPL_LISTSTART -> {
                listStarted();
                yield null;
            }
            case Numeric.RPL_LIST -> {
                listed(p);
                yield null;
            }
            case Numeric.RPL_LISTEND -> new ClientEvent.RoomList(listEnded());
            default -> {
                String text = describe(m, me);
                if (text != null) yield new ClientEvent.Info(text);
                yield code.charAt(0) == '4' || code.charAt(0) == '5' ? new ClientEvent.Problem(last) : null;
            }
        };
    }

    private void listStarted() {
        listing = new ArrayList<>();
    }

    private void listed(List<String> p) {
        if (p.size() >= 3) listing.add(new String[] {p.get(1), p.get(2), p.size() > 3 ? p.get(3) : ""});
    }

    private List<String[]> listEnded() {
        List<String[]> out = listing;
        listing = new ArrayList<>();
        return out;
    }

    String describe(Message m, String me) {
        List<String> p = m.params();
        String last = p.isEmpty() ? "" : p.get(p.size() - 1);
        String who = m.sourceNick() == null ? "The admin" : m.sourceNick();
        if (m.prefix() != null && !m.prefix().contains("!")) who = "The admin";
        return switch (m.command()) {
            case "MODE" ->
                p.size() >= 2 && p.get(0).startsWith("#")
                        ? who + " sets " + String.join(" ", p.subList(1, p.size())) + " in " + p.get(0) + "."
                        : null;
            case "INVITE" ->
                p.size() >= 2 ? who + " invites you to " + p.get(1) + ". Type /join " + p.get(1) + " to go in." : null;
            case Numeric.RPL_WHOISUSER ->
                p.size() >= 6 ? p.get(1) + " is " + p.get(2) + "@" + p.get(3) + " (" + last + ")" : null;
            case Numeric.RPL_WHOISCHANNELS -> p.size() >= 3 ? p.get(1) + " is in " + last.strip() : null;
            case Numeric.RPL_WHOISIDLE -> p.size() >= 4 ? p.get(1) + " has been idle " + p.get(2) + " s" : null;
            case Numeric.RPL_AWAY -> p.size() >= 3 ? p.get(1) + " is away: " + last : null;
            case Numeric.RPL_UNAWAY -> "You are back.";
            case Numeric.RPL_NOWAWAY -> "You are marked as away.";
            case Numeric.RPL_INVITING -> p.size() >= 3 ? "Invited " + p.get(1) + " to " + p.get(2) + "." : null;
            case Numeric.RPL_CHANNELMODEIS ->
                p.size() >= 3 ? "Modes of " + p.get(1) + ": " + String.join(" ", p.subList(2, p.size())) : null;
            case Numeric.RPL_NOTOPIC -> p.size() >= 2 ? "No topic is set in " + p.get(1) + "." : null;
            case Numeric.ERR_CHANOPRIVSNEEDED -> p.size() >= 2 ? "You are not an operator of " + p.get(1) + "." : null;
            case Numeric.ERR_NOTONCHANNEL -> p.size() >= 2 ? "You are not in " + p.get(1) + "." : null;
            case Numeric.ERR_USERNOTINCHANNEL -> p.size() >= 3 ? p.get(1) + " is not in " + p.get(2) + "." : null;
            case Numeric.ERR_BANNEDFROMCHAN,
                    Numeric.ERR_INVITEONLYCHAN,
                    Numeric.ERR_BADCHANNELKEY,
                    Numeric.ERR_CHANNELISFULL ->
                p.size() >= 2 ? "Cannot join " + p.get(1) + ": " + reason(m.command()) : null;
            default -> null;
        };
    }

    /** 432, 433 or 431: during registration another name may be tried; once in, it is a problem. */
    static ClientEvent nameRefused(String code, List<String> p, String nick, boolean accepted) {
        String name = p.size() > 2 ? p.get(1) : nick;
        String last = p.isEmpty() ? "" : p.get(p.size() - 1);
        boolean registered = code.equals(Numeric.ERR_NICKNAMEINUSE) && last.contains("registered");
        String reason = registered
                ? "is registered to an account"
                : code.equals(Numeric.ERR_NICKNAMEINUSE) ? "is already taken" : "is not allowed";
        if (!accepted) return new ClientEvent.NameRefused(name, reason, registered);
        return new ClientEvent.Problem("The name " + name + " " + reason + ".");
    }

    private static String reason(String numeric) {
        return switch (numeric) {
            case Numeric.ERR_BANNEDFROMCHAN -> "you are banned from it.";
            case Numeric.ERR_INVITEONLYCHAN -> "it is invite only.";
            case Numeric.ERR_BADCHANNELKEY -> "it needs the right key (/join #room key).";
            default -> "it is full.";
        };
    }

    /** IRCv3 standard replies: the server's state as a code, which this client acts on; the text is for people. Returns how the connection will end, if it says. */
    ClientEvent.Ending standardReply(Message m, Consumer<ClientEvent> listener) {
        String code = m.param(1);
        if (code == null) return null;
        switch (code) {
            case "APPROVAL_PENDING" -> listener.accept(new ClientEvent.Waiting());
            case "APPROVAL_REJECTED", "APPROVAL_EXPIRED", "APPROVAL_QUEUE_FULL" -> {
                return ClientEvent.Ending.REJECTED;
            }
            // the account logged in elsewhere: coming back would take it from there again, and back and forth
            case "NICK_TAKEN_OVER" -> {
                return ClientEvent.Ending.KICKED;
            }
            case "NEED_CURRENT_PASSWORD" ->
                listener.accept(
                        new ClientEvent.Problem("Your current password is needed too: /passwd alone asks for it."));
            default -> {
                String text = m.param(m.params().size() - 1);
                if (m.command().equals("NOTE")) listener.accept(new ClientEvent.Info(text));
                else listener.accept(new ClientEvent.Problem(text));
            }
        }
        return null;
    }
}
