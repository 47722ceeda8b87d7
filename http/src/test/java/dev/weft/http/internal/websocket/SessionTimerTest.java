package dev.weft.http.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionTimerTest {

    private final SessionTimer timer = new SessionTimer(task -> Thread.ofVirtual().name("test-timer").start(task));
    private final BlockingQueue<String> fired = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        timer.close();
    }

    private static long in(Duration delay) {
        return System.nanoTime() + delay.toNanos();
    }

    /** A slot that records {@code label} each time it fires, and asks for no further wake-up. */
    private SessionTimer.Slot recording(String label) {
        return timer.slot(now -> {
            fired.add(label);
            return SessionTimer.NEVER;
        });
    }

    @Test
    void wakeUpsComeInDeadlineOrder() throws InterruptedException {
        for (int delay : new int[] {300, 10, 100}) {
            recording("after " + delay).wakeAt(in(Duration.ofMillis(delay)));
        }
        assertEquals("after 10", fired.poll(10, TimeUnit.SECONDS));
        assertEquals("after 100", fired.poll(10, TimeUnit.SECONDS));
        assertEquals("after 300", fired.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void theNextWakeUpASessionNamesIsHonouredUntilItNamesNone() throws InterruptedException {
        int[] count = {0};
        timer.slot(now -> {
            fired.add("fired " + count[0]);
            return ++count[0] < 3 ? now + Duration.ofMillis(5).toNanos() : SessionTimer.NEVER;
        }).wakeAt(in(Duration.ofMillis(5)));
        assertEquals("fired 0", fired.poll(10, TimeUnit.SECONDS));
        assertEquals("fired 1", fired.poll(10, TimeUnit.SECONDS));
        assertEquals("fired 2", fired.poll(10, TimeUnit.SECONDS));
        SessionTimer.Slot marker = recording("marker");
        marker.wakeAt(in(Duration.ofMillis(50)));
        assertEquals("marker", fired.poll(10, TimeUnit.SECONDS), "no fourth wake-up before it");
    }

    @Test
    void anEarlierWakeUpSupersedesALaterOneWhichThenDoesNotFire() throws InterruptedException {
        SessionTimer.Slot slot = recording("fired");
        slot.wakeAt(in(Duration.ofMillis(200)));
        slot.wakeAt(in(Duration.ofMillis(10)));
        slot.wakeAt(in(Duration.ofMillis(100)));
        assertEquals("fired", fired.poll(10, TimeUnit.SECONDS));
        SessionTimer.Slot marker = recording("marker");
        marker.wakeAt(in(Duration.ofMillis(400)));
        assertEquals("marker", fired.poll(10, TimeUnit.SECONDS), "the superseded wake-ups at 100 and 200 ms did not fire");
    }

    @Test
    void aCancelledSlotNeverFires() throws InterruptedException {
        SessionTimer.Slot slot = recording("cancelled one fired");
        slot.wakeAt(in(Duration.ofMillis(20)));
        slot.cancel();
        slot.wakeAt(in(Duration.ofMillis(20)));
        SessionTimer.Slot marker = recording("marker");
        marker.wakeAt(in(Duration.ofMillis(100)));
        assertEquals("marker", fired.poll(10, TimeUnit.SECONDS));
        assertNull(fired.poll());
    }
}
