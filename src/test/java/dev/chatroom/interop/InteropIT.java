package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real irssi (in tmux) and a real WeeChat (headless, driven through its FIFO, read through its
 * logs) in the same room as the chatroom client, against the real server. .ci/run installs them;
 * without them this test is skipped, saying so.
 */
class InteropIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void irssiWeechatAndTheChatroomClientTalk(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("irssi") && Tmux.available("tmux") && Tmux.available("weechat-headless"),
                "SKIPPED: irssi, weechat-headless or tmux is not installed (.ci/run installs them with apt-get)");
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--data-dir",
                dir.resolve("data").toString())) {
            int port = server.awaitListening();

            // our client, bob, first
            JarProcess bob = new JarProcess(
                    "join", "--host", "127.0.0.1", "--port", Integer.toString(port), "--name", "bob", "--color");
            server.expect("^bob \\(no account, 127\\.0\\.0\\.1\\) wants to join");
            server.type("y");
            bob.expect("Welcome to #chatroom");

            // irssi as alice: waits for the admin, then lands in #chatroom with the member list
            Path irssiHome = Files.createDirectories(dir.resolve("irssi"));
            try (Tmux irssi = new Tmux(
                    "interop-irssi-" + ProcessHandle.current().pid(),
                    "TERM=xterm-256color irssi --home=" + irssiHome + " -c 127.0.0.1 -p " + port + " -n alice")) {
                irssi.await("Waiting for the admin to accept you", false);
                server.expect("^alice \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                server.type("y");
                bob.expect("\\* .*alice.* entered the chatroom\\.");
                irssi.await(
                        "Act: 2", false); // irssi made the channel window on the JOIN; before that Alt-2 does nothing
                irssi.keys("M-2");
                irssi.await("Total of 2 nicks", false);

                // irssi -> chatroom, with an mIRC color typed in irssi (Ctrl-C 4 = red)
                irssi.keys("C-c");
                irssi.typeLine("4red from irssi");
                String red = bob.expect(".*alice.*: .*red from irssi").group();
                assertThat(red).contains("\u001b[91mred from irssi"); // mIRC 04 -> ANSI bright red

                // chatroom -> irssi, colored: irssi shows it in color
                bob.type("/color green green from chatroom");
                String screen = irssi.await("green from chatroom", true);
                String line = screen.lines()
                        .filter(l -> l.contains("green from chatroom"))
                        .findFirst()
                        .orElseThrow();
                assertThat(line).contains("\u001b[32mgreen from chatroom"); // mIRC 03 green, as irssi draws it

                // private messages both ways
                irssi.typeLine("/msg bob psst from irssi");
                bob.expect("\\[private\\] .*alice.*: psst from irssi");
                bob.type("/private alice psst from chatroom");
                irssi.keys("M-3");
                irssi.await("psst from chatroom", false);
                irssi.keys("M-2");

                // WeeChat as carol
                Path wee = Files.createDirectories(dir.resolve("weechat"));
                Process weechat = new ProcessBuilder(
                                "weechat-headless",
                                "--dir",
                                wee.toString(),
                                "-r",
                                "/set logger.file.flush_delay 0; /set logger.file.color_lines on; /set fifo.file.enabled on; /server add chat 127.0.0.1/"
                                        + port + " -notls; /set irc.server.chat.nicks carol,carol_; /connect chat")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("weechat.out").toFile())
                        .start();
                try {
                    server.expect("^carol \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                    server.type("y");
                    bob.expect("\\* .*carol.* entered the chatroom\\.");
                    Path log = awaitFile(wee.resolve("logs").resolve("irc.chat.#chatroom.weechatlog"));
                    Path weeServerLog = wee.resolve("logs").resolve("irc.server.chat.weechatlog");
                    awaitText(weeServerLog, "Waiting for the admin to accept you");
                    awaitText(log, "3 nicks"); // landed in the room with the member list: bob, alice, carol
                    // said before carol came, shown to her on joining (history replay), from its sender
                    awaitText(log, "green from chatroom");
                    assertThat(Files.readString(log)
                                    .lines()
                                    .filter(l -> l.contains("green from chatroom"))
                                    .findFirst()
                                    .orElseThrow())
                            .contains("bob");
                    Path fifo = awaitFifo(wee);
                    Files.writeString(fifo, "irc.chat.#chatroom *hello from weechat\n");
                    bob.expect(".*carol.*: hello from weechat");
                    irssi.await("hello from weechat", false);
                    // an mIRC color typed in WeeChat shows in color in ours (04 red -> ANSI 91)
                    Files.writeString(fifo, "irc.chat.#chatroom *\u000304red from weechat\n");
                    assertThat(bob.expect(".*carol.*: .*red from weechat").group())
                            .contains("\u001b[91mred from weechat");
                    // ours in color shows in color in WeeChat (its log keeps colors as escape sequences)
                    bob.type("/color blue blue from chatroom");
                    awaitText(log, "blue from chatroom");
                    String blueLine = Files.readString(log)
                            .lines()
                            .filter(l -> l.contains("blue from chatroom"))
                            .findFirst()
                            .orElseThrow();
                    assertThat(blueLine)
                            .contains("\u001b[34mblue from chatroom"); // mIRC 02 blue; a plain line has a reset here
                    // our /private reaches WeeChat as a query
                    bob.type("/private carol psst to weechat");
                    awaitText(awaitFile(wee.resolve("logs").resolve("irc.chat.bob.weechatlog")), "psst to weechat");
                    Files.writeString(fifo, "irc.server.chat */msg bob psst from weechat\n");
                    bob.expect("\\[private\\] .*carol.*: psst from weechat");
                    bob.type("hello weechat");
                    awaitText(log, "hello weechat");

                    // a multiline message, a reply, a reaction and typing from a client that speaks them: irssi
                    // and WeeChat, which negotiate none of it, see the lines as plain messages and nothing else
                    IrcTestClient dave = new IrcTestClient(port).autoPong();
                    dave.send("CAP REQ :batch message-tags draft/multiline").sendRegistration("dave");
                    dave.send("CAP END");
                    server.expect("^dave \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                    server.type("y");
                    dave.expect(" 366 dave ");
                    dave.send("@+typing=active TAGMSG #chatroom")
                            .send("@+draft/reply=x BATCH +p draft/multiline #chatroom")
                            .send("@batch=p PRIVMSG #chatroom :first of three lines")
                            .send("@batch=p PRIVMSG #chatroom :")
                            .send("@batch=p PRIVMSG #chatroom :second of three, ")
                            .send("@batch=p;draft/multiline-concat PRIVMSG #chatroom :continued")
                            .send("BATCH -p")
                            .send("@+draft/react=\uD83D\uDC4D;+draft/reply=x TAGMSG #chatroom");
                    dave.send("PRIVMSG #chatroom :after the long one");
                    awaitText(log, "after the long one");
                    irssi.await("after the long one", false);
                    for (String seen : List.of(Files.readString(log), irssi.await("after the long one", false))) {
                        assertThat(seen).contains("first of three lines", "second of three,", "continued");
                        assertThat(seen).doesNotContain("BATCH", "batch=", "multiline", "TAGMSG", "typing", "react");
                    }
                    assertThat(Files.readString(log)
                                    .lines()
                                    .filter(l -> l.contains("dave"))
                                    .filter(l -> l.contains("first of three")
                                            || l.contains("second of three")
                                            || l.contains("continued")))
                            .hasSize(3); // each line as a message of its own, the blank one left out
                    dave.close();

                    // the admin makes carol an operator; in WeeChat she moderates the room and voices alice
                    server.type("/op carol");
                    server.expect("^Mode #chatroom \\+o carol\\.$");
                    awaitText(log, "+o carol");
                    Files.writeString(fifo, "irc.chat.#chatroom */mode #chatroom +m\n");
                    awaitText(log, "[+m]");
                    Files.writeString(fifo, "irc.chat.#chatroom */mode #chatroom +v alice\n");
                    awaitText(log, "[+v alice]");
                    bob.type("may bob speak?");
                    bob.expect("Cannot send to #chatroom: Cannot send to channel \\(\\+m\\)");
                    irssi.typeLine("voiced alice speaks");
                    awaitText(log, "voiced alice speaks");
                    assertThat(Files.readString(log)).doesNotContain("may bob speak?");

                    // nothing irssi sent on its own was unknown to the server
                    irssi.keys("M-1");
                    assertThat(irssi.await("[(status)]", false))
                            .doesNotContain("Unknown command"); // once irssi shows the status window
                    irssi.keys("M-2");

                    // irssi's /quit is a departure for everyone; our /leave is a quit for them
                    irssi.typeLine("/quit see you");
                    bob.expect("\\* .*alice.* left the chat \\(see you\\)");
                    bob.type("/leave");
                    assertThat(bob.waitForExit()).isZero();
                    awaitText(log, "bob");
                    awaitText(log, "has quit");

                    String serverLog = Files.readString(wee.resolve("logs").resolve("irc.server.chat.weechatlog"));
                    assertThat(serverLog).doesNotContain("Unknown command");
                } finally {
                    weechat.destroy();
                    weechat.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void irssiAndWeechatRetryWithAnotherNickWhenTheirsIsTaken(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("irssi") && Tmux.available("tmux") && Tmux.available("weechat-headless"),
                "SKIPPED: irssi, weechat-headless or tmux is not installed (.ci/run installs them with apt-get)");
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--approve",
                "all",
                "--data-dir",
                dir.resolve("data").toString())) {
            int port = server.awaitListening();
            try (JarProcess bob =
                    new JarProcess("join", "--host", "127.0.0.1", "--port", Integer.toString(port), "--name", "bob")) {
                bob.expect("Welcome to #chatroom");
                Path home = Files.createDirectories(dir.resolve("irssi"));
                try (Tmux irssi = new Tmux(
                        "interop-nick-" + ProcessHandle.current().pid(),
                        "TERM=xterm-256color irssi --home=" + home + " -c 127.0.0.1 -p " + port + " -n bob")) {
                    bob.expect("\\* bob_ entered the chatroom\\.");
                    irssi.await(
                            "Act: 2",
                            false); // irssi made the channel window on the JOIN; before that Alt-2 does nothing
                    irssi.keys("M-2");
                    irssi.await("Total of 2 nicks", false);
                }
                Path wee = Files.createDirectories(dir.resolve("weechat"));
                Process weechat = new ProcessBuilder(
                                "weechat-headless",
                                "--dir",
                                wee.toString(),
                                "-r",
                                "/server add chat 127.0.0.1/" + port
                                        + " -notls; /set irc.server.chat.nicks bob,bob2; /connect chat")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("weechat.out").toFile())
                        .start();
                try {
                    bob.expect("\\* bob2 entered the chatroom\\.");
                } finally {
                    weechat.destroy();
                    weechat.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void irssiAndWeechatSendTheServerPasswordFirst(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("irssi") && Tmux.available("tmux") && Tmux.available("weechat-headless"),
                "SKIPPED: irssi, weechat-headless or tmux is not installed (.ci/run installs them with apt-get)");
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--approve",
                "all",
                "--password",
                "s3cret-door",
                "--data-dir",
                dir.resolve("data").toString())) {
            int port = server.awaitListening();
            Path home = Files.createDirectories(dir.resolve("irssi"));
            try (Tmux irssi = new Tmux(
                    "interop-pass-" + ProcessHandle.current().pid(),
                    "TERM=xterm-256color irssi --home=" + home + " -c 127.0.0.1 -p " + port
                            + " -w s3cret-door -n dave")) {
                server.expect("^\\* dave entered the chatroom\\.$");
                irssi.await("Act: 2", false);
            }
            Path wee = Files.createDirectories(dir.resolve("weechat"));
            Process weechat = new ProcessBuilder(
                            "weechat-headless",
                            "--dir",
                            wee.toString(),
                            "-r",
                            "/server add chat 127.0.0.1/" + port
                                    + " -notls -password=s3cret-door; /set irc.server.chat.nicks erin; /connect chat")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("weechat.out").toFile())
                    .start();
            try {
                server.expect("^\\* erin entered the chatroom\\.$");
            } finally {
                weechat.destroy();
                weechat.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static Path awaitFile(Path p) throws InterruptedException {
        Await.until(p.toString(), WAIT, () -> Files.exists(p));
        return p;
    }

    static void awaitText(Path file, String text) throws Exception {
        Await.until(
                "'" + text + "' in " + file,
                WAIT,
                () -> Files.readString(file).replaceAll("\u001b\\[[0-9;]*m", ""), // WeeChat's color_lines
                s -> s.contains(text));
    }

    static Path awaitFifo(Path weechatDir) throws Exception {
        List<Path> files = Await.until(
                "FIFO from WeeChat in " + weechatDir,
                WAIT,
                () -> {
                    try (var walk = Files.walk(weechatDir, 2)) {
                        return walk.toList();
                    }
                },
                found -> found.stream().anyMatch(InteropIT::isFifo));
        return files.stream().filter(InteropIT::isFifo).findFirst().orElseThrow();
    }

    private static boolean isFifo(Path f) {
        return f.getFileName().toString().startsWith("weechat_fifo");
    }
}
