package dev.chatroom.config;

/** The settings of cluster mode, in {@link ConfigKeys}'s order: a class of their own, so neither file grows too long. */
final class ClusterKeys {
    private ClusterKeys() {}

    static void add() {
        String cluster = "Cluster";
        ConfigKeys.key(
                "redis",
                cluster,
                "URI",
                "Join a cluster of servers sharing one Redis (redis://host:6379, redis://user:password@host:6379, rediss:// for TLS; redis-sentinel://host:26379,host:26380#mymaster for the primary Sentinel watches): rooms, users, history and bans are shared; unset: this server alone, all embedded.",
                c -> c.redis(),
                (b, v) -> b.redis(Values.redisUri(v)));
        ConfigKeys.key(
                "redis-wait-replicas",
                cluster,
                "N",
                "Count a write to Redis as done only once this many replicas have it too (Redis WAIT, up to a second), so a failover to a replica loses nothing acknowledged; history waiting for them is kept and written again. 0: as soon as Redis has it.",
                c -> c.redisWaitReplicas(),
                (b, v) -> b.redisWaitReplicas(Values.integer(v, 0, 100)));
        ConfigKeys.key(
                "node-name",
                cluster,
                "NAME",
                "This server's name in the cluster, unique among its nodes (letters, digits, '-').",
                c -> c.nodeName(),
                (b, v) -> b.nodeName(Values.nodeName(v)));
        ConfigKeys.key(
                "cluster-secret",
                cluster,
                "SECRET",
                "The secret every server of the cluster shares (at least 32 characters; openssl rand -hex 32 makes one): each event on the bus carries a MAC made with it. Needed with redis; ps shows flags, so prefer cluster-secret-file.",
                c -> c.clusterSecret(),
                (b, v) -> b.clusterSecret(Values.text(v)));
        ConfigKeys.key(
                "cluster-secret-file",
                cluster,
                "FILE",
                "A file holding the cluster secret on its first line (readable by this user only), instead of cluster-secret.",
                c -> c.clusterSecretFile(),
                (b, v) -> b.clusterSecretFile(Values.path(v)));
    }
}
