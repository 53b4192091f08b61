package dev.chatroom.server.commands;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Hub;

/**
 * A row of the command table: the handler plus the checks every command of its kind gets
 * before the handler runs, and how far its effect reaches.
 *
 * @param minParams fewer parameters get 461 ERR_NEEDMOREPARAMS
 * @param beforeRegistration allowed while NICK/USER/CAP registration is still going on
 * @param whilePending allowed while the admin has not yet decided
 * @param scope how far it reaches: in a cluster, a command that changes what others see (a
 *     message, a join, a mode) is published and run on every node in the bus's order
 * @param beforePassword allowed before the server password (PASS) on a server that has one:
 *     only PASS itself and what keeps a connection going (CAP, PING, PONG, QUIT)
 * @param operatorsOnly for IRC operators (user mode +o) only: anyone else gets 481 ERR_NOPRIVILEGES
 */
public record Command(
        String name,
        int minParams,
        boolean beforeRegistration,
        boolean whilePending,
        Scope scope,
        Handler handler,
        boolean beforePassword,
        boolean operatorsOnly) {
    /** A row not allowed before the server password, for everyone. */
    public Command(
            String name,
            int minParams,
            boolean beforeRegistration,
            boolean whilePending,
            Scope scope,
            Handler handler) {
        this(name, minParams, beforeRegistration, whilePending, scope, handler, false, false);
    }

    /**
     * How far a command's effect reaches: what every node of a cluster runs in its stead (the
     * command itself when it changes what others see), or null when it is for this node only.
     * Asked on the event loop, before the handler runs.
     */
    @FunctionalInterface
    public interface Scope {
        Message relayed(Hub hub, Message m);

        /** Answers, questions, and what only this connection sees. */
        Scope LOCAL = (hub, m) -> null;

        /** Changes what others see: a message, a join, a mode. */
        Scope CLUSTER = (hub, m) -> m;
    }

    /** Only for accepted users. */
    static Command registered(String name, int minParams, Handler h) {
        return new Command(name, minParams, false, false, Scope.LOCAL, h);
    }

    /** Part of registration: before it completes, not while waiting for the admin. */
    static Command registration(String name, int minParams, Handler h) {
        return new Command(name, minParams, true, false, Scope.LOCAL, h);
    }

    /** Always allowed, also before the server password: CAP, PING, PONG, QUIT. */
    static Command anytime(String name, int minParams, Handler h) {
        return new Command(name, minParams, true, true, Scope.LOCAL, h, true, false);
    }

    /** The same row for a command that changes what others see. */
    Command clusterWide() {
        return reaching(Scope.CLUSTER);
    }

    /** The same row with another scope. */
    Command reaching(Scope s) {
        return new Command(
                name, minParams, beforeRegistration, whilePending, s, handler, beforePassword, operatorsOnly);
    }

    /** The same row, allowed before the server password (PASS itself). */
    Command beforeServerPassword() {
        return new Command(name, minParams, beforeRegistration, whilePending, scope, handler, true, operatorsOnly);
    }

    /** The same row, for IRC operators only. */
    Command forOperators() {
        return new Command(name, minParams, beforeRegistration, whilePending, scope, handler, beforePassword, true);
    }
}
