package dev.chatroom.server.console;

import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import dev.chatroom.server.Hub;
import dev.chatroom.server.ServerAccess;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every admin console of this server, whatever carries it: one set of console commands and one
 * approval queue for all. Each event reaches every console; each console gets the answers to
 * what it typed, and the others are told what it changed ("(console 2) accepted bob"). Of two
 * answers to one request the first wins: the second finds no request, and says so. In a
 * cluster, a line that changes what others see runs on every node in the cluster's order, so
 * the same holds across nodes, and its answer comes back to the console that typed it.
 */
public final class AdminSessions implements EventSink {
    /** How long a console waits for its line to come back from the cluster. */
    private static final long RELAY_PATIENCE_SECONDS = 30;

    private final ServerAccess server;
    private final AdminCommands commands;
    private final String node;
    private final Attached own;
    private final List<Attached> attached = new CopyOnWriteArrayList<>();
    /** Lines published to the cluster, by request number, until they come back and run here. */
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    private final AtomicLong requests = new AtomicLong();
    private volatile Question question;
    private volatile boolean closing;

    private record Pending(Attached console, CompletableFuture<ConsoleAnswer> answer) {}

    /**
     * The consoles of server (node: its name in a cluster, or null), starting with its own
     * (its terminal, its log), which answers for lines typed through {@link AdminCommands#execute}.
     */
    public AdminSessions(ServerAccess server, String node, AdminSession own) {
        this.server = server;
        this.commands = new AdminCommands(server);
        this.node = node;
        this.own = new Attached(own);
        attached.add(this.own);
    }

    /** The server's own console. */
    public Attached own() {
        return own;
    }

    /** Follows the approval queue, so every console is asked about the oldest request. On the event loop. */
    public void watch(Hub hub) {
        hub.gate().approvals().onChange(() -> ask(Question.of(hub)));
    }

    private void ask(Question q) {
        if (q == null ? question == null : q.equals(question)) return;
        question = q;
        for (Attached a : attached) a.session.question(q);
    }

    /** An event, to every console. */
    @Override
    public void event(String line) {
        for (Attached a : attached) a.session.event(line);
    }

    /** An event, to every console: each shows it as it shows events (the server's own in the log format). */
    @Override
    public void event(Event e) {
        for (Attached a : attached) a.session.event(e);
    }

    /** The server is stopping: consoles leaving now are not worth telling the others about. */
    public void closing() {
        closing = true;
    }

    /** True once /shutdown ran on any console. */
    public boolean stopped() {
        return commands.stopped();
    }

    /**
     * A console joins: from now on it gets every event, and the question about the oldest request
     * at once (both on the event loop, so it misses no change). The others are told.
     */
    public Attached attach(AdminSession session) {
        Attached a = new Attached(session);
        try {
            server.call(hub -> {
                        attached.add(a);
                        session.question(question);
                        return null;
                    })
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The server is stopping.", e);
        }
        tell(session.name(), "attached", a);
        return a;
    }

    /** Tells every console but except what who did. */
    private void tell(String who, String done, Attached except) {
        if (done == null) return;
        for (Attached a : attached)
            if (a != except)
                a.session.event(
                        Event.info("admin_action", "(" + who + ") " + done).with("console", who));
    }

    /**
     * A line of a console, published by a node of the cluster (mine: this one), back in the
     * cluster's order: it runs here; the console that typed it gets the answer, the others are
     * told. by is the typing console's token ({@link Attached#token}), or null for {@link AdminCommands#execute}.
     */
    public void relayed(String line, String by, boolean mine) {
        AdminCommands.Outcome o = commands.run(line, null, done -> {});
        String[] origin = by == null ? null : by.split(" ", 3);
        Pending p = mine && origin != null ? pending.remove(Long.parseLong(origin[0])) : null;
        if (p != null) {
            p.answer.complete(new ConsoleAnswer(o.answer(), o.detaches()));
        } else if (mine
                && origin == null
                && !o.answer().isEmpty()
                && !o.answer().startsWith(AdminCommands.CONSOLE_ONLY)) {
            own.session.event(o.answer()); // typed at the server's own console, as before there were others
        }
        String who = origin == null ? own.session.name() : mine ? origin[2] : origin[2] + " on " + origin[1];
        tell(who, o.told(), p != null ? p.console : mine && origin == null ? own : null);
    }

    /** A console attached: what it types runs here and answers it. */
    public final class Attached implements ConsoleLink, AutoCloseable {
        private final AdminSession session;

        private Attached(AdminSession session) {
            this.session = session;
        }

        public String name() {
            return session.name();
        }

        /** True once /shutdown ran on any console: this one stops reading. */
        @Override
        public boolean stopped() {
            return commands.stopped();
        }

        /**
         * Runs a line typed here. Completes at once, or, for a line the cluster runs on every
         * node, when it comes back (on the event loop).
         */
        @Override
        public CompletableFuture<ConsoleAnswer> run(String line) {
            long request = requests.incrementAndGet();
            CompletableFuture<ConsoleAnswer> answer = new CompletableFuture<>();
            pending.put(request, new Pending(this, answer));
            AdminCommands.Outcome o;
            try {
                o = commands.run(
                        line,
                        request + " " + (node == null ? "-" : node) + " " + name(),
                        done -> tell(name(), done, this));
            } catch (RuntimeException e) {
                pending.remove(request);
                return CompletableFuture.completedFuture(ConsoleAnswer.of(e.getMessage()));
            }
            if (o.relayed()) {
                return answer.completeOnTimeout(
                                ConsoleAnswer.of("The cluster did not run it in time; it may still run."),
                                RELAY_PATIENCE_SECONDS,
                                TimeUnit.SECONDS)
                        .whenComplete((done, failure) -> pending.remove(request));
            }
            pending.remove(request);
            tell(name(), o.told(), this);
            return CompletableFuture.completedFuture(new ConsoleAnswer(o.answer(), o.detaches()));
        }

        /** Leaves: no more events; the others are told. */
        @Override
        public void close() {
            if (this != own && attached.remove(this) && !closing && !stopped()) tell(name(), "detached", null);
        }
    }
}
