package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.config.Version;
import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.server.commands.HistoryCommands;
import dev.chatroom.server.output.Replies;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an accepted client is told first: 001-005 with ISUPPORT, then the message of the day. */
public final class Welcome {
    private final String serverName;
    private final String version = "chatroom-" + Version.get();
    private final String createdAt;
    private final List<String> motd;

    Welcome(String serverName, long startedMillis, List<String> motd) {
        this.serverName = serverName;
        this.createdAt = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochMilli(startedMillis).atZone(ZoneOffset.UTC));
        this.motd = motd;
    }

    void send(Connection c, Replies r) {
        r.numeric(RPL_WELCOME, "Welcome to the " + serverName + " IRC Network, " + c.prefix());
        r.numeric(RPL_YOURHOST, "Your host is " + serverName + ", running version " + version);
        r.numeric(RPL_CREATED, "This server was created " + createdAt);
        r.numericWords(
                RPL_MYINFO,
                serverName,
                version,
                UserMode.LETTERS,
                ChannelMode.LETTERS,
                ChannelMode.LETTERS_WITH_PARAMETER);
        sendIsupport(r);
        sendMotd(r);
    }

    /** The 005 lines, as after registration (VERSION repeats them): at most 13 tokens each, as clients expect them. */
    public void sendIsupport(Replies r) {
        List<String> tokens = isupport();
        for (int from = 0; from < tokens.size(); from += 13) {
            List<String> params = new ArrayList<>();
            params.add(r.to().nickOrStar());
            params.addAll(tokens.subList(from, Math.min(tokens.size(), from + 13)));
            params.add("are supported by this server");
            r.add(Message.create(Map.of(), serverName, RPL_ISUPPORT, params, true));
        }
    }

    /** chatroom-VERSION, as 002 and 351 show it. */
    public String version() {
        return version;
    }

    /** When the server started, as 003 says it. */
    public String createdAt() {
        return createdAt;
    }

    List<String> isupport() {
        return List.of(
                "AWAYLEN=" + Names.AWAY_MAX,
                "BOT=" + UserMode.BOT.letter(),
                "CASEMAPPING=" + Casemapping.NAME,
                "CHANLIMIT=#:" + Names.ROOMS_PER_CLIENT,
                "CHANMODES=" + ChannelMode.CHANMODES,
                "CHANNELLEN=" + Names.CHANNEL_MAX,
                "CHATHISTORY=" + HistoryCommands.MAX_LIMIT,
                "CHANTYPES=#",
                "ELIST=MNU",
                "KEYLEN=" + RoomModes.KEY_MAX,
                "KICKLEN=" + Names.KICK_MAX,
                "MAXLIST=" + ChannelMode.BAN.letter() + ":" + RoomModes.BANS_MAX,
                "MAXTARGETS=" + Names.MAX_TARGETS,
                "MODES=" + RoomModeChange.MAX_PARAM_MODES,
                "MONITOR=" + Monitors.LIMIT,
                "MSGREFTYPES=msgid,timestamp",
                "NETWORK=" + serverName,
                "NICKLEN=" + Names.NICK_MAX,
                "PREFIX=" + ChannelMode.PREFIX,
                "TOPICLEN=" + Names.TOPIC_MAX,
                "USERLEN=" + Names.USER_MAX,
                "UTF8ONLY",
                "WHOX");
    }

    /** 375, 372s and 376 (or 422). */
    public void sendMotd(Replies r) {
        if (motd.isEmpty()) {
            r.numeric(ERR_NOMOTD, "MOTD File is missing");
            return;
        }
        r.numeric(RPL_MOTDSTART, "- " + serverName + " Message of the day - ");
        for (String line : motd) r.numeric(RPL_MOTD, "- " + line);
        r.numeric(RPL_ENDOFMOTD, "End of /MOTD command.");
    }
}
