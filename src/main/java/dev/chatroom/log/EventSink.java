package dev.chatroom.log;

/** Where the server reports what the admin should see: join requests, arrivals, departures. */
@FunctionalInterface
public interface EventSink {
    void event(String line);

    EventSink NONE = line -> {};
}
