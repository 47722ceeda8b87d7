package dev.weft.redis;

import dev.weft.testing.external.RedisServer;
import java.util.function.Function;
import redis.clients.jedis.Jedis;

/** A test's look at what the bridge left in a {@link RedisServer}, on a Jedis connection of its own. */
final class RedisInspector {

    private RedisInspector() {
    }

    /** How many connections are subscribed to {@code channel} ({@code PUBSUB NUMSUB}). */
    static long subscribers(RedisServer redis, String channel) {
        return query(redis, jedis -> jedis.pubsubNumSub(channel).getOrDefault(channel, 0L));
    }

    /** Runs {@code command} on a connection of its own. */
    static <T> T query(RedisServer redis, Function<Jedis, T> command) {
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            return command.apply(jedis);
        }
    }
}
