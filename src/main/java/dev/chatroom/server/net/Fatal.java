package dev.chatroom.server.net;

/**
 * Out of memory, heap or direct, anywhere: nothing can be trusted to work after it, so the process
 * ends with one clear line and a non-zero status, for a supervisor to restart it. (The JVM's own
 * -XX:+ExitOnOutOfMemoryError does not see Netty's direct-memory errors, which Netty raises itself.)
 */
public final class Fatal {
    /** A failure while serving: the server stopped on an unexpected error (the status of a start that failed, too). */
    public static final int EXIT_FAILED = 1;

    public static final int EXIT_OUT_OF_MEMORY = 3;

    private Fatal() {}

    public static void exitOnOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                System.err.println("chatroom: out of memory (" + c.getMessage()
                        + "); stopping so that a supervisor can restart the server");
                System.err.flush();
                Runtime.getRuntime().halt(EXIT_OUT_OF_MEMORY);
            }
        }
    }

    /**
     * The event loop's thread ended by an error (Netty catches what a task or a handler throws, so this is
     * what escaped the loop itself). Netty would log it and end the loop: a server that serves nothing,
     * whose main thread then sees the loop stopped and exits as if asked to. One line and a non-zero status
     * instead, for a supervisor to restart it.
     */
    public static void exitOnLoopFailure(Throwable t) {
        exitOnOutOfMemory(t);
        System.err.println("chatroom: the event loop failed (" + firstLine(t) + "); stopping so that a supervisor"
                + " can restart the server");
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_FAILED);
    }

    private static String firstLine(Throwable t) {
        String s = t.toString();
        int end = s.indexOf('\n');
        return end < 0 ? s : s.substring(0, end).strip();
    }

    /**
     * The task, made to end the process on out-of-memory. Netty runs event-loop tasks in a
     * try/catch that logs and carries on, which after an out-of-memory leaves state half changed.
     */
    public static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                exitOnOutOfMemory(t);
                throw t;
            }
        };
    }

    /** Makes every thread's uncaught out-of-memory end the process. */
    public static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            exitOnOutOfMemory(e);
            if (previous != null) previous.uncaughtException(thread, e);
            else e.printStackTrace();
        });
    }
}
