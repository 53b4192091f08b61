package dev.chatroom.server.commands;

import java.util.List;

/** AUTHENTICATE (SASL), REGISTER (draft/account-registration), SETPASS: accounts, from before registration on. */
final class AccountCommands {
    private AccountCommands() {}

    static List<Command> all() {
        return List.of(
                // not while waiting for the admin: the account they decide on is the one they were shown
                Command.registration("AUTHENTICATE", 1, AccountCommands::authenticate),
                Command.registration("REGISTER", 2, AccountCommands::register),
                // also while waiting for the admin, but never before the server password
                new Command("SETPASS", 1, true, true, Command.Scope.LOCAL, AccountCommands::setpass));
    }

    // AUTHENTICATE <mechanism> | <base64> | + | *
    static void authenticate(Context ctx) {
        ctx.hub().logins().authenticate(ctx.client(), ctx.param(0), ctx.replies());
    }

    // REGISTER <account> <email|*> <password>, or the older REGISTER <email|*> <password>
    static void register(Context ctx) {
        boolean withAccount = ctx.paramCount() >= 3;
        String account = withAccount ? ctx.param(0) : "*";
        String password = ctx.param(withAccount ? 2 : 1);
        ctx.hub().accountRegistration().register(ctx.client(), account, password, ctx.replies());
    }

    // SETPASS <current password> <new password> | SETPASS <new password>
    static void setpass(Context ctx) {
        if (ctx.paramCount() > 2) { // a new password with spaces not sent as the last (:) parameter
            ctx.replies()
                    .standard(
                            "FAIL", "SETPASS", "INVALID_PARAMS", "*", "Use SETPASS <current password> :<new password>");
            return;
        }
        String current = ctx.paramCount() >= 2 ? ctx.param(0) : null;
        ctx.hub().passwordChange().setPassword(ctx.client(), current, ctx.param(ctx.paramCount() - 1), ctx.replies());
    }
}
