package dev.chatroom.server.commands;

/**
 * A row of the command table: the handler plus the checks every command of its kind gets
 * before the handler runs, and how far its effect reaches.
 *
 * @param minParams fewer parameters get 461 ERR_NEEDMOREPARAMS
 * @param beforeRegistration allowed while NICK/USER/CAP registration is still going on
 * @param whilePending allowed while the admin has not yet decided
 * @param scope {@link Scope#CLUSTER} for a command that changes what others see (a message, a
 *     join, a mode): in a cluster it is published and run on every node in the bus's order
 * @param beforePassword allowed before the server password (PASS) on a server that has one:
 *     only PASS itself and what keeps a connection going (CAP, PING, PONG, QUIT)
 */
public record Command(
        String name,
        int minParams,
        boolean beforeRegistration,
        boolean whilePending,
        Scope scope,
        Handler handler,
        boolean beforePassword) {
    /** A row not allowed before the server password. */
    public Command(
            String name,
            int minParams,
            boolean beforeRegistration,
            boolean whilePending,
            Scope scope,
            Handler handler) {
        this(name, minParams, beforeRegistration, whilePending, scope, handler, false);
    }

    /** How far a command's effect reaches. */
    public enum Scope {
        LOCAL,
        CLUSTER
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
        return new Command(name, minParams, true, true, Scope.LOCAL, h, true);
    }

    /** The same row for a command that changes what others see. */
    Command clusterWide() {
        return new Command(name, minParams, beforeRegistration, whilePending, Scope.CLUSTER, handler, beforePassword);
    }

    /** The same row, allowed before the server password (PASS itself). */
    Command beforeServerPassword() {
        return new Command(name, minParams, beforeRegistration, whilePending, scope, handler, true);
    }
}
