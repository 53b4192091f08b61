package dev.chatroom.store.sqlite;

import dev.chatroom.log.EventSink;
import dev.chatroom.store.Account;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.AllowEntry;
import dev.chatroom.store.Presence;
import dev.chatroom.store.ReadMarker;
import dev.chatroom.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts and the allow list in the embedded database. Writes run in order on the database's
 * writer thread; a failed write (a full disk) is reported to the admin and the in-memory state goes
 * on, so the server keeps serving and the next successful write of that account repairs it.
 */
final class SqliteAccountStore implements AccountStore {
    private final Database db;
    private final EventSink events;

    SqliteAccountStore(Database db, EventSink events) {
        this.db = db;
        this.events = events;
    }

    @Override
    public Contents load() throws StoreException {
        Connection c = db.connection();
        try {
            Map<String, Set<String>> certs = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, name_key FROM account_certificates");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next())
                    certs.computeIfAbsent(rs.getString(2), k -> new HashSet<>()).add(rs.getString(1));
            }
            List<Account> accounts = new ArrayList<>();
            try (PreparedStatement s =
                            c.prepareStatement("SELECT name_key, name, password, one_time, created_ms FROM accounts");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    accounts.add(new Account(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4) != 0,
                            rs.getLong(5),
                            certs.getOrDefault(rs.getString(1), Set.of())));
                }
            }
            List<AllowEntry> allow = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, allowed, reason, changed_ms FROM allow_list");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next())
                    allow.add(new AllowEntry(rs.getString(1), rs.getInt(2) != 0, rs.getString(3), rs.getLong(4)));
            }
            List<Presence> presences = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT record FROM presences");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) presences.add(Presence.parse(rs.getString(1)));
            } catch (IllegalArgumentException e) {
                throw new StoreException(db.file() + ": a damaged presence: " + e.getMessage(), e);
            }
            List<ReadMarker> markers = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT account_key, target_key, time_ms FROM read_markers");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) markers.add(new ReadMarker(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
            return new Contents(accounts, allow, presences, markers);
        } catch (SQLException e) {
            throw new StoreException(db.file() + ": " + Database.describe(e), e);
        }
    }

    @Override
    public void save(Account a) {
        write("save account " + a.name(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO accounts (name_key, name, password, one_time, created_ms) VALUES (?,?,?,?,?)"
                            + " ON CONFLICT(name_key) DO UPDATE SET name = excluded.name, password = excluded.password, one_time = excluded.one_time")) {
                s.setString(1, a.key());
                s.setString(2, a.name());
                s.setString(3, a.passwordHash());
                s.setInt(4, a.oneTime() ? 1 : 0);
                s.setLong(5, a.createdMillis());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM account_certificates WHERE name_key = ?")) {
                s.setString(1, a.key());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR REPLACE INTO account_certificates (fingerprint, name_key) VALUES (?,?)")) {
                for (String fp : a.certificates()) {
                    s.setString(1, fp);
                    s.setString(2, a.key());
                    s.executeUpdate();
                }
            }
        });
    }

    @Override
    public void deleteAccount(String key) {
        write("drop account " + key, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM accounts WHERE name_key = ?")) {
                s.setString(1, key);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM read_markers WHERE account_key = ?")) {
                s.setString(1, key);
                s.executeUpdate();
            }
        });
    }

    @Override
    public void save(AllowEntry e) {
        write("save the allow list entry of " + e.account(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR REPLACE INTO allow_list (name_key, name, allowed, reason, changed_ms) VALUES (?,?,?,?,?)")) {
                s.setString(1, e.key());
                s.setString(2, e.account());
                s.setInt(3, e.allowed() ? 1 : 0);
                s.setString(4, e.reason());
                s.setLong(5, e.changedMillis());
                s.executeUpdate();
            }
        });
    }

    @Override
    public void deleteAllowEntry(String key) {
        write("remove " + key + " from the allow list", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM allow_list WHERE name_key = ?")) {
                s.setString(1, key);
                s.executeUpdate();
            }
        });
    }

    @Override
    public void save(Presence p) {
        write("save the presence of " + p.account(), c -> {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT OR REPLACE INTO presences (name_key, record) VALUES (?,?)")) {
                s.setString(1, p.key());
                s.setString(2, p.text());
                s.executeUpdate();
            }
        });
    }

    @Override
    public void deletePresence(String key) {
        write("forget the presence of " + key, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM presences WHERE name_key = ?")) {
                s.setString(1, key);
                s.executeUpdate();
            }
        });
    }

    @Override
    public void save(ReadMarker m) {
        write("save a read marker of " + m.account(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO read_markers (account_key, target_key, time_ms) VALUES (?,?,?) ON CONFLICT (account_key, target_key)"
                            + " DO UPDATE SET time_ms = max(time_ms, excluded.time_ms)")) {
                s.setString(1, m.account());
                s.setString(2, m.target());
                s.setLong(3, m.millis());
                s.executeUpdate();
            }
        });
    }

    @Override
    public void deleteReadMarker(String account, String target) {
        write("forget a read marker of " + account, c -> {
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM read_markers WHERE account_key = ? AND target_key = ?")) {
                s.setString(1, account);
                s.setString(2, target);
                s.executeUpdate();
            }
        });
    }

    private void write(String what, Database.Work w) {
        db.write(what, w, events);
    }

    @Override
    public void close() {
        db.close();
    }
}
