package dev.chatroom.client;

import dev.chatroom.testing.Await;
import dev.chatroom.testing.IrcTestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/** A client library connection whose events a test awaits in the order they come, each event taken once. */
final class Recorder implements AutoCloseable {
    private final BlockingQueue<ClientEvent> events = new LinkedBlockingQueue<>();
    /** Every event taken so far, awaited or passed over. */
    final List<ClientEvent> seen = new ArrayList<>();

    final ChatClient client;

    /** Not connected yet: {@code tls} null for plain TCP. */
    Recorder(int port, ClientTls tls) {
        client = new ChatClient("127.0.0.1", port, tls, events::add);
    }

    /** The next event of that type that matches; the events before it are passed over. */
    @SuppressWarnings("unchecked")
    <T extends ClientEvent> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        return (T) Await.take(
                type.getSimpleName() + " matching",
                IrcTestClient.TIMEOUT,
                events,
                e -> type.isInstance(e) && match.test((T) e),
                seen);
    }

    <T extends ClientEvent> T await(Class<T> type) throws InterruptedException {
        return await(type, e -> true);
    }

    @Override
    public void close() {
        client.close();
    }
}
