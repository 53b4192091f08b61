package dev.chatroom.testing;

import dev.chatroom.server.console.AdminSession;
import dev.chatroom.server.console.AdminSessions;
import dev.chatroom.server.console.ConsoleAnswer;
import dev.chatroom.server.console.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An admin console attached to an in-memory server: what it is sent is recorded, what it types runs there. */
public final class RecordingConsole implements AdminSession {
    private final String name;
    private final List<String> events = new ArrayList<>();
    private Question question;
    private AdminSessions.Attached attached;

    private RecordingConsole(String name) {
        this.name = name;
    }

    /** A console called name, attached to sessions. */
    public static RecordingConsole attach(AdminSessions sessions, String name) {
        RecordingConsole c = new RecordingConsole(name);
        c.attached = sessions.attach(c);
        return c;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void event(String line) {
        events.add(line);
    }

    @Override
    public synchronized void question(Question q) {
        question = q;
    }

    /** What y, n and a answer here now; null when no one waits. */
    public synchronized Question question() {
        return question;
    }

    /** Runs a line typed here; its answer (in memory, everything is done when it returns). */
    public String type(String line) {
        ConsoleAnswer a = attached.run(line).join();
        return a.text();
    }

    public AdminSessions.Attached attached() {
        return attached;
    }

    /** The events not looked at yet, taken. */
    public synchronized List<String> events() {
        List<String> out = new ArrayList<>(events);
        events.clear();
        return out;
    }

    /** The next event matching regex; the ones before it are skipped. */
    public synchronized String expectEvent(String regex) {
        Pattern p = Pattern.compile(regex);
        List<String> skipped = new ArrayList<>();
        while (!events.isEmpty()) {
            String e = events.remove(0);
            if (p.matcher(e).find()) return e;
            skipped.add(e);
        }
        throw new AssertionError(name + ": no event matching " + regex + "; had: " + skipped);
    }
}
