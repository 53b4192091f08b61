package dev.chatroom.server;

import static dev.chatroom.irc.Numeric.ERR_NOOPERHOST;
import static dev.chatroom.irc.Numeric.ERR_PASSWDMISMATCH;
import static dev.chatroom.irc.Numeric.RPL_YOUREOPER;

import dev.chatroom.irc.Casemapping;
import dev.chatroom.irc.Message;
import dev.chatroom.irc.Names;
import dev.chatroom.log.Event;
import dev.chatroom.server.accounts.PasswordHash;
import dev.chatroom.server.output.Replies;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OPER: becoming an IRC operator with a name and password from the {@code opers} setting. The
 * password is checked as a login's is ({@link PasswordRequests}): hashed off the loop in its
 * address's turn, a failure counted per (name, address) and answered only after a delay that
 * grows with each, and logged. The counts are kept apart from the accounts' (an operator may
 * share an account's name). A success is user mode +o, told to the other nodes of a cluster.
 */
public final class OperLogin {
    /** How failures are logged: "Failed OPER as alice from 127.0.0.1 (...)". */
    private static final String ATTEMPT = "OPER as";

    private final Hub hub;
    private final PasswordRequests requests;
    private final PasswordHash hasher;
    /** By folded name: the name as configured, and its hash. */
    private final Map<String, Map.Entry<String, String>> opers = new HashMap<>();

    OperLogin(Hub hub, Map<String, String> opers, PasswordRequests requests, PasswordHash hasher) {
        this.hub = hub;
        this.requests = requests;
        this.hasher = hasher;
        opers.forEach((name, hash) -> this.opers.put(Casemapping.fold(name), Map.entry(name, hash)));
    }

    // OPER <name> <password>
    public void oper(Connection c, String given, String password) {
        String name =
                Names.isValidNick(given) ? given : "?"; // every name configured is one: nothing else reaches the log
        String key = "oper " + Casemapping.fold(name); // a space: no account's key looks like it
        requests.hold(c);
        if (!c.confidential()) {
            int port = hub.gate().tlsPort();
            String why = "send OPER over TLS" + (port > 0 ? " (port " + port + ")" : "")
                    + ": this connection is not encrypted";
            requests.refused(c, name, ATTEMPT, why, refused(why));
            return;
        }
        String refusal = requests.refusal(c, key);
        if (refusal != null) {
            requests.refused(c, name, ATTEMPT, refusal, refused(refusal));
            return;
        }
        Map.Entry<String, String> oper = opers.get(Casemapping.fold(name));
        if (oper == null) {
            requests.failed(c, name, key, ATTEMPT, rr -> rr.numeric(ERR_NOOPERHOST, "No such operator"));
            return;
        }
        requests.hash(
                c,
                () -> hasher.matches(password, oper.getValue()),
                ok -> {
                    if (ok) {
                        requests.succeeded(c, key);
                        requests.answer(c, rr -> opered(c, oper.getKey(), rr));
                    } else {
                        requests.failed(
                                c, name, key, ATTEMPT, rr -> rr.numeric(ERR_PASSWDMISMATCH, "Password incorrect"));
                    }
                },
                () -> requests.answer(c, refused("the server is busy; try again in a moment")));
    }

    private static Consumer<Replies> refused(String why) {
        return rr -> rr.numeric(ERR_PASSWDMISMATCH, "OPER refused: " + why);
    }

    /** 381 and MODE +o, then the requests already waiting; the admin is told, and the other nodes. */
    private void opered(Connection c, String name, Replies r) {
        r.numeric(RPL_YOUREOPER, "You are now an IRC operator");
        if (!c.mode(UserMode.OPERATOR, true)) return;
        r.add(Message.trailing(c.nick(), "MODE", c.nick(), "+o"));
        hub.operatorNotices().waiting(r);
        hub.replication().opered(c);
        hub.events()
                .event(Gate.person(
                                Event.info(
                                        "opered",
                                        c.nick() + " (" + c.host() + ") is now an IRC operator, as " + name + "."),
                                c)
                        .with("oper", name));
    }
}
