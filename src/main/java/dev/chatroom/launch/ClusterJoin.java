package dev.chatroom.launch;

import dev.chatroom.cluster.Bus;
import dev.chatroom.cluster.Cluster;
import dev.chatroom.cluster.ClusterSecret;
import dev.chatroom.cluster.RedisBus;
import dev.chatroom.config.ServerConfig;
import dev.chatroom.log.Event;
import dev.chatroom.server.ServerAccess;
import dev.chatroom.server.console.AdminSessions;
import dev.chatroom.store.redis.RedisAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** A server joining its cluster on Redis, before it listens. */
final class ClusterJoin {
    private ClusterJoin() {}

    /**
     * Joins the cluster on Redis (where: how to name it) with the hub server reaches: a node that cannot
     * reach Redis does not start (exit 1, a supervisor retries). Consoles' lines relayed by the cluster
     * run through admins.
     */
    static void join(
            ServerConfig config,
            ClusterSecret secret,
            ServerAccess server,
            Executor loop,
            AdminSessions admins,
            String where)
            throws StartException {
        RedisBus bus = new RedisBus(config.redis(), "chatroom:");
        try {
            server.call(h -> new Cluster(h, bus, secret, config.nodeName(), loop, admins::relayed))
                    .get(10, TimeUnit.SECONDS)
                    .start();
        } catch (Exception e) {
            bus.close();
            if (e instanceof Bus.NameTaken)
                throw new StartException("Cannot join the cluster: " + e.getMessage(), true, e);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StartException("Cannot reach " + where + ": " + cause.getMessage(), false, e);
        }
        admins.event(Event.info("cluster_joined", "Cluster: node " + config.nodeName() + " on " + where + ".")
                .with("node", config.nodeName()));
        if (!RedisAddress.asksForPassword(config.redis())) {
            admins.event(Event.warn(
                    "redis_without_password",
                    "Cluster: WARNING: " + where + " let this server in without a password: anyone who"
                            + " can reach it can read the accounts and history and disturb the chat. Give Redis a"
                            + " password (requirepass, or an ACL user) and --redis redis://user:password@host:port;"
                            + " see 'Running several servers' in the README."));
        }
    }
}
