package dev.chatroom.server.commands;

import static dev.chatroom.irc.Numeric.*;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Glob;
import dev.chatroom.server.Room;
import java.util.ArrayList;
import java.util.List;

/**
 * LIST with the filters ELIST=MNU advertises: channel names or masks ({@code #a*}), negated
 * masks ({@code !#b*}), and member counts ({@code >5}, {@code <20}). Secret rooms are listed
 * only to their members.
 */
final class ListCommand {
    private ListCommand() {}

    static List<Command> all() {
        return List.of(Command.registered("LIST", 0, ListCommand::list));
    }

    // LIST [<channel or condition>{,<...>}] [<server>]
    static void list(Context ctx) {
        List<String> masks = new ArrayList<>();
        List<String> negated = new ArrayList<>();
        int more = -1;
        int fewer = Integer.MAX_VALUE;
        if (ctx.param(0) != null) {
            for (String cond : ctx.param(0).split(",")) {
                if (cond.isEmpty()) continue;
                Integer n = count(cond.substring(1));
                if (cond.charAt(0) == '>' && n != null) more = Math.max(more, n);
                else if (cond.charAt(0) == '<' && n != null) fewer = Math.min(fewer, n);
                else if (cond.charAt(0) == '!' && cond.length() > 1) negated.add(Casemapping.fold(cond.substring(1)));
                else masks.add(Casemapping.fold(cond));
            }
        }
        ctx.numeric(RPL_LISTSTART, "Channel", "Users  Name");
        for (Room r : ctx.hub().rooms().all()) {
            if (!r.visibleTo(ctx.client()) || r.size() <= more || r.size() >= fewer) continue;
            String name = Casemapping.fold(r.name());
            if (!masks.isEmpty() && masks.stream().noneMatch(m -> Glob.matches(m, name))) continue;
            if (negated.stream().anyMatch(m -> Glob.matches(m, name))) continue;
            ctx.numeric(RPL_LIST, r.name(), Integer.toString(r.size()), r.topic() == null ? "" : r.topic());
        }
        ctx.numeric(RPL_LISTEND, "End of /LIST");
    }

    private static Integer count(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) return null;
        return Integer.parseInt(s);
    }
}
