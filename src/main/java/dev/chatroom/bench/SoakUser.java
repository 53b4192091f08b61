package dev.chatroom.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One simulated person of the soak, across its connections: connects, chats for a while (see
 * {@link SoakSession}), quits, pauses, and connects again, until the run stops. A guest takes a
 * new nick each time; an account holder registers its account on its first connection and logs in
 * with SASL on every later one. Runs on the generator's event loop.
 */
final class SoakUser {
    /** What the users share: where to connect, what to count, and whether the run is over. */
    interface Run {
        EventLoop loop();

        Bootstrap bootstrap();

        SoakLedger ledger();

        Soak.Settings settings();

        List<String> rooms();

        List<String> observerNicks();

        boolean stopping();

        void done(SoakUser u);
    }

    /** The sender number in the messages' text; also picks the host entry with the observers before it. */
    final int slot;

    final Hosts.Endpoint host;
    final Run run;
    /** The account's name (its nick), or null for a guest. */
    final String account;

    final String accountPassword;
    boolean accountMade;
    final Random random;
    /** The next message's number: it goes on across connections, so observers can check each sender's order. */
    long nextSeq;

    private int connections;
    private boolean done;

    SoakUser(int slot, Hosts.Endpoint host, boolean holdsAccount, Run run) {
        this.slot = slot;
        this.host = host;
        this.run = run;
        String prefix = run.settings().nickPrefix();
        this.account = holdsAccount ? prefix + "a" + slot : null;
        this.accountPassword = holdsAccount ? "soak-" + prefix + "-" + slot + "-Vq7x" : null;
        this.random = new Random(slot * 7919L + 17);
    }

    /** The nick of the next connection: the account's, or a fresh guest name. */
    private String nextNick() {
        return account != null ? account : run.settings().nickPrefix() + slot + "-" + connections;
    }

    void connect() {
        if (run.stopping()) {
            finish();
            return;
        }
        connections++;
        SoakSession s = new SoakSession(this, nextNick(), account != null && accountMade);
        run.ledger().connections++;
        run.bootstrap().clone().handler(s).connect(host.host(), host.port()).addListener(f -> {
            if (!f.isSuccess()) {
                run.ledger()
                        .error(
                                s.nick,
                                "cannot connect to " + host + ": " + f.cause().getMessage());
                sessionEnded();
            }
        });
    }

    /** The connection is gone: pause a moment (as someone reconnecting does), then connect again. */
    void sessionEnded() {
        if (run.stopping()) {
            finish();
            return;
        }
        run.loop().schedule(this::connect, 500 + random.nextInt(1500), TimeUnit.MILLISECONDS);
    }

    /** How long the next connection chats: uniform between half and one and a half --session-length. */
    long sessionNanos() {
        long mean = run.settings().sessionLength().toNanos();
        return mean / 2 + (long) (random.nextDouble() * mean);
    }

    /** The pause before the next action in a session: around 1 / --rate seconds. */
    long actionDelayNanos() {
        double mean = 1e9 / run.settings().rate();
        return (long) (mean * (0.5 + random.nextDouble()));
    }

    private void finish() {
        if (done) return;
        done = true;
        run.done(this);
    }
}
