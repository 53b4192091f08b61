package dev.chatroom.server;

import java.util.function.Consumer;

/**
 * The admin console's commands as IRC operators reach them (CONSOLE, APPROVE, REJECT): the
 * console's own table says how far a line reaches, so a line does here what it does at the
 * console. Implemented by the console package, which the core does not know. A line runs as the
 * operator who typed it ({@code by}: their nick, which is what others are told).
 */
public interface ConsoleAccess {
    /**
     * On the loop: the line every node of a cluster runs in its stead (y answers the oldest
     * request here: {@code /accept bob}); null when it is for this node only, or not a command.
     */
    String everywhere(Hub hub, String line);

    /** On the loop: runs a line {@link #everywhere} gave, here and now; its answer ("" for none). */
    String runHere(String line, String by);

    /**
     * Runs a line for this node alone on another thread, since it may wait for the loop (or stop
     * the server); then {@code answer} with its answer, on the loop.
     */
    void runAside(String line, String by, Consumer<String> answer);

    /** No console to reach (until the server wires one). */
    ConsoleAccess NONE = new ConsoleAccess() {
        @Override
        public String everywhere(Hub hub, String line) {
            return null;
        }

        @Override
        public String runHere(String line, String by) {
            return "";
        }

        @Override
        public void runAside(String line, String by, Consumer<String> answer) {
            answer.accept("The admin console cannot be reached from here.");
        }
    };
}
