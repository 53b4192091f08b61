package dev.chatroom.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * {@code ssh host some command}: refused with what to type instead (exit status 2). A one-line
 * post would still wait for the admin's approval, which a command cannot usefully do.
 */
final class SshRefusedCommand implements Command {
    private final String command;
    private OutputStream err;
    private ExitCallback exit;

    private final int port;

    SshRefusedCommand(String command, int port) {
        this.command = command;
        this.port = port;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        String shown = command.length() > 40 ? command.substring(0, 40) + "..." : command;
        err.write(("chatroom: commands are not run here (" + shown.replaceAll("\\p{Cntrl}", "?")
                        + "); to chat, connect without one: ssh -p " + port + " name@host\r\n")
                .getBytes(StandardCharsets.UTF_8));
        err.flush();
        exit.onExit(2, "commands are not run here");
    }

    @Override
    public void destroy(ChannelSession channel) {}

    @Override
    public void setInputStream(InputStream in) {}

    @Override
    public void setOutputStream(OutputStream out) {}

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
