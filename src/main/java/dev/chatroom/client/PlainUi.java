package dev.chatroom.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Lines from stdin, plain lines to stdout, no prompt: the client as a script or a test drives it. */
public final class PlainUi implements Ui {
    private final BufferedReader in;
    private final PrintStream out;

    public PlainUi(InputStream in, PrintStream out) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
    }

    @Override
    public String readLine(String prompt) throws IOException {
        return in.readLine();
    }

    @Override
    public void print(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public void close() {
        out.flush();
    }
}
