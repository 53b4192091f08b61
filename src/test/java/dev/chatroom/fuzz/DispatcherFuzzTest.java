package dev.chatroom.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes what a client can send: raw bytes through the real framer and line decoder into the
 * real hub and dispatcher (see {@link FuzzSession} for the set-up and the properties, {@link
 * FuzzInput} for how the bytes are cut into reads, and package-info for how to run it).
 *
 * <p>In {@code mvn -B test} this replays the corpus in
 * {@code src/test/resources/dev/chatroom/fuzz/DispatcherFuzzTestInputs/clientBytes/}, one test
 * per file; with {@code JAZZER_FUZZ=1} it fuzzes, starting from that corpus, and writes any
 * failing input into the same directory, where it becomes a regression test.
 */
class DispatcherFuzzTest {
    private static final String HOOKS = "jazzer.hooks";
    private static String hooksBefore;

    /**
     * Replaying the corpus needs neither coverage nor Jazzer's bug detectors (SQL, LDAP, script
     * injection: nothing this code does), and instrumenting every class for them took 15-25 s of
     * a replay that otherwise takes 3. Jazzer reads the setting when the fuzz test starts, after this.
     */
    @BeforeAll
    static void noInstrumentationWhenReplaying() {
        hooksBefore = System.getProperty(HOOKS);
        if (!fuzzing() && hooksBefore == null) System.setProperty(HOOKS, "false");
    }

    @AfterAll
    static void restoreInstrumentationSetting() {
        if (hooksBefore == null) System.clearProperty(HOOKS);
    }

    /** Jazzer's own test: JAZZER_FUZZ set to true, 1 or yes. */
    private static boolean fuzzing() {
        String v = System.getenv("JAZZER_FUZZ");
        return v != null && Set.of("true", "1", "yes").contains(v.toLowerCase(Locale.ROOT));
    }

    /**
     * The words the fuzzer would take long to guess byte by byte: commands, the room, capabilities,
     * WHOX fields. No CR or LF: Jazzer 0.24 writes them into its dictionary file unescaped, which
     * breaks the file and stops the run; the seeds have plenty of CRLFs anyway.
     */
    @DictionaryEntries({
        "NICK ",
        "USER ",
        "CAP ",
        "LS 302",
        "REQ ",
        "LIST",
        "END",
        "PASS ",
        "PRIVMSG ",
        "NOTICE ",
        "TAGMSG ",
        "JOIN ",
        "PART ",
        "NAMES ",
        "TOPIC ",
        "MODE ",
        "WHO ",
        "WHOIS ",
        "ISON ",
        "USERHOST ",
        "AWAY ",
        "MOTD",
        "LUSERS",
        "PING ",
        "PONG ",
        "QUIT ",
        "#chatroom",
        "good",
        "watch",
        "fz",
        "echo-message",
        "message-tags",
        "multi-prefix",
        "server-time",
        "standard-replies",
        "%tcuhnfar,",
        "+i",
        "\u0001ACTION ",
        "@+draft/reply=",
        "time=",
        " :"
    })
    @FuzzTest(maxDuration = "2m")
    void clientBytes(byte[] data) {
        FuzzSession.runBothStarts(FuzzInput.of(data));
    }
}
