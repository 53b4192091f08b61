package dev.chatroom.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Threads that read chatroom.db, each with a read-only connection of its own (in WAL mode
 * readers wait neither for the writer nor for each other), behind a bounded queue: when it is
 * full a read is refused at once instead of waiting without end. Inline (in-memory tests), reads
 * run on the caller's thread, on one connection.
 */
final class ReaderPool implements AutoCloseable {
    private final Database db;
    private final ThreadPoolExecutor threads;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private Connection inlineConnection;

    /** size threads named name-1, name-2, ...; at most queue reads waiting for one. */
    ReaderPool(Database db, String name, int size, int queue, boolean inline) {
        this.db = db;
        if (inline) {
            threads = null;
            return;
        }
        int[] made = {0};
        threads = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(
                    () -> {
                        try {
                            r.run();
                        } finally {
                            closeOwn();
                        }
                    },
                    name + "-" + ++made[0]);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the task on a reader; throws RejectedExecutionException when all are busy and the queue is full. */
    void execute(Runnable task) {
        if (threads == null) task.run();
        else threads.execute(task);
    }

    /** The calling reader's connection, opened at its first read. */
    Connection connection() throws SQLException {
        if (threads == null) {
            if (inlineConnection == null) inlineConnection = db.openReader();
            return inlineConnection;
        }
        Connection c = connection.get();
        if (c == null) {
            c = db.openReader();
            connection.set(c);
        }
        return c;
    }

    private void closeOwn() {
        Connection c = connection.get();
        if (c == null) return;
        connection.remove();
        try {
            c.close();
        } catch (SQLException ignored) {
            // the thread is ending
        }
    }

    /** No new reads; the queued ones still run, then each reader closes its connection. */
    @Override
    public void close() {
        if (threads != null) {
            threads.shutdown();
            return;
        }
        try {
            if (inlineConnection != null) inlineConnection.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
