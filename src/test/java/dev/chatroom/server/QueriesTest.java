package dev.chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import dev.chatroom.testing.InMemoryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueriesTest extends HubTest {
    private FakeClient alice;

    @BeforeEach
    void joinTwo() {
        alice = server.join("alice");
        server.join("bob");
        alice.sync();
    }

    @Test
    void namesOfTheRoom() {
        alice.send("NAMES #chatroom");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom 353 alice = #chatroom :alice bob",
                        ":chatroom 366 alice #chatroom :End of /NAMES list.");
        alice.send("NAMES");
        assertThat(alice.next()).isEqualTo(":chatroom 366 alice * :End of /NAMES list.");
    }

    @Test
    void whoOfTheRoomAndOfANick() {
        alice.send("WHO #chatroom");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom 352 alice #chatroom ~alice 127.0.0.1 chatroom alice H :0 alice Tester",
                        ":chatroom 352 alice #chatroom ~bob 127.0.0.1 chatroom bob H :0 bob Tester",
                        ":chatroom 315 alice #chatroom :End of WHO list");
        alice.send("WHO Bob");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom 352 alice * ~bob 127.0.0.1 chatroom bob H :0 bob Tester",
                        ":chatroom 315 alice Bob :End of WHO list");
    }

    @Test
    void whoxReturnsTheRequestedFieldsInStandardOrder() {
        alice.send("WHO #chatroom %tcuhnfar,745");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom 354 alice 745 #chatroom ~alice 127.0.0.1 alice H 0 :alice Tester",
                        ":chatroom 354 alice 745 #chatroom ~bob 127.0.0.1 bob H 0 :bob Tester",
                        ":chatroom 315 alice #chatroom :End of WHO list");
        alice.send("WHO bob %nf");
        assertThat(alice.sync())
                .containsExactly(":chatroom 354 alice bob H", ":chatroom 315 alice bob :End of WHO list");
    }

    @Test
    void whois() {
        alice.send("WHOIS bob");
        var lines = alice.sync();
        assertThat(lines.get(0)).isEqualTo(":chatroom 311 alice bob ~bob 127.0.0.1 * :bob Tester");
        assertThat(lines.get(1)).isEqualTo(":chatroom 319 alice bob :#chatroom");
        assertThat(lines.get(2)).isEqualTo(":chatroom 312 alice bob chatroom :chatroom server");
        assertThat(lines.get(3)).matches(":chatroom 317 alice bob \\d+ \\d+ :seconds idle, signon time");
        assertThat(lines.get(4)).isEqualTo(":chatroom 318 alice bob :End of /WHOIS list");
        alice.send("WHOIS ghost");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom 401 alice ghost :No such nick/channel",
                        ":chatroom 318 alice ghost :End of /WHOIS list");
    }

    @Test
    void motdAndLusers() {
        alice.send("MOTD");
        var motd = alice.sync();
        assertThat(motd.get(0)).isEqualTo(":chatroom 375 alice :- chatroom Message of the day - ");
        assertThat(motd.get(motd.size() - 1)).isEqualTo(":chatroom 376 alice :End of /MOTD command.");
        alice.send("LUSERS");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom 251 alice :There are 2 users and 0 invisible on 1 servers",
                        ":chatroom 254 alice 1 :channels formed",
                        ":chatroom 255 alice :I have 2 clients and 0 servers",
                        ":chatroom 265 alice 2 2 :Current local users 2, max 2",
                        ":chatroom 266 alice 2 2 :Current global users 2, max 2");
    }

    @Test
    void customMotd(@TempDir Path dir) throws Exception {
        Path motd = Files.writeString(dir.resolve("motd.txt"), "Be kind.\n");
        try (InMemoryServer custom = new InMemoryServer(InMemoryServer.config(b -> b.motdFile(motd)))) {
            FakeClient c = custom.connect().sendRegistration("zoe");
            c.expect(" 375 ");
            assertThat(c.next()).isEqualTo(":chatroom 372 zoe :- Be kind.");
            assertThat(c.next()).isEqualTo(":chatroom 376 zoe :End of /MOTD command.");
        }
    }

    @Test
    void isonAndUserhost() {
        alice.send("ISON bob nobody ALICE");
        assertThat(alice.next()).isEqualTo(":chatroom 303 alice :bob alice");
        alice.send("USERHOST bob");
        assertThat(alice.next()).isEqualTo(":chatroom 302 alice :bob=+~bob@127.0.0.1");
    }

    @Test
    void modeQueries() {
        alice.send("MODE #chatroom");
        assertThat(alice.next()).isEqualTo(":chatroom 324 alice #chatroom +nt");
        assertThat(alice.next()).matches(":chatroom 329 alice #chatroom \\d+");
        alice.send("MODE #chatroom b");
        assertThat(alice.next()).isEqualTo(":chatroom 368 alice #chatroom :End of channel ban list");
        alice.send("MODE alice +i");
        assertThat(alice.next()).isEqualTo(":alice MODE alice :+i");
        alice.send("MODE alice");
        assertThat(alice.next()).isEqualTo(":chatroom 221 alice +i");
        alice.send("MODE bob +i");
        assertThat(alice.next()).isEqualTo(":chatroom 502 alice :Can't change mode for other users");
    }
}
