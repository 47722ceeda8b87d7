package dev.weft.loadtest.generator;

/** How the clients pace their requests. */
public sealed interface LoadMode {

    /** Each client sends its next request as soon as the previous answer arrived. */
    record ClosedLoop() implements LoadMode {
    }

    /**
     * The clients together send {@code requestsPerSecond} round trips per second on a fixed
     * schedule, whatever the server does; each latency is measured from the request's intended
     * send time, so a stalled server is charged for every request it delayed (wrk2's
     * correction for coordinated omission).
     *
     * @param requestsPerSecond the total rate over all connections
     */
    record OpenLoop(int requestsPerSecond) implements LoadMode {
        /** Validates. */
        public OpenLoop {
            if (requestsPerSecond <= 0) {
                throw new IllegalArgumentException("requestsPerSecond must be > 0: " + requestsPerSecond);
            }
        }
    }
}
