package dev.chatroom.ssh;

import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;

/**
 * {@code ssh -p 2022 alice@host}: an SSH server (Apache MINA SSHD) whose shell is the chatroom
 * client itself, connected to this server through its gateway. Any public key is accepted (no
 * passwords): the key's fingerprint is who the person is, for the admin's approval, the allow
 * list, bans and a linked account. The user admin is the admin console ({@link SshAdmin}).
 */
public final class SshListener implements AutoCloseable {
    /** The SHA256:... fingerprint of the key the session logged in with. */
    static final AttributeKey<String> KEY = new AttributeKey<>();

    private final SshServer sshd;
    private final SshHostKey hostKey;

    private SshListener(SshServer sshd, SshHostKey hostKey) {
        this.sshd = sshd;
        this.hostKey = hostKey;
    }

    /**
     * Listens on host:port (0: a free one). Sessions reach the chat through the gateway, a Unix
     * domain socket at gatewaySocket, introducing themselves with the secret.
     */
    public static SshListener start(
            String host,
            int port,
            Path dataDir,
            Path gatewaySocket,
            String secret,
            String serverName,
            Duration keepAlive,
            int maxPerAddress,
            SshAdmin admin,
            EventSink events)
            throws IOException {
        SshHostKey key = SshHostKey.loadOrCreate(dataDir);
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(host);
        sshd.setPort(port);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(key.keys()));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setPublickeyAuthenticator((user, publicKey, session) -> {
            session.setAttribute(
                    KEY, SshHostKey.fingerprint(publicKey)); // the signature is checked after this, by MINA
            return true;
        });
        SshShell.Gateway gateway = new SshShell.Gateway(gatewaySocket, secret, serverName);
        int[] bound = {port};
        sshd.setShellFactory(
                channel -> SshAdmin.asked(channel) ? admin.console(null, bound[0]) : new SshShell(gateway));
        sshd.setCommandFactory((channel, command) ->
                SshAdmin.asked(channel) ? admin.console(command, bound[0]) : new SshRefusedCommand(command, bound[0]));
        // a quiet person is not a dead connection: no idle limit; a peer that stops answering keepalives is
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, Duration.ZERO);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(sshd, keepAlive);
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(sshd, keepAlive);
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(sshd, 3);
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, Duration.ofSeconds(30));
        CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(sshd, 1); // one chat per connection
        sshd.addSessionListener(new SshConnectionLimit(maxPerAddress, events));
        CoreModuleProperties.SERVER_IDENTIFICATION.set(sshd, "chatroom");
        try {
            sshd.start();
        } catch (IOException e) {
            throw new IOException("Cannot listen for ssh on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        if (key.created())
            events.event(Event.info("ssh_host_key_created", "SSH: new host key " + key.file() + ".")
                    .with("file", key.file()));
        SshListener listener = new SshListener(sshd, key);
        bound[0] = listener.port();
        return listener;
    }

    public int port() {
        return sshd.getPort() != 0
                ? sshd.getPort()
                : ((InetSocketAddress) sshd.getBoundAddresses().iterator().next()).getPort();
    }

    public String fingerprint() {
        return hostKey.fingerprint();
    }

    @Override
    public void close() {
        try {
            sshd.stop(true);
        } catch (IOException e) {
            // stopping at exit
        }
    }
}
