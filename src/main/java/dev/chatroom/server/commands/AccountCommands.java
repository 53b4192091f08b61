package dev.chatroom.server.commands;

import dev.chatroom.server.AlwaysOn;
import dev.chatroom.server.output.Replies;
import java.util.List;
import java.util.Locale;

/** AUTHENTICATE (SASL), REGISTER (draft/account-registration), SETPASS: accounts, from before registration on; ACCOUNTSET. */
final class AccountCommands {
    private AccountCommands() {}

    static List<Command> all() {
        return List.of(
                // not while waiting for the admin: the account they decide on is the one they were shown
                Command.registration("AUTHENTICATE", 1, AccountCommands::authenticate),
                Command.registration("REGISTER", 2, AccountCommands::register),
                // also while waiting for the admin, but never before the server password
                new Command("SETPASS", 1, true, true, Command.Scope.LOCAL, AccountCommands::setpass),
                Command.registered("ACCOUNTSET", 0, AccountCommands::accountset));
    }

    // ACCOUNTSET | ACCOUNTSET always-on on|off   (ours: an account's settings)
    static void accountset(Context ctx) {
        String account = ctx.client().account();
        AlwaysOn alwaysOn = ctx.hub().alwaysOn();
        Replies r = ctx.replies();
        if (account == null) {
            r.fail("ACCOUNTSET", "ACCOUNT_REQUIRED", "Log in to an account to change its settings");
            return;
        }
        if (ctx.paramCount() == 0) {
            r.note(
                    "ACCOUNTSET",
                    said(alwaysOn.isOn(account)) + (alwaysOn.offered() ? "" : " (this server does not offer it)"));
            return;
        }
        if (!ctx.param(0).equalsIgnoreCase("always-on")) {
            r.fail("ACCOUNTSET", "UNKNOWN_SETTING", "No such setting: " + ctx.param(0) + " (there is always-on)");
            return;
        }
        String value = ctx.param(1) == null ? "" : ctx.param(1).toLowerCase(Locale.ROOT);
        if (!value.equals("on") && !value.equals("off")) {
            r.fail("ACCOUNTSET", "INVALID_VALUE", "Use ACCOUNTSET always-on on|off");
            return;
        }
        if (!alwaysOn.choose(account, value.equals("on"))) {
            r.fail("ACCOUNTSET", "NOT_OFFERED", "This server does not offer always-on");
            return;
        }
        r.note("ACCOUNTSET", said(value.equals("on")));
    }

    private static String said(boolean on) {
        return on
                ? "always-on is on: with no device connected you stay in your rooms, shown as away"
                : "always-on is off: you leave your rooms when your last device does";
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
