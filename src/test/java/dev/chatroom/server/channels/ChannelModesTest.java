package dev.chatroom.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.HubTest;
import org.junit.jupiter.api.Test;

/** MODE on rooms: what each mode does, who may set it, and the exact lines everyone sees. */
class ChannelModesTest extends HubTest {
    private static final String ALICE = ":alice!~alice@127.0.0.1";
    private static final String BOB = ":bob!~bob@127.0.0.1";

    /** alice creates #side (and is its operator), bob joins it; both have read everything. */
    private FakeClient[] aliceOpsBobIn() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.join("bob");
        alice.send("JOIN #side").expect(" 366 alice #side ");
        bob.send("JOIN #side").expect(" 366 bob #side ");
        alice.sync();
        return new FakeClient[] {alice, bob};
    }

    @Test
    void aNewRoomIsNoExternalMessagesAndTopicLockedAndShowsItsCreationTime() {
        FakeClient alice = server.join("alice");
        alice.send("JOIN #side").sync();
        alice.send("MODE #side");
        assertThat(alice.next()).isEqualTo(":chatroom 324 alice #side +nt");
        assertThat(alice.next()).matches(":chatroom 329 alice #side \\d+");
    }

    @Test
    void theOperatorSetsFlagsAndEveryMemberSeesOneModeLine() {
        FakeClient[] ab = aliceOpsBobIn();
        ab[0].send("MODE #side +ms-t");
        assertThat(ab[0].next()).isEqualTo(ALICE + " MODE #side +ms-t");
        assertThat(ab[1].next()).isEqualTo(ALICE + " MODE #side +ms-t");
        ab[0].send("MODE #side");
        assertThat(ab[0].next()).isEqualTo(":chatroom 324 alice #side +mns");
        ab[0].next(); // 329
        ab[0].send("MODE #side +m"); // already set: nothing changes, nobody is told
        ab[0].send("PING x");
        assertThat(ab[0].sync()).hasSize(1).allMatch(l -> l.contains("PONG"));
    }

    @Test
    void aMemberWhoIsNotAnOperatorIsRefusedOnce() {
        FakeClient[] ab = aliceOpsBobIn();
        ab[1].send("MODE #side +mi");
        assertThat(ab[1].sync()).containsExactly(":chatroom 482 bob #side :You're not channel operator");
        assertThat(ab[0].sync()).isEmpty();
    }

    @Test
    void unknownModesAreNamedAndTheRestStillApplies() {
        FakeClient alice = server.join("alice");
        alice.send("JOIN #side").sync();
        alice.send("MODE #side +zm");
        assertThat(alice.next()).isEqualTo(":chatroom 472 alice z :is unknown mode char to me");
        assertThat(alice.next()).isEqualTo(ALICE + " MODE #side +m");
    }

    @Test
    void moderatedRoomsLetOnlyOperatorsAndVoicedMembersSpeak() {
        FakeClient[] ab = aliceOpsBobIn();
        FakeClient alice = ab[0];
        FakeClient bob = ab[1];
        alice.send("MODE #side +m");
        bob.sync();
        bob.send("PRIVMSG #side :can I talk?");
        assertThat(bob.next()).isEqualTo(":chatroom 404 bob #side :Cannot send to channel (+m)");
        assertThat(alice.sync()).containsExactly(ALICE + " MODE #side +m");
        alice.send("MODE #side +v bob");
        assertThat(bob.next()).isEqualTo(ALICE + " MODE #side +v bob");
        bob.send("PRIVMSG #side :now I can");
        assertThat(alice.expect("PRIVMSG")).isEqualTo(BOB + " PRIVMSG #side :now I can");
        alice.send("NAMES #side");
        assertThat(alice.expect(" 353 ")).isEqualTo(":chatroom 353 alice = #side :@alice +bob");
    }

    @Test
    void operatorsAndVoiceAreGivenAndTakenAndShownWithMultiPrefix() {
        FakeClient alice = server.join("alice");
        FakeClient bob = server.connect().registerWithCaps("bob", "multi-prefix");
        alice.send("JOIN #side").sync();
        bob.send("JOIN #side").sync();
        alice.sync();
        alice.send("MODE #side +ov bob bob");
        assertThat(alice.next()).isEqualTo(ALICE + " MODE #side +ov bob bob");
        bob.sync();
        bob.send("NAMES #side");
        assertThat(bob.next()).isEqualTo(":chatroom 353 bob = #side :@alice @+bob");
        alice.send("NAMES #side");
        assertThat(alice.next()).isEqualTo(":chatroom 353 alice = #side :@alice @bob");
        bob.send("MODE #side -o alice");
        assertThat(bob.expect("MODE")).isEqualTo(BOB + " MODE #side -o alice");
        alice.sync();
        alice.send("MODE #side +m");
        assertThat(alice.next()).isEqualTo(":chatroom 482 alice #side :You're not channel operator");
    }

    @Test
    void statusNeedsAMemberThatExists() {
        FakeClient[] ab = aliceOpsBobIn();
        server.join("carol");
        ab[0].sync();
        ab[0].send("MODE #side +o nobody");
        assertThat(ab[0].next()).isEqualTo(":chatroom 401 alice nobody :No such nick/channel");
        ab[0].send("MODE #side +v carol");
        assertThat(ab[0].next()).isEqualTo(":chatroom 441 alice carol #side :They aren't on that channel");
        ab[0].send("MODE #side +o");
        assertThat(ab[0].next()).isEqualTo(":chatroom 461 alice MODE :Not enough parameters (o needs one)");
    }

    @Test
    void aKeyKeepsOutThoseWithoutItAndIsShownOnlyToMembers() {
        FakeClient[] ab = aliceOpsBobIn();
        FakeClient carol = server.join("carol");
        ab[0].sync();
        ab[1].sync();
        ab[0].send("MODE #side +k sesame");
        assertThat(ab[0].next()).isEqualTo(ALICE + " MODE #side +k sesame");
        assertThat(ab[1].next()).isEqualTo(ALICE + " MODE #side +k sesame");
        carol.send("JOIN #side");
        assertThat(carol.next()).isEqualTo(":chatroom 475 carol #side :Cannot join channel (+k)");
        carol.send("JOIN #side wrong");
        assertThat(carol.next()).isEqualTo(":chatroom 475 carol #side :Cannot join channel (+k)");
        carol.send("MODE #side");
        assertThat(carol.next()).isEqualTo(":chatroom 324 carol #side +ntk *");
        carol.send("JOIN #elsewhere,#side x,sesame");
        assertThat(carol.expect(" 366 carol #side ")).isNotNull();
        carol.send("MODE #side");
        assertThat(carol.next()).isEqualTo(":chatroom 324 carol #side +ntk sesame");
        ab[0].sync();
        ab[0].send("MODE #side -k");
        assertThat(ab[0].next()).isEqualTo(ALICE + " MODE #side -k *");
    }

    @Test
    void invalidKeysAreRefused() {
        FakeClient alice = server.join("alice");
        alice.send("JOIN #side").sync();
        alice.send("MODE #side +k " + "k".repeat(33));
        assertThat(alice.next())
                .isEqualTo(":chatroom 696 alice #side k * :Invalid key (1-32 characters, no spaces or commas)");
        alice.send("MODE #side +k a,b");
        assertThat(alice.next()).startsWith(":chatroom 696 alice #side k * ");
        alice.send("MODE #side +k");
        assertThat(alice.next()).isEqualTo(":chatroom 461 alice MODE :Not enough parameters (k needs one)");
        alice.send("MODE #side");
        assertThat(alice.next()).isEqualTo(":chatroom 324 alice #side +nt");
    }

    @Test
    void aLimitIsHeldAndInvalidLimitsAreIgnored() {
        FakeClient[] ab = aliceOpsBobIn();
        FakeClient carol = server.join("carol");
        ab[0].sync();
        ab[1].sync();
        ab[0].send("MODE #side +l 2");
        assertThat(ab[0].next()).isEqualTo(ALICE + " MODE #side +l 2");
        carol.send("JOIN #side");
        assertThat(carol.next()).isEqualTo(":chatroom 471 carol #side :Cannot join channel (+l)");
        ab[0].send("MODE #side +l -5");
        ab[0].send("MODE #side +l many");
        ab[0].send("MODE #side");
        assertThat(ab[0].next()).isEqualTo(":chatroom 324 alice #side +ntl 2");
        ab[0].next(); // 329
        ab[0].send("MODE #side -l");
        assertThat(ab[0].next()).isEqualTo(ALICE + " MODE #side -l");
        carol.send("JOIN #side");
        assertThat(carol.next()).isEqualTo(":carol!~carol@127.0.0.1 JOIN #side");
    }

    @Test
    void inviteOnlyLetsInWhoeverAnOperatorInvited() {
        FakeClient[] ab = aliceOpsBobIn();
        FakeClient carol = server.join("carol");
        ab[0].sync();
        ab[1].sync();
        ab[0].send("MODE #side +i").sync();
        ab[1].sync();
        carol.send("JOIN #side");
        assertThat(carol.next()).isEqualTo(":chatroom 473 carol #side :Cannot join channel (+i)");
        ab[1].send("INVITE carol #side");
        assertThat(ab[1].next()).isEqualTo(":chatroom 482 bob #side :You're not channel operator");
        ab[0].send("INVITE carol #side");
        assertThat(ab[0].next()).isEqualTo(":chatroom 341 alice carol #side");
        assertThat(carol.next()).isEqualTo(ALICE + " INVITE carol #side");
        carol.send("INVITE");
        assertThat(carol.next()).isEqualTo(":chatroom 336 carol #side");
        assertThat(carol.next()).isEqualTo(":chatroom 337 carol :End of /INVITE list");
        carol.send("JOIN #side");
        assertThat(carol.next()).isEqualTo(":carol!~carol@127.0.0.1 JOIN #side");
        carol.sync();
        carol.send("PART #side").sync();
        carol.send("JOIN #side"); // the invitation was used up
        assertThat(carol.next()).isEqualTo(":chatroom 473 carol #side :Cannot join channel (+i)");
    }

    @Test
    void bansKeepPeopleOutAndQuietAndAreListed() {
        FakeClient[] ab = aliceOpsBobIn();
        FakeClient carol = server.join("carol");
        ab[0].sync();
        ab[1].sync();
        ab[0].send("MODE #side +b carol");
        assertThat(ab[0].next()).isEqualTo(ALICE + " MODE #side +b carol!*@*");
        carol.send("JOIN #side");
        assertThat(carol.next()).isEqualTo(":chatroom 474 carol #side :Cannot join channel (+b)");
        ab[0].send("MODE #side +b *!~bob@*");
        ab[1].sync();
        ab[1].send("PRIVMSG #side :hello?");
        assertThat(ab[1].next()).isEqualTo(":chatroom 404 bob #side :Cannot send to channel (+b)");
        ab[1].send("MODE #side b");
        assertThat(ab[1].next()).matches(":chatroom 367 bob #side carol!\\*@\\* alice!~alice@127\\.0\\.0\\.1 \\d+");
        assertThat(ab[1].next()).matches(":chatroom 367 bob #side \\*!~bob@\\* alice!~alice@127\\.0\\.0\\.1 \\d+");
        assertThat(ab[1].next()).isEqualTo(":chatroom 368 bob #side :End of channel ban list");
        ab[0].sync();
        ab[0].send("MODE #side -b carol!*@*");
        assertThat(ab[0].next()).isEqualTo(ALICE + " MODE #side -b carol!*@*");
        carol.send("JOIN #side");
        assertThat(carol.next()).startsWith(":carol!~carol@127.0.0.1 JOIN #side");
    }

    @Test
    void banMasksAreWrittenInFullAsServerBansAreAndBadOnesAreRefused() {
        FakeClient alice = server.join("alice");
        alice.send("JOIN #side").sync();
        alice.send("MODE #side +b 10.0.0.*");
        assertThat(alice.next()).isEqualTo(":alice!~alice@127.0.0.1 MODE #side +b *!*@10.0.0.*");
        alice.send("MODE #side +b ~spam@host");
        assertThat(alice.next()).isEqualTo(":alice!~alice@127.0.0.1 MODE #side +b *!~spam@host");
        alice.send("MODE #side +b a,b");
        assertThat(alice.next()).isEqualTo(":chatroom 696 alice #side b a,b :Invalid ban mask");
        alice.send("MODE #side +b bob!u@");
        assertThat(alice.next()).isEqualTo(":chatroom 696 alice #side b bob!u@ :Invalid ban mask");
    }

    @Test
    void theBanListHasALimit() {
        FakeClient alice = server.join("alice");
        alice.send("JOIN #side").sync();
        for (int i = 0; i < 100; i++) alice.send("MODE #side +b spam" + i);
        alice.sync();
        alice.send("MODE #side +b onemore");
        assertThat(alice.next()).isEqualTo(":chatroom 478 alice #side onemore!*@* :Channel ban list is full");
    }

    @Test
    void eachModeTakesAParameterAsItsKindSays() {
        FakeClient alice = server.join("alice");
        alice.send("JOIN #side").sync();
        // -k takes one (and shows "*"), -l none, so "3" is +l's and "alice" +o's (she is one already: no change)
        alice.send("MODE #side +k-k+l-l+o sesame whatever 3 alice");
        assertThat(alice.next()).isEqualTo(ALICE + " MODE #side +k-k+l-l sesame * 3");
        alice.send("MODE #side +m-n+l-b 007 nobody");
        assertThat(alice.next()).isEqualTo(ALICE + " MODE #side +m-n+l 7");
    }

    @Test
    void onlyFourChangesWithAParameterPerLine() {
        FakeClient[] ab = aliceOpsBobIn();
        ab[0].send("MODE #side +bbbbb a b c d e");
        assertThat(ab[0].next()).isEqualTo(ALICE + " MODE #side +bbbb a!*@* b!*@* c!*@* d!*@*");
    }

    @Test
    void noExternalMessagesUnlessMinusN() {
        FakeClient[] ab = aliceOpsBobIn();
        FakeClient carol = server.join("carol");
        ab[0].sync();
        ab[1].sync();
        carol.send("PRIVMSG #side :from outside");
        assertThat(carol.next()).isEqualTo(":chatroom 404 carol #side :Cannot send to channel (+n)");
        ab[0].send("MODE #side -n").sync();
        carol.send("PRIVMSG #side :from outside");
        assertThat(ab[1].expect("PRIVMSG")).isEqualTo(":carol!~carol@127.0.0.1 PRIVMSG #side :from outside");
    }

    @Test
    void topicLockFollowsPlusT() {
        FakeClient[] ab = aliceOpsBobIn();
        ab[1].send("TOPIC #side :bob's topic");
        assertThat(ab[1].next()).isEqualTo(":chatroom 482 bob #side :You're not channel operator");
        ab[0].send("MODE #side -t").sync();
        ab[1].sync();
        ab[1].send("TOPIC #side :bob's topic");
        assertThat(ab[1].next()).isEqualTo(BOB + " TOPIC #side :bob's topic");
        ab[0].sync();
        ab[0].send("TOPIC #side");
        assertThat(ab[0].next()).isEqualTo(":chatroom 332 alice #side :bob's topic");
        assertThat(ab[0].next()).matches(":chatroom 333 alice #side bob!~bob@127\\.0\\.0\\.1 \\d+");
    }

    @Test
    void secretRoomsAreHiddenFromOutsiders() {
        FakeClient[] ab = aliceOpsBobIn();
        FakeClient carol = server.join("carol");
        ab[0].sync();
        ab[1].sync();
        ab[0].send("MODE #side +s").sync();
        carol.send("LIST");
        assertThat(carol.sync()).noneMatch(l -> l.contains("#side"));
        carol.send("NAMES #side");
        assertThat(carol.sync()).containsExactly(":chatroom 366 carol #side :End of /NAMES list.");
        carol.send("WHOIS alice");
        assertThat(carol.sync()).noneMatch(l -> l.contains("#side"));
        carol.send("MODE #side");
        assertThat(carol.next()).isEqualTo(":chatroom 403 carol #side :No such channel");
        ab[1].sync();
        ab[1].send("NAMES #side");
        assertThat(ab[1].next()).isEqualTo(":chatroom 353 bob @ #side :@alice bob");
        ab[1].send("LIST #side");
        assertThat(ab[1].sync()).contains(":chatroom 322 bob #side 2 :");
    }

    @Test
    void modeOnAMissingRoomAndNonChannelTargets() {
        FakeClient alice = server.join("alice");
        alice.send("MODE #nowhere +m");
        assertThat(alice.next()).isEqualTo(":chatroom 403 alice #nowhere :No such channel");
        alice.send("MODE alice");
        assertThat(alice.next()).isEqualTo(":chatroom 221 alice +");
        alice.send("MODE alice +iz");
        assertThat(alice.next()).isEqualTo(":chatroom 501 alice :Unknown MODE flag");
        assertThat(alice.next()).isEqualTo(":alice MODE alice :+i");
    }

    @Test
    void theDefaultRoomHasNoOperatorsUntilTheAdminGivesOne() {
        FakeClient alice = server.join("alice");
        alice.send("MODE #chatroom +m");
        assertThat(alice.next()).isEqualTo(":chatroom 482 alice #chatroom :You're not channel operator");
        assertThat(server.admin.execute("/op alice")).isEqualTo("Mode #chatroom +o alice.");
        assertThat(alice.next()).isEqualTo(":chatroom MODE #chatroom +o alice");
        alice.send("MODE #chatroom +m");
        assertThat(alice.next()).isEqualTo(ALICE + " MODE #chatroom +m");
        assertThat(server.admin.execute("/mode #chatroom -m+l 10")).isEqualTo("Mode #chatroom -m+l 10.");
        assertThat(server.admin.execute("/mode")).isEqualTo("Modes of #chatroom: +ntl 10");
        assertThat(server.admin.execute("/deop nobody"))
                .isEqualTo("Nothing changed in #chatroom.\nnobody: No such nick/channel");
    }
}
