package dev.chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection of a soak user against a scripted server, on a frozen clock. */
class SoakSessionTest {
    private static final List<String> ROOMS = List.of("#soak-0");
    private final SoakLedger ledger = new SoakLedger(ROOMS, List.of("soakobs0"));
    private final Soak.Settings settings = new Soak.Settings(
            Hosts.single("127.0.0.1", 6667),
            3,
            1,
            1,
            "#soak",
            1,
            1,
            Duration.ofSeconds(60),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            Duration.ofSeconds(30),
            10,
            List.of(),
            "soak",
            null);
    private EmbeddedChannel ch;
    private boolean stopping;

    private final SoakUser.Run run = new SoakUser.Run() {
        @Override
        public EventLoop loop() {
            return ch.eventLoop();
        }

        @Override
        public Bootstrap bootstrap() {
            throw new UnsupportedOperationException("no reconnecting in this test");
        }

        @Override
        public SoakLedger ledger() {
            return ledger;
        }

        @Override
        public Soak.Settings settings() {
            return settings;
        }

        @Override
        public List<String> rooms() {
            return ROOMS;
        }

        @Override
        public List<String> observerNicks() {
            return List.of("soakobs0");
        }

        @Override
        public boolean stopping() {
            return stopping;
        }

        @Override
        public void done(SoakUser u) {}
    };

    @AfterEach
    void finish() {
        stopping = true;
        ch.finishAndReleaseAll();
    }

    private SoakSession connect(SoakUser user, String nick, boolean login) {
        SoakSession s = new SoakSession(user, nick, login);
        ch = new EmbeddedChannel(s);
        ch.freezeTime();
        return s;
    }

    private void serverSends(String... lines) {
        for (String l : lines) ch.writeInbound(Unpooled.copiedBuffer(l + "\r\n", StandardCharsets.UTF_8));
    }

    private List<String> sent() {
        List<String> out = new ArrayList<>();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            out.add(b.toString(StandardCharsets.UTF_8).strip());
            b.release();
        }
        return out;
    }

    @Test
    void aGuestJoinsChatsAndCountsAMessageOnlyOnceTheServerEchoesIt() {
        SoakUser guest = new SoakUser(1, settings.hosts().of(0), false, run);
        connect(guest, "soak1-1", false);
        assertThat(sent())
                .containsExactly("CAP REQ :echo-message", "NICK soak1-1", "USER soak1-1 0 * :chatroom soak", "CAP END");
        serverSends(":srv 001 soak1-1 :Welcome", ":srv 366 soak1-1 #chatroom :End");
        assertThat(sent()).containsExactly("JOIN #soak-0");
        serverSends(":srv 366 soak1-1 #soak-0 :End");
        ch.advanceTimeBy(2, TimeUnit.SECONDS); // at --rate 1, the next action comes within 1.5 s
        ch.runScheduledPendingTasks();
        List<String> said = sent();
        assertThat(said).singleElement().asString().startsWith("PRIVMSG ");
        assertThat(ledger.sent).isEqualTo(1);
        assertThat(ledger.confirmedTotal()).isZero();
        serverSends(":soak1-1!u@h " + said.get(0));
        assertThat(ledger.confirmedTotal()).isEqualTo(1);
        serverSends(":soak1-1!u@h " + said.get(0)); // the same again (history replayed): not a second confirmation
        assertThat(ledger.confirmedTotal()).isEqualTo(1);
        assertThat(ledger.errors).isZero();
    }

    @Test
    void anAccountHolderRegistersOnItsFirstConnection() {
        SoakUser holder = new SoakUser(0, settings.hosts().of(0), true, run);
        connect(holder, holder.account, false);
        sent();
        serverSends(":srv 001 soaka0 :Welcome");
        assertThat(sent()).containsExactly("REGISTER * * " + holder.accountPassword);
        serverSends(":srv REGISTER SUCCESS soaka0 :Account created");
        assertThat(holder.accountMade).isTrue();
        assertThat(ledger.registrations).isEqualTo(1);
        assertThat(sent()).containsExactly("JOIN #soak-0");
    }

    @Test
    void laterItLogsInWithSaslPlainBeforeEndingCapabilityNegotiation() {
        SoakUser holder = new SoakUser(0, settings.hosts().of(0), true, run);
        holder.accountMade = true;
        connect(holder, holder.account, true);
        assertThat(sent())
                .containsExactly(
                        "CAP REQ :echo-message sasl",
                        "NICK soaka0",
                        "USER soaka0 0 * :chatroom soak",
                        "AUTHENTICATE PLAIN");
        serverSends("AUTHENTICATE +");
        String plain = "soaka0\0soaka0\0" + holder.accountPassword;
        assertThat(sent())
                .containsExactly(
                        "AUTHENTICATE " + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        serverSends(":srv 903 soaka0 :SASL authentication successful");
        assertThat(sent()).containsExactly("CAP END");
        assertThat(ledger.logins).isEqualTo(1);
    }

    @Test
    void aRefusedLoginIsAnErrorAndTheConnectionQuits() {
        SoakUser holder = new SoakUser(0, settings.hosts().of(0), true, run);
        holder.accountMade = true;
        connect(holder, holder.account, true);
        sent();
        serverSends(":srv 904 soaka0 :SASL authentication failed");
        assertThat(ledger.errors).isEqualTo(1);
        assertThat(ledger.firstProblems).containsExactly("soaka0: :srv 904 soaka0 :SASL authentication failed");
        assertThat(sent()).contains("QUIT :soak");
    }

    @Test
    void theServerClosingTheConnectionUnaskedIsAnError() {
        SoakUser guest = new SoakUser(1, settings.hosts().of(0), false, run);
        connect(guest, "soak1-1", false);
        stopping = true; // no reconnect
        ch.close();
        assertThat(ledger.errors).isEqualTo(1);
        assertThat(ledger.firstProblems).containsExactly("soak1-1: the server closed the connection");
    }
}
