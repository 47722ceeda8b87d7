package dev.weft.loadtest.generator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The shared accounting of one load step, safe for thousands of concurrent clients: a
 * wait-free HdrHistogram {@link Recorder} and striped counters. Only round trips that start
 * (or were due to start) inside the measurement window count; errors and timeouts count from
 * the start of the warm-up on, so none is ever hidden.
 */
final class Tally {

    private final Recorder recorder = new Recorder(3);
    private final LongAdder responses = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private volatile Window window;

    /** The measurement window, in {@link System#nanoTime()} terms. */
    record Window(long startNanos, long measureStartNanos, long endNanos) {
    }

    /** Opens the step: from now on round trips are timed against {@code value}. */
    void open(Window value) {
        window = value;
    }

    Window window() {
        return window;
    }

    /**
     * Records a completed round trip.
     *
     * @param startNanos when it was sent, or in open-loop mode when it was due
     * @param doneNanos  when its last response arrived
     * @param responses  how many responses it completed
     */
    void completed(long startNanos, long doneNanos, int responses) {
        Window w = window;
        if (w != null && startNanos >= w.measureStartNanos() && startNanos < w.endNanos()) {
            long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(doneNanos - startNanos));
            recorder.recordValueWithCount(micros, responses);
            this.responses.add(responses);
        }
    }

    /** Responses counted so far; unlike {@link #result()} this does not consume the histogram. */
    long responses() {
        return responses.sum();
    }

    void error() {
        errors.increment();
    }

    void timeout() {
        timeouts.increment();
    }

    /** The result; call once, at the end: it takes the recorded histogram. */
    LoadResult result() {
        Histogram histogram = recorder.getIntervalHistogram();
        Window w = window;
        return new LoadResult(responses.sum(), errors.sum(), timeouts.sum(), histogram,
                Duration.ofNanos(w.endNanos() - w.measureStartNanos()));
    }
}
