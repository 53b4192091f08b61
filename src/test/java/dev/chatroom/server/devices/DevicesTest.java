package dev.chatroom.server.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One account on several devices: one member, one nick, what one device does seen on the others. In memory. */
class DevicesTest {
    static final String PUBLIC = "203.0.113.7";

    static void registerAccount(InMemoryServer server, String name) {
        FakeClient a = server.connectSecure(PUBLIC, null).register(name);
        a.send("REGISTER * * correct-horse");
        a.expect("REGISTER SUCCESS");
        a.send("QUIT");
    }

    /** A device of the account, logged in with SASL, with these caps too; after the default room's NAMES. */
    static FakeClient device(InMemoryServer server, String nick, String account, String caps) {
        FakeClient c = server.connectSecure(PUBLIC, null);
        c.send("CAP LS 302")
                .send("CAP REQ :sasl" + (caps.isEmpty() ? "" : " " + caps))
                .sendRegistration(nick);
        c.send("AUTHENTICATE PLAIN");
        c.expect("AUTHENTICATE \\+");
        String plain = Base64.getEncoder()
                .encodeToString(("\0" + account + "\0correct-horse").getBytes(StandardCharsets.UTF_8));
        c.send("AUTHENTICATE " + plain).send("CAP END");
        c.expect(" 366 ");
        c.nick = account;
        return c;
    }

    @Test
    void twoDevicesAreOneMemberWithOneNick() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient bob = server.join("bob");
        FakeClient laptop = device(server, "alice", "alice", "");
        assertThat(bob.expect(" JOIN ")).startsWith(":alice!");
        FakeClient phone = device(server, "alice_", "alice", "");
        assertThat(phone.history()).anyMatch(l -> l.contains(" 001 alice "));
        assertThat(phone.history()).anyMatch(l -> l.contains(" 353 ") && l.contains("alice") && l.contains("bob"));
        assertThat(bob.sync()).noneMatch(l -> l.contains("JOIN") || l.contains("QUIT"));
        assertThat(laptop.sync()).noneMatch(l -> l.contains("JOIN"));

        bob.send("NAMES #chatroom");
        String names = bob.expect(" 353 ");
        assertThat(names.split(":")[2].split(" "))
                .filteredOn(n -> n.replace("@", "").equals("alice"))
                .hasSize(1);
        bob.send("LUSERS");
        assertThat(bob.expect(" 251 ")).contains("There are 2 users");
    }

    @Test
    void whatOneDeviceSaysTheOtherSeesWithTheSameMsgid() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient bob = server.connect().registerWithCaps("bob", "message-tags");
        FakeClient laptop = device(server, "alice", "alice", "message-tags echo-message");
        FakeClient phone = device(server, "alice", "alice", "message-tags");
        bob.sync();
        laptop.sync();

        phone.send("PRIVMSG #chatroom :from the phone");
        String atBob = bob.expect("PRIVMSG #chatroom");
        String atLaptop = laptop.expect("PRIVMSG #chatroom");
        assertThat(atLaptop).isEqualTo(atBob).contains(":alice!").endsWith(":from the phone");
        assertThat(phone.sync()).noneMatch(l -> l.contains("PRIVMSG")); // no echo-message on the phone

        laptop.send("PRIVMSG #chatroom :from the laptop");
        String echo = laptop.expect("PRIVMSG #chatroom");
        assertThat(phone.expect("PRIVMSG #chatroom")).isEqualTo(echo).isEqualTo(bob.expect("PRIVMSG #chatroom"));
    }

    @Test
    void aMultilineMessageReachesEachDeviceInTheFormItNegotiated() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient bob = server.connect().registerWithCaps("bob", "batch message-tags draft/multiline");
        FakeClient laptop = device(server, "alice", "alice", "batch message-tags draft/multiline");
        FakeClient phone = device(server, "alice", "alice", "message-tags");
        bob.sync();
        laptop.sync();
        phone.sync();

        bob.send("BATCH +1 draft/multiline alice")
                .send("@batch=1 PRIVMSG alice :two lines")
                .send("@batch=1 PRIVMSG alice :for alice")
                .send("BATCH -1");
        List<String> atLaptop = laptop.sync();
        assertThat(atLaptop).hasSize(4);
        assertThat(atLaptop.get(0)).matches("@msgid=\\S+ :bob!\\S+ BATCH \\+\\S+ draft/multiline alice");
        assertThat(atLaptop.subList(1, 3)).allMatch(l -> l.startsWith("@batch="));
        String msgid = atLaptop.get(0).replaceAll("@msgid=(\\S+) .*", "$1");
        assertThat(phone.sync())
                .containsExactly(
                        "@msgid=" + msgid + " :bob!~bob@127.0.0.1 PRIVMSG alice :two lines",
                        ":bob!~bob@127.0.0.1 PRIVMSG alice :for alice");
    }

    @Test
    void aPrivateMessageReachesEveryDeviceAndWhatOneSendsTheOthersSee() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient bob = server.join("bob");
        FakeClient laptop = device(server, "alice", "alice", "");
        FakeClient phone = device(server, "alice", "alice", "");
        bob.send("PRIVMSG alice :hi alice");
        assertThat(laptop.expect("PRIVMSG alice")).startsWith(":bob!").endsWith(":hi alice");
        assertThat(phone.expect("PRIVMSG alice")).startsWith(":bob!").endsWith(":hi alice");

        laptop.send("PRIVMSG bob :hi bob");
        assertThat(bob.expect("PRIVMSG bob")).startsWith(":alice!");
        assertThat(phone.expect("PRIVMSG bob")).startsWith(":alice!").endsWith(":hi bob");
        assertThat(laptop.sync()).noneMatch(l -> l.contains("PRIVMSG"));
    }

    @Test
    void joiningAndPartingOnOneDeviceDoesItForAll() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient bob = server.join("bob");
        bob.send("JOIN #other");
        bob.expect(" 366 bob #other ");
        FakeClient laptop = device(server, "alice", "alice", "");
        FakeClient phone = device(server, "alice", "alice", "");
        bob.sync();

        phone.send("JOIN #other");
        phone.expect(" 366 alice #other ");
        assertThat(laptop.expect(" JOIN ")).startsWith(":alice!").endsWith(" #other");
        laptop.expect(" 366 alice #other ");
        assertThat(bob.sync()).filteredOn(l -> l.contains(" JOIN ")).hasSize(1);

        laptop.send("PART #other :bye");
        laptop.expect(" PART #other");
        phone.expect(" PART #other");
        assertThat(bob.sync()).filteredOn(l -> l.contains(" PART ")).hasSize(1);

        laptop.send("NICK alicia");
        laptop.expect(" NICK ");
        assertThat(phone.expect(" NICK ")).isEqualTo(":alice!~alice@" + PUBLIC + " NICK :alicia");
        phone.send("PRIVMSG #chatroom :renamed");
        assertThat(bob.expect("PRIVMSG")).startsWith(":alicia!");
    }

    @Test
    void theRoomSeesOneQuitWhenTheLastDeviceLeaves() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient bob = server.join("bob");
        FakeClient laptop = device(server, "alice", "alice", "");
        FakeClient phone = device(server, "alice", "alice", "");
        bob.sync();

        laptop.send("QUIT :closing the lid");
        laptop.awaitClosed();
        laptop.drop(); // the transport then reports the connection gone: it is, the person is not
        assertThat(bob.sync()).isEmpty();
        phone.send("PRIVMSG #chatroom :still here");
        assertThat(bob.expect("PRIVMSG")).startsWith(":alice!").endsWith(":still here");

        phone.drop();
        server.clock.runPending();
        List<String> seen = bob.sync();
        assertThat(seen).filteredOn(l -> l.contains(" QUIT ")).hasSize(1);
        bob.send("PRIVMSG alice :hello?");
        assertThat(bob.expect(" 401 ")).contains("alice");
    }

    @Test
    void anInvitationReachesEveryDevice() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient bob = server.join("bob");
        bob.send("JOIN #secret");
        bob.expect(" 366 bob #secret ");
        FakeClient laptop = device(server, "alice", "alice", "");
        FakeClient phone = device(server, "alice", "alice", "");
        bob.send("INVITE alice #secret");
        assertThat(laptop.expect(" INVITE ")).startsWith(":bob!").endsWith("alice #secret");
        assertThat(phone.expect(" INVITE ")).startsWith(":bob!").endsWith("alice #secret");
    }

    @Test
    void monitorSeesThePersonComeOnceAndGoOnceAndEachDeviceWatchesForItself() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient bob = server.join("bob");
        bob.send("MONITOR + alice");
        bob.expect(" 731 ");
        FakeClient laptop = device(server, "alice", "alice", "");
        assertThat(bob.expect(" 730 ")).contains("alice!");
        FakeClient phone = device(server, "alice", "alice", "");
        phone.send("MONITOR + carol");
        phone.expect(" 731 ");
        laptop.send("QUIT");
        laptop.drop();
        assertThat(bob.sync()).noneMatch(l -> l.contains(" 731 ") || l.contains(" 730 "));

        FakeClient carol = server.join("carol");
        assertThat(phone.expect(" 730 ")).contains("carol!");
        phone.send("QUIT");
        assertThat(bob.expect(" 731 ")).endsWith(":alice");
        assertThat(carol.isClosed()).isFalse();
    }

    @Test
    void aKillEndsEveryDevice() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "alice");
        FakeClient bob = server.join("bob");
        FakeClient laptop = device(server, "alice", "alice", "");
        FakeClient phone = device(server, "alice", "alice", "");
        bob.sync();
        server.admin.execute("/kick alice spam");
        assertThat(laptop.awaitClosed()).anyMatch(l -> l.startsWith("ERROR"));
        assertThat(phone.awaitClosed()).anyMatch(l -> l.startsWith("ERROR"));
        assertThat(bob.sync())
                .filteredOn(l -> l.contains(" KICK #chatroom alice "))
                .hasSize(1);
    }

    @Test
    void pastMaxDevicesANewDeviceIsRefused() {
        InMemoryServer server = new InMemoryServer(InMemoryServer.config(s -> s.maxDevices(2)));
        registerAccount(server, "alice");
        device(server, "alice", "alice", "");
        FakeClient phone = device(server, "alice", "alice", "");
        FakeClient third = server.connectSecure(PUBLIC, null);
        third.send("CAP REQ :sasl").sendRegistration("alice3").send("AUTHENTICATE PLAIN");
        third.send("AUTHENTICATE "
                        + Base64.getEncoder().encodeToString("\0alice\0correct-horse".getBytes(StandardCharsets.UTF_8)))
                .send("CAP END");
        assertThat(third.awaitClosed()).contains("ERROR :Closing link: too many devices connected to this account (2)");
        assertThat(phone.isClosed()).isFalse();
    }

    @Test
    void guestsStayOneConnectionEach() {
        InMemoryServer server = new InMemoryServer();
        FakeClient bob = server.join("bob");
        FakeClient other = server.connect();
        other.sendRegistration("bob");
        assertThat(other.expect(" 433 ")).contains("bob");
        assertThat(bob.isClosed()).isFalse();
    }
}
