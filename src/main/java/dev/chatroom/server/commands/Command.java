package dev.chatroom.server.commands;

/**
 * A row of the command table: the handler plus the checks every command of its kind gets
 * before the handler runs.
 *
 * @param minParams fewer parameters get 461 ERR_NEEDMOREPARAMS
 * @param beforeRegistration allowed while NICK/USER/CAP registration is still going on
 * @param whilePending allowed while the admin has not yet decided
 */
public record Command(String name, int minParams, boolean beforeRegistration, boolean whilePending, Handler handler) {
    /** Only for accepted users. */
    static Command registered(String name, int minParams, Handler h) {
        return new Command(name, minParams, false, false, h);
    }

    /** Part of registration: before it completes, not while waiting for the admin. */
    static Command registration(String name, int minParams, Handler h) {
        return new Command(name, minParams, true, false, h);
    }

    /** Always allowed: CAP, PING, PONG, QUIT. */
    static Command anytime(String name, int minParams, Handler h) {
        return new Command(name, minParams, true, true, h);
    }
}
