package dev.weft.http.internal;

import dev.weft.core.Connection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline of the read one connection is waiting in, enforced by the {@link
 * DeadlineWatchdog} instead of a timer per read (reads run with the socket timeout disabled).
 *
 * <p>The connection's thread {@linkplain #arm arms} it before a read that may block and
 * {@linkplain #disarm disarms} it after; the watchdog {@linkplain #expireIfDue expires} it
 * when due. Arm, disarm and expire are one atomic stamp (a generation and a phase), so exactly
 * one side wins: if the watchdog expires a phase, the connection's thread sees its disarm fail
 * and writes nothing more, and the watchdog's outcome stands — the connection closed, after a
 * {@code 408} for a request head that came too slowly.
 */
public final class ReadDeadline {

    private static final Logger log = LoggerFactory.getLogger(ReadDeadline.class);
    private static final byte[] REQUEST_TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 25\r\nConnection: close\r\n\r\nrequest header too slow\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    /** What a connection waits for. */
    public enum Phase {
        /** Nothing: no deadline. */
        NONE,
        /** The first byte of the next request (idle timeout). */
        IDLE,
        /** The rest of a request head (header deadline). */
        HEADER,
        /** The next bytes of a request body (body read timeout). */
        BODY,
        /** The watchdog's verdict: the deadline passed. */
        EXPIRED
    }

    private static final Phase[] PHASES = Phase.values();
    private static final long GENERATION = 8;

    private final Connection connection;
    private final AtomicLong stamp = new AtomicLong();
    private volatile long deadlineNanos;

    ReadDeadline(Connection connection) {
        this.connection = connection;
    }

    /** Starts a deadline for {@code phase}; connection thread only. */
    void arm(Phase phase, long deadline) {
        deadlineNanos = deadline;
        long current = stamp.get();
        stamp.set((current / GENERATION + 1) * GENERATION + phase.ordinal());
    }

    /**
     * Ends the current deadline; connection thread only.
     *
     * @return false when the watchdog expired it first: the exchange is over
     */
    boolean disarm() {
        long current = stamp.get();
        return PHASES[(int) (current % GENERATION)] != Phase.EXPIRED
                && stamp.compareAndSet(current, current - current % GENERATION + Phase.NONE.ordinal());
    }

    /** Whether the watchdog expired the current deadline. */
    boolean expired() {
        return PHASES[(int) (stamp.get() % GENERATION)] == Phase.EXPIRED;
    }

    /**
     * Expires the deadline if it is armed and due at {@code now}, and acts on it; watchdog only.
     *
     * @return whether it expired
     */
    boolean expireIfDue(long now) {
        long current = stamp.get();
        Phase phase = PHASES[(int) (current % GENERATION)];
        if (phase == Phase.NONE || phase == Phase.EXPIRED || now - deadlineNanos < 0) {
            return false;
        }
        if (!stamp.compareAndSet(current, current - current % GENERATION + Phase.EXPIRED.ordinal())) {
            return false;
        }
        log.debug("{} {} deadline passed: closing", connection, phase);
        if (phase == Phase.HEADER) {
            // Never block the watchdog on a slow peer: answer from a short-lived thread.
            Thread.ofVirtual().name("http-408-" + connection.id()).start(this::answerTimeoutAndClose);
        } else {
            connection.close();
        }
        return true;
    }

    private void answerTimeoutAndClose() {
        try {
            connection.write(REQUEST_TIMEOUT);
            connection.flush();
        } catch (java.io.IOException e) {
            log.debug("{} 408 not sent: {}", connection, e.toString());
        } finally {
            connection.close();
        }
    }
}
