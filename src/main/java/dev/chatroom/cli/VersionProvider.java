package dev.chatroom.cli;

import dev.chatroom.config.Version;
import picocli.CommandLine;

/** What {@code --version} prints, for every command. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"chatroom " + Version.get()};
    }
}
