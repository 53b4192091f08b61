package dev.chatroom.config;

/** The settings of history, in {@link ConfigKeys}'s order: a class of their own, so neither file grows too long. */
final class HistoryKeys {
    private HistoryKeys() {}

    static void add(String data) {
        ConfigKeys.key(
                "history-replay",
                data,
                "N",
                "Room messages shown to someone joining (0: none).",
                c -> c.historyReplay(),
                (b, v) -> b.historyReplay(Values.integer(v, 0, 1000)));
        ConfigKeys.key(
                "history-days",
                data,
                "DAYS",
                "Days room messages (and private messages of accounts) are kept in chatroom.db; 0 stores nothing.",
                c -> c.historyDays(),
                (b, v) -> b.historyDays(Values.integer(v, 0, 100_000)));
        ConfigKeys.key(
                "history-max-per-room",
                data,
                "N",
                "Most messages kept per room, the oldest removed first; 0: only --history-days limits it.",
                c -> c.historyMaxPerRoom(),
                (b, v) -> b.historyMaxPerRoom(Values.integer(v, 0, Integer.MAX_VALUE)));
        ConfigKeys.key(
                "redact-window",
                data,
                "DURATION",
                "How long people may delete their own messages (REDACT); room operators, IRC operators and the admin always may.",
                c -> c.redactWindow(),
                (b, v) -> b.redactWindow(Values.duration(v)));
    }
}
