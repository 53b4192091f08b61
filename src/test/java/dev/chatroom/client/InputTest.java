package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputTest {
    private static Action.Send send(String to, String text) {
        return new Action.Send(to, text, false);
    }

    @Test
    void plainTextGoesToTheRoom() {
        assertThat(Input.parse("hello all")).isEqualTo(send(null, "hello all"));
        assertThat(Input.parse("  spaced  ")).isEqualTo(send(null, "  spaced  "));
    }

    @Test
    void blankLinesSendNothing() {
        assertThat(Input.parse("")).isInstanceOf(Action.Nothing.class);
        assertThat(Input.parse("   ")).isInstanceOf(Action.Nothing.class);
    }

    @Test
    void doubleSlashSendsTheSlashLiterally() {
        assertThat(Input.parse("//shrug")).isEqualTo(send(null, "/shrug"));
        assertThat(Input.parse("/private bob //etc/passwd is a file")).isEqualTo(send("bob", "/etc/passwd is a file"));
    }

    @ParameterizedTest
    @CsvSource({
        "red, 04",
        "green, 03",
        "yellow, 08",
        "blue, 02",
        "magenta, 06",
        "megenta, 06",
        "cyan, 10",
        "white, 00",
        "black, 01",
        "orange, 07",
        "pink, 13",
        "grey, 14",
        "gray, 14",
        "RED, 04"
    })
    void colorWrapsTheMessageInMircCodes(String color, String code) {
        assertThat(Input.parse("/color " + color + " hi there"))
                .isEqualTo(send(null, "\u0003" + code + "hi there\u000F"));
    }

    @Test
    void colorKeepsMessagesStartingWithDigitsAsText() {
        assertThat(Input.parse("/color red 5 apples")).isEqualTo(send(null, "\u0003045 apples\u000F"));
    }

    @Test
    void unknownColorListsTheColorsAndSendsNothing() {
        Action a = Input.parse("/color mauve hi");
        assertThat(a).isInstanceOf(Action.Problem.class);
        assertThat(((Action.Problem) a).message())
                .startsWith("Unknown color mauve. Colors: white, black, blue, green, red");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/color", "/color red", "/color red   "})
    void colorWithoutMessageIsAUsageLine(String line) {
        assertThat(Input.parse(line)).isEqualTo(new Action.Problem("Usage: /color <color> <message>"));
    }

    @Test
    void privateAndItsAlias() {
        assertThat(Input.parse("/private bob psst, over here")).isEqualTo(send("bob", "psst, over here"));
        assertThat(Input.parse("/msg bob psst")).isEqualTo(send("bob", "psst"));
        assertThat(Input.parse("/PRIVATE bob x")).isEqualTo(send("bob", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/private", "/private bob", "/msg bob   "})
    void privateWithoutMessageIsAUsageLine(String line) {
        assertThat(Input.parse(line)).isEqualTo(new Action.Problem("Usage: /private <user> <message>"));
    }

    @Test
    void privateAndColorCombine() {
        assertThat(Input.parse("/private bob /color green see you at 5"))
                .isEqualTo(send("bob", "\u000303see you at 5\u000F"));
        assertThat(Input.parse("/private bob /color nope x")).isInstanceOf(Action.Problem.class);
        assertThat(Input.parse("/private bob /color green"))
                .isEqualTo(new Action.Problem("Usage: /private <user> /color <color> <message>"));
    }

    @Test
    void meIsAnAction() {
        assertThat(Input.parse("/me waves")).isEqualTo(new Action.Send(null, "waves", true));
        assertThat(Input.parse("/private bob /me nods")).isEqualTo(new Action.Send("bob", "nods", true));
        assertThat(Input.parse("/me")).isEqualTo(new Action.Problem("Usage: /me <action>"));
    }

    @Test
    void leaveAndItsAlias() {
        assertThat(Input.parse("/leave")).isEqualTo(new Action.Leave(null));
        assertThat(Input.parse("/quit")).isEqualTo(new Action.Leave(null));
        assertThat(Input.parse("/leave off to bed")).isEqualTo(new Action.Leave("off to bed"));
    }

    @Test
    void usersAndHelp() {
        assertThat(Input.parse("/users")).isInstanceOf(Action.Users.class);
        assertThat(Input.parse("/help")).isInstanceOf(Action.Help.class);
        assertThat(ClientCommands.HELP)
                .contains(
                        "/private <user> <message>",
                        "/color <color> <message>",
                        "/me <action>",
                        "/users",
                        "/leave",
                        "//text");
    }

    @Test
    void anyOtherSlashWordIsALocalError() {
        assertThat(Input.parse("/frobnicate now"))
                .isEqualTo(new Action.Problem("Unknown command /frobnicate. Type /help."));
        assertThat(Input.parse("/")).isEqualTo(new Action.Problem("Unknown command /. Type /help."));
    }

    @Test
    void roomCommandsBecomeServerLinesForTheRoomOnScreen() {
        assertThat(Input.parse("/join dev key")).isEqualTo(new Action.Join("#dev", "key"));
        assertThat(Input.parse("/join #dev")).isEqualTo(new Action.Join("#dev", null));
        assertThat(Input.parse("/part #dev bye now")).isEqualTo(new Action.Part("#dev", "bye now"));
        assertThat(Input.parse("/part")).isEqualTo(new Action.Part(null, null));
        assertThat(Input.parse("/switch #dev")).isEqualTo(new Action.Switch("#dev"));
        assertThat(Input.parse("/rooms")).isEqualTo(new Action.Rooms());
        assertThat(Input.parse("/topic release on Friday"))
                .isEqualTo(new Action.Server("TOPIC {room} :release on Friday"));
        assertThat(Input.parse("/kick bob stop it")).isEqualTo(new Action.Server("KICK {room} bob :stop it"));
        assertThat(Input.parse("/invite bob")).isEqualTo(new Action.Server("INVITE bob {room}"));
        assertThat(Input.parse("/mode +m")).isEqualTo(new Action.Server("MODE {room} +m"));
        assertThat(Input.parse("/mode #dev +k s")).isEqualTo(new Action.Server("MODE #dev +k s"));
        assertThat(Input.parse("/op bob")).isEqualTo(new Action.Server("MODE {room} +o bob"));
        assertThat(Input.parse("/devoice bob")).isEqualTo(new Action.Server("MODE {room} -v bob"));
        assertThat(Input.parse("/nick robert")).isEqualTo(new Action.Server("NICK robert"));
        assertThat(Input.parse("/away")).isEqualTo(new Action.Server("AWAY"));
        assertThat(Input.parse("/away lunch")).isEqualTo(new Action.Server("AWAY :lunch"));
        assertThat(Input.parse("/whois bob")).isEqualTo(new Action.Server("WHOIS bob"));
        assertThat(Input.parse("/kick")).isEqualTo(new Action.Problem("Usage: /kick <user> [reason]"));
    }

    @Test
    void registerAndPasswdSendThePasswordAsTypedOrAskForIt() {
        assertThat(Input.parse("/register correct horse {room}"))
                .isEqualTo(new Action.Server("REGISTER * * :correct horse {room}"));
        assertThat(Input.parse("/passwd :new")).isEqualTo(new Action.Server("SETPASS ::new"));
        assertThat(Input.parse("/register")).isEqualTo(new Action.Server("REGISTER * * :" + Input.ASK_PASSWORD));
        assertThat(Input.parse("/passwd "))
                .isEqualTo(new Action.Server("SETPASS " + Input.ASK_CURRENT_PASSWORD + " :" + Input.ASK_PASSWORD));
        assertThat(Input.parse("/passwd old-one battery staple"))
                .isEqualTo(new Action.Server("SETPASS old-one :battery staple"));
        assertThat(Input.parse("/passwd :old new-one"))
                .isEqualTo(new Action.Problem(Input.CURRENT_PASSWORD_UNSENDABLE));
    }

    @Test
    void historyAndSearch() {
        assertThat(Input.parse("/history")).isEqualTo(new Action.History(null, 50));
        assertThat(Input.parse("/history 200")).isEqualTo(new Action.History(null, 200));
        assertThat(Input.parse("/history bob")).isEqualTo(new Action.History("bob", 50));
        assertThat(Input.parse("/history #dev 10")).isEqualTo(new Action.History("#dev", 10));
        assertThat(Input.parse("/history 1001")).isEqualTo(new Action.Problem("Usage: /history [#room|user] [1-1000]"));
        assertThat(Input.parse("/history 0")).isEqualTo(new Action.Problem("Usage: /history [#room|user] [1-1000]"));
        assertThat(Input.parse("/history a b")).isEqualTo(new Action.Problem("Usage: /history [#room|user] [1-1000]"));
        assertThat(Input.parse("/search deploy  failed")).isEqualTo(new Action.Search("deploy  failed"));
        assertThat(Input.parse("/search")).isEqualTo(new Action.Problem("Usage: /search <words>"));
        assertThat(ClientCommands.names()).contains("/history", "/search");
        assertThat(ClientCommands.HELP).contains("/history [#room|user] [n]", "/search <words>");
    }

    @Test
    void reactAndReplyTakeAnOptionalNumberAndAloneList() {
        assertThat(Input.parse("/react")).isEqualTo(new Action.React(0, null));
        assertThat(Input.parse("/react \uD83D\uDC4D")).isEqualTo(new Action.React(1, "\uD83D\uDC4D"));
        assertThat(Input.parse("/react 3 +1")).isEqualTo(new Action.React(3, "+1"));
        assertThat(Input.parse("/react 3")).isEqualTo(new Action.Problem("Usage: /react [1-20] <emoji>"));
        assertThat(Input.parse("/react two words")).isEqualTo(new Action.Problem("Usage: /react [1-20] <emoji>"));
        assertThat(Input.parse("/react 21 x")).isEqualTo(new Action.Problem("Usage: /react [1-20] <emoji>"));
        assertThat(Input.parse("/reply")).isEqualTo(new Action.Reply(0, null));
        assertThat(Input.parse("/reply ok, on it")).isEqualTo(new Action.Reply(1, "ok, on it"));
        assertThat(Input.parse("/reply 2 ok,  on it")).isEqualTo(new Action.Reply(2, "ok,  on it"));
        assertThat(Input.parse("/reply 0 no")).isEqualTo(new Action.Problem("Usage: /reply [1-20] <message>"));
        assertThat(ClientCommands.HELP).contains("/react [[n] <emoji>]", "/reply [[n] <message>]");
    }
}
