package dev.weft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testing.Poll;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineWatchdogTest {

    private final Collection<Target> targets = new CopyOnWriteArrayList<>();
    private final DeadlineWatchdog watchdog = new DeadlineWatchdog("test", targets);
    private final Thread thread = Thread.ofVirtual().name("watchdog").start(watchdog);

    @AfterEach
    void stop() throws InterruptedException {
        watchdog.stop();
        assertTrue(thread.join(Duration.ofSeconds(10)), "the watchdog thread ends on stop");
    }

    /** A connection's deadlines as the watchdog sees them. */
    private static class Target implements Deadlined {
        volatile long readDeadline;
        volatile long writeDeadline;
        final AtomicBoolean readExpired = new AtomicBoolean();
        final AtomicBoolean writeExpired = new AtomicBoolean();

        @Override
        public long readDeadline() {
            return readDeadline;
        }

        @Override
        public long writeDeadline() {
            return writeDeadline;
        }

        @Override
        public void expireRead() {
            readExpired.set(true);
            readDeadline = 0;
        }

        @Override
        public void expireWrite() {
            writeExpired.set(true);
            writeDeadline = 0;
        }

        @Override
        public boolean isOpen() {
            return !readExpired.get() && !writeExpired.get();
        }
    }

    private Target reading(Duration timeout) {
        Target target = new Target();
        target.readDeadline = System.nanoTime() + timeout.toNanos();
        targets.add(target);
        watchdog.published(target.readDeadline);
        return target;
    }

    @Test
    void aShortDeadlineOnOneConnectionIsForgottenOnceItHasPassed() {
        Target quiet = reading(Duration.ofMinutes(10));
        Target hasty = reading(Duration.ofMillis(50));
        Poll.until("the short read to expire", hasty.readExpired::get);
        targets.remove(hasty);
        // The next wake-up is the quiet connection's deadline, not a period the short one left behind.
        Poll.until("the watchdog to plan its next wake-up at the remaining deadline",
                () -> watchdog.plannedWakeNanos() == quiet.readDeadline);
        assertFalse(quiet.readExpired.get());
    }

    @Test
    void aDeadlineEarlierThanThePlannedWakeUpWakesTheWatchdog() {
        reading(Duration.ofMinutes(10));
        Poll.until("the watchdog to sleep until the far deadline",
                () -> watchdog.plannedWakeNanos() - System.nanoTime() > Duration.ofMinutes(5).toNanos());
        Target hasty = reading(Duration.ofMillis(20));
        Poll.until("the new, earlier deadline to be enforced", hasty.readExpired::get);
    }

    @Test
    void writeDeadlinesAreEnforcedBeforeReadDeadlines() {
        Target target = new Target();
        target.readDeadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        target.writeDeadline = System.nanoTime() + Duration.ofMillis(20).toNanos();
        targets.add(target);
        watchdog.published(target.writeDeadline);
        Poll.until("the write to expire", target.writeExpired::get);
        assertFalse(target.readExpired.get());
    }

    @Test
    void aFailureInsideAScanIsLoggedAndDeadlinesAreStillEnforced() {
        AtomicBoolean thrown = new AtomicBoolean();
        Target broken = new Target() {
            @Override
            public long readDeadline() {
                if (thrown.compareAndSet(false, true)) {
                    throw new IllegalStateException("a scan that fails once");
                }
                return 0;
            }
        };
        targets.add(broken);
        Target hasty = reading(Duration.ofMillis(20));
        Poll.until("the scan to fail once", thrown::get);
        Poll.until("the short read to expire all the same", hasty.readExpired::get);
        assertEquals(true, thrown.get());
    }
}
