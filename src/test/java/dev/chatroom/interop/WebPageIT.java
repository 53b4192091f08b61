package dev.chatroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.Browser;
import dev.chatroom.testing.IrcTestClient;
import dev.chatroom.testing.JarProcess;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's web page in a real headless Chromium: two people join from browsers and one from the
 * terminal client, each accepted by the admin at the console; they chat, in colour and privately;
 * markup typed by someone stays text; the server restarts and the pages come back by themselves.
 */
class WebPageIT {
    /** The phone-sized screenshot, kept with the test reports. */
    static final Path SCREENSHOT = Path.of("target", "web-375px.png");

    @Test
    void twoBrowsersAndTheTerminalClientShareTheRoomThroughARestart(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Browser.available(),
                "SKIPPED: chromium and chromedriver are not installed (.ci/run installs chromium and chromium-driver)");
        int web;
        try (ServerSocket probe = new ServerSocket(0)) {
            web = probe.getLocalPort();
        }
        String[] serverArgs = {
            "server",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--web-port",
            Integer.toString(web),
            "--data-dir",
            dir.toString()
        };
        String page = "http://127.0.0.1:" + web + "/";
        JarProcess server = new JarProcess(serverArgs);
        try {
            int port = server.awaitListening();
            JarProcess bob = new JarProcess(
                    "join", "--host", "127.0.0.1", "--port", Integer.toString(port), "--name", "bob", "--color");
            server.expect("^bob \\(no account, 127\\.0\\.0\\.1\\) wants to join");
            server.type("y");
            bob.expect("Welcome to #chatroom");

            try (bob;
                    Browser alice = new Browser(1024, 768);
                    Browser carol = new Browser(375, 740)) {
                alice.open(page).join("bob");
                alice.await("join-status", "The name bob is already taken. Pick another one.");
                alice.join("mallory");
                alice.await("join-status", "Waiting for the admin to accept you...");
                server.expect("^mallory \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                server.type("n");
                alice.await("join-status", "The admin rejected your request.");
                alice.join("alice");
                alice.await("join-status", "Waiting for the admin to accept you...");
                server.expect("^alice \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                server.type("y");
                alice.await("status", "alice in #chatroom (2)");
                alice.await("log", "Welcome to #chatroom, alice.");
                bob.expect("alice.* entered the chatroom\\.");

                carol.open(page).join("carol");
                server.expect("^carol \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                server.type("y");
                carol.await("status", "carol in #chatroom (3)");
                assertThat(alice.await("members", "carol")).contains("alice", "bob");

                // the room, both ways
                alice.say("hello from a browser");
                bob.expect("alice.*: hello from a browser");
                carol.await("log", "alice: hello from a browser");
                bob.type("/color red red from the terminal");
                alice.await("log", "bob: red from the terminal");
                assertThat(alice.find("#log .fg4"))
                        .singleElement()
                        .satisfies(e -> assertThat(e.getText()).isEqualTo("red from the terminal"));
                carol.say("/color blue blue from a phone");
                assertThat(bob.expect("carol.*: .*blue from a phone").group())
                        .contains("\u001b[34mblue from a phone"); // mIRC 02, in the terminal's blue

                // markup from others is text, never HTML
                bob.type("<script>window.pwned = 1</script>");
                bob.type("<img src=x onerror=\"window.pwned = 2\">");
                alice.await("log", "<img src=x onerror=\"window.pwned = 2\">");
                assertThat(alice.await("log", "<script>window.pwned = 1</script>"))
                        .isNotEmpty();
                assertThat(alice.script("return window.pwned === undefined")).isEqualTo(true);
                assertThat(alice.find("#log img")).isEmpty();
                assertThat(alice.find("#log script")).isEmpty();

                // privately: a click on a name opens the conversation; only carol gets it
                alice.click("#members .nick", "carol");
                alice.await("topic", "Private conversation with carol");
                alice.say("psst, carol");
                carol.await("tabs", "alice (1)");
                carol.click("#tabs .tab", "alice (1)");
                carol.await("log", "alice: psst, carol");
                bob.type("/private carol from the terminal, privately");
                carol.await("tabs", "bob (1)");

                carol.screenshot(SCREENSHOT);
                alice.click("#tabs .tab", "#chatroom");
                alice.screenshot(Path.of("target", "web-1024px.png"));

                // the server restarts: the pages come back by themselves, once the admin accepts them again
                server.close();
                alice.await("status", "Reconnecting in");
                server = new JarProcess(serverArgs);
                server.awaitListening();
                for (int i = 0; i < 2; i++) { // bob's terminal client knew the old port 0 gave: not him
                    server.expect("^(alice|carol) \\(no account, 127\\.0\\.0\\.1\\) wants to join");
                    server.type("y");
                }
                alice.await("log", "Reconnected.");
                carol.await("log", "Reconnected.");
                carol.click("#tabs .tab", "#chatroom");
                carol.say("back after the restart");
                String log = alice.await("log", "carol: back after the restart");
                assertThat(log.split("alice: hello from a browser", -1))
                        .as("nothing shown twice after catching up")
                        .hasSize(2);
            }
        } finally {
            server.close();
        }
    }

    /** An account's login, earlier messages on asking, several lines, typing and a reaction, with clients that speak them. */
    @Test
    void anAccountLogsInAndEarlierMessagesMultilineTypingAndReactionsWork(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                Browser.available(),
                "SKIPPED: chromium and chromedriver are not installed (.ci/run installs chromium and chromium-driver)");
        try (JarProcess server = new JarProcess(
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--web-port",
                "0",
                "--approve",
                "all",
                "--flood-rate",
                "0",
                "--data-dir",
                dir.toString())) {
            int port = server.awaitListening();
            int web = Integer.parseInt(
                    server.expect("ws://127\\.0\\.0\\.1:(\\d+)/").group(1));
            try (IrcTestClient account = new IrcTestClient(port).register("dora")) {
                account.send("REGISTER * * correct-horse");
                account.expect("REGISTER SUCCESS");
            }
            IrcTestClient bob = new IrcTestClient(port)
                    .autoPong()
                    .registerWithCaps("bob", "batch message-tags draft/multiline account-tag echo-message");
            IrcTestClient plain = new IrcTestClient(port).autoPong().register("plain");
            for (int i = 1; i <= 60; i++) plain.send(String.format("PRIVMSG #chatroom :earlier %02d", i));
            plain.sync();
            try (Browser dora = new Browser(1024, 768)) {
                dora.open("http://127.0.0.1:" + web + "/").login("dora", "correct-horse");
                dora.await("status", "dora in #chatroom (3)");
                // the message of the day, then the last 50 of the room; the 10 before them on asking
                String shown = dora.await("log", "plain: earlier 60");
                assertThat(shown).contains("Welcome! Everything you type goes to the whole room.");
                assertThat(shown).contains("plain: earlier 11").doesNotContain("plain: earlier 10");
                dora.click("#log .earlier", "Earlier messages");
                String all = dora.await("log", "plain: earlier 01");
                assertThat(all.indexOf("plain: earlier 01"))
                        .isLessThan(all.indexOf("plain: earlier 10"))
                        .isLessThan(all.indexOf("plain: earlier 11"));
                assertThat(all.indexOf("Welcome! Everything")).isLessThan(all.indexOf("plain: earlier 01"));
                dora.click("#log .earlier", "Earlier messages");
                dora.await("log", "No earlier messages");
                bob.send("WHOIS dora");
                assertThat(bob.expect(" 330 ")).contains("dora dora :is logged in as");

                dora.sayLines("first line", "second line");
                String opening = bob.expect(" BATCH \\+");
                assertThat(opening).contains("account=dora").contains(" draft/multiline #chatroom");
                assertThat(bob.next()).endsWith("PRIVMSG #chatroom :first line");
                assertThat(bob.next()).endsWith("PRIVMSG #chatroom :second line");
                assertThat(plain.expect("PRIVMSG")).endsWith(":first line");
                assertThat(plain.expect("PRIVMSG")).endsWith(":second line");
                dora.await("log", "dora: first line\nsecond line");

                bob.send("@+typing=active TAGMSG #chatroom");
                dora.await("status", "bob is typing…");
                String msgid = opening.replaceAll(".*msgid=([^; ]+).*", "$1");
                bob.send("@+draft/react=\uD83D\uDC4D;+draft/reply=" + msgid + " TAGMSG #chatroom");
                dora.await("log", "(\uD83D\uDC4D 1)");
                bob.send("PRIVMSG #chatroom :the typing is over");
                assertThat(dora.await("log", "bob: the typing is over")).isNotEmpty();
                assertThat(dora.text("status")).doesNotContain("typing");

                // what is on screen is marked read, the newest time of the room, not a marker per message: dora's
                // other device is told each marker the page sets
                IrcTestClient phone = new IrcTestClient(port).autoPong();
                phone.send("CAP REQ :sasl draft/read-marker server-time").sendRegistration("dora");
                phone.send("AUTHENTICATE PLAIN");
                phone.expect("AUTHENTICATE \\+");
                phone.send("AUTHENTICATE "
                        + java.util.Base64.getEncoder()
                                .encodeToString(
                                        "\0dora\0correct-horse".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                phone.send("CAP END");
                phone.expect(" 366 ");
                phone.sync();
                for (int i = 1; i <= 20; i++) plain.send("PRIVMSG #chatroom :busy " + i);
                String time = phone.expect("PRIVMSG #chatroom :busy 20").replaceAll("@time=([^; ]+).*", "$1");
                dora.await("log", "plain: busy 20");
                phone.expect(l -> l.contains("MARKREAD #chatroom timestamp=" + time), "the marker of the last");
                List<String> seen = phone.history();
                long markers = seen
                        .subList(
                                seen.indexOf(seen.stream()
                                        .filter(l -> l.endsWith(":busy 1"))
                                        .findFirst()
                                        .orElseThrow()),
                                seen.size())
                        .stream()
                        .filter(l -> l.contains("MARKREAD"))
                        .count();
                assertThat(markers)
                        .as("at most one marker every 3 s, not one a message")
                        .isLessThanOrEqualTo(2);
            }
        }
    }
}
