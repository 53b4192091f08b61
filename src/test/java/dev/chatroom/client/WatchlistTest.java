package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.irc.Message;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /notify: the command, the list kept per server in a file, and MONITOR against a real server on 127.0.0.1. */
class WatchlistTest {
    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    @Test
    void theCommandIsParsedAndListedInHelp() {
        assertThat(Input.parse("/notify")).isEqualTo(new Action.Notify("list", null));
        assertThat(Input.parse("/notify list")).isEqualTo(new Action.Notify("list", null));
        assertThat(Input.parse("/notify ADD bob")).isEqualTo(new Action.Notify("add", "bob"));
        assertThat(Input.parse("/notify del bob")).isEqualTo(new Action.Notify("del", "bob"));
        assertThat(Input.parse("/notify add"))
                .isEqualTo(new Action.Problem("Usage: /notify add <user>, /notify del <user>, /notify list"));
        assertThat(ClientCommands.HELP).contains("/notify [add|del|list] [user]");
        assertThat(ClientCommands.names()).contains("/notify");
    }

    @Test
    void theListIsKeptPerServerInTheFile() throws Exception {
        Path file = dir.resolve("chatroom/notify");
        Watchlist here = Watchlist.load(file, "chat.example", 6667);
        assertThat(here.command(new Action.Notify("list", null))).startsWith("You watch nobody.");
        assertThat(here.command(new Action.Notify("add", "bob")))
                .isEqualTo("Watching bob: you are told when they come and go.");
        assertThat(here.command(new Action.Notify("add", "Bob"))).isEqualTo("You already watch bob.");
        here.command(new Action.Notify("add", "carol"));
        Watchlist there = Watchlist.load(file, "other.example", 6697);
        there.command(new Action.Notify("add", "dave"));
        assertThat(here.command(new Action.Notify("del", "carol"))).isEqualTo("No longer watching carol.");
        assertThat(here.command(new Action.Notify("del", "carol"))).isEqualTo("You do not watch carol.");
        assertThat(here.command(new Action.Notify("add", "#room"))).isEqualTo("Not a name: #room");

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("chat.example:6667 bob", "other.example:6697 dave");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Watchlist.load(file, "CHAT.example", 6667).nicks()).containsExactly("bob");
        assertThat(Watchlist.load(file, "chat.example", 6667).withMembers(List.of("alice")))
                .containsExactly("alice", "bob");
    }

    @Test
    void aLongListGoesOutInSeveralLinesAndEachChangeIsToldOnce() {
        Watchlist w = Watchlist.inMemory();
        for (int i = 0; i < 100; i++) w.command(new Action.Notify("add", "someone" + "x".repeat(20) + i));
        List<String> lines = w.monitorLines();
        assertThat(lines).hasSizeGreaterThan(1).allMatch(l -> l.startsWith("MONITOR + ") && l.length() < 510);
        assertThat(String.join(",", lines).replace("MONITOR + ", "").split(",")).hasSize(100);

        Watchlist bob = Watchlist.inMemory();
        bob.command(new Action.Notify("add", "bob"));
        Message online = Message.parse(":server 730 me :bob!~bob@host,zed!~z@h");
        assertThat(bob.told(online)).containsExactly(new ClientEvent.Presence("bob", true));
        assertThat(bob.told(online)).isEmpty(); // nothing changed
        assertThat(bob.told(Message.parse(":server 731 me :bob")))
                .containsExactly(new ClientEvent.Presence("bob", false));
        assertThat(bob.command(new Action.Notify("list", null))).isEqualTo("You watch: bob (offline)");
    }

    @Test
    void presenceIsRendered() {
        Render r = new Render(false, () -> "alice", ZoneOffset.UTC);
        assertThat(r.render(new ClientEvent.Presence("bob", true))).isEqualTo("* bob is online");
        assertThat(r.render(new ClientEvent.Presence("bob", false))).isEqualTo("* bob is offline");
    }

    @Test
    void theServerIsToldOnEveryConnectionAndSaysWhoComesAndGoes() throws Exception {
        TestServer server = new TestServer(TestServer.config());
        open.add(server);
        Watchlist list = Watchlist.inMemory();
        list.command(new Action.Notify("add", "bob"));

        Recorder alice = connected(server, list, "alice");
        assertThat(alice.await(ClientEvent.Presence.class)).isEqualTo(new ClientEvent.Presence("bob", false));
        IrcTestClient bob = new IrcTestClient(server.port());
        open.add(bob);
        bob.register("bob");
        assertThat(alice.await(ClientEvent.Presence.class)).isEqualTo(new ClientEvent.Presence("bob", true));
        assertThat(list.command(new Action.Notify("add", "carol"))).startsWith("Watching carol");
        assertThat(alice.await(ClientEvent.Presence.class)).isEqualTo(new ClientEvent.Presence("carol", false));

        alice.client.quit(null);
        alice.client.closed().get();
        Recorder again = connected(server, list, "alice");
        bob.send("QUIT");
        assertThat(again.await(ClientEvent.Presence.class)).isEqualTo(new ClientEvent.Presence("bob", false));
        list.command(new Action.Notify("del", "bob"));
        list.command(new Action.Notify("add", "dave")); // answered after the server has taken bob off
        assertThat(again.await(ClientEvent.Presence.class)).isEqualTo(new ClientEvent.Presence("dave", false));
        IrcTestClient bobAgain = new IrcTestClient(server.port());
        open.add(bobAgain);
        bobAgain.register("bob");
        IrcTestClient carol = new IrcTestClient(server.port());
        open.add(carol);
        carol.register("carol");
        // bob is no longer watched: the next presence is carol's
        assertThat(again.await(ClientEvent.Presence.class)).isEqualTo(new ClientEvent.Presence("carol", true));
    }

    private Recorder connected(TestServer server, Watchlist list, String nick) throws Exception {
        Recorder r = new Recorder(server.port(), null);
        open.add(r);
        r.client.watching(list).connect();
        r.client.register(nick);
        r.await(ClientEvent.Welcome.class);
        return r;
    }
}
