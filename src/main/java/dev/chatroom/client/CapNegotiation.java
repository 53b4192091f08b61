package dev.chatroom.client;

import dev.chatroom.irc.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The client's side of IRCv3 capability negotiation: asks for what it can use of what the
 * server offers (LS may come in several lines), remembers what was granted, ends negotiation.
 */
final class CapNegotiation {
    static final Set<String> WANTED = Set.of(
            "echo-message",
            "server-time",
            "standard-replies",
            "sasl",
            "account-tag",
            "account-notify",
            "extended-join",
            "batch",
            "message-tags",
            "labeled-response",
            HistoryRequests.CHATHISTORY,
            HistoryRequests.SEARCH,
            HistoryRequests.READ_MARKER,
            Deletions.CAP,
            MultilineLimits.CAP);

    private final Consumer<String> send;
    /** Asked once the caps are granted: true holds CAP END back (a SASL exchange goes first and ends it). */
    private BooleanSupplier holdEnd = () -> false;

    private boolean ended;
    private final List<String> offered = new ArrayList<>();
    private final Set<String> enabled = new HashSet<>();

    CapNegotiation(Consumer<String> send) {
        this.send = send;
    }

    void start() {
        send.accept("CAP LS 302");
    }

    /** A CAP line from the server. */
    void onCap(Message m) {
        String sub = m.param(1);
        String last = m.param(m.params().size() - 1);
        if ("LS".equals(sub)) {
            offered.addAll(List.of(last.split(" ")));
            if (m.params().size() > 3 && "*".equals(m.param(2))) return; // more LS lines follow
            List<String> want = new ArrayList<>();
            for (String cap : offered) {
                String name = cap.contains("=") ? cap.substring(0, cap.indexOf('=')) : cap;
                if (WANTED.contains(name)) want.add(name);
            }
            if (want.isEmpty()) end();
            else send.accept("CAP REQ :" + String.join(" ", want));
        } else if ("ACK".equals(sub)) {
            for (String cap : last.split(" "))
                if (!cap.isEmpty()) enabled.add(cap.startsWith("-") ? cap.substring(1) : cap);
            if (!holdEnd.getAsBoolean()) end();
        } else if ("NAK".equals(sub)) {
            end();
        }
    }

    void holdEnd(BooleanSupplier hold) {
        holdEnd = hold;
    }

    /** Ends negotiation (once). */
    void end() {
        if (ended) return;
        ended = true;
        send.accept("CAP END");
    }

    boolean has(String cap) {
        return enabled.contains(cap);
    }

    /** The value the server offered a granted capability with ("max-bytes=4096,max-lines=100"); null for none. */
    String value(String cap) {
        if (!has(cap)) return null;
        for (String offer : offered) if (offer.startsWith(cap + "=")) return offer.substring(cap.length() + 1);
        return null;
    }
}
