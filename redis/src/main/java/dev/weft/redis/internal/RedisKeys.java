package dev.weft.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The names of every key and channel the bridge uses, all under {@code <prefix>:}. Room names
 * and instance ids are appended verbatim after a fixed kind segment, so the names of two kinds
 * never collide and Redis, binary-safe, needs no escaping.
 *
 * <pre>
 * &lt;prefix&gt;:room:&lt;room&gt;          channel: the room's live messages
 * &lt;prefix&gt;:instance:&lt;id&gt;       channel: this instance's own; subscribing to it confirms the subscription
 * &lt;prefix&gt;:history:&lt;room&gt;       stream: the room's last lines
 * &lt;prefix&gt;:presence:&lt;room&gt;      hash: nickname to the id of the instance holding it
 * &lt;prefix&gt;:claims:&lt;id&gt;         set: the {@link ClaimEntry}s an instance holds
 * &lt;prefix&gt;:alive:&lt;id&gt;          string with a TTL: an instance's heartbeat
 * &lt;prefix&gt;:instances            set: the ids of every instance not yet reaped
 * &lt;prefix&gt;:reaped:&lt;id&gt;         string with a TTL: survivors removed this instance's claims
 * </pre>
 */
public final class RedisKeys {

    private final String prefix;
    private final byte[] roomChannelPrefix;

    /** @param prefix the configured channel prefix */
    public RedisKeys(String prefix) {
        this.prefix = prefix;
        this.roomChannelPrefix = bytes(prefix + ":room:");
    }

    /** The channel of {@code room}. */
    public byte[] roomChannel(String room) {
        return bytes(prefix + ":room:" + room);
    }

    /** The room a channel from {@link #roomChannel} names; empty for any other channel. */
    public Optional<String> roomOf(byte[] channel) {
        if (channel.length <= roomChannelPrefix.length
                || !Arrays.equals(channel, 0, roomChannelPrefix.length, roomChannelPrefix, 0, roomChannelPrefix.length)) {
            return Optional.empty();
        }
        return Optional.of(new String(channel, roomChannelPrefix.length, channel.length - roomChannelPrefix.length,
                StandardCharsets.UTF_8));
    }

    /** The channel of instance {@code id}. */
    public byte[] instanceChannel(String id) {
        return bytes(prefix + ":instance:" + id);
    }

    /** The history stream of {@code room}. */
    public byte[] history(String room) {
        return bytes(prefix + ":history:" + room);
    }

    /** The presence hash of {@code room}. */
    public byte[] presence(String room) {
        return bytes(presencePrefix() + room);
    }

    /** What precedes the room in a presence key (the reap script builds them). */
    public String presencePrefix() {
        return prefix + ":presence:";
    }

    /** The set of claims of instance {@code id}. */
    public byte[] claims(String id) {
        return bytes(prefix + ":claims:" + id);
    }

    /** The heartbeat key of instance {@code id}. */
    public byte[] alive(String id) {
        return bytes(alivePrefix() + id);
    }

    /** What precedes the id in a heartbeat key (the claim script builds them). */
    public String alivePrefix() {
        return prefix + ":alive:";
    }

    /** The set of instance ids. */
    public byte[] instances() {
        return bytes(prefix + ":instances");
    }

    /** The marker survivors leave when they reaped instance {@code id}. */
    public byte[] reaped(String id) {
        return bytes(prefix + ":reaped:" + id);
    }

    /** UTF-8. */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
