package dev.chatroom.server;

import dev.chatroom.store.ServerBan;

import dev.chatroom.store.RoomBan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A room's settings: the flags {@code imnst}, a key ({@code +k}), a member limit ({@code +l})
 * and the ban list ({@code +b}). Who may change them, and how a MODE line becomes changes, is
 * the mode command's business; this only holds them and answers questions about them.
 */
public final class RoomModes {
    /** The modes without a parameter, in the order 324 lists them. */
    public static final String FLAGS = "imnst";
    /** ISUPPORT CHANMODES: lists, always-parameter, set-only parameter, flags. */
    public static final String CHANMODES = "b,k,l," + FLAGS;
    public static final int KEY_MAX = 32;
    public static final int BANS_MAX = 100;


    private int flags;
    private String key;
    private int limit;
    private final List<RoomBan> bans = new ArrayList<>(0);

    /** What a room starts with: {@code +nt}, as most servers do. */
    static RoomModes standard() {
        RoomModes m = new RoomModes();
        m.set('n', true);
        m.set('t', true);
        return m;
    }

    public static boolean isFlag(char mode) {
        return FLAGS.indexOf(mode) >= 0;
    }

    public boolean has(char flag) {
        int i = FLAGS.indexOf(flag);
        return i >= 0 && (flags & (1 << i)) != 0;
    }

    /** Sets or clears a flag; false when nothing changed. */
    public boolean set(char flag, boolean on) {
        int bit = 1 << FLAGS.indexOf(flag);
        boolean was = (flags & bit) != 0;
        flags = on ? flags | bit : flags & ~bit;
        return was != on;
    }

    public String key() {
        return key;
    }

    public void key(String k) {
        key = k;
    }

    /** 0: no limit. */
    public int limit() {
        return limit;
    }

    public void limit(int l) {
        limit = l;
    }

    /**
     * A key as it may be set: 1-32 characters, none of them a space, comma, colon or control
     * character (it travels as a JOIN parameter). Null when it cannot be a key.
     */
    public static String validKey(String k) {
        if (k == null || k.isEmpty() || k.length() > KEY_MAX || k.charAt(0) == ':') return null;
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c <= ' ' || c == ',' || c == 0x7f) return null;
        }
        return k;
    }

    /** A +l value: a whole number from 1; null when invalid (the change is then ignored). */
    public static Integer validLimit(String v) {
        if (v == null || v.isEmpty() || v.length() > 9) return null;
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return null;
        int n = Integer.parseInt(v);
        return n > 0 ? n : null;
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

    /** Whether nick!ident@host matches a ban (case-insensitively). */
    public boolean banned(String nick, String ident, String host) {
        if (bans.isEmpty()) return false;
        String who = (nick + "!" + ident + "@" + host).toLowerCase(java.util.Locale.ROOT);
        for (RoomBan b : bans) if (Glob.matches(b.mask().toLowerCase(java.util.Locale.ROOT), who)) return true;
        return false;
    }

    /**
     * A ban mask in full nick!user@host form, as the server's own bans write it: {@code bob}
     * becomes {@code bob!*@*}, {@code 10.0.0.*} becomes {@code *!*@10.0.0.*}, {@code u@h} becomes
     * {@code *!u@h}. Null when it cannot be a mask (or would not fit a MODE line).
     */
    public static String normalizeMask(String m) {
        if (m == null || m.isEmpty() || m.charAt(0) == ':' || m.length() > 200 || m.indexOf(',') >= 0) return null;
        String full = BanList.normalize(m);
        return ServerBan.validMask(full) ? full : null;
    }

    /**
     * The modes as 324 shows them: "+nt", then the key and the limit as parameters. The key is
     * shown only to members (others see that there is one, not what it is).
     */
    public List<String> describe(boolean showKey) {
        StringBuilder letters = new StringBuilder("+");
        for (char f : FLAGS.toCharArray()) if (has(f)) letters.append(f);
        List<String> params = new ArrayList<>(3);
        if (key != null) letters.append('k');
        if (limit > 0) letters.append('l');
        params.add(letters.toString());
        if (key != null) params.add(showKey ? key : "*");
        if (limit > 0) params.add(Integer.toString(limit));
        return params;
    }
}
