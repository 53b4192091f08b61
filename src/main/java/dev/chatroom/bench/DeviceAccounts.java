package dev.chatroom.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Fan-out's {@code --devices N} and {@code --accounts}: the clients as accounts of N connections
 * each, one person on several devices (N = 1 with --accounts: logged in, one device each). Client i belongs to account {@code i mod accounts}; clients 0..accounts-1 are
 * the accounts' first connections (they join the room; the others are shown it as devices), so
 * the senders, clients 0..S-1, are different people as long as S fits.
 *
 * <p>A server paces password hashing per address and lets an address create only a few accounts
 * an hour, so every connection that registers an account or logs in comes from a loopback address
 * of its own range (Linux answers on the whole 127/8): {@link #REGISTRATIONS_PER_ADDRESS}
 * registrations, {@link #LOGINS_PER_ADDRESS} logins per address.
 */
final class DeviceAccounts {
    /** Our server's quota (RegistrationQuota): accounts one address may create per hour. */
    static final int REGISTRATIONS_PER_ADDRESS = 3;
    /** Within our server's burst of password checks per address (PasswordWork), so no login waits its turn. */
    static final int LOGINS_PER_ADDRESS = 4;

    /** A connection's login: the account and its password; device when another connection of it joins the room. */
    record Login(String account, String password, boolean device) {}

    final int devices;
    final int accounts;
    private final boolean loggedIn;
    private final String nickPrefix;

    /** With one device each, the clients are guests unless loggedIn (--accounts); with more, they always log in. */
    DeviceAccounts(int clients, int devices, boolean loggedIn, String nickPrefix) {
        if (devices < 1 || clients % devices != 0)
            throw new IllegalArgumentException("clients must be a multiple of devices");
        this.devices = devices;
        this.accounts = clients / devices;
        this.loggedIn = loggedIn || devices > 1;
        this.nickPrefix = nickPrefix;
    }

    /** Whether there are accounts at all. */
    boolean enabled() {
        return loggedIn;
    }

    /**
     * Account k's name: also its first connection's nick, as an account is named after the nick it
     * protects. Not of the form PREFIXi of the guests' nicks, so a later run without accounts on the
     * same server is not refused their nicks.
     */
    String account(int k) {
        return nickPrefix + "-" + k;
    }

    /** Known to the bench, so a later run can log in to the accounts an earlier one made. */
    static String password(String account) {
        return account + "/bench-device";
    }

    /** Client i's login, or null without accounts. */
    Login login(int client) {
        if (!enabled()) return null;
        String a = account(client % accounts);
        return new Login(a, password(a), client >= accounts);
    }

    /** Where client i connects from when it logs in: 127.2.x.y. */
    InetSocketAddress loginSource(int client) {
        return source(2, client / LOGINS_PER_ADDRESS);
    }

    /** Where account k is registered from: 127.1.x.y. */
    static InetSocketAddress registrationSource(int k) {
        return source(1, k / REGISTRATIONS_PER_ADDRESS);
    }

    /** The n-th address of 127.range.0.0/16, skipping .0 and .255, any port. */
    static InetSocketAddress source(int range, int n) {
        if (n >= 256 * 254) throw new IllegalArgumentException("more than " + 256 * 254 + " source addresses");
        byte[] ip = {127, (byte) range, (byte) (n / 254), (byte) (1 + n % 254)};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), 0);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // four bytes are always an address
        }
    }
}
