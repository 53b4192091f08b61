package dev.chatroom.server;

import dev.chatroom.irc.Glob;
import dev.chatroom.store.RoomBan;
import dev.chatroom.store.ServerBan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A room's modes ({@link ChannelMode}): its flags, its settings with their values (the key, the
 * member limit) and the ban list. Who may change them, and how a MODE line becomes changes, is
 * the mode command's business; this only holds them and answers questions about them.
 */
public final class RoomModes {
    public static final int KEY_MAX = 32;
    public static final int BANS_MAX = 100;

    private final EnumSet<ChannelMode> flags = EnumSet.noneOf(ChannelMode.class);
    private final EnumMap<ChannelMode, String> settings = new EnumMap<>(ChannelMode.class);
    private final List<RoomBan> bans = new ArrayList<>(0);

    /** What a room starts with: {@code +nt}, as most servers do. */
    static RoomModes standard() {
        RoomModes m = new RoomModes();
        m.set(ChannelMode.NO_EXTERNAL_MESSAGES, true);
        m.set(ChannelMode.TOPIC_LOCK, true);
        return m;
    }

    public boolean has(ChannelMode flag) {
        return flags.contains(flag);
    }

    /** Sets or clears a flag; false when nothing changed. */
    public boolean set(ChannelMode flag, boolean on) {
        if (flag.kind() != ChannelMode.Kind.FLAG) throw new IllegalArgumentException(flag + " is not a flag");
        return on ? flags.add(flag) : flags.remove(flag);
    }

    /** The flags that are set, as their letters in alphabetical order ("nt"): how a saved room keeps them. */
    public String flagLetters() {
        StringBuilder letters = new StringBuilder();
        for (char c : ChannelMode.LETTERS.toCharArray()) if (flags.contains(ChannelMode.of(c))) letters.append(c);
        return letters.toString();
    }

    /** Sets exactly the flags whose letters are given (null: none); other letters are ignored. */
    public void flagLetters(String letters) {
        flags.clear();
        if (letters == null) return;
        for (char c : letters.toCharArray()) {
            ChannelMode m = ChannelMode.of(c);
            if (m != null && m.kind() == ChannelMode.Kind.FLAG) flags.add(m);
        }
    }

    /** A setting's value (as {@link ChannelMode#settingValue} made it); null while it is not set. */
    public String setting(ChannelMode mode) {
        return settings.get(mode);
    }

    /** Sets a setting, or with null unsets it; false when nothing changed. */
    public boolean setting(ChannelMode mode, String value) {
        if (mode.kind() != ChannelMode.Kind.SETTING && mode.kind() != ChannelMode.Kind.SETTING_SET_ONLY) {
            throw new IllegalArgumentException(mode + " is not a setting");
        }
        String was = value == null ? settings.remove(mode) : settings.put(mode, value);
        return !Objects.equals(was, value);
    }

    public String key() {
        return settings.get(ChannelMode.KEY);
    }

    /** 0: no limit. */
    public int limit() {
        String l = settings.get(ChannelMode.LIMIT);
        return l == null ? 0 : Integer.parseInt(l);
    }

    public List<RoomBan> bans() {
        return Collections.unmodifiableList(bans);
    }

    /** Adds a normalized mask; false when it was already there or the list is full (see {@link #bansFull()}). */
    public boolean ban(String mask, String setBy, long nowSeconds) {
        if (banIndex(mask) >= 0 || bansFull()) return false;
        bans.add(new RoomBan(mask, setBy, nowSeconds));
        return true;
    }

    public boolean bansFull() {
        return bans.size() >= BANS_MAX;
    }

    public boolean unban(String mask) {
        int i = banIndex(mask);
        if (i < 0) return false;
        bans.remove(i);
        return true;
    }

    private int banIndex(String mask) {
        for (int i = 0; i < bans.size(); i++) if (bans.get(i).mask().equalsIgnoreCase(mask)) return i;
        return -1;
    }

    /**
     * Whether c matches a ban of the room, by the nick!user@host others see: its cloak, never its
     * address, so a room operator cannot find out who is at an address by banning it.
     */
    public boolean banned(Connection c) {
        if (bans.isEmpty()) return false;
        String who = (c.nick() + "!" + c.ident() + "@" + c.shownHost()).toLowerCase(Locale.ROOT);
        for (RoomBan b : bans) if (Glob.matches(b.mask().toLowerCase(Locale.ROOT), who)) return true;
        return false;
    }

    /**
     * A ban mask in full nick!user@host form, as the server's own bans write it: {@code bob}
     * becomes {@code bob!*@*}, {@code 10.0.0.*} becomes {@code *!*@10.0.0.*}, {@code u@h} becomes
     * {@code *!u@h}. Null when it cannot be a mask (or would not fit a MODE line).
     */
    public static String normalizeMask(String m) {
        if (m == null || m.isEmpty() || m.charAt(0) == ':' || m.length() > 200 || m.indexOf(',') >= 0) return null;
        String full = BanList.fullMask(m);
        return ServerBan.validMask(full) ? full : null;
    }

    /**
     * The modes as 324 shows them: "+nt", the flags then the settings, and the settings' values
     * as parameters. A key is shown only to members (others see that there is one, not what it is).
     */
    public List<String> describe(boolean showKey) {
        StringBuilder letters = new StringBuilder("+").append(flagLetters());
        List<String> values = new ArrayList<>(settings.size());
        for (var s : settings.entrySet()) {
            letters.append(s.getKey().letter());
            values.add(s.getKey() == ChannelMode.KEY && !showKey ? "*" : s.getValue());
        }
        List<String> params = new ArrayList<>(values.size() + 1);
        params.add(letters.toString());
        params.addAll(values);
        return params;
    }
}
