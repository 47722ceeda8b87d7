package dev.weft.redis.internal;

import java.time.Instant;

/** Wall-clock time as microseconds since the epoch, the unit of {@link Stamp#sentAtMicros()}. */
public final class EpochMicros {

    private EpochMicros() {
    }

    /** Now. */
    public static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** The instant {@code micros} after the epoch. */
    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }
}
