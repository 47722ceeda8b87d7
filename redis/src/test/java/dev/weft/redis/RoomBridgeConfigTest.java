package dev.weft.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bridge's configuration refuses what cannot work, saying which numbers clash. */
class RoomBridgeConfigTest {

    private static final RedisEndpoint LOCAL = RedisEndpoint.of("redis://127.0.0.1:6379");

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        RoomBridgeConfig config = RoomBridgeConfig.of(LOCAL, "chat-a");
        assertEquals("weft", config.channelPrefix());
        assertEquals(new RoomHistoryConfig(50, Duration.ofDays(1)), config.history());
        assertEquals(new PresenceTiming(Duration.ofSeconds(2), Duration.ofSeconds(10)), config.presence());
        assertEquals(Duration.ofSeconds(12), config.presence().lostInstanceBound());
        assertEquals(10_000, config.publishQueueCapacity());
        assertEquals(new RedisEndpoint(URI.create("redis://127.0.0.1:6379"), Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofSeconds(5)), LOCAL);
    }

    @Test
    void aTtlShorterThanTwoHeartbeatsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PresenceTiming(Duration.ofSeconds(2), Duration.ofSeconds(3)));
        assertEquals("ttl (PT3S) must be at least twice heartbeatInterval (PT2S)", e.getMessage());
    }

    @Test
    void aCommandTimeoutAsLongAsTheTtlIsRefused() {
        RoomBridgeConfig config = RoomBridgeConfig.of(LOCAL, "a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config.withRedis(LOCAL.withCommandTimeout(Duration.ofSeconds(10))));
        assertEquals("redis.commandTimeout (PT10S) must be shorter than presence.ttl (PT10S): a heartbeat waiting"
                + " that long would let this instance be taken for lost", e.getMessage());
    }

    @Test
    void aMaximumReconnectDelayBelowTheMinimumIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LOCAL.withReconnectDelays(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertEquals("reconnectMaxDelay (PT1S) must not be shorter than reconnectMinDelay (PT2S)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:6379", "127.0.0.1:6379", "redis:///0"})
    void aUriThatIsNotRedisIsRefused(String uri) {
        assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.of(uri));
    }

    @Test
    void theRedactedUriHidesThePassword() {
        assertEquals("rediss://cache.example:6380/2", RedisEndpoint.of("rediss://user:secret@cache.example:6380/2").redactedUri());
        assertEquals("redis://127.0.0.1:6379", RedisEndpoint.of("redis://127.0.0.1").redactedUri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a@b", "name-of-more-than-sixty-four-characters-is-too-long-for-an-instance"})
    void aBadInstanceNameIsRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> RoomBridgeConfig.of(LOCAL, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\tbed"})
    void aBadChannelPrefixIsRefused(String prefix) {
        assertThrows(IllegalArgumentException.class, () -> RoomBridgeConfig.of(LOCAL, "a").withChannelPrefix(prefix));
    }

    @Test
    void historyAndQueueLimitsSayBothNumbers() {
        assertEquals("length must be between 0 and 10000: 10001", assertThrows(IllegalArgumentException.class,
                () -> new RoomHistoryConfig(10_001, Duration.ofDays(1))).getMessage());
        assertEquals("publishQueueCapacity must be between 1 and 1000000: 0", assertThrows(IllegalArgumentException.class,
                () -> RoomBridgeConfig.of(LOCAL, "a").withPublishQueueCapacity(0)).getMessage());
    }
}
