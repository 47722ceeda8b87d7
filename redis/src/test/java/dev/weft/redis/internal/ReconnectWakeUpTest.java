package dev.weft.redis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.Poll;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One connection finding Redis back ends the other connections' back-off pauses. */
class ReconnectWakeUpTest {

    private final Lifecycle lifecycle = new Lifecycle();

    @Test
    void aPauseBeforeRetryEndsWhenAnotherConnectionReachedRedis() throws Exception {
        CompletableFuture<Boolean> paused = pausing(Duration.ofHours(1));

        Poll.until("the pause to end on a wake-up", () -> {
            lifecycle.wakeRetries(); // again, in case the pause had not begun yet
            return paused.isDone();
        });

        assertFalse(paused.get(10, TimeUnit.SECONDS), "woken, not closing");
    }

    @Test
    void aPauseBeforeRetryEndsWhenTheBridgeCloses() throws Exception {
        CompletableFuture<Boolean> paused = pausing(Duration.ofHours(1));

        lifecycle.close();

        assertTrue(paused.get(10, TimeUnit.SECONDS), "closing");
    }

    @Test
    void theHeartbeatPauseIsNotShortenedByAWakeUp() {
        lifecycle.wakeRetries();

        long start = System.nanoTime();
        assertFalse(lifecycle.pause(Duration.ofMillis(50)));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(50).toNanos(), "pause waits its whole time");
    }

    @Test
    void aConnectionComingUpWhileOthersAreDownWakesThemOnce() {
        AtomicInteger wakeUps = new AtomicInteger();
        LinkHealth health = new LinkHealth("redis://127.0.0.1:1", "test", wakeUps::incrementAndGet);
        for (Link link : Link.values()) {
            health.up(link);
        }
        int atStart = wakeUps.get();
        health.down(Link.SUBSCRIBER, new IOException("Redis went away, on purpose"));

        health.up(Link.SUBSCRIBER);
        health.up(Link.SUBSCRIBER);
        assertEquals(atStart + 1, wakeUps.get(), "woken once, when the subscriber came back");
        health.up(Link.PUBLISHER);
        assertEquals(atStart + 2, wakeUps.get());
        health.up(Link.PRESENCE);
        assertEquals(atStart + 2, wakeUps.get(), "the last one up wakes nobody: nobody waits");
        assertTrue(health.allUp());
    }

    private CompletableFuture<Boolean> pausing(Duration backoff) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> result.complete(lifecycle.pauseBeforeRetry(backoff)));
        return result;
    }
}
