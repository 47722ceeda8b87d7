package dev.weft.redis;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The configuration of a {@link RedisRoomBridge}.
 *
 * @param redis                where Redis is and how long to wait for it
 * @param instanceName         this instance's name, shown in {@code /who} and in the logs of the
 *                             others: 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}.
 *                             Two instances may share a name (a restarted one does): each run gets
 *                             its own {@linkplain RedisRoomBridge#instanceId() id}
 * @param channelPrefix        the first part of every Redis key and channel the bridge uses;
 *                             default {@code weft}. Instances with the same prefix share rooms,
 *                             so one Redis can serve several separate clusters. 1 to 64 printable
 *                             ASCII characters, no space
 * @param history              how much history each room keeps
 * @param presence             heartbeat interval and time-to-live
 * @param publishQueueCapacity how many outgoing messages may wait for Redis; default 10,000. A
 *                             line published when the queue is full is dropped and counted:
 *                             the queue absorbs a Redis restart of a few seconds at the
 *                             instance's message rate, and bounds memory when Redis is gone
 */
public record RoomBridgeConfig(RedisEndpoint redis, String instanceName, String channelPrefix,
                               RoomHistoryConfig history, PresenceTiming presence, int publishQueueCapacity) {

    /** The largest {@link #publishQueueCapacity()} accepted. */
    public static final int MAX_PUBLISH_QUEUE_CAPACITY = 1_000_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PREFIX = Pattern.compile("[!-~]{1,64}");

    /** Validates every component, and that a command cannot outlast a heartbeat's validity. */
    public RoomBridgeConfig {
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(channelPrefix, "channelPrefix");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(presence, "presence");
        if (!NAME.matcher(instanceName).matches()) {
            throw new IllegalArgumentException(
                    "instanceName must be 1 to 64 letters, digits, '.', '_' or '-': '" + instanceName + "'");
        }
        if (!PREFIX.matcher(channelPrefix).matches()) {
            throw new IllegalArgumentException(
                    "channelPrefix must be 1 to 64 printable ASCII characters without space: '" + channelPrefix + "'");
        }
        if (publishQueueCapacity <= 0 || publishQueueCapacity > MAX_PUBLISH_QUEUE_CAPACITY) {
            throw new IllegalArgumentException("publishQueueCapacity must be between 1 and "
                    + MAX_PUBLISH_QUEUE_CAPACITY + ": " + publishQueueCapacity);
        }
        if (redis.commandTimeout().compareTo(presence.ttl()) >= 0) {
            throw new IllegalArgumentException("redis.commandTimeout (" + redis.commandTimeout()
                    + ") must be shorter than presence.ttl (" + presence.ttl()
                    + "): a heartbeat waiting that long would let this instance be taken for lost");
        }
    }

    /**
     * The documented defaults for an instance named {@code instanceName} using Redis at {@code redis}.
     *
     * @param redis        where Redis is
     * @param instanceName this instance's name
     * @return the configuration
     */
    public static RoomBridgeConfig of(RedisEndpoint redis, String instanceName) {
        return new RoomBridgeConfig(redis, instanceName, "weft", RoomHistoryConfig.DEFAULTS,
                PresenceTiming.DEFAULTS, 10_000);
    }

    /**
     * A copy with {@link #redis()} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public RoomBridgeConfig withRedis(RedisEndpoint value) {
        return new RoomBridgeConfig(value, instanceName, channelPrefix, history, presence, publishQueueCapacity);
    }

    /**
     * A copy with {@link #instanceName()} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public RoomBridgeConfig withInstanceName(String value) {
        return new RoomBridgeConfig(redis, value, channelPrefix, history, presence, publishQueueCapacity);
    }

    /**
     * A copy with {@link #channelPrefix()} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public RoomBridgeConfig withChannelPrefix(String value) {
        return new RoomBridgeConfig(redis, instanceName, value, history, presence, publishQueueCapacity);
    }

    /**
     * A copy with {@link #history()} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public RoomBridgeConfig withHistory(RoomHistoryConfig value) {
        return new RoomBridgeConfig(redis, instanceName, channelPrefix, value, presence, publishQueueCapacity);
    }

    /**
     * A copy with {@link #presence()} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public RoomBridgeConfig withPresence(PresenceTiming value) {
        return new RoomBridgeConfig(redis, instanceName, channelPrefix, history, value, publishQueueCapacity);
    }

    /**
     * A copy with {@link #publishQueueCapacity()} changed.
     *
     * @param value the new value
     * @return the copy
     */
    public RoomBridgeConfig withPublishQueueCapacity(int value) {
        return new RoomBridgeConfig(redis, instanceName, channelPrefix, history, presence, value);
    }
}
