package dev.weft.loadtest.generator;

/**
 * When each request of one open-loop client is due. The clients share the total rate: each
 * sends every {@code connections / rate} seconds, and client {@code k} is offset by {@code k}
 * shares of that interval so the requests of all clients interleave evenly.
 *
 * @param startNanos    the {@link System#nanoTime()} of the run's start
 * @param intervalNanos the time between two requests of this client
 * @param offsetNanos   this client's offset from the start
 */
public record OpenLoopSchedule(long startNanos, long intervalNanos, long offsetNanos) {

    /** The schedule of client {@code index} of {@code connections} sharing {@code requestsPerSecond}. */
    public static OpenLoopSchedule of(long startNanos, int requestsPerSecond, int connections, int index) {
        long interval = Math.max(1, Math.round(connections * 1e9 / requestsPerSecond));
        return new OpenLoopSchedule(startNanos, interval, interval * index / connections);
    }

    /** The intended send time of request number {@code n} (from 0) of this client. */
    public long intendedNanos(long n) {
        return startNanos + offsetNanos + n * intervalNanos;
    }
}
