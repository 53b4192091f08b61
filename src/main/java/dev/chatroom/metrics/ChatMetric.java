package dev.chatroom.metrics;

import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Every metric of ours: its name, type and meaning, and where its value comes from. The README lists them. */
enum ChatMetric {
    CONNECTIONS(
            "chatroom_connections",
            Kind.GAUGE,
            "Connections to this server, registered or not, by transport.",
            "transport",
            Readings::connections),
    USERS("chatroom_users", Kind.GAUGE, "Users registered on this server.", Readings::users),
    PENDING_APPROVALS(
            "chatroom_pending_approvals",
            Kind.GAUGE,
            "Join requests waiting for the admin.",
            Readings::pendingApprovals),
    ROOMS("chatroom_rooms", Kind.GAUGE, "Rooms that exist.", Readings::rooms),
    MESSAGES("chatroom_messages_total", Kind.COUNTER, "Messages relayed (PRIVMSG and NOTICE).", Readings::messages),
    DELIVERIES(
            "chatroom_deliveries_total",
            Kind.COUNTER,
            "Copies of relayed messages queued for their recipients on this server.",
            Readings::deliveries),
    BYTES_SENT("chatroom_bytes_sent_total", Kind.COUNTER, "Bytes written to clients.", Readings::bytesSent),
    BYTES_RECEIVED("chatroom_bytes_received_total", Kind.COUNTER, "Bytes read from clients.", Readings::bytesReceived),
    DISCONNECTS(
            "chatroom_disconnects_total",
            Kind.COUNTER,
            "Connections ended, by reason.",
            "reason",
            Readings::disconnects),
    REGISTRATIONS("chatroom_registrations_total", Kind.COUNTER, "Accounts registered here.", Readings::registrations),
    LOGINS_FAILED(
            "chatroom_logins_failed_total",
            Kind.COUNTER,
            "Logins and password checks refused (SASL, SETPASS, OPER): wrong passwords, locked-out tries, unknown certificates.",
            Readings::loginsFailed),
    HISTORY_QUEUE("chatroom_history_queue", Kind.GAUGE, "Messages waiting for the disk.", Readings::historyQueue),
    HISTORY_PAUSED(
            "chatroom_history_paused",
            Kind.GAUGE,
            "1 while history writes are paused because the database cannot be written (a full disk), else 0.",
            Readings::historyPaused),
    OUTPUT_BUDGET_USED(
            "chatroom_output_budget_used_bytes",
            Kind.GAUGE,
            "Bytes queued for clients, counted against the output budget.",
            Readings::outputBudgetUsed),
    CLUSTER_NODES(
            "chatroom_cluster_nodes",
            Kind.GAUGE,
            "Nodes of the cluster this one hears, itself included.",
            Scope.CLUSTER,
            Readings::clusterNodes),
    CLUSTER_BUS_EVENTS(
            "chatroom_cluster_bus_events_total",
            Kind.COUNTER,
            "Events of the cluster's bus applied here.",
            Scope.CLUSTER,
            Readings::busEvents);

    enum Kind {
        GAUGE,
        COUNTER
    }

    /** Where a metric is shown: on every server, or only on a node of a cluster. */
    enum Scope {
        EVERY_SERVER,
        CLUSTER
    }

    final String name;
    final Kind kind;
    final String help;
    /** The label of a labelled metric; null for one value. */
    final String label;

    final Scope scope;
    private final Function<Readings, Map<String, Long>> values;

    ChatMetric(String name, Kind kind, String help, ToLongFunction<Readings> value) {
        this(name, kind, help, Scope.EVERY_SERVER, value);
    }

    ChatMetric(String name, Kind kind, String help, Scope scope, ToLongFunction<Readings> value) {
        this(name, kind, help, null, scope, r -> Map.of("", value.applyAsLong(r)));
    }

    ChatMetric(String name, Kind kind, String help, String label, Function<Readings, Map<String, Long>> values) {
        this(name, kind, help, label, Scope.EVERY_SERVER, values);
    }

    ChatMetric(
            String name,
            Kind kind,
            String help,
            String label,
            Scope scope,
            Function<Readings, Map<String, Long>> values) {
        if ((kind == Kind.COUNTER) != name.endsWith("_total"))
            throw new IllegalArgumentException(name + ": a counter's name, and only a counter's, ends in _total");
        this.name = name;
        this.kind = kind;
        this.help = help;
        this.label = label;
        this.scope = scope;
        this.values = values;
    }

    /** The name without _total: the client library adds it to a counter. */
    String familyName() {
        return kind == Kind.COUNTER ? name.substring(0, name.length() - "_total".length()) : name;
    }

    /** Label value to value; the key is "" for a metric without a label. */
    Map<String, Long> values(Readings r) {
        return values.apply(r);
    }
}
