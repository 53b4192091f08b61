package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive client in a real terminal (tmux): rooms, the status line, paste, own messages once, a clean exit. */
class ClientTerminalIT {
    /** The host others see: a cloak, not 127.0.0.1. */
    private static final String CLOAK = "[a-z2-9]{16}\\.ip";

    @Test
    void roomsStatusLinePasteAndACleanExit(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux"), "SKIPPED: tmux is not installed (.ci/run installs it with apt-get)");
        try (JarProcess server = new JarProcess(
                "server", "--host", "127.0.0.1", "--port", "0", "--approve", "all", "--data-dir", dir.toString())) {
            int port = server.awaitListening();
            IrcTestClient bob = new IrcTestClient(port).autoPong().register("bob");
            String cmd = Tmux.join(port, "--name alice --no-color");
            try (Tmux alice = new Tmux("client-alice-" + ProcessHandle.current().pid(), cmd)) {
                alice.await("Welcome to #chatroom, alice.", false);
                alice.await("alice in #chatroom (2)", false); // the status line

                alice.typeLine("/join #side");
                alice.await("You joined #side.", false);
                bob.send("JOIN #side").expect(" 366 bob #side ");
                bob.send("PRIVMSG #chatroom :in the home room");
                alice.await("[#chatroom] bob: in the home room", false); // another room's line carries its name
                alice.await("1:#chatroom(1) 2:#side", false); // and counts as unread there

                alice.keys("M-1");
                alice.await("Now in #chatroom.", false);
                alice.typeLine("back home");
                assertThat(bob.expect("PRIVMSG")).matches(":alice!~alice@" + CLOAK + " PRIVMSG #chatroom :back home");
                String screen = alice.await("alice: back home", false);
                assertThat(screen)
                        .doesNotContain("alice> back home"); // the typed line gave way to the echo: shown once

                alice.keys("C-n");
                alice.await("Now in #side.", false);
                alice.paste("one\ntwo\nthree\nfour\nfive");
                alice.await("> five", false); // the paste is in the line editor, to be looked at, then sent with Enter
                alice.keys("Enter");
                alice.await("Send 5 lines? [y/N]", false);
                alice.typeLine("y");
                for (String w : new String[] {"one", "two", "three", "four", "five"}) {
                    assertThat(bob.expect("PRIVMSG")).matches(":alice!~alice@" + CLOAK + " PRIVMSG #side :" + w);
                }

                alice.typeLine("half a line");
                alice.keys("C-a", "C-k"); // nothing: just proves the line editor is there
                alice.typeLine("/leave");
                screen = alice.await("EXITED:0", false);
                String last = screen.lines()
                        .filter(l -> l.contains("EXITED:"))
                        .findFirst()
                        .orElseThrow();
                assertThat(last)
                        .isEqualTo("EXITED:0"); // a fresh line: no prompt, no half line, no status line left before it
            }
            bob.close();
        }
    }

    @Test
    void aHalfTypedLineSurvivesTheServerRestartingAndIsSentAfter(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Tmux.available("tmux"), "SKIPPED: tmux is not installed (.ci/run installs it with apt-get)");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String p = Integer.toString(port);
        JarProcess first = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                p,
                "--approve",
                "all",
                "--data-dir",
                dir.resolve("a").toString());
        first.awaitListening();
        String cmd = Tmux.join(port, "--name alice --no-color");
        try (Tmux alice = new Tmux("client-restart-" + ProcessHandle.current().pid(), cmd)) {
            alice.await("Welcome to #chatroom, alice.", false);
            alice.keys("-l", "typed before the crash");
            first.kill();
            alice.await("Reconnecting in", false);
            try (JarProcess second = new JarProcess(
                    "server",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    p,
                    "--approve",
                    "all",
                    "--data-dir",
                    dir.resolve("b").toString())) {
                second.awaitListening();
                // back in the room (after a back-off of up to 16 s while the new server started), then bob
                alice.awaitLines("Welcome to #chatroom, alice.", 2, Duration.ofSeconds(45));
                IrcTestClient bob = new IrcTestClient(port).autoPong().register("bob");
                String screen = alice.await("bob entered the chatroom", false);
                assertThat(screen).contains("alice> typed before the crash"); // still in the line editor
                alice.keys("Enter");
                assertThat(bob.expect("PRIVMSG"))
                        .matches(":alice!~alice@" + CLOAK + " PRIVMSG #chatroom :typed before the crash");
                alice.typeLine("/leave");
                alice.await("EXITED:0", false);
                bob.close();
            }
        } finally {
            first.close();
        }
    }
}
