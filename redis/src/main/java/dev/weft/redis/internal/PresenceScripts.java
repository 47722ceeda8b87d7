package dev.weft.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The Lua scripts that keep presence consistent: Redis runs each one atomically, so two
 * instances claiming one nickname, or two survivors reaping one lost instance, cannot interleave.
 *
 * <p>Sent with {@code EVAL} every time: they are a few hundred bytes, Redis caches them by
 * digest, and there is no {@code NOSCRIPT} case to handle after a Redis restart. They build key
 * names from the prefixes in {@link RedisKeys}, so they need one Redis server, not Redis Cluster.
 */
public final class PresenceScripts {

    /**
     * KEYS: presence hash of the room, claims set of this instance. ARGV: nickname, this
     * instance's id, the claim entry, the heartbeat key prefix. Returns {code, holder}: 0 taken
     * by a live instance, 1 already ours, 2 newly claimed, 3 taken over from a lost instance.
     */
    private static final byte[] CLAIM = RedisKeys.bytes("""
            local holder = redis.call('HGET', KEYS[1], ARGV[1])
            if holder == ARGV[2] then
              redis.call('SADD', KEYS[2], ARGV[3])
              return {1, holder}
            end
            if holder and redis.call('EXISTS', ARGV[4] .. holder) == 1 then
              return {0, holder}
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[3])
            if holder then
              return {3, holder}
            end
            return {2, ''}
            """);

    /**
     * KEYS: presence hash of the room, claims set of this instance. ARGV: nickname, this
     * instance's id, the claim entry. Returns 1 when the nickname was ours and is now free.
     */
    private static final byte[] RELEASE = RedisKeys.bytes("""
            redis.call('SREM', KEYS[2], ARGV[3])
            if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
              redis.call('HDEL', KEYS[1], ARGV[1])
              return 1
            end
            return 0
            """);

    /**
     * KEYS: heartbeat of the instance, its claims set, the instances set, its reaped marker.
     * ARGV: its id, the presence key prefix, the marker's TTL in ms, '1' to reap even though the
     * heartbeat is there (an instance closing reaps itself). Returns nil if the instance is alive
     * or another survivor reaped it already; else removes every nickname it still holds and returns their claim entries — to exactly one
     * caller: the next one finds the claims set gone.
     */
    private static final byte[] REAP = RedisKeys.bytes("""
            if ARGV[4] ~= '1' and (redis.call('EXISTS', KEYS[1]) == 1
                or redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 0) then
              return false
            end
            local removed = {}
            for _, entry in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              local colon = string.find(entry, ':', 1, true)
              if colon then
                local length = tonumber(string.sub(entry, 1, colon - 1))
                if length then
                  local room = string.sub(entry, colon + 1, colon + length)
                  local nick = string.sub(entry, colon + length + 1)
                  local presence = ARGV[2] .. room
                  if redis.call('HGET', presence, nick) == ARGV[1] then
                    redis.call('HDEL', presence, nick)
                    table.insert(removed, entry)
                  end
                end
              end
            end
            redis.call('DEL', KEYS[2], KEYS[1])
            redis.call('SREM', KEYS[3], ARGV[1])
            if ARGV[4] ~= '1' then
              redis.call('SET', KEYS[4], '1', 'PX', ARGV[3])
            end
            return removed
            """);

    private final RedisKeys keys;
    private final String self;
    private final byte[] selfBytes;

    /**
     * @param keys the key names
     * @param self this instance's id
     */
    public PresenceScripts(RedisKeys keys, String self) {
        this.keys = keys;
        this.self = self;
        this.selfBytes = RedisKeys.bytes(self);
    }

    /** Claims {@code entry}'s nickname in its room for this instance. */
    public ClaimResult claim(Jedis jedis, ClaimEntry entry) {
        return ClaimResult.of(jedis.eval(CLAIM, claimKeys(entry), claimArgs(entry)));
    }

    /** Queues a claim; {@link ClaimResult#of} reads its answer after the pipeline synced. */
    public Response<Object> claim(Pipeline pipeline, ClaimEntry entry) {
        return pipeline.eval(CLAIM, claimKeys(entry), claimArgs(entry));
    }

    /** Queues the release of {@code entry}: the nickname is freed if this instance held it. */
    public Response<Object> release(Pipeline pipeline, ClaimEntry entry) {
        return pipeline.eval(RELEASE, claimKeys(entry), claimArgs(entry).subList(0, 3));
    }

    /**
     * Removes every nickname of instance {@code id} if its heartbeat has expired — or, with
     * {@code evenIfAlive}, at once (this instance closing).
     *
     * @param markerTtlMillis how long the reaped marker stays, for the instance to learn it was
     *                        reaped should it come back
     * @return what it held, which this caller alone now announces; empty if it was alive
     */
    public Optional<List<ClaimEntry>> reap(Jedis jedis, String id, long markerTtlMillis, boolean evenIfAlive) {
        Object reply = jedis.eval(REAP,
                List.of(keys.alive(id), keys.claims(id), keys.instances(), keys.reaped(id)),
                List.of(RedisKeys.bytes(id), RedisKeys.bytes(keys.presencePrefix()),
                        RedisKeys.bytes(Long.toString(markerTtlMillis)), RedisKeys.bytes(evenIfAlive ? "1" : "0")));
        if (!(reply instanceof List<?> entries)) {
            return Optional.empty();
        }
        List<ClaimEntry> removed = new ArrayList<>();
        for (Object element : entries) {
            if (element instanceof byte[] bytes) {
                ClaimEntry.decode(bytes).ifPresent(removed::add);
            }
        }
        return Optional.of(removed);
    }

    private List<byte[]> claimKeys(ClaimEntry entry) {
        return List.of(keys.presence(entry.room()), keys.claims(self));
    }

    private List<byte[]> claimArgs(ClaimEntry entry) {
        return List.of(RedisKeys.bytes(entry.nickname()), selfBytes, entry.encode(),
                RedisKeys.bytes(keys.alivePrefix()));
    }

    /**
     * The answer to a claim.
     *
     * @param code   0 taken, 1 already held, 2 newly claimed, 3 taken over from a lost instance
     * @param holder the id of the instance that holds (0) or held (3) the nickname, else empty
     */
    public record ClaimResult(int code, String holder) {

        /** Taken by a live instance. */
        public static final int TAKEN = 0;
        /** Already this instance's. */
        public static final int HELD = 1;
        /** Newly this instance's. */
        public static final int CLAIMED = 2;
        /** This instance's now, taken from a lost instance no survivor had reaped yet. */
        public static final int TOOK_OVER = 3;

        /** Reads a reply of the claim script. */
        public static ClaimResult of(Object reply) {
            return parse(reply).orElseThrow(() -> new IllegalStateException("unexpected claim reply " + reply));
        }

        private static Optional<ClaimResult> parse(Object reply) {
            if (reply instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Long code
                    && list.get(1) instanceof byte[] holder) {
                return Optional.of(new ClaimResult(code.intValue(), new String(holder, StandardCharsets.UTF_8)));
            }
            return Optional.empty();
        }

        /** Whether the nickname is this instance's now. */
        public boolean granted() {
            return code != TAKEN;
        }

        /** Whether it was not this instance's before: a join to announce after being reaped. */
        public boolean newlyHeld() {
            return code == CLAIMED || code == TOOK_OVER;
        }
    }
}
