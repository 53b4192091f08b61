package dev.chatroom.cli;

import dev.chatroom.launch.ChatServer;
import dev.chatroom.log.Event;
import dev.chatroom.log.EventSink;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM shut the server down gracefully: clients are told, then the
 * process exits 0. A second signal while that runs forces the exit at once.
 */
final class ShutdownSignals {
    private static volatile boolean stopping;

    private ShutdownSignals() {}

    static void install(ChatServer server, EventSink events) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), sig -> {
                    if (stopping) Runtime.getRuntime().halt(ServerExit.FORCED.code());
                    stopping = true;
                    events.event(
                            Event.info("shutting_down", "Shutting down (SIG" + name + "); press Ctrl-C again to force.")
                                    .reason("SIG" + name));
                    new Thread(server::close, "chatroom-shutdown").start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this platform does not let us handle the signal; the JVM default stays
            }
        }
    }

    private static final String IGNORED_HUP =
            "SIGHUP is ignored here (started under nohup?): /reload at the console reloads the certificate.";

    /** SIGHUP reloads the TLS certificate, as daemons reload their configuration. */
    static void installReload(ChatServer server, EventSink events) {
        try {
            var before = Signal.handle(
                    new Signal("HUP"),
                    sig -> new Thread(
                                    () -> events.event(Event.info("tls_reload", server.reloadTls())), "chatroom-reload")
                            .start());
            // a signal ignored when the JVM started (nohup) stays ignored: say so rather than reload never
            if (before == SignalHandler.SIG_IGN) events.event(Event.warn("sighup_ignored", IGNORED_HUP));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            events.event(Event.warn("sighup_ignored", IGNORED_HUP));
        }
    }

    /** The console started a shutdown: a Ctrl-C from now on forces the exit. */
    static void forceOnNextInterrupt() {
        stopping = true;
    }
}
