package dev.chatroom.server.console;

import dev.chatroom.server.Connection;
import dev.chatroom.server.Devices;
import dev.chatroom.server.Hub;
import dev.chatroom.server.Replication;
import dev.chatroom.server.Room;
import dev.chatroom.server.Stats;
import dev.chatroom.store.HistoryStore;
import dev.chatroom.store.ServerBan;
import java.util.List;
import java.util.StringJoiner;

/** The console's read-only answers: /pending, /users, /bans, /stats. */
final class Reports {
    private Reports() {}

    static String pending(Hub hub) {
        List<Connection> waiting = hub.gate().approvals().inOrder();
        if (waiting.isEmpty()) return "No one is waiting.";
        StringJoiner out = new StringJoiner("\n", "Waiting (" + waiting.size() + "), oldest first:\n", "");
        long now = hub.clock().millis();
        for (Connection c : waiting) {
            out.add("  " + c.nick() + " (" + c.host() + "), waiting " + (now - c.connectedAtMillis()) / 1000 + " s");
        }
        return out.toString();
    }

    static String users(Hub hub) {
        int registered = hub.users().registeredCount();
        StringJoiner out = new StringJoiner("\n");
        out.add(registered + (registered == 1 ? " user" : " users") + " connected, "
                + hub.gate().approvals().size() + " waiting.");
        for (Room r : hub.rooms().all()) {
            StringJoiner names = new StringJoiner(" ");
            for (Connection m : r.members())
                names.add(r.prefixOf(m) + m.nick() + " (" + where(m) + (m.away() != null ? ", away)" : ")"));
            out.add("  " + r.name() + " (" + r.size() + "): " + names);
        }
        return out.toString();
    }

    /** Its address; with several devices, how many; always-on with none, that. */
    private static String where(Connection m) {
        int n = Devices.connections(m);
        if (n == 0 && !m.isRemote()) return "no device connected";
        return m.host() + (n > 1 ? ", " + n + " devices" : "");
    }

    static String bans(Hub hub) {
        List<ServerBan> all = hub.bans().all();
        if (all.isEmpty()) return "No bans.";
        StringJoiner out = new StringJoiner("\n", "Bans (" + all.size() + "):\n", "");
        for (ServerBan b : all)
            out.add("  " + b.mask() + (b.reason().isEmpty() ? "" : " (" + b.reason() + ")") + ", since " + b.since());
        return out.toString();
    }

    static String stats(Hub hub) {
        Stats s = hub.stats();
        int registered = hub.users().registeredCount();
        int waiting = hub.gate().approvals().size();
        long up = (hub.clock().millis() - s.startedMillis()) / 1000;
        StringJoiner out = new StringJoiner("\n");
        out.add(String.format("Up %dd %02dh %02dm %02ds", up / 86400, up / 3600 % 24, up / 60 % 60, up % 60));
        out.add("Connected: " + registered + " in the chat, " + waiting + " waiting, "
                + (hub.users().count() - registered - waiting) + " registering");
        out.add("Messages relayed: " + s.messagesRelayed());
        out.add("Bytes in: " + s.bytesIn() + ", out: " + s.bytesOut());
        HistoryStore history = hub.history().store();
        if (history != HistoryStore.NONE) {
            String paused = history.pausedReason();
            out.add("History: " + (paused == null ? "writing" : "paused (" + paused + ")") + ", " + history.waiting()
                    + " message(s) waiting for the disk");
        }
        StringJoiner gone = new StringJoiner(", ");
        s.disconnects().forEach((k, v) -> gone.add(k.label() + " " + v));
        out.add("Disconnects: " + (gone.length() == 0 ? "none" : gone.toString()));
        if (hub.replication() != Replication.STANDALONE) {
            StringJoiner refused = new StringJoiner(", ");
            s.clusterRefusals().forEach((k, v) -> refused.add(v + " " + k));
            out.add("Cluster events dropped: " + (refused.length() == 0 ? "none" : refused.toString()));
        }
        if (!s.internalErrors().isEmpty()) {
            StringJoiner bugs = new StringJoiner(", ");
            s.internalErrors().forEach((k, v) -> bugs.add(k + " " + v));
            out.add("Internal errors (bugs; see the log): " + bugs);
        }
        return out.toString();
    }
}
