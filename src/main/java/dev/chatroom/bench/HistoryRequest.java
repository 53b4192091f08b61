package dev.chatroom.bench;

import dev.chatroom.irc.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One CHATHISTORY request on one client, and the chathistory batch that answers it. The server
 * may be too busy to read history (FAIL ... MESSAGE_ERROR, when its reader's queue is full):
 * the request is then asked again, a little later, a bounded number of times.
 */
final class HistoryRequest implements HistoryClient.Listener {
    /** A remembered message: its msgid tag and its text ("" for a reaction, a TAGMSG). */
    record Entry(String msgid, String text) {}

    interface Answer {
        void answered(HistoryClient c, List<Entry> messages, long nanos);

        void failed(HistoryClient c, String why);
    }

    static final int MAX_RETRIES = 200;
    private static final long RETRY_MILLIS = 50;

    private final String request;
    private final Answer then;
    private final List<Entry> entries = new ArrayList<>();
    private String batch;
    private int retries;

    private HistoryRequest(String request, Answer then) {
        this.request = request;
        this.then = then;
    }

    /** Sends {@code CHATHISTORY <args>} on c; c listens to nothing else until it is answered. */
    static void ask(HistoryClient c, String args, Answer then) {
        HistoryRequest r = new HistoryRequest("CHATHISTORY " + args, then);
        if (c.channel == null || !c.channel.isActive()) {
            then.failed(c, "its connection is closed");
            return;
        }
        c.listener = r;
        c.send(r.request);
    }

    @Override
    public void line(HistoryClient c, Message m, long nanos) {
        switch (m.command()) {
            case "BATCH" -> {
                String ref = m.params().isEmpty() ? "" : m.param(0);
                if (batch == null
                        && ref.startsWith("+")
                        && m.params().size() >= 2
                        && m.param(1).equals("chathistory")) {
                    batch = ref.substring(1);
                } else if (batch != null && ref.equals("-" + batch)) {
                    done(c);
                    then.answered(c, entries, nanos);
                }
            }
            case "PRIVMSG", "NOTICE" -> {
                if (batch != null
                        && batch.equals(m.tags().get("batch"))
                        && m.params().size() >= 2) {
                    entries.add(new Entry(m.tags().get("msgid"), m.param(1)));
                }
            }
            case "TAGMSG" -> { // a reaction: no text, but a page's entry all the same
                if (batch != null && batch.equals(m.tags().get("batch")))
                    entries.add(new Entry(m.tags().get("msgid"), ""));
            }
            case "FAIL" -> {
                if (m.params().size() >= 2 && m.param(0).equals("CHATHISTORY")) {
                    if (m.param(1).equals("MESSAGE_ERROR") && retries++ < MAX_RETRIES) {
                        c.channel.eventLoop().schedule(() -> c.send(request), RETRY_MILLIS, TimeUnit.MILLISECONDS);
                    } else {
                        done(c);
                        then.failed(c, m.toString());
                    }
                }
            }
            case "421" -> {
                done(c);
                then.failed(c, "the server does not know CHATHISTORY (" + m + ")");
            }
            default -> {}
        }
    }

    private static void done(HistoryClient c) {
        c.listener = HistoryClients.Ignore.INSTANCE;
    }

    @Override
    public void closed(HistoryClient c) {
        then.failed(c, "closed by the server");
    }
}
