package dev.weft.core.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyedRateLimiterTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void aLimitedKeyLeavesOtherKeysUnaffected() {
        KeyedRateLimiter<String> limiter = new KeyedRateLimiter<>(new RateLimit(1, 2), 100, clock);
        assertTrue(limiter.tryAcquire("a").allowed());
        assertTrue(limiter.tryAcquire("a").allowed());
        assertFalse(limiter.tryAcquire("a").allowed());
        assertTrue(limiter.tryAcquire("b").allowed());
        assertTrue(limiter.tryAcquire("b").allowed());
        assertEquals(4, limiter.allowed());
        assertEquals(1, limiter.limited());
    }

    @Test
    void keysIdleLongEnoughToRefillAreForgotten() {
        KeyedRateLimiter<String> limiter = new KeyedRateLimiter<>(new RateLimit(10, 10), 1_000, clock);
        for (int i = 0; i < 500; i++) {
            limiter.tryAcquire("client-" + i);
        }
        assertEquals(500, limiter.trackedKeys());
        clock.advance(Duration.ofSeconds(2));
        limiter.tryAcquire("newcomer");
        assertEquals(1, limiter.trackedKeys(), "only the key just used is left");
    }

    @Test
    void aFullTableRefusesNewKeysButKeepsServingTrackedOnes() {
        KeyedRateLimiter<String> limiter = new KeyedRateLimiter<>(new RateLimit(1, 5), 2, clock);
        assertTrue(limiter.tryAcquire("a").allowed());
        assertTrue(limiter.tryAcquire("b").allowed());
        assertFalse(limiter.tryAcquire("c").allowed(), "no room for a third key");
        assertEquals(1, limiter.overflowed());
        assertTrue(limiter.tryAcquire("a").allowed(), "tracked keys keep their budget");
        clock.advance(Duration.ofSeconds(5));
        assertTrue(limiter.tryAcquire("c").allowed(), "room again once the others refilled");
        assertEquals(1, limiter.trackedKeys(), "the refilled keys were forgotten");
    }
}
