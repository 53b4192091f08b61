package dev.chatroom.server;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** How code on another thread (the admin console) reaches the hub: by running on its event loop. */
public interface ServerAccess {
    /** Runs f where the hub may be touched and completes with its result. */
    <T> CompletableFuture<T> call(Function<Hub, T> f);

    /** Reads the TLS certificate files again (/reload); what happened, in words. */
    default String reloadTls() {
        return "TLS is not in use here.";
    }

    /** Tells every client and stops the server. */
    void shutdown(String reason);
}
