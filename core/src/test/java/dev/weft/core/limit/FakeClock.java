package dev.weft.core.limit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A nanosecond clock that moves only when told, so rate tests never depend on timing. */
final class FakeClock implements NanoClock {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
