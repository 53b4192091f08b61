package dev.chatroom.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A TCP relay on 127.0.0.1 in front of a server: {@link #cut()} ends every connection through it
 * as a network failure would, while the server keeps running; new connections are held,
 * nothing relayed, until {@link #letIn()}, so a test decides what happens while a client is away.
 */
public final class CuttableRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int upstream;
    private final List<Socket> sockets = new ArrayList<>();
    private final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
    private volatile boolean closed;
    /** Server-side sockets whose client is gone but which the server should not see end: what it sends is read and dropped. */
    private final Set<Socket> silenced = ConcurrentHashMap.newKeySet();

    public CuttableRelay(int upstreamPort) throws IOException {
        upstream = upstreamPort;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "relay-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every relayed connection, and holds new ones until {@link #letIn()}. */
    public void cut() throws IOException {
        gate.drainPermits();
        synchronized (sockets) {
            for (Socket s : sockets) s.close();
            sockets.clear();
        }
    }

    /**
     * The network drops under every client without the server noticing (no FIN reaches it): the
     * clients' sockets end, the server's stay open and what it sends is swallowed, as until a
     * ping timeout on a real network. New connections are held until {@link #letIn()}.
     */
    public void dropSilently() throws IOException {
        gate.drainPermits();
        synchronized (sockets) {
            for (int i = 0; i < sockets.size(); i += 2) {
                silenced.add(sockets.get(i + 1));
                sockets.get(i).close();
            }
        }
    }

    public void letIn() {
        gate.release(Integer.MAX_VALUE - gate.availablePermits());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                gate.acquire(); // after accept: a connection accepted before a cut waits too
                gate.release();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(server);
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException | InterruptedException e) {
                if (closed) return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    try {
                        // not closed here: closing a socket's stream closes the socket, and a silenced one must stay
                        // open
                        from.getInputStream().transferTo(to.getOutputStream());
                    } catch (IOException ignored) {
                        // cut: the other side is closed below
                    }
                    if (silenced.contains(from)) {
                        swallow(from); // its client is gone: keep reading what the server sends
                        return;
                    }
                    if (silenced.contains(to)) return; // the client went silently: the server must not see it
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                },
                "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void swallow(Socket s) {
        try {
            s.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the server closed it, or close() did
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        for (Socket s : silenced) s.close();
        letIn();
        listener.close();
        cut();
    }
}
