package dev.weft.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class PinningRecorderTest {

    /** Parking inside a class initialiser pins the carrier on every JDK version. */
    static final class ParksWhileInitialising {
        static {
            LockSupport.parkNanos(Duration.ofMillis(60).toNanos());
        }

        static void touch() {
        }
    }

    @Test
    void blockingInAClassInitialiserOnAVirtualThreadIsReported() throws Exception {
        PinningRecorder recorder = PinningRecorder.start(Duration.ofMillis(10));
        Thread.ofVirtual().start(ParksWhileInitialising::touch).join();
        AssertionError error = assertThrows(AssertionError.class, recorder::assertNoPinning);
        assertTrue(error.getMessage().contains("ParksWhileInitialising"), error.getMessage());
    }

    @Test
    void blockingOnAReentrantLockIsNotPinning() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        try (PinningRecorder recorder = PinningRecorder.start(Duration.ofMillis(10))) {
            lock.lock();
            Thread waiter = Thread.ofVirtual().start(() -> {
                lock.lock();
                lock.unlock();
            });
            // The waiter parks on the lock; release it once it is queued.
            while (!lock.hasQueuedThread(waiter)) {
                Thread.onSpinWait();
            }
            lock.unlock();
            waiter.join();
            assertEquals(java.util.List.of(), recorder.stop());
        }
    }

    @Test
    void waitingForAJdkClassToBeInitialisedIsTheJdksCostNotAPin() {
        assertTrue(PinningRecorder.waitedForJdkClassInitialisation(
                "Waited for initialization of sun.nio.ch.Poller by another thread"));
        assertFalse(PinningRecorder.waitedForJdkClassInitialisation(
                "Waited for initialization of dev.weft.Slow by another thread"));
        assertFalse(PinningRecorder.waitedForJdkClassInitialisation("Native or VM frame on stack"));
    }

    @Test
    void onlyTheJdksOwnCriticalSectionsAreSetAside() {
        assertTrue(PinningRecorder.inJdkCriticalSection("Freeze or preempt failed (2)"));
        assertFalse(PinningRecorder.inJdkCriticalSection("Native or VM frame on stack"));
        assertFalse(PinningRecorder.inJdkCriticalSection("Freeze or preempt failed (4)"));
        assertFalse(PinningRecorder.inJdkCriticalSection(""));
    }
}
