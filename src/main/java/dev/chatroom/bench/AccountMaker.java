package dev.chatroom.bench;

import dev.chatroom.irc.Message;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Creates {@link DeviceAccounts}' accounts before the load, {@code window} at a time: each on a
 * connection of its own from its registration address, which holds registration with CAP LS and
 * sends NICK and {@code REGISTER <account> * <password>} (draft/account-registration), waits for
 * the answer and quits. An account that exists already (an earlier run on the same server) counts
 * as made: the run then learns at login whether its password is the bench's. Runs on the loop.
 */
final class AccountMaker {
    /** How the accounts came to be; firstFailure is null when every one exists now. */
    record Result(int created, int existing, int failed, String firstFailure) {}

    private final Bootstrap bootstrap;
    private final EventLoop loop;
    private final InetSocketAddress server;
    private final String serverPassword;
    private final DeviceAccounts accounts;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int started;
    private int created;
    private int existing;
    private int failed;
    private String firstFailure;

    AccountMaker(
            Bootstrap bootstrap,
            EventLoop loop,
            Hosts.Endpoint server,
            String serverPassword,
            DeviceAccounts accounts) {
        this.bootstrap = bootstrap;
        this.loop = loop;
        this.server = new InetSocketAddress(server.host(), server.port());
        this.serverPassword = serverPassword;
        this.accounts = accounts;
    }

    /** Registers every account, printing progress to err; waits at most timeoutSeconds. */
    Result run(int window, PrintWriter err, long timeoutSeconds) throws Exception {
        loop.execute(() -> {
            for (int i = 0; i < Math.min(window, accounts.accounts); i++) startNext();
        });
        Progress.await(
                done,
                err,
                () -> "accounts " + (created + existing) + "/" + accounts.accounts
                        + (failed > 0 ? ", failed " + failed : ""),
                timeoutSeconds);
        return loop.submit(() -> new Result(created, existing, failed, firstFailure))
                .get();
    }

    private void startNext() {
        if (started >= accounts.accounts) return;
        int k = started++;
        Registrant r = new Registrant(accounts.account(k));
        bootstrap
                .clone()
                .handler(r)
                .connect(server, DeviceAccounts.registrationSource(k))
                .addListener(f -> {
                    if (!f.isSuccess()) r.finish(String.valueOf(f.cause()), false);
                });
    }

    private void finished(String failure, boolean existed) {
        if (failure == null && existed) existing++;
        else if (failure == null) created++;
        else {
            failed++;
            if (firstFailure == null) firstFailure = failure;
        }
        if (created + existing + failed == accounts.accounts) done.complete(null);
        else startNext();
    }

    /** One account's registration. */
    private final class Registrant extends LineClient {
        private final String account;
        private boolean finished;

        Registrant(String account) {
            this.account = account;
        }

        @Override
        void opened() {
            if (serverPassword != null) send("PASS " + serverPassword);
            send("CAP LS 302"); // holds connection registration: this connection only makes the account
            send("NICK " + account);
            send("REGISTER " + account + " * " + DeviceAccounts.password(account));
        }

        @Override
        void line(ByteBuf b, int start, int end) {
            Message m;
            try {
                m = Message.parse(b.toString(start, end - start, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return;
            }
            if (m.command().equals("REGISTER") && "SUCCESS".equals(m.param(0))) finish(null, false);
            else if (m.command().equals("FAIL") && "ACCOUNT_EXISTS".equals(m.param(1))) finish(null, true);
            else if (m.command().equals("ERROR") || SoakSession.isError(m)) finish(account + ": " + m, false);
        }

        void finish(String failure, boolean existed) {
            if (finished) return;
            finished = true;
            if (channel != null && channel.isActive()) {
                send("QUIT :account made");
                channel.close();
            }
            finished(failure, existed);
        }

        @Override
        void closed() {
            finish(account + ": closed by the server", false);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            finish(account + ": " + cause, false);
            super.exceptionCaught(ctx, cause);
        }
    }
}
