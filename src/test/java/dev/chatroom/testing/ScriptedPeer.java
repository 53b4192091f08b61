package dev.chatroom.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An IRC server played by the test on 127.0.0.1: one client at a time, registered with the
 * capabilities given (CAP LS and REQ answered; 001 and #chatroom's names once NICK, USER and CAP
 * END have all come, in any order, as a server holds registration until then), then every line the
 * client sends waits to be expected, and the test writes the server's lines verbatim. For what the
 * real server does not speak yet.
 */
public final class ScriptedPeer implements AutoCloseable {
    private final ServerSocket socket;
    private final String caps;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private volatile Socket client;
    private volatile OutputStream out;

    /** caps: the CAP LS list, "batch message-tags draft/multiline=max-bytes=4096,max-lines=100". */
    public ScriptedPeer(String caps) throws IOException {
        this.caps = caps;
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "scripted-peer");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        try {
            client = socket.accept();
            out = client.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            String nick = null;
            boolean user = false;
            boolean capEnd = false;
            boolean welcomed = false;
            String line;
            while ((line = in.readLine()) != null) {
                String bare = line.startsWith("@") ? line.substring(line.indexOf(' ') + 1) : line;
                if (bare.startsWith("CAP LS")) send(":peer CAP * LS :" + caps);
                else if (bare.startsWith("CAP REQ :")) send(":peer CAP * ACK :" + bare.substring(9));
                else if (bare.startsWith("NICK ")) nick = bare.substring(5);
                else if (bare.startsWith("USER ")) user = true;
                else if (bare.startsWith("CAP END")) capEnd = true;
                else if (bare.startsWith("PING "))
                    send(":peer PONG peer :" + bare.substring(5).replace(":", ""));
                else if (bare.startsWith("QUIT")) {
                    send("ERROR :Closing link: bye");
                    client.close();
                    return;
                } else if (!bare.startsWith("CHATHISTORY")) lines.add(line);
                // registration ends with NICK, USER and the end of negotiation, in whatever order they came
                if (!welcomed && nick != null && user && capEnd) {
                    welcomed = true;
                    send(":peer 001 " + nick + " :Welcome");
                    send(":" + nick + "!~" + nick + "@host JOIN #chatroom");
                    send(":peer 353 " + nick + " = #chatroom :" + nick + " bob");
                    send(":peer 366 " + nick + " #chatroom :End of /NAMES list.");
                }
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    /** A server line, written as is. */
    public synchronized ScriptedPeer send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** The next line the client sent that matches the regex (the ones before it are passed over). */
    public String expect(String regex) throws InterruptedException {
        return Await.take("a line matching " + regex, IrcTestClient.TIMEOUT, lines, l -> l.matches(regex), seen);
    }

    /** The next line the client sent, whatever it is. */
    public String next() throws InterruptedException {
        return expect(".*");
    }

    @Override
    public void close() throws IOException {
        socket.close();
        if (client != null) client.close();
    }
}
