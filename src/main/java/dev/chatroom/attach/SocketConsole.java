package dev.chatroom.attach;

import dev.chatroom.server.console.AdminSession;
import dev.chatroom.server.console.AdminSessions;
import dev.chatroom.server.console.ConsoleAnswer;
import dev.chatroom.server.console.Question;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One console attached through admin.sock, as the server sees it: a thread reads the lines it
 * types and runs them; another writes what it is sent, from a queue, so the event loop never
 * waits for a console. A console that stops reading for so long that its queue fills is let go.
 */
final class SocketConsole implements AdminSession {
    /** Lines queued for a console that does not read; past it the console is closed. */
    private static final int MAX_QUEUED = 10_000;

    private static final String END = "\u0000end";

    private final String name;
    private final LineChannel channel;
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread writer;
    private volatile boolean closed;

    SocketConsole(String name, LineChannel channel) {
        this.name = name;
        this.channel = channel;
        this.writer = new Thread(this::write, "admin-" + name.replace(' ', '-') + "-out");
        writer.setDaemon(true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void event(String line) {
        send(AdminProtocol.event(line));
    }

    @Override
    public void question(Question q) {
        send(List.of(AdminProtocol.question(q)));
    }

    /** Queues the lines together: an answer's lines are never split by an event. */
    private synchronized void send(List<String> lines) {
        for (String l : lines) {
            if (!closed && !out.offer(l)) {
                closed = true; // not reading: let go, never make the server wait
                out.clear();
                out.offer(END);
            }
        }
    }

    /** Greets, then runs what the console types until it leaves or the server stops. On its own thread. */
    void serve(AdminSessions sessions) {
        writer.start();
        AdminSessions.Attached attached = null;
        try {
            send(List.of(AdminProtocol.hello(name)));
            attached = sessions.attach(this);
            String line;
            while (!closed && (line = channel.readLine()) != null) {
                ConsoleAnswer answer = attached.run(line).get();
                send(AdminProtocol.answer(answer));
                if (answer.detaches()) break;
            }
        } catch (IOException | ExecutionException | IllegalStateException e) {
            // the console went away, or the server is stopping: either way this console is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (attached != null) attached.close();
            stop(false);
        }
    }

    /** Ends this console, telling it first when the server stops; waits a moment for what is queued to go out. */
    void stop(boolean serverStopping) {
        if (serverStopping && !closed) send(List.of(AdminProtocol.STOPPING));
        closed = true;
        out.offer(END);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(2));
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void write() {
        try {
            for (String l = out.take(); !l.equals(END); l = out.take()) channel.writeLine(l);
        } catch (IOException | InterruptedException e) {
            // the console went away
        } finally {
            try {
                channel.close(); // wakes the reading thread, if the console had stopped reading
            } catch (IOException ignored) {
                // closed already
            }
        }
    }
}
