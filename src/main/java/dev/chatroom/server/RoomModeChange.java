package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.store.RoomBan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One MODE line applied to a room: each letter in turn, with its parameter, checked and applied;
 * what changed is announced once to the room as one MODE line, what could not be done is
 * complained about (to a client as numerics, to the admin console as text). The setter is a
 * member (who must be a channel operator), an IRC operator, or, when null, the server itself (the admin).
 */
public final class RoomModeChange {
    /** Changes with a parameter one MODE line may make (ISUPPORT MODES). */
    public static final int MAX_PARAM_MODES = 4;

    /** Where complaints go: the numeric and its parameters after the recipient's nick. */
    public interface Complaints {
        void numeric(String numeric, String... params);

        /** A numeric whose last parameter is a word, not text (367). */
        default void words(String numeric, String... params) {
            numeric(numeric, params);
        }
    }

    private final Room room;
    private final Connection setter;
    private final Function<String, Connection> findNick;
    private final Complaints complaints;
    private final long nowSeconds;
    private final StringBuilder letters = new StringBuilder();
    private final List<String> args = new ArrayList<>();
    private char sign;
    private boolean deniedOnce;
    private boolean listedBans;

    public RoomModeChange(
            Room room,
            Connection setter,
            Function<String, Connection> findNick,
            Complaints complaints,
            long nowMillis) {
        this.room = room;
        this.setter = setter;
        this.findNick = findNick;
        this.complaints = complaints;
        this.nowSeconds = nowMillis / 1000;
    }

    /**
     * Applies modestring with its parameters; returns the change as MODE parameters
     * ("+o-v", "bob", "carol"), empty when nothing changed. The caller announces it.
     */
    public List<String> apply(String modestring, List<String> params) {
        boolean adding = true;
        int next = 0;
        int withParam = 0;
        for (char ch : modestring.toCharArray()) {
            if (ch == '+' || ch == '-') {
                adding = ch == '+';
                continue;
            }
            ChannelMode mode = ChannelMode.of(ch);
            if (mode == null) {
                complaints.numeric(ERR_UNKNOWNMODE, String.valueOf(ch), "is unknown mode char to me");
                continue;
            }
            String arg = null;
            if (mode.takesParameter(adding) && next < params.size()) arg = params.get(next++);
            if (arg != null && ++withParam > MAX_PARAM_MODES) continue;
            switch (mode.kind()) {
                case LIST -> ban(adding, arg); // the ban list is a room's only list
                case SETTING, SETTING_SET_ONLY -> setting(mode, adding, arg);
                case STATUS -> status(mode, adding, arg);
                case FLAG -> {
                    if (allowed() && room.modes().set(mode, adding)) applied(adding, mode, null);
                }
            }
        }
        if (letters.length() == 0) return List.of();
        List<String> out = new ArrayList<>(args.size() + 1);
        out.add(letters.toString());
        out.addAll(args);
        return out;
    }

    private boolean allowed() {
        if (setter == null || room.isOperator(setter) || setter.has(UserMode.OPERATOR)) return true;
        if (!deniedOnce) complaints.numeric(ERR_CHANOPRIVSNEEDED, room.name(), "You're not channel operator");
        deniedOnce = true;
        return false;
    }

    private void applied(boolean adding, ChannelMode mode, String arg) {
        char s = adding ? '+' : '-';
        if (s != sign) letters.append(s);
        sign = s;
        letters.append(mode.letter());
        if (arg != null) args.add(arg);
    }

    private void missing(ChannelMode mode) {
        complaints.numeric(ERR_NEEDMOREPARAMS, "MODE", "Not enough parameters (" + mode.letter() + " needs one)");
    }

    private void ban(boolean adding, String arg) {
        if (arg == null) {
            if (adding && !listedBans) listBans();
            listedBans = true;
            return;
        }
        if (!allowed()) return;
        String mask = RoomModes.normalizeMask(arg);
        if (mask == null) {
            complaints.numeric(
                    ERR_INVALIDMODEPARAM,
                    room.name(),
                    String.valueOf(ChannelMode.BAN.letter()),
                    arg,
                    "Invalid ban mask");
        } else if (adding) {
            if (room.modes().bansFull())
                complaints.numeric(ERR_BANLISTFULL, room.name(), mask, "Channel ban list is full");
            else if (room.modes().ban(mask, setter == null ? "admin" : setter.prefix(), nowSeconds))
                applied(true, ChannelMode.BAN, mask);
        } else if (room.modes().unban(mask)) {
            applied(false, ChannelMode.BAN, mask);
        }
    }

    /** 367 for each ban, then 368: anyone who can see the room may ask. */
    private void listBans() {
        for (RoomBan b : room.modes().bans()) {
            complaints.words(RPL_BANLIST, room.name(), b.mask(), b.setBy(), Long.toString(b.setAtSeconds()));
        }
        complaints.numeric(RPL_ENDOFBANLIST, room.name(), "End of channel ban list");
    }

    /**
     * A setting (+k, +l): set to the parameter as the table checks it, or unset. Unsetting one
     * that takes a parameter both ways shows "*" for it, as other servers do.
     */
    private void setting(ChannelMode mode, boolean adding, String arg) {
        if (adding && arg == null) {
            missing(mode);
            return;
        }
        if (!allowed()) return;
        if (!adding) {
            if (room.modes().setting(mode, null)) applied(false, mode, mode.takesParameter(false) ? "*" : null);
            return;
        }
        String value = mode.settingValue(arg);
        if (value == null) {
            // the value itself is not echoed: it may hold spaces or be hundreds of bytes long
            if (mode.invalidSetting() != null) {
                complaints.numeric(
                        ERR_INVALIDMODEPARAM, room.name(), String.valueOf(mode.letter()), "*", mode.invalidSetting());
            }
        } else if (room.modes().setting(mode, value)) {
            applied(true, mode, value);
        }
    }

    private void status(ChannelMode status, boolean adding, String nick) {
        if (nick == null) {
            missing(status);
            return;
        }
        if (!allowed()) return;
        Connection target = findNick.apply(nick);
        if (target == null) complaints.numeric(ERR_NOSUCHNICK, nick, "No such nick/channel");
        else if (!room.contains(target))
            complaints.numeric(ERR_USERNOTINCHANNEL, target.nick(), room.name(), "They aren't on that channel");
        else if (room.status(target, status, adding)) applied(adding, status, target.nick());
    }
}
