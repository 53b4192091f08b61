package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The overload check's newcomer against a one-connection fake server on loopback. */
class FreshRegistrationTest {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class);
    private ServerSocket server;
    /** Completes with the lines the fake server read up to its answer. */
    private final CompletableFuture<String> heard = new CompletableFuture<>();

    @AfterEach
    void stop() throws IOException {
        if (server != null) server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Accepts one client, reads its NICK and USER, then writes {@code answer} (nothing when null) and keeps the connection open. */
    private int fakeServer(String answer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(
                () -> {
                    try (Socket s = server.accept()) {
                        BufferedReader in =
                                new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                        String nick = in.readLine();
                        String user = in.readLine();
                        heard.complete(nick + "|" + user);
                        OutputStream out = s.getOutputStream();
                        if (answer != null) out.write(answer.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        while (in.readLine() != null) {
                            // hold the connection until the client leaves
                        }
                    } catch (IOException closed) {
                        heard.complete("closed");
                    }
                },
                "fake-irc-server");
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    @Test
    void timesTheWaitFor001() throws Exception {
        int port = fakeServer("PING :x\r\n:fake 001 benchnew :Welcome\r\n");
        FreshRegistration.Result r =
                FreshRegistration.attempt(bootstrap, "127.0.0.1", port, "benchnew", null, Duration.ofSeconds(10));
        assertThat(r.ok()).as(String.valueOf(r)).isTrue();
        assertThat(r.millis()).isGreaterThanOrEqualTo(0).isLessThan(10_000);
        assertThat(r.reportValue()).isInstanceOf(Double.class);
        assertThat(heard.get(5, TimeUnit.SECONDS)).isEqualTo("NICK benchnew|USER benchnew 0 * :chatroom bench check");
    }

    @Test
    void noAnswerIsNoneWithinTheTimeout() throws Exception {
        int port = fakeServer(null);
        FreshRegistration.Result r =
                FreshRegistration.attempt(bootstrap, "127.0.0.1", port, "benchnew", null, Duration.ofMillis(300));
        assertThat(r.ok()).isFalse();
        assertThat(r.reportValue()).isEqualTo("none within 300 ms");
    }

    @Test
    void aRefusedNickSaysWhy() throws Exception {
        int port = fakeServer(":fake 433 * benchnew :Nickname is already in use\r\n");
        FreshRegistration.Result r =
                FreshRegistration.attempt(bootstrap, "127.0.0.1", port, "benchnew", null, Duration.ofSeconds(10));
        assertThat(r.ok()).isFalse();
        assertThat((String) r.reportValue()).startsWith("none (").contains("433");
    }

    @Test
    void aServerThatIsGoneSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        FreshRegistration.Result r =
                FreshRegistration.attempt(bootstrap, "127.0.0.1", port, "benchnew", null, Duration.ofSeconds(10));
        assertThat(r.ok()).isFalse();
        assertThat((String) r.reportValue()).startsWith("none (");
    }
}
