package dev.chatroom.ssh;

import dev.chatroom.irc.Names;
import dev.chatroom.server.console.AdminSessions;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * {@code ssh -p 2022 admin@host}: the admin console in an ssh session, for a key listed in the
 * admin keys; any other key asking for it is refused with one line and status 1. The name admin
 * is the console's: nobody chats under it.
 */
public final class SshAdmin {
    private final AdminKeys keys;
    private final AdminSessions sessions;

    public SshAdmin(AdminKeys keys, AdminSessions sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    public AdminKeys keys() {
        return keys;
    }

    /** True when the session asks for the console (user admin, in any case). */
    static boolean asked(ChannelSession channel) {
        return Names.isAdmin(channel.getSession().getUsername());
    }

    /** The console, or one command line run (null: the console). port: to tell others which to chat on. */
    Command console(String command, int port) {
        return new SshAdminShell(keys, sessions, command, port);
    }
}
