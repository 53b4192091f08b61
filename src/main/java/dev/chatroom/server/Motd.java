package dev.chatroom.server;

import dev.chatroom.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** The message of the day: the configured file, or the client's command list. Read once, at start. */
public final class Motd {
    public static final List<String> DEFAULT = List.of(
            "Welcome! Everything you type goes to the whole room.",
            "Commands of the chatroom client:",
            "  /private <user> <message>      to one person only (alias /msg)",
            "  /color <color> <message>       a message in color (red, green, yellow, blue, magenta, cyan, white, ...)",
            "  /private <user> /color <color> <message>   both",
            "  /me <action>                   an action: * you wave",
            "  /users                         who is in the room",
            "  /leave                         leave the chat (alias /quit)",
            "  /help                          this list");

    private Motd() {}

    public static List<String> load(ServerConfig config) throws IOException {
        if (config.motdFile() == null) return DEFAULT;
        try {
            return List.copyOf(Files.readAllLines(config.motdFile(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the JDK's message for a missing or forbidden file is only its name again
            String why = e instanceof NoSuchFileException
                    ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new IOException("cannot read the MOTD file " + config.motdFile() + ": " + why, e);
        }
    }
}
