package dev.chatroom.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatroom.cli.RootCommand;
import dev.chatroom.config.ServerConfig;
import dev.chatroom.launch.StartException;
import dev.chatroom.store.Account;
import dev.chatroom.store.AccountStore;
import dev.chatroom.store.AllowEntry;
import dev.chatroom.store.ReadMarker;
import dev.chatroom.store.SavedRoom;
import dev.chatroom.testing.Await;
import dev.chatroom.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded SQLite database: what it keeps, and what it refuses to open. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void accountsCertificatesAndTheAllowListSurviveAReopen() throws Exception {
        List<String> problems = new ArrayList<>();
        try (SqliteAccountStore store = new SqliteAccountStore(Database.open(dir), problems::add)) {
            store.save(new Account("Alice", "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA", false, 1000, Set.of("ab:cd")));
            store.save(new Account("bob", "x", true, 2000, Set.of()));
            store.save(new AllowEntry("Alice", true, null, 3000));
            store.save(new AllowEntry("carol", false, "spam", 4000));
            store.deleteAccount("bob");
        }
        try (SqliteAccountStore store = new SqliteAccountStore(Database.open(dir), problems::add)) {
            AccountStore.Contents c = store.load();
            assertThat(c.accounts())
                    .containsExactly(new Account(
                            "Alice", "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA", false, 1000, Set.of("ab:cd")));
            assertThat(c.allowList())
                    .containsExactlyInAnyOrder(
                            new AllowEntry("Alice", true, null, 3000), new AllowEntry("carol", false, "spam", 4000));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void readMarkersOnlyMoveForwardAndGoWithTheirAccount() throws Exception {
        List<String> problems = new ArrayList<>();
        try (SqliteAccountStore store = new SqliteAccountStore(Database.open(dir), problems::add)) {
            store.save(new Account("alice", "x", false, 1000, Set.of()));
            store.save(new Account("bob", "x", false, 1000, Set.of()));
            store.save(new ReadMarker("alice", "#room", 200));
            store.save(new ReadMarker("alice", "#room", 100)); // behind: stays at 200
            store.save(new ReadMarker("alice", "#gone", 7));
            store.deleteReadMarker("alice", "#gone");
            store.save(new ReadMarker("bob", "#room", 5));
            store.save(new ReadMarker("bob", "carol", 6));
            store.deleteAccount("bob");
        }
        try (SqliteAccountStore store = new SqliteAccountStore(Database.open(dir), problems::add)) {
            assertThat(store.load().readMarkers()).containsExactly(new ReadMarker("alice", "#room", 200));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aDatabaseFromANewerChatroomIsRefusedUntouched() throws Exception {
        Database.open(dir).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE))) {
            c.createStatement().execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> Database.open(dir))
                .hasMessageContaining("schema version 99, made by a newer chatroom");
    }

    @Test
    void aFileThatIsNotADatabaseStopsTheServerWithTheReason() throws Exception {
        Files.writeString(
                dir.resolve(Database.FILE), "this is not sqlite, just text that happens to be here ".repeat(100));
        assertThatThrownBy(() -> new TestServer(TestServer.config(b -> b.dataDir(dir))))
                .isInstanceOf(StartException.class)
                .hasMessageContaining("Cannot use the database: ")
                .hasMessageContaining("not a chatroom database");
    }

    @Test
    void anAccountRegisteredBeforeARestartStillLogsIn() throws Exception {
        var config = TestServer.config(b -> b.dataDir(dir));
        try (TestServer server = new TestServer(config)) {
            var a = server.join("alice"); // loopback: passwords may travel in clear here
            a.send("REGISTER * * correct-horse");
            a.expect("REGISTER SUCCESS");
            assertThat(server.admin.execute("/allow alice")).startsWith("Allowed alice");
        }
        try (TestServer server = new TestServer(config)) {
            assertThat(server.admin.execute("/accounts"))
                    .contains("alice  registered ")
                    .contains("allowed");
            var b = server.connect();
            b.send("CAP REQ :sasl").send("NICK alice").send("USER a 0 * :a").send("AUTHENTICATE PLAIN");
            b.expect("AUTHENTICATE \\+");
            b.send("AUTHENTICATE " + Base64.getEncoder().encodeToString("\0alice\0correct-horse".getBytes()));
            assertThat(b.expect(" 90[034] ")).contains(" 900 ");
        }
    }

    @Test
    void adminBackupCopiesTheDatabaseWhileTheServerRuns() throws Exception {
        var config = TestServer.config(b -> b.dataDir(dir.resolve("data")));
        Path copy = dir.resolve("backup.db");
        try (TestServer server = new TestServer(config)) {
            var a = server.join("alice");
            a.send("REGISTER * * correct-horse");
            a.expect("REGISTER SUCCESS");
            awaitCommitted(dir.resolve("data").resolve(Database.FILE)); // the writer thread commits after the reply
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(
                            "admin",
                            "backup",
                            copy.toString(),
                            "--data-dir",
                            dir.resolve("data").toString());
            assertThat(err.toString()).isEmpty();
            assertThat(code).isZero();
            assertThat(out.toString()).startsWith("Backed up ");
            assertThat(RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                            .execute(
                                    "admin",
                                    "backup",
                                    copy.toString(),
                                    "--data-dir",
                                    dir.resolve("data").toString()))
                    .isEqualTo(1);
            assertThat(err.toString()).contains("already exists");
            Path nowhere = dir.resolve("missing").resolve("backup.db");
            assertThat(RootCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                            .execute(
                                    "admin",
                                    "backup",
                                    nowhere.toString(),
                                    "--data-dir",
                                    dir.resolve("data").toString()))
                    .isEqualTo(1);
            assertThat(err.toString()).contains(nowhere + ": its directory does not exist");
        }
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(copy, restored.resolve(Database.FILE));
        try (SqliteAccountStore store = new SqliteAccountStore(Database.open(restored), e -> {})) {
            assertThat(store.load().accounts()).extracting(Account::name).containsExactly("alice");
        }
    }

    /** Until the writer thread has committed an account row (the reply to REGISTER does not wait for the disk). */
    private static void awaitCommitted(Path db) throws Exception {
        Await.until("account committed", Duration.ofSeconds(10), () -> {
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    var rs = c.createStatement().executeQuery("SELECT count(*) FROM accounts")) {
                return rs.getInt(1) > 0;
            }
        });
    }

    @Test
    void bansAreKeptInTheDatabaseAcrossRestarts() throws Exception {
        var config = TestServer.config(b -> b.dataDir(dir.resolve("data")));
        try (TestServer server = new TestServer(config)) {
            assertThat(server.admin.execute("/ban mallory trolling")).startsWith("Banned mallory!*@* (trolling).");
            assertThat(server.admin.execute("/ban 10.0.0.7")).startsWith("Banned *!*@10.0.0.7.");
        }
        try (TestServer server = new TestServer(config)) {
            server.expectEvent("^2 ban\\(s\\) loaded from ");
            assertThat(server.admin.execute("/bans"))
                    .contains("mallory!*@*")
                    .contains("trolling")
                    .contains("10.0.0.7");
            var m = server.connect().sendRegistration("mallory");
            assertThat(m.expect(" 465 ")).contains("You are banned");
        }
        assertThat(dir.resolve("data").resolve("bans.txt")).doesNotExist();
    }

    @Test
    void anOldBansFileIsImportedOnceAndRenamed() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(
                data.resolve("bans.txt"),
                "# chatroom bans: MASK<TAB>REASON<TAB>SINCE, one per line\n"
                        + "mallory!*@*\tno trolls\t2026-03-01T10:00:00Z\nthis line is broken\n");
        var config = TestServer.config(b -> b.dataDir(data));
        try (TestServer server = new TestServer(config)) {
            server.expectEvent("bans.txt line 3: expected MASK<TAB>REASON<TAB>TIME; skipped");
            server.expectEvent(
                    "^Imported 1 ban\\(s\\) from .*bans\\.txt into .*chatroom\\.db; the old file is now bans\\.txt\\.imported\\.$");
            assertThat(server.admin.execute("/bans")).contains("mallory!*@*").contains("no trolls");
        }
        assertThat(data.resolve("bans.txt")).doesNotExist();
        assertThat(data.resolve("bans.txt.imported")).exists();
        try (TestServer server = new TestServer(config)) {
            assertThat(server.admin.execute("/bans")).contains("mallory!*@*");
            assertThat(server.admin.execute("/unban mallory")).startsWith("Unbanned mallory!*@*");
        }
        try (TestServer server = new TestServer(config)) {
            assertThat(server.admin.execute("/bans")).doesNotContain("mallory"); // not imported a second time
        }
    }

    @Test
    void aDatabaseOfTheFirstSchemaIsMigrated() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE))) {
            for (String sql : Database.MIGRATIONS.get(0)) c.createStatement().execute(sql);
            c.createStatement().execute("INSERT INTO accounts VALUES ('alice', 'alice', 'x', 0, 1)");
            c.createStatement().execute("PRAGMA user_version = 1");
        }
        try (Database db = Database.open(dir);
                var rs = db.connection().createStatement().executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Database.MIGRATIONS.size());
            assertThat(new SqliteAccountStore(db, e -> {}).load().accounts())
                    .extracting(Account::name)
                    .containsExactly("alice");
            db.connection()
                    .createStatement()
                    .executeQuery("SELECT count(*) FROM server_bans")
                    .close();
        }
    }

    @Test
    void aDatabaseOfTheSecondSchemaGainsHistoryAndRoomsAndKeepsItsBans() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE))) {
            for (int v = 0; v < 2; v++)
                for (String sql : Database.MIGRATIONS.get(v))
                    c.createStatement().execute(sql);
            c.createStatement().execute("INSERT INTO server_bans VALUES ('mallory!*@*', 'spam', 1)");
            c.createStatement().execute("PRAGMA user_version = 2");
        }
        ServerConfig config = TestServer.config(b -> b.dataDir(dir));
        try (TestServer server = new TestServer(config)) {
            assertThat(server.admin.execute("/bans")).contains("mallory!*@*");
            var alice = server.connect().registerWithCaps("alice", "batch server-time message-tags draft/chathistory");
            alice.send("PRIVMSG #chatroom :kept after the migration");
            alice.send("CHATHISTORY LATEST #chatroom * 1");
            alice.expect(" BATCH \\+");
            assertThat(alice.next()).endsWith(":kept after the migration");
        }
        try (Database db = Database.open(dir);
                var rs = db.connection().createStatement().executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Database.MIGRATIONS.size());
        }
    }

    @Test
    void roomsOfTheThirdSchemaComeBackRememberingNoOperator() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE))) {
            for (int v = 0; v < 3; v++)
                for (String sql : Database.MIGRATIONS.get(v))
                    c.createStatement().execute(sql);
            c.createStatement()
                    .execute(
                            "INSERT INTO rooms (name_key, name, created_ms, flags) VALUES ('#vault', '#vault', 1, 'int')");
            c.createStatement().execute("PRAGMA user_version = 3");
        }
        try (Database db = Database.open(dir)) {
            SqliteRoomStore rooms = new SqliteRoomStore(db, e -> {});
            assertThat(rooms.load())
                    .containsExactly(new SavedRoom("#vault", 1, null, null, 0, "int", null, 0, List.of(), List.of()));
            rooms.save(new SavedRoom("#vault", 1, null, null, 0, "int", null, 0, List.of(), List.of("alice", "bob")));
        }
        try (Database db = Database.open(dir)) {
            assertThat(new SqliteRoomStore(db, e -> {}).load())
                    .extracting(SavedRoom::operators)
                    .containsExactly(List.of("alice", "bob"));
        }
    }
}
