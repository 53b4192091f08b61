package dev.chatroom.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import org.junit.jupiter.api.Test;

/** KICK, INVITE, LIST, WHOWAS, WHO masks and the questions about the server. */
class ChannelCommandsTest extends HubTest {
    private static final String ALICE = ":alice!~alice@127.0.0.1";

    @Test
    void anOperatorKicksSeveralWithAReasonAndEveryoneSeesIt() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        FakeClient carol = server.join("carol");
        alice.send("JOIN #side").sync();
        bob.send("JOIN #side").sync();
        carol.send("JOIN #side").sync();
        alice.sync();
        bob.sync();
        alice.send("KICK #side bob,carol :" + "x".repeat(450));
        String expectedReason = "x".repeat(390);
        assertThat(alice.next()).isEqualTo(ALICE + " KICK #side bob :" + expectedReason);
        assertThat(alice.next()).isEqualTo(ALICE + " KICK #side carol :" + expectedReason);
        assertThat(bob.next()).isEqualTo(ALICE + " KICK #side bob :" + expectedReason);
        assertThat(carol.next()).isEqualTo(ALICE + " KICK #side bob :" + expectedReason);
        assertThat(carol.next()).isEqualTo(ALICE + " KICK #side carol :" + expectedReason);
        bob.send("PRIVMSG #side :still here?");
        assertThat(bob.next()).isEqualTo(":chatroom 404 bob #side :Cannot send to channel (+n)");
        bob.send("JOIN #side"); // a kick is not a ban
        assertThat(bob.next()).isEqualTo(":bob!~bob@127.0.0.1 JOIN #side");
    }

    @Test
    void kickWithoutAReasonUsesTheKickersNick() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #side").sync();
        bob.send("JOIN #side").sync();
        alice.sync();
        alice.send("KICK #side bob");
        assertThat(alice.next()).isEqualTo(ALICE + " KICK #side bob :alice");
    }

    @Test
    void kickErrors() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        server.join("carol");
        alice.send("JOIN #side").sync();
        bob.send("JOIN #side").sync();
        alice.sync();
        bob.send("KICK #side alice");
        assertThat(bob.next()).isEqualTo(":chatroom 482 bob #side :You're not channel operator");
        alice.send("KICK #nowhere bob");
        assertThat(alice.next()).isEqualTo(":chatroom 403 alice #nowhere :No such channel");
        alice.send("KICK #side nobody");
        assertThat(alice.next()).isEqualTo(":chatroom 401 alice nobody :No such nick/channel");
        alice.send("KICK #side carol");
        assertThat(alice.next()).isEqualTo(":chatroom 441 alice carol #side :They aren't on that channel");
        alice.send("KICK #chatroom bob");
        assertThat(alice.next()).isEqualTo(":chatroom 482 alice #chatroom :You're not channel operator");
        alice.send("KICK #side");
        assertThat(alice.next()).isEqualTo(":chatroom 461 alice KICK :Not enough parameters");
        alice.send("PART #side").sync();
        alice.send("KICK #side bob");
        assertThat(alice.next()).isEqualTo(":chatroom 442 alice #side :You're not on that channel");
    }

    @Test
    void inviteErrors() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #side").sync();
        bob.send("AWAY :lunch").sync();
        alice.send("INVITE nobody #side");
        assertThat(alice.next()).isEqualTo(":chatroom 401 alice nobody :No such nick/channel");
        alice.send("INVITE bob #nowhere");
        assertThat(alice.next()).isEqualTo(":chatroom 403 alice #nowhere :No such channel");
        alice.send("INVITE bob #chatroom");
        assertThat(alice.next()).isEqualTo(":chatroom 443 alice bob #chatroom :is already on channel");
        alice.send("INVITE bob");
        assertThat(alice.next()).isEqualTo(":chatroom 461 alice INVITE :Not enough parameters");
        bob.send("JOIN #other").sync();
        alice.send("INVITE bob #other");
        assertThat(alice.next()).isEqualTo(":chatroom 442 alice #other :You're not on that channel");
        alice.send("INVITE bob #side"); // -i: any member may invite
        assertThat(alice.next()).isEqualTo(":chatroom 341 alice bob #side");
        assertThat(alice.next()).isEqualTo(":chatroom 301 alice bob :lunch");
    }

    @Test
    void listShowsRoomsWithCountsAndTopicsAndFilters() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #apples,#bananas").sync();
        bob.send("JOIN #bananas").sync();
        alice.send("TOPIC #apples :red and green").sync();
        bob.send("LIST");
        assertThat(bob.sync())
                .containsExactly(
                        ":chatroom 321 bob Channel :Users  Name",
                        ":chatroom 322 bob #chatroom 2 :",
                        ":chatroom 322 bob #apples 1 :red and green",
                        ":chatroom 322 bob #bananas 2 :",
                        ":chatroom 323 bob :End of /LIST");
        bob.send("LIST >1");
        assertThat(bob.sync())
                .filteredOn(l -> l.contains(" 322 "))
                .extracting(l -> l.split(" ")[3])
                .containsExactly("#chatroom", "#bananas");
        bob.send("LIST <2");
        assertThat(bob.sync())
                .filteredOn(l -> l.contains(" 322 "))
                .extracting(l -> l.split(" ")[3])
                .containsExactly("#apples");
        bob.send("LIST #b*");
        assertThat(bob.sync())
                .filteredOn(l -> l.contains(" 322 "))
                .extracting(l -> l.split(" ")[3])
                .containsExactly("#bananas");
        bob.send("LIST !#b*,!#c*");
        assertThat(bob.sync())
                .filteredOn(l -> l.contains(" 322 "))
                .extracting(l -> l.split(" ")[3])
                .containsExactly("#apples");
        bob.send("LIST #APPLES,#bananas");
        assertThat(bob.sync())
                .filteredOn(l -> l.contains(" 322 "))
                .extracting(l -> l.split(" ")[3])
                .containsExactly("#apples", "#bananas");
    }

    @Test
    void whowasRemembersNicksGivenUpByLeavingOrRenaming() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        bob.send("NICK robert").sync();
        server.join("carol").send("QUIT :bye");
        alice.sync();
        alice.send("WHOWAS bob");
        assertThat(alice.next()).isEqualTo(":chatroom 314 alice bob ~bob 127.0.0.1 * :bob Tester");
        assertThat(alice.next()).matches(":chatroom 312 alice bob chatroom :.*GMT");
        assertThat(alice.next()).isEqualTo(":chatroom 369 alice bob :End of WHOWAS");
        alice.send("WHOWAS CAROL 1");
        assertThat(alice.next()).isEqualTo(":chatroom 314 alice carol ~carol 127.0.0.1 * :carol Tester");
        alice.sync();
        alice.send("WHOWAS nobody");
        assertThat(alice.next()).isEqualTo(":chatroom 406 alice nobody :There was no such nickname");
        assertThat(alice.next()).isEqualTo(":chatroom 369 alice nobody :End of WHOWAS");
        alice.send("WHOWAS");
        assertThat(alice.next()).isEqualTo(":chatroom 461 alice WHOWAS :Not enough parameters");
    }

    @Test
    void whoWithMasksFindsPeopleButNotInvisibleStrangers() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        FakeClient carol = server.join("carol");
        carol.send("PART #chatroom").sync();
        carol.send("MODE carol +i").sync();
        alice.sync();
        alice.send("WHO *");
        assertThat(alice.sync())
                .filteredOn(l -> l.contains(" 352 "))
                .extracting(l -> l.split(" ")[7])
                .containsExactlyInAnyOrder("alice", "bob");
        alice.send("WHO b*");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom 352 alice * ~bob 127.0.0.1 chatroom bob H :0 bob Tester",
                        ":chatroom 315 alice b* :End of WHO list");
        alice.send("WHO carol"); // an exact nick is always answered
        assertThat(alice.next()).isEqualTo(":chatroom 352 alice * ~carol 127.0.0.1 chatroom carol H :0 carol Tester");
        alice.sync();
        carol.send("WHO car*");
        assertThat(carol.next()).startsWith(":chatroom 352 carol * ~carol ");
        bob.send("JOIN #side").sync();
        bob.send("MODE #side +v bob").sync();
        bob.send("AWAY :out").sync();
        alice.send("WHO #side");
        assertThat(alice.next()).isEqualTo(":chatroom 352 alice #side ~bob 127.0.0.1 chatroom bob G@ :0 bob Tester");
    }

    @Test
    void timeVersionInfoAdmin() {
        FakeClient alice = server.join("alice");
        alice.send("TIME");
        assertThat(alice.next()).matches(":chatroom 391 alice chatroom \\d+ 0 :.* GMT");
        alice.send("TIME elsewhere.example");
        assertThat(alice.next()).isEqualTo(":chatroom 402 alice elsewhere.example :No such server");
        alice.send("VERSION");
        assertThat(alice.next()).matches(":chatroom 351 alice chatroom-\\S+ chatroom :a chat room that speaks IRC");
        assertThat(alice.next()).startsWith(":chatroom 005 alice ");
        alice.sync();
        alice.send("INFO");
        assertThat(alice.sync()).last().isEqualTo(":chatroom 374 alice :End of INFO list");
        alice.send("ADMIN");
        assertThat(alice.sync()).extracting(l -> l.split(" ")[1]).containsExactly("256", "257", "258", "259");
    }

    @Test
    void lusersCountsStayRightAsPeopleComeAndGo() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        bob.send("QUIT").sync();
        alice.sync();
        alice.send("LUSERS");
        assertThat(alice.sync())
                .containsExactly(
                        ":chatroom 251 alice :There are 1 users and 0 invisible on 1 servers",
                        ":chatroom 254 alice 1 :channels formed",
                        ":chatroom 255 alice :I have 1 clients and 0 servers",
                        ":chatroom 265 alice 1 2 :Current local users 1, max 2",
                        ":chatroom 266 alice 1 2 :Current global users 1, max 2");
    }
}
