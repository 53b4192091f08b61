package dev.chatroom.ssh;

import dev.chatroom.client.PlainUi;
import dev.chatroom.client.Session;
import dev.chatroom.client.SessionOptions;
import dev.chatroom.client.TerminalUi;
import dev.chatroom.client.Ui;
import dev.chatroom.ip.Address;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One ssh session's shell: the chatroom client, the same one {@code chatroom join} runs, with a
 * JLine terminal made of the channel's streams (its size following the window) or, without a
 * PTY ({@code ssh -T}), the plain line mode scripts use. It connects through the gateway (a
 * Unix domain socket of the server's), which tells the server the person's address and key.
 * The session's exit status is the client's.
 */
final class SshShell implements Command {
    /** Where the sessions connect, and how they introduce themselves. */
    record Gateway(Path socket, String secret, String serverName) {}

    private final Gateway gateway;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private Thread thread;

    SshShell(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        var session = channel.getSession();
        String key = session.getAttribute(SshListener.KEY);
        Address address = session.getClientAddress() instanceof InetSocketAddress a
                ? Address.of(a.getAddress())
                : Address.parse("0.0.0.0");
        String user = session.getUsername();
        boolean pty = SshTerminal.requested(env);
        thread = new Thread(() -> run(env, pty, user, key, address), "ssh-" + user);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Environment env, boolean pty, String user, String key, Address address) {
        int code = 1;
        try (Ui ui = pty
                ? new TerminalUi(SshTerminal.open(env, in, out), true)
                : new PlainUi(in, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            // colours on a terminal; plain text for a script reading ssh -T
            // the host only says "this machine" (passwords may go); the connection is to the gateway's socket
            Session s = new Session(ui, "127.0.0.1", 0, user, pty, new SessionOptions(false, 30_000, 1_000, 30_000))
                    .via(
                            UnixDomainSocketAddress.of(gateway.socket()),
                            SshGatewayLine.line(gateway.secret(), address, key),
                            gateway.serverName());
            code = s.run();
        } catch (Exception e) {
            code = 1;
        } finally {
            try {
                out.flush();
            } catch (IOException ignored) {
                // the peer is gone
            }
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
    public void setErrorStream(OutputStream err) {}

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
