package dev.weft.udp;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes: for state with no event to wait on. */
final class Eventually {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(1);

    private Eventually() {
    }

    static void assertEventually(BooleanSupplier condition, Supplier<String> description) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not true within " + DEADLINE + ": " + description.get());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
