package dev.chatroom.server.devices;

import static dev.chatroom.server.devices.DevicesTest.device;
import static dev.chatroom.server.devices.DevicesTest.registerAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatroom.testing.FakeClient;
import dev.chatroom.testing.InMemoryServer;
import org.junit.jupiter.api.Test;

/** Bot mode is the person's: set on one device, every device's messages carry the bot tag. In memory. */
class BotDevicesTest {
    @Test
    void aBotSetOnOneDeviceSpeaksAsABotFromAnother() {
        InMemoryServer server = new InMemoryServer();
        registerAccount(server, "robot");
        FakeClient bob = server.connect().registerWithCaps("bob", "message-tags");
        FakeClient laptop = device(server, "robot", "robot", "");
        FakeClient phone = device(server, "robot", "robot", "message-tags");
        bob.sync();

        laptop.send("MODE robot +B");
        assertThat(laptop.expect(" MODE ")).isEqualTo(":robot MODE robot :+B");
        phone.send("MODE robot");
        assertThat(phone.expect(" 221 ")).isEqualTo(":chatroom 221 robot +B");

        phone.send("PRIVMSG #chatroom :from the phone");
        assertThat(bob.expect("PRIVMSG")).matches("@msgid=\\S+;bot :robot!\\S+ PRIVMSG #chatroom :from the phone");
        assertThat(laptop.expect("PRIVMSG")).isEqualTo(":robot!~robot@203.0.113.7 PRIVMSG #chatroom :from the phone");
        bob.send("WHOIS robot");
        assertThat(bob.sync())
                .filteredOn(l -> l.contains(" 335 "))
                .containsExactly(":chatroom 335 bob robot :is a bot");
    }
}
