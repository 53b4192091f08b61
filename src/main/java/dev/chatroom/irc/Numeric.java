package dev.chatroom.irc;

/** IRC numeric replies by their RFC 2812 / modern.ircdocs.horse names. */
public final class Numeric {
    private Numeric() {}

    public static final String RPL_WELCOME = "001";
    public static final String RPL_YOURHOST = "002";
    public static final String RPL_CREATED = "003";
    public static final String RPL_MYINFO = "004";
    public static final String RPL_ISUPPORT = "005";
    public static final String RPL_UMODEIS = "221";
    public static final String RPL_LUSERCLIENT = "251";
    public static final String RPL_LUSERUNKNOWN = "253";
    public static final String RPL_LUSERCHANNELS = "254";
    public static final String RPL_LUSERME = "255";
    public static final String RPL_AWAY = "301";
    public static final String RPL_USERHOST = "302";
    public static final String RPL_ISON = "303";
    public static final String RPL_UNAWAY = "305";
    public static final String RPL_NOWAWAY = "306";
    public static final String RPL_WHOISUSER = "311";
    public static final String RPL_WHOISSERVER = "312";
    public static final String RPL_ENDOFWHO = "315";
    public static final String RPL_WHOISIDLE = "317";
    public static final String RPL_ENDOFWHOIS = "318";
    public static final String RPL_WHOISCHANNELS = "319";
    public static final String RPL_CHANNELMODEIS = "324";
    public static final String RPL_CREATIONTIME = "329";
    public static final String RPL_NOTOPIC = "331";
    public static final String RPL_TOPIC = "332";
    public static final String RPL_TOPICWHOTIME = "333";
    public static final String RPL_WHOREPLY = "352";
    public static final String RPL_NAMREPLY = "353";
    public static final String RPL_WHOSPCRPL = "354";
    public static final String RPL_ENDOFNAMES = "366";
    public static final String RPL_ENDOFBANLIST = "368";
    public static final String RPL_MOTD = "372";
    public static final String RPL_MOTDSTART = "375";
    public static final String RPL_ENDOFMOTD = "376";

    public static final String ERR_NOSUCHNICK = "401";
    public static final String ERR_NOSUCHCHANNEL = "403";
    public static final String ERR_CANNOTSENDTOCHAN = "404";
    public static final String ERR_TOOMANYCHANNELS = "405";
    public static final String ERR_TOOMANYTARGETS = "407";
    public static final String ERR_INVALIDCAPCMD = "410";
    public static final String ERR_NORECIPIENT = "411";
    public static final String ERR_NOTEXTTOSEND = "412";
    public static final String ERR_INPUTTOOLONG = "417";
    public static final String ERR_UNKNOWNCOMMAND = "421";
    public static final String ERR_NOMOTD = "422";
    public static final String ERR_NONICKNAMEGIVEN = "431";
    public static final String ERR_ERRONEUSNICKNAME = "432";
    public static final String ERR_NICKNAMEINUSE = "433";
    public static final String ERR_NICKTOOFAST = "438";
    public static final String ERR_NOTONCHANNEL = "442";
    public static final String ERR_NOTREGISTERED = "451";
    public static final String ERR_NEEDMOREPARAMS = "461";
    public static final String ERR_ALREADYREGISTERED = "462";
    public static final String ERR_PASSWDMISMATCH = "464";
    public static final String ERR_YOUREBANNEDCREEP = "465";
    public static final String ERR_UNKNOWNMODE = "472";
    public static final String ERR_BADCHANMASK = "476";
    public static final String ERR_CHANOPRIVSNEEDED = "482";
    public static final String ERR_UMODEUNKNOWNFLAG = "501";
    public static final String ERR_USERSDONTMATCH = "502";
}
