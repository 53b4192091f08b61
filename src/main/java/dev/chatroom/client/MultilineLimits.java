package dev.chatroom.client;

/**
 * What the server lets one multiline message (IRCv3 draft/multiline) hold, from its CAP value
 * "max-bytes=4096,max-lines=100": the text's bytes (a line break counts one) and its lines.
 */
record MultilineLimits(int maxBytes, int maxLines) {
    static final String CAP = "draft/multiline";

    /** The limits when the server granted draft/multiline and batch, else null (messages go line by line). */
    static MultilineLimits of(CapNegotiation caps) {
        if (!caps.has(CAP) || !caps.has("batch")) return null;
        return parse(caps.value(CAP));
    }

    /** Keys we do not know are ignored, as the spec asks; without max-bytes (required) there is nothing to go by. */
    static MultilineLimits parse(String value) {
        if (value == null) return null;
        int bytes = 0;
        int lines = Integer.MAX_VALUE;
        for (String token : value.split(",")) {
            String[] kv = token.split("=", 2);
            if (kv.length < 2) continue;
            try {
                if (kv[0].equals("max-bytes")) bytes = Integer.parseInt(kv[1]);
                else if (kv[0].equals("max-lines")) lines = Integer.parseInt(kv[1]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return bytes > 0 && lines > 0 ? new MultilineLimits(bytes, lines) : null;
    }
}
