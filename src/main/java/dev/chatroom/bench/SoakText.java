package dev.chatroom.bench;

/**
 * The numbers at the start of a soak message's text, as {@link Payload#line} writes them: {@code
 * "<sender> <seq> <sendNanos> xxx..."}. The soak's rates are low, so it reads them from the parsed
 * line's text rather than in place.
 */
record SoakText(int sender, long seq, long sendNanos) {
    /** The numbers, or null when text is not a bench message. */
    static SoakText parse(String text) {
        if (text == null) return null;
        String[] f = text.split(" ", 4);
        if (f.length < 3) return null;
        try {
            return new SoakText(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
