package dev.weft.loadtest.generator;

/** Whether a client keeps its connection between round trips. */
public enum ConnectionReuse {
    /** One connection per client for the whole run (keep-alive). */
    KEEP_ALIVE,
    /**
     * Connect, one round trip, close — connection churn. The close sends a reset
     * ({@code SO_LINGER 0}) so that client ports do not pile up in {@code TIME_WAIT}.
     */
    NEW_PER_ROUND_TRIP
}
