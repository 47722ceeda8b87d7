package dev.weft.loadtest.generator;

/**
 * Told when a step's measurement window opens and closes, so that server CPU and memory can be
 * sampled over exactly the same window as the latencies.
 */
public interface MeasurementListener {

    /** A listener that does nothing. */
    MeasurementListener NONE = new MeasurementListener() {
        @Override
        public void started() {
        }

        @Override
        public void ended() {
        }
    };

    /** The warm-up is over; recording starts now. */
    void started();

    /** Recording stops now. */
    void ended();
}
