package dev.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a message calls the user back, and what the alert says. */
class NotificationsTest {
    private final Preferences preferences = Preferences.inMemory();
    private final Notifications mentions = new Notifications(Notifications.Level.MENTIONS, preferences);

    private static ClientEvent.Chat inRoom(String from, String room, String text) {
        return new ClientEvent.Chat(Instant.EPOCH, from, room, null, text, false, false);
    }

    private static ClientEvent.Chat privately(String from, String to, String text) {
        return new ClientEvent.Chat(Instant.EPOCH, from, null, to, text, false, false);
    }

    @Test
    void aPrivateMessageAndAMentionAlertTheirAuthorAndWhere() {
        assertThat(mentions.alertFor(privately("bob", "alice", "psst"), "alice"))
                .isEqualTo(new Notifications.Alert("bob (private)", "psst"));
        assertThat(mentions.alertFor(inRoom("bob", "#dev", "hi alice!"), "alice"))
                .isEqualTo(new Notifications.Alert("bob in #dev", "hi alice!"));
        assertThat(mentions.alertFor(
                        new ClientEvent.Chat(Instant.EPOCH, "bob", "#dev", null, "waves at alice", true, false),
                        "alice"))
                .isEqualTo(new Notifications.Alert("bob in #dev", "* bob waves at alice"));
    }

    @Test
    void aMentionIsTheNickAsAWordByIrcCasemapping() {
        assertThat(mentions.alertFor(inRoom("bob", "#dev", "ALICE, look"), "alice"))
                .isNotNull();
        assertThat(mentions.alertFor(inRoom("bob", "#dev", "ping {ali}"), "[ali]"))
                .isNotNull();
        assertThat(mentions.alertFor(inRoom("bob", "#dev", "alicex and malice"), "alice"))
                .isNull();
        assertThat(mentions.alertFor(inRoom("bob", "#dev", "alice_ is someone else"), "alice"))
                .isNull();
        assertThat(mentions.alertFor(inRoom("bob", "#dev", "just talk"), "alice"))
                .isNull();
    }

    @Test
    void neverOurOwnMessagesNorPrivateOnesToOthers() {
        assertThat(mentions.alertFor(inRoom("Alice", "#dev", "I am alice"), "alice"))
                .isNull();
        assertThat(mentions.alertFor(privately("alice", "bob", "hi bob"), "alice"))
                .isNull();
        assertThat(mentions.alertFor(privately("bob", "alice", "psst"), null)).isNull();
    }

    @Test
    void allAlertsEveryRoomMessageAndNoneNothing() {
        Notifications n = new Notifications(Notifications.Level.ALL, preferences);
        assertThat(n.alertFor(inRoom("bob", "#dev", "just talk"), "alice")).isNotNull();
        n.level(Notifications.Level.NONE);
        assertThat(n.alertFor(inRoom("bob", "#dev", "hi alice"), "alice")).isNull();
        assertThat(n.alertFor(privately("bob", "alice", "psst"), "alice")).isNull();
    }

    @Test
    void aMutedRoomIsSilentEvenForMentionsButPrivateMessagesStillAlert() throws Exception {
        preferences.mute("#Dev", true);
        Notifications all = new Notifications(Notifications.Level.ALL, preferences);
        assertThat(mentions.alertFor(inRoom("bob", "#dev", "hi alice"), "alice"))
                .isNull();
        assertThat(all.alertFor(inRoom("bob", "#dev", "talk"), "alice")).isNull();
        assertThat(all.alertFor(inRoom("bob", "#ops", "talk"), "alice")).isNotNull();
        assertThat(mentions.alertFor(privately("bob", "alice", "psst"), "alice"))
                .isNotNull();
    }

    @Test
    void theAlertCarriesNoFormattingOrControlCharacters() {
        Notifications.Alert a =
                mentions.alertFor(inRoom("bob", "#dev", "\u0002alice\u0002 \u001b]0;owned\u0007look\u0003"), "alice");
        assertThat(a.body()).isEqualTo("alice look");
    }
}
