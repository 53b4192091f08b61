package dev.chatroom.ssh;

import dev.chatroom.log.Event;
import dev.chatroom.server.console.AdminConsole;
import dev.chatroom.server.console.AdminSessions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * The admin console in one ssh session: on a terminal when the client asked for a PTY, in line
 * mode otherwise ({@code ssh -T}, pipes), or one command line ({@code ssh admin@host /pending}).
 * A key not in the admin keys gets one line and status 1.
 */
final class SshAdminShell implements Command {
    private final AdminKeys keys;
    private final AdminSessions sessions;
    private final String command;
    private final int port;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Thread thread;

    SshAdminShell(AdminKeys keys, AdminSessions sessions, String command, int port) {
        this.keys = keys;
        this.sessions = sessions;
        this.command = command;
        this.port = port;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        String fingerprint = channel.getSession().getAttribute(SshListener.KEY);
        AdminKeys.Key key;
        try {
            key = keys.find(fingerprint);
        } catch (IOException e) {
            sessions.event(Event.warn(
                    "admin_keys_unreadable", "Admin keys: " + e.getMessage() + "; no key opens the console over ssh."));
            key = null;
        }
        boolean pty = command == null && SshTerminal.requested(env);
        if (key == null) {
            err.write(("chatroom: this key may not open the admin console (it is not in the server's admin keys)."
                            + " To chat, pick another name: ssh -p " + port + " name@host" + (pty ? "\r\n" : "\n"))
                    .getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(1, "not an admin key");
            return;
        }
        String name = "ssh "
                + (key.comment() == null || key.comment().isBlank()
                        ? fingerprint.substring(0, Math.min(fingerprint.length(), 19))
                        : key.comment().strip());
        thread = new Thread(() -> run(env, name, pty), "ssh-admin");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Environment env, String name, boolean pty) {
        int code = 1;
        PrintStream printing = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (AdminConsole console = pty
                ? AdminConsole.terminal(name, SshTerminal.open(env, in, out))
                : AdminConsole.lines(
                        name,
                        command == null
                                ? in
                                : new ByteArrayInputStream((command + "\n").getBytes(StandardCharsets.UTF_8)),
                        printing)) {
            AdminSessions.Attached attached = sessions.attach(console);
            try {
                console.greet(name);
                console.run(attached, console);
                code = 0;
            } finally {
                attached.close();
            }
        } catch (IOException | RuntimeException e) {
            code = 1;
        } finally {
            printing.flush();
            exit.onExit(code);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (thread != null) thread.interrupt();
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
