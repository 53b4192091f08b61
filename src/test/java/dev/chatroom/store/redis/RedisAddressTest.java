package dev.chatroom.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

/** --redis as messages name it (never with its password) and as Lettuce reads it: one Redis, or Sentinels. */
class RedisAddressTest {
    @Test
    void aSentinelAddressNamesEverySentinelAndThePrimaryWithoutThePassword() {
        String uri = "redis-sentinel://chatroom:s3cret@10.0.0.5:26379,10.0.0.6:26380,10.0.0.7/0#mymaster";
        RedisURI target = RedisAddress.parse(uri);
        assertThat(target.getSentinelMasterId()).isEqualTo("mymaster");
        assertThat(target.getSentinels()).extracting(RedisURI::getPort).containsExactly(26379, 26380, 26379);
        assertThat(RedisAddress.where(target))
                .isEqualTo("redis-sentinel://10.0.0.5:26379,10.0.0.6:26380,10.0.0.7:26379#mymaster");
        assertThat(RedisAddress.asksForPassword(uri)).isTrue();
        assertThat(RedisAddress.sentinel(uri)).isTrue();
        assertThat(RedisAddress.where(RedisAddress.parse("rediss-sentinel://h:26379#chat")))
                .isEqualTo("rediss-sentinel://h:26379#chat");
    }

    @Test
    void oneRedisIsNamedByHostAndPort() {
        assertThat(RedisAddress.where(RedisAddress.parse("redis://:pw@127.0.0.1:6380/0")))
                .isEqualTo("redis://127.0.0.1:6380");
        assertThat(RedisAddress.where(RedisAddress.parse("rediss://redis.example.org")))
                .isEqualTo("rediss://redis.example.org:6379");
        assertThat(RedisAddress.sentinel("redis://127.0.0.1:6379")).isFalse();
    }

    @Test
    void aPasswordIsOneGivenNotAnEmptyOne() {
        assertThat(RedisAddress.asksForPassword("redis://:pw@h:6379")).isTrue();
        assertThat(RedisAddress.asksForPassword("redis://user:pw@h:6379")).isTrue();
        assertThat(RedisAddress.asksForPassword("redis://h:6379")).isFalse();
        assertThat(RedisAddress.asksForPassword("redis://user:@h:6379")).isFalse();
        assertThat(RedisAddress.asksForPassword("redis-sentinel://h1:26379,h2:26379#m"))
                .isFalse();
        assertThat(RedisAddress.asksForPassword("redis-sentinel://:p%40ss@h1:26379,h2:26379#m"))
                .isTrue();
    }
}
