package dev.chatroom.cli;

import dev.chatroom.server.PasswordRules;
import dev.chatroom.server.accounts.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code chatroom admin hash-password}: the Argon2id hash of a password, for an entry of the
 * {@code opers} setting. On a terminal it asks twice, without echo; otherwise it reads the first
 * line of standard input, so that a script can pipe the password in and keep it out of {@code ps}.
 * Only the hash goes to standard output.
 */
@Command(
        name = "hash-password",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print the hash of a password, for the opers setting (NAME:HASH).",
            "Asks twice on a terminal, without echo; otherwise reads the first line of standard input."
        })
final class HashPasswordCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Console terminal;
    private final InputStream in;

    HashPasswordCommand() {
        this(System.console(), System.in);
    }

    /** terminal: null when there is none (then the password is read from in). */
    HashPasswordCommand(Console terminal, InputStream in) {
        this.terminal = terminal;
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String password = terminal != null ? asked(err) : firstLine();
        if (password == null) return 1;
        if (password.codePointCount(0, password.length()) < PasswordRules.MIN_PASSWORD) {
            err.println("chatroom: use at least " + PasswordRules.MIN_PASSWORD + " characters");
            return 1;
        }
        spec.commandLine().getOut().println(PasswordHash.DEFAULT.hash(password));
        return 0;
    }

    /** Asked twice; null (and said why) when the two differ or input ended. */
    private String asked(PrintWriter err) {
        char[] first = terminal.readPassword("Password: ");
        char[] again = first == null ? null : terminal.readPassword("Again: ");
        if (again == null) {
            err.println("chatroom: no password given");
            return null;
        }
        if (!Arrays.equals(first, again)) {
            err.println("chatroom: the two passwords differ; nothing printed");
            return null;
        }
        return new String(first);
    }

    private String firstLine() throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null) spec.commandLine().getErr().println("chatroom: no password on standard input");
        return line;
    }
}
