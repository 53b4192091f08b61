package dev.chatroom.cluster;

import dev.chatroom.irc.Message;
import dev.chatroom.server.Connection;
import dev.chatroom.server.Hub;
import dev.chatroom.server.accounts.AccountSharing;
import dev.chatroom.server.accounts.Accounts;
import dev.chatroom.store.Account;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Accounts in a cluster. Every server keeps all accounts in memory (they are loaded from Redis
 * at start), so a new or changed account travels on the bus as a whole record, and every
 * server takes it over in the bus's order; its origin alone writes it to Redis. A new account
 * exists once its event comes back: of two registrations of one name the first in the bus's
 * order wins everywhere. A login after registration travels too, so the other servers show
 * the account (WHOIS, account-tag, account-notify).
 *
 * <p>A read marker that moved travels too, so the account's connections on every node are told;
 * a marker only moves forward, so their order does not matter, and its origin alone saves it.
 *
 * <p>ACCT C|U request name hash|* 0|1 created :certificates
 * <p>MARK account-key target millis
 */
final class ClusterAccounts implements AccountSharing {
    private final Hub hub;
    private final Cluster cluster;
    /** Our registrations waiting for their event to come back, by request number. */
    private final Map<String, Consumer<Boolean>> creating = new HashMap<>();

    private long nextRequest = 1;

    ClusterAccounts(Hub hub, Cluster cluster) {
        this.hub = hub;
        this.cluster = cluster;
    }

    @Override
    public boolean create(Account a, Consumer<Boolean> done) {
        String request = Long.toString(nextRequest++, 36);
        creating.put(request, done);
        boolean shared = cluster.share(describe(cluster.node(), a, "C", request), () -> {
            Consumer<Boolean> d = creating.remove(request);
            if (d != null) d.accept(accounts().create(a));
        });
        if (!shared) creating.remove(request);
        return shared;
    }

    @Override
    public void changed(Account a) {
        // a relayed console line changes the account on every server alike
        if (!cluster.applying()) cluster.share(describe(cluster.node(), a, "U", "-"), () -> {});
    }

    void apply(Message e, boolean mine) {
        Account a;
        try {
            a = decode(e);
        } catch (RuntimeException bad) {
            return;
        }
        if ("C".equals(e.param(0))) {
            Consumer<Boolean> done = mine ? creating.remove(e.param(1)) : null;
            boolean created = accounts().adopt(a, true, mine);
            if (done != null) done.accept(created);
        } else {
            accounts().adopt(a, false, false);
        }
    }

    /** LOGIN id account: a user of ours logged in after registering (only its own server runs that, even while applying a REGISTER's event). */
    void loggedIn(Connection c) {
        if (c.isRemote() || c.clusterId() == null || c.account() == null) return;
        cluster.share(Message.of(cluster.node(), "LOGIN", c.clusterId(), c.account()), () -> {});
    }

    void login(Message e, RemoteUsers remote) {
        Connection g = remote.find(e.param(0));
        if (g == null || g.isClosed() || e.param(1).equals(g.account())) return;
        g.credentials().account(e.param(1));
        if (!g.isRegistered()) return;
        hub.logins().tellRooms(g, e.param(1));
        hub.rooms().loggedIn(g);
    }

    /** One of ours moved a read marker of an account (its key). */
    void markedRead(String account, String target, long millis) {
        cluster.publish(Message.of(cluster.node(), "MARK", account, target, Long.toString(millis)));
    }

    void markRead(Message e) {
        try {
            hub.readMarkers().movedElsewhere(e.param(0), e.param(1), Long.parseLong(e.param(2)));
        } catch (NumberFormatException bad) {
            // a damaged event moves nothing
        }
    }

    private Accounts accounts() {
        return hub.logins().accounts();
    }

    static Message describe(String node, Account a, String kind, String request) {
        String certs = String.join(" ", new TreeSet<>(a.certificates()));
        return Message.trailing(
                node,
                "ACCT",
                kind,
                request,
                a.name(),
                a.passwordHash() == null ? "*" : a.passwordHash(),
                a.oneTime() ? "1" : "0",
                Long.toString(a.createdMillis()),
                certs);
    }

    static Account decode(Message e) {
        List<String> certs = e.param(6).isEmpty()
                ? List.of()
                : new ArrayList<>(Arrays.asList(e.param(6).split(" ")));
        String hash = "*".equals(e.param(3)) ? null : e.param(3);
        return new Account(e.param(2), hash, "1".equals(e.param(4)), Long.parseLong(e.param(5)), Set.copyOf(certs));
    }
}
