package dev.chatroom.testing;

import dev.chatroom.config.Settings;
import dev.chatroom.config.Values;
import dev.chatroom.server.Connection;
import dev.chatroom.server.accounts.PasswordHash;
import java.util.Map;
import java.util.regex.Pattern;

/** IRC operators for tests: one configured, {@code operuser} with {@link #PASSWORD}, as irctest has it. */
public final class Opers {
    public static final String NAME = "operuser";
    public static final String PASSWORD = "operpassword";
    /** A cheap cost (a hash records its own): checking it takes no time worth counting. */
    public static final String HASH = new PasswordHash(64, 1).hash(PASSWORD);

    private Opers() {}

    /** The setting that makes {@link #NAME} an operator. */
    public static Settings configured(Settings b) {
        return b.opers(Values.opers(NAME + ":" + HASH));
    }

    /** An entry of the opers setting as read: name -> {@link #HASH}. */
    public static Map.Entry<String, String> entry(String name) {
        return Map.entry(name, HASH);
    }

    /** nick joins (accepted at the console if the server asks) and becomes an operator; its lines so far read. */
    public static FakeClient operator(InMemoryServer server, String nick) {
        FakeClient c = server.connect().sendRegistration(nick);
        if (c.connection().state() == Connection.State.PENDING) server.admin.execute("/accept " + nick);
        c.expect(" 366 " + Pattern.quote(nick) + " ");
        c.send("OPER " + NAME + " " + PASSWORD);
        c.expect(" 381 " + Pattern.quote(nick) + " ");
        c.sync();
        return c;
    }
}
