package dev.chatroom.client;

import dev.chatroom.irc.Names;
import dev.chatroom.irc.Sanitizer;
import java.io.IOException;

/**
 * The name a session goes by: from --name or asked for, checked before it is sent, and what
 * happens when the server refuses it: another name asked for, the account's password when the
 * name is registered, or a _ added when our own old connection may still hold it.
 */
final class SessionName {
    private final Ui ui;
    private final String fromFlag;
    private final SessionLogin login;
    /** Called after each prompt: the user's typing does not count against the server's answer time. */
    private final Runnable typed;

    private String current;

    SessionName(Ui ui, String fromFlag, SessionLogin login, Runnable typed) {
        this.ui = ui;
        this.fromFlag = fromFlag;
        this.login = login;
        this.typed = typed;
    }

    String current() {
        return current;
    }

    /** The first name, from the flag or asked for until it is valid: null once there is one, else the exit code. */
    Integer choose() throws IOException {
        current = fromFlag != null ? fromFlag : ask();
        while (current != null && !Names.isValidNick(current)) {
            ui.print(Render.nameRefused(current, "not allowed"));
            if (!canAskAgain()) return Session.EXIT_REFUSED;
            current = ask();
        }
        if (current == null) {
            ui.print("No username given.");
            return Session.EXIT_USAGE;
        }
        return null;
    }

    /**
     * During registration: the server refused the name, or logged us in for it, or refused the
     * login for it. Null when registration goes on, else the exit code. reconnected: we were in
     * before; inputBusy: the input line is reading, so no name can be asked for.
     */
    Integer answer(ClientEvent e, ChatClient c, boolean reconnected, boolean inputBusy) throws IOException {
        if (e instanceof ClientEvent.LoggedIn && login.nickAfterLogin() != null) {
            c.retryNick(login.nickAfterLogin());
            login.loggedInForNick();
            return null;
        }
        if (e instanceof ClientEvent.LoginFailed && login.nickAfterLogin() != null) {
            login.refused();
            if (login.askForName(c, login.nickAfterLogin())) return null;
            login.loggedInForNick();
            c.endLogin();
            return retryWithAnother(c, !canAskAgain());
        }
        if (e instanceof ClientEvent.NameRefused r && r.registered() && !reconnected) {
            if (login.askForName(c, r.name())) return null;
            if (!ui.interactive()) {
                ui.print("Set CHATROOM_PASSWORD or use --login to log in to " + r.name()
                        + ", or choose another --name.");
                c.quit(null);
                return Session.EXIT_REFUSED;
            }
        }
        if (e instanceof ClientEvent.NameRefused) {
            if (reconnected) { // our old connection may still hold the name: take another, as irssi does
                current = current.length() < Names.NICK_MAX
                        ? current + "_"
                        : current.substring(0, Names.NICK_MAX - 1) + "_";
                c.retryNick(current);
                return null;
            }
            return retryWithAnother(c, !canAskAgain() || inputBusy);
        }
        return null;
    }

    /** Asks for another name and tries it; the exit code when that cannot be (cannot ask, or no name given), null when tried. */
    private Integer retryWithAnother(ChatClient c, boolean cannotAsk) throws IOException {
        if (cannotAsk) {
            c.quit(null);
            return Session.EXIT_REFUSED;
        }
        current = askValid();
        typed.run();
        if (current == null) {
            c.quit(null);
            return Session.EXIT_USAGE;
        }
        c.retryNick(current);
        return null;
    }

    private boolean canAskAgain() {
        return ui.interactive() || fromFlag == null;
    }

    private String askValid() throws IOException {
        String n = ask();
        while (n != null && !Names.isValidNick(n)) {
            ui.print(Render.nameRefused(n, "not allowed"));
            n = ask();
        }
        return n;
    }

    private String ask() throws IOException {
        String line = ui.ask("Username: ");
        return line == null ? null : line.strip();
    }

    /** After a reconnection: the name is most likely held by the connection that was lost, which the server has not noticed yet. */
    static String nameStillHeld(String name, boolean loggingIn) {
        return "The name " + Sanitizer.clean(name) + " is still held (by the connection that was lost?): trying another"
                + (loggingIn ? "; logging in takes it back." : ".");
    }
}
