package dev.weft.core.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void aBurstUpToTheBucketSizePassesAndTheNextIsLimited() {
        TokenBucket bucket = new TokenBucket(new RateLimit(10, 5), clock);
        for (int i = 0; i < 5; i++) {
            assertTrue(bucket.tryAcquire().allowed(), "permit " + i + " of the burst");
        }
        RateDecision.Limited limited = assertInstanceOf(RateDecision.Limited.class, bucket.tryAcquire());
        assertEquals(Duration.ofMillis(100), limited.retryAfter(), "one token takes 1/10 s");
        assertEquals(1, limited.retryAfterSeconds());
    }

    @Test
    void theConfiguredRateHoldsOverAWindow() {
        TokenBucket bucket = new TokenBucket(new RateLimit(50, 10), clock);
        int allowed = 0;
        // A client trying every millisecond for 20 seconds.
        for (int ms = 0; ms < 20_000; ms++) {
            if (bucket.tryAcquire().allowed()) {
                allowed++;
            }
            clock.advance(Duration.ofMillis(1));
        }
        int expected = 10 + 50 * 20;
        assertTrue(Math.abs(allowed - expected) <= 1, "allowed " + allowed + ", expected about " + expected);
    }

    @Test
    void retryAfterIsExact() {
        TokenBucket bucket = new TokenBucket(new RateLimit(0.5, 1), clock);
        assertTrue(bucket.tryAcquire().allowed());
        RateDecision.Limited limited = assertInstanceOf(RateDecision.Limited.class, bucket.tryAcquire());
        assertEquals(Duration.ofSeconds(2), limited.retryAfter());
        clock.advance(Duration.ofMillis(1_999));
        assertFalse(bucket.tryAcquire().allowed());
        clock.advance(Duration.ofMillis(1));
        assertTrue(bucket.tryAcquire().allowed(), "a token after exactly 2 s");
    }

    @Test
    void aQuietBucketRefillsOnlyUpToItsSize() {
        TokenBucket bucket = new TokenBucket(new RateLimit(100, 3), clock);
        for (int i = 0; i < 3; i++) {
            bucket.tryAcquire();
        }
        clock.advance(Duration.ofHours(1));
        int allowed = 0;
        while (bucket.tryAcquire().allowed()) {
            allowed++;
        }
        assertEquals(3, allowed);
    }

    @Test
    void invalidRatesAreRejectedWithTheValue() {
        assertEquals("permitsPerSecond must be a positive number: 0.0",
                assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, 1)).getMessage());
        assertEquals("burst must be > 0: 0",
                assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, 0)).getMessage());
    }
}
